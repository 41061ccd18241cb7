"""Accounts: on a shared store, an account another member connected says whose computer
keeps its token (each member's tokens stay in their own keyring)."""

from datetime import UTC, datetime

from desktop.core.vocabulary import AccountState
from desktop.queries.accounts import AccountView
from desktop.ui.pages.accounts.details import AccountDetails


def view(connected_by: str) -> AccountView:
    return AccountView(
        1,
        "mastodon",
        "https://social.example",
        "brand",
        "Brand",
        AccountState.OK,
        None,
        datetime(2026, 12, 4, 9, 0, tzinfo=UTC),
        "",
        0,
        connected_by,
    )


def test_another_members_account_says_whose_computer(qtbot):
    details = AccountDetails()
    qtbot.addWidget(details)
    now = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    details.show_account(view("Ana"), now, me="Ben")
    assert "Connected on Ana's computer: its token is kept there." in details.status.text()
    details.show_account(view("Ana"), now, me="Ana")
    assert "Connected on" not in details.status.text()
    details.show_account(view(""), now, me="Ben")  # a store of one
    assert "Connected on" not in details.status.text()
