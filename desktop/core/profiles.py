"""A profile URL pasted by hand ("https://www.linkedin.com/in/ana-garcia") read as an
identity: which network, and the stable id that network's imports give the same person, so
a person logged by hand and later found in an export is one identity, not two."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from desktop.core.vocabulary import Network

_HOSTS = {
    "linkedin.com": "linkedin",
    "instagram.com": "instagram",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "x.com": Network.X,
    "twitter.com": Network.X,
    "youtube.com": "youtube",
    "bsky.app": Network.BLUESKY,
}
_NOT_PROFILES = {"p", "reel", "posts", "feed", "status", "watch", "hashtag", "explore", "search"}


@dataclass(frozen=True)
class Profile:
    network: str
    stable_id: str  # as that network's archive reader or connector keys the person
    handle: str
    url: str


def profile_of(text: str) -> Profile | None:
    """The identity a profile URL names; None when ``text`` is not one we can read."""
    text = text.strip()
    if not text.lower().startswith(("http://", "https://")):
        return None
    parts = urlsplit(text)
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    segments = [s for s in parts.path.split("/") if s]
    network = _HOSTS.get(host)
    url = text.split("#")[0]
    if network is None:
        if segments and segments[0].startswith("@") and len(segments[0]) > 1:  # Mastodon
            user = segments[0][1:]
            return Profile(Network.MASTODON, f"url:{url.lower()}", f"@{user}@{host}", url)
        return None
    if network == "linkedin":
        if len(segments) >= 2 and segments[0] in ("in", "company"):
            slug = segments[1].lower()
            return Profile(network, f"{segments[0]}/{slug}", slug, url)
        return None
    if network == "facebook" and segments[:1] == ["profile.php"]:
        ids = parse_qs(parts.query).get("id")
        return Profile(network, f"id:{ids[0]}", ids[0], url) if ids else None
    if network == "youtube":
        if segments and segments[0].startswith("@"):
            return Profile(network, segments[0].lower(), segments[0], url)
        if len(segments) >= 2 and segments[0] == "channel":
            return Profile(network, segments[1], segments[1], url)
        return None
    if network == Network.BLUESKY:
        if len(segments) >= 2 and segments[0] == "profile":
            return Profile(network, segments[1].lower(), segments[1], url)
        return None
    if not segments or segments[0].lower() in _NOT_PROFILES:
        return None
    user = segments[0].lstrip("@")
    if network == Network.X:  # as desktop.connectors.x_archive keys people
        return Profile(network, "@" + user.lower(), "@" + user, url)
    return Profile(network, user.lower(), user, url)


MAX_LINKS = 8  # a profile's links kept as evidence; more is a link list, not a person's


def profile_links(urls: Iterable[str], own: str = "") -> tuple[str, ...]:
    """The URLs among ``urls`` that name a profile on a network we know (not ``own``, the
    network of the profile they were found on), each once, at most MAX_LINKS."""
    found: dict[tuple[str, str], str] = {}
    for url in urls:
        profile = profile_of(url)
        if profile is None or profile.network == own:
            continue
        found.setdefault((profile.network, profile.stable_id), profile.url[:512])
        if len(found) == MAX_LINKS:
            break
    return tuple(found.values())
