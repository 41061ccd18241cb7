"""X (Twitter) archive import: what I did for others, and who follows whom, from the zip X
lets you download.

data/tweets.js (older archives: data/tweet.js, possibly split in parts) gives my retweets
(outbound shares), replies and mentions; data/like.js my likes; data/follower.js my
followers (inbound follows) and data/following.js those I follow (outbound follows). X
archives say nothing else about what others did for me: who shared, quoted, liked or
replied to my posts, or mentioned me.

People are identified by their screen name (lower-cased): likes only carry a URL with the
screen name, and one key for both keeps a person whole. Likes carry no time either: the
liked tweet's own time, read from its id (a snowflake), stands in for it.

Follows carry only an account id. The archive's own pairs of id and screen name (my
account in account.js, the people in my tweets' mentions and replies; the newest tweet
wins when a person was renamed) turn a follower I ever mentioned or replied to into that
same "@name" person. The others become identities of their own, "id:<accountId>", with no
handle, a display name "X account <id>" and the intent link X gives as profile URL: they
appear unnamed until merged with the person they are (a later archive that names them
makes a second identity, as its follow is already known). Follows carry no date either:
the archive's generation time (manifest.js) stands in, else the newest time anything in
the archive has (my tweets, the liked tweets). Their external ids, "follower:<id>" and
"following:<id>", make a re-import add only the follows that are new since.

The .js files are streamed (a 300 MB tweets.js is read a tweet at a time) into pages of
events; what is kept for the whole archive is the names (one per person) and the follows
seen. Progress counts the bytes of the files read here, not the media beside them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from desktop.connectors.archives import Pager
from desktop.connectors.archives.export_zip import ExportZip
from desktop.connectors.archives.x_files import generated_at, load_manifest, members, read_js
from desktop.connectors.base import BadResponse, Page
from desktop.core.events import Actor, Direction, InteractionEvent, Kind, Network, Post
from desktop.core.i18n import PLURAL, fill, tx

NETWORK = Network.X
_STATUS_URL = re.compile(
    r"https?://(?:mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,15})/status/(\d+)"
)
TWITTER_EPOCH_MS = 1288834974657
ALWAYS = datetime.max.replace(tzinfo=UTC)  # a sighting no tweet outdates: my own account


def actor(screen_name: str, name: str = "") -> Actor:
    return Actor(
        network=NETWORK,
        stable_id="@" + screen_name.lower(),
        handle="@" + screen_name,
        display_name=name or screen_name,
        profile_url=f"https://x.com/{screen_name}",
    )


def snowflake_time(tweet_id: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(((int(tweet_id) >> 22) + TWITTER_EPOCH_MS) / 1000, UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _when(tweet: dict[str, Any]) -> datetime | None:
    try:
        return parsedate_to_datetime(tweet["created_at"]).astimezone(UTC)
    except (KeyError, TypeError, ValueError):
        return snowflake_time(str(tweet.get("id_str", "")))


def _tweet_events(
    tweet: dict[str, Any], when: datetime | None, me: str, skipped: Counter[str]
) -> list[InteractionEvent]:
    tweet_id = str(tweet.get("id_str") or tweet.get("id") or "")
    text = str(tweet.get("full_text") or tweet.get("text") or "")
    if not tweet_id or when is None:
        skipped["malformed"] += 1
        return []
    mentions = [
        m
        for m in (tweet.get("entities") or {}).get("user_mentions") or []
        if isinstance(m, dict) and m.get("screen_name")
    ]
    mine = Post(
        url=f"https://x.com/{me or 'i/web'}/status/{tweet_id}", text=text, remote_id=tweet_id
    )
    out: list[InteractionEvent] = []

    def add(kind: Kind, who: dict[str, Any], post: Post, suffix: str = "") -> None:
        out.append(
            InteractionEvent(
                external_id=f"x:{tweet_id}{suffix}",
                kind=kind,
                direction=Direction.OUTBOUND,
                actor=actor(who["screen_name"], who.get("name", "")),
                occurred_at=when,
                post=post,
            )
        )

    if text.startswith("RT @") and mentions:
        add(Kind.SHARE, mentions[0], Post(text=text, remote_id=tweet_id))
        return out
    target = tweet.get("in_reply_to_screen_name")
    if target and target.lower() != me.lower():
        parent = str(tweet.get("in_reply_to_status_id_str") or "")
        post = Post(
            url=f"https://x.com/{target}/status/{parent}" if parent else "", remote_id=parent
        )
        named = next((m for m in mentions if m["screen_name"].lower() == target.lower()), None)
        add(Kind.REPLY, named or {"screen_name": target}, post)
    for m in mentions:
        name = m["screen_name"].lower()
        if name in (me.lower(), (target or "").lower()):
            continue
        add(Kind.MENTION, m, mine, f":{name}")
    return out


def _like_event(like: dict[str, Any], skipped: Counter[str]) -> InteractionEvent | None:
    url = str(like.get("expandedUrl") or "")
    match = _STATUS_URL.match(url)
    tweet_id = str(like.get("tweetId") or (match.group(2) if match else ""))
    if not match or match.group(1).lower() == "i":
        skipped["like without author"] += 1
        return None
    when = snowflake_time(tweet_id)
    if when is None:
        skipped["malformed"] += 1
        return None
    return InteractionEvent(
        external_id=f"x-like:{tweet_id}",
        kind=Kind.LIKE,
        direction=Direction.OUTBOUND,
        actor=actor(match.group(1)),
        occurred_at=when,
        post=Post(
            url=f"https://x.com/{match.group(1)}/status/{tweet_id}",
            text=str(like.get("fullText") or ""),
            remote_id=tweet_id,
        ),
    )


@dataclass
class _Names:
    """Account id -> (when seen, screen name, display name), as the archive itself pairs them;
    the newest sighting wins (a renamed person is known by the name they had last)."""

    by_id: dict[str, tuple[datetime, str, str]] = field(default_factory=dict)

    def learn(self, account_id: object, screen_name: object, name: object, when: datetime) -> None:
        key, screen, shown = str(account_id or ""), str(screen_name or ""), str(name or "")
        if not key.isdigit() or not screen:
            return  # "-1": a mention X did not resolve
        known = self.by_id.get(key)
        if known is not None:
            same = known[1].lower() == screen.lower()
            if known[0] > when:  # an older sighting: at most the newer one's missing name
                if same and shown and not known[2]:
                    self.by_id[key] = (known[0], known[1], shown)
                return
            shown = shown or (known[2] if same else "")
        self.by_id[key] = (when, screen, shown)

    def learn_tweet(self, tweet: dict[str, Any], when: datetime) -> None:
        entities = tweet.get("entities")
        mentions = entities.get("user_mentions") if isinstance(entities, dict) else None
        for m in mentions if isinstance(mentions, list) else []:
            if isinstance(m, dict):
                self.learn(
                    m.get("id_str") or m.get("id"), m.get("screen_name"), m.get("name"), when
                )
        replied = tweet.get("in_reply_to_user_id_str") or tweet.get("in_reply_to_user_id")
        self.learn(replied, tweet.get("in_reply_to_screen_name"), "", when)

    def actor(self, account_id: str) -> Actor | None:
        known = self.by_id.get(account_id)
        return actor(known[1], known[2]) if known else None


def unnamed_actor(account_id: str, user_link: object = "") -> Actor:
    """Someone the archive knows only by account id: unnamed until merged with a person."""
    link = str(user_link or "")
    if not re.match(r"https://(?:mobile\.)?(?:twitter|x)\.com/", link):
        link = f"https://x.com/intent/user?user_id={account_id}"
    return Actor(
        network=NETWORK,
        stable_id=f"id:{account_id}",
        handle="",
        display_name=fill(tx("Archive", "X account %1"), account_id),
        profile_url=link,
    )


def _read_me(export: ExportZip, manifest: dict[str, Any]) -> tuple[Actor | None, str]:
    """(me, my account id) from account.js; the id from manifest.js if account.js lacks it."""
    me_actor = None
    info: Any = {}
    accounts = members(export, "account")
    if accounts:
        entries = list(read_js(export, accounts[0]))
        info = entries[0].get("account", {}) if entries and isinstance(entries[0], dict) else {}
        info = info if isinstance(info, dict) else {}
        if info.get("username"):
            me_actor = actor(info["username"], info.get("accountDisplayName", ""))
    user = manifest.get("userInfo")
    my_id = info.get("accountId") or (user.get("accountId") if isinstance(user, dict) else "")
    return me_actor, str(my_id or "")


class _Pager(Pager):
    """The archive's pages, and what it has seen on the way."""

    def __init__(self) -> None:
        super().__init__("x-archive")
        self.newest: datetime | None = None  # the newest time in my tweets and likes
        self.unnamed: Counter[str] = Counter()  # follows without a name, by file stem

    def saw(self, when: datetime) -> None:
        self.newest = when if self.newest is None else max(self.newest, when)


def _follow_events(
    export: ExportZip,
    stem: str,
    names: _Names,
    my_id: str,
    when: datetime | None,
    pager: _Pager,
) -> Iterator[Page]:
    """data/<stem>.js (follower or following) as follows, in pages; those the archive gives
    no name for are counted under "unnamed <stem>"."""
    direction = Direction.INBOUND if stem == "follower" else Direction.OUTBOUND
    seen: set[str] = set()
    for member in members(export, stem):
        for item in read_js(export, member):
            entry = item.get(stem) if isinstance(item, dict) else None
            account_id = str(entry.get("accountId") or "") if isinstance(entry, dict) else ""
            if not account_id.isdigit():
                pager.skip("malformed")
                continue
            if account_id == my_id or account_id in seen:
                continue
            seen.add(account_id)
            if when is None:
                pager.skip("follow without date")
                continue
            who = names.actor(account_id)
            if who is None:
                pager.unnamed[stem] += 1
                who = unnamed_actor(account_id, entry.get("userLink") if entry else "")
            pager.add(
                InteractionEvent(
                    external_id=f"{stem}:{account_id}",
                    kind=Kind.FOLLOW,
                    direction=direction,
                    actor=who,
                    occurred_at=when,
                )
            )
            yield from pager.full()


def _tweets(
    export: ExportZip, files: list[str], me: str, names: _Names, pager: _Pager
) -> Iterator[Page]:
    """My tweets and likes as pages, learning the names they give on the way."""
    for name in files:
        for item in read_js(export, name):
            tweet = item.get("tweet", item) if isinstance(item, dict) else None
            if not isinstance(tweet, dict):
                pager.skip("malformed")
                continue
            when = _when(tweet)
            if when is not None:
                names.learn_tweet(tweet, when)
                pager.saw(when)
            for event in _tweet_events(tweet, when, me, pager.skipped):
                pager.add(event)
            yield from pager.full()
    for name in members(export, "like"):
        for item in read_js(export, name):
            like = item.get("like") if isinstance(item, dict) else None
            liked = _like_event(like, pager.skipped) if isinstance(like, dict) else None
            if liked:
                pager.add(liked)
                pager.saw(liked.occurred_at)
            yield from pager.full()


def read_x_archive(path: Path) -> tuple[Actor | None, Page]:
    """(me, one page of every interaction) from an X archive zip."""
    with ExportZip(path) as export:
        me, pages = stream_x_archive(export)
        page = Page(stream="x-archive")
        for part in pages:
            page.interactions.extend(part.interactions)
            page.skipped.update(part.skipped)
            page.warnings.extend(part.warnings)
    return me, page


def stream_x_archive(export: ExportZip) -> tuple[Actor | None, Iterator[Page]]:
    """(me, the archive's pages as they are read): whose archive it is is read at once."""
    tweets = members(export, "tweets") or members(export, "tweet")
    if not tweets:
        raise BadResponse(
            fill(tx("Archive", "%1 is not an X archive: it has no data/tweets.js"), export.path)
        )
    stems = ("manifest", "account", "like", "follower", "following")
    export.plan(tweets + [name for stem in stems for name in members(export, stem)])
    manifest = load_manifest(export)
    me_actor, my_id = _read_me(export, manifest)
    return me_actor, _pages(export, tweets, me_actor, my_id, manifest)


def _pages(
    export: ExportZip,
    tweets: list[str],
    me_actor: Actor | None,
    my_id: str,
    manifest: dict[str, Any],
) -> Iterator[Page]:
    me = me_actor.handle.lstrip("@") if me_actor else ""
    names = _Names()
    if me_actor and my_id:
        names.learn(my_id, me, me_actor.display_name, ALWAYS)
    pager = _Pager()
    yield from _tweets(export, tweets, me, names, pager)
    followed_at = generated_at(manifest) or pager.newest
    yield from _follow_events(export, "follower", names, my_id, followed_at, pager)
    yield from _follow_events(export, "following", names, my_id, followed_at, pager)
    authorless = pager.skipped.get("like without author", 0)
    if authorless:
        pager.warnings.append(_authorless(authorless))
    if pager.unnamed["follower"]:
        pager.warnings.append(_unnamed_followers(pager.unnamed["follower"]))
    if pager.unnamed["following"]:
        pager.warnings.append(_unnamed_following(pager.unnamed["following"]))
    yield pager.last()


# One line of arguments in each: lupdate misses a plural call that ends with a trailing comma.
def _authorless(n: int) -> str:
    return tx(
        "Archive", "%n likes name no author in the archive and were left out", None, PLURAL, n
    )


def _unnamed_followers(n: int) -> str:
    if n == 1:
        return tx("Archive", "1 follower has only a number: unnamed until merged")
    return tx("Archive", "%n followers have only a number: unnamed until merged", None, PLURAL, n)


def _unnamed_following(n: int) -> str:
    if n == 1:
        return tx("Archive", "1 followed account has only a number: unnamed until merged")
    return tx(
        "Archive", "%n followed accounts have only a number: unnamed until merged", None, PLURAL, n
    )
