"""The window's wording of what the domain returns as data: why a candidate ranked where
it did, and by how much a post is too long. Everything goes through Qt's translations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.core.length import network_label
from desktop.core.reasons import Reason, ReasonKind

if TYPE_CHECKING:
    from desktop.core.length import LengthCheck


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Reasons", text, None, n)


def reason_text(reason: Reason) -> str:
    """One reason as a clause, as in a list of them: "shared by 4 people in your network"."""
    n = reason.count
    if reason.kind == ReasonKind.INTERESTS:
        return _tr("matches your interests: %1").replace("%1", ", ".join(reason.words))
    if reason.kind == ReasonKind.NETWORK:
        if n == 1:
            return _tr("shared by 1 person in your network")
        return _tr("shared by %n people in your network", n)
    if reason.kind == ReasonKind.SUPPORTER:
        if not reason.words:
            return _tr("by the author, one of your supporters")
        return _tr("by %1, one of your supporters").replace("%1", reason.words[0])
    if n == 0:
        return _tr("seen today")
    return _tr("seen 1 day ago") if n == 1 else _tr("seen %n days ago", n)


def reason_sentence(reason: Reason) -> str:
    """The same on its own, as a list item: "Shared by 4 people in your network"."""
    text = reason_text(reason)
    return text[:1].upper() + text[1:]


def short_reason(reason: Reason) -> str:
    """The same, briefly, for a table cell."""
    n = reason.count
    if reason.kind == ReasonKind.INTERESTS:
        return _tr("Your interests: %1").replace("%1", ", ".join(reason.words))
    if reason.kind == ReasonKind.NETWORK:
        return _tr("Shared by %n in your network", n)
    if reason.kind == ReasonKind.SUPPORTER:
        return _tr("By a supporter")
    if n == 0:
        return _tr("New, seen today")
    return _tr("New, seen 1 day ago") if n == 1 else _tr("New, seen %n days ago", n)


def too_long(check: LengthCheck) -> str:
    """By how much a post is over its network's limit ("" when it fits)."""
    if check.ok:
        return ""
    n = check.over_by
    if check.unit == "graphemes":
        text = (
            _tr("1 grapheme over %1's limit of %2")
            if n == 1
            else _tr("%n graphemes over %1's limit of %2", n)
        )
    else:
        text = (
            _tr("1 character over %1's limit of %2")
            if n == 1
            else _tr("%n characters over %1's limit of %2", n)
        )
    return text.replace("%1", network_label(check.network)).replace("%2", str(check.limit))
