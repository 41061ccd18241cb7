"""Settings that belong with the data (they travel with export/import), stored as JSON."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import Setting

DEFAULTS: dict[str, Any] = {
    "interests": [],  # keywords that make a candidate interesting
    "thank_likes": False,  # do people who only liked my posts need a thank-you?
    "supporter_quiet_days": 30,  # "supporters who haven't heard from you" window
    "default_language": "en",
}


def get_setting(session: Session, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(f"unknown setting {key!r}")
    raw = session.scalar(select(Setting.value).where(Setting.key == key))
    return DEFAULTS[key] if raw is None else json.loads(raw)


def set_setting(session: Session, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(f"unknown setting {key!r}")
    session.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))


def all_settings(session: Session) -> dict[str, Any]:
    return {key: get_setting(session, key) for key in DEFAULTS}
