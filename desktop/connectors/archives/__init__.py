"""Data exports of the closed networks (X, LinkedIn, Instagram, Facebook) and of YouTube
(Google Takeout): each one's zip, recognised by the files in it and read into pages of
interactions.

A reader is ``read(export: ExportZip) -> ArchiveStream``: whose export it is and what it
lacks are known at once, its pages come as the export is read (PAGE_EVENTS events each,
so a 300,000-follower export is never all in memory), while the export stays open. The
totals of what was left out (``skipped``) and the warnings ride on the last page.
:func:`open_archive` gives that stream; :func:`read_archive` reads it whole into one page,
for small exports and tests.

A reader keeps the export's own ids for its events' external ids (or builds them from
URL + time + kind), so importing the same export twice, or a newer one that overlaps it,
adds nothing twice. ``missing`` says, in the user's words, what that network's export
simply does not contain. ``open_replies`` are my replies whose addressee the export does
not name but the store may know (the comment replied to, read by a connector): the import
credits them when it does.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from hashlib import blake2b
from pathlib import Path

from desktop.connectors.archives.export_zip import ExportZip, Progress
from desktop.connectors.base import BadResponse, Page
from desktop.core.events import Actor, InteractionEvent, Post
from desktop.core.i18n import fill, tx
from desktop.core.length import network_label
from desktop.core.vocabulary import ARCHIVE_SERVERS

PAGE_EVENTS = 2000  # events a reader hands on at a time


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
    """An export read whole: every event in one page."""

    network: str
    me: Actor | None  # whose export it is, when it says
    page: Page
    missing: list[str] = field(default_factory=list)
    undated: tuple[str, ...] = ()  # kinds whose times are the export's, not the event's
    open_replies: list[OpenReply] = field(default_factory=list)


@dataclass
class ArchiveStream:
    """An export being read: ``pages`` reads it as it is iterated (once, while the export
    is open); the last page carries the totals of what was left out, and the warnings."""

    network: str
    me: Actor | None  # whose export it is, when it says
    pages: Iterator[Page]
    missing: list[str] = field(default_factory=list)
    undated: tuple[str, ...] = ()  # kinds whose times are the export's, not the event's
    # Known once ``pages`` is read to its end (a reader may find them anywhere in it).
    open_replies: list[OpenReply] = field(default_factory=list)

    def whole(self) -> ArchiveRead:
        """Every page read, as one."""
        page: Page | None = None
        for part in self.pages:
            if page is None:
                page = part
                continue
            page.interactions.extend(part.interactions)
            page.skipped.update(part.skipped)
            page.warnings.extend(part.warnings)
            page.meta.update(part.meta)
        return ArchiveRead(
            self.network,
            self.me,
            page or Page(stream=""),
            self.missing,
            self.undated,
            self.open_replies,
        )


class Pager:
    """Events gathered into pages of PAGE_EVENTS for a reader to hand on: ``add`` them,
    hand on ``full()`` after each entry, and ``last()`` at the end. ``unique`` keeps one
    event per external id (an export that repeats entries is counted once): the one thing
    kept for the whole export, so it keeps a 16-byte digest of each id, not the id (38 MB
    instead of 67 for 476,000 Facebook comments; two ids sharing a digest would take some
    2^64 ids to be likely)."""

    def __init__(self, stream: str, *, unique: bool = False) -> None:
        self.stream = stream
        self.page = Page(stream=stream)
        self.skipped: Counter[str] = Counter()
        self.warnings: list[str] = []
        self.seen: set[bytes] | None = set() if unique else None

    def add(self, event: InteractionEvent) -> None:
        if self.seen is not None:
            key = blake2b(event.external_id.encode("utf-8", "surrogatepass"), digest_size=16)
            digest = key.digest()
            if digest in self.seen:
                return
            self.seen.add(digest)
        self.page.interactions.append(event)

    def skip(self, why: str, n: int = 1) -> None:
        self.skipped[why] += n

    def full(self) -> Iterator[Page]:
        """The page gathered so far, once it holds PAGE_EVENTS events."""
        if len(self.page.interactions) >= PAGE_EVENTS:
            page, self.page = self.page, Page(stream=self.stream)
            yield page

    def last(self) -> Page:
        """The page of what is left, with every skipped entry and warning."""
        page, self.page = self.page, Page(stream=self.stream)
        page.skipped.update(self.skipped)
        page.warnings.extend(self.warnings)
        return page


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


def reader(network: str) -> Callable[[ExportZip], ArchiveStream]:
    module = importlib.import_module(f"desktop.connectors.archives.{KINDS[network].module}")
    read: Callable[[ExportZip], ArchiveStream] = module.read
    return read


def read_archive(
    path: Path, network: str | None = None, progress: Progress | None = None
) -> ArchiveRead:
    """Read the export at ``path`` whole (see open_archive)."""
    with open_archive(path, network, progress) as stream:
        return stream.whole()


@contextmanager
def open_archive(
    path: Path, network: str | None = None, progress: Progress | None = None
) -> Iterator[ArchiveStream]:
    """The export at ``path``, of ``network`` or of whichever network it is, open to be
    read page by page inside the block; ``progress`` hears how far reading has come."""
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
        yield reader(found)(export)


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
