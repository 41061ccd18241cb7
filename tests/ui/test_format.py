"""The window's one wording for times, counts and networks."""

from datetime import UTC, datetime, timedelta

from desktop.ui import format as fmt

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
