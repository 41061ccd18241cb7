"""Services that only read: lists, ledgers, counts, drafts. Each call its own session."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from desktop.app.base import ServiceBase

if TYPE_CHECKING:
    from desktop.app.first_screen import FirstScreen
    from desktop.core.length import LengthCheck
    from desktop.queries.accounts import AccountView
    from desktop.queries.candidates import RankedCandidate
    from desktop.queries.drafts import Draft
    from desktop.queries.history import HistoryItem
    from desktop.queries.ledger import Ledger, PersonSummary
    from desktop.queries.notices import Notice
    from desktop.queries.pending_views import PendingPerson
    from desktop.queries.search import SearchCursor, SearchPage
    from desktop.queries.share import ShareContext
    from desktop.queries.status import Status
    from desktop.sync.connect import AccountRef


class Reading(ServiceBase):
    def pending(self, today: date | None = None) -> list[PendingPerson]:
        from desktop.queries.pending import pending

        with self.store.read() as s:
            return pending(s, today=today)

    def remember_first_screen(self, today: date) -> FirstScreen | None:
        """Make the first screen (desktop.app.first_screen) and keep it beside the store;
        None when there is nowhere to keep it or the store changed while it was made."""
        from desktop.app import first_screen
        from desktop.core import i18n
        from desktop.queries.checkin import plan
        from desktop.queries.pending import pending
        from desktop.store.settings import get_setting

        path = self.store.path
        if path is None:
            return None
        writes = self.store.writes
        seen = first_screen.fingerprint(path)  # before reading: a later write shows
        with self.store.read() as s:
            entries = pending(s, today=today)  # read once: the plan picks from it
            today_plan = plan(s, today, save=False, waiting_list=entries)
            cooldown = int(get_setting(s, "thank_cooldown_days"))
        answered = {p for p, outcome in today_plan.progress.people.items() if outcome != "skipped"}
        people = [p for p in today_plan.people if p.person_id not in answered]
        screen = first_screen.FirstScreen(
            today,
            i18n.language(),
            seen,
            checkin_count=len(people),
            thank_total=len(entries),
            thank_rows=entries[: first_screen.THANK_ROWS],
            cooldown_days=cooldown,
        )
        if people:
            draft = self.draft(people[0].person_id)
            screen.checkin_person = people[0]
            screen.draft_text = draft.text
            screen.draft_recently_thanked = draft.recently_thanked
        if self.store.writes != writes:
            return None
        first_screen.write(path, screen)
        return screen

    def candidates(
        self, limit: int | None = 50, states: tuple[str, ...] | None = None
    ) -> list[RankedCandidate]:
        """``states`` None: the open ones (new and saved)."""
        from desktop.core.vocabulary import OPEN_STATES  # desktop.core: not at start-up
        from desktop.queries.candidates import ranked_candidates

        with self.store.read() as s:
            return ranked_candidates(
                s, limit=limit, states=OPEN_STATES if states is None else states
            )

    def people(
        self,
        *,
        search: str | None = None,
        offset: int = 0,
        limit: int | None = 200,
        exclude_id: int | None = None,
        total: int | None = None,
    ) -> list[PersonSummary]:
        from desktop.queries.ledger import list_people

        with self.store.read() as s:
            return list_people(
                s, search=search, offset=offset, limit=limit, exclude_id=exclude_id, total=total
            )

    def people_count(self, *, search: str | None = None, exclude_id: int | None = None) -> int:
        from desktop.queries.ledger import count_people

        with self.store.read() as s:
            return count_people(s, search=search, exclude_id=exclude_id)

    def person(self, person_id: int) -> Ledger:
        from desktop.queries.ledger import person_ledger

        with self.store.read() as s:
            return person_ledger(s, person_id)

    def history(self, person_id: int, limit: int = 200) -> list[HistoryItem]:
        from desktop.queries.history import person_history

        with self.store.read() as s:
            return person_history(s, person_id, limit=limit)

    def quiet_supporters(self, days: int | None = None) -> list[tuple[int, str, int]]:
        """(person id, name, inbound count) of supporters who have not heard from me."""
        from desktop.queries.ledger import quiet_supporters

        with self.store.read() as s:
            return quiet_supporters(s, days=days)

    def search_interactions(
        self,
        text: str,
        *,
        kind: str | None = None,
        network: str | None = None,
        since: date | datetime | None = None,
        limit: int = 50,
        before: str | SearchCursor | None = None,
    ) -> SearchPage:
        """Every interaction stored, by the words of its post and the person's names and
        handles, newest first; ``before``: the previous page's ``next`` (or its token)."""
        from desktop.queries.search import SearchCursor, search_interactions
        from desktop.store.search_index import catch_up

        cursor = SearchCursor.parse(before) if isinstance(before, str) else before
        # Rows written since the last sync's catch-up, if any; while a sync writes, what it
        # wrote is indexed by the sync itself when it ends (a search does not wait for it).
        catch_up(self.store, wait_s=0.2)
        with self.store.read() as s:
            return search_interactions(
                s, text, kind=kind, network=network, since=since, limit=limit, before=cursor
            )

    def accounts(self) -> list[AccountView]:
        from desktop.queries.accounts import list_accounts

        with self.store.read() as s:
            return list_accounts(s)

    def settings(self) -> dict[str, Any]:
        from desktop.store.settings import all_settings

        with self.store.read() as s:
            return all_settings(s)

    @staticmethod
    def setting_defaults() -> dict[str, Any]:
        """The settings a user may change, with their defaults (internal ones left out)."""
        from desktop.store.settings import DEFAULTS, INTERNAL

        return {key: value for key, value in DEFAULTS.items() if key not in INTERNAL}

    def counts(self) -> dict[str, int]:
        """People and accounts, as the window shows them (cheap: no pending list)."""
        from desktop.queries.status import count_accounts, count_people

        with self.store.read() as s:
            return {"people": count_people(s), "accounts": count_accounts(s)}

    def status(self) -> Status:
        """Pending people, open candidates, people, accounts and the last sync."""
        from desktop.queries.status import status

        with self.store.read() as s:
            return status(s)

    def new_support(self, interaction_ids: list[int]) -> tuple[Notice | None, dict[str, Any]]:
        """The notice for these new interactions, with the settings that say how to show it."""
        from desktop.queries.notices import summarize_new
        from desktop.store.settings import all_settings

        with self.store.read() as s:
            return summarize_new(s, interaction_ids), all_settings(s)

    def share_context(self, candidate_id: int) -> ShareContext:
        """Who to credit in a share post of this candidate, the networks I post on, and my
        Mastodon server's own length limits (asked once a session; may block on HTTP)."""
        import dataclasses

        from desktop.queries.share import share_context

        with self.store.read() as s:
            context = share_context(s, candidate_id)
        return dataclasses.replace(context, mastodon_limits=self.mastodon_limits())

    def _mastodon_account(self) -> AccountRef | None:
        """The Mastodon account I would post with (None without one, or in the demo)."""
        from desktop.app.outbox.share import share_account
        from desktop.core.vocabulary import Network
        from desktop.sync.connect import AccountRef

        if self.demo:
            return None
        with self.store.read() as s:
            account = share_account(s, Network.MASTODON)
            return AccountRef.of(account) if account is not None else None

    def known_mastodon_limits(self) -> tuple[int, int]:
        """What my Mastodon server said of its limits this session, else the defaults; never
        asks the network (drafts are made often, also offline)."""
        from desktop.app.length import DEFAULT_MASTODON

        ref = self._mastodon_account()
        known = self._limits.known(ref.server_url) if ref is not None else None
        return known or DEFAULT_MASTODON

    def mastodon_limits(self) -> tuple[int, int]:
        """(max characters, characters per URL) of the Mastodon server I would post to;
        the defaults without a Mastodon account or while it cannot be asked."""
        from desktop.app.length import DEFAULT_MASTODON, mastodon_limits
        from desktop.sync.connect import connector_for

        ref = self._mastodon_account()
        if ref is None:
            return DEFAULT_MASTODON

        def ask() -> tuple[int, int]:
            return mastodon_limits(connector_for(ref, [], self.secrets()))

        return self._limits.mastodon(ref.server_url, ask)

    # -- drafts ---------------------------------------------------------------------------

    def draft(
        self,
        person_id: int,
        *,
        language: str | None = None,
        network: str | None = None,
        now: datetime | None = None,
    ) -> Draft:
        from desktop.queries.drafts import make_draft, recently_thanked

        max_chars, url_length = self.known_mastodon_limits()
        with self.store.read() as s:
            draft = make_draft(
                s,
                person_id,
                language=language,
                network=network,
                now=now,
                mastodon_max=max_chars,
                url_length=url_length,
            )
            draft.recently_thanked = recently_thanked(s, draft.person_id, now)
            return draft

    def group_draft(
        self, person_ids: list[int], post_url: str, *, language: str | None = None
    ) -> list[Draft]:
        from desktop.queries.drafts import group_draft

        max_chars, url_length = self.known_mastodon_limits()
        with self.store.read() as s:
            return group_draft(
                s,
                person_ids,
                post_url,
                language=language,
                mastodon_max=max_chars,
                url_length=url_length,
            )

    @staticmethod
    def check_length(draft: Draft, text: str) -> LengthCheck:
        """Pure computation (no I/O): safe on the GUI thread, for the live remaining count."""
        from desktop.core.length import check, rule_for
        from desktop.core.vocabulary import Network

        limit = draft.length.limit if draft.network == Network.MASTODON else None
        rule = rule_for(Network.MASTODON, mastodon_max=limit) if limit else rule_for(draft.network)
        return check(text, rule)

    def template_defaults(self) -> dict[str, dict[str, list[str]]]:
        """The shipped thank-you templates as the drafts read them ({language: {situation:
        [variant, ...]}}); a language whose file does not load is left out."""
        from desktop.queries.templates import TemplateError, languages, load_templates

        out: dict[str, dict[str, list[str]]] = {}
        for language in languages():
            try:
                out[language] = {s: list(v) for s, v in load_templates(language).items()}
            except TemplateError:
                continue
        return out

    # -- templates, checked on the GUI thread (no I/O) -------------------------------------

    @staticmethod
    def template_situations() -> tuple[str, ...]:
        from desktop.queries.templates import SITUATIONS

        return SITUATIONS

    @staticmethod
    def template_problem(variant: str) -> str | None:
        """What is wrong with a template variant, for the user, or None (the drafts' check)."""
        from desktop.queries.templates import template_problem

        return template_problem(variant)
