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
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
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
_MANIFEST_PREFIX = re.compile(r"^\s*window\.__THAR_CONFIG\s*=\s*", re.S)
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


def _load_js(archive: zipfile.ZipFile, name: str, prefix: re.Pattern[str] = _PREFIX) -> Any:
    info = archive.getinfo(name)
    if info.file_size > MAX_MEMBER_BYTES:
        raise BadResponse(
            fill(tx("Archive", "%1 in the archive is too large (%2 bytes)"), name, info.file_size)
        )
    text = archive.read(name).decode("utf-8-sig", errors="replace")
    try:
        return json.loads(prefix.sub("", text, count=1))
    except json.JSONDecodeError as exc:
        raise BadResponse(
            fill(tx("Archive", "%1 in the archive is not readable (line %2)"), name, exc.lineno)
        ) from None


def _read_js(archive: zipfile.ZipFile, name: str) -> list[Any]:
    data = _load_js(archive, name)
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


def _load_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    """data/manifest.js, or {} when there is none or it cannot be read: only a date hangs
    on it, not worth refusing the archive for."""
    for name in _members(archive, "manifest"):
        try:
            data = _load_js(archive, name, _MANIFEST_PREFIX)
        except BadResponse:
            return {}
        return data if isinstance(data, dict) else {}
    return {}


def _generated_at(manifest: dict[str, Any]) -> datetime | None:
    info = manifest.get("archiveInfo")
    stamp = info.get("generationDate") if isinstance(info, dict) else None
    try:
        when = datetime.fromisoformat(str(stamp))
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def _read_me(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> tuple[Actor | None, str]:
    """(me, my account id) from account.js; the id from manifest.js if account.js lacks it."""
    me_actor = None
    info: Any = {}
    accounts = _members(archive, "account")
    if accounts:
        entries = _read_js(archive, accounts[0])
        info = entries[0].get("account", {}) if entries and isinstance(entries[0], dict) else {}
        info = info if isinstance(info, dict) else {}
        if info.get("username"):
            me_actor = actor(info["username"], info.get("accountDisplayName", ""))
    user = manifest.get("userInfo")
    my_id = info.get("accountId") or (user.get("accountId") if isinstance(user, dict) else "")
    return me_actor, str(my_id or "")


def _follow_events(
    archive: zipfile.ZipFile,
    stem: str,
    names: _Names,
    my_id: str,
    when: datetime | None,
    page: Page,
) -> int:
    """data/<stem>.js (follower or following) as follows added to the page; how many of
    them the archive gives no name for."""
    direction = Direction.INBOUND if stem == "follower" else Direction.OUTBOUND
    seen: set[str] = set()
    unnamed = 0
    for member in _members(archive, stem):
        for item in _read_js(archive, member):
            entry = item.get(stem) if isinstance(item, dict) else None
            account_id = str(entry.get("accountId") or "") if isinstance(entry, dict) else ""
            if not account_id.isdigit():
                page.skipped["malformed"] += 1
                continue
            if account_id == my_id or account_id in seen:
                continue
            seen.add(account_id)
            if when is None:
                page.skipped["follow without date"] += 1
                continue
            who = names.actor(account_id)
            if who is None:
                unnamed += 1
                who = unnamed_actor(account_id, entry.get("userLink") if entry else "")
            page.interactions.append(
                InteractionEvent(
                    external_id=f"{stem}:{account_id}",
                    kind=Kind.FOLLOW,
                    direction=direction,
                    actor=who,
                    occurred_at=when,
                )
            )
    return unnamed


def _read_tweets(
    archive: zipfile.ZipFile, members: list[str], me: str, names: _Names, page: Page
) -> datetime | None:
    """My tweets and likes into the page and the names they give; the newest time in them."""
    newest: datetime | None = None
    for name in members:
        for item in _read_js(archive, name):
            tweet = item.get("tweet", item) if isinstance(item, dict) else None
            if not isinstance(tweet, dict):
                page.skipped["malformed"] += 1
                continue
            when = _when(tweet)
            if when is not None:
                names.learn_tweet(tweet, when)
                newest = when if newest is None else max(newest, when)
            page.interactions.extend(_tweet_events(tweet, when, me, page.skipped))
    for name in _members(archive, "like"):
        for item in _read_js(archive, name):
            like = item.get("like") if isinstance(item, dict) else None
            event = _like_event(like, page.skipped) if isinstance(like, dict) else None
            if event:
                page.interactions.append(event)
                newest = event.occurred_at if newest is None else max(newest, event.occurred_at)
    return newest


def read_x_archive(path: Path) -> tuple[Actor | None, Page]:
    """(me, one page of interactions) from an X archive zip."""
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
        manifest = _load_manifest(archive)
        me_actor, my_id = _read_me(archive, manifest)
        me = me_actor.handle.lstrip("@") if me_actor else ""
        names = _Names()
        if me_actor and my_id:
            names.learn(my_id, me, me_actor.display_name, ALWAYS)
        page = Page(stream="x-archive")
        newest = _read_tweets(archive, tweets, me, names, page)
        followed_at = _generated_at(manifest) or newest
        unnamed_followers = _follow_events(archive, "follower", names, my_id, followed_at, page)
        unnamed_following = _follow_events(archive, "following", names, my_id, followed_at, page)
    authorless = page.skipped.get("like without author", 0)
    if authorless:
        page.warnings.append(_authorless(authorless))
    if unnamed_followers:
        page.warnings.append(_unnamed_followers(unnamed_followers))
    if unnamed_following:
        page.warnings.append(_unnamed_following(unnamed_following))
    return me_actor, page


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
