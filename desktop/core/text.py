"""Accent- and case-insensitive keyword matching and short excerpts for display."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable

import regex

__all__ = ["ELLIPSIS", "excerpt", "fold", "keyword_matches", "snippet"]

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


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


def snippet(text: str, words: Iterable[str], limit: int) -> str:
    """A short piece of ``text`` showing where one of ``words`` occurs, for a search result:
    whitespace collapsed, at most ``limit`` characters, "…" where it was cut.

    A word is found at the start of a word of the text, case and accents folded ("difus"
    finds "Difusión"). When the first one found is near the start, or none is, the text is
    shown from its start; otherwise from a few words before it.

    >>> snippet("A long story. Then the difusión of ideas", ["difus"], 24)
    '… Then the difusión of…'
    """
    collapsed = " ".join(text.split())
    keys = [key for key in (fold(word) for word in words) if key]
    if len(collapsed) <= limit or not keys:
        return excerpt(collapsed, limit)
    folded, origin = fold(collapsed), None
    if len(folded) != len(collapsed):
        # Folding changed lengths ("ß" -> "ss"): keep where each folded character came from.
        parts: list[str] = []
        where: list[int] = []
        for index, ch in enumerate(collapsed):
            folded_ch = _fold_char(ch)
            parts.append(folded_ch)
            where.extend([index] * len(folded_ch))
        folded, origin = "".join(parts), where
    pattern = re.compile("|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True)))
    found = _found_at(pattern, folded)
    if found is None:
        return excerpt(collapsed, limit)
    at = found if origin is None else origin[found]
    if at <= limit // 2:
        return excerpt(collapsed, limit)
    # A few words of context before the match, starting at a word.
    start = collapsed.rfind(" ", 0, max(at - limit // 4, 0)) + 1
    return ELLIPSIS + " " + excerpt(collapsed[start:], limit - len(ELLIPSIS) - 1)


def _found_at(pattern: re.Pattern[str], text: str) -> int | None:
    """Where the first occurrence at a word start is (see _found), or None."""
    pos = 0
    while (found := pattern.search(text, pos)) is not None:
        start = found.start()
        if start == 0 or not _WORD_CHAR.match(text, start - 1):
            return start
        pos = start + 1
    return None
