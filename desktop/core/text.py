"""Accent- and case-insensitive keyword matching and short excerpts for display."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

import regex

__all__ = ["ELLIPSIS", "excerpt", "fold", "keyword_matches"]

ELLIPSIS = "…"

_GRAPHEME = regex.compile(r"\X")


def fold(text: str) -> str:
    """Case-fold ``text`` and strip diacritics, for accent-insensitive comparison.

    >>> fold("Difusión"), fold("Straße"), fold("Ñandú")
    ('difusion', 'strasse', 'nandu')
    """
    # Decompose both before and after casefold: casefold can itself emit combining marks
    # (e.g. "İ" -> "i̇"), and compatibility forms like "ℌ" only become letters via NFKD.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Recompose what remains (e.g. Hangul jamo) so the result stays readable.
    return unicodedata.normalize("NFC", stripped)


def keyword_matches(keywords: Iterable[str], text: str) -> list[str]:
    """Return the keywords that occur in ``text``, as given, in order, without duplicates.

    Matching ignores case and accents. A keyword must start at a word boundary but may
    end mid-word, so "network" matches "Networking" while "work" does not. Words of a
    multi-word keyword may be separated by any whitespace in ``text``. Keywords that are
    blank, or duplicate an earlier one once folded, are skipped.
    """
    haystack = fold(text)
    seen: set[str] = set()
    matched: list[str] = []
    for keyword in keywords:
        words = fold(keyword).split()
        key = " ".join(words)
        if not words or key in seen:
            continue
        seen.add(key)
        if _found(_keyword_pattern(words), haystack):
            matched.append(keyword)
    return matched


def keyword_matcher(keywords: Iterable[str]) -> Callable[[str], list[str]]:
    """keyword_matches, compiled once, for text that is already folded (the store keeps
    candidates' titles and summaries folded): ranking thousands of candidates calls it."""
    compiled: list[tuple[str, re.Pattern[str]]] = []
    seen: set[str] = set()
    for keyword in keywords:
        words = fold(keyword).split()
        key = " ".join(words)
        if words and key not in seen:
            seen.add(key)
            compiled.append((keyword, _keyword_pattern(words)))

    def matches(folded_text: str) -> list[str]:
        return [keyword for keyword, pattern in compiled if _found(pattern, folded_text)]

    return matches


def _keyword_pattern(words: list[str]) -> re.Pattern[str]:
    # Literal first, so the regex engine scans for it quickly; the word start is checked
    # by _found (a leading lookbehind made every search try every position).
    return re.compile(r"\s+".join(map(re.escape, words)))


_WORD_CHAR = re.compile(r"\w")


def _found(pattern: re.Pattern[str], text: str) -> bool:
    """An occurrence with no word character just before it, so keywords starting with a
    symbol ("#rust", ".net") still need a word start. Occurrences may overlap ("a-a" in
    "xa-a-a"): each start is tried in turn."""
    pos = 0
    while (found := pattern.search(text, pos)) is not None:
        start = found.start()
        if start == 0 or not _WORD_CHAR.match(text, start - 1):
            return True
        pos = start + 1
    return False


def excerpt(text: str, limit: int) -> str:
    """Collapse whitespace and shorten to at most ``limit`` characters, ellipsis included.

    Cuts at the last word boundary that fits; a single over-long word is cut mid-word,
    but never inside a grapheme cluster (a letter and its marks, an emoji sequence, a flag).
    """
    if limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    collapsed = " ".join(text.split())
    if len(collapsed) <= limit:
        return collapsed
    budget = limit - len(ELLIPSIS)
    if budget <= 0:
        return ELLIPSIS[:limit]
    return _cut(collapsed, budget) + ELLIPSIS


def _cut(text: str, budget: int) -> str:
    # text is whitespace-collapsed and longer than budget.
    if text[budget] == " ":
        head = text[:budget]  # the budget ends exactly on a word boundary
    else:
        space = text.rfind(" ", 0, budget)
        head = text[:space] if space > 0 else text[: _safe_index(text, budget)]
    head = head.rstrip(" ,;:")
    return head or text[: _safe_index(text, budget)]


def _safe_index(text: str, index: int) -> int:
    """The last grapheme-cluster boundary at or before ``index``: ``text[:index]`` then ends
    between clusters. Clusters are found from the start, as a flag's pairing requires."""
    boundary = 0
    for match in _GRAPHEME.finditer(text):
        if match.end() > index:
            break
        boundary = match.end()
    return boundary
