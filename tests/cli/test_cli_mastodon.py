"""Mastodon end to end through the CLI, against a Mastodon-shaped server on loopback:
sign in, sync, see exactly the people the notifications imply; sync again, nothing changes;
the token is nowhere but the keyring."""

import copy
import io
import json
import sqlite3

import pytest
from connectors.mastodon_server import ME_ID, FakeMastodon, body, notification

from desktop.cli.main import main

TOKEN = "canary-token-7f3a9c"


def person(base, id_, username, name):
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


def my_status(base, id_="900"):
    status = body("status_with_card.json", base)  # written by the test account: me
    status.update(
        id=id_,
        url=f"{base}/@mastodonpy_test/{id_}",
        content="<p>Networking is giving before asking</p>",
    )
    return status


@pytest.fixture
def fake(httpserver):
    server = FakeMastodon(httpserver, max_limit=3)
    base = server.base
    ana = person(base, "201", "ana", "Ana García")
    ben = person(base, "202", "ben", "Ben Carter")
    clara = person(base, "203", "clara", "Clara Núñez")
    dan = person(base, "204", "dan", "Dan Ito")
    reply = copy.deepcopy(body("notifications_v1_mention.json", base)[0]["status"])
    reply.update(
        id="950",
        in_reply_to_id="900",
        in_reply_to_account_id=ME_ID,
        account=clara,
        content="<p>@mastodonpy_test so true!</p>",
        url=f"{base}/@clara/950",
    )
    server.notifications.add(
        [
            notification(base, "11", "reblog", status=my_status(base), account=ana),
            notification(base, "12", "reblog", status=my_status(base, "901"), account=ana),
            notification(base, "13", "favourite", status=my_status(base), account=ben),
            notification(base, "14", "mention", status=reply, account=clara),
            notification(base, "15", "follow", account=dan),
            notification(base, "16", "admin.sign_up", account=dan),
            notification(base, "17", "severed_relationships", account=None),
        ]
    )
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


def stored_token(fake):
    from desktop.platform.secrets import SecretStore, account_key

    key = account_key("mastodon", fake.base.rstrip("/"), "@mastodonpy_test@localhost")
    return SecretStore().get(key, "access_token")


def sign_in(run, fake):
    code, out, err = run(
        "accounts", "add", "mastodon", "--instance", fake.base, "--token-stdin", stdin=TOKEN + "\n"
    )
    assert code == 0, err
    return out


def test_sign_in_sync_and_see_exactly_who_to_thank(fake, run, tmp_path):
    assert "as @mastodonpy_test@localhost" in sign_in(run, fake)
    code, out, err = run("sync")
    assert code == 0, err
    assert "page" in err  # progress on stderr
    # What was synced is in the archive search's index already, not left to a search.
    with sqlite3.connect(tmp_path / "data" / "reciprocity.db") as db:
        (through,) = db.execute("SELECT through_id FROM interaction_search_done").fetchone()
        assert through == db.execute("SELECT max(id) FROM interactions").fetchone()[0] > 0
    code, out, _ = run("pending", "--json")
    assert [(p["name"], p["priority"], p["counts"]) for p in json.loads(out)] == [
        ("Ana García", 1, {"share": 2}),
        ("Clara Núñez", 2, {"reply": 1}),
        ("Dan Ito", 3, {"follow": 1}),
    ]  # Ben only liked: in the ledger, not in the list
    ana = json.loads(out)[0]
    assert ana["identities"] == [
        {"network": "mastodon", "handle": "@ana@localhost", "url": f"{fake.base}/@ana"}
    ]
    assert {p["text"] for p in ana["posts"]} == {"Networking is giving before asking"}

    fake.httpserver.clear_log()
    code, out, err = run("sync", "--json")
    assert code == 0, err
    report = json.loads(out)[0]
    assert (report["new"], report["ok"]) == (0, True)
    assert len(fake.httpserver.log) == 4  # nothing new: one request per stream
    code, again, _ = run("pending", "--json")
    assert [p["counts"] for p in json.loads(again)] == [{"share": 2}, {"reply": 1}, {"follow": 1}]


def test_new_notifications_arrive_on_the_next_sync(fake, run):
    sign_in(run, fake)
    assert run("sync")[0] == 0
    code, out, _ = run("pending", "--json")
    ana_id = json.loads(out)[0]["person_id"]
    assert run("thank", ana_id)[0] == 0
    base = fake.base
    fake.notifications.add(
        [
            notification(
                base,
                "18",
                "reblog",
                status=my_status(base, "902"),
                account=person(base, "201", "ana", "Ana García"),
            )
        ]
    )
    code, out, err = run("sync", "--json")
    assert json.loads(out)[0]["new"] == 1, err
    code, out, _ = run("pending", "--json")
    ana = next(p for p in json.loads(out) if p["person_id"] == ana_id)
    assert ana["counts"] == {"share": 1} and ana["last_thanked"]


def test_the_oauth_flow_with_a_pasted_code(fake, run, httpserver):
    httpserver.expect_request("/api/v1/apps", method="POST").respond_with_json(
        body("apps_create.json", fake.base)
    )
    httpserver.expect_request("/oauth/token", method="POST").respond_with_json(
        {"access_token": TOKEN, "token_type": "Bearer", "scope": "read", "created_at": 1}
    )
    code, out, err = run(
        "accounts", "add", "mastodon", "--instance", fake.base, stdin="the-pasted-code\n"
    )
    assert code == 0, err
    assert "/oauth/authorize?" in err and "code_challenge_method=S256" in err
    token_request = next(r for r, _ in httpserver.log if r.path == "/oauth/token")
    assert token_request.form["code"] == "the-pasted-code"
    assert token_request.form["code_verifier"]
    assert run("sync")[0] == 0
    # The app registration is kept per instance: a second sign-in does not register again.
    run("accounts", "add", "mastodon", "--instance", fake.base, stdin="another-code\n")
    assert sum(r.path == "/api/v1/apps" for r, _ in httpserver.log) == 1


def test_a_revoked_token_means_sign_in_again(fake, run, httpserver):
    sign_in(run, fake)
    httpserver.clear()
    httpserver.expect_request("/api/v1/notifications").respond_with_json(
        {"error": "The access token was revoked"}, status=401
    )
    code, out, err = run("sync")
    assert code == 1
    assert "did not sync" in err and "The access token was revoked" in err
    code, out, _ = run("accounts", "list", "--json")
    assert json.loads(out)[0]["state"] == "needs_signin"
    code, out, _ = run("accounts", "list")
    assert "needs sign-in" in out


def test_the_token_is_nowhere_but_the_keyring(fake, run, tmp_path, isolated_env):
    sign_in(run, fake)
    assert run("-v", "sync")[0] == 0  # debug logging on
    assert run("-v", "export", tmp_path / "export.json")[0] == 0
    data = tmp_path / "data"
    places = [p for p in data.rglob("*") if p.is_file()] + [tmp_path / "export.json"]
    assert any(p.name == "reciprocity.db-wal" for p in places) or any(
        p.name == "reciprocity.db" for p in places
    )
    assert any(p.suffix == ".log" for p in places)
    for path in places:
        assert TOKEN.encode() not in path.read_bytes(), path
    assert stored_token(fake) == TOKEN  # it *is* stored, in the keyring


def test_removing_the_account_deletes_its_token_and_keeps_its_history(fake, run, isolated_env):
    sign_in(run, fake)
    assert run("sync")[0] == 0
    assert run("accounts", "remove", "1")[0] == 0
    assert stored_token(fake) is None
    assert json.loads(run("accounts", "list", "--json")[1]) == []
    assert len(json.loads(run("pending", "--json")[1])) == 3
    assert "no access token" not in run("sync")[2]  # a removed account is not synced


def test_no_keyring_means_a_clear_error_and_no_account(fake, run, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    code, out, err = run(
        "accounts", "add", "mastodon", "--instance", fake.base, "--token-stdin", stdin=TOKEN + "\n"
    )
    assert code == 1
    assert "keyring" in err.lower() and len(err.strip().splitlines()) == 1
    assert json.loads(run("accounts", "list", "--json")[1]) == []


def test_draft_then_send_from_the_command_line(fake, run, httpserver):
    httpserver.expect_request("/api/v2/instance").respond_with_json(body("instance_v2.json"))
    httpserver.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("status_post_reply.json", fake.base)
    )
    sign_in(run, fake)
    assert run("sync")[0] == 0
    ana = json.loads(run("pending", "--json")[1])[0]
    code, out, err = run("draft", ana["person_id"], "--json")
    assert code == 0, err
    draft = json.loads(out)
    assert draft["situation"] == "shares"
    assert "@ana@localhost" in draft["text"]
    assert draft["reply_to"]["remote_id"] in ("900", "901")  # under my post she shared
    code, out, err = run("thank", ana["person_id"], "--send")
    assert code == 0, err
    assert out.startswith("Sent: ")
    posted = [r for r, _ in httpserver.log if r.path == "/api/v1/statuses"]
    assert len(posted) == 1
    assert posted[0].form["status"] == draft["text"]
    assert posted[0].form["in_reply_to_id"] == draft["reply_to"]["remote_id"]
    assert [p["name"] for p in json.loads(run("pending", "--json")[1])] == [
        "Clara Núñez",
        "Dan Ito",
    ]
    ledger = json.loads(run("person", ana["person_id"], "--json")[1])
    assert ledger["acknowledgements"][-1]["text"] == draft["text"]


def test_a_refused_send_changes_nothing(fake, run, httpserver):
    httpserver.expect_request("/api/v2/instance").respond_with_json(body("instance_v2.json"))
    httpserver.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("error_422_status_too_long_de.json"), status=422
    )
    sign_in(run, fake)
    assert run("sync")[0] == 0
    ana = json.loads(run("pending", "--json")[1])[0]
    code, out, err = run("thank", ana["person_id"], "--send", "--text", "Danke!")
    assert code == 1
    assert "refused" in err and len(err.strip().splitlines()) == 1
    assert json.loads(run("pending", "--json")[1])[0]["person_id"] == ana["person_id"]
