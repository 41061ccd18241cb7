"""The Accounts section: sign in to Mastodon (browser + code, or a token) and Bluesky, add
feeds and OPML, remove, sync; against servers on loopback, with the test keyring (a file).
The browser is never opened: each dialog's `open_url` is swapped for a list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from connectors.mastodon_server import FakeMastodon, body
from PySide6.QtCore import Qt, QUrl

from desktop.app import sign_in as signin
from desktop.app.services import Services
from desktop.platform.secrets import SecretStore, account_key
from desktop.queries.accounts import AccountView
from desktop.ui.dialogs.sign_in import BlueskyDialog, FeedsDialog, MastodonDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.models.accounts import AccountsModel
from desktop.ui.pages.accounts import AccountsPage
from desktop.ui.tasks import TaskRunner

TOKEN = "canary-token-91b2"
HANDLE = "@mastodonpy_test@localhost"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(qtbot, store):
    p = AccountsPage(Services(store), TaskRunner())
    qtbot.addWidget(p)
    p.resize(900, 600)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.tasks.wait()


@pytest.fixture
def fake(httpserver):
    return FakeMastodon(httpserver)


def oauth(httpserver, fake):
    httpserver.expect_request("/api/v1/apps", method="POST").respond_with_json(
        body("apps_create.json", fake.base)
    )


def token_endpoint(httpserver, *, status=200):
    if status == 200:
        reply = {"access_token": TOKEN, "token_type": "Bearer", "scope": "read", "created_at": 1}
    else:
        reply = body("error_400_oauth_invalid_grant.json")
    httpserver.expect_request("/oauth/token", method="POST").respond_with_json(reply, status=status)


def stored_token(fake):
    return SecretStore().get(account_key("mastodon", fake.base, HANDLE), "access_token")


def row(page, r=0):
    model = page.model
    return [model.index(r, c).data() for c in range(model.columnCount())]


def loaded(qtbot, page, rows):
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded and page.model.rowCount() == rows, timeout=5000)


def active(qtbot, dialog):
    """Shortcuts (Ctrl+Enter) and focus need the dialog to be the active window."""
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def opener(dialog):
    opened: list[QUrl] = []
    dialog.open_url = opened.append
    return opened


# --- Mastodon ------------------------------------------------------------------------------


def test_browser_sign_in_end_to_end(qtbot, page, fake, httpserver, tmp_path):
    oauth(httpserver, fake)
    token_endpoint(httpserver)
    loaded(qtbot, page, 0)
    qtbot.mouseClick(page.add_mastodon_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, MastodonDialog) and dialog.isVisible()
    active(qtbot, dialog)
    opened = opener(dialog)
    assert not dialog.code.isVisible()  # the code field comes with the browser step

    qtbot.keyClicks(dialog.server, fake.base)
    qtbot.keyClick(dialog.server, Qt.Key.Key_Return)  # Enter submits
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    url = opened[0].toString(QUrl.ComponentFormattingOption.FullyEncoded)
    assert url.startswith(f"{fake.base}/oauth/authorize?")
    assert "code_challenge_method=S256" in url
    assert dialog.code.isVisible() and dialog.primary.text() == "&Finish"
    assert dialog.code.hasFocus()
    dialog.grab().save(str(tmp_path / "mastodon_code.png"))

    qtbot.keyClicks(dialog.code, "the-pasted-code")
    with qtbot.waitSignal(page.message, timeout=5000) as said:
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert said.args == [f"Signed in to Mastodon as {HANDLE}."]
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert row(page) == ["Mastodon", HANDLE, "OK", "never", ""]
    assert stored_token(fake) == TOKEN
    sent = next(r for r, _ in httpserver.log if r.path == "/oauth/token").form
    assert sent["code"] == "the-pasted-code" and sent["code_verifier"]


def test_a_bad_code_is_shown_inline_and_the_dialog_keeps_what_was_typed(
    qtbot, page, fake, httpserver
):
    oauth(httpserver, fake)
    token_endpoint(httpserver, status=400)
    dialog = page.add_mastodon(fake.base)  # prefilled, as "Sign in again" does
    opened = opener(dialog)
    qtbot.mouseClick(dialog.primary, LEFT)
    qtbot.waitUntil(lambda: dialog.code.isVisible(), timeout=5000)
    assert len(opened) == 1
    qtbot.keyClicks(dialog.code, "typo")
    qtbot.mouseClick(dialog.primary, LEFT)
    qtbot.waitUntil(lambda: dialog.message.kind == "error", timeout=5000)
    assert "The code was not accepted" in dialog.message.text.text()
    assert dialog.isVisible() and dialog.code.text() == "typo"
    assert dialog.server.text() == fake.base and not dialog.busy
    assert dialog.primary.isEnabled()
    with page.services.store.read() as s:
        from desktop.queries.accounts import list_accounts

        assert list_accounts(s) == []
    # "Open the page again" opens the same page; nothing was registered twice.
    dialog.again.linkActivated.emit("#")
    assert opened[1] == opened[0]
    assert sum(r.path == "/api/v1/apps" for r, _ in httpserver.log) == 1


def test_a_bad_server_name_is_said_as_you_type_and_on_enter(qtbot, page, httpserver):
    dialog = page.add_mastodon()
    qtbot.keyClicks(dialog.server, "not a server")
    qtbot.waitUntil(lambda: dialog.server_note.isVisible(), timeout=3000)
    assert "does not look like the address of a Mastodon server" in (dialog.server_note.text.text())
    dialog.server.clear()
    qtbot.keyClicks(dialog.server, "ftp://example.social")
    qtbot.keyClick(dialog.server, Qt.Key.Key_Return)
    assert "is not a web address" in dialog.server_note.text.text()  # at once, on Enter
    assert dialog.isVisible() and not dialog.busy and httpserver.log == []
    dialog.server.clear()
    qtbot.keyClicks(dialog.server, "@me@example.social")
    dialog.check_server()
    assert not dialog.server_note.isVisible()
    assert dialog.server_ok.text() == "Signs in at https://example.social"


def test_token_sign_in(qtbot, page, fake, httpserver):
    dialog = page.add_mastodon()
    qtbot.keyClicks(dialog.server, fake.base)
    qtbot.mouseClick(dialog.token_choice, LEFT)
    assert dialog.token_choice.isChecked() and dialog.token.isVisible()
    assert dialog.token.echoMode() == dialog.token.EchoMode.Password
    assert not dialog.primary.isEnabled()  # nothing pasted yet
    qtbot.keyClicks(dialog.token, TOKEN)
    qtbot.keyClick(dialog.token, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert not dialog.isVisible()
    assert row(page)[:3] == ["Mastodon", HANDLE, "OK"]
    assert stored_token(fake) == TOKEN
    assert not any(r.path == "/api/v1/apps" for r, _ in httpserver.log)


def test_no_usable_keyring_is_said_in_the_dialog(qtbot, page, fake, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    dialog = page.add_mastodon(fake.base)
    dialog.token_choice.setChecked(True)
    qtbot.keyClicks(dialog.token, TOKEN)
    qtbot.mouseClick(dialog.primary, LEFT)
    qtbot.waitUntil(lambda: dialog.message.kind == "error", timeout=5000)
    assert dialog.message.text.text().startswith("No usable keyring:")
    assert dialog.isVisible() and dialog.token.text() == TOKEN
    assert page.model.rowCount() == 0


def test_escape_cancels(qtbot, page):
    dialog = page.add_mastodon()
    qtbot.keyClick(dialog.server, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_every_field_has_a_label_with_a_mnemonic(qtbot, page):
    from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

    for dialog in (page.add_mastodon(), page.add_bluesky(), page.add_feeds()):
        labels = {
            label.buddy(): label.text()
            for label in dialog.findChildren(QLabel)
            if label.buddy() is not None
        }
        for field in dialog.findChildren(QLineEdit) + dialog.findChildren(QPlainTextEdit):
            assert "&" in labels.get(field, ""), (type(dialog).__name__, field.placeholderText())
        dialog.reject()


# --- Bluesky -------------------------------------------------------------------------------


def test_bluesky_sign_in(qtbot, page, httpserver):
    httpserver.expect_request(
        "/xrpc/com.atproto.server.createSession", method="POST"
    ).respond_with_json(
        {"did": "did:plc:me", "handle": "me.test", "accessJwt": "a-jwt", "refreshJwt": "r-jwt"}
    )
    qtbot.mouseClick(page.add_bluesky_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, BlueskyDialog)
    opened = opener(dialog)
    dialog.help.linkActivated.emit("#")
    assert opened == [QUrl(signin.APP_PASSWORDS_HELP)]
    assert not dialog.service.isVisible()  # advanced
    qtbot.mouseClick(dialog.advanced, LEFT)
    assert dialog.service.isVisible()
    qtbot.keyClicks(dialog.handle, "me.test")
    qtbot.keyClicks(dialog.password, "abcd-efgh-ijkl-mnop")
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    qtbot.keyClicks(dialog.service, httpserver.url_for("/"))
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert row(page)[:3] == ["Bluesky", "me.test", "OK"]
    key = account_key("bluesky", httpserver.url_for("/"), "me.test")
    assert SecretStore().get(key, "refresh_jwt") == "r-jwt"
    assert dialog.password.text() == ""  # not kept around


def test_bluesky_refusal_keeps_the_dialog_open(qtbot, page, httpserver):
    httpserver.expect_request("/xrpc/com.atproto.server.createSession").respond_with_json(
        {"error": "AuthenticationRequired", "message": "Invalid identifier or password"},
        status=401,
    )
    dialog = page.add_bluesky("me.test", httpserver.url_for("/"))
    assert dialog.advanced.isChecked()  # a service other than bsky.social shows itself
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.mouseClick(dialog.primary, LEFT)
    qtbot.waitUntil(lambda: dialog.message.kind == "error", timeout=5000)
    assert "app password not accepted" in dialog.message.text.text()
    assert dialog.isVisible() and dialog.handle.text() == "me.test"


# --- feeds ---------------------------------------------------------------------------------


def test_feeds_from_the_field_with_duplicates_and_bad_addresses(qtbot, page, store):
    signin.add_feeds(store, ["https://old.example/feed"])
    qtbot.mouseClick(page.add_feeds_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, FeedsDialog)
    active(qtbot, dialog)
    dialog.addresses.setPlainText(
        "https://a.example/feed\nnot a feed\n\nhttps://old.example/feed\n"
        "https://a.example/feed\nnews.example/rss"
    )
    with qtbot.waitSignal(page.message, timeout=5000) as said:
        qtbot.keyClick(dialog.addresses, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert said.args == ["Added 2 feeds."]
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    report = dialog.message.text.text()
    assert "Already following https://old.example/feed." in report
    assert "Not an http(s) URL: 'not a feed'" in report
    assert dialog.message.kind == "error" and dialog.isVisible()
    assert dialog.addresses.toPlainText() == "not a feed"  # what is left to fix
    assert dialog.cancel.text() == "&Close"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert row(page)[:3] == ["Feeds", "3 feeds", "OK"]


def test_good_feeds_close_the_dialog(qtbot, page):
    dialog = page.add_feeds()
    dialog.addresses.setPlainText("https://a.example/feed")
    with qtbot.waitSignal(page.message, timeout=5000) as said:
        qtbot.mouseClick(dialog.primary, LEFT)
    assert said.args == ["Added 1 feed."]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)


def test_blog_comments_from_the_feeds_dialog(qtbot, page):
    dialog = page.add_feeds()
    dialog.addresses.setPlainText("blog.example/comments/feed/")
    dialog.comments.setChecked(True)
    qtbot.mouseClick(dialog.primary, LEFT)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert row(page)[:3] == ["Blog comments", "blog.example", "OK"]


OPML = b"""<?xml version="1.0"?><opml version="2.0"><body>
<outline text="A" xmlUrl="https://a.example/feed"/><outline text="B" xmlUrl="https://b.example/rss"/>
</body></opml>"""


def test_import_opml_from_the_page_and_from_the_dialog(qtbot, page, tmp_path):
    path = tmp_path / "subscriptions.opml"
    path.write_bytes(OPML)
    page.choose_file = lambda: str(path)
    with qtbot.waitSignal(page.message, timeout=5000) as said:
        qtbot.mouseClick(page.import_button, LEFT)
    assert said.args == ["Importing subscriptions.opml…"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert row(page)[1] == "2 feeds"

    dialog = page.add_feeds()
    dialog.choose_file = lambda: str(path)
    with qtbot.waitSignal(page.message, timeout=5000) as said:
        qtbot.mouseClick(dialog.import_button, LEFT)
    assert said.args == ["Imported 2 feeds from subscriptions.opml (0 new)."]
    assert not dialog.isVisible()


def test_a_file_that_is_not_opml_is_reported(qtbot, page, tmp_path):
    path = tmp_path / "notes.opml"
    path.write_text("just some notes")
    warned = []
    page.choose_file = lambda: str(path)
    page.warn = lambda title, text: warned.append(text)
    qtbot.mouseClick(page.import_button, LEFT)
    qtbot.waitUntil(lambda: bool(warned), timeout=5000)
    assert warned[0].startswith("Cannot import")
    assert page.import_button.isEnabled()


# --- remove, sync, sign in again --------------------------------------------------------------


def test_remove_asks_first_and_deletes_the_token(qtbot, page, store, fake):
    signin.mastodon_with_token(store, SecretStore(), fake.base, TOKEN)
    loaded(qtbot, page, 1)
    asked = []
    page.confirm = lambda title, text: asked.append(text) or False
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "history stays in the ledger; the token is deleted from your keyring" in asked[0]
    assert stored_token(fake) == TOKEN  # said no: nothing happened

    page.confirm = lambda title, text: True
    with qtbot.waitSignal(page.message, timeout=5000) as said:
        qtbot.mouseClick(page.remove_button, LEFT)
    assert said.args == [f"Removed {HANDLE}; its history stays in the ledger."]
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert stored_token(fake) is None
    assert page.empty.isVisible() and not page.remove_button.isVisible()


def test_a_revoked_token_shows_needs_sign_in_and_the_error(qtbot, page, store, fake, httpserver):
    signin.mastodon_with_token(store, SecretStore(), fake.base, TOKEN)
    httpserver.clear()
    httpserver.expect_request("/api/v1/notifications").respond_with_json(
        {"error": "The access token was revoked"}, status=401
    )
    loaded(qtbot, page, 1)
    qtbot.mouseClick(page.sync_button, LEFT)
    qtbot.waitUntil(lambda: row(page)[2] == "Needs sign-in", timeout=10000)
    network, account, state, last_sync, error = row(page)
    assert "The access token was revoked" in error
    tooltip = page.model.index(0, AccountsModel.LAST_ERROR).data(Qt.ItemDataRole.ToolTipRole)
    assert "The access token was revoked" in tooltip
    assert "The access token was revoked" in page.details.error.text()
    assert page.sign_in_button.isEnabled() and page.sign_in_button.isDefault()

    dialog = page.sign_in_again()
    assert isinstance(dialog, MastodonDialog)
    assert dialog.server.text() == fake.base and dialog.server_ok.isVisible()


def test_sign_in_again_for_bluesky_is_prefilled(qtbot, page, store):
    from desktop.queries import accounts as acc

    with store.session() as s:
        account = acc.upsert_account(s, "bluesky", "https://pds.example", "me.test")
        account.state = "needs_signin"
    loaded(qtbot, page, 1)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, BlueskyDialog)
    assert (dialog.handle.text(), dialog.service.text()) == ("me.test", "https://pds.example")
    active(qtbot, dialog)
    assert dialog.password.hasFocus()


def test_feeds_cannot_sign_in_again(qtbot, page, store):
    signin.add_feeds(store, ["https://a.example/feed"])
    loaded(qtbot, page, 1)
    assert not page.sign_in_button.isEnabled() and page.remove_button.isEnabled()
    assert page.sign_in_again() is None


def test_sync_now_uses_the_windows_sync(qtbot, store):
    signin.add_feeds(store, ["http://127.0.0.1:9/feed"])  # refused at once: a quick failure
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    window.show_section("accounts")
    page = window.pages["accounts"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    qtbot.mouseClick(page.sync_button, LEFT)
    assert window.syncing
    qtbot.waitUntil(lambda: not window.syncing, timeout=20000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.syncing
    qtbot.waitUntil(lambda: not window.syncing, timeout=20000)
    qtbot.waitUntil(lambda: row(page)[3] != "never" or row(page)[2] != "OK", timeout=5000)
    window.tasks.wait()


def test_the_welcome_choices_open_the_dialogs(qtbot, page):
    for key, kind in (("mastodon", MastodonDialog), ("bluesky", BlueskyDialog)):
        page.connect_network(key)
        assert isinstance(page.dialog, kind) and page.dialog.isVisible()
    page.connect_network("feeds")
    assert isinstance(page.dialog, FeedsDialog)


# --- the model -----------------------------------------------------------------------------

NOW = datetime(2026, 5, 14, 12, 0, tzinfo=UTC)


def view(id_, network, state="ok", **kw) -> AccountView:
    values = dict(
        server_url="https://social.example",
        handle=f"@me{id_}@social.example",
        display_name="",
        retry_at=None,
        last_sync_at=None,
        last_error="",
        feeds=0,
    )
    values.update(kw)
    return AccountView(id_, network, state=state, **values)


def test_the_accounts_model(qtmodeltester):
    model = AccountsModel(now=lambda: NOW)
    qtmodeltester.check(model)
    retry = NOW + timedelta(minutes=40)
    model.set_accounts(
        [
            view(1, "mastodon", last_sync_at=NOW - timedelta(minutes=5)),
            view(2, "mastodon", "needs_signin", last_error="revoked\nsecond line"),
            view(3, "bluesky", "rate_limited", retry_at=retry),
            view(4, "feed", handle="Feeds", feeds=3, last_sync_at=NOW - timedelta(days=3)),
            view(5, "blog", "error", display_name="blog.example", last_error="unreachable"),
            view(6, "manual", handle="Manual entries"),
        ]
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 5  # manual entries are not an account to manage
    assert [model.index(r, AccountsModel.STATE).data() for r in range(5)] == [
        "OK",
        "Needs sign-in",
        f"Rate limited until {retry.astimezone().strftime('%H:%M')}",
        "OK",
        "Error",
    ]
    assert [model.index(r, AccountsModel.LAST_SYNC).data() for r in (0, 1, 3)] == [
        "5 min ago",
        "never",
        "3 days ago",
    ]
    assert model.index(1, AccountsModel.LAST_ERROR).data() == "revoked second line"
    assert (
        model.index(1, AccountsModel.LAST_ERROR).data(Qt.ItemDataRole.ToolTipRole)
        == "revoked\nsecond line"
    )
    assert model.index(3, AccountsModel.ACCOUNT).data() == "3 feeds"
    assert model.index(2, 0).data(AccountsModel.AccountIdRole) == 3
    assert model.index(1, 0).data(AccountsModel.StateRole) == "needs_signin"
    assert model.row_of(5) == 4 and model.row_of(99) == -1
