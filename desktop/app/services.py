"""The application layer's one doorway: what the window and the CLI ask of the store, the
keyring and the networks, without Qt.

Every method is a unit of work that may block (database, keyring, HTTP): the UI calls them
through its TaskRunner, on a worker thread, never on the GUI thread. Each call opens its own
session, so workers never share one. Results are plain objects, safe to hand across threads.

Given a function that opens the store instead of a store, the store is opened by the first
call that needs it — on a worker — so the app's window can paint before SQLAlchemy is even
imported. The operations are grouped by what they touch, one module each.
"""

from __future__ import annotations

from desktop.app.account_services import AccountServices
from desktop.app.base import demo_message
from desktop.app.changes import Changes, Merged
from desktop.app.data import DataServices
from desktop.app.reading import Reading
from desktop.app.sending import Sending

__all__ = ["Merged", "Services", "demo_message"]


class Services(Reading, Changes, Sending, AccountServices, DataServices):
    """Reading, changes, sending and sync, accounts, and the store as a whole."""
