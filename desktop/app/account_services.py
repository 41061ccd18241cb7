"""Services for my accounts: sign-in steps (in desktop.app.sign_in), feeds and OPML,
removing an account, importing a closed network's archive. Keyring and network: workers
only."""

from __future__ import annotations

from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.app.base import ServiceBase

if TYPE_CHECKING:
    from desktop.app.archive_import import ArchiveImported
    from desktop.app.sign_in import FeedsAdded, MastodonSignIn, OpmlImported
    from desktop.queries.accounts import AccountView
    from desktop.queries.archive_sources import ArchiveRemoved, ArchiveSource


class AccountServices(ServiceBase):
    @staticmethod
    def check_instance(instance: str) -> str:
        """The server's address as it will be used; ValueError says what is wrong with it
        (before anything asks the keyring or the network)."""
        from desktop.connectors.mastodon import normalise_instance

        return normalise_instance(instance)

    def mastodon_begin(self, instance: str) -> MastodonSignIn:
        """The app registration and the page to approve it on."""
        from desktop.app import sign_in

        self.check_instance(instance)  # a typing mistake says so before the keyring is asked
        return sign_in.mastodon_begin(self.secrets(), instance)

    def mastodon_finish(self, pending: MastodonSignIn, code: str) -> AccountView:
        from desktop.app import sign_in

        return sign_in.mastodon_finish(self.store, self.secrets(), pending, code)

    def mastodon_with_token(self, instance: str, token: str) -> AccountView:
        from desktop.app import sign_in

        self.check_instance(instance)
        return sign_in.mastodon_with_token(self.store, self.secrets(), instance, token)

    def bluesky_sign_in(
        self, handle: str, app_password: str, service: str | None = None
    ) -> AccountView:
        from desktop.app import sign_in

        return sign_in.bluesky_sign_in(self.store, self.secrets(), handle, app_password, service)

    @staticmethod
    def check_youtube_channel(channel: str) -> None:
        """ValueError says what is wrong with the channel as typed (before the keyring or
        the network is asked): a channel id UC…, a handle @name or a channel's address."""
        from desktop.connectors.youtube import channel_query

        channel_query(channel)

    def youtube_with_key(self, channel: str, api_key: str) -> AccountView:
        """My YouTube channel with an API key I made: its comments become replies. The
        key is checked once against the API, then kept in the keyring."""
        from desktop.app import sign_in

        self.check_youtube_channel(channel)
        return sign_in.youtube_with_key(self.store, self.secrets(), channel, api_key)

    def add_feeds(self, urls: list[str]) -> FeedsAdded:
        from desktop.app import sign_in

        return sign_in.add_feeds(self.store, urls)

    def add_blog_comments_feed(self, url: str) -> tuple[AccountView, bool]:
        """The comments feed of my own blog: each comment counts as a reply to me.
        (its account, created now?)"""
        from desktop.app import sign_in

        return sign_in.add_blog_comments(self.store, url)

    def add_blog_comments(self, urls: list[str]) -> FeedsAdded:
        """Each URL as the comments feed of my own blog; a FeedsAdded says how it went."""
        from desktop.app import sign_in

        result = sign_in.FeedsAdded()
        for url in urls:
            try:
                view, created = self.add_blog_comments_feed(url)
            except ValueError as exc:
                result.invalid.append((url, str(exc)))
            else:
                (result.added if created else result.existing).append(view.handle)
        return result

    def import_opml(self, path: str | PathLike[str]) -> OpmlImported:
        from desktop.app import sign_in

        return sign_in.import_opml(self.store, path)

    def export_opml(self, path: Path) -> int:
        """Write the feeds I follow to an OPML file; how many there were."""
        from desktop.app import sign_in

        return sign_in.export_opml(self.store, path)

    def remove_account(self, account_id: int) -> AccountView:
        """Its history stays; its secrets leave the keyring (asked only if it has some)."""
        from desktop.app import sign_in

        return sign_in.remove(self.store, self.secrets, account_id)

    def import_archive(
        self,
        network: str | None,
        path: Path,
        *,
        preview: bool = False,
        progress: Callable[[int, int], None] | None = None,
        keep: bool = False,
    ) -> ArchiveImported:
        """A closed network's data export, as interactions of an archive account (None:
        whichever network it is); with ``preview``, only what it would add (and with
        ``keep``, what it read, for write_archive). ``progress`` hears (read, total)."""
        from desktop.app.archive_import import import_archive
        from desktop.store.search_index import catch_up

        imported = import_archive(
            self.store, network, path, preview=preview, progress=progress, keep=keep
        )
        catch_up(self.store)  # what was imported, searchable
        return imported

    def write_archive(
        self, preview: ArchiveImported, progress: Callable[[int, int], None] | None = None
    ) -> ArchiveImported:
        """Import what a preview kept (the export is not read again); ``progress`` hears
        (written, total): the interactions, and the history settled last."""
        from desktop.app.archive_import import write_archive
        from desktop.store.search_index import catch_up

        written = write_archive(self.store, preview, progress)
        catch_up(self.store)
        return written

    def archive_source(self, account_id: int) -> ArchiveSource:
        """What the import behind ``account_id`` brought: interactions, people, dates."""
        from desktop.queries.archive_sources import archive_source

        with self.store.read() as s:
            return archive_source(s, account_id)

    def remove_archive(self, account_id: int) -> ArchiveRemoved:
        """Take out an imported archive and everything that came only from it."""
        from desktop.queries.archive_sources import remove_archive

        with self.store.session() as s:
            return remove_archive(s, account_id)
