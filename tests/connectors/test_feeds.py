"""FeedConnector against a local HTTP server: RSS, Atom, JSON Feed, YouTube, blog comments,
conditional GET, broken and non-feeds, network errors. Nothing here reaches the internet."""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.wrappers import Response as WerkzeugResponse

from desktop.connectors.feeds import FeedConnector, FeedSource
from desktop.core.events import Direction, Kind

DATA = Path(__file__).parent / "feeds_data"
RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"


def data(name: str) -> bytes:
    return (DATA / name).read_bytes()


QUICK = {"timeout": (1.0, 0.5), "retries": 0}  # failing sources fail fast


def serve(httpserver, path: str, body: bytes, content_type: str = RSS, **kw) -> str:
    httpserver.expect_request(path).respond_with_data(body, content_type=content_type, **kw)
    return httpserver.url_for(path)


def sync(*sources: FeedSource, cursors=None, **kw):
    """The pages, in the order of the sources (they are yielded as they are done)."""
    pages = list(FeedConnector(list(sources), **{**QUICK, **kw}).pages(cursors or {}))
    order = {source.stream: n for n, source in enumerate(sources)}
    return sorted(pages, key=lambda page: order[page.stream])


def one_page(source: FeedSource, **kw):
    pages = sync(source, **kw)
    assert len(pages) == 1
    return pages[0]


def rss(items: str, channel: str = "<title>T</title><link>https://t.example/</link>") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"{channel}{items}</channel></rss>"
    ).encode()


# -- formats ------------------------------------------------------------------------------


def test_rss2_entries_become_candidates(httpserver):
    url = serve(httpserver, "/feed.xml", data("rss2.xml"))
    page = one_page(FeedSource(url))

    assert page.stream == "feed:" + url
    assert page.warnings == []
    assert page.interactions == []
    assert page.meta == {"title": "Slow Web Weekly", "site_url": "https://slowweb.example/"}
    first, second = page.candidates
    # Tracking parameters are left alone: canonicalisation happens at ingest.
    assert first.url == "https://slowweb.example/2024/05/small-sites?utm_source=rss&utm_medium=feed"
    assert first.source == "feed"
    assert first.source_ref == url
    assert first.title == "Why small sites matter"
    assert first.summary == (
        "Small sites are resilient. Read this essay (https://other.example/essay) too."
    )
    assert "alert" not in first.summary and "<" not in first.summary
    assert first.author_name == "Ana Lima"
    assert first.language == "en"
    assert first.published_at == datetime(2024, 5, 7, 7, 30, tzinfo=UTC)
    assert first.seen_at == first.published_at
    assert second.url == "https://slowweb.example/2024/05/feeds"
    assert second.summary == "Plain text description & an ampersand."
    assert second.author_name == "Bruno Díaz"  # from "editor@slowweb.example (Bruno Díaz)"
    assert second.published_at == datetime(2024, 5, 6, 18, 0, tzinfo=UTC)
    # One entry without a link, one with a mailto: link.
    assert page.skipped == {"no-link": 2}
    assert json.loads(page.cursor) == {"etag": None, "last_modified": None}


def test_atom_prefers_alternate_link_and_reads_html_titles(httpserver):
    url = serve(httpserver, "/atom.xml", data("atom.xml"), content_type=ATOM)
    page = one_page(FeedSource(url))

    assert page.warnings == []
    assert page.meta == {"title": "Le carnet de Chloé", "site_url": "https://chloe.example/"}
    first, second = page.candidates
    assert first.url == "https://chloe.example/2024/05/reseaux"  # not rel=replies or rel=edit
    assert first.title == "Réseaux et réciprocité"
    assert first.summary == "Partager, c'est aimer."
    assert first.author_name == "Chloé Martin"  # the feed's author
    assert first.language == "fr"
    assert first.published_at == datetime(2024, 5, 8, 6, 0, tzinfo=UTC)
    assert second.url == "https://chloe.example/2024/04/updated-only"
    assert second.author_name == "Guest Writer"
    assert second.summary == "XHTML content here."
    # Only <updated>: it stands in for the publication date.
    assert second.published_at == datetime(2024, 4, 30, 12, 0, tzinfo=UTC)
    for candidate in page.candidates:
        assert candidate.seen_at.tzinfo is not None


def test_json_feed_items_are_mapped_by_hand(httpserver):
    url = serve(
        httpserver, "/feed.json", data("jsonfeed.json"), content_type="application/feed+json"
    )
    before = datetime.now(UTC)
    page = one_page(FeedSource(url))

    assert page.warnings == []
    assert page.meta == {"title": "Micro Notes", "site_url": "https://micro.example/"}
    note, linkpost, summary_only = page.candidates
    assert note.url == "https://micro.example/2024/05/08/note"
    assert note.title == "Una nota"
    assert note.summary == "Hola mundo"
    assert note.author_name == "Dana Pérez"
    assert note.language == "es"
    assert note.published_at == datetime(2024, 5, 8, 16, 44, 36, tzinfo=UTC)
    assert linkpost.url == "https://elsewhere.example/article"  # external_url
    assert linkpost.summary == "A link post with only an external_url."
    assert linkpost.author_name == "Legacy Author 1.0"  # JSON Feed 1.0 "author"
    assert summary_only.summary == "Only a summary."
    assert summary_only.published_at is None  # "not a date"
    assert summary_only.seen_at >= before
    assert summary_only.author_name == "Dana Pérez"  # the feed's authors
    assert page.skipped == {"no-link": 1}


def test_half_an_emoji_in_a_feed_is_dropped_not_the_whole_feed(httpserver):
    # Character references to lone UTF-16 surrogates, in hex and decimal, and a pair of them
    # (which XML does not allow either): feedparser stopped on them and the feed was lost.
    items = (
        "<item><title>Half &#xD83D; emoji</title><link>https://t.example/1</link>"
        "<description>Cut &#55357; and paired &#xd83d;&#xDE00; here</description></item>"
    )
    url = serve(httpserver, "/feed.xml", rss(items))
    page = one_page(FeedSource(url))
    (entry,) = page.candidates
    assert entry.title == "Half emoji"  # titles have their spaces collapsed
    assert entry.summary == "Cut and paired here"


def test_json_feed_is_recognised_without_its_media_type(httpserver):
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1",
            "title": "Plain",
            "items": [{"id": "a", "url": "https://plain.example/a", "content_text": "A"}],
        }
    ).encode()
    url = serve(httpserver, "/feed", b"\n  " + body, content_type="text/plain")
    page = one_page(FeedSource(url))
    assert [c.url for c in page.candidates] == ["https://plain.example/a"]
    assert page.warnings == []


def test_json_that_is_not_a_json_feed_is_a_warning(httpserver):
    url = serve(httpserver, "/api", b'{"posts": []}', content_type="application/json")
    page = one_page(FeedSource(url))
    assert page.candidates == []
    assert page.warnings == [
        f"the address {url} did not return a feed: it is JSON, but not a JSON Feed"
    ]
    assert page.cursor is None


def test_youtube_channel_feed_gives_watch_urls(httpserver):
    url = serve(httpserver, "/feeds/videos.xml", data("youtube.xml"), content_type=ATOM)
    page = one_page(FeedSource(url))

    assert page.warnings == []
    assert page.meta["title"] == "Maker Channel"
    video, short = page.candidates
    assert video.url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert video.title == "Building a bookshelf & more"
    assert video.summary == "In this video we build a bookshelf. Links: https://maker.example/plans"
    assert video.author_name == "Maker Channel"
    assert video.published_at == datetime(2024, 5, 1, 15, 0, 5, tzinfo=UTC)
    # No <link>: the watch URL is built from yt:videoId.
    assert short.url == "https://www.youtube.com/watch?v=abcDEF12345"
    assert short.summary == "Quick tip."


# -- blog comments ------------------------------------------------------------------------


def test_wordpress_comments_become_inbound_replies(httpserver):
    url = serve(httpserver, "/comments/feed/", data("wp_comments.xml"))
    page = one_page(FeedSource(url, kind="blog_comments"))

    assert page.candidates == []
    assert page.warnings == []
    assert page.meta == {
        "title": "Comments for My Little Blog",
        "site_url": "https://blog.example/",
    }
    first, shouting, bruno = page.interactions
    assert first.external_id == "comment:https://blog.example/?p=345#comment-12"
    assert first.kind is Kind.REPLY
    assert first.direction is Direction.INBOUND
    assert first.occurred_at == datetime(2024, 5, 8, 12, 10, 41, tzinfo=UTC)
    assert first.actor.network == "blog"
    assert first.actor.stable_id == "name:ana lima@localhost"
    assert first.actor.handle == "Ana Lima"
    assert first.actor.display_name == "Ana Lima"
    assert first.actor.profile_url == ""
    # The commented post: the comment link without its #comment-N fragment.
    assert first.post.url == "https://blog.example/thanking-people/"
    assert first.post.text == "Lovely post – I shared it with my team!"
    # The same name, differently cased, is the same identity.
    assert shouting.actor.stable_id == first.actor.stable_id
    assert shouting.actor.display_name == "ANA LIMA"
    assert bruno.actor.stable_id == "name:bruno diaz@localhost"
    assert bruno.post.url == "https://blog.example/feeds-not-dead/"
    assert bruno.post.text == (
        "In reply to Chloé (https://blog.example/feeds-not-dead/#comment-8).\n\n"
        "Agreed, RSS (https://rss.example/) is alive."
    )
    # A comment with no author name: nobody to thank.
    assert page.skipped == {"no-author": 1}
    assert len({i.external_id for i in page.interactions}) == 3


def test_atom_comments_use_thread_in_reply_to_and_author_uri(httpserver):
    url = serve(httpserver, "/comments.atom", data("comments_atom.xml"), content_type=ATOM)
    page = one_page(FeedSource(url, kind="blog_comments"))

    (comment,) = page.interactions
    assert comment.external_id == "comment:tag:jana.example,2024:comment-77"
    assert comment.post.url == "https://jana.example/2024/05/gegenseitigkeit"
    assert comment.post.text == "Sehr gut!"
    assert comment.post.language == "de"
    assert comment.actor.stable_id == "https://max.example/"
    assert comment.actor.profile_url == "https://max.example/"
    assert comment.actor.display_name == "Max Müller"
    assert comment.occurred_at == datetime(2024, 5, 8, 7, 0, tzinfo=UTC)


def test_comment_post_falls_back_to_wordpress_comment_feed(httpserver):
    body = (
        b'<?xml version="1.0"?><rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"'
        b' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>C</title><item>'
        b'<title>Comment on X by Eve</title><guid isPermaLink="false">c-1</guid>'
        b"<dc:creator>Eve</dc:creator>"
        b"<wfw:commentRss>https://blog.example/x-post/feed/</wfw:commentRss>"
        b"<description>hi</description></item></channel></rss>"
    )
    url = serve(httpserver, "/c", body)
    (comment,) = one_page(FeedSource(url, kind="blog_comments")).interactions
    assert comment.post.url == "https://blog.example/x-post/"
    assert comment.external_id == "comment:c-1"


# -- conditional GET ----------------------------------------------------------------------

ETAG = '"v1-abc"'
LAST_MODIFIED = "Wed, 08 May 2024 12:00:00 GMT"


def test_unchanged_feed_costs_one_request_and_yields_nothing(httpserver):
    body = data("rss2.xml")

    def handler(request):
        if request.headers.get("If-None-Match") == ETAG:
            return WerkzeugResponse(status=304, headers={"ETag": ETAG})
        return WerkzeugResponse(
            body,
            status=200,
            headers={"ETag": ETAG, "Last-Modified": LAST_MODIFIED},
            content_type=RSS,
        )

    httpserver.expect_request("/feed.xml").respond_with_handler(handler)
    source = FeedSource(httpserver.url_for("/feed.xml"))

    (first,) = sync(source)
    assert len(first.candidates) == 2
    assert json.loads(first.cursor) == {"etag": ETAG, "last_modified": LAST_MODIFIED}

    (second,) = sync(source, cursors={source.stream: first.cursor})
    assert second.candidates == [] and second.interactions == []
    assert second.cursor == first.cursor
    assert second.meta == {"status": "not-modified"}
    assert second.warnings == []

    assert len(httpserver.log) == 2
    first_request, _ = httpserver.log[0]
    assert "If-None-Match" not in first_request.headers
    assert "If-Modified-Since" not in first_request.headers
    request, response = httpserver.log[1]
    assert request.headers["If-None-Match"] == ETAG
    assert request.headers["If-Modified-Since"] == LAST_MODIFIED
    assert request.headers["User-Agent"].startswith("Reciprocity/")
    assert response.status_code == 304


def test_an_unreadable_cursor_means_an_unconditional_request(httpserver):
    url = serve(httpserver, "/feed.xml", data("rss2.xml"), headers={"ETag": ETAG})
    source = FeedSource(url)
    for cursor in ("not json", "[1, 2]", json.dumps({"etag": "x\r\nEvil: 1"})):
        (page,) = sync(source, cursors={source.stream: cursor})
        assert len(page.candidates) == 2
        assert json.loads(page.cursor)["etag"] == ETAG
    for request, _ in httpserver.log:
        assert "If-None-Match" not in request.headers
        assert "Evil" not in request.headers


# -- broken feeds, non-feeds, network errors ----------------------------------------------


def test_broken_feed_yields_what_is_recoverable_with_a_warning(httpserver):
    url = serve(httpserver, "/broken.xml", data("broken.xml"))
    page = one_page(FeedSource(url))

    assert [c.url for c in page.candidates] == [
        "https://broken.example/one",
        "https://broken.example/two",
    ]
    assert page.candidates[1].summary == "An unescaped ampersand: Tom & Jerry"
    assert page.warnings == [
        f"the feed at {url} is not well-formed (line 15: not well-formed (invalid token)); "
        "read 2 entries"
    ]
    assert page.cursor is not None  # what was read is committed; unchanged, it is not re-read


def test_html_page_is_not_a_feed_and_other_sources_still_sync(httpserver):
    html = serve(httpserver, "/", data("not_a_feed.html"), content_type="text/html; charset=utf-8")
    good = serve(httpserver, "/feed.xml", data("rss2.xml"))
    html_page, good_page = sync(FeedSource(html), FeedSource(good))

    assert html_page.candidates == [] and html_page.interactions == []
    assert html_page.warnings == [
        f"the address {html} did not return a feed: "
        "it is a web page (HTML), not RSS, Atom or JSON Feed"
    ]
    assert html_page.cursor is None  # keep the saved cursor: try again next time
    assert len(good_page.candidates) == 2
    assert good_page.warnings == []


def test_empty_body_is_a_warning(httpserver):
    url = serve(httpserver, "/empty", b"")
    page = one_page(FeedSource(url))
    assert page.warnings == [f"the address {url} did not return a feed: the response was empty"]


@pytest.fixture
def silent_server():
    """Accepts connections (the kernel does, via the backlog) and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
    listener.close()


def test_404_and_timeout_are_warnings_for_their_source_only(httpserver, silent_server):
    httpserver.expect_request("/gone.xml").respond_with_data("Not Found", status=404)
    gone = httpserver.url_for("/gone.xml")
    good = serve(httpserver, "/feed.xml", data("rss2.xml"))

    gone_page, slow_page, good_page = sync(
        FeedSource(gone), FeedSource(silent_server), FeedSource(good)
    )

    assert gone_page.candidates == []
    assert gone_page.meta["error"] and "(404)" in gone_page.meta["error"]
    assert gone_page.warnings == [f"could not fetch the feed at {gone}: {gone_page.meta['error']}"]
    assert gone_page.cursor is None
    assert slow_page.candidates == []
    assert slow_page.meta["error"]
    assert slow_page.warnings[0].startswith(f"could not fetch the feed at {silent_server}: ")
    assert slow_page.cursor is None
    assert len(good_page.candidates) == 2
    assert good_page.warnings == []


def test_server_error_is_a_warning(httpserver):
    httpserver.expect_request("/feed.xml").respond_with_data("oops", status=500)
    page = one_page(FeedSource(httpserver.url_for("/feed.xml")))
    assert "server error (500)" in page.meta["error"]


def test_a_long_rate_limit_is_a_warning_for_that_host_and_kept_until_then(httpserver):
    good = serve(httpserver, "/feed.xml", data("rss2.xml"), headers={"ETag": ETAG})
    limited_host = httpserver.url_for("/limited.xml").replace("localhost", "127.0.0.1")
    httpserver.expect_request("/limited.xml").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "120"}
    )
    limited = FeedSource(limited_host)
    saved = {limited.stream: json.dumps({"etag": '"old"', "last_modified": None})}

    before = datetime.now(UTC)
    good_page, limited_page = sync(FeedSource(good), limited, cursors=saved)

    assert len(good_page.candidates) == 2  # the other host's feed is not held back
    host = limited_host.split("/")[2]
    assert limited_page.meta["error"].startswith(f"{host} asked to slow down until ")
    assert limited_page.meta["error"].endswith(" UTC; not asked again before then")
    assert limited_page.warnings == [
        f"could not fetch the feed at {limited_host}: {limited_page.meta['error']}"
    ]
    kept = json.loads(limited_page.cursor)
    assert kept["etag"] == '"old"'  # the validators wait with it
    assert datetime.fromisoformat(kept["retry_at"]) >= before + timedelta(seconds=110)

    asked = len(httpserver.log)
    (again,) = sync(limited, cursors={limited.stream: limited_page.cursor})
    assert len(httpserver.log) == asked  # not asked again before its time
    assert again.meta["error"] == limited_page.meta["error"]
    assert again.cursor == limited_page.cursor


def test_default_client_is_made_per_origin(httpserver):
    url = serve(httpserver, "/feed.xml", data("rss2.xml"))
    (page,) = list(FeedConnector([FeedSource(url)]).pages({}))
    assert len(page.candidates) == 2


def test_feedparser_never_fetches_a_url_itself(httpserver):
    secret = httpserver.url_for("/secret.xml")
    httpserver.expect_request("/secret.xml").respond_with_data(data("rss2.xml"), content_type=RSS)
    url = serve(httpserver, "/pointer", secret.encode(), content_type="text/plain")

    page = one_page(FeedSource(url))

    assert page.candidates == []
    assert page.warnings
    assert [request.path for request, _ in httpserver.log] == ["/pointer"]


# -- entry contents -----------------------------------------------------------------------


def test_huge_summary_and_title_are_trimmed(httpserver):
    words = " ".join(f"word{i}" for i in range(50_000))
    body = rss(
        f"<item><title>{'Long title ' * 200}</title><link>https://t.example/long</link>"
        f"<description>&lt;p&gt;{words}&lt;/p&gt;</description></item>"
    )
    url = serve(httpserver, "/feed.xml", body)
    (candidate,) = one_page(FeedSource(url)).candidates
    assert len(candidate.summary) <= 500
    assert candidate.summary.startswith("word0 word1 ")
    assert candidate.summary.endswith("…")
    assert len(candidate.title) <= 300


def test_odd_unicode_survives_and_control_characters_do_not(httpserver):
    title = "مرحبا بالعالم — שלום 🎉👩🏽‍💻"
    body = rss(
        f"<item><title>{title}</title><link>https://t.example/rtl</link>"
        "<description>emoji 🧵 and a\x00NUL</description></item>"
    )
    url = serve(httpserver, "/feed.xml", body)
    page = one_page(FeedSource(url))
    (candidate,) = page.candidates
    assert candidate.title == title
    assert candidate.summary == "emoji 🧵 and aNUL"
    # A NUL is not XML: the feed is read, but flagged.
    assert "not well-formed" in page.warnings[0]

    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Nul\u0000 feed",
        "items": [
            {
                "id": "1",
                "url": "https://t.example/nul",
                "title": "A\u0000B\ud800C \u202eevil\u202c 🙂",
                "content_text": "line\r\nbreak\u0007",
                "authors": [{"name": "\u0000Zoë\u0000"}],
            }
        ],
    }
    raw = json.dumps(feed).encode()  # ensure_ascii: the NUL and the lone surrogate as escapes
    url = serve(httpserver, "/feed.json", raw, content_type="application/feed+json")
    page = one_page(FeedSource(url))
    (candidate,) = page.candidates
    assert candidate.title == "ABC \u202eevil\u202c 🙂"
    assert candidate.summary == "line break"
    assert candidate.author_name == "Zoë"
    assert page.meta["title"] == "Nul feed"
    for text in (candidate.title, candidate.summary, candidate.author_name):
        text.encode("utf-8")  # storable


def test_entries_without_usable_links_are_skipped_and_counted(httpserver):
    body = rss(
        "<item><title>none</title></item>"
        "<item><title>js</title><link>javascript:alert(1)</link></item>"
        "<item><title>ftp</title><link>ftp://files.example/x</link></item>"
        "<item><title>relative</title><link>/posts/relative</link></item>"
        "<item><title>ok</title><link>https://t.example/ok?utm_source=feed&amp;fbclid=x</link></item>"
    )
    url = serve(httpserver, "/feed.xml", body)
    page = one_page(FeedSource(url))
    assert [c.url for c in page.candidates] == [
        httpserver.url_for("/posts/relative"),  # resolved against the feed's address
        "https://t.example/ok?utm_source=feed&fbclid=x",
    ]
    assert page.skipped == {"no-link": 3}


def test_max_entries_caps_a_page(httpserver):
    items = "".join(
        f"<item><title>{i}</title><link>https://t.example/{i}</link></item>" for i in range(10)
    )
    url = serve(httpserver, "/feed.xml", rss(items))
    page = one_page(FeedSource(url), max_entries=4)
    assert [c.title for c in page.candidates] == ["0", "1", "2", "3"]
    assert page.skipped == {"over-limit": 6}


def test_future_dates_are_not_seen_before_now(httpserver):
    body = rss(
        "<item><title>f</title><link>https://t.example/f</link>"
        "<pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>"
    )
    url = serve(httpserver, "/feed.xml", body)
    (candidate,) = one_page(FeedSource(url)).candidates
    assert candidate.published_at == datetime(2100, 1, 1, tzinfo=UTC)
    assert candidate.seen_at <= datetime.now(UTC)


def test_billion_laughs_feed_is_harmless(httpserver):
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(2, 10))
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol1 "lol">{lol}]>'
        '<rss version="2.0"><channel><title>&lol9;</title>'
        "<item><title>x</title><link>https://t.example/x</link></item></channel></rss>"
    ).encode()
    url = serve(httpserver, "/feed.xml", body)
    page = one_page(FeedSource(url))
    assert len(page.meta.get("title", "")) < 1000
    assert [c.url for c in page.candidates] == ["https://t.example/x"]


# -- sources ------------------------------------------------------------------------------


def test_sources_are_validated_and_deduplicated(httpserver):
    with pytest.raises(ValueError, match="unknown feed kind"):
        FeedSource("https://t.example/feed", kind="podcast")
    with pytest.raises(ValueError, match="http"):
        FeedSource("file:///etc/passwd")
    url = serve(httpserver, "/feed.xml", data("rss2.xml"))
    pages = sync(FeedSource(url), FeedSource(url, title="again"))
    assert len(pages) == 1
    assert FeedConnector([]).network == "feed"


# -- property: whatever a server sends, pages() does not raise ----------------------------


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    body=st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=300).map(lambda b: b'<?xml version="1.0"?><rss version="2.0">' + b),
        st.binary(max_size=300).map(lambda b: b'{"version": "https://jsonfeed.org/version/1",' + b),
    ),
    content_type=st.sampled_from(
        ["application/rss+xml", "text/html", "application/feed+json", "application/octet-stream"]
    ),
    kind=st.sampled_from(["feed", "blog_comments"]),
)
def test_arbitrary_bytes_never_raise(httpserver, body, content_type, kind):
    httpserver.clear()
    url = serve(httpserver, "/fuzz", body, content_type=content_type)
    (page,) = sync(FeedSource(url, kind=kind))
    assert page.warnings or page.candidates or page.interactions or page.cursor
    for event in page.candidates:
        assert event.url.startswith(("http://", "https://"))
