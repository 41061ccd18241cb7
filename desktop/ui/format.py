"""The words the window shows for times, counts and networks, in one place and all through
the catalog (context "Format"), so every page says "3 h ago" the same way."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale

from desktop.core.i18n import PLURAL, fill, tx

DATE_AFTER_DAYS = 31  # older than this, a relative time gives the date itself
KIND_ORDER = ("share", "quote", "mention", "reply", "like", "follow")


def tr_format(text: str, *args: object) -> str:
    """Fill %1, %2, … in one pass (an argument holding "%2" is left as it is): the same as
    desktop.core.i18n.fill, under the name the window's code knows."""
    return fill(text, *args)


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


def local_day(when: datetime) -> str:
    """A day without its year, the month as the user's locale spells it: 20 Nov."""
    day = when.astimezone().date()
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")


def local_datetime(when: datetime) -> str:
    return f"{local_date(when)} {when.astimezone():%H:%M}"


def time_ago(when: datetime | None, now: datetime | None = None) -> str:
    """'just now', '5 min ago', '3 h ago', 'yesterday', '12 days ago'; 'never' for None;
    older than a month, the date itself."""
    if when is None:
        return tx("Format", "never")
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
    if seconds < 60:
        return tx("Format", "just now")
    # The counts in variables: a call holding "//" as tx's count makes lupdate loop forever.
    minutes, hours, days = int(seconds // 60), int(seconds // 3600), int(seconds // 86400)
    if seconds < 3600:
        return tx("Format", "%n min ago", None, PLURAL, minutes)
    if seconds < 86400:
        return tx("Format", "%n h ago", None, PLURAL, hours)
    if days == 1:
        return tx("Format", "yesterday")
    if days <= DATE_AFTER_DAYS:
        return tx("Format", "%n days ago", None, PLURAL, days)
    return local_date(when)


# -- counts ---------------------------------------------------------------------------------


def kind_count(kind: str, n: int) -> str:
    """'1 share', '3 replies': explicit English forms, each translatable."""
    forms = {
        "share": (tx("Format", "1 share"), tx("Format", "%n shares", None, PLURAL, n)),
        "quote": (tx("Format", "1 quote"), tx("Format", "%n quotes", None, PLURAL, n)),
        "mention": (tx("Format", "1 mention"), tx("Format", "%n mentions", None, PLURAL, n)),
        "reply": (tx("Format", "1 reply"), tx("Format", "%n replies", None, PLURAL, n)),
        "like": (tx("Format", "1 like"), tx("Format", "%n likes", None, PLURAL, n)),
        "follow": (tx("Format", "1 follow"), tx("Format", "%n follows", None, PLURAL, n)),
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
        "mastodon": tx("Format", "Mastodon"),
        "bluesky": tx("Format", "Bluesky"),
        "x": tx("Format", "X"),
        "twitter": tx("Format", "X"),
        "linkedin": tx("Format", "LinkedIn"),
        "instagram": tx("Format", "Instagram"),
        "facebook": tx("Format", "Facebook"),
        "youtube": tx("Format", "YouTube"),
        "feed": tx("Format", "Feed"),
        "blog": tx("Format", "Blog"),
        "manual": tx("Format", "Manual"),
    }
    return names.get(network.lower(), network[:1].upper() + network[1:])


def network_list(identities) -> str:
    """The networks of these identities, each named once: 'Mastodon, Bluesky'."""
    return ", ".join(dict.fromkeys(network_name(i.network) for i in identities)) or "?"


def source_name(network: str) -> str:
    """What an account of that network brings in, as the Accounts list names it."""
    names = {
        "feed": tx("Format", "Feeds"),
        "blog": tx("Format", "Blog comments"),
        "x": tx("Format", "X archive"),
    }
    return names.get(network, network_name(network))
