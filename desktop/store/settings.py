"""Settings that belong with the data (they travel with export/import), stored as JSON."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import i18n, sync_limits
from desktop.store.models import Setting

DEFAULTS: dict[str, Any] = {
    "interests": [],  # keywords that make a candidate interesting
    "thank_likes": False,  # do people who only liked my posts need a thank-you?
    "supporter_quiet_days": 30,  # "supporters who haven't heard from you" window
    "default_language": None,  # drafts' language when the post's is unknown; None: the UI's
    "thank_cooldown_days": 14,  # thanked this recently: shown as "recently thanked"
    "checkin_time": "09:00",  # when the daily check-in opens (local time)
    "checkin_people": 3,  # people to thank per check-in
    "checkin_shares": 2,  # candidates to share per check-in
    "checkin_state": {},  # today's check-in progress (survives closing the window)
    "checkin_history": [],  # dates (ISO) of finished check-ins, for the streak
    "notifications": True,
    "quiet_hours": ["22:00", "08:00"],
    "notifications_paused_until": None,  # ISO datetime or None
    "sync_interval_minutes": 15,
    "sync_workers": sync_limits.DEFAULT_WORKERS,  # feeds at once (at most two per server)
    "templates": {},  # the user's own thank-you variants: {language: {situation: [text]}}
    "checkin_reminded_on": None,  # ISO date of the last daily check-in reminder
    "tray_hint_shown": False,  # "Reciprocity keeps running in the tray" was said once
    "merge_declined": [],  # [person id, person id] pairs the user said are not one person
}


# Kept by the app for itself; not shown or changed by `reciprocity settings`.
INTERNAL = frozenset(
    {"checkin_state", "checkin_history", "checkin_reminded_on", "tray_hint_shown", "merge_declined"}
)


def get_setting(session: Session, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(f"unknown setting {key!r}")
    raw = session.scalar(select(Setting.value).where(Setting.key == key))
    return DEFAULTS[key] if raw is None else json.loads(raw)


def draft_language(session: Session) -> str:
    """The language of drafts whose person's own is not known: the setting, else the
    language the interface speaks."""
    return str(get_setting(session, "default_language") or i18n.language())


def set_setting(session: Session, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(f"unknown setting {key!r}")
    session.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))


def all_settings(session: Session) -> dict[str, Any]:
    return {key: get_setting(session, key) for key in DEFAULTS}
