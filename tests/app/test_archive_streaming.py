"""Big exports, imported page by page in one transaction (desktop.app.archive_import):
the store ends up as one page of everything made it, an export damaged halfway or a write
that fails halfway leaves the store exactly as it was, progress moves to its end, and a
preview keeps what it read on disk for Import to write."""

import gc
import json
import os
import zipfile
from datetime import UTC, datetime

import pytest
from connectors.archives import test_facebook, test_instagram, test_linkedin
from connectors.test_x_archive import generated, make_archive, tweet
from sqlalchemy import text

import desktop.app.archive_import as archive_import
from desktop.app.archive_import import import_archive, write_archive
from desktop.connectors.archives import KINDS, PAGE_EVENTS, open_archive, read_archive
from desktop.connectors.archives.spill import Spill
from desktop.connectors.base import BadResponse, Page
from desktop.core.events import Actor, Direction, InteractionEvent, Kind, Post
from desktop.core.length import network_label
from desktop.queries.accounts import upsert_account
from desktop.queries.archive_sources import settle_history
from desktop.store.database import open_store
from desktop.sync.engine import SyncReport, write_pages

N = PAGE_EVENTS + PAGE_EVENTS // 2  # entries enough for two pages and a bit
T0 = 1_600_000_000
FF = test_instagram.FF


def instagram(path, n=N, *, damaged=False, media=False):
    """Followers in one part (and a second one cut short, if ``damaged``), whom I follow,
    what I liked; with ``media``, a photo the reader never opens."""
    members = {
        FF + "followers_1.json": [test_instagram.follower(f"fan{i}", T0 + i) for i in range(n)],
        FF + "following.json": {
            "relationships_following": [test_instagram.follower(f"idol{i}", T0) for i in range(50)]
        },
        "likes/liked_posts.json": {
            "likes_media_likes": [
                {
                    "title": f"fan{i}",
                    "string_list_data": [{"href": f"https://i/p/{i}/", "timestamp": T0 + i}],
                }
                for i in range(30)
            ]
        },
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, json.dumps(content))
        if damaged:  # the last part read: good for a while, then cut off
            late = [test_instagram.follower(f"late{i}", T0 + i) for i in range(n)]
            z.writestr(FF + "followers_2.json", json.dumps(late)[:-5000])
        if media:
            z.writestr("media/posts/202501/photo.jpg", os.urandom(200_000))
    return path


def facebook(path):
    friends = test_facebook.people(*(f"Friend {i}" for i in range(N)), step=60)
    comments = [
        test_facebook.commented(
            f"Begoña Ruiz commented on Friend {i}'s post.", f"bravo {i}", T0 + i
        )
        for i in range(300)
    ]
    return test_facebook.write_zip(
        path,
        {
            "connections/friends/your_friends.json": {"friends_v2": friends},
            "your_facebook_activity/comments_and_reactions/comments.json": {
                "comments_v2": comments
            },
        },
    )


def x(path, *, media=False):
    tweets = [
        tweet(str(1000 + i), f"hi @p{i}", mentions=[(f"p{i}", f"P {i}", 5000 + i)])
        for i in range(N)
    ]
    make_archive(
        path, tweets, followers=[str(5000 + i) for i in range(N)] + ["42"], manifest=generated()
    )
    if media:
        with zipfile.ZipFile(path, "a") as z:
            z.writestr("data/tweets_media/1000-a.jpg", os.urandom(300_000))
    return path


def linkedin(path):
    rows = [f"P{i},L{i},https://www.linkedin.com/in/p{i},,,,01 Jan 2024" for i in range(N)]
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    return test_linkedin.make_export(path, {"Connections.csv": "\n".join([header, *rows]) + "\n"})


BUILDERS = {"instagram": instagram, "facebook": facebook, "x": x, "linkedin": linkedin}


def dump(store):
    """Everything an import writes, without row ids or the moment it ran."""
    with store.read() as session:
        queries = {
            "accounts": "SELECT network, server_url, handle, display_name, state FROM accounts",
            "interactions": """SELECT a.network, i.external_id, i.kind, i.direction,
                i.occurred_at, i.post_url, i.post_text, d.network, d.stable_id, d.handle,
                d.display_name, d.profile_url, k.action, k.text
                FROM interactions i JOIN accounts a ON a.id = i.account_id
                JOIN identities d ON d.id = i.identity_id
                LEFT JOIN acknowledgements k ON k.id = i.acknowledgement_id""",
            "people": """SELECT p.display_name, d.network, d.stable_id, s.inbound, s.outbound,
                s.first_at, s.last_at FROM persons p JOIN identities d ON d.person_id = p.id
                LEFT JOIN person_stats s ON s.person_id = p.id""",
            "acknowledgements": "SELECT action, how, text FROM acknowledgements",
            "cursors": "SELECT a.network, c.stream, c.cursor FROM sync_cursors c"
            " JOIN accounts a ON a.id = c.account_id",
        }
        return {
            name: sorted(repr(tuple(map(as_stored, row))) for row in session.execute(text(sql)))
            for name, sql in queries.items()
        }


def as_stored(value):
    """A raw query's value as SQLite gives it: PostgreSQL gives a datetime, SQLite its text."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def one_page_import(store, path):
    """What the import did before pages: the whole export read into one page, written."""
    read = read_archive(path)
    with store.session() as s:
        label = f"{network_label(read.network)} archive"
        me = read.me
        name = me.display_name or me.handle if me else ""
        account_id = upsert_account(
            s, read.network, KINDS[read.network].server_url, label, display_name=name
        ).id
    write_pages(store, account_id, [read.page], SyncReport(account_id, label))
    with store.session() as s:
        settle_history(s, account_id, undated=read.undated)


@pytest.fixture
def other_store(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'other' / 'reciprocity.db'}")
    yield s
    s.close()


@pytest.mark.parametrize("network", sorted(BUILDERS))
def test_an_export_of_several_pages_makes_the_store_one_page_made(
    network, store, other_store, tmp_path
):
    path = BUILDERS[network](tmp_path / f"{network}.zip")
    with open_archive(path) as stream:
        assert sum(1 for _ in stream.pages) >= 2  # really more than one page
    imported = import_archive(store, None, path)
    one_page_import(other_store, path)
    assert imported.new >= N
    assert dump(store) == dump(other_store)
    assert dump(store)["interactions"]


def test_a_preview_kept_and_written_makes_the_same_store(store, other_store, tmp_path):
    path = instagram(tmp_path / "ig.zip")
    preview = import_archive(store, None, path, preview=True, keep=True)
    assert dump(store)["interactions"] == []  # a preview writes nothing
    os.unlink(path)  # Import does not read the export again
    written = write_archive(store, preview)
    assert preview.read is not None and preview.read.closed  # dropped once written
    one_page_import(other_store, instagram(tmp_path / "again.zip"))
    assert dump(store) == dump(other_store)
    assert (written.new, written.known, written.people) == (N + 80, 0, N + 50)
    assert (
        written.counts
        == preview.counts
        == {
            "inbound": {"follow": N},
            "outbound": {"follow": 50, "like": 30},
        }
    )


def before_and_after(store, tmp_path):
    """The store with something in it already: a LinkedIn export and a small Instagram one."""
    import_archive(store, None, linkedin(tmp_path / "li.zip"))
    import_archive(store, None, instagram(tmp_path / "small.zip", n=10))
    return dump(store)


def test_an_export_damaged_in_its_last_part_leaves_the_store_as_it_was(
    store, tmp_path, monkeypatch
):
    before = before_and_after(store, tmp_path)
    pages = []
    real = archive_import.ingest_pages
    monkeypatch.setattr(archive_import, "ingest_pages", lambda *a: pages.append(a[2]) or real(*a))
    path = instagram(tmp_path / "big.zip", damaged=True)
    with pytest.raises(BadResponse, match=r"followers_2.json in big.zip is not valid JSON"):
        import_archive(store, None, path)
    assert len(pages) >= 2  # pages were written in the transaction before the damage...
    assert dump(store) == before  # ...and none of them stayed


def test_a_write_that_fails_halfway_leaves_the_store_as_it_was(store, tmp_path, monkeypatch):
    before = before_and_after(store, tmp_path)
    real, calls = archive_import.ingest_pages, []

    def failing(*args):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(*args)

    monkeypatch.setattr(archive_import, "ingest_pages", failing)
    with pytest.raises(OSError, match="disk full"):
        import_archive(store, None, x(tmp_path / "x.zip"))  # a new account: none is left
    assert dump(store) == before
    calls.clear()
    preview = import_archive(store, None, instagram(tmp_path / "big.zip"), preview=True, keep=True)
    with pytest.raises(OSError, match="disk full"):
        write_archive(store, preview)  # an account that exists: left as it was
    assert dump(store) == before
    assert preview.read is not None and preview.read.closed


def test_progress_counts_the_files_read_up_to_their_end(store, tmp_path):
    for network, path in (
        ("instagram", instagram(tmp_path / "ig.zip", media=True)),
        ("x", x(tmp_path / "x.zip", media=True)),
    ):
        heard: list[tuple[int, int]] = []
        import_archive(store, network, path, progress=lambda *told, h=heard: h.append(told))
        dones, totals = zip(*heard, strict=True)
        with zipfile.ZipFile(path) as z:
            read = sum(i.file_size for i in z.infolist() if not i.filename.endswith(".jpg"))
        assert set(totals) == {read}, network  # the photos are not part of the work
        assert list(dones) == sorted(dones) and dones[-1] == read, network
        assert len(heard) > 2, network


def test_import_reports_how_many_interactions_are_written(store, tmp_path):
    preview = import_archive(store, None, x(tmp_path / "x.zip"), preview=True, keep=True)
    total = sum(n for kinds in preview.counts.values() for n in kinds.values())
    heard = []
    write_archive(store, preview, lambda done, of: heard.append((done, of)))
    dones, totals = zip(*heard, strict=True)
    assert total > PAGE_EVENTS
    assert set(totals) == {total + total // 10}  # and a tenth for settling the history
    assert list(dones) == sorted(dones) and dones[-1] == totals[0]
    assert PAGE_EVENTS in dones and total in dones  # a page written, all written, settled


def test_importing_twice_adds_once(store, tmp_path):
    path = facebook(tmp_path / "fb.zip")
    first = import_archive(store, None, path)
    after_first = dump(store)
    again = import_archive(store, None, path)
    assert (again.new, again.known) == (0, first.new)
    kept = import_archive(store, None, path, preview=True, keep=True)
    assert write_archive(store, kept).new == 0
    assert dump(store) == after_first


def event(i, **extra):
    who = Actor("x", f"@p{i}", f"@P{i}", f"P {i}", f"https://x.com/P{i}")
    return InteractionEvent(
        f"x:{i}",
        Kind.REPLY,
        Direction.OUTBOUND,
        who,
        datetime(2024, 1, 1, 12, i, tzinfo=UTC),
        **extra,
    )


def test_a_spill_gives_back_the_pages_it_was_given(tmp_path):
    pages = [
        Page("x-archive", [event(1, post=Post("https://x.com/a/status/1", "hola", "es", "1"))]),
        Page("x-archive", [event(2, via=event(3).actor), event(4)], cursor="c"),
        Page("x-archive", [], skipped={"malformed": 2}, warnings=["w"], meta={"k": "v"}),
    ]
    with open_archive(x(tmp_path / "x.zip")) as stream:
        spill = Spill(stream, tmp_path)
    for page in pages:
        spill.add(page)
    replay = spill.stream()
    assert (replay.network, replay.me, replay.undated) == ("x", stream.me, ("follow",))
    assert list(replay.pages) == pages
    assert spill.events == 3
    spill.close()
    assert spill.closed
    assert list(tmp_path.glob("reciprocity-import-*")) == []  # nothing left beside the store


def test_a_preview_nobody_imports_leaves_no_open_file(store, tmp_path):
    preview = import_archive(store, None, x(tmp_path / "x.zip"), preview=True, keep=True)
    spill = preview.read
    del preview
    gc.collect()  # an unclosed file would warn here, and warnings fail the tests
    assert spill is not None and spill.closed is False  # still held here...
    spill = None
    gc.collect()
