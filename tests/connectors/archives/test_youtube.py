"""YouTube's part of a Google Takeout export read into interactions
(desktop.connectors.archives.youtube, youtube_files).

The zips are built here, small and synthetic, in the shapes real exports have been seen in:

- comments/comments.csv, before June 2024 `Comment ID,Channel ID,Comment Create Timestamp,
  Price,Parent Comment ID,Video ID,Comment Text` with `{"takeoutSegments":[{"text":"…"}]}`
  texts; after it `Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,
  Video ID,Comment Text` with comma-joined `{"text":"…"},{"text":"\\n"}` segments (not one
  JSON value); a reply's id `<parent>.<own>`, blank lines at the end: purarue/
  google_takeout_parser's CSV tests and parse_csv.py (its `_validate_content` splits the
  newer texts and notes the raw line breaks inside them); karlicoss/promnesia PR #456
  (the same workaround, cited in /work/shared/research/closed-networks.md §4).
- The wider variant `Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment
  ID,Post ID,Video ID,Comment Text,Top-Level Comment ID` (a Flutter Takeout manager's test,
  CRLF) and its lower-case spelling `Comment create timestamp`, `Comment text`,
  `Top-level comment ID` (a Takeout sample generator's script), both found by code search.
- Mentions inside a text, `{"text":"@someone","mention":{"externalChannelId":"UC…"}}`:
  one Takeout viewer's notes, "measured over a real export" (code search); no second
  source, so a comment without them is only counted.
- subscriptions/subscriptions.csv `Channel Id,Channel Url,Channel Title`, addresses
  `http://www.youtube.com/channel/<id>`, split as subscriptions(1).csv; headers translated
  with the account's language while the order stays: TeamNewPipe/NewPipeExtractor's
  YoutubeSubscriptionExtractor (its comments on the CSV), TeamPiped/Piped PR #417,
  Youtarr #354 (the split). The translated header words used here are made up.
- subscriptions.json (2020): a list of the Data API's subscription resources,
  `snippet.resourceId.channelId`, `snippet.title` (NewPipeExtractor's fromJsonInputStream),
  `snippet.publishedAt` (the API's subscription resource).
- Folder names in other languages: "YouTube y YouTube Music/comentarios/",
  ".../suscripciones/", "YouTube en YouTube Music/reacties/" (eyra's Google data-donation
  extractor, code search); Ukrainian `коментарі.csv` (blackwolf365/your-most-liked-youtube-
  comments-advanced README); "YouTube" alone before 2017 (google_takeout_parser's
  locales/en.py).
- my-comments/my-comments.html, one `<li>Sent at … while watching <a>a video</a>.<br/>…`
  a comment (google_takeout_parser's parse_html/comment.py; juanakira/takeout-comments-
  parser: Spanish `mis-comentarios.html`).
- The API side (comment ids, channel ids, @handles) is the fake Data API of
  tests/connectors/youtube_server.py.
"""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime

import pytest
from connectors.youtube_server import KEY, MY_CHANNEL, FakeYouTube, channel_id, stamp, thread
from sqlalchemy import select

from desktop.app import sign_in as signin
from desktop.app.archive_import import import_archive
from desktop.app.services import Services
from desktop.cli.main import main
from desktop.connectors.archives import read_archive
from desktop.connectors.base import BadResponse
from desktop.core.errors import InvalidRequest
from desktop.platform.secrets import SecretStore
from desktop.queries.accounts import list_accounts
from desktop.queries.archive_sources import archive_sources, remove_archive
from desktop.store.models import Identity
from desktop.sync.runner import sync_accounts

YT = "Takeout/YouTube and YouTube Music/"
ANA, BEN, CLARA = channel_id("ana"), channel_id("ben"), channel_id("clara")
OLD_HEADER = (
    "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text"
)
NEW_HEADER = (
    "Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Video ID,Comment Text"
)
WIDE_HEADER = (
    "Comment ID,Channel ID,Comment create timestamp,Price,Parent comment ID,Post ID,Video ID,"
    "Comment text,Top-level comment ID"
)


def csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def old_text(*segments: dict) -> str:
    return csv_cell(json.dumps({"takeoutSegments": list(segments)}, ensure_ascii=False))


def new_text(*segments: dict) -> str:
    """The post-2024 text: segment objects joined by commas (not one JSON value), their
    line breaks raw and ">" escaped (\\u003e), as Takeout writes them."""
    joined = ",".join(json.dumps(s, ensure_ascii=False) for s in segments)
    return csv_cell(joined.replace("\\n", "\n").replace(">", "\\u003e"))


def mention(handle: str, channel: str) -> dict:
    return {"text": handle, "mention": {"externalChannelId": channel}}


def lines(*rows: str, crlf: bool = False) -> str:
    end = "\r\n" if crlf else "\n"
    return end.join(rows) + end


OLD_COMMENTS = lines(
    OLD_HEADER,
    # A top-level comment: on whose video, the export does not say.
    f"UgxtiXQkY7gqHbldJ1F4AaABAg,{MY_CHANNEL},2023-09-19T17:42:53.434647+00:00,0,,WtOskFeLmr4,"
    + old_text({"text": "coalowl the legend"}),
    # A reply in a thread: YouTube begins it with the @mention of whom it answers.
    f"UgwDN8UeMxW4NDFbvY54AaABAg.9iwJkUYNcXa9u0lv3j3Abh,{MY_CHANNEL},"
    "2023-08-30T01:54:46.801024+00:00,0,UgwDN8UeMxW4NDFbvY54AaABAg,jH39c5-y6kg,"
    + old_text(mention("@ana", ANA), {"text": ' thanks, "exactly" \\ that'}),
    "",
    "",
    crlf=True,
)
NEW_COMMENTS = lines(
    NEW_HEADER,
    f"{MY_CHANNEL},2024-07-14T07:39:35.956042+00:00,0,UgytHqobEtqoKm_-pYB4AaABAg,,rWVAzS6duAs,"
    + new_text(
        {"text": "> loved the part with "},
        mention("@ben", BEN),
        {"text": " and "},
        mention("@clara", CLARA),
        {"text": "\n"},
        {"text": "the most normal video!"},
    ),
    f"{MY_CHANNEL},2016-01-29T18:26:53.255+00:00,0,UgiNMzGz_nAsjXfCoAEC,,ZuvK-oe647c,"
    + new_text({"text": "Great illustration of Bell inequality!"}),
)


def make_takeout(path, files, *, bom=True, when=(2026, 3, 1, 9, 30, 0)):
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=when)
            z.writestr(info, ("\ufeff" if bom and name.endswith(".csv") else "") + text)
    return path


def events(read):
    return sorted(
        (e.kind.value, e.direction.value, e.actor.stable_id, e.occurred_at.isoformat())
        for e in read.page.interactions
    )


def by_id(read):
    return {e.external_id: e for e in read.page.interactions}


# --- comments ----------------------------------------------------------------------------


def test_older_comments_a_reply_that_names_whom_it_answers_is_theirs(tmp_path):
    read = read_archive(
        make_takeout(tmp_path / "t.zip", {YT + "comments/comments.csv": OLD_COMMENTS})
    )
    assert read.network == "youtube"
    assert read.me is not None and read.me.stable_id == MY_CHANNEL
    (reply,) = read.page.interactions
    assert (reply.kind, reply.direction, reply.actor.stable_id) == ("reply", "outbound", ANA)
    assert reply.external_id == (
        "takeout:comment:UgwDN8UeMxW4NDFbvY54AaABAg.9iwJkUYNcXa9u0lv3j3Abh"
    )
    assert reply.occurred_at == datetime(2023, 8, 30, 1, 54, 46, 801024, tzinfo=UTC)
    # The identity the YouTube connector gives the same channel: one person, not two.
    assert (reply.actor.handle, reply.actor.profile_url) == (
        "@ana",
        f"https://www.youtube.com/channel/{ANA}",
    )
    assert reply.post is not None
    assert reply.post.text == '@ana thanks, "exactly" \\ that'  # my words, as written
    assert reply.post.url == "https://www.youtube.com/watch?v=jH39c5-y6kg"
    assert read.page.skipped == {"comment without author": 1}
    assert read.page.warnings == []


def test_newer_comments_joined_segments_and_raw_line_breaks_are_read(tmp_path):
    files = {YT + "comments/comments.csv": NEW_COMMENTS}
    read = read_archive(make_takeout(tmp_path / "t.zip", files, bom=False))
    found = by_id(read)
    assert sorted(found) == [
        f"takeout:comment:UgytHqobEtqoKm_-pYB4AaABAg:mention:{BEN}",
        f"takeout:comment:UgytHqobEtqoKm_-pYB4AaABAg:mention:{CLARA}",
    ]
    ben = found[f"takeout:comment:UgytHqobEtqoKm_-pYB4AaABAg:mention:{BEN}"]
    assert (ben.kind, ben.direction, ben.actor.handle) == ("mention", "outbound", "@ben")
    assert ben.post is not None
    assert ben.post.text == "> loved the part with @ben and @clara\nthe most normal video!"
    assert read.page.skipped == {"comment without author": 1}
    assert read.me is not None and read.me.stable_id == MY_CHANNEL


def test_the_wider_lower_case_layout_and_a_community_post(tmp_path):
    text = lines(
        WIDE_HEADER,
        f"UgzPostComment0000000001,{MY_CHANNEL},2025-02-11T19:04:00Z,0,,UgkxPOST000001,,"
        + new_text(mention("@clara", CLARA), {"text": " this!"})
        + ",",
        f"UgzPostComment0000000001.Reply01,{MY_CHANNEL},2025-02-11T20:15:00Z,0,"
        "UgzPostComment0000000001,,dQw4w9WgXcQ,"
        + new_text({"text": "agreed"})
        + ",UgzPostComment0000000001",
        crlf=True,
    )
    read = read_archive(make_takeout(tmp_path / "t.zip", {YT + "comments/comments(1).csv": text}))
    (clara,) = read.page.interactions
    assert (clara.kind, clara.actor.stable_id) == ("mention", CLARA)
    assert clara.post is not None
    assert clara.post.url == "https://www.youtube.com/post/UgkxPOST000001"
    # The reply names no one: counted, and kept for the store to credit (see below).
    assert read.page.skipped == {"reply without author": 1}
    (open_reply,) = read.open_replies
    assert open_reply.answers == "comment:UgzPostComment0000000001"


def test_a_text_that_is_not_json_is_kept_as_written_and_broken_json_as_nothing(tmp_path):
    text = lines(
        OLD_HEADER,
        f"Ug001aaaaaaaaaaaa,{MY_CHANNEL},2026-03-14T09:26:53.123Z,,,vid42,"
        + csv_cell("First, and it's fine"),
        f"Ug002aaaaaaaaaaaa,{MY_CHANNEL},2026-03-14T10:00:00Z,,,vid42,"
        + csv_cell('{"text":"@ana","mention":{"externalChannelId":"'),
        f"Ug003aaaaaaaaaaaa,{MY_CHANNEL},sometime,,,vid42," + old_text({"text": "when?"}),
    )
    read = read_archive(make_takeout(tmp_path / "t.zip", {YT + "comments/comments.csv": text}))
    assert read.page.interactions == []
    assert read.page.skipped == {"comment without author": 2, "unreadable comment": 1}


def test_split_comment_files_are_all_read_and_one_comment_in_two_counts_once(tmp_path):
    files = {
        YT + "comments/comments.csv": OLD_COMMENTS,
        YT + "comments/comments(1).csv": NEW_COMMENTS,
        YT + "comments/comments(2).csv": OLD_COMMENTS,  # overlapping parts
    }
    read = read_archive(make_takeout(tmp_path / "t.zip", files))
    assert [kind for kind, *_ in events(read)] == ["mention", "mention", "reply"]
    assert read.page.skipped == {"comment without author": 2}  # one in each file, once


def test_older_html_comments_are_counted_only(tmp_path):
    html = (
        "<html><body><ul>"
        '<li>Sent at 2020-04-27 23:18:23 UTC while watching <a href="http://www.youtube.com/'
        'watch?v=mM">a video</a>.<br/>content here</li>'
        '<li>Sent at 2020-04-28 08:00:00 UTC while watching <a href="http://www.youtube.com/'
        'watch?v=nN">a video</a>.<br/>more</li>'
        "</ul></body></html>"
    )
    files = {YT + "my-comments/my-comments.html": html}
    read = read_archive(make_takeout(tmp_path / "t.zip", files))
    assert read.page.interactions == []
    assert read.page.skipped == {"comment without author": 2}


# --- subscriptions -----------------------------------------------------------------------

SUBSCRIPTIONS = lines(
    "Channel Id,Channel Url,Channel Title",
    f"{ANA},http://www.youtube.com/channel/{ANA},Ana Makes",
    f'{BEN},http://www.youtube.com/channel/{BEN},"Ben, Builds Things"',
    crlf=True,
)


def test_subscriptions_are_undated_follows_of_those_channels(tmp_path):
    files = {
        YT + "subscriptions/subscriptions.csv": SUBSCRIPTIONS,
        YT + "subscriptions/subscriptions(1).csv": lines(
            "Channel Id,Channel Url,Channel Title",
            f"{CLARA},http://www.youtube.com/channel/{CLARA},@clara",
            f"{ANA},http://www.youtube.com/channel/{ANA},Ana Makes",  # in both parts
        ),
    }
    read = read_archive(make_takeout(tmp_path / "t.zip", files))
    exported = datetime(2026, 3, 1, 9, 30, tzinfo=UTC).isoformat()  # the zip's own time
    assert events(read) == sorted(
        ("follow", "outbound", who, exported) for who in (ANA, BEN, CLARA)
    )
    actors = {e.actor.stable_id: e.actor for e in read.page.interactions}
    assert (actors[BEN].handle, actors[BEN].display_name, actors[BEN].profile_url) == (
        BEN,  # no @handle known: the channel id, as the connector keeps such a channel
        "Ben, Builds Things",
        f"https://www.youtube.com/channel/{BEN}",
    )
    assert actors[CLARA].handle == "@clara"
    assert read.undated == ("follow",)
    assert read.me is None  # no comment says whose channel it is


def test_subscriptions_json_of_2020_keep_their_own_dates(tmp_path):
    resources = [
        {
            "kind": "youtube#subscription",
            "id": "Dml4FX9QTLW8qYgJTXyYjy0izP8F_Yc08XDJSE72yFI",
            "snippet": {
                "publishedAt": "2019-01-24T03:59:34.739255Z",
                "title": "Ana Makes",
                "resourceId": {"kind": "youtube#channel", "channelId": ANA},
                "channelId": MY_CHANNEL,
            },
        },
        {"snippet": {"title": "no id"}},
    ]
    files = {YT + "subscriptions/subscriptions.json": json.dumps(resources)}
    read = read_archive(make_takeout(tmp_path / "t.zip", files))
    assert events(read) == [("follow", "outbound", ANA, "2019-01-24T03:59:34.739255+00:00")]
    assert read.page.meta == {}  # dated: not history by kind
    assert read.page.skipped == {"subscription without a channel id": 1}
    assert read.me is not None and read.me.stable_id == MY_CHANNEL


def test_a_channel_the_export_names_twice_has_its_handle_and_title_in_both(tmp_path):
    files = {
        YT + "comments/comments.csv": OLD_COMMENTS,
        YT + "subscriptions/subscriptions.csv": SUBSCRIPTIONS,
    }
    read = read_archive(make_takeout(tmp_path / "t.zip", files))
    ana = {
        (e.actor.handle, e.actor.display_name)
        for e in read.page.interactions
        if e.actor.stable_id == ANA
    }
    assert ana == {("@ana", "Ana Makes")}


# --- languages and whole Takeouts ----------------------------------------------------------


def test_folders_files_and_headers_in_another_language_are_read_by_their_shape(tmp_path):
    files = {
        "Takeout/YouTube y YouTube Music/suscripciones/suscripciones.csv": lines(
            "ID del canal,URL del canal,Título del canal",
            f"{ANA},http://www.youtube.com/channel/{ANA},Ana Makes",
        ),
        "Takeout/YouTube і YouTube Music/коментарі/коментарі.csv": NEW_COMMENTS.replace(
            NEW_HEADER, "Ідентифікатор каналу,Час,Ціна,Ідентифікатор,Батьківський,Відео,Текст"
        ),
    }
    read = read_archive(make_takeout(tmp_path / "takeout-es.zip", files))
    assert read.network == "youtube"
    assert [(kind, who) for kind, _d, who, _t in events(read)] == sorted(
        [("follow", ANA), ("mention", BEN), ("mention", CLARA)]
    )
    assert read.me is not None and read.me.stable_id == MY_CHANNEL


def test_a_whole_takeout_reads_only_youtube_and_not_its_other_tables(tmp_path):
    files = {
        "Takeout/archive_browser.html": "<html>Takeout</html>",
        "Takeout/Fit/Daily activity metrics/2026-01-01.csv": "Date,Step count\n2026-01-01,4200\n",
        "Takeout/My Activity/YouTube/MyActivity.html": "<html><body>Watched</body></html>",
        YT + "history/watch-history.json": "[]",
        YT + "live chats/live chats.csv": lines(
            "Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Video ID,Live Chat Text",
            f"UgwsSD8yrDW7_h6F5vZ4AaABDqgB5OC1kgI,{MY_CHANNEL},2018-09-02T05:16:35.510381+00:00,"
            "0,0vGCh85obuI," + old_text(mention("@ana", ANA)),
        ),
        YT + "playlists/Watch later-videos.csv": "Video ID,Playlist Video Creation Timestamp\n"
        "dQw4w9WgXcQ,2024-01-01T00:00:00+00:00\n",
        YT + "channels/channel.csv": f"Channel ID,Channel Title (Original),Channel Visibility\n"
        f"{MY_CHANNEL},My Channel,Public\n",
        YT + "subscriptions/subscriptions.csv": SUBSCRIPTIONS,
    }
    read = read_archive(make_takeout(tmp_path / "takeout-20260301T000000Z-001.zip", files))
    assert [(kind, who) for kind, _d, who, _t in events(read)] == sorted(
        [("follow", ANA), ("follow", BEN)]
    )
    assert read.page.skipped == {} and read.page.warnings == []


def test_a_takeout_without_youtube_is_not_an_export_reciprocity_knows(store, tmp_path):
    files = {
        "Takeout/archive_browser.html": "<html>Takeout</html>",
        "Takeout/Fit/Daily activity metrics/2026-01-01.csv": "Date,Step count\n2026-01-01,4200\n",
        "Takeout/My Activity/YouTube/MyActivity.html": "<html><body>Watched</body></html>",
    }
    path = make_takeout(tmp_path / "takeout-001.zip", files)
    with pytest.raises(BadResponse) as caught:
        import_archive(store, "auto", path)
    assert str(caught.value) == (
        "takeout-001.zip is not an export Reciprocity knows "
        "(facebook, instagram, linkedin, x, youtube)"
    )


def test_a_takeout_is_recognised_without_being_named_and_refused_as_another(store, tmp_path):
    path = make_takeout(tmp_path / "t.zip", {YT + "subscriptions/subscriptions.csv": SUBSCRIPTIONS})
    assert import_archive(store, None, path, preview=True).network == "youtube"
    with pytest.raises(BadResponse, match=r"^t\.zip is an export of YouTube, not of LinkedIn$"):
        import_archive(store, "linkedin", path)


# --- into the store, beside a YouTube channel synced through the API -----------------------


@pytest.fixture
def yt(httpserver, monkeypatch) -> FakeYouTube:
    server = FakeYouTube(httpserver)
    server.add(
        thread("UgzAnaAsks00000000000001", "ana", stamp(30), video="vidA0000001"),
        thread("UgzBenSays00000000000001", "ben", stamp(20), video="vidA0000001"),
    )
    monkeypatch.setattr("desktop.connectors.youtube.DEFAULT_API", server.base)
    return server


def my_replies(*parents: str) -> str:
    rows = [OLD_HEADER]
    for number, parent in enumerate(parents):
        rows.append(
            f"{parent}.Reply{number:02d},{MY_CHANNEL},2024-05-01T12:0{number}:00+00:00,0,"
            f"{parent},vidA0000001," + old_text({"text": f"Thank you! ({number})"})
        )
    return lines(*rows)


def test_a_reply_to_a_comment_the_connector_read_is_credited_to_its_author(store, yt, tmp_path):
    signin.youtube_with_key(store, SecretStore(), "@mychannel", KEY, yt.base)
    (synced,) = sync_accounts(store, SecretStore)
    assert synced.new == 2
    files = {
        YT + "comments/comments.csv": my_replies(
            "UgzAnaAsks00000000000001", "UgzNobodyKnows0000000001"
        )
    }
    path = make_takeout(tmp_path / "t.zip", files)
    preview = import_archive(store, "youtube", path, preview=True)
    assert preview.counts == {"outbound": {"reply": 1}}
    assert preview.skipped == {"reply without author": 1}
    done = import_archive(store, "youtube", path)
    assert (done.new, done.counts, done.skipped) == (
        1,
        {"outbound": {"reply": 1}},
        {"reply without author": 1},
    )
    with store.read() as s:
        ana = s.scalars(select(Identity).where(Identity.stable_id == ANA)).one()
        assert (ana.handle, ana.network) == ("@ana", "youtube")  # the connector's, one identity
        person_id = ana.person_id
    ledger = Services(store).person(person_id).windows["all"]
    # What she did for me (her comment) and what I did for her (my reply), on one person.
    assert (ledger["inbound"], ledger["outbound"]) == ({"reply": 1}, {"reply": 1})


def test_an_archive_never_replaces_a_handle_with_a_bare_channel_id(store, yt, tmp_path):
    signin.youtube_with_key(store, SecretStore(), "@mychannel", KEY, yt.base)
    sync_accounts(store, SecretStore)
    files = {YT + "subscriptions/subscriptions.csv": SUBSCRIPTIONS}
    import_archive(store, "youtube", make_takeout(tmp_path / "t.zip", files))
    with store.read() as s:
        rows = s.execute(
            select(Identity.stable_id, Identity.handle, Identity.display_name).where(
                Identity.stable_id.in_([ANA, BEN])
            )
        ).all()
    # Ana and Ben, as the API named them (@ana), with the titles the export gives.
    assert sorted(rows) == sorted([(ANA, "@ana", "Ana Makes"), (BEN, "@ben", "Ben, Builds Things")])


def run_cli(capsys, data_dir, *args):
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_importing_twice_adds_nothing_and_the_api_account_is_no_archive(yt, capsys, tmp_path):
    data = tmp_path / "data"
    key_file = tmp_path / "youtube.key"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    run_cli(
        capsys,
        data,
        "accounts",
        "add",
        "youtube",
        "--channel",
        "@mychannel",
        "--key-file",
        key_file,
    )
    files = {
        YT + "comments/comments.csv": OLD_COMMENTS,
        YT + "subscriptions/subscriptions.csv": SUBSCRIPTIONS,
    }
    path = make_takeout(tmp_path / "takeout.zip", files)
    first = json.loads(run_cli(capsys, data, "import-archive", "auto", path, "--json"))
    assert first["network"] == "youtube"
    assert (first["new"], first["known"], first["people"]) == (3, 0, 2)
    assert first["interactions"] == {"outbound": {"follow": 2, "reply": 1}}
    assert first["skipped"] == {"comment without author": 1}
    assert any("who subscribes to you" in m for m in first["not_in_export"])
    again = json.loads(run_cli(capsys, data, "import-archive", "youtube", path, "--json"))
    assert (again["new"], again["known"], again["account_id"]) == (0, 3, first["account_id"])
    accounts = json.loads(run_cli(capsys, data, "accounts", "list", "--json"))
    assert sorted((a["network"], a["handle"], a["server"]) for a in accounts) == [
        ("youtube", "@mychannel", yt.base),
        ("youtube", "YouTube archive", "https://takeout.google.com"),
    ]
    (api_account,) = [a["id"] for a in accounts if a["handle"] == "@mychannel"]
    # Sync reads only the API account; the archive has nothing to sync and no key to miss.
    synced = json.loads(run_cli(capsys, data, "sync", "--json"))
    assert [r["account_id"] for r in synced] == [api_account]
    from desktop.store.database import open_store

    store = open_store(f"sqlite:///{data / 'reciprocity.db'}")
    try:
        with store.session() as s:
            assert [src.account_id for src in archive_sources(s)] == [first["account_id"]]
            with pytest.raises(InvalidRequest, match="not an imported archive"):
                remove_archive(s, api_account)
        with store.read() as s:
            states = {a.handle: a.state for a in list_accounts(s)}
        assert states == {"@mychannel": "ok", "YouTube archive": "ok"}
    finally:
        store.close()
