"""How the CLI writes times, counts and identities, in the user's language (context "CLI").

``--json`` is data and stays the same in every language: :func:`json_reason` keeps the
English words of a candidate's ``why``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from desktop.core.i18n import PLURAL, fill, tx

if TYPE_CHECKING:
    from desktop.core.reasons import Reason
    from desktop.queries.candidates import RankedCandidate


class _Identity(Protocol):  # read-only, so frozen dataclasses match
    @property
    def handle(self) -> str: ...
    @property
    def network(self) -> str: ...


def ago(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return tx("CLI", "never")
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
    if seconds >= 86400:
        return fill(tx("CLI", "%1d ago"), int(seconds // 86400))
    if seconds >= 3600:
        return fill(tx("CLI", "%1h ago"), int(seconds // 3600))
    if seconds >= 60:
        return fill(tx("CLI", "%1m ago"), int(seconds // 60))
    return tx("CLI", "just now")


def plural(n: int, word: str) -> str:
    """A count of something in words: "1 reply", "3 shares", "2 times"."""
    counted = _COUNTED.get(word)
    if counted is None:  # not a word of ours: English, as it always was
        return f"{n} {word if n == 1 else word + 's'}"
    return counted(n)


def _shares(n: int) -> str:
    return tx("CLI", "1 share") if n == 1 else tx("CLI", "%n shares", None, PLURAL, n)


def _quotes(n: int) -> str:
    return tx("CLI", "1 quote") if n == 1 else tx("CLI", "%n quotes", None, PLURAL, n)


def _mentions(n: int) -> str:
    return tx("CLI", "1 mention") if n == 1 else tx("CLI", "%n mentions", None, PLURAL, n)


def _replies(n: int) -> str:
    return tx("CLI", "1 reply") if n == 1 else tx("CLI", "%n replies", None, PLURAL, n)


def _likes(n: int) -> str:
    return tx("CLI", "1 like") if n == 1 else tx("CLI", "%n likes", None, PLURAL, n)


def _follows(n: int) -> str:
    return tx("CLI", "1 follow") if n == 1 else tx("CLI", "%n follows", None, PLURAL, n)


def _times(n: int) -> str:
    return tx("CLI", "1 time") if n == 1 else tx("CLI", "%n times", None, PLURAL, n)


def _days(n: int) -> str:
    return tx("CLI", "1 day") if n == 1 else tx("CLI", "%n days", None, PLURAL, n)


_COUNTED = {
    "share": _shares,
    "quote": _quotes,
    "mention": _mentions,
    "reply": _replies,
    "like": _likes,
    "follow": _follows,
    "time": _times,
    "day": _days,
}


def action_word(action: str) -> str:
    """What I did about someone (the ledger's "thanked", "dismissed", "snoozed"), in words."""
    if action == "thanked":
        return tx("CLI", "thanked")
    if action == "dismissed":
        return tx("CLI", "dismissed")
    if action == "snoozed":
        return tx("CLI", "snoozed")
    return action


def handles(identities: Iterable[_Identity]) -> str:
    return ", ".join(f"{i.handle} ({i.network})" for i in identities)


def short(text: str, limit: int) -> str:
    from desktop.core.text import excerpt

    return excerpt(text, limit)


def reason(r: Reason) -> str:
    """A ranking reason in the user's language (:func:`json_reason` has the same in English)."""
    from desktop.core.reasons import ReasonKind  # not at start-up: desktop.core is heavy

    if r.kind == ReasonKind.INTERESTS:
        return fill(tx("CLI", "matches your interests: %1"), ", ".join(r.words))
    n = r.count  # a plain name: lupdate reads no attribute as the count
    if r.kind == ReasonKind.NETWORK:
        if n == 1:
            return tx("CLI", "shared by 1 person in your network")
        return tx("CLI", "shared by %n people in your network", None, PLURAL, n)
    if r.kind == ReasonKind.SUPPORTER:
        if r.words:
            return fill(tx("CLI", "by %1, one of your supporters"), r.words[0])
        return tx("CLI", "by the author, one of your supporters")
    if n == 0:
        return tx("CLI", "seen today")
    if n == 1:
        return tx("CLI", "seen 1 day ago")
    return tx("CLI", "seen %n days ago", None, PLURAL, n)


def json_reason(r: Reason) -> str:
    """A ranking reason as the CLI's JSON ``why`` has always worded it: English, whatever
    the language (JSON is for scripts)."""
    from desktop.core.reasons import ReasonKind

    def counted(n: int, word: str) -> str:
        return f"{n} {word if n == 1 else word + 's'}"

    if r.kind == ReasonKind.INTERESTS:
        return "matches your interests: " + ", ".join(r.words)
    if r.kind == ReasonKind.NETWORK:
        return f"shared by {r.count} {'person' if r.count == 1 else 'people'} in your network"
    if r.kind == ReasonKind.SUPPORTER:
        return f"by {r.words[0] if r.words else 'the author'}, one of your supporters"
    return "seen today" if r.count == 0 else f"seen {counted(r.count, 'day')} ago"


def candidate_json(c: RankedCandidate) -> dict[str, Any]:
    """A candidate's JSON with ``why`` in words, as before reasons became data."""
    return {**c.as_json(), "why": [json_reason(r) for r in c.reasons]}
