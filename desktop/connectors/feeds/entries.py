"""One parsed feed, whichever format it came in, and the text helpers its readers share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeGuard
from urllib.parse import urlsplit, urlunsplit

from desktop.connectors.fields import text_or_empty
from desktop.connectors.html_text import html_to_text
from desktop.core.urls import is_http_url

HTML_LIMIT = 200_000  # characters of remote HTML converted per field: the rest is never shown

# C0/C1 controls (tab and newline kept), NUL included, lone surrogates (JSON can carry
# them and they cannot be stored as UTF-8) and the two non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_TAG = re.compile(r"<[A-Za-z/!][^>]*>")
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


@dataclass
class Entry:
    id: str = ""
    link: str = ""  # the best http(s) link, "" if none
    title: str = ""  # plain text
    summary: str = ""  # plain text, whole (trimmed by the caller)
    content: str = ""  # plain text of the full content, "" if only a summary was given
    author_name: str = ""
    author_url: str = ""
    language: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    in_reply_to: str = ""  # thr:in-reply-to href
    comments: str = ""  # RSS <comments>: the commented page
    comment_feed: str = ""  # wfw:commentRss: the commented post's own comments feed


@dataclass
class Feed:
    title: str = ""
    site_url: str = ""
    language: str = ""
    author_name: str = ""
    entries: list[Entry] = field(default_factory=list)
    problem: str = ""  # why it is not well-formed, "" if it is


class NotAFeed(Exception):
    """The body is not RSS, Atom or JSON Feed; the message says what it looks like."""


def clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n"))


def is_http(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and is_http_url(value)


def http_or_empty(value: Any) -> str:
    return value.strip() if is_http(value) else ""


def without_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url.strip())._replace(fragment=""))


def plain_text(value: Any, media_type: Any) -> str:
    """Plain text from a field that is HTML unless its type says plain text."""
    text = clean(text_or_empty(value))
    if not text.strip():
        return ""
    if text_or_empty(media_type).lower() == "text/plain" and not _TAG.search(text):
        return text.strip()
    return clean(html_to_text(text[:HTML_LIMIT]).text)


def plain_title(value: Any, detail: Any) -> str:
    media_type = (detail or {}).get("type") if isinstance(detail, dict) else None
    return " ".join(plain_text(value, media_type or "text/plain").split())


def language(value: Any) -> str:
    """The primary language subtag, lower case ("en-GB" -> "en"), or ""."""
    match = _LANGUAGE.match(text_or_empty(value).strip())
    return match.group(1).lower() if match else ""
