"""Bluesky end to end through the CLI, against the real local network (reference PDS and
AppView on loopback, started by .ci/run). Skipped, saying why, when it is not running."""

import io
import json

import pytest
from connectors.test_bluesky_live import find_network

from desktop.cli.main import main


@pytest.fixture(scope="module")
def network():
    state, why = find_network()
    if state is None:
        pytest.skip(why)
    return state


@pytest.fixture
def run(capsys, tmp_path, monkeypatch):
    def call(*args, stdin: str = ""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(["--data-dir", str(tmp_path / "data"), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_sign_in_sync_and_see_the_people_the_notifications_imply(network, run, tmp_path):
    alice = network["accounts"]["alice"]
    handles = {network["accounts"][n]["handle"]: n for n in ("bob", "carol")}
    code, out, err = run(
        "accounts",
        "add",
        "bluesky",
        "--handle",
        alice["handle"],
        "--service",
        network["pds_url"],
        "--app-password-stdin",
        stdin=alice["password"] + "\n",
    )
    assert code == 0, err
    code, out, err = run("sync", "--json")
    assert code == 0, err
    assert json.loads(out)[0]["new"] >= 8  # the seed: like, quote, reply, mention, repost...
    code, out, _ = run("settings", "thank_likes", "true")
    pending = {
        handles[i["handle"]]: p["counts"]
        for p in json.loads(run("pending", "--json")[1])
        for i in p["identities"]
        if i["handle"] in handles
    }
    assert pending["carol"].get("quote", 0) >= 1
    assert pending["bob"].get("share", 0) >= 1
    assert pending["bob"].get("reply", 0) + pending["bob"].get("mention", 0) >= 1
    assert pending["carol"].get("follow", 0) == 1 and pending["bob"].get("follow", 0) == 1

    code, out, err = run("sync", "--json")
    assert code == 0, err
    assert json.loads(out)[0]["new"] == 0  # nothing new: nothing added

    from desktop.platform.secrets import SecretStore, account_key

    key = account_key("bluesky", network["pds_url"].rstrip("/"), alice["handle"])
    refresh = SecretStore().get(key, "refresh_jwt")
    assert refresh  # the session is in the keyring...
    secrets = [alice["password"], refresh]  # ...and nowhere else, nor the app password
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(s.encode() in data for s in secrets), path


def test_thank_someone_on_bluesky_from_the_command_line(network, run):
    """The draft goes out as a reply on the real PDS; the person leaves the pending list."""
    import requests

    alice = network["accounts"]["alice"]
    bob_handle = network["accounts"]["bob"]["handle"]
    code, _, err = run(
        "accounts",
        "add",
        "bluesky",
        "--handle",
        alice["handle"],
        "--service",
        network["pds_url"],
        "--app-password-stdin",
        stdin=alice["password"] + "\n",
    )
    assert code == 0, err
    assert run("sync")[0] == 0
    bob = next(
        p
        for p in json.loads(run("pending", "--json")[1])
        if any(i["handle"] == bob_handle for i in p["identities"])
    )
    draft = json.loads(run("draft", bob["person_id"], "--json")[1])
    assert f"@{bob_handle}" in draft["text"]
    # The network lives across runs: a unique text finds exactly this run's post.
    import uuid

    text = f"Thank you, @{bob_handle}! ({uuid.uuid4().hex[:8]})"
    code, out, err = run("thank", bob["person_id"], "--send", "--text", text)
    assert code == 0, err
    assert out.startswith("Sent: https://bsky.app/profile/")
    records = requests.get(
        f"{network['pds_url']}/xrpc/com.atproto.repo.listRecords",
        params={"repo": alice["did"], "collection": "app.bsky.feed.post", "limit": 50},
        timeout=10,
    ).json()["records"]
    sent = [r["value"] for r in records if r["value"]["text"] == text]
    assert len(sent) == 1
    assert sent[0]["reply"]["parent"]["uri"] == draft["reply_to"]["remote_id"]
    mention = [
        f
        for f in sent[0].get("facets", [])
        if f["features"][0]["$type"] == "app.bsky.richtext.facet#mention"
    ]
    assert mention and mention[0]["features"][0]["did"] == network["accounts"]["bob"]["did"]
    still = [p["person_id"] for p in json.loads(run("pending", "--json")[1])]
    assert bob["person_id"] not in still
