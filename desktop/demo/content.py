"""The demo's literal content: names, instances, posts, thank-you texts, feeds, articles,
tracking parameters and mix weights. It is data (``desktop/resources/demo/*.json``), read
through importlib.resources, so it can be edited without reading the simulation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import desktop
from desktop.core.events import Kind

DAYS = 42  # six weeks of interactions
CANDIDATE_DAYS = 10

MASTODON_SERVER = "https://social.example"
MASTODON_HANDLE = "@you@social.example"
BLUESKY_SERVER = "https://bsky.social"
BLUESKY_HANDLE = "you.bsky.social"


@dataclass(frozen=True)
class FeedSpec:
    url: str
    title: str
    site_url: str
    author: str
    language: str


@dataclass(frozen=True)
class Article:
    url: str  # {date} is replaced by the publication date (yyyy/mm)
    title: str
    summary: str
    language: str
    author: str = ""
    feed: int | None = None  # index into FEEDS when a feed carries it
    sharers: int = 0  # people in my network who post the link
    feed_tracking: str = ""  # what the feed itself appends to links


def _load(name: str) -> dict[str, Any]:
    text = desktop.resource("resources", "demo", f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)  # our own files: objects at the top
    return data


_people, _posts, _links, _mix = (_load(n) for n in ("people", "posts", "links", "mix"))

NAMES: dict[str, tuple[list[str], list[str]]] = {
    language: (names["first"], names["last"]) for language, names in _people["names"].items()
}  # language -> (first names, last names)
MASTODON_INSTANCES: list[str] = _people["mastodon_instances"]

MY_POSTS: list[tuple[str, str]] = [(p["language"], p["text"]) for p in _posts["mine"]]
THEIR_POSTS: dict[str, list[str]] = _posts["theirs"]
THANKS: dict[str, list[str]] = _posts["thanks"]  # {first} is the person's first name

FEEDS = [FeedSpec(**feed) for feed in _links["feeds"]]
FEED_ARTICLES = [Article(**article) for article in _links["feed_articles"]]
TIMELINE_ARTICLES = [Article(**article) for article in _links["timeline_articles"]]
# Articles people in my network wrote themselves: language -> [(slug, title, summary)].
AUTHOR_TITLES: dict[str, list[tuple[str, str, str]]] = {
    language: [(a["slug"], a["title"], a["summary"]) for a in articles]
    for language, articles in _links["author_articles"].items()
}
TRACKING: list[str] = _links["tracking"]  # {token} is replaced by a random click id

# Share of interactions by kind (inbound follows are one per person, drawn separately).
INBOUND_MIX = {Kind(kind): share for kind, share in _mix["inbound"].items()}
OUTBOUND_MIX = {Kind(kind): share for kind, share in _mix["outbound"].items()}
