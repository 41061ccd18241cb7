"""The one HTTP layer: its single retry policy, typed errors carrying status and error code,
and connection failures told apart by exception type. Real HTTP on loopback only."""

from __future__ import annotations

import socket
import time
from datetime import UTC, datetime

import pytest
import requests
import urllib3
from connectors.bluesky_fixtures import ME_DID, FakePds, xrpc_error
from connectors.mastodon_server import ME_ID
from werkzeug import Response

from desktop.connectors.base import ConnectorError, NeedsSignIn, RateLimited, Refused, Unreachable
from desktop.connectors.bluesky import BlueskyConnector, BlueskySession
from desktop.connectors.http import HttpClient
from desktop.connectors.mastodon import MastodonConnector

NOTIFS = "app.bsky.notification.listNotifications"
CREATE_RECORD = "com.atproto.repo.createRecord"


def _bluesky(httpserver) -> BlueskyConnector:
    service = httpserver.url_for("/").rstrip("/")
    session = BlueskySession(ME_DID, "me.test", "access-1", "refresh-1", service)
    return BlueskyConnector(session, http_factory=lambda url: HttpClient(url, backoff=0))


def _mastodon(httpserver) -> MastodonConnector:
    base = httpserver.url_for("/").rstrip("/")
    http = HttpClient(base, token="t", backoff=0)
    return MastodonConnector(base, "t", http=http, account_id=ME_ID)


def test_a_lasting_500_costs_a_bluesky_query_one_try_plus_the_policys_retries(httpserver):
    FakePds().install(httpserver).on(NOTIFS, xrpc_error(500, "InternalServerError", "boom"))
    connector = _bluesky(httpserver)
    with pytest.raises(ConnectorError, match=r"server error \(500\): boom") as err:
        list(connector.pages({}, streams=["notifications"]))
    assert len(httpserver.log) == 1 + connector._http.retries == 4  # was 8: two policies
    assert (err.value.status, err.value.code) == (500, "InternalServerError")


def test_a_lasting_500_costs_a_mastodon_read_one_try_plus_the_policys_retries(httpserver):
    httpserver.expect_request("/api/v1/notifications").respond_with_json(
        {"error": "boom"}, status=500
    )
    connector = _mastodon(httpserver)
    with pytest.raises(ConnectorError, match=r"server error \(500\): boom"):
        list(connector.pages({}, streams=["notifications"]))
    assert len(httpserver.log) == 1 + connector.http.retries == 4


def test_a_post_is_never_retried(httpserver):
    httpserver.expect_request("/api/v1/statuses", method="POST").respond_with_data("", status=503)
    with pytest.raises(ConnectorError, match=r"server error \(503\)"):
        _mastodon(httpserver).reply(None, "hello", idempotency_key="k1")
    assert len(httpserver.log) == 1


def test_an_xrpc_error_body_gives_status_and_code(httpserver):
    FakePds().install(httpserver).on(NOTIFS, xrpc_error(400, "InvalidRequest", "limit too big"))
    with pytest.raises(Refused) as err:
        list(_bluesky(httpserver).pages({}, streams=["notifications"]))
    assert (err.value.status, err.value.code) == (400, "InvalidRequest")
    assert "limit too big" in str(err.value)


def test_an_oauth_error_body_gives_its_code_and_description(httpserver):
    httpserver.expect_request("/oauth/token").respond_with_json(
        {"error": "invalid_grant", "error_description": "The grant is invalid"}, status=400
    )
    with pytest.raises(Refused) as err:
        HttpClient(httpserver.url_for("/")).post("/oauth/token", data={})
    assert (err.value.status, err.value.code) == (400, "invalid_grant")
    assert str(err.value).endswith("(400): The grant is invalid")


def test_a_google_error_body_gives_its_message_and_first_reason(httpserver):
    # Google APIs nest the error: {"error": {"code", "message", "errors": [{reason}], "status"}}
    httpserver.expect_request("/youtube/v3/channels").respond_with_json(
        {
            "error": {
                "code": 404,
                "message": "Channel not found.",
                "errors": [
                    {"message": "Channel not found.", "domain": "youtube", "reason": "notFound"}
                ],
                "status": "NOT_FOUND",
            }
        },
        status=404,
    )
    httpserver.expect_request("/v1/x").respond_with_json(
        {"error": {"code": 403, "message": "Denied", "status": "PERMISSION_DENIED"}}, status=403
    )
    client = HttpClient(httpserver.url_for("/"))
    with pytest.raises(Refused) as err:
        client.get("/youtube/v3/channels")
    assert (err.value.status, err.value.code) == (404, "notFound")
    assert str(err.value).endswith("(404): Channel not found.")
    with pytest.raises(Refused) as err:
        client.get("/v1/x")
    assert err.value.code == "PERMISSION_DENIED" and str(err.value).endswith(": Denied")


def test_401_is_needs_sign_in_with_its_status(httpserver):
    httpserver.expect_request("/x").respond_with_json({"error": "The access token is invalid"}, 401)
    with pytest.raises(NeedsSignIn) as err:
        HttpClient(httpserver.url_for("/")).get("/x")
    assert err.value.status == 401


def test_a_429_with_retry_after_seconds_is_rate_limited_for_that_long(httpserver):
    httpserver.expect_request("/x").respond_with_response(
        Response('{"error": "RateLimitExceeded"}', status=429, headers={"Retry-After": "120"})
    )
    before = datetime.now(UTC)
    with pytest.raises(RateLimited) as err:
        HttpClient(httpserver.url_for("/"), backoff=0).get("/x")
    waited = (err.value.retry_at - before).total_seconds()
    assert 119 <= waited <= 125
    assert (err.value.status, err.value.code) == (429, "RateLimitExceeded")
    assert len(httpserver.log) == 1


class _Failing(requests.Session):
    """A session whose every request fails the way requests reports `error`."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def request(self, *args, **kwargs):
        raise self.error


def _wrapped(reason: Exception) -> requests.exceptions.ConnectionError:
    """A failure as requests raises it after urllib3 gave up."""
    retries = urllib3.exceptions.MaxRetryError(None, "http://host.example/", reason)
    return requests.exceptions.ConnectionError(retries)


def _refused() -> Exception:
    try:
        raise ConnectionRefusedError(111, "refused")
    except ConnectionRefusedError as cause:
        try:
            raise urllib3.exceptions.NewConnectionError(None, "no connection") from cause
        except urllib3.exceptions.NewConnectionError as exc:
            return exc


def _unresolved() -> Exception:
    cause = socket.gaierror(-2, "the resolver said no")
    return urllib3.exceptions.NameResolutionError("host.example", None, cause)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (_wrapped(_unresolved()), "cannot reach host.example: the name could not be resolved"),
        (_wrapped(_refused()), "cannot reach host.example: the connection was refused"),
        (requests.exceptions.ConnectTimeout("any text"), "host.example did not answer in time"),
        (
            _wrapped(urllib3.exceptions.ReadTimeoutError(None, "/", "read timed out")),
            "host.example did not answer in time",
        ),
        (requests.exceptions.SSLError("x"), "could not make a secure connection to host.example"),
        (requests.exceptions.ConnectionError("Name or service not known"), "connection failed"),
    ],
)
def test_connection_failures_are_told_apart_by_type_not_text(error, message):
    client = HttpClient("http://host.example", session=_Failing(error))
    with pytest.raises(Unreachable, match=message) as err:
        client.get("/x")
    assert err.value.status == 0


def test_a_refused_connection_on_loopback_says_so():
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(Unreachable, match="the connection was refused"):
        HttpClient(f"http://127.0.0.1:{port}", retries=0).get("/x")
    assert time.monotonic() - started < 5
