"""Services that change the store: acknowledgements, candidate states, people, settings,
the check-in's record, hand-logged interactions. Each call is one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from desktop.app.base import ServiceBase

if TYPE_CHECKING:
    from desktop.queries.checkin import Plan, Progress
    from desktop.queries.merge_suggestions import MergeSuggestion
    from desktop.queries.share import Marked


@dataclass(frozen=True)
class Merged:
    person_id: int
    name: str  # the person kept
    other_name: str  # the person merged into them


class Changes(ServiceBase):
    def set_setting(self, key: str, value: Any) -> None:
        from desktop.store.settings import set_setting

        with self.store.session() as s:
            set_setting(s, key, value)

    def set_settings(self, values: dict[str, Any]) -> None:
        """Several settings in one transaction: all of them are saved, or none."""
        from desktop.store.settings import set_setting

        with self.store.session() as s:
            for key, value in values.items():
                set_setting(s, key, value)

    def set_interests(self, words: list[str]) -> list[str]:
        """The interest keywords, each once however it is capitalised; what was kept.
        Nothing is saved when no word is left (clearing them is asked for by name)."""
        from desktop.core.text import fold

        unique: dict[str, str] = {}
        for word in (w.strip() for w in words):
            if word:
                unique.setdefault(fold(word), word)  # "Networking" and "networking": one
        kept = list(unique.values())
        if kept:
            self.set_setting("interests", kept)
        return kept

    def acknowledge(self, person_id: int, action: str, **kw: Any) -> str:
        """Thanked, dismissed or snoozed: all they have pending. Their name, to say so.
        Nothing pending (answered meanwhile: by another member of the team, at the same
        moment perhaps) is refused, saying when they were answered."""
        from desktop.queries.people import acknowledge, live_person

        with self.store.session() as s:
            person = live_person(s, person_id)
            acknowledge(s, person.id, action, only_pending=True, **kw)
            return person.display_name

    def set_candidate_state(self, candidate_id: int, state: str) -> None:
        from desktop.queries.candidates import set_candidate_state

        with self.store.session() as s:
            set_candidate_state(s, candidate_id, state)

    def mark_shared(self, candidate_id: int, network: str | None = None) -> Marked:
        """Shared (elsewhere, by hand): the state, and one outbound share for the author."""
        from desktop.queries.share import mark_shared

        with self.store.session() as s:
            return mark_shared(s, candidate_id, network=network)

    def candidate_outcome(self, candidate_id: int, outcome: str) -> None:
        """shared / saved / skipped from the check-in; shared counts as support."""
        from desktop.core.vocabulary import CandidateState  # desktop.core: not at start-up

        if outcome == CandidateState.SHARED:
            self.mark_shared(candidate_id)
        else:
            self.set_candidate_state(candidate_id, outcome)

    def merge(self, keep_id: int, other_id: int) -> Merged:
        from desktop.queries.people import live_person, merge

        with self.store.session() as s:
            other = live_person(s, other_id).display_name
            kept = merge(s, keep_id, other_id)
            return Merged(kept.id, kept.display_name, other)

    def merge_suggestions(self) -> list[MergeSuggestion]:
        """People probably one human across networks, with the evidence."""
        from desktop.queries.merge_suggestions import merge_suggestions

        with self.store.read() as s:
            return merge_suggestions(s)

    def decline_merge(self, person_id: int, other_id: int) -> None:
        from desktop.queries.merge_suggestions import decline

        with self.store.session() as s:
            decline(s, person_id, other_id)

    def save_person_notes(self, person_id: int, notes: str, tags: list[str]) -> None:
        from desktop.queries.people import live_person

        with self.store.session() as s:
            person = live_person(s, person_id)
            person.notes = notes
            person.tags = ",".join(t.strip() for t in tags if t.strip())

    def log_interaction(
        self,
        person: str,
        *,
        kind: str,
        network: str,
        url: str = "",
        direction: str = "inbound",
        when: datetime | None = None,
    ) -> tuple[int, bool]:
        """An interaction from a network without an API, by hand: (person id, created).
        ``person``: an id, a name or a profile URL."""
        from desktop.queries.manual import log_interaction

        with self.store.session() as s:
            return log_interaction(
                s, person, kind=kind, network=network, url=url, direction=direction, when=when
            )

    # -- the check-in -----------------------------------------------------------------------

    def checkin_plan(self, today: date) -> Plan:
        from desktop.queries.checkin import plan

        with self.store.session() as s:  # the first plan of the day is saved
            return plan(s, today)

    def checkin_record(
        self,
        today: date,
        *,
        person_id: int | None = None,
        candidate_id: int | None = None,
        outcome: str,
    ) -> Progress:
        from desktop.queries.checkin import record

        with self.store.session() as s:
            return record(s, today, person_id=person_id, candidate_id=candidate_id, outcome=outcome)

    def checkin_finish(self, today: date) -> int:
        from desktop.queries.checkin import finish, streak

        with self.store.session() as s:
            finish(s, today)
            return streak(s, today)
