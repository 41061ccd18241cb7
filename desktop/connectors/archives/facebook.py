"""Facebook's data export ("Download your information", JSON format) as interactions.

Members are found by the end of their path, across three export generations: 2018–2019
(``friends/``, ``following_and_followers/``, ``comments/``, ``likes_and_reactions/``),
2020–2022 (``friends_and_followers/``, ``comments_and_reactions/``, ``posts/``) and 2023+
(``connections/friends/``, ``connections/followers/``, ``your_facebook_activity/…``; in
2023 ``your_activity_across_facebook/…``).

- ``your_friends.json`` (2020–22: ``friends_and_followers/friends.json``; 2018–19:
  ``friends/friends.json``), ``{"friends_v2" | "friends": [{"name", "timestamp"}]}``:
  a friendship is mutual → inbound ``follow`` at the day it began;
- ``people_who_followed_you.json`` (or ``_1.json`` … as bare lists of
  ``{"string_list_data": [{"value", "timestamp"}]}``; older ``followers.json``),
  ``{"followers_v3" | "followers_v2" | "followers": [{"name", "timestamp"?}]}``
  → inbound ``follow``;
- ``who_you've_followed.json`` (older ``who_you_follow.json``, ``following.json``),
  ``{"following_v3" | "following_v2" | "following": [...]}`` → outbound ``follow``;
- ``comments.json``, ``{"comments_v2" | "comments": [{"timestamp", "title", "data":
  [{"comment": {"comment", "author"}}]}]}`` → outbound ``reply`` to the person the title
  names ("Ana García commented on Bego Ruiz's post.");
- ``likes_and_reactions_1.json`` … (bare lists; 2018–22 ``posts_and_comments.json`` under
  ``reactions_v2`` / ``reactions``), ``{"timestamp", "title": "Ana likes Bego's post.",
  "data": [{"reaction": {"reaction", "actor"}}]}`` → outbound ``like`` to the person the
  title names; ``likes_and_reactions.json`` (2024+), records of ``{"timestamp",
  "label_values": [{"label": "Reaction"}, {"label": "URL"}, {"label": "Name"}]}`` → the
  same, to the person under "Name";
- ``your_posts_1.json`` / ``your_posts__check_ins__photos_and_videos_1.json``: my own posts,
  not an interaction with anyone: counted in ``skipped``, nothing more;
- ``profile_information.json``, ``{"profile_v2" | "profile": {"name": {"full_name"},
  "profile_uri"}}`` → ``me``.

Titles are written in the account's language. Only English ones are read (research found
no confirmed Spanish wording); the rest are counted in ``skipped`` with a warning that an
export made in English reads them. Titles about my own posts ("… commented on his own
post.") or about no one ("… commented on a photo.") are counted apart.

People have no id, username or profile URL in a Facebook export, only their display name:
the stable id is that name, repaired, spaces collapsed, lower-cased. Two friends with the
same name become one person, and someone who renames becomes a second one (merge them by
hand). Followers of older exports carry no time: they are dated when the export wrote the
file, and their external id has no time, so a later export adds them no second time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import datetime

from desktop.connectors.archives import ArchiveStream
from desktop.connectors.archives.export_zip import ExportZip
from desktop.connectors.archives.meta import (
    Entries,
    Events,
    load,
    member_time,
    numbered,
    text,
    when,
)
from desktop.connectors.base import Page
from desktop.core.events import Actor, Direction, InteractionEvent, Kind, Network, Post
from desktop.core.i18n import PLURAL, tx

NETWORK = Network.FACEBOOK
MAX_NAME = 200

# (file stem, folders it must be in: none for names only Facebook uses), across generations
Kinds = tuple[tuple[str, tuple[str, ...]], ...]

FRIENDS: Kinds = (("your_friends", ()), ("friends", ("friends_and_followers", "friends")))
FOLLOWERS: Kinds = (
    ("people_who_followed_you", ()),
    ("followers", ("friends_and_followers", "following_and_followers")),
)
FOLLOWING: Kinds = (
    ("who_you've_followed", ()),
    ("who_you_follow", ()),
    ("following", ("friends_and_followers", "following_and_followers")),
)
COMMENTS: Kinds = (("comments", ("comments_and_reactions", "comments")),)
REACTIONS: Kinds = (
    ("likes_and_reactions", ()),
    ("posts_and_comments", ("comments_and_reactions", "likes_and_reactions")),
)
POSTS: Kinds = (("your_posts", ()), ("your_posts__check_ins__photos_and_videos", ()))
PROFILE: Kinds = (("profile_information", ()),)

# "<me> commented on <name>'s post." / "<me> likes <name>'s photo in <group>."
_POSSESSED = r"(?P<who>.+?)['’]s? (?P<thing>\w+(?: \w+){0,2})(?: (?:in|on) .+)?\.?"
_OWN = r"(?:his|her|their|your) own \w+(?: \w+){0,2}(?: (?:in|on) .+)?\.?"
_NOBODY = r"(?:a|an|this) \w+(?: \w+){0,2}(?: (?:in|on) .+)?\.?"
COMMENTED = r".+? (?:commented on|replied to) "
REACTED = r".+? (?:likes|liked|loves|loved|reacted to) "

NO_NAME = "entry without a name"
NO_DATE = "entry without a date"
POSTS_OF_MINE = "your own posts (not interactions with a person)"
OWN = "on your own posts or comments"
NOBODY = "comment or reaction naming nobody"
UNREAD = "comment or reaction whose title is not in English"


def stable_id(name: str) -> str:
    return unicodedata.normalize("NFC", name).lower()


def actor(name: str, profile_url: str = "") -> Actor:
    return Actor(
        network=NETWORK,
        stable_id=stable_id(name),
        handle=name,
        display_name=name,
        profile_url=profile_url,
    )


def title_target(title: str, verbs: str) -> tuple[str, str]:
    """Whom a comment's or reaction's English title names: ("person", name), ("own", ""),
    ("nobody", "") or ("unread", "") when the title has no shape known here."""
    title = text(title)
    if re.fullmatch(verbs + _OWN, title):
        return "own", ""
    if re.fullmatch(verbs + _NOBODY, title):
        return "nobody", ""
    match = re.fullmatch(verbs + _POSSESSED, title)
    if match:
        return "person", match.group("who")
    return "unread", ""


def _name_of(entry: object) -> str:
    """The person an entry of a friends/followers list names, in any of its shapes."""
    if isinstance(entry, str):
        return text(entry)[:MAX_NAME]
    if not isinstance(entry, dict):
        return ""
    name = text(entry.get("name"))
    items = entry.get("string_list_data")
    if not name and isinstance(items, list) and items and isinstance(items[0], dict):
        name = text(items[0].get("value"))
    fields = entry.get("label_values")
    if not name and isinstance(fields, list):  # Meta's newer records: [{"label", "value"}]
        named = [f for f in fields if isinstance(f, dict) and f.get("label") == "Name"]
        name = text(named[0].get("value")) if named else ""
    return (name or text(entry.get("title")))[:MAX_NAME]


def _stamp_of(entry: object) -> object:
    if not isinstance(entry, dict):
        return None
    items = entry.get("string_list_data")
    if entry.get("timestamp") is None and isinstance(items, list) and items:
        first = items[0]
        return first.get("timestamp") if isinstance(first, dict) else None
    return entry.get("timestamp")


class _Reader:
    def __init__(self, export: ExportZip) -> None:
        self.export = export
        read = (FRIENDS, FOLLOWERS, FOLLOWING, COMMENTS, REACTIONS, POSTS, PROFILE)
        export.plan(name for kinds in read for name in self._members(kinds))
        self.events = Events("facebook-archive")
        self.me = self._me()
        self.my_id = self.me.stable_id if self.me else ""

    def _members(self, kinds: Kinds) -> list[str]:
        return list(dict.fromkeys(n for s, f in kinds for n in numbered(self.export, s, *f)))

    def _me(self) -> Actor | None:
        for name in self._members(PROFILE):
            data = load(self.export, name)
            profile = (
                (data.get("profile_v2") or data.get("profile")) if isinstance(data, dict) else None
            )
            names = profile.get("name") if isinstance(profile, dict) else None
            full = text(names.get("full_name")) if isinstance(names, dict) else text(names)
            if full and isinstance(profile, dict):
                return actor(full, text(profile.get("profile_uri")))
        return None

    def _add(
        self,
        kind: Kind,
        direction: Direction,
        name: str,
        moment: datetime | None,
        tag: str,
        *,
        timed: bool = True,
        said: str = "",
        url: str = "",
    ) -> None:
        """One event; its external id is the name, the time (unless the export gave none)
        and the kind, so the same entry in a later export is the same event."""
        if not name:
            self.events.skip(NO_NAME)
        elif moment is None:
            self.events.skip(NO_DATE)
        elif stable_id(name) == self.my_id:
            self.events.skip(OWN)
        else:
            stamp = f":{int(moment.timestamp())}" if timed else ""
            self.events.add(
                InteractionEvent(
                    external_id=f"facebook:{tag}:{stable_id(name)}{stamp}",
                    kind=kind,
                    direction=direction,
                    actor=actor(name),
                    occurred_at=moment,
                    post=Post(url=url, text=said) if url or said else None,
                )
            )

    def people(
        self, kinds: Kinds, keys: tuple[str, ...], direction: Direction, tag: str
    ) -> Iterator[Page]:
        """A list of people (friends, followers, following), each at their own time, or at
        the file's time when the export gives none."""
        for member in self._members(kinds):
            entries = Entries(self.export, member, *keys)
            for entry in entries:
                moment = when(_stamp_of(entry))
                timed = moment is not None or tag == "friend"
                if not timed:
                    moment = member_time(self.export, member)
                self._add(Kind.FOLLOW, direction, _name_of(entry), moment, tag, timed=timed)
                yield from self.events.full()
            if not entries.known:
                self.events.unknown_file(member)

    def titled(self, kinds: Kinds, keys: tuple[str, ...], kind: Kind, verbs: str) -> Iterator[Page]:
        """Comments and reactions, credited to the person their title names."""
        for member in self._members(kinds):
            entries = Entries(self.export, member, *keys)
            for entry in entries:
                self._titled(entry, kind, verbs)
                yield from self.events.full()
            if not entries.known:
                self.events.unknown_file(member)

    def _titled(self, entry: object, kind: Kind, verbs: str) -> None:
        if not isinstance(entry, dict):
            self.events.skip(NO_NAME)
            return
        tag = "reply" if kind == Kind.REPLY else "like"
        moment = when(entry.get("timestamp"))
        if isinstance(entry.get("label_values"), list):  # 2024+: the person is under "Name"
            labels = {f.get("label"): f for f in entry["label_values"] if isinstance(f, dict)}
            url = text((labels.get("URL") or {}).get("value"))
            name = text((labels.get("Name") or {}).get("value"))[:MAX_NAME]
            self._add(kind, Direction.OUTBOUND, name, moment, tag, url=url)
            return
        status, name = title_target(text(entry.get("title")), verbs)
        if status == "own":
            self.events.skip(OWN)
        elif status == "nobody":
            self.events.skip(NOBODY)
        elif status == "unread":
            self.events.skip(UNREAD)
        else:
            said = ""
            for item in entry.get("data") or []:
                comment = item.get("comment") if isinstance(item, dict) else None
                if isinstance(comment, dict):
                    said = text(comment.get("comment"))
            self._add(kind, Direction.OUTBOUND, name[:MAX_NAME], moment, tag, said=said)

    def posts(self) -> None:
        for member in self._members(POSTS):
            entries = Entries(self.export, member, "status_updates_v2", "status_updates")
            mine = sum(1 for _ in entries)
            if entries.known:
                self.events.skip(POSTS_OF_MINE, mine)
            else:
                self.events.unknown_file(member)

    def pages(self) -> Iterator[Page]:
        yield from self.people(FRIENDS, ("friends_v2", "friends"), Direction.INBOUND, "friend")
        followers = ("followers_v3", "followers_v2", "followers")
        yield from self.people(FOLLOWERS, followers, Direction.INBOUND, "follower")
        following = ("following_v3", "following_v2", "following")
        yield from self.people(FOLLOWING, following, Direction.OUTBOUND, "following")
        yield from self.titled(COMMENTS, ("comments_v2", "comments"), Kind.REPLY, COMMENTED)
        yield from self.titled(REACTIONS, ("reactions_v2", "reactions"), Kind.LIKE, REACTED)
        self.posts()
        unread = self.events.skipped.get(UNREAD, 0)
        if unread:
            self.events.warnings.append(_unread(unread))
        yield self.events.last()


def read(export: ExportZip) -> ArchiveStream:
    reader = _Reader(export)
    missing = [
        tx("Archive", "reactions and comments by others on your posts (only yours are in it)"),
        tx("Archive", "who shared your posts"),
    ]
    return ArchiveStream(NETWORK, reader.me, reader.pages(), missing)


def _unread(n: int) -> str:
    # One line of arguments: lupdate misses a plural call that ends with a trailing comma.
    return tx(
        "Archive", "%n comments and reactions left out (titles not in English)", None, PLURAL, n
    )
