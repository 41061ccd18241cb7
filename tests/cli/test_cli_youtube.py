"""YouTube end to end through the CLI, against a fake Data API on loopback: add the channel
with a key from a file or stdin (never an argument), sync, see who commented; the key is
nowhere but the keyring."""

from __future__ import annotations

import io
import json

import pytest
from connectors.youtube_server import KEY, MY_CHANNEL, QUOTA_EXCEEDED, FakeYouTube, stamp, thread

from desktop.cli.main import main


@pytest.fixture
def yt(httpserver, monkeypatch):
    server = FakeYouTube(httpserver)
    server.add(
        thread("c3", "ana", stamp(30)),
        thread("c2", "me", stamp(20)),
        thread("c1", "ben", stamp(10)),
    )
    monkeypatch.setattr("desktop.connectors.youtube.DEFAULT_API", server.base)
    return server


@pytest.fixture
def run(capsys, tmp_path, monkeypatch):
    def call(*args, stdin: str = ""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(["--data-dir", str(tmp_path / "data"), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_add_from_a_key_file_sync_and_see_who_commented(yt, run, tmp_path):
    key_file = tmp_path / "youtube.key"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    code, out, err = run(
        "accounts", "add", "youtube", "--channel", "@mychannel", "--key-file", key_file
    )
    assert code == 0, err
    assert "My Channel (@mychannel)" in out and "as replies" in out
    code, out, err = run("sync")
    assert code == 0, err
    code, out, _ = run("pending", "--json")
    assert sorted((p["name"], p["counts"]) for p in json.loads(out)) == [
        ("@ana", {"reply": 1}),
        ("@ben", {"reply": 1}),
    ]
    code, out, _ = run("accounts", "list", "--json")
    (account,) = json.loads(out)
    assert (account["network"], account["handle"], account["state"]) == (
        "youtube",
        "@mychannel",
        "ok",
    )
    code, out, err = run("sync", "--json")
    assert json.loads(out)[0]["new"] == 0, err


def test_add_with_the_key_on_stdin(yt, run):
    code, out, err = run("accounts", "add", "youtube", "--channel", MY_CHANNEL, stdin=KEY + "\n")
    assert code == 0, err
    assert yt.requests[0].args["id"] == MY_CHANNEL


def test_the_key_is_nowhere_but_the_keyring(yt, run, tmp_path):
    assert run("accounts", "add", "youtube", "--channel", "@mychannel", stdin=KEY)[0] == 0
    assert run("-v", "sync")[0] == 0  # debug logging on
    assert run("-v", "export", tmp_path / "export.json")[0] == 0
    places = [p for p in (tmp_path / "data").rglob("*") if p.is_file()]
    places.append(tmp_path / "export.json")
    assert any(p.suffix == ".log" for p in places)
    for path in places:
        assert KEY.encode() not in path.read_bytes(), path
    from desktop.platform.secrets import SecretStore, account_key

    assert SecretStore().get(account_key("youtube", yt.base, "@mychannel"), "api_key") == KEY


def test_a_refused_key_adds_nothing_and_says_why(yt, run):
    code, out, err = run(
        "accounts", "add", "youtube", "--channel", "@mychannel", stdin="AIzaSy-bad"
    )
    assert code == 1
    assert "does not accept this API key" in err and "AIzaSy-bad" not in err
    assert json.loads(run("accounts", "list", "--json")[1]) == []


@pytest.mark.parametrize(
    ("args", "stdin", "fragment"),
    [
        (["--channel", "My Channel"], KEY, "channel id"),
        (["--channel", "@mychannel"], "", "no API key was given"),
        (["--channel", "@mychannel", "--key-file", "/nonexistent/key"], "", "cannot read"),
    ],
)
def test_usage_mistakes_say_so_before_any_request(yt, run, args, stdin, fragment):
    code, out, err = run("accounts", "add", "youtube", *args, stdin=stdin)
    assert code == 2 and fragment in err
    assert yt.requests == []


def test_a_spent_quota_says_so_in_one_line_and_the_account_waits(yt, run):
    assert run("accounts", "add", "youtube", "--channel", "@mychannel", stdin=KEY)[0] == 0
    yt.fail(1, QUOTA_EXCEEDED, lasting=True)
    code, out, err = run("sync")
    assert code == 1
    (line,) = [x for x in err.splitlines() if "did not sync" in x]
    assert "daily quota for this API key is used up" in line and "midnight Pacific" in line
    code, out, _ = run("accounts", "list")
    assert "rate limited until" in out
