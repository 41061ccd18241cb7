"""desktop/signin.py without Qt: the sign-in steps the CLI and the app share, against
Mastodon- and Bluesky-shaped servers on loopback, with the test keyring (a file)."""

from __future__ import annotations

import pytest
from connectors.mastodon_server import FakeMastodon, body

from desktop.app import sign_in as signin
from desktop.connectors.base import NeedsSignIn
from desktop.connectors.mastodon import CodeNotAccepted
from desktop.core.errors import InvalidRequest, NotFound
from desktop.platform.secrets import KeyringUnavailable, SecretStore, account_key
from desktop.queries.accounts import list_accounts

TOKEN = "canary-token-5d1e"
HANDLE = "@mastodonpy_test@localhost"


@pytest.fixture
def fake(httpserver):
    return FakeMastodon(httpserver)


@pytest.fixture
def secrets():
    return SecretStore()


def oauth(httpserver, fake, *, token_status=200):
    httpserver.expect_request("/api/v1/apps", method="POST").respond_with_json(
        body("apps_create.json", fake.base)
    )
    if token_status == 200:
        httpserver.expect_request("/oauth/token", method="POST").respond_with_json(
            {"access_token": TOKEN, "token_type": "Bearer", "scope": "read", "created_at": 1}
        )


def key(fake):
    return account_key("mastodon", fake.base, HANDLE)


def accounts(store):
    with store.read() as s:
        return list_accounts(s)


def requests_to(httpserver, path):
    return [r for r, _ in httpserver.log if r.path == path]


# --- Mastodon ------------------------------------------------------------------------------


def test_browser_sign_in_adds_the_account_and_keeps_the_token_in_the_keyring(
    store, secrets, fake, httpserver
):
    oauth(httpserver, fake)
    pending = signin.mastodon_begin(secrets, f"  {fake.base}/@someone ")
    assert pending.instance == fake.base
    assert pending.authorize_url.startswith(f"{fake.base}/oauth/authorize?")
    assert "code_challenge_method=S256" in pending.authorize_url
    assert pending.verifier not in repr(pending)  # never printed

    view = signin.mastodon_finish(store, secrets, pending, "  the-code \n")
    assert (view.network, view.handle, view.state) == ("mastodon", HANDLE, "ok")
    sent = requests_to(httpserver, "/oauth/token")[0].form
    assert sent["code"] == "the-code" and sent["code_verifier"] == pending.verifier
    assert secrets.get(key(fake), "access_token") == TOKEN
    assert [a.handle for a in accounts(store)] == [HANDLE]

    # The app registration is kept per server: beginning again does not register again.
    again = signin.mastodon_begin(secrets, fake.base)
    assert again.creds == pending.creds and again.verifier != pending.verifier
    assert len(requests_to(httpserver, "/api/v1/apps")) == 1


def test_a_wrong_code_can_be_pasted_again_with_the_same_sign_in(store, secrets, fake, httpserver):
    oauth(httpserver, fake, token_status=400)
    httpserver.expect_oneshot_request("/oauth/token", method="POST").respond_with_json(
        body("error_400_oauth_invalid_grant.json"), status=400
    )
    httpserver.expect_request("/oauth/token", method="POST").respond_with_json(
        {"access_token": TOKEN, "token_type": "Bearer"}
    )
    pending = signin.mastodon_begin(secrets, fake.base)
    with pytest.raises(CodeNotAccepted, match="not accepted"):
        signin.mastodon_finish(store, secrets, pending, "typo")
    assert accounts(store) == []
    assert signin.mastodon_finish(store, secrets, pending, "right").handle == HANDLE


def test_a_server_that_forgot_the_app_makes_the_next_sign_in_register_again(
    store, secrets, fake, httpserver
):
    oauth(httpserver, fake, token_status=401)
    httpserver.expect_request("/oauth/token", method="POST").respond_with_json(
        {"error": "invalid_client"}, status=401
    )
    pending = signin.mastodon_begin(secrets, fake.base)
    with pytest.raises(NeedsSignIn, match="no longer knows this app"):
        signin.mastodon_finish(store, secrets, pending, "code")
    app_key = account_key("mastodon-app", fake.base, "app")
    assert secrets.get(app_key, "client_id") is None
    signin.mastodon_begin(secrets, fake.base)
    assert len(requests_to(httpserver, "/api/v1/apps")) == 2


def test_an_empty_code_is_refused_before_asking_the_server(store, secrets, fake, httpserver):
    oauth(httpserver, fake)
    pending = signin.mastodon_begin(secrets, fake.base)
    with pytest.raises(InvalidRequest, match="paste the code"):
        signin.mastodon_finish(store, secrets, pending, "  ")
    assert requests_to(httpserver, "/oauth/token") == []


def test_a_pasted_token_signs_in(store, secrets, fake, httpserver):
    view = signin.mastodon_with_token(store, secrets, f" {fake.base}/ ", f"  {TOKEN}\n")
    assert view.handle == HANDLE and view.server_url == fake.base
    verify = requests_to(httpserver, "/api/v1/accounts/verify_credentials")[0]
    assert verify.headers["Authorization"] == f"Bearer {TOKEN}"
    assert secrets.get(key(fake), "access_token") == TOKEN


def test_a_token_the_server_refuses_adds_nothing(store, secrets, httpserver):
    httpserver.expect_request("/api/v1/accounts/verify_credentials").respond_with_json(
        {"error": "The access token is invalid"}, status=401
    )
    with pytest.raises(NeedsSignIn):
        signin.mastodon_with_token(store, secrets, httpserver.url_for("/"), "bad")
    assert accounts(store) == []


@pytest.mark.parametrize("typed", ["", "not a server", "ftp://example.social", "@nobody"])
def test_a_mistyped_server_says_what_is_wrong_before_any_request(secrets, typed, httpserver):
    with pytest.raises(ValueError) as caught:
        signin.mastodon_begin(secrets, typed)
    assert "example.social" in str(caught.value) or "https://" in str(caught.value)
    assert httpserver.log == []


class RefusingKeyring(SecretStore):
    def set(self, account_key, name, value):
        raise KeyringUnavailable("Your keyring is locked: unlock it", reason="locked")


def test_a_keyring_that_refuses_the_token_adds_no_account(store, fake):
    with pytest.raises(KeyringUnavailable, match="locked"):
        signin.mastodon_with_token(store, RefusingKeyring(), fake.base, TOKEN)
    assert accounts(store) == []


def test_signing_in_again_revives_the_same_account(store, secrets, fake):
    first = signin.mastodon_with_token(store, secrets, fake.base, "old")
    signin.remove(store, secrets, first.id)
    again = signin.mastodon_with_token(store, secrets, fake.base, TOKEN)
    assert again.id == first.id and again.state == "ok"
    assert secrets.get(key(fake), "access_token") == TOKEN


# --- Bluesky -------------------------------------------------------------------------------


def test_bluesky_keeps_the_session_not_the_app_password(store, secrets, httpserver):
    httpserver.expect_request(
        "/xrpc/com.atproto.server.createSession", method="POST"
    ).respond_with_json(
        {
            "did": "did:plc:me",
            "handle": "me.test",
            "accessJwt": "access-jwt",
            "refreshJwt": "refresh-jwt",
        }
    )
    service = httpserver.url_for("/")
    view = signin.bluesky_sign_in(store, secrets, " @me.test ", "abcd-efgh-ijkl-mnop", service)
    assert (view.network, view.handle, view.server_url) == (
        "bluesky",
        "me.test",
        service.rstrip("/"),
    )
    sent = requests_to(httpserver, "/xrpc/com.atproto.server.createSession")[0].json
    assert sent == {"identifier": "me.test", "password": "abcd-efgh-ijkl-mnop"}
    k = account_key("bluesky", service, "me.test")
    assert secrets.get(k, "refresh_jwt") == "refresh-jwt"
    assert secrets.get(k, "access_jwt") == "access-jwt"
    assert secrets.get(k, "app_password") is None


def test_bluesky_refusing_the_password_says_so(store, secrets, httpserver):
    httpserver.expect_request("/xrpc/com.atproto.server.createSession").respond_with_json(
        {"error": "AuthenticationRequired", "message": "Invalid identifier or password"},
        status=401,
    )
    with pytest.raises(NeedsSignIn, match="app password not accepted"):
        signin.bluesky_sign_in(store, secrets, "me.test", "wrong", httpserver.url_for("/"))
    assert accounts(store) == []


@pytest.mark.parametrize(("handle", "password"), [("", "pw"), ("@", "pw"), ("me.test", " ")])
def test_bluesky_needs_a_handle_and_a_password(store, secrets, handle, password):
    with pytest.raises(InvalidRequest):
        signin.bluesky_sign_in(store, secrets, handle, password)


# --- feeds ---------------------------------------------------------------------------------


def test_feeds_are_added_and_each_address_says_what_became_of_it(store):
    signin.add_feeds(store, ["https://old.example/feed"])
    result = signin.add_feeds(
        store,
        [
            "https://new.example/rss",
            "  ",
            "https://old.example/feed",
            "news.example/atom.xml",
            "not a feed",
            "ftp://files.example/feed",
            "https://new.example/rss",
        ],
    )
    assert result.added == ["https://new.example/rss", "https://news.example/atom.xml"]
    assert result.existing == ["https://old.example/feed"]
    assert [raw for raw, _ in result.invalid] == ["not a feed", "ftp://files.example/feed"]
    assert all(why for _, why in result.invalid) and not result.ok
    (feeds,) = [a for a in accounts(store) if a.network == "feed"]
    assert feeds.feeds == 3


def test_only_bad_addresses_touch_nothing(store):
    result = signin.add_feeds(store, ["nope"])
    assert result.added == [] and len(result.invalid) == 1
    assert accounts(store) == []


def test_split_addresses_takes_one_per_line_once_each():
    text = (
        "https://a.example/feed\n\n  https://b.example/rss, https://a.example/feed\n"
        "not a feed\nc.example/rss\n"
    )
    assert signin.split_addresses(text) == [
        "https://a.example/feed",
        "https://b.example/rss",
        "not a feed",
        "c.example/rss",
    ]


def test_blog_comments_count_as_replies_from_their_own_account(store):
    view, created = signin.add_blog_comments(store, "blog.example/comments/feed/")
    assert created and (view.network, view.display_name, view.feeds) == (
        "blog",
        "blog.example",
        1,
    )
    assert view.handle == "https://blog.example/comments/feed/"
    assert signin.add_blog_comments(store, "https://blog.example/comments/feed/")[1] is False


OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><body>
  <outline text="Slow Web" xmlUrl="https://slowweb.example/feed.xml"/>
  <outline text="Folder"><outline text="Deep" xmlUrl="https://deep.example/atom"/></outline>
</body></opml>"""


def test_opml_imports_every_feed_once(store, tmp_path):
    path = tmp_path / "subscriptions.opml"
    path.write_bytes(OPML)
    signin.add_feeds(store, ["https://deep.example/atom"])
    assert signin.import_opml(store, path) == signin.OpmlImported(total=2, added=1)
    assert signin.import_opml(store, str(path)) == signin.OpmlImported(total=2, added=0)


def test_opml_that_is_missing_or_not_opml_is_refused_in_words(store, tmp_path):
    with pytest.raises(InvalidRequest, match="does not exist"):
        signin.import_opml(store, tmp_path / "missing.opml")
    html = tmp_path / "page.opml"
    html.write_text("<html><body>hello</body></html>")
    with pytest.raises(InvalidRequest, match="cannot import"):
        signin.import_opml(store, html)
    assert accounts(store) == []


# --- removing ------------------------------------------------------------------------------


def test_removing_deletes_the_token_and_keeps_the_row(store, secrets, fake):
    view = signin.mastodon_with_token(store, secrets, fake.base, TOKEN)
    removed = signin.remove(store, lambda: secrets, view.id)
    assert removed.state == "removed" and removed.handle == HANDLE
    assert secrets.get(key(fake), "access_token") is None
    assert accounts(store) == []
    with store.read() as s:
        assert [a.state for a in list_accounts(s, include_removed=True)] == ["removed"]
    with pytest.raises(NotFound):
        signin.remove(store, secrets, view.id)


def test_removing_feeds_never_asks_for_the_keyring(store):
    signin.add_feeds(store, ["https://a.example/feed"])
    (feeds,) = accounts(store)

    def no_keyring():
        raise AssertionError("the keyring was asked")

    assert signin.remove(store, no_keyring, feeds.id).feeds == 1
    assert accounts(store) == []


def test_a_keyring_that_cannot_delete_leaves_the_account_in_place(store, secrets, fake):
    view = signin.mastodon_with_token(store, secrets, fake.base, TOKEN)

    class Locked(SecretStore):
        def delete(self, account_key, name):
            raise KeyringUnavailable("Your keyring is locked", reason="locked")

    with pytest.raises(KeyringUnavailable):
        signin.remove(store, Locked(), view.id)
    assert [a.id for a in accounts(store)] == [view.id]
