"""The Secret Service path for real: .ci/run starts an unlocked gnome-keyring on a private
D-Bus session bus and sets RECIPROCITY_TEST_SECRET_SERVICE=1; elsewhere this is skipped."""

import gc
import os

import pytest

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("RECIPROCITY_TEST_SECRET_SERVICE") != "1"
        or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"),
        reason="needs an unlocked Secret Service (run by .ci/run inside dbus-run-session)",
    ),
    # keyring's SecretService backend leaves its D-Bus sockets to the garbage collector.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(autouse=True)
def _collect_dbus_sockets():
    yield
    gc.collect()  # close them here, under this module's warning filters, not in later tests


@pytest.fixture
def secret_service(monkeypatch):
    # The suite's default is a file keyring; this test asks for the real thing by name.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    from keyring.backends.SecretService import Keyring

    from desktop.platform.secrets import SecretStore

    return SecretStore(Keyring())


def test_tokens_round_trip_through_the_secret_service(secret_service):
    key = "mastodon:https://social.example:@me@social.example"
    secret_service.check()
    secret_service.set(key, "access_token", "tok-✓-123")
    assert secret_service.get(key, "access_token") == "tok-✓-123"
    secret_service.delete(key, "access_token")
    assert secret_service.get(key, "access_token") is None


def test_the_cli_signs_in_with_a_token_kept_in_the_secret_service(
    secret_service, httpserver, monkeypatch, tmp_path, capsys
):
    import io

    import keyring

    from desktop.cli.main import main

    httpserver.expect_request("/api/v1/accounts/verify_credentials").respond_with_json(
        {
            "id": "7",
            "acct": "me",
            "username": "me",
            "display_name": "Me",
            "url": f"{httpserver.url_for('/@me')}",
        }
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("ss-token-42\n"))
    code = main(
        [
            "--data-dir",
            str(tmp_path),
            "accounts",
            "add",
            "mastodon",
            "--instance",
            httpserver.url_for("/"),
            "--token-stdin",
        ]
    )
    assert code == 0, capsys.readouterr()
    backend = keyring.get_keyring()
    assert type(backend).__module__ == "keyring.backends.SecretService"
    names = [
        c
        for c in backend.get_preferred_collection().get_all_items()
        if c.get_secret() == b"ss-token-42"
    ]
    assert len(names) == 1
    assert main(["--data-dir", str(tmp_path), "accounts", "remove", "1"]) == 0
    assert not [
        c
        for c in backend.get_preferred_collection().get_all_items()
        if c.get_secret() == b"ss-token-42"
    ]
