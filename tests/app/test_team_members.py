"""On a shared store each acknowledgement says which member made it ("thanked by Ana"), and
each account on whose computer its token lives; on a store of one, neither is recorded."""

import json
import threading

from factories import ANA, add, ev
from sqlalchemy import select

from desktop.app.services import Services
from desktop.app.stores import open_store
from desktop.cli.main import main
from desktop.queries import accounts as acc
from desktop.store.models import Acknowledgement


def test_a_thank_you_on_a_shared_store_names_the_member(postgres_url):
    store = open_store(postgres_url)
    add(store, ev(ANA, "share"))
    ana = Services(store, member="Ana")
    (person,) = ana.pending()
    ana.acknowledge(person.person_id, "thanked", how="offline")
    with store.read() as s:
        assert [a.member for a in s.scalars(select(Acknowledgement))] == ["Ana"]
    ledger = ana.person(person.person_id)
    assert ledger.acknowledgements[-1]["member"] == "Ana"
    store.close()


def test_a_store_of_one_records_no_member(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'one' / 'reciprocity.db'}")
    add(store, ev(ANA, "share"))
    me = Services(store, member="Ana")
    (person,) = me.pending()
    me.acknowledge(person.person_id, "thanked", how="offline")
    with store.read() as s:
        assert [a.member for a in s.scalars(select(Acknowledgement))] == [""]
    store.close()


def test_an_account_added_on_a_shared_store_says_whose_computer_has_its_token(postgres_url):
    store = open_store(postgres_url)
    store.member = "Ana"
    with store.session() as s:
        acc.upsert_account(s, "mastodon", "https://social.example", "brand")
    with store.read() as s:
        (view,) = acc.list_accounts(s)
    assert view.connected_by == "Ana"
    assert view.as_json()["connected_by"] == "Ana"
    store.close()


def test_the_cli_member_name_reaches_the_ledger(tmp_path, postgres_url, capsys):
    here = tmp_path / "ana"
    assert main(["--data-dir", str(here), "store", "use", postgres_url, "--as", "Ana  Ruiz"]) == 0
    store = open_store(postgres_url)
    add(store, ev(ANA, "share"))
    store.close()
    capsys.readouterr()
    assert main(["--data-dir", str(here), "pending", "--json"]) == 0
    (person,) = json.loads(capsys.readouterr().out)
    assert main(["--data-dir", str(here), "thank", str(person["person_id"])]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(here), "person", str(person["person_id"])]) == 0
    assert "by Ana Ruiz" in capsys.readouterr().out  # blanks folded: one name


def test_an_account_on_another_members_computer_is_synced_there_not_marked_here(postgres_url):
    from keyrings.alt.file import PlaintextKeyring

    from desktop.core.vocabulary import AccountState
    from desktop.platform.secrets import SecretStore
    from desktop.sync.runner import sync_accounts

    ana, ben = open_store(postgres_url), open_store(postgres_url)
    ana.member, ben.member = "Ana", "Ben"
    with ana.session() as s:
        acc.upsert_account(s, "mastodon", "https://social.example", "brand")
    keyring = SecretStore(PlaintextKeyring(), explicit=True)  # Ben's: no token for it
    (report,) = sync_accounts(ben, lambda: keyring)
    assert report.elsewhere.endswith("is connected on Ana's computer; it syncs there")
    assert not report.error
    with ben.read() as s:
        (view,) = acc.list_accounts(s)
    assert view.state == AccountState.OK  # not "needs sign-in" for Ana because of Ben
    (own,) = sync_accounts(ana, lambda: keyring)  # Ana's own app without its token: ask
    assert own.state == AccountState.NEEDS_SIGNIN and not own.elsewhere
    ana.close()
    ben.close()


def test_two_members_adding_the_same_account_at_once_get_one_account(postgres_url):
    # Ana's app has inserted the account, not committed yet; Ben's insert waits on the
    # unique index, then finds her row: one account, connected on Ben's computer last.
    ana, ben = open_store(postgres_url), open_store(postgres_url)
    ana.member, ben.member = "Ana", "Ben"
    inserted, commit = threading.Event(), threading.Event()
    ids: dict[str, int] = {}

    def ana_adds() -> None:
        with ana.session() as s:
            ids["ana"] = acc.upsert_account(s, "mastodon", "https://social.example", "brand").id
            inserted.set()
            commit.wait(10)

    first = threading.Thread(target=ana_adds)
    first.start()
    assert inserted.wait(10)
    threading.Timer(0.5, commit.set).start()  # while Ben waits on her row
    with ben.session() as s:
        ids["ben"] = acc.upsert_account(s, "mastodon", "https://social.example", "brand").id
    first.join(10)
    with ben.read() as s:
        (view,) = acc.list_accounts(s)
    assert ids["ana"] == ids["ben"] == view.id
    assert view.connected_by == "Ben"
    ana.close()
    ben.close()
