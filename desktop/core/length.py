r"""How long a post is, as each network counts it, and whether a draft fits.

**Mastodon** (the server's ``StatusLengthValidator``, which is what refuses a post): the
text is first rewritten — every ``http://`` or ``https://`` URL becomes a placeholder of
``characters_reserved_per_url`` characters (23 unless the instance says otherwise), and
every mention ``@user@domain`` becomes just ``@user`` — and the result is counted in
grapheme clusters (``str.each_grapheme_cluster.size`` in Ruby), not code points or UTF-16
units. So an emoji with a skin tone counts 1, a long link 23, and ``@ana@social.example``
counts 4. The limit is 500 unless the instance allows more (``max_characters``).

**Bluesky**: a post's ``text`` may hold at most 300 grapheme clusters, URLs counted in
full (apps may *display* them shortened, but the record stores the whole URL).

Grapheme clusters are Unicode's extended grapheme clusters (UAX #29), segmented by the
``regex`` package's ``\X``, which follows the current Unicode version (emoji ZWJ sequences,
flags, Hangul jamo, Indic conjuncts of Unicode 15.1's GB9c). A hand-written approximation
over-counted conjuncts such as "क्षि" and refused Bluesky posts that fit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import regex

from desktop.core.events import Network
from desktop.core.i18n import PLURAL, fill, tx

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

NETWORK_LABELS = {
    Network.MASTODON: "Mastodon",
    Network.BLUESKY: "Bluesky",
    Network.X: "X",
    "twitter": "X",
    Network.LINKEDIN: "LinkedIn",
    Network.INSTAGRAM: "Instagram",
    Network.FACEBOOK: "Facebook",
    Network.FEED: "the blog",
    Network.BLOG: "the blog",
    Network.YOUTUBE: "YouTube",
}


def network_label(network: str) -> str:
    """How a network is named in a sentence: "Mastodon", "Bluesky", "LinkedIn"."""
    return NETWORK_LABELS.get(network.lower(), network[:1].upper() + network[1:])


# --- graphemes ---------------------------------------------------------------------------


_GRAPHEME = regex.compile(r"\X")


def count_graphemes(text: str) -> int:
    """How many user-perceived characters (extended grapheme clusters) `text` holds: what
    Bluesky limits to 300 and Mastodon counts (Ruby's each_grapheme_cluster)."""
    return len(_GRAPHEME.findall(text))


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
    unit: str = "characters"  # what `used` counts: "characters" or "graphemes"
    network: str = ""  # whose limit it is

    @property
    def over_by(self) -> int:
        """How many `unit`s too long it is; 0 when it fits."""
        return 0 if self.ok or self.remaining is None else -self.remaining

    @property
    def reason(self) -> str:
        """In plain English, for JSON and logs ("" when it fits); :attr:`explained` says it
        in the user's language, and the window words it from `over_by`, `unit`, `network`
        and `limit` through its translations."""
        if self.ok:
            return ""
        label = network_label(self.network)
        return f"{_units(self.over_by, self.unit)} over {label}'s limit of {self.limit}"

    @property
    def explained(self) -> str:
        """:attr:`reason` in the user's language, for error messages and the CLI."""
        if self.ok:
            return ""
        n = self.over_by
        if self.unit == "graphemes":
            if n == 1:
                said = tx("Length", "1 grapheme over %1's limit of %2")
            else:
                said = tx("Length", "%n graphemes over %1's limit of %2", None, PLURAL, n)
        elif self.unit == "characters":
            if n == 1:
                said = tx("Length", "1 character over %1's limit of %2")
            else:
                said = tx("Length", "%n characters over %1's limit of %2", None, PLURAL, n)
        else:
            return self.reason
        return fill(said, network_label(self.network), self.limit)

    def as_json(self) -> dict[str, object]:
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
    if name == Network.MASTODON:
        return LengthRule(
            Network.MASTODON,
            mastodon_max,
            lambda text: mastodon_length(text, url_length),
            "characters",
        )
    if name == Network.BLUESKY:
        return LengthRule(Network.BLUESKY, BLUESKY_MAX_GRAPHEMES, count_graphemes, "graphemes")
    return None


def _units(n: int, unit: str) -> str:
    return f"{n} {unit if n != 1 else unit.removesuffix('s')}"


def check(text: str, rule: LengthRule | None) -> LengthCheck:
    """Does ``text`` fit ``rule``? ``over_by`` says by how much it does not."""
    if rule is None:
        return LengthCheck(count_graphemes(text), None, None, True)
    used = rule.count(text)
    remaining = rule.limit - used
    return LengthCheck(used, rule.limit, remaining, remaining >= 0, rule.unit, rule.network)
