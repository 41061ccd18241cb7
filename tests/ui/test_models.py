"""Every item model and proxy the window shows passes Qt's model tester, with real rows
read through Services (and filtered, for the proxies)."""

from datetime import UTC, datetime

from factories import ANA, BEN, CLARA, DAN, POST1, add, add_links, ev, link
from PySide6.QtCore import QSortFilterProxyModel, Qt

from desktop.app.services import Services
from desktop.core.groups import shared_post_groups
from desktop.queries.accounts import upsert_account
from desktop.ui.models.accounts import AccountsModel
from desktop.ui.models.candidates import CandidateFilter, CandidatesModel
from desktop.ui.models.pending import PendingModel
from desktop.ui.models.post_group import PostGroupModel


def test_candidates_model_and_its_filter_are_valid_qt_models(qtmodeltester, store):
    at = datetime.now(UTC)
    add_links(
        store,
        link("https://a.example/plain", title="Gardening tips", hours_ago=1, now=at),
        link("https://c.example/tools", sharer=ANA, title="Tools we love", hours_ago=2, now=at),
        link("https://c.example/tools", sharer=BEN, hours_ago=3, now=at),
    )
    model = CandidatesModel()
    qtmodeltester.check(model)  # empty
    model.set_candidates(Services(store).candidates())
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    proxy = CandidateFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_text("tools")
    assert proxy.rowCount() == 1
    qtmodeltester.check(proxy)
    proxy.set_text("nothing like this")
    assert proxy.rowCount() == 0
    qtmodeltester.check(proxy)


def test_accounts_model_is_valid_over_stored_accounts(qtmodeltester, store):
    with store.session() as s:
        upsert_account(s, "mastodon", "https://social.example", "@me@social.example")
        upsert_account(s, "bluesky", "https://pds.example", "me.test")
    model = AccountsModel()
    model.set_accounts(Services(store).accounts())
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)


def test_the_thank_pages_filters_are_valid_qt_models(qtmodeltester, store):
    """The page filters both lists as the search box is typed in (fixed-string filters)."""
    add(
        store,
        ev(ANA, "share", post=POST1),
        ev(BEN, "share", post=POST1),
        ev(CLARA, "reply", hours_ago=2),
        ev(DAN, "mention", hours_ago=3),
    )
    entries = Services(store).pending()
    people, groups = PendingModel(), PostGroupModel()
    people.set_entries(entries)
    groups.set_groups(shared_post_groups(entries))
    assert people.rowCount() == 4 and groups.rowCount() == 1
    for model, role in ((people, None), (groups, Qt.ItemDataRole.ToolTipRole)):
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setFilterKeyColumn(-1)
        if role is not None:
            proxy.setFilterRole(role)
        for text in ("", "ana", "no such person"):
            proxy.setFilterFixedString(text)
            qtmodeltester.check(proxy)
        proxy.setFilterFixedString("ben")
        assert proxy.rowCount() == 1
