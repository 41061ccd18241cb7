"""Instagram's data export ("Download your information", JSON format) as interactions.

Members are found by the end of their path: the 2021–2023 exports put these folders at
the top, the 2024+ ones under ``connections/`` and ``your_instagram_activity/``.

- ``followers_and_following/followers_1.json`` (``_2`` …; 2021: ``followers.json``): who
  follows me and since when → inbound ``follow``;
- ``followers_and_following/following.json`` (or ``following_1.json`` …): whom I follow and
  since when → outbound ``follow``;
- ``likes/liked_posts.json``, ``likes/liked_comments.json``, ``story_likes.json``: my likes,
  whose post, comment or story and when → outbound ``like``;
- ``comments/post_comments_1.json`` (…), ``comments/reels_comments.json``: my comments, on
  whose post, when and what → outbound ``reply``;
- ``personal_information.json``: whose export it is → ``me`` (else the download's name,
  ``instagram-<username>-<date>-<hash>``).

Shapes: followers are a bare list of ``{"title", "media_list_data", "string_list_data":
[{"href", "value", "timestamp"}]}`` in newer exports, ``{"relationships_followers": [...]}``
in older ones; following is ``{"relationships_following": [...]}`` with the username in
``value`` (2022–2024) or only in ``title`` beside an ``…/_u/<name>`` href (2024+). Likes are
``{"likes_media_likes": [{"title": author, "string_list_data": [{"href": post}]}]}`` (older)
or a list of ``{"timestamp", "label_values": [...]}`` whose "Owner" holds a "Username"
(newer). Comments are ``{"comments_media_comments": [{"title": owner, "string_list_data":
[{"value": text}]}]}`` (2021–22) or a list, or one object, of ``{"string_map_data":
{"Comment", "Media Owner", "Time"}}`` whose labels follow the account's language: the
English and the Dutch ones are read, and a comment whose owner cannot be read is counted
in ``skipped`` with a warning.

People are their username, lower-cased (Instagram's usernames ignore case); the export has
no display names. External ids are built from the username, the time and the kind, so the
same entry in a later, overlapping export adds nothing. Not read: exports before 2021 (one
``connections.json``), HTML exports, follow requests and direct messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from desktop.connectors.archives import ArchiveStream
from desktop.connectors.archives.export_zip import ExportZip
from desktop.connectors.archives.meta import (
    Entries,
    Events,
    first_present,
    load,
    numbered,
    text,
    walk,
    when,
)
from desktop.connectors.base import Page
from desktop.core.events import Actor, Direction, InteractionEvent, Kind, Network, Post
from desktop.core.i18n import PLURAL, tx

NETWORK = Network.INSTAGRAM
SITE = "https://www.instagram.com/"
FOLLOWS = ("followers_and_following",)
_USERNAME = re.compile(r"[A-Za-z0-9._]{1,30}")
_PROFILE = re.compile(r"https?://(?:www\.|m\.)?instagram\.com/(?:_u/)?([^/?#\s]+)/?(?:[?#]\S*)?")
_NOT_PROFILES = {"p", "reel", "reels", "stories", "explore", "accounts", "tv", "direct"}
_EXPORT_NAME = re.compile(r"instagram-([A-Za-z0-9._]{1,30})-\d{4}-\d{2}-\d{2}-", re.IGNORECASE)

# Labels as each account language writes them (English, Dutch; Spanish unconfirmed).
COMMENT = ("Comment", "Opmerking")
MEDIA_OWNER = ("Media Owner", "Media-eigenaar")
TIME = ("Time", "Tijd")
USERNAME = ("Username", "Gebruikersnaam", "Benutzername")
NAME = ("Name", "Naam")

# The files read below (stem, folders), for the progress bar to count their bytes.
READ = (
    ("personal_information", ()),
    ("followers", FOLLOWS),
    ("following", FOLLOWS),
    ("liked_posts", ()),
    ("liked_comments", ()),
    ("story_likes", ()),
    ("post_comments", ("comments",)),
    ("reels_comments", ("comments",)),
)

NO_USERNAME = "entry without a username"
NO_DATE = "entry without a date"
NO_OWNER = "comment whose post owner the export does not name"
OWN = "on your own posts"


def username_of(value: object) -> str:
    """``value`` as an Instagram username ("@Ana.G " → "Ana.G"), or "" if it is not one."""
    name = text(value).lstrip("@")
    return name if _USERNAME.fullmatch(name) and name.strip(".") else ""


def username_from_url(href: object) -> str:
    match = _PROFILE.fullmatch(text(href))
    name = username_of(match.group(1)) if match else ""
    return "" if name.lower() in _NOT_PROFILES else name


def actor(username: str, display_name: str = "") -> Actor:
    return Actor(
        network=NETWORK,
        stable_id=username.lower(),
        handle="@" + username,
        display_name=display_name,
        profile_url=SITE + username,
    )


class _Reader:
    def __init__(self, export: ExportZip) -> None:
        self.export = export
        export.plan(name for stem, where in READ for name in numbered(export, stem, *where))
        self.events = Events("instagram-archive")
        self.me = self._me()
        self.my_name = self.me.stable_id if self.me else ""

    # -- whose export ----------------------------------------------------------------------

    def _me(self) -> Actor | None:
        for name in numbered(self.export, "personal_information"):
            data = load(self.export, name)
            users = data.get("profile_user") if isinstance(data, dict) else None
            for user in users if isinstance(users, list) else []:
                fields = user.get("string_map_data") if isinstance(user, dict) else None
                if isinstance(fields, dict):
                    username = username_of(first_present(fields, USERNAME).get("value"))
                    if username:
                        return actor(username, text(first_present(fields, NAME).get("value")))
        # Meta names the download, and its folder, instagram-<username>-<date>-<hash>
        # (inside a meta-<date>-… folder when Accounts Center bundles several).
        folders = {part for n in self.export.names for part in n.split("/")[:2]}
        for name in [self.export.path.name, *sorted(folders)]:
            match = _EXPORT_NAME.match(name)
            if match:
                return actor(match.group(1))
        return None

    def _add(
        self, kind: Kind, direction: Direction, username: str, stamp: object, tag: str, **post: str
    ) -> None:
        moment = when(stamp)
        if not username:
            self.events.skip(NO_USERNAME)
        elif moment is None:
            self.events.skip(NO_DATE)
        elif username.lower() == self.my_name:
            self.events.skip(OWN)
        else:
            self.events.add(
                InteractionEvent(
                    external_id=f"instagram:{tag}:{username.lower()}:{int(moment.timestamp())}",
                    kind=kind,
                    direction=direction,
                    actor=actor(username),
                    occurred_at=moment,
                    post=Post(**post) if any(post.values()) else None,
                )
            )

    # -- followers and following -----------------------------------------------------------

    def follows(self, stem: str, direction: Direction, tag: str) -> Iterator[Page]:
        for name in numbered(self.export, stem, *FOLLOWS):
            entries = Entries(self.export, name, "relationships_*")
            for entry in entries:
                for username, stamp in _accounts(entry):
                    self._add(Kind.FOLLOW, direction, username, stamp, tag)
                yield from self.events.full()
            if not entries.known:
                self.events.unknown_file(name)

    # -- my likes ----------------------------------------------------------------------------

    def likes(self, stem: str, key: str, tag: str) -> Iterator[Page]:
        for name in numbered(self.export, stem):
            entries = Entries(self.export, name, key)
            for entry in entries:
                self._like(entry, tag)
                yield from self.events.full()
            if not entries.known:
                self.events.unknown_file(name)

    def _like(self, entry: object, tag: str) -> None:
        if not isinstance(entry, dict):
            self.events.skip(NO_USERNAME)
        elif isinstance(entry.get("label_values"), list):
            username, url = _owner(entry["label_values"])
            self._add(Kind.LIKE, Direction.OUTBOUND, username, entry.get("timestamp"), tag, url=url)
        else:
            item = _first_item(entry)
            stamp = item.get("timestamp", entry.get("timestamp"))
            username = username_of(entry.get("title"))
            url = text(item.get("href"))
            self._add(Kind.LIKE, Direction.OUTBOUND, username, stamp, tag, url=url)

    # -- my comments -------------------------------------------------------------------------

    def comments(self, stem: str) -> Iterator[Page]:
        for name in numbered(self.export, stem, "comments"):
            entries = Entries(self.export, name, "comments_*")
            for entry in entries:
                self._comment(entry)
                yield from self.events.full()
            if entries.known:
                continue
            single = entries.rest  # one comment: the file is the entry itself
            if "string_map_data" in single:
                self._comment(single)
            else:
                self.events.unknown_file(name)

    def _comment(self, entry: object) -> None:
        owner, said, stamp = _comment(entry)
        if not owner:  # or the labels are in a language not read here
            self.events.skip(NO_OWNER)
        else:
            self._add(Kind.REPLY, Direction.OUTBOUND, owner, stamp, "reply", text=said)

    def pages(self) -> Iterator[Page]:
        yield from self.follows("followers", Direction.INBOUND, "follower")
        yield from self.follows("following", Direction.OUTBOUND, "following")
        yield from self.likes("liked_posts", "likes_media_likes", "like-post")
        yield from self.likes("liked_comments", "likes_comment_likes", "like-comment")
        yield from self.likes("story_likes", "story_activities_story_likes", "like-story")
        yield from self.comments("post_comments")
        yield from self.comments("reels_comments")
        ownerless = self.events.skipped.get(NO_OWNER, 0)
        if ownerless:
            self.events.warnings.append(_ownerless(ownerless))
        yield self.events.last()


def _first_item(entry: dict[str, Any]) -> dict[str, Any]:
    items = entry.get("string_list_data")
    first = items[0] if isinstance(items, list) and items else {}
    return first if isinstance(first, dict) else {}


def _accounts(entry: object) -> list[tuple[str, object]]:
    """(username, time) of each account a followers/following entry names."""
    if not isinstance(entry, dict):
        return [("", None)]
    items = entry.get("string_list_data")
    items = items if isinstance(items, list) and items else [entry]
    # `title` names the account only when the entry is about one account.
    title = username_of(entry.get("title")) if len(items) == 1 else ""
    found = []
    for item in items:
        item = item if isinstance(item, dict) else {}
        username = username_of(item.get("value")) or username_from_url(item.get("href")) or title
        found.append((username, item.get("timestamp", entry.get("timestamp"))))
    return found


def _owner(label_values: list[Any]) -> tuple[str, str]:
    """(username, post URL) of a newer likes entry: its "Owner" holds a "Username"."""
    username = url = ""
    for node in walk(label_values):
        label = node.get("label")
        if label in USERNAME and not username:
            username = username_of(node.get("value"))
        elif label == "URL" and not url:
            url = text(node.get("href") or node.get("value"))
    return username, url


def _comment(entry: object) -> tuple[str, str, object]:
    """(post owner, what I said, when) of one comment entry, in either layout."""
    if not isinstance(entry, dict):
        return "", "", None
    fields = entry.get("string_map_data")
    if isinstance(fields, dict):
        owner = username_of(first_present(fields, MEDIA_OWNER).get("value"))
        said = text(first_present(fields, COMMENT).get("value"))
        return owner, said, first_present(fields, TIME).get("timestamp")
    item = _first_item(entry)
    stamp = item.get("timestamp", entry.get("timestamp"))
    return username_of(entry.get("title")), text(item.get("value")), stamp


def read(export: ExportZip) -> ArchiveStream:
    reader = _Reader(export)
    missing = [
        tx("Archive", "likes and comments by others on your posts (most exports hold only yours)"),
        tx("Archive", "who shared your posts or mentioned you"),
    ]
    return ArchiveStream(NETWORK, reader.me, reader.pages(), missing)


def _ownerless(n: int) -> str:
    # One line of arguments: lupdate misses a plural call that ends with a trailing comma.
    return tx("Archive", "%n comments name no post owner and were left out", None, PLURAL, n)
