"""What the desktop app asks of the store, the keyring and the networks, without Qt.

Every method is a unit of work that may block (database, keyring, HTTP): the UI calls them
through its TaskRunner, on a worker thread, never on the GUI thread. Each call opens its own
session, so workers never share one. Results are plain objects, safe to hand across threads.

Given a function that opens the store instead of a store, the store is opened by the first
call that needs it — on a worker — so the app's window can paint before SQLAlchemy is even
imported.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store.database import Store

DEMO_MESSAGE = "This is demo data: nothing is posted. Connect an account to thank people for real."


class Services:
    def __init__(
        self,
        store: Store | Callable[[], Store],
        *,
        secrets_factory: Callable | None = None,
        demo: bool = False,
    ) -> None:
        # A Store, or a function that opens one: then the first call to need it opens it.
        self._opener = store if callable(store) else None
        self._store = None if callable(store) else store
        self._store_lock = threading.Lock()
        self.demo = demo  # the demo store: made-up people, so nothing is ever posted
        self._secrets_factory = secrets_factory
        self._secrets = None
        self._secrets_lock = threading.Lock()

    @property
    def store(self) -> Store:
        store = self._store
        if store is None:
            with self._store_lock:  # two workers asking at once open it once
                if self._store is None:
                    self._store = self._opener()
                store = self._store
        return store

    def _not_in_demo(self) -> None:
        if self.demo:
            from desktop.queries.people import InvalidRequest

            raise InvalidRequest(DEMO_MESSAGE)

    # -- keyring (blocking: D-Bus, unlock prompts) --------------------------------------------

    def secrets(self):
        """The session's SecretStore, checked once (raises KeyringUnavailable)."""
        with self._secrets_lock:
            if self._secrets is None:
                if self._secrets_factory is not None:
                    secrets = self._secrets_factory()
                else:
                    from desktop.platform.secrets import SecretStore

                    secrets = SecretStore()
                secrets.check()
                self._secrets = secrets
            return self._secrets

    # -- reading --------------------------------------------------------------------------

    def pending(self, today: date | None = None):
        from desktop.queries.pending import pending

        with self.store.read() as s:
            return pending(s, today=today)

    def candidates(self, limit: int | None = 50, states: tuple[str, ...] = ("new", "saved")):
        from desktop.queries.candidates import ranked_candidates

        with self.store.read() as s:
            return ranked_candidates(s, limit=limit, states=states)

    def people(
        self,
        *,
        search: str | None = None,
        offset: int = 0,
        limit: int = 200,
        exclude_id: int | None = None,
        total: int | None = None,
    ):
        from desktop.queries.ledger import list_people

        with self.store.read() as s:
            return list_people(
                s, search=search, offset=offset, limit=limit, exclude_id=exclude_id, total=total
            )

    def people_count(self, *, search: str | None = None, exclude_id: int | None = None) -> int:
        from desktop.queries.ledger import count_people

        with self.store.read() as s:
            return count_people(s, search=search, exclude_id=exclude_id)

    def person(self, person_id: int):
        from desktop.queries.ledger import person_ledger

        with self.store.read() as s:
            return person_ledger(s, person_id)

    def history(self, person_id: int, limit: int = 200):
        from desktop.queries.history import person_history

        with self.store.read() as s:
            return person_history(s, person_id, limit=limit)

    def accounts(self):
        from desktop.queries.accounts import list_accounts

        with self.store.read() as s:
            return list_accounts(s)

    def settings(self) -> dict:
        from desktop.store.settings import all_settings

        with self.store.read() as s:
            return all_settings(s)

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func, select

        from desktop.store.models import Account, Person

        with self.store.read() as s:
            return {
                "people": s.scalar(
                    select(func.count()).select_from(Person).where(Person.merged_into_id.is_(None))
                )
                or 0,
                "accounts": s.scalar(
                    select(func.count())
                    .select_from(Account)
                    .where(Account.state != "removed", Account.network != "manual")
                )
                or 0,
            }

    # -- writing --------------------------------------------------------------------------

    def set_setting(self, key: str, value) -> None:
        from desktop.store.settings import set_setting

        with self.store.session() as s:
            set_setting(s, key, value)

    def acknowledge(self, person_id: int, action: str, **kw) -> None:
        from desktop.queries.people import acknowledge

        with self.store.session() as s:
            acknowledge(s, person_id, action, **kw)

    def set_candidate_state(self, candidate_id: int, state: str) -> None:
        from desktop.queries.candidates import set_candidate_state

        with self.store.session() as s:
            set_candidate_state(s, candidate_id, state)

    def merge(self, keep_id: int, other_id: int) -> None:
        from desktop.queries.people import merge

        with self.store.session() as s:
            merge(s, keep_id, other_id)

    def save_person_notes(self, person_id: int, notes: str, tags: list[str]) -> None:
        from desktop.queries.people import live_person

        with self.store.session() as s:
            person = live_person(s, person_id)
            person.notes = notes
            person.tags = ",".join(t.strip() for t in tags if t.strip())

    # -- check-in, drafts, sending -----------------------------------------------------------

    def checkin_plan(self, today: date):
        from desktop.queries.checkin import plan

        with self.store.session() as s:  # the first plan of the day is saved
            return plan(s, today)

    def checkin_record(self, today: date, *, person_id=None, candidate_id=None, outcome: str):
        from desktop.queries.checkin import record

        with self.store.session() as s:
            return record(s, today, person_id=person_id, candidate_id=candidate_id, outcome=outcome)

    def checkin_finish(self, today: date) -> int:
        from desktop.queries.checkin import finish, streak

        with self.store.session() as s:
            finish(s, today)
            return streak(s, today)

    def draft(self, person_id: int, *, language: str | None = None, network: str | None = None):
        from desktop.queries.drafts import make_draft, recently_thanked

        with self.store.read() as s:
            draft = make_draft(s, person_id, language=language, network=network)
            draft.recently_thanked = recently_thanked(s, person_id)
            return draft

    @staticmethod
    def check_length(draft, text: str):
        """Pure computation (no I/O): safe on the GUI thread, for the live remaining count."""
        from desktop.core.length import check, rule_for

        limit = draft.length.limit if draft.network == "mastodon" else None
        rule = rule_for("mastodon", mastodon_max=limit) if limit else rule_for(draft.network)
        return check(text, rule)

    def send_thanks(
        self,
        person_id: int,
        *,
        text: str | None = None,
        how: str = "reply",
        today: date | None = None,
    ):
        self._not_in_demo()
        from desktop.app.outbox.thank import send_thanks

        return send_thanks(self.store, self.secrets, person_id, text=text, how=how, today=today)

    def group_draft(self, person_ids: list[int], post_url: str, *, language: str | None = None):
        from desktop.queries.drafts import group_draft

        with self.store.read() as s:
            return group_draft(s, person_ids, post_url, language=language)

    def send_group_thanks(
        self,
        person_ids: list[int],
        post_url: str,
        *,
        texts: list[str] | None = None,
        today: date | None = None,
    ):
        self._not_in_demo()
        from desktop.app.outbox.group_thank import send_group_thanks

        return send_group_thanks(
            self.store, self.secrets, person_ids, post_url, texts=texts, today=today
        )

    def candidate_outcome(self, candidate_id: int, outcome: str) -> None:
        """shared / saved / skipped from the check-in; shared counts as support."""
        if outcome == "shared":
            self.mark_shared(candidate_id)
        else:
            self.set_candidate_state(candidate_id, outcome)

    # -- sync -----------------------------------------------------------------------------

    def sync_all(
        self,
        *,
        progress: Callable | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        now: datetime | None = None,
    ):
        """Sync every account in turn; one failing does not stop the others."""
        from desktop.sync.runner import sync_accounts

        return sync_accounts(
            self.store, self.secrets, progress=progress, cancelled=cancelled, now=now
        )

    # -- accounts: the steps live in desktop.app.sign_in (keyring and network: workers only) ------

    def mastodon_begin(self, instance: str):
        """The app registration and the page to approve it on (a signin.MastodonSignIn)."""
        from desktop.app import sign_in as signin
        from desktop.connectors.mastodon import normalise_instance

        normalise_instance(instance)  # a typing mistake says so before the keyring is asked
        return signin.mastodon_begin(self.secrets(), instance)

    def mastodon_finish(self, pending, code: str):
        from desktop.app import sign_in as signin

        return signin.mastodon_finish(self.store, self.secrets(), pending, code)

    def mastodon_with_token(self, instance: str, token: str):
        from desktop.app import sign_in as signin
        from desktop.connectors.mastodon import normalise_instance

        normalise_instance(instance)
        return signin.mastodon_with_token(self.store, self.secrets(), instance, token)

    def bluesky_sign_in(self, handle: str, app_password: str, service: str | None = None):
        from desktop.app import sign_in as signin

        return signin.bluesky_sign_in(self.store, self.secrets(), handle, app_password, service)

    def add_feeds(self, urls: list[str]):
        from desktop.app import sign_in as signin

        return signin.add_feeds(self.store, urls)

    def add_blog_comments(self, urls: list[str]):
        """Each URL as the comments feed of my own blog; a signin.FeedsAdded says how it went."""
        from desktop.app import sign_in as signin

        result = signin.FeedsAdded()
        for url in urls:
            try:
                view, created = signin.add_blog_comments(self.store, url)
            except ValueError as exc:
                result.invalid.append((url, str(exc)))
            else:
                (result.added if created else result.existing).append(view.handle)
        return result

    def import_opml(self, path):
        from desktop.app import sign_in as signin

        return signin.import_opml(self.store, path)

    def remove_account(self, account_id: int):
        """Its history stays; its secrets leave the keyring (asked only if it has some)."""
        from desktop.app import sign_in as signin

        return signin.remove(self.store, self.secrets, account_id)

    # -- share ----------------------------------------------------------------------------

    def share_context(self, candidate_id: int):
        """Who to credit in a share post of this candidate, and the networks I post on."""
        from desktop.queries.share import share_context

        with self.store.read() as s:
            return share_context(s, candidate_id)

    def mark_shared(self, candidate_id: int, network: str | None = None):
        """Shared (elsewhere, by hand): the state, and one outbound share for the author."""
        from desktop.queries.share import mark_shared

        with self.store.session() as s:
            return mark_shared(s, candidate_id, network=network)

    # -- settings -------------------------------------------------------------------------

    def post_share(self, candidate_id: int, *, text: str, network: str):
        """Post the share through my account on that network, then mark it shared (only
        after the network accepted it; a failure raises and changes nothing)."""
        self._not_in_demo()
        from desktop.app.outbox.share import post_share

        return post_share(self.store, self.secrets, candidate_id, text=text, network=network)

    def set_settings(self, values: dict) -> None:
        """Several settings in one transaction: all of them are saved, or none."""
        from desktop.store.settings import set_setting

        with self.store.session() as s:
            for key, value in values.items():
                set_setting(s, key, value)

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
