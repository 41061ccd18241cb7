"""The `reciprocity` command line when things go wrong.

The contract: exit 2 for usage, 1 for anything else; exactly one line on stderr starting
with "reciprocity", never a traceback, nothing on stdout. Tracebacks of unexpected errors
go to <data-dir>/logs/reciprocity.log.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from factories import ANA, BEN, add, ev

from desktop.cli.main import main
from desktop.core.events import Kind
from desktop.core.vocabulary import AckHow, CandidateState, Network

REPO = Path(__file__).resolve().parents[2]
NEXT_WEEK = (date.today() + timedelta(days=7)).isoformat()


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cli(capsys, data_dir):
    def run(*args, data_dir: Path | None = data_dir) -> Result:
        capsys.readouterr()
        argv = ["--data-dir", str(data_dir)] if data_dir is not None else []
        code = main(argv + [str(a) for a in args])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


def assert_one_line_error(result: Result, code: int) -> str:
    assert result.code == code, result
    assert result.out == ""
    assert result.err.endswith("\n")
    assert result.err.count("\n") == 1, result.err
    assert result.err.startswith("reciprocity")
    assert "Traceback" not in result.err
    return result.err


# --- setups: each prepares the data dir and returns the arguments to run -------------------


def people(d: Path, tmp: Path) -> None:
    """Ana (person 1) and Ben (person 2) in the data dir's store."""
    from desktop.store.database import open_store

    store = open_store(f"sqlite:///{d / 'reciprocity.db'}")
    try:
        add(store, ev(ANA, "share"), ev(BEN, "reply"))
    finally:
        store.close()


def garbage_store(d: Path, tmp: Path) -> None:
    d.mkdir(parents=True)
    (d / "reciprocity.db").write_bytes(bytes(range(256)) * 40)


def not_sqlite_header(d: Path, tmp: Path) -> None:
    d.mkdir(parents=True)
    (d / "reciprocity.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)


def directory_store(d: Path, tmp: Path) -> None:
    (d / "reciprocity.db").mkdir(parents=True)


def foreign_sqlite(d: Path, tmp: Path) -> None:
    d.mkdir(parents=True)
    with sqlite3.connect(d / "reciprocity.db") as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()


def newer_store(d: Path, tmp: Path) -> None:
    people(d, tmp)
    with sqlite3.connect(d / "reciprocity.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.close()


def data_dir_is_a_file(d: Path, tmp: Path) -> None:
    d.parent.mkdir(parents=True, exist_ok=True)
    d.write_text("not a directory")


def write(name: str, content: str | bytes) -> Callable[[Path, Path], None]:
    def setup(d: Path, tmp: Path) -> None:
        path = tmp / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return setup


def export_then(change: Callable[[dict], None]) -> Callable[[Path, Path], None]:
    """A real export of a store with people, changed by `change`, at tmp/bad.json."""

    def setup(d: Path, tmp: Path) -> None:
        source = tmp / "source"
        people(source, tmp)
        assert main(["--data-dir", str(source), "export", str(tmp / "good.json")]) == 0
        document = json.loads((tmp / "good.json").read_text(encoding="utf-8"))
        change(document)
        (tmp / "bad.json").write_text(json.dumps(document), encoding="utf-8")

    return setup


def _set(path: str, value):
    def change(document: dict) -> None:
        *parents, last = path.split("/")
        target = document
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[int(last) if isinstance(target, list) else last] = value

    return change


ERRORS = [
    # id, setup, argv (TMP is replaced by the temp dir), exit code, part of the message
    ("unknown-person", None, ["person", "42"], 1, "no person with id 42"),
    ("unknown-person-json", None, ["person", "42", "--json"], 1, "no person with id 42"),
    ("thank-unknown", people, ["thank", "99"], 1, "no person with id 99"),
    ("dismiss-unknown", people, ["dismiss", "99"], 1, "no person with id 99"),
    ("snooze-unknown", people, ["snooze", "99", "--until", NEXT_WEEK], 1, "no person with id 99"),
    ("merge-unknown", people, ["merge", "1", "99"], 1, "no person with id 99"),
    ("merge-self", people, ["merge", "2", "2"], 1, "already the same person"),
    ("snooze-past", people, ["snooze", "1", "--until", "2020-01-01"], 1, "not in the future"),
    ("bad-date", people, ["snooze", "1", "--until", "2026-02-30"], 2, "not a date"),
    ("bad-date-word", people, ["snooze", "1", "--until", "tomorrow"], 2, "not a date"),
    ("no-date", people, ["snooze", "1"], 2, "--until"),
    ("id-not-int", None, ["person", "ana"], 2, "invalid int value"),
    ("id-float", people, ["thank", "1.5"], 2, "invalid int value"),
    ("other-id-not-int", people, ["merge", "1", "x"], 2, "invalid int value"),
    ("unknown-command", None, ["frobnicate"], 2, "invalid choice"),
    ("unknown-option", None, ["pending", "--jsn"], 2, "unrecognized arguments"),
    ("how-unknown", people, ["thank", "1", "--how", "shout"], 2, "invalid choice"),
    ("limit-zero", None, ["people", "--limit", "0"], 2, "must be greater than 0"),
    ("limit-word", None, ["candidates", "--limit", "many"], 2, "not a whole number"),
    ("state-unknown", None, ["candidates", "--state", "old"], 2, "invalid choice"),
    ("days-negative", None, ["supporters", "--days", "-3"], 2, "must be greater than 0"),
    ("demo-zero-people", None, ["demo", "--people", "0"], 2, "must be greater than 0"),
    ("demo-too-many", None, ["demo", "--people", "100000"], 1, "100000"),
    ("demo-not-empty", people, ["demo", "--people", "3"], 1, "already has data"),
    ("setting-unknown", None, ["settings", "colour"], 2, "unknown setting 'colour'"),
    ("setting-not-json", None, ["settings", "thank_likes", "yes"], 2, "not a JSON value"),
    ("setting-wrong-type", None, ["settings", "thank_likes", "1"], 2, "takes a bool"),
    ("setting-bool-for-int", None, ["settings", "supporter_quiet_days", "true"], 2, "int"),
    ("interests-words-no-set", None, ["interests", "show", "x"], 2, "only given with 'set'"),
    ("interests-set-nothing", None, ["interests", "set"], 2, "at least one word"),
    ("interests-set-blank", None, ["interests", "set", " "], 2, "at least one word"),
    ("garbage-store", garbage_store, ["status"], 1, "damaged or not a Reciprocity store"),
    ("bad-sqlite", not_sqlite_header, ["pending", "--json"], 1, "damaged"),
    ("directory-store", directory_store, ["people"], 1, "it is a directory"),
    ("foreign-sqlite", foreign_sqlite, ["status"], 1, "not a Reciprocity store"),
    ("newer-store", newer_store, ["pending", "--json"], 1, "newer version"),
    ("data-dir-is-file", data_dir_is_a_file, ["status"], 1, "cannot use the data dir"),
    ("import-missing", None, ["import", "TMP/nope.json"], 1, "does not exist"),
    ("import-directory", None, ["import", "TMP"], 1, "cannot read"),
    ("import-malformed", write("bad.json", '{"format": '), ["import", "TMP/bad.json"], 1,
     "is not valid JSON (line 1"),
    ("import-not-utf8", write("bad.json", b"\xff\xfe{}"), ["import", "TMP/bad.json"], 1,
     "cannot read"),
    ("import-list", write("bad.json", "[1, 2]"), ["import", "TMP/bad.json"], 1,
     "is not a Reciprocity export"),
    ("import-other-json", write("bad.json", '{"people": []}'), ["import", "TMP/bad.json"], 1,
     "is not a Reciprocity export"),
    ("import-newer-format", export_then(_set("format_version", 2)), ["import", "TMP/bad.json"],
     1, "export format 2"),
    ("import-no-tables", export_then(_set("tables", [])), ["import", "TMP/bad.json"], 1,
     "has no tables"),
    ("import-unknown-table", export_then(_set("tables/badges", [])),
     ["import", "TMP/bad.json"], 1, "tables this version does not know: ['badges']"),
    ("import-table-not-list", export_then(_set("tables/persons", {})),
     ["import", "TMP/bad.json"], 1, "table persons is not a list"),
    ("import-unknown-column", export_then(_set("tables/persons/0/age", 3)),
     ["import", "TMP/bad.json"], 1, "persons row 1 does not match this version's columns"),
    ("import-bad-date", export_then(_set("tables/persons/1/created_at", "soon")),
     ["import", "TMP/bad.json"], 1, "persons row 2: created_at has a bad date 'soon'"),
    ("import-wrong-type", export_then(_set("tables/persons/0/display_name", {"a": 1})),
     ["import", "TMP/bad.json"], 1, "table persons does not fit"),
    ("import-naive-date", export_then(_set("tables/persons/0/created_at", "2026-01-01T10:00")),
     ["import", "TMP/bad.json"], 1, "table persons does not fit"),
    ("import-missing-column", export_then(lambda d: d["tables"]["persons"][1].pop("notes")),
     ["import", "TMP/bad.json"], 1, "table persons does not fit"),
    ("import-dangling-key", export_then(_set("tables/identities/0/person_id", 77)),
     ["import", "TMP/bad.json"], 1, "FOREIGN KEY constraint failed"),
    ("import-duplicate-id", export_then(_set("tables/persons/1/id", 1)),
     ["import", "TMP/bad.json"], 1, "UNIQUE constraint failed"),
    ("export-no-dir", people, ["export", "TMP/missing/e.json"], 1, "cannot write"),
    ("export-to-dir", people, ["export", "TMP"], 1, "cannot write"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("setup", "argv", "code", "fragment"),
    [pytest.param(*case[1:], id=case[0]) for case in ERRORS],
)
def test_error_is_one_line(cli, data_dir, tmp_path, setup, argv, code, fragment):
    work = tmp_path / "work"
    work.mkdir()
    if setup is not None:
        setup(data_dir, work)
    args = [a.replace("TMP", str(work)) for a in argv]
    err = assert_one_line_error(cli(*args), code)
    assert fragment in err


def test_import_errors_leave_the_store_empty(cli, data_dir, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    export_then(_set("tables/identities/0/person_id", 77))(data_dir, work)
    assert_one_line_error(cli("import", work / "bad.json"), 1)
    result = cli("people", "--json")
    assert (result.code, result.out, result.err) == (0, "[]\n", "")
    assert cli("import", work / "good.json").code == 0  # and the good one still goes in


def test_newer_store_is_left_untouched(cli, data_dir, tmp_path):
    newer_store(data_dir, tmp_path)
    before = (data_dir / "reciprocity.db").read_bytes()
    err = assert_one_line_error(cli("status"), 1)
    assert "newer version of Reciprocity" in err
    assert "schema 9999" in err
    assert (data_dir / "reciprocity.db").read_bytes() == before
    assert not (data_dir / "backups").exists()


def test_garbage_store_is_left_untouched(cli, data_dir, tmp_path):
    garbage_store(data_dir, tmp_path)
    before = (data_dir / "reciprocity.db").read_bytes()
    assert_one_line_error(cli("pending"), 1)
    assert (data_dir / "reciprocity.db").read_bytes() == before


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file"
)  # pragma: no cover - CI may run as root
def test_unreadable_store(cli, data_dir):
    data_dir.mkdir()
    db = data_dir / "reciprocity.db"
    db.write_bytes(b"")
    db.chmod(0)
    try:
        assert "reciprocity: " in assert_one_line_error(cli("status"), 1)
    finally:
        db.chmod(0o600)


@pytest.mark.parametrize(
    "url", ["not a url", "nosuchdb://host/db", "postgresql+nosuchdriver://u:s3cret@host/db"]
)
def test_bad_database_url_is_one_line(cli, monkeypatch, url):
    monkeypatch.setenv("RECIPROCITY_DATABASE_URL", url)
    err = assert_one_line_error(cli("status", data_dir=None), 1)
    assert "s3cret" not in err


# --- unexpected errors: traceback to the log, one line to the user -------------------------


def test_unexpected_error_goes_to_the_log(cli, data_dir, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("the flux capacitor melted")

    monkeypatch.setattr("desktop.queries.pending.pending", explode)
    err = assert_one_line_error(cli("pending", "--json"), 1)
    log_file = data_dir / "logs" / "reciprocity.log"
    assert err == (
        "reciprocity: unexpected error (RuntimeError: the flux capacitor melted); "
        f"details in {log_file}\n"
    )
    log = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: the flux capacitor melted" in log
    assert "in explode" in log


def test_unexpected_multiline_error_still_one_line(cli, data_dir, monkeypatch):
    def explode(*args, **kwargs):
        raise ValueError("first line\nsecond line\nthird line")

    monkeypatch.setattr("desktop.queries.ledger.list_people", explode)
    err = assert_one_line_error(cli("people"), 1)
    assert err.startswith("reciprocity: unexpected error (ValueError: first line")
    assert "second line\nthird line" in (data_dir / "logs" / "reciprocity.log").read_text()


def test_user_errors_are_logged_without_traceback(cli, data_dir):
    assert_one_line_error(cli("person", "7"), 1)
    log = (data_dir / "logs" / "reciprocity.log").read_text(encoding="utf-8")
    assert "no person with id 7" in log
    assert "Traceback" not in log


def test_keyboard_interrupt_exits_130_quietly(cli, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("desktop.queries.pending.pending", interrupted)
    result = cli("pending")
    assert (result.code, result.out) == (130, "")
    assert "Traceback" not in result.err


# --- the real entry point ------------------------------------------------------------------


def run_module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_entry_point_version():
    done = run_module("--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, "reciprocity 0.1.0\n", "")


def test_entry_point_errors(data_dir, home):
    done = run_module("--data-dir", str(data_dir), "person", "42")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "reciprocity: no person with id 42\n"

    done = run_module("--data-dir", str(data_dir), "frobnicate")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("reciprocity: error: argument COMMAND: invalid choice")

    with sqlite3.connect(data_dir / "reciprocity.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.close()
    done = run_module("--data-dir", str(data_dir), "pending", "--json")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.count("\n") == 1
    assert "newer version" in done.stderr
    assert "Traceback" not in done.stderr

    assert list(home.iterdir()) == []


def test_entry_point_json_output(data_dir):
    done = run_module("--data-dir", str(data_dir), "pending", "--json")
    assert (done.returncode, done.stdout, done.stderr) == (0, "[]\n", "")


def archive_kinds() -> list[str]:
    from desktop.connectors.archives import KINDS

    return list(KINDS)


def _words(*words: str) -> str:
    return ", ".join(repr(str(w)) for w in words)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["candidates", "--state", "old"], _words(*CandidateState, "open", "all")),
        (["thank", "1", "--how", "shout"], _words(*AckHow)),
        (
            ["accounts", "add", "myspace"],
            _words(
                Network.MASTODON,
                Network.BLUESKY,
                Network.YOUTUBE,
                Network.FEED,
                "opml",
                "blog-comments",
            ),
        ),
        (["import-archive", "myspace", "a.zip"], _words("auto", *sorted(archive_kinds()))),
        (["search", "ana", "--kind", "boost"], _words(*Kind)),
    ],
)
def test_the_parsers_choices_are_the_vocabulary(cli, args, words):
    """The parser writes the words out (desktop.core is not imported at start-up): they
    must stay the vocabulary's, and read as plain words."""
    assert f"(choose from {words})" in assert_one_line_error(cli(*args), 2)
