"""Adding a YouTube channel with an API key, through the app layer, against a fake Data API
on loopback: the key is checked once, kept in the keyring (the test keyring is a file) and
nowhere in the store."""

from __future__ import annotations

import pytest
from connectors.youtube_server import KEY, MY_CHANNEL, QUOTA_EXCEEDED, FakeYouTube

from desktop.app import sign_in as signin
from desktop.app.services import Services
from desktop.connectors.base import NeedsSignIn, RateLimited
from desktop.core.errors import InvalidRequest
from desktop.platform.secrets import KeyringUnavailable, SecretStore, account_key
from desktop.queries.accounts import list_accounts


@pytest.fixture
def yt(httpserver) -> FakeYouTube:
    return FakeYouTube(httpserver)


@pytest.fixture
def secrets():
    return SecretStore()


def accounts(store):
    with store.read() as s:
        return list_accounts(s)


def stored_bytes(tmp_path) -> bytes:
    return b"".join(p.read_bytes() for p in (tmp_path / "store").iterdir() if p.is_file())


@pytest.mark.sqlite_only("reads the store's files for the key")
@pytest.mark.parametrize("typed", ["@mychannel", MY_CHANNEL, "https://www.youtube.com/@MyChannel"])
def test_a_channel_and_a_key_add_the_account_and_the_key_goes_to_the_keyring(
    store, secrets, yt, tmp_path, typed
):
    view = signin.youtube_with_key(store, secrets, f" {typed} ", f"  {KEY}\n", yt.base)
    assert (view.network, view.handle, view.display_name, view.state) == (
        "youtube",
        "@mychannel",
        "My Channel",
        "ok",
    )
    assert view.server_url == yt.base
    assert len(yt.requests) == 1  # checked once: channels.list, 1 quota unit
    assert yt.requests[0].headers["X-Goog-Api-Key"] == KEY
    key = account_key("youtube", yt.base, "@mychannel")
    assert secrets.get(key, "api_key") == KEY
    (row,) = accounts(store)
    assert row.id == view.id
    assert KEY.encode() not in stored_bytes(tmp_path)


def test_a_key_youtube_refuses_adds_nothing(store, secrets, yt):
    with pytest.raises(NeedsSignIn, match="does not accept this API key"):
        signin.youtube_with_key(store, secrets, "@mychannel", "AIzaSy-wrong", yt.base)
    assert accounts(store) == []


def test_a_spent_quota_at_sign_in_says_so_and_adds_nothing(store, secrets, yt):
    yt.spent = QUOTA_EXCEEDED
    with pytest.raises(RateLimited, match="daily quota"):
        signin.youtube_with_key(store, secrets, "@mychannel", KEY, yt.base)
    assert accounts(store) == []


def test_an_unknown_channel_adds_nothing(store, secrets, yt):
    with pytest.raises(InvalidRequest, match="no channel @nobody"):
        signin.youtube_with_key(store, secrets, "@nobody", KEY, yt.base)
    assert accounts(store) == []


@pytest.mark.parametrize(
    ("channel", "key"), [("My Channel", KEY), ("", KEY), ("@me", ""), ("@me", "two words")]
)
def test_what_was_typed_wrong_says_so_before_any_request(store, secrets, yt, channel, key):
    with pytest.raises(InvalidRequest):
        signin.youtube_with_key(store, secrets, channel, key, yt.base)
    assert yt.requests == []


class RefusingKeyring(SecretStore):
    def set(self, account_key, name, value):
        raise KeyringUnavailable("Your keyring is locked: unlock it", reason="locked")


def test_a_keyring_that_refuses_the_key_adds_no_account(store, yt):
    with pytest.raises(KeyringUnavailable, match="locked"):
        signin.youtube_with_key(store, RefusingKeyring(), "@mychannel", KEY, yt.base)
    assert accounts(store) == []


def test_removing_the_account_takes_its_key_out_of_the_keyring(store, secrets, yt):
    view = signin.youtube_with_key(store, secrets, "@mychannel", KEY, yt.base)
    signin.remove(store, secrets, view.id)
    assert secrets.get(account_key("youtube", yt.base, "@mychannel"), "api_key") is None
    again = signin.youtube_with_key(store, secrets, MY_CHANNEL, KEY, yt.base)
    assert again.id == view.id and again.state == "ok"


def test_the_services_check_the_channel_before_the_keyring(store, yt, monkeypatch):
    monkeypatch.setattr("desktop.connectors.youtube.DEFAULT_API", yt.base)
    services = Services(store, secrets_factory=SecretStore)
    with pytest.raises(ValueError, match="channel id"):
        services.check_youtube_channel("not a channel")
    view = services.youtube_with_key("@mychannel", KEY)
    assert (view.network, view.server_url) == ("youtube", yt.base)
    with pytest.raises(NeedsSignIn):
        services.youtube_with_key("@mychannel", "AIzaSy-other")
