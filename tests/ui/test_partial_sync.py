"""A new account's first page shows at once: while its back-fill is still being fetched,
the Thank page already lists who the first page brought, and the tray's count hears of it."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from connectors.mastodon_server import ME_ID, FakeMastodon, notification

from desktop.app.services import Services
from desktop.platform.secrets import SecretStore
from desktop.queries.accounts import upsert_account
from desktop.sync.connect import secret_key
from desktop.ui.main_window import MainWindow


def _follower(base: str, n: int) -> dict:
    item = notification(base, str(1000 + n), "follow")
    item["account"] = dict(
        item["account"],
        id=str(5000 + n),
        acct=f"reader{n}@elsewhere.example",
        username=f"reader{n}",
        display_name=f"Reader {n}",
        url=f"https://elsewhere.example/@reader{n}",
    )
    when = datetime.now(UTC) - timedelta(minutes=n)
    item["created_at"] = when.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return item


def test_the_first_page_is_on_the_thank_page_before_the_back_fill_ends(qtbot, httpserver, store):
    server = FakeMastodon(httpserver)
    server.notifications.add([_follower(server.base, n) for n in range(45)])
    held = threading.Event()
    first_page = server.notifications

    def slow_older_pages(request):
        if "max_id" in request.args:
            held.wait(30)  # the back-fill's next page, held back until the test has looked
        return first_page(request)

    httpserver.clear_handler_errors()
    httpserver.handlers.clear()
    httpserver.expect_request("/api/v1/notifications").respond_with_handler(slow_older_pages)
    for stream in (server.statuses, server.favourites, server.timeline):
        httpserver.expect_request(stream.path).respond_with_handler(stream)
    with store.session() as s:
        account = upsert_account(s, "mastodon", server.base, "@me@social.example", stable_id=ME_ID)
        SecretStore().set(secret_key(account), "access_token", "tok-123")
    with store.session() as s:  # follows count as someone to thank here
        from desktop.store.settings import set_setting

        set_setting(s, "thank_likes", True)
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: "thank" in window.pages.built(), timeout=15000)
    page = window.pages["thank"]
    told = []
    window.partly_synced.connect(lambda: told.append(True))
    try:
        window.sync_now()
        qtbot.waitUntil(lambda: page.model.rowCount() == 40, timeout=15000)
        assert window.syncing  # the older page is still on its way
        assert told  # and the tray's count was asked to look again
    finally:
        held.set()
    qtbot.waitUntil(lambda: not window.syncing, timeout=30000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 45, timeout=15000)
    window.tasks.wait()
