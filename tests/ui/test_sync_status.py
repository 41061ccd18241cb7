"""The status bar during a wide sync: sources done of how many, then what came of it."""

from desktop.queries.accounts import add_feed


def test_the_status_bar_counts_feeds_while_syncing_then_says_which_wait(
    qtbot, store, window, feed_hosts
):
    quick, limited = feed_hosts(2)
    urls = [quick.feed(f"q{n}") for n in range(3)]
    urls.append(quick.feed("last", delay=1.5))  # keeps the count at 4 of 5 for a while
    urls.append(limited.feed("busy", statuses=[(429, {"Retry-After": "3600"})]))
    with store.session() as s:
        for url in urls:
            add_feed(s, url, account=None)

    window.sync_now()

    qtbot.waitUntil(lambda: window.sync_status.text() == "Syncing 4 of 5 feeds…", timeout=10000)
    assert window.syncing
    qtbot.waitUntil(lambda: not window.syncing, timeout=15000)
    assert window.sync_status.text() == "Synced: 0 new; 1 feed waits for its server"
    assert "asked to slow down" in window.sync_status.toolTip()


def test_an_account_synced_on_another_computer_is_said_so(qtbot):
    from desktop.sync.engine import SyncReport
    from desktop.ui.widgets.sync_status import SyncStatus

    label = SyncStatus()
    qtbot.addWidget(label)
    mine = SyncReport(1, "@me@social.example (mastodon)", new=3)
    theirs = SyncReport(2, "@brand@social.example (mastodon)")
    theirs.elsewhere = (
        "@brand@social.example (mastodon) is being synced on another computer; skipped"
    )
    label.started()
    label.finished([mine, theirs])
    assert label.text() == "Synced: 3 new; 1 account is being synced on another computer"
    assert label.toolTip() == theirs.elsewhere
