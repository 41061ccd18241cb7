"""Team mode: several members' `reciprocity sync` processes on one PostgreSQL database,
against Mastodon-shaped servers on loopback. Each event is stored exactly once however the
syncs overlap; an account another member is syncing is skipped, saying so; a member killed
mid-sync leaves whole pages and frees the account; a server that goes away mid-sync ends
that sync with a clear error, and the next one completes."""

from __future__ import annotations

import copy
import json
import os
import signal

import pytest
from connectors.mastodon_server import FakeMastodon, body, notification
from postgres_server import PostgresServer, Unavailable
from pytest_httpserver import HTTPServer
from team import Gate, Member, finish, scalar, sync_lock_held, wait_for

pytestmark = pytest.mark.postgresql_only("several members' apps syncing one database")

TOKEN = "team-token-5b1e"
PAGE = 2  # notifications per page: six make three pages


def person(base: str, id_: str, username: str, name: str) -> dict:
    account = copy.deepcopy(body("notifications_v1_mention.json", base)[0]["account"])
    account.update(
        id=id_,
        username=username,
        acct=username,
        display_name=name,
        url=f"{base}/@{username}",
        uri=f"{base}/users/{username}",
    )
    return account


def my_status(base: str, id_: str) -> dict:
    status = body("status_with_card.json", base)  # written by the test account: me
    status.update(id=id_, url=f"{base}/@mastodonpy_test/{id_}", content="<p>Give first</p>")
    return status


@pytest.fixture
def instances():
    """`instances(6)`: a Mastodon-shaped server (threaded: one member's request may be held
    while others are answered) whose notifications are `count` events by four people."""
    made: list[tuple[HTTPServer, FakeMastodon]] = []

    def make(count: int) -> FakeMastodon:
        server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
        server.start()
        fake = FakeMastodon(server, max_limit=PAGE)
        base = fake.base
        people = [
            person(base, f"20{n}", name.lower(), name) for n, name in enumerate(NAMES, start=1)
        ]
        fake.notifications.add(
            [like(fake, 100 + n, people[n % len(people)], KINDS[n % 3]) for n in range(count)]
        )
        made.append((server, fake))
        return fake

    yield make
    for server, fake in made:
        gate = fake.notifications.before_answer
        if isinstance(gate, Gate):
            gate.open()  # a held request ends before its server does
        server.clear()
        server.stop()


NAMES = ("Ana", "Ben", "Clara", "Dan")
KINDS = ("reblog", "favourite", "follow")


def like(fake: FakeMastodon, id_: int, account: dict, kind: str = "favourite") -> dict:
    """A notification of `kind` (a favourite unless told) from `account`."""
    status = None if kind == "follow" else my_status(fake.base, str(800 + id_))
    return notification(fake.base, str(id_), kind, status=status, account=account)


def connect(fake: FakeMastodon, *members: Member) -> None:
    """The members add the account, at once: the shared row, each token in its member's
    keyring."""
    adding = [
        member.start(
            "accounts", "add", "mastodon", "--instance", fake.base, "--token-stdin", stdin=TOKEN
        )
        for member in members
    ]
    for process in adding:
        done = finish(process)
        assert done.code == 0, done


def account_id(url: str, fake: FakeMastodon) -> int:
    found = scalar(url, "SELECT id FROM accounts WHERE server_url = %s", fake.base)
    assert isinstance(found, int), f"no account for {fake.base}"
    return found


def stored(url: str, account: int) -> int:
    """Interactions of the account; each external id at most once (the unique constraint)."""
    return int(scalar(url, "SELECT count(*) FROM interactions WHERE account_id = %s", account))


def totals_agree(url: str) -> bool:
    """Every person's kept totals are what their interactions add up to: no page was half
    counted."""
    return not scalar(
        url,
        """
        SELECT count(*) FROM person_stats s FULL JOIN (
            SELECT i.person_id, count(*) AS n FROM interactions x
            JOIN identities i ON i.id = x.identity_id GROUP BY i.person_id
        ) t ON t.person_id = s.person_id
        WHERE coalesce(s.inbound + s.outbound, -1) != coalesce(t.n, -1)
        """,
    )


def report_of(done) -> dict:
    assert done.code == 0, done
    assert "Traceback" not in done.err, done.err
    [report] = json.loads(done.out)
    return report


def test_three_members_syncing_one_account_at_once_store_each_event_once(
    postgres_url, tmp_path, instances
):
    fake = instances(6)
    ana, ben, clara = (Member(tmp_path, n, postgres_url) for n in ("ana", "ben", "clara"))
    connect(fake, ana)  # the first adds the account's row; the others find it
    connect(fake, ben, clara)
    gate = fake.notifications.before_answer = Gate(2)  # Ana's sync waits for its 2nd page

    first = ana.start("sync", "--json")
    wait_for(gate.reached.is_set, "Ana's sync asking for its second page")
    skipped = [finish(ben.start("sync", "--json")), finish(clara.start("sync"))]
    gate.open()
    done = report_of(finish(first))

    assert (done["ok"], done["new"], done["synced_elsewhere"]) == (True, 6, False)
    account = account_id(postgres_url, fake)
    [ben_report] = json.loads(skipped[0].out)
    assert (ben_report["ok"], ben_report["new"], ben_report["synced_elsewhere"]) == (True, 0, True)
    said = "is being synced on another computer; skipped"
    assert said in skipped[0].err  # on stderr as it happens, as the progress is
    assert skipped[1].code == 0 and said in skipped[1].out, skipped[1]  # and in the summary
    assert all("Traceback" not in s.err for s in skipped)
    assert stored(postgres_url, account) == 6
    assert scalar(postgres_url, "SELECT count(*) FROM identities") == 4
    assert scalar(postgres_url, "SELECT count(*) FROM persons") == 4
    assert totals_agree(postgres_url)

    fake.notifications.add([like(fake, 120, person(fake.base, "201", "ana", "Ana"))])
    again = [report_of(m.run("sync", "--json")) for m in (ben, ana)]
    assert [r["new"] for r in again] == [1, 0]  # whoever syncs first stores it, once
    assert stored(postgres_url, account) == 7
    assert not sync_lock_held(postgres_url, account)


def test_a_member_killed_mid_sync_leaves_whole_pages_and_frees_the_account(
    postgres_url, tmp_path, instances
):
    shared, other = instances(6), instances(4)
    ana, ben = Member(tmp_path, "ana", postgres_url), Member(tmp_path, "ben", postgres_url)
    connect(shared, ana)
    connect(shared, ben)
    connect(other, ben)
    account = account_id(postgres_url, shared)
    gate = shared.notifications.before_answer = Gate(2)

    doomed = ana.start("sync")
    wait_for(gate.reached.is_set, "Ana's sync asking for its second page")
    wait_for(lambda: stored(postgres_url, account) == PAGE, "Ana's first page committed")
    meanwhile = report_of_all(ben.run("sync", "--json"))  # Ben, while Ana's sync is stuck
    assert [(r["new"], r["synced_elsewhere"]) for r in meanwhile] == [(0, True), (4, False)]

    doomed.send_signal(signal.SIGKILL)
    finish(doomed)
    gate.open()
    wait_for(lambda: not sync_lock_held(postgres_url, account), "the server freeing the lock")
    assert stored(postgres_url, account) == PAGE  # the first page, whole; nothing of the second
    assert totals_agree(postgres_url)

    after = report_of_all(ben.run("sync", "--json"))
    assert [(r["ok"], r["new"], r["known"]) for r in after] == [(True, 4, 2), (True, 0, 0)]
    assert stored(postgres_url, account) == 6
    assert stored(postgres_url, account_id(postgres_url, other)) == 4
    assert totals_agree(postgres_url)


def report_of_all(done) -> list[dict]:
    assert done.code == 0, done
    assert "Traceback" not in done.err, done.err
    return json.loads(done.out)


@pytest.fixture(scope="module")
def own_server():
    """A PostgreSQL server of this module's own, to stop and start without disturbing the
    session's."""
    if os.environ.get("RECIPROCITY_TEST_POSTGRES_URL"):
        pytest.skip("stopping the server needs one these tests started, not an external one")
    server = PostgresServer()
    try:
        server.start()
    except Unavailable as exc:
        server.stop()
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    yield server
    server.stop()


def held_after_first_page(member: Member, fake: FakeMastodon, url: str):
    gate = fake.notifications.before_answer = Gate(2)
    process = member.start("sync")
    wait_for(gate.reached.is_set, "the sync asking for its second page")
    wait_for(lambda: stored(url, account_id(url, fake)) == PAGE, "its first page committed")
    return process, gate


def test_the_server_going_away_mid_sync_fails_it_cleanly_and_the_next_completes(
    own_server, tmp_path, instances
):
    url = own_server.create_database()
    fake = instances(6)
    ana = Member(tmp_path, "ana", url)
    connect(fake, ana)
    process, gate = held_after_first_page(ana, fake, url)

    own_server.halt()
    try:
        gate.open()  # the second page arrives: there is no store to write it to
        done = finish(process)
    finally:
        own_server.resume()
    assert done.code == 1, done
    assert "Traceback" not in done.err, done.err
    assert "FAILED: the store could not be used (" in done.out
    assert "what was saved stays, the rest comes next time" in done.out

    again = report_of(ana.run("sync", "--json"))
    assert (again["ok"], again["new"], again["known"]) == (True, 4, 2)
    assert stored(url, account_id(url, fake)) == 6
    assert totals_agree(url)


def test_the_server_restarting_while_a_sync_waits_on_the_network_is_carried_through(
    own_server, tmp_path, instances
):
    url = own_server.create_database()
    fake = instances(6)
    ana = Member(tmp_path, "ana", url)
    connect(fake, ana)
    process, gate = held_after_first_page(ana, fake, url)

    own_server.restart()  # every connection of the sync is cut
    gate.open()
    done = finish(process)
    assert done.code == 0, done  # its pool reconnects: the rest is written
    assert "Traceback" not in done.err, done.err
    assert stored(url, account_id(url, fake)) == 6
    assert totals_agree(url)
    assert report_of(ana.run("sync", "--json"))["new"] == 0
