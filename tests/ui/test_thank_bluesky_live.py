"""Thank someone on Bluesky from the Thank page, against the real local network (reference
PDS and AppView on loopback, started by .ci/run); skipped, saying why, without it."""

import uuid

import pytest
import requests
from connectors.test_bluesky_live import find_network
from PySide6.QtCore import Qt

from desktop.app.services import Services
from desktop.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def network():
    state, why = find_network()
    if state is None:
        pytest.skip(why)
    return state


def test_write_and_send_a_thank_you_on_bluesky(qtbot, store, network):
    alice, bob = network["accounts"]["alice"], network["accounts"]["bob"]
    services = Services(store)
    services.bluesky_sign_in(alice["handle"], alice["password"], network["pds_url"])
    reports = services.sync_all()
    assert all(r.ok for r in reports), [r.error for r in reports]

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    page = window.pages["thank"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=15000)
    row = next(
        r
        for r in range(page.proxy.rowCount())
        if bob["handle"] in page.proxy.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
    )
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.panel.name.text() != "", timeout=15000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: f"@{bob['handle']}" in page.panel.editor.toPlainText(), timeout=15000)
    text = f"Thank you so much, @{bob['handle']}! ({uuid.uuid4().hex[:8]})"
    page.panel.editor.setPlainText(text)
    qtbot.keyClick(page.panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: all(
            bob["handle"] not in (page.proxy.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) or "")
            for r in range(page.proxy.rowCount())
        ),
        timeout=15000,
    )
    records = requests.get(
        f"{network['pds_url']}/xrpc/com.atproto.repo.listRecords",
        params={"repo": alice["did"], "collection": "app.bsky.feed.post", "limit": 50},
        timeout=10,
    ).json()["records"]
    sent = [r["value"] for r in records if r["value"]["text"] == text]
    assert len(sent) == 1 and sent[0].get("reply")
    window.tasks.wait()
