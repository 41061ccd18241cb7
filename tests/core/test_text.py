from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.text import ELLIPSIS, excerpt, fold, keyword_matches, snippet

# --- fold ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Difusión", "difusion"),
        ("DIFUSION", "difusion"),
        ("Straße", "strasse"),
        ("Ñandú", "nandu"),
        ("Crème Brûlée", "creme brulee"),
        ("ÅNGSTRÖM", "angstrom"),
        ("ﬁle", "file"),  # compatibility ligature
        ("İstanbul", "istanbul"),  # casefold emits a combining dot that must go too
        ("한국어", "한국어"),  # Hangul survives decomposition
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_equates_accented_and_plain() -> None:
    assert fold("Difusión") == fold("DIFUSION") == "difusion"


@given(st.text())
def test_fold_leaves_no_combining_marks(text: str) -> None:
    assert not any(unicodedata.combining(ch) for ch in fold(text))


# --- keyword_matches ----------------------------------------------------------------------


def test_keyword_prefix_matches_longer_word() -> None:
    assert keyword_matches(["network"], "Great networking event") == ["network"]
    assert keyword_matches(["network"], "Social Networks are loud") == ["network"]


def test_keyword_must_start_at_word_boundary() -> None:
    assert keyword_matches(["work"], "Great networking event") == []
    assert keyword_matches(["work"], "Back to work.") == ["work"]


def test_keyword_ignores_accents_and_case() -> None:
    assert keyword_matches(["difusión"], "Gracias por la Difusion") == ["difusión"]
    assert keyword_matches(["Difusion"], "GRACIAS POR LA DIFUSIÓN") == ["Difusion"]


def test_multi_word_keyword_matches_across_any_whitespace() -> None:
    assert keyword_matches(["open source"], "We love Open\n\tSource software") == ["open source"]
    assert keyword_matches(["open  source"], "open source") == ["open  source"]
    assert keyword_matches(["open source"], "open-source") == []
    assert keyword_matches(["open source"], "source open") == []


def test_keywords_returned_as_given_in_order_deduplicated() -> None:
    keywords = ["Rust", "python", "rust", "Python ", "go"]
    text = "I write python and rust, never go."
    assert keyword_matches(keywords, text) == ["Rust", "python", "go"]


def test_blank_keywords_ignored() -> None:
    assert keyword_matches(["", "   ", "\n", "hello"], "hello world") == ["hello"]


def test_regex_metacharacters_are_literal() -> None:
    assert keyword_matches(["c++"], "I like c++ a lot") == ["c++"]
    assert keyword_matches(["a.b"], "axb") == []
    assert keyword_matches(["#rust"], "Posting about #RustLang today") == ["#rust"]
    assert keyword_matches(["#rust"], "foo#rust") == []


def test_keyword_matches_accepts_any_iterable() -> None:
    assert keyword_matches((k for k in ["ñandú"]), "Un NANDU corre") == ["ñandú"]


def test_no_keywords() -> None:
    assert keyword_matches([], "anything") == []


# --- excerpt ------------------------------------------------------------------------------


def test_short_text_unchanged() -> None:
    assert excerpt("Hello world", 50) == "Hello world"
    assert excerpt("exactly ten", 11) == "exactly ten"


def test_whitespace_collapsed() -> None:
    assert excerpt("  Hello \n\t  world  ", 50) == "Hello world"


def test_cut_at_word_boundary_with_ellipsis() -> None:
    result = excerpt("The quick brown fox jumps over the lazy dog", 20)
    assert result == "The quick brown fox…"
    assert len(result) <= 20


def test_cut_backs_off_to_previous_word() -> None:
    assert excerpt("The quick brown fox jumps", 14) == "The quick…"


def test_trailing_punctuation_dropped_before_ellipsis() -> None:
    assert excerpt("Hello, wonderful world", 12) == "Hello…"


def test_single_long_word_is_hard_cut() -> None:
    result = excerpt("Supercalifragilisticexpialidocious", 10)
    assert result == "Supercali…"
    assert len(result) == 10


def test_hard_cut_does_not_split_combining_sequence() -> None:
    text = "abcde\u0301\u0301fghij"  # e + two combining acute accents
    result = excerpt(text, 7)
    assert result == "abcd…"


def test_hard_cut_does_not_split_zwj_emoji() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    result = excerpt("ab" + family + "cdefgh", 5)
    assert result == "ab…"


def test_hard_cut_does_not_split_an_indic_conjunct() -> None:
    assert excerpt("aक्षिक्षि", 4) == "a…"  # not "aक्…": क्षि is one cluster


def test_hard_cut_does_not_split_a_flag() -> None:
    assert excerpt("a\U0001f1ea\U0001f1f8\U0001f1eb\U0001f1f7", 4) == "a\U0001f1ea\U0001f1f8…"


CLUSTERS = [
    "a",
    "é",
    "e\u0301",
    "क्षि",
    "\U0001f1ea\U0001f1f8",
    "\U0001f44d\U0001f3fd",
    "\u1100\u1161",
]


@given(st.lists(st.sampled_from(CLUSTERS), max_size=30), st.integers(min_value=1, max_value=40))
def test_excerpt_never_splits_a_cluster(clusters: list[str], limit: int) -> None:
    head = excerpt("".join(clusters), limit).removesuffix(ELLIPSIS)
    kept = regex.findall(r"\X", head)
    assert kept == clusters[: len(kept)]


@pytest.mark.parametrize(("limit", "expected"), [(0, ""), (1, "…")])
def test_tiny_limits(limit: int, expected: str) -> None:
    assert excerpt("some long text", limit) == expected


def test_negative_limit_rejected() -> None:
    with pytest.raises(ValueError):
        excerpt("text", -1)


@given(st.text(), st.integers(min_value=0, max_value=200))
def test_excerpt_respects_limit(text: str, limit: int) -> None:
    result = excerpt(text, limit)
    assert len(result) <= limit
    collapsed = " ".join(text.split())
    if len(collapsed) <= limit:
        assert result == collapsed
    elif limit > 0:
        assert result.endswith(ELLIPSIS)


WORDS = ["net", "network", "#rust", ".net", "c++", "difusión", "a b", "", "ñu", "Ñu", "a-a"]


def reference_matches(keywords: list[str], text: str) -> list[str]:
    """The rule, written as directly as a regex can: no word character before, words
    separated by any whitespace, case and accents folded."""
    import re

    out, seen = [], set()
    for keyword in keywords:
        words = fold(keyword).split()
        if not words or " ".join(words) in seen:
            continue
        seen.add(" ".join(words))
        if re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, words)), fold(text)):
            out.append(keyword)
    return out


@given(
    keywords=st.lists(st.sampled_from(WORDS), max_size=5),
    text=st.lists(st.sampled_from([*WORDS, " ", "x", "\n", "-"]), max_size=12),
)
def test_both_matchers_follow_the_rule(keywords, text) -> None:
    from desktop.core.text import keyword_matcher

    haystack = "".join(text)
    expected = reference_matches(keywords, haystack)
    assert keyword_matches(keywords, haystack) == expected
    assert keyword_matcher(keywords)(fold(haystack)) == expected


def test_an_occurrence_overlapping_a_false_start_still_counts() -> None:
    assert keyword_matches(["a-a"], "xa-a-a") == ["a-a"]
    assert keyword_matches(["ana"], "banana") == []


# -- snippet: a search result's piece of post ---------------------------------------------

LONG = "Una historia larga " * 12 + "y al final la DIFUSIÓN del trabajo ajeno, que importa."


def test_a_short_post_is_its_own_snippet():
    assert snippet("  Gracias   por la\ndifusión ", ["difus"], 80) == "Gracias por la difusión"


def test_a_far_match_is_shown_with_a_few_words_before_it():
    shown = snippet(LONG, ["difusion"], 60)
    assert shown.startswith("… ") and "DIFUSIÓN del trabajo" in shown
    assert len(shown) <= 60


def test_folding_that_changes_lengths_still_points_at_the_word():
    text = "Straße " * 30 + "Ende der Straße: das Café am Fluss, wo alles anfing."
    shown = snippet(text, ["cafe"], 50)
    assert "Café am Fluss" in shown and shown.startswith("…")


def test_no_word_found_or_only_inside_words_shows_the_start():
    assert snippet(LONG, ["usion"], 40) == excerpt(LONG, 40)
    assert snippet(LONG, [], 40) == excerpt(LONG, 40)
    assert snippet("", ["x"], 40) == ""
