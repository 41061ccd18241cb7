"""The words the window shows for times, counts and networks, in one place and all through
Qt's translator (context "format"), so every page says "3 h ago" the same way."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

DATE_AFTER_DAYS = 31  # older than this, a relative time gives the date itself
KIND_ORDER = ("share", "quote", "mention", "reply", "like", "follow")
_PLACEHOLDER = re.compile(r"%(\d)")


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("format", text, None, n)


def tr_format(text: str, *args: object) -> str:
    """Fill %1, %2, … in one pass (an argument holding "%2" is left as it is)."""

    def fill(match: re.Match) -> str:
        number = int(match.group(1))
        return str(args[number - 1]) if 0 < number <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(fill, text)


def sentence(text: str) -> str:
    """A message fit for a label: one line, a capital first, a full stop at the end."""
    text = " ".join(str(text).split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."


# -- times ----------------------------------------------------------------------------------


def local_date(when: datetime) -> str:
    """A date as the user's locale writes it, with the month spelt out: 20 Nov 2026."""
    day = when.astimezone().date()
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def local_datetime(when: datetime) -> str:
    return f"{local_date(when)} {when.astimezone():%H:%M}"


def time_ago(when: datetime | None, now: datetime | None = None) -> str:
    """'just now', '5 min ago', '3 h ago', 'yesterday', '12 days ago'; 'never' for None;
    older than a month, the date itself."""
    if when is None:
        return tr("never")
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
    if seconds < 60:
        return tr("just now")
    if seconds < 3600:
        return tr("%n min ago", int(seconds // 60))
    if seconds < 86400:
        return tr("%n h ago", int(seconds // 3600))
    days = int(seconds // 86400)
    if days == 1:
        return tr("yesterday")
    if days <= DATE_AFTER_DAYS:
        return tr("%n days ago", days)
    return local_date(when)


# -- counts ---------------------------------------------------------------------------------


def kind_count(kind: str, n: int) -> str:
    """'1 share', '3 replies': explicit English forms, each translatable."""
    forms = {
        "share": (tr("1 share"), tr("%n shares", n)),
        "quote": (tr("1 quote"), tr("%n quotes", n)),
        "mention": (tr("1 mention"), tr("%n mentions", n)),
        "reply": (tr("1 reply"), tr("%n replies", n)),
        "like": (tr("1 like"), tr("%n likes", n)),
        "follow": (tr("1 follow"), tr("%n follows", n)),
    }
    one, many = forms.get(kind, (f"1 {kind}", f"{n} {kind}"))
    return one if n == 1 else many


def describe_counts(counts: dict[str, int]) -> str:
    """'2 shares, 1 like' in the usual kind order; '' when there is nothing."""
    parts = [kind_count(k, counts[k]) for k in KIND_ORDER if counts.get(k)]
    parts += [kind_count(k, n) for k, n in counts.items() if k not in KIND_ORDER and n]
    return ", ".join(parts)


# -- networks -------------------------------------------------------------------------------


def network_name(network: str) -> str:
    """A network as a proper name: 'Mastodon', 'Bluesky', 'LinkedIn'."""
    names = {
        "mastodon": tr("Mastodon"),
        "bluesky": tr("Bluesky"),
        "x": tr("X"),
        "twitter": tr("X"),
        "linkedin": tr("LinkedIn"),
        "feed": tr("Feed"),
        "blog": tr("Blog"),
        "manual": tr("Manual"),
    }
    return names.get(network.lower(), network[:1].upper() + network[1:])


def network_list(identities) -> str:
    """The networks of these identities, each named once: 'Mastodon, Bluesky'."""
    return ", ".join(dict.fromkeys(network_name(i.network) for i in identities)) or "?"


def source_name(network: str) -> str:
    """What an account of that network brings in, as the Accounts list names it."""
    names = {
        "feed": tr("Feeds"),
        "blog": tr("Blog comments"),
        "x": tr("X archive"),
    }
    return names.get(network, network_name(network))
