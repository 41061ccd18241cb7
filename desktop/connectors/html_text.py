"""Remote HTML (Mastodon statuses, feed summaries) to plain text, with the stdlib's parser.

Untrusted markup is never rendered: we keep the words, line breaks, mentions (@user),
hashtags (#tag) and links (the full href, not Mastodon's shortened display text), and
drop everything else, scripts and styles included.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCKS = {"p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
SKIP = {"script", "style", "template", "head", "title"}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "col", "embed"}


@dataclass
class PlainText:
    text: str
    links: list[str] = field(default_factory=list)  # plain links, in order, no mentions/tags
    mentions: list[str] = field(default_factory=list)  # profile URLs of mentioned accounts
    hashtags: list[str] = field(default_factory=list)


@dataclass
class _Anchor:
    href: str
    classes: set[str]
    text: list[str] = field(default_factory=list)


_Attributes = list[tuple[str, str | None]]


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.result = PlainText("")
        self.skip_depth = 0
        self.anchor: _Anchor | None = None
        self.hidden_tag = ""  # the element we are inside of that hides its content
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: _Attributes) -> None:
        if self.hidden_tag:
            self.hidden_depth += tag == self.hidden_tag
            return
        if tag not in VOID and "quote-inline" in (dict(attrs).get("class") or "").split():
            # Mastodon's "RE: <url>" fallback (a <span> or a <p>) for clients without quotes.
            self.hidden_tag, self.hidden_depth = tag, 1
            return
        if tag in SKIP:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "br":
            self._emit("\n")
        elif tag in BLOCKS:
            self._block()
        elif tag == "a":
            values = dict(attrs)
            classes = set((values.get("class") or "").split())
            self.anchor = _Anchor(href=values.get("href") or "", classes=classes)

    def handle_startendtag(self, tag: str, attrs: _Attributes) -> None:
        if tag == "br" and not self.skip_depth and not self.hidden_tag:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.hidden_tag:
            if tag == self.hidden_tag:
                self.hidden_depth -= 1
                if self.hidden_depth == 0:
                    self.hidden_tag = ""
            return
        if tag in SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in BLOCKS:
            self._block()
        elif tag == "a" and self.anchor is not None:
            self._close_anchor()

    def handle_data(self, data: str) -> None:
        if self.skip_depth or self.hidden_tag:
            return
        if self.anchor is not None:
            self.anchor.text.append(data)
        else:
            self._emit(data)

    def _close_anchor(self) -> None:
        anchor, self.anchor = self.anchor, None
        if anchor is None:
            return
        text = "".join(anchor.text).strip()
        href = anchor.href
        classes = anchor.classes
        if "hashtag" in classes or text.startswith("#"):
            self.result.hashtags.append(text.lstrip("#"))
            self._emit(text)
        elif "mention" in classes or (text.startswith("@") and len(text) > 1):
            if href:
                self.result.mentions.append(href)
            self._emit(text)
        elif href.startswith(("http://", "https://")):
            self.result.links.append(href)
            # Mastodon shortens a link's visible text; the href is the real thing.
            looks_like_url = not text or (" " not in text and "." in text)
            self._emit(href if looks_like_url else f"{text} ({href})")
        else:
            self._emit(text)

    def _emit(self, text: str) -> None:
        self.parts.append(text)

    def _block(self) -> None:
        self.parts.append("\n\n")


_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BREAKS = re.compile(r" *\n *")
_MANY_BREAKS = re.compile(r"\n{3,}")


def html_to_text(html: str | None) -> PlainText:
    """Plain text from untrusted HTML; never raises on malformed markup."""
    if not html:
        return PlainText("")
    if len(html) > CACHED_UP_TO:
        return _convert(html)
    cached = _cached(html)
    # A copy: the cache's own lists must not change under a caller.
    return PlainText(cached.text, list(cached.links), list(cached.mentions), list(cached.hashtags))


def html_text(html: str | None) -> str:
    """Just the text of html_to_text(html): what a post keeps, without copying lists."""
    if not html:
        return ""
    if len(html) > CACHED_UP_TO:
        return _convert(html).text
    return _cached(html).text


CACHED_UP_TO = 16_000  # statuses are short; long feed bodies are not worth keeping


@functools.lru_cache(maxsize=2048)
def _cached(html: str) -> PlainText:
    # The same statuses come back again and again in a sync (my post under every
    # favourite of it): parse each text once.
    return _convert(html)


def _convert(html: str) -> PlainText:
    if "<" not in html and "&" not in html:  # plain text: nothing for a parser to do
        return PlainText(_tidy(html))
    converter = _Converter()
    converter.feed(html)
    converter.close()
    if converter.anchor is not None:  # an unclosed <a>
        converter._close_anchor()
    converter.result.text = _tidy("".join(converter.parts))
    return converter.result


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = _BREAKS.sub("\n", text)
    return _MANY_BREAKS.sub("\n\n", text).strip()
