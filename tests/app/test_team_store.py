"""Moving a store to a team's PostgreSQL and back (`reciprocity store copy`), and pointing a
data dir at a shared store (`reciprocity store use`): the same people, ledger and pending
list on the other side, all or nothing, no password on disk."""

import json

import pytest
from sqlalchemy import func, select, text

from desktop.app import team_store
from desktop.app.services import Services
from desktop.app.stores import open_store
from desktop.cli.main import main
from desktop.platform import paths
from desktop.store.copy import copy_store
from desktop.store.models import Identity, Interaction, Person
from desktop.store.transfer import TransferError


@pytest.fixture
def demo(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'here' / 'reciprocity.db'}")
    Services(store).fill_demo(people=30, seed=3)
    yield store
    store.close()


def searches(store) -> list[str]:
    """Words the demo's archive search finds: a person's name, a post's word, both."""
    with store.read() as s:
        name = s.scalar(select(Person.display_name).order_by(Person.id)).split()[0]
        text = s.scalar(select(Interaction.post_text).where(Interaction.post_text != ""))
    word = max(text.split(), key=len).strip(".,;:!?¡¿“”\"'()")
    return [name, word, f"{name} {word}"]


def snapshot(store, words: list[str] | None = None) -> dict:
    services = Services(store)
    found = [services.search_interactions(w, limit=40).as_json() for w in words or []]
    with store.read() as s:
        counts = {
            model.__tablename__: s.scalar(select(func.count()).select_from(model))
            for model in (Person, Identity, Interaction)
        }
    return {
        "search": found,
        "counts": counts,
        "pending": [(p.person_id, p.name, p.priority, p.counts) for p in services.pending()],
        "ledger": [
            (x.person_id, x.inbound, x.outbound, x.last_thanked)
            for x in services.people(limit=None)
        ],
    }


def test_a_copy_to_postgresql_has_the_same_people_ledger_and_pending_list(demo, postgres_url):
    target = open_store(postgres_url)
    counts = copy_store(demo, target)
    assert counts["interactions"] > 300 and counts["persons"] == 30
    assert snapshot(target) == snapshot(demo)
    # Vacuumed and analysed (by the copy, not autovacuum): index-only scans and the
    # planner work from the first query.
    with target.read() as s:
        vacuumed, analysed = s.execute(
            text(
                "SELECT last_vacuum, last_analyze FROM pg_stat_user_tables"
                " WHERE relname = 'interactions'"
            )
        ).one()
    assert vacuumed is not None and analysed is not None
    # Ids were written as they were: the next ones come after them (sequences moved on).
    with target.session() as s:
        person = Person(display_name="Nueva")
        s.add(person)
        s.flush()
        assert person.id == 31
    target.close()


def test_and_back_into_a_new_sqlite_store(demo, postgres_url, tmp_path):
    shared = open_store(postgres_url)
    copy_store(demo, shared)
    back = open_store(f"sqlite:///{tmp_path / 'back' / 'reciprocity.db'}")
    copy_store(shared, back)
    words = searches(demo)
    there = snapshot(shared, words)
    assert snapshot(back, words) == there == snapshot(demo, words)
    assert all(page["results"] for page in there["search"][:2]), words
    shared.close()
    back.close()


def test_a_person_merged_into_a_later_one_is_copied(tmp_path, postgres_url):
    source = open_store(f"sqlite:///{tmp_path / 'm' / 'reciprocity.db'}")
    with source.session() as s:
        first, second = Person(display_name="Ana"), Person(display_name="Ana M.")
        s.add_all([first, second])
        s.flush()
        first.merged_into_id = second.id  # points at a row written after it
    target = open_store(postgres_url)
    copy_store(source, target)
    with target.read() as s:
        merged = {p.display_name: p.merged_into_id for p in s.scalars(select(Person))}
    assert merged == {"Ana": 2, "Ana M.": None}
    source.close()
    target.close()


def test_a_store_with_anything_in_it_is_refused_and_left_as_it_was(demo, postgres_url):
    target = open_store(postgres_url)
    with target.session() as s:
        s.add(Person(display_name="Already here"))
    with pytest.raises(TransferError, match="is not empty"):
        copy_store(demo, target)
    with target.read() as s:
        assert [p.display_name for p in s.scalars(select(Person))] == ["Already here"]
    target.close()


def test_a_copy_that_fails_halfway_leaves_the_target_empty(demo, postgres_url):
    target = open_store(postgres_url)

    def told(table: str, rows: int) -> None:
        if table == "interactions":
            raise OSError("the network went away")

    with pytest.raises(OSError, match="went away"):
        copy_store(demo, target, told=told)
    with target.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0  # all or nothing
    target.close()


def test_the_cli_copies_and_says_how_many_rows_of_each_kind(tmp_path, postgres_url, capsys):
    here = tmp_path / "data"
    assert main(["--data-dir", str(here), "demo", "--people", "12"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(here), "store", "copy", "--to", postgres_url]) == 0
    out = capsys.readouterr().out
    assert "Copied" in out and "  persons: 12" in out and "  interactions: " in out
    # Into itself, or a second time into what is now full: a clear line, exit 1 or 2.
    assert main(["--data-dir", str(here), "store", "copy", "--to", postgres_url]) == 1
    assert "is not empty" in capsys.readouterr().err
    back = tmp_path / "back"
    assert main(["--data-dir", str(back), "store", "copy", "--from", postgres_url]) == 0
    assert "  persons: 12" in capsys.readouterr().out


def test_a_demo_store_round_trips_with_the_same_people_pending_and_search_json(
    tmp_path, postgres_url, capsys
):
    def json_of(data_dir, *command) -> str:
        capsys.readouterr()
        assert main(["--data-dir", str(data_dir), *command]) == 0
        return capsys.readouterr().out

    here, member, back = tmp_path / "here", tmp_path / "member", tmp_path / "back"
    assert main(["--data-dir", str(here), "demo", "--people", "25"]) == 0
    local = open_store(f"sqlite:///{here / 'reciprocity.db'}")
    words = searches(local)
    local.close()
    assert main(["--data-dir", str(here), "store", "copy", "--to", postgres_url]) == 0
    assert main(["--data-dir", str(member), "store", "use", postgres_url]) == 0
    assert main(["--data-dir", str(back), "store", "copy", "--from", postgres_url]) == 0
    views = [
        [
            json_of(where, "people", "--json", "--limit", "1000"),
            json_of(where, "pending", "--json"),
            *(json_of(where, "search", word, "--json", "--limit", "100") for word in words),
        ]
        for where in (here, member, back)
    ]
    assert views[0] == views[1] == views[2]  # SQLite, PostgreSQL, SQLite again: the same
    people, pending, *found = views[0]
    assert len(json.loads(people)) == 25 and json.loads(pending)
    assert all(json.loads(page)["results"] for page in found[:2]), words


def test_store_use_keeps_the_password_in_the_keyring_not_on_disk(tmp_path, postgres_url, capsys):
    here = tmp_path / "member"
    with_password = postgres_url.replace("postgres@", "postgres:s3cret@")
    assert main(["--data-dir", str(here), "store", "use", with_password]) == 0
    assert "shared store" in capsys.readouterr().out
    kept = (here / paths.STORE_URL_FILE).read_text(encoding="utf-8")
    assert "s3cret" not in kept and kept.strip() == postgres_url
    assert paths.database_url(here, explicit_dir=True) == postgres_url
    from desktop.platform.secrets import SecretStore

    secrets = SecretStore()
    assert secrets.get(team_store.secret_key(postgres_url), "password") == "s3cret"
    assert team_store.with_password(postgres_url, secrets) == with_password
    # The data dir now reads and writes the shared store.
    assert main(["--data-dir", str(here), "demo", "--people", "5"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(here), "store", "show", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"url": postgres_url, "shared": True}
    shared = open_store(postgres_url)
    with shared.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 5
    shared.close()
    assert main(["--data-dir", str(here), "store", "use", "local"]) == 0
    assert not (here / paths.STORE_URL_FILE).exists()


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://ana@server/team", "only PostgreSQL and SQLite"),
    ],
)
def test_a_url_that_cannot_be_used_changes_nothing(tmp_path, capsys, url, said):
    here = tmp_path / "member"
    assert main(["--data-dir", str(here), "store", "use", url]) == 2
    assert said in capsys.readouterr().err
    assert not (here / paths.STORE_URL_FILE).exists()


def test_an_unreachable_server_changes_nothing(tmp_path, capsys):
    here = tmp_path / "member"
    url = "postgresql://ana@127.0.0.1:9/team?connect_timeout=2"  # nothing listens on port 9
    assert main(["--data-dir", str(here), "store", "use", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reciprocity: cannot reach the store postgresql+psycopg://ana@")
    assert "Connection refused" in err and err.count("\n") == 1
    assert not (here / paths.STORE_URL_FILE).exists()
