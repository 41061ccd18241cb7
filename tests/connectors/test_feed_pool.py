"""Many feeds at once against threaded loopback hosts: the per-host connection limit,
keep-alive, one host's 429 slowing only that host, a hanging feed holding nobody else, and
pages yielded as they are done. Bounds on time here are generous: the benchmark measures
speed (python -m benchmarks, "wide sync"), these tests only what happens."""

from __future__ import annotations

import time

from desktop.connectors.feeds import FeedConnector, FeedSource


def fetch(urls, cursors=None, **kw):
    kw.setdefault("timeout", (2.0, 5.0))
    connector = FeedConnector([FeedSource(url) for url in urls], **kw)
    return list(connector.pages(cursors or {}))


def by_stream(pages):
    return {page.stream.removeprefix("feed:"): page for page in pages}


def test_at_most_two_connections_per_host_kept_alive_while_the_pool_works_on(feed_hosts):
    one, two = feed_hosts(2)
    urls = [h.feed(f"{h.address[-1]}-{n}", delay=0.15) for n in range(8) for h in (one, two)]

    pages = fetch(urls, workers=8)

    assert len(pages) == 16 and all(len(p.candidates) == 2 for p in pages)
    for host in (one, two):
        assert len(host.log) == 8
        assert host.max_connections == 2  # two at once, never more, though 8 workers ran
        assert host.connections == 2  # and each kept alive from feed to feed


def test_one_host_answering_429_slows_only_that_host(feed_hosts):
    limited, other = feed_hosts(2)
    first = limited.feed("a0", delay=0.05, statuses=[(429, {"Retry-After": "2"})])
    rest = [limited.feed(f"a{n}", delay=0.05) for n in (1, 2, 3)]
    others = [other.feed(f"b{n}", delay=0.05) for n in range(6)]

    pages = by_stream(fetch([first, *rest, *others], workers=4))

    assert all(len(page.candidates) == 2 for page in pages.values())  # all complete
    assert pages[first].warnings == []  # asked again once its host's time had come
    limited_answer, asked_again = limited.requests_for("a0")
    told_to_wait = limited_answer.answered
    assert asked_again.at - told_to_wait >= 1.5
    assert max(r.at for r in other.log) < told_to_wait + 1.0  # the other host went on
    # Its queued feeds waited too (one may have left on the other connection just before
    # the 429 came back, so the retry and at least one of them).
    waited = [r for r in limited.log if r.at - told_to_wait >= 1.5]
    assert len(waited) >= 2 and len(waited) >= len(limited.log) - 3


def test_a_hanging_feed_ends_by_its_timeout_while_the_others_complete(feed_hosts):
    slow_host, other = feed_hosts(2)
    hanging = slow_host.feed("hangs", hang=True)
    beside = [slow_host.feed(f"s{n}", delay=0.05) for n in range(3)]
    others = [other.feed(f"o{n}", delay=0.05) for n in range(5)]
    started = time.monotonic()

    pages = fetch([hanging, *beside, *others], workers=3, timeout=(2.0, 1.0))

    assert time.monotonic() - started < 15  # generous: the timeout is 1 s
    assert pages[-1].stream == "feed:" + hanging  # the others did not wait for it
    done = by_stream(pages)
    assert all(len(done[url].candidates) == 2 for url in beside + others)
    assert "did not answer in time" in done[hanging].meta["error"]
    assert done[hanging].cursor is None  # tried again next time
    assert len(slow_host.requests_for("hangs")) == 1  # not asked again in the same sync


def test_pages_come_as_they_are_done_not_in_the_order_given(feed_hosts):
    (host,) = feed_hosts(1)
    slow = host.feed("slow", delay=0.8)
    quick = [host.feed(f"q{n}") for n in range(3)]

    pages = fetch([slow, *quick], workers=2)

    assert [p.stream for p in pages][-1] == "feed:" + slow
    assert {p.stream for p in pages} == {"feed:" + u for u in [slow, *quick]}


def test_unchanged_feeds_are_asked_with_their_validators_and_cost_a_304(feed_hosts):
    (host,) = feed_hosts(1)
    urls = [host.feed(f"c{n}") for n in range(4)]
    first = fetch(urls)
    host.change("c0")

    again = by_stream(fetch(urls, cursors={p.stream: p.cursor for p in first}))

    assert [r.status for r in host.log[4:]].count(304) == 3
    assert len(again[urls[0]].candidates) == 2
    assert all(again[u].meta.get("status") == "not-modified" for u in urls[1:])
