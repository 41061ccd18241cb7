"""How long a post is, as each network counts it, and whether a draft fits.

**Mastodon** (the server's ``StatusLengthValidator``, which is what refuses a post): the
text is first rewritten — every ``http://`` or ``https://`` URL becomes a placeholder of
``characters_reserved_per_url`` characters (23 unless the instance says otherwise), and
every mention ``@user@domain`` becomes just ``@user`` — and the result is counted in
grapheme clusters (``str.each_grapheme_cluster.size`` in Ruby), not code points or UTF-16
units. So an emoji with a skin tone counts 1, a long link 23, and ``@ana@social.example``
counts 4. The limit is 500 unless the instance allows more (``max_characters``).

**Bluesky**: a post's ``text`` may hold at most 300 grapheme clusters, URLs counted in
full (apps may *display* them shortened, but the record stores the whole URL).

Python's standard library has no grapheme segmentation (and neither ``grapheme`` nor
``regex`` is a dependency), so :func:`count_graphemes` **approximates** Unicode's extended
grapheme clusters (UAX #29) with ``unicodedata``: combining marks, spacing marks and
enclosing marks (keycaps) extend the character before them; so do variation selectors,
emoji skin-tone modifiers and tag characters (subdivision flags); a zero-width joiner
glues the next character on (emoji ZWJ sequences such as 👩‍💻 count 1); two regional
indicators make one flag; CR LF is one cluster. Not handled: Hangul conjoining jamo
sequences (precomposed syllables, which is what people type, are single code points),
prepended concatenation marks and Indic conjunct rules. The count never exceeds the
number of code points and errs towards counting more, which is the safe side for a limit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "BLUESKY_MAX_GRAPHEMES",
    "MASTODON_MAX_CHARS",
    "MASTODON_URL_LENGTH",
    "LengthCheck",
    "LengthRule",
    "check",
    "count_graphemes",
    "mastodon_countable_text",
    "mastodon_length",
    "network_label",
    "rule_for",
]

MASTODON_MAX_CHARS = 500
MASTODON_URL_LENGTH = 23  # instance configuration: statuses.characters_reserved_per_url
BLUESKY_MAX_GRAPHEMES = 300

_ZWJ = 0x200D
_CR, _LF = "\r", "\n"

NETWORK_LABELS = {
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "x": "X",
    "twitter": "X",
    "linkedin": "LinkedIn",
    "feed": "the blog",
    "blog": "the blog",
}


def network_label(network: str) -> str:
    """How a network is named in a sentence: "Mastodon", "Bluesky", "LinkedIn"."""
    return NETWORK_LABELS.get(network.lower(), network[:1].upper() + network[1:])


# --- graphemes ---------------------------------------------------------------------------


def _pictographic(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x2300 <= cp <= 0x23FF
        or 0x2B00 <= cp <= 0x2BFF
        or (cp >= 0x2000 and unicodedata.category(ch) == "So")
    )


def _extends(ch: str) -> bool:
    """Characters that never start a grapheme of their own (approximately)."""
    cp = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Mc")  # combining and spacing marks
        or cp == 0x200D  # zero width joiner
        or 0xFE00 <= cp <= 0xFE0F  # variation selectors
        or 0xE0100 <= cp <= 0xE01EF
        or 0x1F3FB <= cp <= 0x1F3FF  # skin tone modifiers
        or 0xE0020 <= cp <= 0xE007F  # tags (subdivision flags)
        or 0x1160 <= cp <= 0x11FF  # Hangul vowel and trailing jamo
        or 0xD7B0 <= cp <= 0xD7FF
    )


def count_graphemes(text: str) -> int:
    """How many user-perceived characters Bluesky counts in `text`.

    An approximation of Unicode extended grapheme clusters (UAX #29) on `unicodedata`, which
    has no segmentation: combining marks, variation selectors, skin-tone modifiers, emoji tag
    sequences, emoji joined by ZWJ, pairs of regional indicators (flags), Hangul jamo and
    CR LF each count as one. Rare scripts' prepend marks and some Indic conjuncts may differ
    by one from the real rules; the `grapheme` / `regex` packages would be exact.
    """
    count = 0
    prev = ""
    after_zwj = False  # the previous character was a ZWJ following a pictograph
    base_pictographic = False
    lone_flag = False  # the current cluster is one regional indicator, waiting for its pair
    for ch in text:
        cp = ord(ch)
        if count and (
            (_extends(ch) and unicodedata.category(prev) != "Cc")  # nothing extends a control
            or (after_zwj and _pictographic(ch))
            or (prev == "\r" and ch == "\n")
            or (lone_flag and 0x1F1E6 <= cp <= 0x1F1FF)
        ):
            if lone_flag and 0x1F1E6 <= cp <= 0x1F1FF:
                lone_flag = False
            after_zwj = cp == 0x200D and base_pictographic
            prev = ch
            continue
        count += 1
        base_pictographic = _pictographic(ch)
        lone_flag = 0x1F1E6 <= cp <= 0x1F1FF
        after_zwj = False
        prev = ch
    return count


_URL = re.compile(r"https?://(?:[\w-]+\.)+[\w-]+(?::\d+)?(?P<rest>[/?#][^\s<>\"]*)?", re.IGNORECASE)
_URL_TRAILING = ".,;:!?'\"`)]}…"

# Account::MENTION_RE: (?<![=/[:word:]])@((USERNAME)(?:@[[:word:].-]+[[:word:]]+)?)
_MENTION = re.compile(
    r"(?<![=/\w])@(?P<user>[a-z0-9_]+(?:[a-z0-9_.\-]+[a-z0-9_])?)(?P<domain>@[\w.\-]+\w)?",
    re.IGNORECASE,
)
# twitter-text's end_mention_match: "@ana@x@y", "@noël", "@ana://" are not mentions.
_LATIN_ACCENTS = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253-\u0254\u0256-\u0257"
    "\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_END_MENTION = re.compile(rf"(?:[@\uff20]|[{_LATIN_ACCENTS}]|://)")
_MAX_DOMAIN = 253


def _url_spans(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for match in _URL.finditer(text):
        end = match.end()
        rest_start = match.start("rest") if match.group("rest") else end
        # Trailing sentence punctuation is not part of the URL, except a closing bracket
        # that closes one opened inside it (Wikipedia links).
        while end > rest_start and text[end - 1] in _URL_TRAILING:
            url = text[match.start() : end]
            if text[end - 1] == ")" and url.count("(") >= url.count(")"):
                break
            end -= 1
        spans.append((match.start(), end, "url"))
    return spans


def _mention_spans(text: str) -> list[tuple[int, int, str]]:
    if "@" not in text and "\uff20" not in text:
        return []
    spans = []
    for match in _MENTION.finditer(text):
        if _END_MENTION.match(text, match.end()):
            continue
        domain = match.group("domain")
        if domain and len(domain) - 1 > _MAX_DOMAIN:
            continue
        spans.append((match.start(), match.end(), "@" + match.group("user")))
    return spans


def mastodon_countable_text(text: str, url_length: int = MASTODON_URL_LENGTH) -> str:
    """The text as Mastodon measures it: URLs as placeholders, mentions without domain."""
    entities = sorted(_url_spans(text) + _mention_spans(text))
    out: list[str] = []
    position = 0
    for start, end, replacement in entities:
        if start < position:
            continue  # overlapping entities: the earlier one wins, as in Mastodon
        out.append(text[position:start])
        out.append("x" * url_length if replacement == "url" else replacement)
        position = end
    out.append(text[position:])
    return "".join(out)


def mastodon_length(text: str, url_length: int = MASTODON_URL_LENGTH) -> int:
    """The length Mastodon's server checks against ``max_characters``.

    >>> mastodon_length("Read https://example.com/" + "a" * 100)
    28
    >>> mastodon_length("@ana@social.example thanks!")
    12
    """
    if not text.strip():
        return 0
    return count_graphemes(mastodon_countable_text(text, url_length))


# --- rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LengthRule:
    network: str
    limit: int
    count: Callable[[str], int]
    unit: str = "characters"  # singular is the same word without the final "s"


@dataclass(frozen=True)
class LengthCheck:
    used: int
    limit: int | None  # None: this network has no limit we know of
    remaining: int | None
    ok: bool
    reason: str  # "" when it fits; otherwise a sentence for the user

    def as_json(self) -> dict:
        return {
            "used": self.used,
            "limit": self.limit,
            "remaining": self.remaining,
            "ok": self.ok,
            "reason": self.reason,
        }


def rule_for(
    network: str,
    *,
    mastodon_max: int = MASTODON_MAX_CHARS,
    url_length: int = MASTODON_URL_LENGTH,
) -> LengthRule | None:
    """The length rule of a network, or None for networks without a known limit."""
    name = network.lower()
    if name == "mastodon":
        return LengthRule(
            "mastodon", mastodon_max, lambda text: mastodon_length(text, url_length), "characters"
        )
    if name == "bluesky":
        return LengthRule("bluesky", BLUESKY_MAX_GRAPHEMES, count_graphemes, "graphemes")
    return None


def _units(n: int, unit: str) -> str:
    return f"{n} {unit if n != 1 else unit.removesuffix('s')}"


def check(text: str, rule: LengthRule | None) -> LengthCheck:
    """Does ``text`` fit ``rule``? ``reason`` says by how much it does not."""
    if rule is None:
        return LengthCheck(count_graphemes(text), None, None, True, "")
    used = rule.count(text)
    remaining = rule.limit - used
    if remaining >= 0:
        return LengthCheck(used, rule.limit, remaining, True, "")
    label = network_label(rule.network)
    reason = f"{_units(-remaining, rule.unit)} over {label}'s limit of {rule.limit}"
    return LengthCheck(used, rule.limit, remaining, False, reason)
