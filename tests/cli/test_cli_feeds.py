"""Feeds end to end through the CLI: add, sync, candidates; unchanged feeds cost one 304."""

import json
import re
from pathlib import Path

import pytest

from desktop.cli.main import main

DATA = Path(__file__).resolve().parents[1] / "connectors" / "feeds_data"


@pytest.fixture
def run(capsys, tmp_path):
    def call(*args):
        capsys.readouterr()
        code = main(["--data-dir", str(tmp_path / "data"), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def recent(body: bytes) -> bytes:
    """The fixtures date from 2024; move their entries to yesterday so they rank."""
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    yesterday = datetime.now(UTC) - timedelta(days=1)
    body = re.sub(
        rb"<pubDate>[^<]*</pubDate>",
        b"<pubDate>" + format_datetime(yesterday).encode() + b"</pubDate>",
        body,
    )
    return re.sub(
        rb"<(published|updated)>[^<]*</",
        lambda m: b"<" + m.group(1) + b">" + yesterday.isoformat().encode() + b"</",
        body,
    )


def serve_feed(httpserver, path, body, content_type, etag):
    from werkzeug import Response

    body = recent(body)

    def handler(request):
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, headers={"ETag": etag, "Content-Type": content_type})

    httpserver.expect_request(path).respond_with_handler(handler)


def test_feed_entries_become_ranked_candidates_and_a_second_sync_costs_one_304(httpserver, run):
    serve_feed(
        httpserver, "/feed.xml", (DATA / "rss2.xml").read_bytes(), "application/rss+xml", '"v1"'
    )
    assert run("accounts", "add", "feed", httpserver.url_for("/feed.xml"))[0] == 0
    code, out, err = run("sync")
    assert code == 0, err
    assert "Feeds (feed):" in out
    code, out, _ = run("candidates", "--json")
    urls = [c["url"] for c in json.loads(out)]
    assert "https://slowweb.example/2024/05/small-sites" in urls  # utm_* stripped
    assert all(not u.startswith("mailto:") for u in urls)

    requests_before = len(httpserver.log)
    code, out, err = run("sync", "--json")
    assert code == 0, err
    report = json.loads(out)[0]
    assert (report["new"], report["candidates_new"]) == (0, 0)
    assert len(httpserver.log) - requests_before == 1
    assert httpserver.log[-1][1].status_code == 304

    code, out, _ = run("accounts", "list", "--json")
    feeds_account = json.loads(out)[0]
    assert (feeds_account["network"], feeds_account["state"], feeds_account["feeds"]) == (
        "feed",
        "ok",
        1,
    )


def test_blog_comments_are_replies_waiting_for_thanks(httpserver, run):
    serve_feed(
        httpserver,
        "/comments/feed/",
        (DATA / "wp_comments.xml").read_bytes(),
        "application/rss+xml",
        '"c1"',
    )
    code, out, err = run("accounts", "add", "blog-comments", httpserver.url_for("/comments/feed/"))
    assert code == 0, err
    assert run("sync")[0] == 0
    code, out, _ = run("pending", "--json")
    pending = {p["name"].lower(): p["counts"] for p in json.loads(out)}
    assert pending["ana lima"] == {"reply": 2}  # "ANA LIMA" is the same commenter
    assert pending["bruno díaz"] == {"reply": 1}


def test_a_broken_feed_is_a_warning_and_other_feeds_still_sync(httpserver, run):
    serve_feed(
        httpserver, "/good.xml", (DATA / "atom.xml").read_bytes(), "application/atom+xml", '"a"'
    )
    serve_feed(
        httpserver, "/page.html", (DATA / "not_a_feed.html").read_bytes(), "text/html", '"h"'
    )
    httpserver.expect_request("/gone.xml").respond_with_data("gone", status=404)
    for path in ("/good.xml", "/page.html", "/gone.xml"):
        assert run("accounts", "add", "feed", httpserver.url_for(path))[0] == 0
    code, out, err = run("sync")
    assert code == 0, err
    assert "warning:" in out
    assert json.loads(run("candidates", "--json")[1])


def test_opml_import_and_export_round_trip(httpserver, run, tmp_path):
    opml = tmp_path / "in.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="Blogs"><outline text="Slow web" type="rss" '
        'xmlUrl="https://slowweb.example/feed"/></outline>'
        '<outline text="Tubes" type="rss" xmlUrl="https://www.youtube.com/feeds/videos.xml'
        '?channel_id=UC123"/></body></opml>',
        encoding="utf-8",
    )
    code, out, err = run("accounts", "add", "opml", opml)
    assert (code, out) == (0, f"Imported 2 feeds from {opml} (2 new).\n"), err
    assert run("accounts", "add", "opml", opml)[1].endswith("(0 new).\n")
    exported = tmp_path / "out.opml"
    assert run("accounts", "export-opml", exported)[0] == 0
    from desktop.connectors.opml import read_opml

    assert [s.url for s in read_opml(exported)] == [
        "https://slowweb.example/feed",
        "https://www.youtube.com/feeds/videos.xml?channel_id=UC123",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["accounts", "add", "feed", "ftp://x.example/feed"], "http"),
        (["accounts", "add", "opml", "/nonexistent.opml"], "does not exist"),
        (["accounts", "remove", "42"], "no account with id 42"),
        (["sync", "--account", "42"], "no account with id 42"),
    ],
)
def test_account_errors_are_one_clear_line(run, args, message):
    code, out, err = run(*args)
    assert code in (1, 2)
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_sync_counts_its_feeds_on_stderr(feed_hosts, run):
    one, two = feed_hosts(2)
    for url in [one.feed(f"a{n}") for n in range(3)] + [two.feed(f"b{n}") for n in range(2)]:
        assert run("accounts", "add", "feed", url)[0] == 0
    code, out, err = run("sync")
    assert code == 0, err
    lines = err.splitlines()
    assert lines[0] == "Syncing 0 of 5 feeds…"
    assert lines[-1] == "Syncing 5 of 5 feeds…"
    assert not any("page" in line for line in lines)  # no line per feed
    assert "Feeds (feed): 0 new, 0 already known, 10 links — ok" in out
