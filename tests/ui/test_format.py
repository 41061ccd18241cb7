"""The window's one wording for times, counts and networks."""

from datetime import UTC, datetime, timedelta

import pytest

from desktop.ui import format as fmt
from desktop.ui import translations

NOW = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)


def test_times_ago_read_the_same_everywhere(qapp):
    ago = lambda **kw: fmt.time_ago(NOW - timedelta(**kw), NOW)  # noqa: E731
    assert fmt.time_ago(None, NOW) == "never"
    assert ago(seconds=5) == "just now"
    assert ago(minutes=5) == "5 min ago"
    assert ago(hours=3) == "3 h ago"
    assert ago(days=1, hours=2) == "yesterday"
    assert ago(days=12) == "12 days ago"
    assert ago(days=40) == fmt.local_date(NOW - timedelta(days=40))


def test_counts_and_network_names(qapp):
    assert fmt.describe_counts({"like": 2, "share": 1, "poke": 3}) == "1 share, 2 likes, 3 poke"
    assert fmt.describe_counts({}) == ""
    assert fmt.kind_count("reply", 3) == "3 replies"
    assert [fmt.network_name(n) for n in ("mastodon", "linkedin", "feed", "odd")] == [
        "Mastodon",
        "LinkedIn",
        "Feed",
        "Odd",
    ]
    assert fmt.source_name("feed") == "Feeds" and fmt.source_name("bluesky") == "Bluesky"


def test_placeholders_are_filled_in_one_pass():
    assert fmt.tr_format("%1 and %2", "50%2", "b") == "50%2 and b"
    assert fmt.tr_format("%1 of %3", 1) == "1 of %3"


@pytest.fixture(params=["en", "es"])
def language(request, qapp):
    translations.install(request.param)
    yield request.param
    translations.install("en")


# For 0, 1, 2 and 21 of each: what a person reads, in English and in Spanish.
PLURALS = {
    "en": {
        "shares": ["0 shares", "1 share", "2 shares", "21 shares"],
        "likes": ["0 likes", "1 like", "2 likes", "21 likes"],
        "minutes": ["just now", "1 min ago", "2 min ago", "21 min ago"],
        "hours": ["59 min ago", "1 h ago", "2 h ago", "21 h ago"],
        "days": ["23 h ago", "yesterday", "2 days ago", "21 days ago"],
        "people": [
            "Reciprocity — nobody waiting for a thank-you",
            "Reciprocity — 1 person to thank",
            "Reciprocity — 2 people to thank",
            "Reciprocity — 21 people to thank",
        ],
    },
    "es": {
        "shares": ["0 compartidos", "1 compartido", "2 compartidos", "21 compartidos"],
        "likes": ["0 me gusta", "1 me gusta", "2 me gusta", "21 me gusta"],
        "minutes": ["ahora mismo", "hace 1 min", "hace 2 min", "hace 21 min"],
        "hours": ["hace 59 min", "hace 1 h", "hace 2 h", "hace 21 h"],
        "days": ["hace 23 h", "ayer", "hace 2 días", "hace 21 días"],
        "people": [
            "Reciprocity — nadie espera un agradecimiento",
            "Reciprocity — 1 persona por agradecer",
            "Reciprocity — 2 personas por agradecer",
            "Reciprocity — 21 personas por agradecer",
        ],
    },
}


def test_plurals_and_relative_times_for_0_1_2_and_21(language):
    from desktop.ui.platform.tray import Tray

    tray = Tray(available=False)

    def people_count(n: int) -> str:
        tray.set_pending(n)
        return tray.tooltip()

    def ago(n: int, unit: str) -> str:
        # 0 of a unit is just under one of the unit before it (0 h: 59 min ago).
        delta = {"minutes": timedelta(minutes=n), "hours": timedelta(hours=n)}.get(
            unit, timedelta(days=n)
        )
        if n == 0 and unit != "minutes":
            delta = (
                timedelta(hours=1) - timedelta(minutes=1)
                if unit == "hours"
                else timedelta(hours=23)
            )
        return fmt.time_ago(NOW - delta, NOW)

    counts = (0, 1, 2, 21)
    got = {
        "shares": [fmt.kind_count("share", n) for n in counts],
        "likes": [fmt.kind_count("like", n) for n in counts],
        "minutes": [ago(n, "minutes") for n in counts],
        "hours": [ago(n, "hours") for n in counts],
        "days": [ago(n, "days") for n in counts],
        "people": [people_count(n) for n in counts],
    }
    assert got == PLURALS[language]


def test_dates_follow_the_language(language):
    when = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    assert fmt.local_date(when) == {"en": "3 Dec 2026", "es": "3 dic 2026"}[language]
