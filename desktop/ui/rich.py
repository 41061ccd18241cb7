"""Rich text for QLabels, built in one place: remote text (names, post texts, URLs) is
always escaped, and only http(s) addresses become links — a label with
setOpenExternalLinks would otherwise hand ``javascript:`` or ``file:`` URLs to the desktop.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TypeGuard
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


class Rich(str):
    """Text that is already rich text (escaped or built here): not escaped again."""

    __slots__ = ()

    # Rich + plain text escapes the plain part, so a concatenation stays safe.
    def __add__(self, other: object) -> Rich:
        return Rich(str.__add__(self, escape(other)))

    def __radd__(self, other: object) -> Rich:
        return Rich(str.__add__(escape(other), self))


def escape(text: object) -> Rich:
    if isinstance(text, Rich):
        return text
    return Rich(html.escape(str(text), quote=True))


def is_web_url(url: str | None) -> TypeGuard[str]:
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # e.g. "http://[" : not an address
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def link(url: str | None, text: object = None) -> Rich:
    """<a href> for an http(s) URL; anything else is shown as its plain, escaped text."""
    shown = escape((url or "") if text is None else text)
    if not is_web_url(url):
        return shown
    return Rich(f'<a href="{escape(url.strip())}">{shown}</a>')


def app_link(target: str, text: object) -> Rich:
    """A link the label's own linkActivated handles (e.g. "person:12"), never opened by
    the desktop: the target is the app's, not remote text."""
    return Rich(f'<a href="{escape(target)}">{escape(text)}</a>')


def bold(text: object) -> Rich:
    return Rich(f"<b>{escape(text)}</b>")


def paragraph(text: object) -> Rich:
    return Rich(f"<p>{escape(text)}</p>")


def join(parts: Iterable[object], separator: str = "") -> Rich:
    """Parts escaped (unless already rich) and joined by a rich separator ("<br>")."""
    return Rich(separator.join(escape(p) for p in parts))


def lines(parts: Iterable[object]) -> Rich:
    return join(parts, "<br>")


def bullets(items: Iterable[object], *, indent: int | None = None) -> Rich:
    """A bulleted list; ``indent`` (px, may be negative) moves the bullets."""
    style = f" style='margin-left:{indent}px'" if indent is not None else ""
    body = "".join(f"<li>{escape(item)}</li>" for item in items)
    return Rich(f"<ul{style}>{body}</ul>" if body else "")
