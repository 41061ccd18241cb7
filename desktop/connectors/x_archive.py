"""X (Twitter) archive import: what I did for others, from the zip X lets you download.

data/tweets.js (older archives: data/tweet.js, possibly split in parts) gives my retweets
(outbound shares), replies and mentions; data/like.js my likes. X archives say nothing
about what others did for me, so everything here is outbound.

People are identified by their screen name (lower-cased): likes only carry a URL with the
screen name, and one key for both keeps a person whole. Likes carry no time either: the
liked tweet's own time, read from its id (a snowflake), stands in for it.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from desktop.connectors.base import BadResponse, Page
from desktop.core.events import Actor, Direction, InteractionEvent, Kind, Network, Post
from desktop.core.i18n import PLURAL, fill, tx

NETWORK = Network.X
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # refuse zip bombs; real archives stay far below
_PREFIX = re.compile(r"^\s*window\.YTD\.[\w.]+\s*=\s*", re.S)
_STATUS_URL = re.compile(
    r"https?://(?:mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,15})/status/(\d+)"
)
TWITTER_EPOCH_MS = 1288834974657


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


def _read_js(archive: zipfile.ZipFile, name: str) -> list[Any]:
    info = archive.getinfo(name)
    if info.file_size > MAX_MEMBER_BYTES:
        raise BadResponse(
            fill(tx("Archive", "%1 in the archive is too large (%2 bytes)"), name, info.file_size)
        )
    text = archive.read(name).decode("utf-8-sig", errors="replace")
    try:
        data = json.loads(_PREFIX.sub("", text, count=1))
    except json.JSONDecodeError as exc:
        raise BadResponse(
            fill(tx("Archive", "%1 in the archive is not readable (line %2)"), name, exc.lineno)
        ) from None
    if not isinstance(data, list):
        raise BadResponse(fill(tx("Archive", "%1 in the archive does not hold a list"), name))
    return data


def _members(archive: zipfile.ZipFile, stem: str) -> list[str]:
    """data/<stem>.js and data/<stem>-part1.js ..., in order."""
    pattern = re.compile(rf"^(?:.*/)?data/{stem}(?:-part(\d+))?\.js$")
    found = [(pattern.match(n), n) for n in archive.namelist()]
    return [n for _, n in sorted((int(m.group(1) or 0), n) for m, n in found if m)]


def _when(tweet: dict[str, Any]) -> datetime | None:
    try:
        return parsedate_to_datetime(tweet["created_at"]).astimezone(UTC)
    except (KeyError, TypeError, ValueError):
        return snowflake_time(str(tweet.get("id_str", "")))


def _tweet_events(tweet: dict[str, Any], me: str, skipped: Counter[str]) -> list[InteractionEvent]:
    tweet_id = str(tweet.get("id_str") or tweet.get("id") or "")
    when = _when(tweet)
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


def read_x_archive(path: Path) -> tuple[Actor | None, Page]:
    """(me, one page of outbound interactions) from an X archive zip."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BadResponse(fill(tx("Archive", "%1 does not exist"), path)) from None
    except (zipfile.BadZipFile, OSError):
        raise BadResponse(
            fill(tx("Archive", "%1 is not a zip file (an X archive is a .zip)"), path)
        ) from None
    with archive:
        tweets = _members(archive, "tweets") or _members(archive, "tweet")
        if not tweets:
            raise BadResponse(
                fill(tx("Archive", "%1 is not an X archive: it has no data/tweets.js"), path)
            )
        me_actor = None
        accounts = _members(archive, "account")
        if accounts:
            entries = _read_js(archive, accounts[0])
            info = entries[0].get("account", {}) if entries and isinstance(entries[0], dict) else {}
            if info.get("username"):
                me_actor = actor(info["username"], info.get("accountDisplayName", ""))
        me = me_actor.handle.lstrip("@") if me_actor else ""
        page = Page(stream="x-archive")
        for name in tweets:
            for item in _read_js(archive, name):
                tweet = item.get("tweet", item) if isinstance(item, dict) else None
                if not isinstance(tweet, dict):
                    page.skipped["malformed"] += 1
                    continue
                page.interactions.extend(_tweet_events(tweet, me, page.skipped))
        for name in _members(archive, "like"):
            for item in _read_js(archive, name):
                like = item.get("like") if isinstance(item, dict) else None
                event = _like_event(like, page.skipped) if isinstance(like, dict) else None
                if event:
                    page.interactions.append(event)
    authorless = page.skipped.get("like without author", 0)
    if authorless:
        page.warnings.append(_authorless(authorless))
    return me_actor, page


def _authorless(n: int) -> str:
    # One line of arguments: lupdate misses a plural call that ends with a trailing comma.
    return tx(
        "Archive", "%n likes name no author in the archive and were left out", None, PLURAL, n
    )
