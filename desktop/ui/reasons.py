"""The window's wording of what the domain returns as data: why a candidate ranked where
it did, and by how much a post is too long. Everything goes through the catalog (context
"Reasons")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.i18n import PLURAL, fill, tx
from desktop.core.length import network_label
from desktop.core.reasons import Reason, ReasonKind

if TYPE_CHECKING:
    from desktop.core.length import LengthCheck


def reason_text(reason: Reason) -> str:
    """One reason as a clause, as in a list of them: "shared by 4 people in your network"."""
    n = reason.count
    if reason.kind == ReasonKind.INTERESTS:
        return fill(tx("Reasons", "matches your interests: %1"), ", ".join(reason.words))
    if reason.kind == ReasonKind.NETWORK:
        if n == 1:
            return tx("Reasons", "shared by 1 person in your network")
        return tx("Reasons", "shared by %n people in your network", None, PLURAL, n)
    if reason.kind == ReasonKind.SUPPORTER:
        if not reason.words:
            return tx("Reasons", "by the author, one of your supporters")
        return fill(tx("Reasons", "by %1, one of your supporters"), reason.words[0])
    if n == 0:
        return tx("Reasons", "seen today")
    if n == 1:
        return tx("Reasons", "seen 1 day ago")
    return tx("Reasons", "seen %n days ago", None, PLURAL, n)


def reason_sentence(reason: Reason) -> str:
    """The same on its own, as a list item: "Shared by 4 people in your network"."""
    text = reason_text(reason)
    return text[:1].upper() + text[1:]


def short_reason(reason: Reason) -> str:
    """The same, briefly, for a table cell."""
    n = reason.count
    if reason.kind == ReasonKind.INTERESTS:
        return fill(tx("Reasons", "Your interests: %1"), ", ".join(reason.words))
    if reason.kind == ReasonKind.NETWORK:
        return tx("Reasons", "Shared by %n in your network", None, PLURAL, n)
    if reason.kind == ReasonKind.SUPPORTER:
        return tx("Reasons", "By a supporter")
    if n == 0:
        return tx("Reasons", "New, seen today")
    if n == 1:
        return tx("Reasons", "New, seen 1 day ago")
    return tx("Reasons", "New, seen %n days ago", None, PLURAL, n)


def too_long(check: LengthCheck) -> str:
    """By how much a post is over its network's limit ("" when it fits)."""
    if check.ok:
        return ""
    n = check.over_by
    if check.unit == "graphemes":
        text = (
            tx("Reasons", "1 grapheme over %1's limit of %2")
            if n == 1
            else tx("Reasons", "%n graphemes over %1's limit of %2", None, PLURAL, n)
        )
    else:
        text = (
            tx("Reasons", "1 character over %1's limit of %2")
            if n == 1
            else tx("Reasons", "%n characters over %1's limit of %2", None, PLURAL, n)
        )
    return fill(text, network_label(check.network), check.limit)
