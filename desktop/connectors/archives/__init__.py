"""Data exports of the closed networks (X, LinkedIn, Instagram, Facebook) and of YouTube
(Google Takeout): each one's zip, recognised by the files in it and read into one page of
interactions.

A reader is ``read(export: ExportZip) -> ArchiveRead``. It keeps the export's own ids for
its events' external ids (or builds them from URL + time + kind), so importing the same
export twice, or a newer one that overlaps it, adds nothing twice. ``missing`` says, in the
user's words, what that network's export simply does not contain. ``open_replies`` are my
replies whose addressee the export does not name but the store may know (the comment
replied to, read by a connector): the import credits them when it does.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.connectors.archives.export_zip import ExportZip, Progress
from desktop.connectors.base import BadResponse, Page
from desktop.core.events import Actor, Post
from desktop.core.i18n import fill, tx
from desktop.core.length import network_label
from desktop.core.vocabulary import ARCHIVE_SERVERS

# page.meta key: the kinds (comma-separated) whose times are the export's, not the event's.
UNDATED = "undated_kinds"


@dataclass(frozen=True)
class OpenReply:
    """My reply to a comment the export names only by its id. Counted in the page's
    ``skipped`` under ``reason`` until the store names the comment's author."""

    external_id: str  # the reply's own, as the event's external id
    answers: str  # the external id the comment replied to has in the store, if read there
    occurred_at: datetime
    post: Post | None
    reason: str


@dataclass
class ArchiveRead:
    network: str
    me: Actor | None  # whose export it is, when it says
    page: Page
    missing: list[str] = field(default_factory=list)
    open_replies: list[OpenReply] = field(default_factory=list)


@dataclass(frozen=True)
class ArchiveKind:
    network: str
    module: str  # desktop.connectors.archives.<module> has read(export) -> ArchiveRead
    signature: tuple[str, ...]  # members only this network's export has (any one)

    @property
    def server_url(self) -> str:
        """The server of the account its imports go to (one vocabulary word list)."""
        return ARCHIVE_SERVERS[self.network]


KINDS: dict[str, ArchiveKind] = {}


def register(kind: ArchiveKind) -> None:
    KINDS[kind.network] = kind


def detect(export: ExportZip) -> str | None:
    """The network whose export this is (None: none we know)."""
    for kind in KINDS.values():
        if export.find(*kind.signature):
            return kind.network
    return None


def reader(network: str) -> Callable[[ExportZip], ArchiveRead]:
    module = importlib.import_module(f"desktop.connectors.archives.{KINDS[network].module}")
    read: Callable[[ExportZip], ArchiveRead] = module.read
    return read


def read_archive(
    path: Path, network: str | None = None, progress: Progress | None = None
) -> ArchiveRead:
    """Read the export at ``path``: of ``network``, or of whichever network it is;
    ``progress`` hears how far reading has come."""
    with ExportZip(path, progress) as export:
        found = detect(export)
        if found is None:
            raise BadResponse(
                fill(
                    tx("Archive", "%1 is not an export Reciprocity knows (%2)"),
                    path.name,
                    ", ".join(sorted(KINDS)),
                )
            )
        if network and network != found:
            raise BadResponse(
                fill(
                    tx("Archive", "%1 is an export of %2, not of %3"),
                    path.name,
                    network_label(found),
                    network_label(network),
                )
            )
        return reader(found)(export)


# Each network's export, by the files only it has (its reader may refine what it accepts).
register(ArchiveKind("x", "x", ("data/tweets.js", "data/tweet.js")))
register(
    ArchiveKind(
        "linkedin",
        "linkedin",
        ("Connections.csv", "Invitations.csv", "Shares.csv", "messages.csv"),
    )
)
register(
    ArchiveKind(
        "instagram",
        "instagram",
        (
            "followers_and_following/followers_*.json",
            "followers_and_following/followers.json",  # 2021
            "followers_and_following/following*.json",
            "likes/liked_posts.json",
            "comments/post_comments*.json",
            "personal_information/personal_information.json",
        ),
    )
)
register(
    ArchiveKind(
        "facebook",
        "facebook",
        (
            "friends/your_friends.json",
            "friends_and_followers/friends.json",  # 2020-2022
            "friends/friends.json",  # 2018-2019
            "connections/followers/people_who_followed_you*.json",
            "connections/followers/who_you've_followed*.json",
            "following_and_followers/following.json",  # 2018-2019, not Instagram's folder
            "comments_and_reactions/comments.json",
            "profile_information/profile_information.json",
        ),
    )
)
register(
    ArchiveKind(
        "youtube",
        "youtube",
        (
            # Takeout's YouTube product folder, in any language: "YouTube and YouTube
            # Music", "YouTube y YouTube Music", "YouTube 和 YouTube Music"…; before 2017
            # "YouTube". A Takeout of other products only has none of them.
            "youtube * youtube music/*",
            "يوتيوب و يوتيوب ميوزيك/*",
            "youtube/subscriptions/*",
            "youtube/my-comments/*",
        ),
    )
)
