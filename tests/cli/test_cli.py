"""The `reciprocity` command line: behaviour on hand-made data, with exact expectations.

Everything runs in-process through `main(argv) -> exit code`; the data dir is the `store`
fixture's directory, so tests write data through the real ingest path and read it back
through the CLI's JSON (a stable contract).
"""

from __future__ import annotations

import json
import re
import stat
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from factories import ANA, ANA_BSKY, BEN, CLARA, DAN, POST1, POST2, add, add_links, ev, link
from sqlalchemy import func, select

from desktop.app.services import Services
from desktop.cli.main import main
from desktop.core.events import Actor
from desktop.queries.pending import pending as domain_pending
from desktop.store.database import open_store
from desktop.store.models import Identity, Person

# Events are placed relative to the real clock: the ledger's 30/90/365-day windows and the
# candidates' freshness are measured from now, so fixed dates would drift out of them.
RECENT = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)

MARIA = Actor(
    "mastodon", "201", "@maria@social.example", "María López", "https://social.example/@maria"
)
FRED = Actor(
    "mastodon", "202", "@fred@social.example", "Fred Olsen", "https://social.example/@fred"
)
GINA = Actor(
    "bluesky", "did:plc:gina", "gina.bsky.social", "Gina Rossi",
    "https://bsky.app/profile/gina.bsky.social",
)  # fmt: skip


def e(actor: Actor, kind: str, hours_ago: float = 1, **kw):
    return ev(actor, kind, hours_ago=hours_ago, now=RECENT, **kw)


def at(hours_ago: float) -> str:
    return (RECENT - timedelta(hours=hours_ago)).isoformat()


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)


@pytest.fixture
def data_dir(store) -> Path:
    assert store.path is not None
    return store.path.parent


@pytest.fixture
def cli(capsys, data_dir):
    """run(*args, data_dir=...) -> Result; data_dir=None leaves --data-dir out."""

    def run(*args, data_dir: Path | None = data_dir) -> Result:
        capsys.readouterr()
        argv = ["--data-dir", str(data_dir)] if data_dir is not None else []
        code = main(argv + [str(a) for a in args])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def ok(cli):
    """Run a command that must succeed quietly on stderr; JSON commands return the data."""

    def run(*args, **kw):
        result = cli(*args, **kw)
        assert (result.code, result.err) == (0, ""), result
        return result.json if "--json" in args else result.out

    return run


def pid(store, actor: Actor) -> int:
    with store.session() as s:
        return s.scalar(
            select(Identity.person_id).where(
                Identity.network == actor.network, Identity.stable_id == actor.stable_id
            )
        )


def ident(actor: Actor) -> dict[str, str]:
    return {"network": actor.network, "handle": actor.handle, "url": actor.profile_url}


def names(rows) -> list[str]:
    return [r["name"] for r in rows]


# --- pending -------------------------------------------------------------------------------


@pytest.fixture
def crowd(store):
    """Everyone from share to like-only, at known times."""
    add(
        store,
        e(ANA, "share", 5, post=POST1),
        e(ANA, "like", 2, post=POST2),
        e(BEN, "quote", 10),
        e(CLARA, "mention", 1, post=POST2),
        e(DAN, "reply", 3),
        e(DAN, "follow", 0.5),
        e(FRED, "follow", 4),
        e(GINA, "like", 0.1),
        e(MARIA, "like", 6, direction="outbound"),  # only outbound: never pending
    )
    return store


def test_pending_order_and_priorities(crowd, ok):
    rows = ok("pending", "--json")
    assert [(r["name"], r["priority"]) for r in rows] == [
        ("Ana García", 1),
        ("Ben Carter", 1),  # same priority, older
        ("Dan Ito", 2),  # the follow 0.5 h ago makes Dan more recent than Clara
        ("Clara Núñez", 2),
        ("Fred Olsen", 3),
    ]
    assert "Gina Rossi" not in names(rows)  # likes only
    assert "María López" not in names(rows)  # only I interacted


def test_pending_entry_is_exact(crowd, ok):
    ana, fred = ok("pending", "--json")[0], ok("pending", "--json")[4]
    assert ana == {
        "person_id": pid(crowd, ANA),
        "name": "Ana García",
        "identities": [ident(ANA)],
        "counts": {"share": 1, "like": 1},
        "posts": [
            {"url": POST2.url, "text": POST2.text, "occurred_at": at(2)},
            {"url": POST1.url, "text": POST1.text, "occurred_at": at(5)},
        ],
        "last_thanked": None,
        "priority": 1,
        "last_interaction_at": at(2),
    }
    assert list(ana["counts"]) == ["share", "like"]  # most important kind first
    assert fred["counts"] == {"follow": 1}
    assert fred["posts"] == []  # follows concern no post
    assert fred["last_interaction_at"] == at(4)


def test_thank_likes_setting_brings_likes_only_people_in(crowd, ok):
    assert ok("settings", "thank_likes", "true") == "thank_likes = true\n"
    rows = ok("pending", "--json")
    assert [(r["name"], r["priority"]) for r in rows] == [
        ("Ana García", 1),
        ("Ben Carter", 1),
        ("Dan Ito", 2),
        ("Clara Núñez", 2),
        ("Gina Rossi", 3),
        ("Fred Olsen", 3),
    ]
    assert rows[4]["counts"] == {"like": 1}
    ok("settings", "thank_likes", "false")
    assert "Gina Rossi" not in names(ok("pending", "--json"))


def test_pending_text_lists_people_in_order(crowd, ok):
    out = ok("pending")
    assert re.findall(r"^ *\d+\. (.+?) \[#\d+\]", out, flags=re.MULTILINE) == [
        "Ana García",
        "Ben Carter",
        "Dan Ito",
        "Clara Núñez",
        "Fred Olsen",
    ]
    assert f"Ana García [#{pid(crowd, ANA)}] — 1 share, 1 like" in out
    assert "@ana@social.example (mastodon)" in out
    assert POST1.url in out


def test_pending_when_nobody_waits(ok):
    assert ok("pending", "--json") == []
    assert ok("pending") == "Nobody is waiting for a thank-you. Nice.\n"


# --- acknowledgements ----------------------------------------------------------------------


def test_thank_removes_then_new_interaction_brings_back(crowd, ok):
    ana = pid(crowd, ANA)
    out = ok("thank", ana, "--how", "like", "--text", "¡Gracias!")
    assert out == "Marked Ana García as thanked (like).\n"
    assert "Ana García" not in names(ok("pending", "--json"))

    ledger = ok("person", ana, "--json")
    [ack] = ledger["acknowledgements"]
    assert ack | {"at": None} == {
        "action": "thanked",
        "how": "like",
        "text": "¡Gracias!",
        "at": None,
        "snoozed_until": None,
        "member": "",  # a store of one: no member
    }
    assert ledger["last_thanked"] == ack["at"]

    add(crowd, e(ANA, "mention", 0, post=POST2))
    [entry] = [r for r in ok("pending", "--json") if r["person_id"] == ana]
    assert entry["counts"] == {"mention": 1}  # only what came after the thank-you
    assert entry["priority"] == 2
    assert entry["last_thanked"] == ack["at"]


def test_thank_default_how_is_reply(crowd, ok):
    assert ok("thank", pid(crowd, BEN)) == "Marked Ben Carter as thanked (reply).\n"
    [ack] = ok("person", pid(crowd, BEN), "--json")["acknowledgements"]
    assert (ack["action"], ack["how"], ack["text"]) == ("thanked", "reply", "")


def test_dismiss_removes_from_pending(crowd, ok):
    ben = pid(crowd, BEN)
    assert ok("dismiss", ben) == "Dismissed what Ben Carter had pending.\n"
    assert "Ben Carter" not in names(ok("pending", "--json"))
    ledger = ok("person", ben, "--json")
    assert [a["action"] for a in ledger["acknowledgements"]] == ["dismissed"]
    assert ledger["last_thanked"] is None  # dismissing is not thanking


def test_snooze_hides_until_the_date(crowd, ok):
    ana = pid(crowd, ANA)
    until = date.today() + timedelta(days=7)
    assert ok("snooze", ana, "--until", until.isoformat()) == (
        f"Snoozed Ana García until {until.isoformat()}.\n"
    )
    assert names(ok("pending", "--json"))[:2] == ["Ben Carter", "Dan Ito"]
    [ack] = ok("person", ana, "--json")["acknowledgements"]
    assert (ack["action"], ack["snoozed_until"]) == ("snoozed", until.isoformat())

    with crowd.session() as s:  # on the day the snooze ends, Ana is back, counts intact
        back = {p.person_id: p for p in domain_pending(s, today=until)}
        assert back[ana].counts == {"share": 1, "like": 1}
        assert ana not in {p.person_id for p in domain_pending(s, today=until - timedelta(1))}

    ok("thank", ana)  # thanking a snoozed person answers what was snoozed too
    with crowd.session() as s:
        assert ana not in {p.person_id for p in domain_pending(s, today=until)}


# --- merge ---------------------------------------------------------------------------------


@pytest.fixture
def two_anas(store):
    add(store, e(ANA, "share", 5, post=POST1), e(ANA, "reply", 3, direction="outbound"))
    add(
        store,
        e(ANA_BSKY, "like", 2, post=POST2),
        e(ANA_BSKY, "mention", 1, post=POST2),
        e(ANA_BSKY, "like", 4, direction="outbound"),
        network="bluesky",
    )
    add(store, e(BEN, "reply", 8))
    return pid(store, ANA), pid(store, ANA_BSKY)


def test_merge_makes_one_person_whose_ledger_sums_both(store, ok, two_anas):
    ana, other = two_anas
    assert ok("person", ana, "--json")["ledger"]["all"] == {
        "inbound": {"share": 1},
        "outbound": {"reply": 1},
    }
    assert ok("person", other, "--json")["ledger"]["all"] == {
        "inbound": {"mention": 1, "like": 1},
        "outbound": {"like": 1},
    }

    assert ok("merge", ana, other) == f"Merged Ana García into Ana García [#{ana}].\n"

    merged = ok("person", ana, "--json")
    both = {"inbound": {"share": 1, "mention": 1, "like": 1}, "outbound": {"reply": 1, "like": 1}}
    assert merged["ledger"] == {"30": both, "90": both, "365": both, "all": both}
    assert list(merged["ledger"]["all"]["inbound"]) == ["share", "mention", "like"]
    assert merged["person_id"] == ana
    assert merged["identities"] == [ident(ANA), ident(ANA_BSKY)]
    assert merged["merged_ids"] == [other]
    assert merged["first_interaction_at"] == at(5)
    assert merged["last_interaction_at"] == at(1)

    assert ok("person", other, "--json") == merged  # the old id still resolves

    people = ok("people", "--json")
    assert [(p["name"], p["inbound"], p["outbound"]) for p in people] == [
        ("Ana García", 3, 2),
        ("Ben Carter", 1, 0),
    ]
    [entry] = [r for r in ok("pending", "--json") if r["name"] == "Ana García"]
    assert entry["person_id"] == ana
    assert entry["counts"] == {"share": 1, "mention": 1, "like": 1}
    assert ok("status", "--json")["people"] == 2

    assert ok("thank", other) == "Marked Ana García as thanked (reply).\n"  # by the old id
    assert names(ok("pending", "--json")) == ["Ben Carter"]
    assert ok("person", ana, "--json")["last_thanked"] is not None


def test_merge_text_output_of_person(store, ok, two_anas):
    ana, other = two_anas
    ok("merge", ana, other)
    out = ok("person", other)
    assert out.startswith(f"Ana García [#{ana}]\n")
    assert "  mastodon: @ana@social.example https://social.example/@ana\n" in out
    assert "  bluesky: ana.bsky.social https://bsky.app/profile/ana.bsky.social\n" in out
    assert "they → you: 1 share, 1 mention, 1 like; you → them: 1 reply, 1 like" in out


# --- people --------------------------------------------------------------------------------


@pytest.fixture
def directory(store):
    add(
        store,
        e(ANA, "share", 1),
        e(MARIA, "reply", 2),
        e(BEN, "like", 3),
        e(CLARA, "mention", 4),
    )
    add(store, e(ANA_BSKY, "like", 5), network="bluesky")
    return store


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("maria", ["María López"]),
        ("MARÍA", ["María López"]),
        ("lopez", ["María López"]),
        ("ana", ["Ana García", "Ana García"]),
        ("garcía", ["Ana García", "Ana García"]),
        ("nunez", ["Clara Núñez"]),
        ("ben@social", ["Ben Carter"]),
        ("aria", []),  # matches start at a word, not inside one
        ("%", []),
    ],
)
def test_people_search_folds_accents_and_case(directory, ok, search, expected):
    assert names(ok("people", "--json", "--search", search)) == expected


def test_people_json_rows_and_order(directory, ok):
    rows = ok("people", "--json")
    assert names(rows) == ["Ana García", "María López", "Ben Carter", "Clara Núñez", "Ana García"]
    assert rows[0] == {
        "person_id": pid(directory, ANA),
        "name": "Ana García",
        "identities": [ident(ANA)],
        "inbound": 1,
        "outbound": 0,
        "first_interaction_at": at(1),
        "last_interaction_at": at(1),
        "last_thanked": None,
    }
    assert names(ok("people", "--json", "--limit", "2")) == ["Ana García", "María López"]
    ids = {r["person_id"] for r in ok("people", "--json", "--search", "ana")}
    assert ids == {pid(directory, ANA), pid(directory, ANA_BSKY)}


def test_people_text(directory, ok):
    out = ok("people", "--search", "maria")
    assert out.startswith(f"#{pid(directory, MARIA):<6} María López")
    assert "@maria@social.example (mastodon)" in out
    assert ok("people", "--search", "nobody") == "No people match.\n"


def test_people_text_when_empty(ok):
    assert ok("people") == "No people yet.\n"
    assert ok("people", "--json") == []


# --- supporters, status --------------------------------------------------------------------


def test_supporters_are_those_who_have_not_heard_back(store, ok):
    add(
        store,
        e(ANA, "share", 2),
        e(ANA, "like", 3),
        e(BEN, "share", 2),
        e(BEN, "reply", 1, direction="outbound"),  # Ben heard from me
        e(CLARA, "quote", 2),
        e(DAN, "follow", 2),  # a follow alone is not support
        e(MARIA, "mention", 24 * 40),  # too long ago for the 30-day window
    )
    ok("thank", pid(store, CLARA))
    assert ok("supporters", "--json") == [
        {"person_id": pid(store, ANA), "name": "Ana García", "inbound": 2},
    ]
    assert names(ok("supporters", "--json", "--days", "60")) == ["Ana García", "María López"]
    assert "Ana García supported you 2 times and hasn't heard back" in ok("supporters")


def test_supporters_text_when_none(ok):
    assert ok("supporters") == "Everyone who supported you lately has heard from you.\n"


def test_status_counts(crowd, ok):
    add_links(crowd, link("https://blog.example/a", hours_ago=1, now=RECENT))
    assert ok("status", "--json") == {
        "pending_people": 5,
        "candidates": 1,
        "people": 7,
        "accounts": 1,
        "last_sync": None,
    }
    out = ok("status")
    assert "Pending people:  5\n" in out
    assert "Last sync:       never\n" in out


def test_status_counts_accounts_as_the_window_does(store, ok):
    """A removed account keeps its row (its history stays) and hand-logged interactions
    live under a "manual" bucket: neither is an account, in the window or the CLI."""
    add(store, e(ANA, "share", 2))  # synced from my Mastodon account
    ok("accounts", "add", "blog-comments", "https://blog.example/comments/feed")
    blog = next(a for a in ok("accounts", "list", "--json") if a["network"] == "blog")
    ok("accounts", "remove", blog["id"])
    ok("log", "Zoe Park", "--kind", "share", "--network", "linkedin")
    window = Services(store).counts()
    assert ok("status", "--json")["accounts"] == window["accounts"] == 1
    assert "Accounts:        1\n" in ok("status")


# --- candidates ----------------------------------------------------------------------------


@pytest.fixture
def links(store):
    add(store, e(ANA, "share", 2))  # Ana supports me
    add_links(
        store,
        link(
            "https://blog.example/post?utm_source=feed",
            sharer=BEN,
            title="Open networking",
            summary="Why sharing others' work builds trust",
            author=ANA,
            hours_ago=1,
            now=RECENT,
        ),
        link("https://blog.example/post", sharer=CLARA, hours_ago=2, now=RECENT),
        link("https://news.example/garden", title="Gardening", hours_ago=1, now=RECENT),
    )
    return store


def test_candidates_ranked_with_reasons(links, ok):
    rows = ok("candidates", "--json")
    assert [r["url"] for r in rows] == ["https://blog.example/post", "https://news.example/garden"]
    top = rows[0]
    assert set(top) == {
        "candidate_id",
        "url",
        "title",
        "summary",
        "author",
        "shared_by_count",
        "score",
        "why",
        "state",
    }
    assert (top["title"], top["author"], top["shared_by_count"], top["state"]) == (
        "Open networking",
        "Ana García",
        2,
        "new",
    )
    assert top["why"] == [
        "shared by 2 people in your network",
        "by Ana García, one of your supporters",
        "seen today",
    ]
    assert rows[1]["why"] == ["seen today"]
    assert top["score"] > rows[1]["score"] > 0


def test_interests_lift_a_candidate(links, ok):
    assert ok("interests", "set", "gardening", "gardening", " ") == "Interests: gardening\n"
    assert ok("interests") == "Interests: gardening\n"
    rows = ok("candidates", "--json")
    assert rows[1]["why"][0] == "matches your interests: gardening"
    assert ok("interests", "clear") == "Interests: none\n"
    assert ok("interests", "show") == "Interests: none\n"


def test_candidates_limit_and_state(links, ok):
    assert len(ok("candidates", "--json", "--limit", "1")) == 1
    assert ok("candidates", "--json", "--state", "shared") == []
    assert len(ok("candidates", "--json", "--state", "all")) == 2
    out = ok("candidates")
    assert "Open networking — Ana García" in out
    assert "why: shared by 2 people in your network;" in out


def test_candidates_text_when_none(ok):
    assert ok("candidates") == "Nothing to share yet: add feeds or sync an account.\n"


# --- settings ------------------------------------------------------------------------------


def test_settings_show_and_change(ok):
    shown = ok("settings")
    assert shown.startswith(
        "interests = []\nthank_likes = false\nsupporter_quiet_days = 30\ndefault_language = null\n"
    )
    assert "thank_cooldown_days = 14\n" in shown
    assert "checkin_state" not in shown and "checkin_history" not in shown
    assert ok("settings", "supporter_quiet_days", "7") == "supporter_quiet_days = 7\n"
    assert ok("settings", "default_language", '"es"') == 'default_language = "es"\n'
    assert ok("settings", "supporter_quiet_days") == "supporter_quiet_days = 7\n"


# --- export / import -----------------------------------------------------------------------


@pytest.fixture
def rich(store, ok, monkeypatch):
    """A store with something of everything, and a clock that stands still."""
    frozen = RECENT + timedelta(minutes=1)
    for module in ("desktop.queries.ledger", "desktop.queries.candidates"):
        monkeypatch.setattr(f"{module}.utcnow", lambda: frozen)
    add(
        store,
        e(ANA, "share", 30, post=POST1),
        e(ANA, "reply", 20, direction="outbound"),
        e(BEN, "quote", 10),
        e(BEN, "like", 24 * 100, post=POST2),
        e(CLARA, "mention", 3, post=POST2),
        e(DAN, "reply", 2),
        e(FRED, "follow", 1),
        e(GINA, "like", 1.5),
        e(MARIA, "mention", 4),
    )
    add(store, e(ANA_BSKY, "like", 5, post=POST2), network="bluesky")
    add_links(
        store,
        link("https://blog.example/p?utm_medium=x", sharer=BEN, title="Amplify", author=CLARA,
             now=RECENT),
        link("https://blog.example/p", sharer=DAN, now=RECENT, hours_ago=3),
        link("https://news.example/n", title="Networking nuances", now=RECENT, hours_ago=30),
    )  # fmt: skip
    ok("merge", pid(store, ANA), pid(store, ANA_BSKY))
    ok("thank", pid(store, CLARA), "--how", "share", "--text", "Thanks, Clara!")
    add(store, e(CLARA, "reply", 0.5))  # pending again, with last_thanked
    ok("dismiss", pid(store, DAN))
    ok("snooze", pid(store, MARIA), "--until", (date.today() + timedelta(days=3)).isoformat())
    ok("interests", "set", "networking", "amplify")
    ok("settings", "thank_likes", "true")
    return store


def views(ok, data_dir: Path) -> dict:
    people = ok("people", "--json", data_dir=data_dir)
    store = open_store(f"sqlite:///{data_dir / 'reciprocity.db'}")
    try:
        with store.session() as s:
            all_ids = s.scalars(select(Person.id).order_by(Person.id)).all()
    finally:
        store.close()
    return {
        "people": people,
        "pending": ok("pending", "--json", data_dir=data_dir),
        "persons": {i: ok("person", i, "--json", data_dir=data_dir) for i in all_ids},
        "candidates": ok("candidates", "--json", "--state", "all", data_dir=data_dir),
        "status": ok("status", "--json", data_dir=data_dir),
        "supporters": ok("supporters", "--json", data_dir=data_dir),
        "settings": ok("settings", data_dir=data_dir),
    }


def test_export_import_round_trip(rich, ok, data_dir, tmp_path):
    original = views(ok, data_dir)
    assert len(original["persons"]) == 8  # merged-away Ana included: her id resolves
    assert [(r["name"], r["priority"]) for r in original["pending"]] == [
        ("Ana García", 1),
        ("Ben Carter", 1),
        ("Clara Núñez", 2),
        ("Fred Olsen", 3),
        ("Gina Rossi", 3),
    ]
    assert original["pending"][2]["last_thanked"] is not None

    path = tmp_path / "out" / "export.json"
    path.parent.mkdir()
    assert ok("export", path) == f"Exported 8 people and 11 interactions to {path}.\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["export.json"]  # no .tmp left behind

    copy = tmp_path / "copy"
    assert ok("import", path, data_dir=copy) == "Imported 8 people and 11 interactions.\n"
    assert views(ok, copy) == original

    again = tmp_path / "again.json"
    ok("export", again, data_dir=copy)
    assert json.loads(again.read_text())["tables"] == json.loads(path.read_text())["tables"]


def test_imported_store_keeps_working(rich, ok, data_dir, tmp_path):
    ok("export", tmp_path / "e.json")
    copy = tmp_path / "copy"
    ok("import", tmp_path / "e.json", data_dir=copy)
    imported = open_store(f"sqlite:///{copy / 'reciprocity.db'}")
    try:
        add(imported, e(BEN, "share", 0), e(DAN, "share", 0), e(MARIA, "share", 0))
        with imported.session() as s:
            assert s.scalar(select(func.count()).select_from(Person)) == 8  # no one new
    finally:
        imported.close()
    assert ok("thank", pid(rich, BEN), data_dir=copy) == "Marked Ben Carter as thanked (reply).\n"
    rows = ok("pending", "--json", data_dir=copy)
    assert "Ben Carter" not in names(rows)
    assert "Dan Ito" in names(rows)


def test_export_of_empty_store_imports(ok, data_dir, tmp_path):
    ok("export", tmp_path / "empty.json")
    document = json.loads((tmp_path / "empty.json").read_text())
    assert (document["format"], document["format_version"]) == ("reciprocity-export", 1)
    assert ok("import", tmp_path / "empty.json", data_dir=tmp_path / "copy") == (
        "Imported 0 people and 0 interactions.\n"
    )


def test_import_into_non_empty_store_is_refused(crowd, cli, ok, data_dir, tmp_path):
    ok("export", tmp_path / "e.json")
    before = ok("people", "--json")
    result = cli("import", tmp_path / "e.json")
    assert (result.code, result.out) == (1, "")
    assert result.err == "reciprocity: import needs an empty store; use a new --data-dir\n"
    assert ok("people", "--json") == before


def test_import_into_store_with_only_settings_is_refused(cli, ok, tmp_path):
    source = tmp_path / "source"
    ok("interests", "set", "networking", data_dir=source)
    ok("export", tmp_path / "e.json", data_dir=source)
    ok("settings", "thank_likes", "true")  # no people here, but not empty either
    result = cli("import", tmp_path / "e.json")
    assert (result.code, result.out) == (1, "")
    assert result.err == "reciprocity: import needs an empty store; use a new --data-dir\n"
    assert ok("interests") == "Interests: none\n"


def test_failed_import_leaves_nothing_behind(crowd, cli, ok, data_dir, tmp_path):
    ok("export", tmp_path / "e.json")
    document = json.loads((tmp_path / "e.json").read_text())
    document["tables"]["interactions"][-1]["occurred_at"] = "last tuesday"
    (tmp_path / "bad.json").write_text(json.dumps(document))
    copy = tmp_path / "copy"
    result = cli("import", tmp_path / "bad.json", data_dir=copy)
    assert result.code == 1
    assert "occurred_at has a bad date 'last tuesday'" in result.err
    assert ok("people", "--json", data_dir=copy) == []  # persons were inserted, then rolled back
    assert ok("status", "--json", data_dir=copy)["accounts"] == 0


# --- where things are written --------------------------------------------------------------


def test_nothing_is_written_under_home(crowd, ok, home, isolated_env, tmp_path):
    assert list(home.iterdir()) == []
    ok("status")
    ok("pending", "--json")
    ok("people", "--search", "ana")
    ok("thank", pid(crowd, ANA))
    ok("export", tmp_path / "e.json")
    ok("import", tmp_path / "e.json", data_dir=tmp_path / "fresh")
    ok("settings", "thank_likes", "true")
    assert list(home.iterdir()) == []
    assert sorted(p.name for p in isolated_env.iterdir()) == ["home"]  # no XDG dirs either


def test_store_and_log_are_private_files(ok, tmp_path):
    fresh = tmp_path / "fresh"
    ok("status", data_dir=fresh)
    assert stat.S_IMODE((fresh / "reciprocity.db").stat().st_mode) == 0o600
    assert stat.S_IMODE((fresh / "logs" / "reciprocity.log").stat().st_mode) == 0o600
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700


def test_interests_are_unique_whatever_their_case_or_accents(ok):
    out = ok("interests", "set", "Networking", "networking", "difusión", "Difusion", "open source")
    assert out == "Interests: Networking, difusión, open source\n"


def test_reciprocity_home_is_the_default_data_dir(ok, isolated_env, home):
    assert ok("status", "--json", data_dir=None)["people"] == 0
    assert (isolated_env / "data" / "reciprocity.db").is_file()
    assert (isolated_env / "data" / "logs" / "reciprocity.log").is_file()
    assert list(home.iterdir()) == []


def test_database_url_is_used_without_data_dir(ok, monkeypatch, tmp_path, isolated_env):
    target = tmp_path / "elsewhere" / "shared.db"
    monkeypatch.setenv("RECIPROCITY_DATABASE_URL", f"sqlite:///{target}")
    ok("interests", "set", "solarpunk", data_dir=None)
    assert target.is_file()
    assert not (isolated_env / "data" / "reciprocity.db").exists()
    assert ok("interests", data_dir=None) == "Interests: solarpunk\n"


def test_data_dir_wins_over_database_url(ok, monkeypatch, tmp_path):
    target = tmp_path / "elsewhere" / "shared.db"
    monkeypatch.setenv("RECIPROCITY_DATABASE_URL", f"sqlite:///{target}")
    ok("interests", "set", "solarpunk", data_dir=tmp_path / "mine")
    assert (tmp_path / "mine" / "reciprocity.db").is_file()
    assert not target.exists()
    assert ok("interests", data_dir=None) == "Interests: none\n"  # the URL's store is apart


def test_help_and_version_return_exit_codes(cli):
    result = cli("--version", data_dir=None)
    assert (result.code, result.out) == (0, "reciprocity 0.1.0\n")
    result = cli("--help", data_dir=None)
    assert result.code == 0
    assert "pending" in result.out


# --- demo (the module is written elsewhere) ------------------------------------------------


def _demo_available() -> bool:
    try:
        import desktop.demo  # noqa: F401
    except ImportError:
        return False
    return True


needs_demo = pytest.mark.skipif(
    not _demo_available(), reason="desktop/demo.py (fill_demo) does not exist yet"
)


@needs_demo
def test_demo_fills_a_store_that_round_trips(ok, tmp_path, monkeypatch):
    frozen = datetime.now(UTC)
    for module in ("desktop.queries.ledger", "desktop.queries.candidates"):
        monkeypatch.setattr(f"{module}.utcnow", lambda: frozen)
    demo_dir = tmp_path / "demo"
    out = ok("demo", "--people", "12", data_dir=demo_dir)
    assert out.startswith(f"Demo store ready in {demo_dir}: 12 people, ")
    assert ok("status", "--json", data_dir=demo_dir)["people"] == 12
    original = views(ok, demo_dir)
    rows = original["pending"]
    assert rows
    assert [r["priority"] for r in rows] == sorted(r["priority"] for r in rows)
    assert original["candidates"]

    ok("export", tmp_path / "demo.json", data_dir=demo_dir)
    copy = tmp_path / "copy"
    ok("import", tmp_path / "demo.json", data_dir=copy)
    assert views(ok, copy) == original


@needs_demo
def test_demo_refuses_a_store_with_data(crowd, cli):
    result = cli("demo", "--people", "5")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("reciprocity: ")
    assert result.err.count("\n") == 1


# --- language ------------------------------------------------------------------------------


@pytest.fixture
def bracketed(monkeypatch):
    """The CLI speaking a make-believe language: every translated text comes back in
    brackets, so what went through the catalog shows."""
    from desktop.core import i18n

    def translate(context, text, disambiguation, n):
        said = f"⟦{text}⟧"
        return said.replace("%n", str(n)) if n >= 0 else said

    monkeypatch.setattr("desktop.cli.language.speak", lambda argv: i18n.install(translate))
    yield
    i18n.install(None)


def test_the_cli_speaks_the_language_and_its_json_stays_the_same(links, ok, bracketed):
    from desktop.core import i18n

    i18n.install(None)
    english = [ok(*args) for args in (["candidates", "--json"], ["status", "--json"])]
    out = ok("candidates")  # speak() runs in main: the brackets from here on
    assert "⟦why: %1⟧" not in out and "⟦why: ⟦shared by 2 people in your network⟧;" in out
    assert [ok(*args) for args in (["candidates", "--json"], ["status", "--json"])] == english
    assert "⟦Pending people:⟧" in ok("status")


def test_help_and_errors_go_through_the_catalog(cli, bracketed):
    assert "⟦Who to thank and what to share" in cli("--help").out
    assert "⟦print JSON (see README.md)⟧" in cli("pending", "--help").out
    error = cli("people", "--limit", "0")
    assert error.code == 2
    assert error.err.startswith("⟦reciprocity people: error: ")  # argparse's own words stay
    assert "⟦'0' must be greater than 0⟧ (see reciprocity people --help)⟧\n" in error.err
