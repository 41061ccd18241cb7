"""A feed to follow, as the user configured it."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.connectors.feeds.entries import is_http

KINDS = ("feed", "blog_comments")


@dataclass(frozen=True)
class FeedSource:
    """A feed to follow: its address, what its entries mean, and a title the user gave it.

    kind "feed": every entry is a candidate to share. kind "blog_comments": the comments
    feed of the user's own blog, every entry an inbound reply from the commenter.
    """

    url: str
    kind: str = "feed"
    title: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown feed kind {self.kind!r}: use one of {', '.join(KINDS)}")
        if not is_http(self.url):
            raise ValueError(f"a feed address must be an http(s) URL, not {self.url[:200]!r}")

    @property
    def stream(self) -> str:
        return "feed:" + self.url
