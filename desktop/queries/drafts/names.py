"""How people and posts are named in a draft: first names, mentions, the quoted title."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from desktop.core.vocabulary import Network
from desktop.queries.drafts.model import Mention

_CUSTOM_EMOJI = re.compile(r":[A-Za-z0-9_]{2,}:")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NAME_SEPARATORS = re.compile(r"\s[|·•/–—-]\s|[|·•]")
_NOT_FIRST_NAMES = frozenset(
    {"the", "a", "an", "el", "la", "los", "las", "le", "les", "der", "die", "das", "il", "lo"}
    | {"dr", "mr", "mrs", "ms", "mx", "prof", "sr", "sra", "srta", "don", "doña"}
    | {"team", "equipo"}
)


def _clean_display_name(name: str) -> str:
    """A display name without custom emoji, emoji, pronouns in brackets or taglines."""
    name = _CUSTOM_EMOJI.sub(" ", name)
    name = _PARENTHESES.sub(" ", name)
    name = _NAME_SEPARATORS.split(name, maxsplit=1)[0]
    kept = []
    for ch in name:
        code = ord(ch)
        if unicodedata.category(ch) in ("So", "Sk", "Cs", "Co", "Cf", "Cn"):
            continue
        if 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF:
            continue
        kept.append(ch)
    return " ".join("".join(kept).split()).strip(" ,;:.-")


def _handle_user(handle: str) -> str:
    handle = handle.strip().lstrip("@")
    return handle.split("@", 1)[0].split(".", 1)[0]


def first_name(display_name: str, handle: str = "") -> str:
    """What to call someone: the first name when the display name looks like a person's
    name ("Ana García" → "Ana"), otherwise the cleaned display name ("The Verge"), and
    the handle's user part when there is no usable name."""
    cleaned = _clean_display_name(display_name)
    words = cleaned.split()
    if len(words) >= 2:
        first = words[0]
        looks_like_a_name = (
            len(first) >= 2
            and first[0].isupper()
            and all(ch.isalpha() or ch in "-'’" for ch in first)
            and first.lower() not in _NOT_FIRST_NAMES
        )
        if looks_like_a_name:
            return first
    return cleaned or _handle_user(handle) or display_name.strip()


def _mention(
    network: str, handle: str, stable_id: str, profile_url: str, display_name: str
) -> Mention:
    """How this network expects a person to be named so that they are notified."""
    handle = handle.strip()
    if network == Network.MASTODON and handle:
        text = handle if handle.startswith("@") else f"@{handle}"
        if text.count("@") == 1:  # a bare local handle: add the instance from the profile
            host = urlsplit(profile_url).hostname or ""
            text = f"{text}@{host}" if host else text
        return Mention(text, profile_url or stable_id, text)
    if network == Network.BLUESKY and handle:
        bare = handle.lstrip("@")
        return Mention(bare, stable_id, f"@{bare}")
    name = _clean_display_name(display_name) or display_name.strip() or handle
    return Mention(handle or name, profile_url or stable_id, name)


_TITLE_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_TITLE_MENTION = re.compile(r"(?<![=/\w])@[\w.\-]+(?:@[\w.\-]*\w)?")
_TRAILING_TAGS = re.compile(r"(?:\s*(?<!\w)#\w+)+\s*$")
_HASH = re.compile(r"(?<!\w)#(\w)")


def title_text(post_text: str) -> str:
    """The part of my post worth quoting back: no URLs, no @mentions (quoting them would
    notify someone else again), no trailing hashtag block, no '#' signs. A post behind a
    content warning is never quoted (the Mastodon connector keeps it as "CW: …")."""
    text = post_text.strip()
    if not text or text.startswith("CW:"):
        return ""
    text = _TITLE_URL.sub(" ", text)
    text = _TITLE_MENTION.sub(" ", text)
    text = _TRAILING_TAGS.sub("", text)
    text = _HASH.sub(r"\1", text)
    text = " ".join(text.split())
    return text.strip(" \"'“”«»‘’:;,-–—|")


# --- choosing and fitting a variant ------------------------------------------------------
