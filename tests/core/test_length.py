"""Length rules: Mastodon's server-side count and Bluesky's 300 graphemes, exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import i18n
from desktop.core.length import (
    LengthCheck,
    check,
    count_graphemes,
    mastodon_countable_text,
    mastodon_length,
    network_label,
    rule_for,
)

LONG_URL = "https://example.com/articles/2026/11/a-very-long-slug-about-networking?utm=x&ref=y"
THUMBS_MEDIUM = "\U0001f44d\U0001f3fd"  # 👍🏽 thumbs up + skin tone
FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # 👩‍👩‍👧 woman ZWJ woman ZWJ girl
TECHNOLOGIST = "\U0001f469\u200d\U0001f4bb"  # 👩‍💻
SPAIN, FRANCE = "\U0001f1ea\U0001f1f8", "\U0001f1eb\U0001f1f7"
KEYCAP_ONE = "1\ufe0f\u20e3"  # 1️⃣
HEART = "\u2764\ufe0f"  # ❤️ with the emoji variation selector
ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


# --- graphemes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("hello", 5),
        ("Núñez", 5),  # precomposed
        ("Nu\u0301n\u0303ez", 5),  # decomposed: combining acute and tilde
        (THUMBS_MEDIUM, 1),
        (FAMILY, 1),
        (TECHNOLOGIST, 1),
        (SPAIN, 1),
        (SPAIN + FRANCE, 2),
        (SPAIN + "\U0001f1e9", 2),  # a lone third indicator is its own cluster
        (KEYCAP_ONE, 1),
        (HEART, 1),
        (ENGLAND, 1),
        ("a\r\nb", 3),  # CR LF is one
        ("a\n\u0301", 3),  # a mark after a line break does not join it
        ("\u0301abc", 4),  # a mark at the start stands alone
        ("Thanks " + THUMBS_MEDIUM + FAMILY + "!", 10),
    ],
)
def test_count_graphemes(text, expected):
    assert count_graphemes(text) == expected


# Clusters a hand-written UAX #29 approximation over-counted (Unicode 15.1 GB9c: Indic
# consonant + virama (+ ZWJ) + consonant is one cluster), next to emoji it already got right.
CONJUNCTS = ["क्षि", "क्\u200dष", "স্ত্র", "ক্ষ"]  # Devanagari, Devanagari with ZWJ, Bengali
EMOJI = [FAMILY, SPAIN, THUMBS_MEDIUM, "\U0001f469\U0001f3fd\u200d\U0001f4bb"]  # 👩🏽‍💻


@pytest.mark.parametrize("cluster", CONJUNCTS + EMOJI)
def test_one_cluster_counts_one(cluster):
    assert count_graphemes(cluster) == 1
    assert count_graphemes(cluster * 7) == 7


def bluesky_post_of(graphemes: int) -> str:
    """Conjuncts and emoji (25 each kind), the rest ASCII: under Bluesky's 3000 bytes too."""
    clusters = [c for c in CONJUNCTS + EMOJI for _ in range(25)]
    return "".join(clusters) + "a" * (graphemes - len(clusters))


def test_a_bluesky_post_of_exactly_300_graphemes_of_conjuncts_and_emoji_fits():
    text = bluesky_post_of(300)
    assert len(text.encode("utf-8")) <= 3000
    fits = check(text, rule_for("bluesky"))
    assert fits == LengthCheck(300, 300, 0, True, "graphemes", "bluesky")
    assert fits.reason == "" and fits.over_by == 0
    over = check(text + "a", rule_for("bluesky"))
    assert not over.ok and over.reason == "1 grapheme over Bluesky's limit of 300"


def test_conjuncts_count_one_for_mastodon_too():
    assert mastodon_length("धन्यवाद क्षितिज") == 8  # ध न्य वा द ␠ क्षि ति ज


@given(st.text())
def test_graphemes_never_exceed_code_points(text):
    n = count_graphemes(text)
    assert 0 <= n <= len(text)
    assert (n == 0) == (text == "")


@given(st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"])))
def test_plain_ascii_counts_one_per_character(text):
    assert count_graphemes(text) == len(text)


# --- Mastodon --------------------------------------------------------------------------------


def test_every_url_counts_23_whatever_its_length():
    assert mastodon_length(LONG_URL) == 23
    assert mastodon_length("https://a.co") == 23  # short ones too: 23 are reserved
    assert mastodon_length(f"Read {LONG_URL} now") == 5 + 23 + 4
    assert mastodon_length(f"{LONG_URL} {LONG_URL}") == 47


def test_only_urls_with_a_scheme_get_the_concession():
    assert mastodon_length("example.com/" + "a" * 40) == 52


def test_trailing_punctuation_is_not_part_of_the_url():
    assert mastodon_countable_text(f"See {LONG_URL}.") == "See " + "x" * 23 + "."
    assert mastodon_countable_text("(https://example.org/page)") == "(" + "x" * 23 + ")"
    wiki = "https://en.wikipedia.org/wiki/Reciprocity_(social_psychology)"
    assert mastodon_countable_text(f"{wiki}, yes") == "x" * 23 + ", yes"


def test_a_remote_mention_counts_only_the_user_part():
    assert mastodon_countable_text("@ana@social.example thanks!") == "@ana thanks!"
    assert mastodon_length("@ana@social.example thanks!") == len("@ana thanks!")
    assert mastodon_length("@ana thanks!") == 12  # a local mention counts as it is
    assert mastodon_length("hi @Ben_C@mastodon.example.org") == len("hi @Ben_C")


def test_things_that_are_not_mentions_count_in_full():
    assert mastodon_length("mail me@ana.example") == len("mail me@ana.example")
    assert mastodon_length("@noël@x.example") == len("@noël@x.example")


def test_mastodon_counts_graphemes_not_code_points():
    assert mastodon_length(f"Thanks {THUMBS_MEDIUM}{FAMILY}") == 9
    assert mastodon_length("   ") == 0  # blank text counts nothing, as on the server


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789/-_", max_size=2000))
def test_a_links_own_length_never_counts(path):
    """(This replaces a check that the length is never negative, which could not fail.)"""
    assert mastodon_length("see https://example.org/" + path) == len("see ") + 23
    assert mastodon_length("see https://example.org/" + path, url_length=40) == len("see ") + 40


@given(st.text(alphabet=st.characters(exclude_characters="@:/\uff20")))
def test_without_urls_or_mentions_mastodon_counts_graphemes(text):
    assert mastodon_length(text) == (count_graphemes(text) if text.strip() else 0)


# --- rules and checks ------------------------------------------------------------------------


def test_rules_per_network():
    mastodon = rule_for("mastodon")
    assert (mastodon.network, mastodon.limit, mastodon.unit) == ("mastodon", 500, "characters")
    assert mastodon.count(LONG_URL) == 23
    assert rule_for("Mastodon", mastodon_max=1000).limit == 1000
    assert rule_for("mastodon", url_length=30).count(LONG_URL) == 30
    bluesky = rule_for("bluesky")
    assert (bluesky.network, bluesky.limit, bluesky.unit) == ("bluesky", 300, "graphemes")
    assert bluesky.count(LONG_URL) == len(LONG_URL)  # Bluesky counts a URL in full
    assert [rule_for(n) for n in ("x", "linkedin", "feed", "manual")] == [None] * 4


def test_a_490_character_mastodon_post_fits_with_10_to_spare():
    text = "a" * 490
    fits = check(text, rule_for("mastodon"))
    assert fits == LengthCheck(490, 500, 10, True, "characters", "mastodon")
    assert fits.reason == ""


def test_a_long_url_pushes_a_mastodon_post_over_by_what_it_counts():
    text = "a" * 480 + " " + LONG_URL  # 480 + 1 + 23, however long the URL is
    over = check(text, rule_for("mastodon"))
    assert over == LengthCheck(504, 500, -4, False, "characters", "mastodon")
    assert over.over_by == 4
    assert over.reason == "4 characters over Mastodon's limit of 500"


def test_reasons_say_by_how_much_and_whose_limit():
    assert check("a" * 534, rule_for("mastodon")).reason == (
        "34 characters over Mastodon's limit of 500"
    )
    assert check("a" * 501, rule_for("mastodon")).reason == (
        "1 character over Mastodon's limit of 500"
    )
    assert check("a" * 312, rule_for("bluesky")).reason == (
        "12 graphemes over Bluesky's limit of 300"
    )


def test_the_reason_explained_is_the_reason_in_the_users_language():
    over = check("a" * 534, rule_for("mastodon"))
    assert over.explained == over.reason  # English: the same words
    assert (
        check("a" * 301, rule_for("bluesky")).explained
        == check("a" * 301, rule_for("bluesky")).reason
    )
    assert check("a", rule_for("mastodon")).explained == ""
    spanish = {"%n characters over %1's limit of %2": "%n caracteres más de lo que %1 permite (%2)"}

    def translate(context, text, disambiguation, n):
        assert context == "Length"
        return spanish.get(text, text).replace("%n", str(n))

    i18n.install(translate)
    try:
        assert over.explained == "34 caracteres más de lo que Mastodon permite (500)"
        assert over.reason == "34 characters over Mastodon's limit of 500"  # JSON stays English
    finally:
        i18n.install(None)


def test_bluesky_counts_emoji_as_one_grapheme_each():
    fits = "a" * 296 + THUMBS_MEDIUM + FAMILY + SPAIN + KEYCAP_ONE  # 300 graphemes
    assert len(fits) > 300
    assert check(fits, rule_for("bluesky")) == LengthCheck(
        300, 300, 0, True, "graphemes", "bluesky"
    )
    over = check(fits + TECHNOLOGIST, rule_for("bluesky"))
    assert over == LengthCheck(301, 300, -1, False, "graphemes", "bluesky")
    assert (over.over_by, over.unit) == (1, "graphemes")
    assert over.reason == "1 grapheme over Bluesky's limit of 300"


def test_networks_without_a_limit_always_fit():
    unlimited = check("a" * 5000, None)
    assert unlimited == LengthCheck(5000, None, None, True)
    assert (unlimited.reason, unlimited.over_by) == ("", 0)


def test_length_check_json():
    assert check("a" * 510, rule_for("mastodon")).as_json() == {
        "used": 510,
        "limit": 500,
        "remaining": -10,
        "ok": False,
        "reason": "10 characters over Mastodon's limit of 500",
    }


def test_network_labels():
    assert [network_label(n) for n in ("mastodon", "bluesky", "x", "linkedin", "threads")] == [
        "Mastodon",
        "Bluesky",
        "X",
        "LinkedIn",
        "Threads",
    ]


def test_a_check_keeps_its_json_shape():
    assert check("a" * 501, rule_for("mastodon")).as_json() == {
        "used": 501,
        "limit": 500,
        "remaining": -1,
        "ok": False,
        "reason": "1 character over Mastodon's limit of 500",
    }
    assert check("hi", rule_for("bluesky")).as_json() == {
        "used": 2,
        "limit": 300,
        "remaining": 298,
        "ok": True,
        "reason": "",
    }
