"""Accounts → Add YouTube…: a channel and an API key, checked against a fake Data API on
loopback; the account appears, the key is in the keyring; a refused key says what to do."""

import pytest
from connectors.youtube_server import KEY, FakeYouTube

from desktop.app.services import Services
from desktop.platform.secrets import SecretStore, account_key
from desktop.ui.main_window import MainWindow


@pytest.fixture
def yt(httpserver, monkeypatch) -> FakeYouTube:
    fake = FakeYouTube(httpserver)
    monkeypatch.setattr("desktop.connectors.youtube.DEFAULT_API", fake.base)
    return fake


def accounts_page(qtbot, store):
    window = MainWindow(Services(store, secrets_factory=SecretStore))
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.show_section("accounts")
    return window, window.pages["accounts"]


def test_a_channel_and_a_key_add_youtube(qtbot, store, yt):
    window, page = accounts_page(qtbot, store)
    dialog = page.add_youtube()
    assert not dialog.primary.isEnabled()
    dialog.channel.setText("@mychannel")
    dialog.key.setText(KEY)
    with qtbot.waitSignal(dialog.finished_with, timeout=10000) as said:
        dialog.primary.click()
    assert said.args == ["Added YouTube: @mychannel."]
    assert SecretStore().get(account_key("youtube", yt.base, "@mychannel"), "api_key") == KEY
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    window.tasks.wait()


def test_a_mistyped_channel_is_said_at_once_and_a_refused_key_after_asking(qtbot, store, yt):
    window, page = accounts_page(qtbot, store)
    dialog = page.add_youtube()
    dialog.channel.setText("not a channel")
    dialog.key.setText(KEY)
    dialog.primary.click()
    assert "channel id" in dialog.message.text.text()  # before any request
    dialog.channel.setText("@mychannel")
    dialog.key.setText("AIzaSy-wrong")
    dialog.primary.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert "YouTube does not accept this API key" in dialog.message.text.text()
    assert page.model.rowCount() == 0
    window.tasks.wait()
