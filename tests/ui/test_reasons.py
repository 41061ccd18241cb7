"""The window's wording of ranking reasons and length results (no translation installed:
the English source strings, with Qt's %n filled in)."""

from desktop.core.length import check, rule_for
from desktop.core.reasons import Reason, ReasonKind
from desktop.ui.reasons import reason_sentence, reason_text, short_reason, too_long


def test_reasons_are_worded_with_their_numbers(qapp):
    assert reason_text(Reason(ReasonKind.NETWORK, count=1)) == (
        "shared by 1 person in your network"
    )
    assert reason_sentence(Reason(ReasonKind.NETWORK, count=4)) == (
        "Shared by 4 people in your network"
    )
    assert reason_text(Reason(ReasonKind.INTERESTS, ("a", "b"))) == "matches your interests: a, b"
    assert reason_text(Reason(ReasonKind.SUPPORTER)) == "by the author, one of your supporters"
    assert reason_text(Reason(ReasonKind.SEEN, count=1)) == "seen 1 day ago"
    assert short_reason(Reason(ReasonKind.SEEN, count=3)) == "New, seen 3 days ago"
    assert short_reason(Reason(ReasonKind.SUPPORTER, ("Ana",))) == "By a supporter"


def test_too_long_says_by_how_much_and_whose_limit(qapp):
    assert too_long(check("a" * 10, rule_for("mastodon"))) == ""
    assert too_long(check("a" * 501, rule_for("mastodon"))) == (
        "1 character over Mastodon's limit of 500"
    )
    assert too_long(check("a" * 312, rule_for("bluesky"))) == (
        "12 graphemes over Bluesky's limit of 300"
    )
