import json
import zipfile
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from desktop.app.archive_import import import_archive
from desktop.connectors.archives import read_archive
from desktop.connectors.base import BadResponse
from desktop.connectors.x_archive import read_x_archive, snowflake_time
from desktop.core.events import Kind
from desktop.store.models import Identity, Interaction

CREATED = "Wed Oct 10 20:19:24 +0000 2018"
GENERATED = "2025-01-22T05:46:38.082Z"


def tweet(
    id_str, text, *, mentions=(), reply_to=None, reply_status=None, reply_to_id=None, at=CREATED
):
    """A tweet of mine; a mention is (screen name, name) or (screen name, name, account id)."""
    body = {
        "id_str": id_str,
        "full_text": text,
        "created_at": at,
        "entities": {
            "user_mentions": [
                {"screen_name": m[0], "name": m[1], "id_str": str(m[2] if len(m) > 2 else i)}
                for i, m in enumerate(mentions)
            ]
        },
    }
    if reply_to:
        body["in_reply_to_screen_name"] = reply_to
        body["in_reply_to_status_id_str"] = reply_status
    if reply_to_id:
        body["in_reply_to_user_id_str"] = reply_to_id
    return {"tweet": body}


def follows(key, ids):
    part = [
        {key: {"accountId": i, "userLink": f"https://twitter.com/intent/user?user_id={i}"}}
        for i in ids
    ]
    return f"window.YTD.{key}.part0 = " + json.dumps(part)


def make_archive(
    path,
    tweets,
    likes=(),
    *,
    tweet_file="data/tweets.js",
    account=True,
    followers=None,
    following=None,
    manifest=None,
):
    """An X archive: my account (id 999) unless ``account`` is false; follower.js and
    following.js from lists of account ids; manifest.js from a dict or as given text."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(tweet_file, "window.YTD.tweets.part0 = " + json.dumps(tweets))
        z.writestr(
            "data/like.js",
            "window.YTD.like.part0 = " + json.dumps([{"like": like} for like in likes]),
        )
        if account:
            me = {"username": "me_here", "accountDisplayName": "Me", "accountId": "999"}
            z.writestr(
                "data/account.js", "window.YTD.account.part0 = " + json.dumps([{"account": me}])
            )
        if followers is not None:
            z.writestr("data/follower.js", follows("follower", followers))
        if following is not None:
            z.writestr("data/following.js", follows("following", following))
        if manifest is not None:
            text = manifest if isinstance(manifest, str) else json.dumps(manifest)
            z.writestr("data/manifest.js", "window.__THAR_CONFIG = " + text)
    return path


def generated(stamp=GENERATED):
    return {"userInfo": {"accountId": "999"}, "archiveInfo": {"generationDate": stamp}}


def summary(page):
    return sorted(
        (e.kind.value, e.direction.value, e.actor.handle, e.external_id) for e in page.interactions
    )


def test_retweets_replies_mentions_and_likes_become_outbound_interactions(tmp_path):
    path = make_archive(
        tmp_path / "x.zip",
        [
            tweet("100", "RT @ana_g: networking is giving", mentions=[("ana_g", "Ana G")]),
            tweet(
                "101",
                "@Ben thanks! cc @clara",
                mentions=[("Ben", "Ben"), ("clara", "Clara")],
                reply_to="Ben",
                reply_status="99",
            ),
            tweet("102", "loved the talk by @dan", mentions=[("dan", "Dan")]),
            tweet(
                "103",
                "@me_here continuing my own thread",
                mentions=[("me_here", "Me")],
                reply_to="me_here",
                reply_status="102",
            ),
        ],
        likes=[
            {
                "tweetId": "1050118621198921728",
                "fullText": "a post",
                "expandedUrl": "https://twitter.com/Ana_G/status/1050118621198921728",
            },
            {
                "tweetId": "1050118621198921729",
                "fullText": "?",
                "expandedUrl": "https://twitter.com/i/web/status/1050118621198921729",
            },
        ],
    )
    me, page = read_x_archive(path)
    assert me.handle == "@me_here"
    assert summary(page) == [
        ("like", "outbound", "@Ana_G", "x-like:1050118621198921728"),
        ("mention", "outbound", "@clara", "x:101:clara"),
        ("mention", "outbound", "@dan", "x:102:dan"),
        ("reply", "outbound", "@Ben", "x:101"),
        ("share", "outbound", "@ana_g", "x:100"),
    ]
    # The same person from a retweet and a like (screen name case differs): one identity.
    assert {e.actor.stable_id for e in page.interactions if "ana" in e.actor.stable_id} == {
        "@ana_g"
    }
    reply = next(e for e in page.interactions if e.kind == "reply")
    assert reply.post.url == "https://x.com/Ben/status/99"
    assert reply.occurred_at == datetime(2018, 10, 10, 20, 19, 24, tzinfo=UTC)
    assert page.skipped == Counter({"like without author": 1})
    assert page.warnings == ["1 likes name no author in the archive and were left out"]


def test_older_archives_and_split_parts_are_read(tmp_path):
    path = tmp_path / "old.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "twitter-2019/data/tweet.js",
            "window.YTD.tweet.part0 = " + json.dumps([tweet("1", "hi @a", mentions=[("a", "A")])]),
        )
        z.writestr(
            "twitter-2019/data/tweet-part1.js",
            "window.YTD.tweet.part1 = " + json.dumps([tweet("2", "hi @b", mentions=[("b", "B")])]),
        )
    me, page = read_x_archive(path)
    assert me is None
    assert [e.actor.handle for e in page.interactions] == ["@a", "@b"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip", "is not a zip file"),
        (None, "has no data/tweets.js"),
        ("window.YTD.tweets.part0 = [{", "is not readable"),
    ],
)
def test_bad_archives_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "bad.zip"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        with zipfile.ZipFile(path, "w") as z:
            if content is None:
                z.writestr("data/other.js", "[]")
            else:
                z.writestr("data/tweets.js", content)
    with pytest.raises(BadResponse, match=message):
        read_x_archive(path)


def test_malformed_entries_are_counted_not_fatal(tmp_path):
    path = make_archive(
        tmp_path / "x.zip",
        [{"tweet": {"full_text": "no id"}}, "junk", tweet("5", "ok @z", mentions=[("z", "Z")])],
    )
    _, page = read_x_archive(path)
    assert page.skipped["malformed"] == 2
    assert len(page.interactions) == 1


def test_snowflake_times():
    assert snowflake_time("1050118621198921728") == datetime(
        2018, 10, 10, 20, 19, 24, 211000, tzinfo=UTC
    )
    assert snowflake_time("nope") is None


def follow_events(page):
    return {
        e.external_id: (e.direction.value, e.actor.stable_id, e.actor.handle, e.actor.display_name)
        for e in page.interactions
        if e.kind == Kind.FOLLOW
    }


def test_followers_and_following_become_inbound_and_outbound_follows(tmp_path):
    path = make_archive(
        tmp_path / "x.zip",
        [
            tweet(
                "101",
                "@Ben thanks! cc @clara",
                mentions=[("Ben", "Ben B", "222"), ("clara", "Clara", "333")],
                reply_to="Ben",
                reply_status="99",
                reply_to_id="222",
            ),
        ],
        followers=["222", "444", "999", "444"],  # me and a repeat are left out
        following=["333", "555"],
        manifest=generated(),
    )
    _, page = read_x_archive(path)
    assert follow_events(page) == {
        "follower:222": ("inbound", "@ben", "@Ben", "Ben B"),
        "follower:444": ("inbound", "id:444", "", "X account 444"),
        "following:333": ("outbound", "@clara", "@clara", "Clara"),
        "following:555": ("outbound", "id:555", "", "X account 555"),
    }
    unnamed = next(e for e in page.interactions if e.external_id == "follower:444")
    assert unnamed.actor.profile_url == "https://twitter.com/intent/user?user_id=444"
    assert unnamed.post is None
    named = next(e for e in page.interactions if e.external_id == "follower:222")
    assert named.actor.profile_url == "https://x.com/Ben"
    assert page.warnings == [
        "1 follower has only a number: unnamed until merged",
        "1 followed account has only a number: unnamed until merged",
    ]
    # The reply and the follow are one identity, so one person.
    assert {e.actor.stable_id for e in page.interactions if "ben" in e.actor.stable_id} == {"@ben"}


def test_names_come_from_replies_too_and_the_newest_name_wins(tmp_path):
    path = make_archive(
        tmp_path / "x.zip",
        [
            # A reply whose parent X no longer names in the mentions: the reply fields pair them.
            tweet("1", "so true", reply_to="dora", reply_status="5", reply_to_id="777"),
            # Renamed: the newest tweet's screen name is the one that follows me.
            tweet("2", "hi @old_eve", mentions=[("old_eve", "Eve", "888")], at=CREATED),
            tweet(
                "3",
                "hi @eve",
                mentions=[("eve", "", "888")],
                at="Thu Oct 11 20:19:24 +0000 2018",
            ),
            # X could not resolve this mention: its id is -1, nobody to pair.
            tweet("4", "hi @ghost", mentions=[("ghost", "Ghost", "-1")]),
        ],
        followers=["777", "888"],
        manifest=generated(),
    )
    _, page = read_x_archive(path)
    assert follow_events(page) == {
        "follower:777": ("inbound", "@dora", "@dora", "dora"),
        "follower:888": ("inbound", "@eve", "@eve", "eve"),
    }
    reply = next(e for e in page.interactions if e.kind == Kind.REPLY)
    assert reply.actor.stable_id == "@dora"
    assert page.warnings == []  # every follower has a name


def test_a_follow_is_dated_by_the_archive_else_by_its_newest_time(tmp_path):
    tweets = [tweet("1", "hi @a", mentions=[("a", "A", "1")])]
    likes = [
        {
            "tweetId": "1050118621198921728",
            "fullText": "newer than my tweet",
            "expandedUrl": "https://twitter.com/b/status/1050118621198921728",
        }
    ]
    dated = make_archive(tmp_path / "m.zip", tweets, followers=["5"], manifest=generated())
    (follow,) = [e for e in read_x_archive(dated)[1].interactions if e.kind == Kind.FOLLOW]
    assert follow.occurred_at == datetime(2025, 1, 22, 5, 46, 38, 82000, tzinfo=UTC)
    for name, manifest in [("none.zip", None), ("bad.zip", "{oops"), ("nodate.zip", {})]:
        path = make_archive(tmp_path / name, tweets, likes, followers=["5"], manifest=manifest)
        (follow,) = [e for e in read_x_archive(path)[1].interactions if e.kind == Kind.FOLLOW]
        assert follow.occurred_at == datetime(2018, 10, 10, 20, 19, 24, 211000, tzinfo=UTC), name
    undated = make_archive(tmp_path / "empty.zip", [], followers=["5", "6"], following=["7"])
    _, page = read_x_archive(undated)
    assert page.interactions == []
    assert page.skipped == Counter({"follow without date": 3})


def test_malformed_follow_entries_are_counted_and_a_bad_link_is_replaced(tmp_path):
    path = tmp_path / "x.zip"
    make_archive(path, [tweet("1", "hi")], manifest=generated())
    with zipfile.ZipFile(path, "a") as z:
        entries = [
            {"follower": {"accountId": "12", "userLink": "javascript:alert(1)"}},
            {"follower": {"accountId": "nope"}},
            {"follower": "junk"},
            "junk",
        ]
        z.writestr("data/follower.js", "window.YTD.follower.part0 = " + json.dumps(entries))
    _, page = read_x_archive(path)
    (follow,) = page.interactions
    assert follow.actor.profile_url == "https://x.com/intent/user?user_id=12"
    assert page.skipped == Counter({"malformed": 3})


def test_without_follow_files_nothing_changes(tmp_path):
    path = make_archive(tmp_path / "x.zip", [tweet("1", "hi @a", mentions=[("a", "A")])])
    _, page = read_x_archive(path)
    assert summary(page) == [("mention", "outbound", "@a", "x:1:a")]
    assert page.warnings == [] and not page.skipped


def test_the_export_says_what_x_does_not_hold(tmp_path):
    read = read_archive(make_archive(tmp_path / "x.zip", [tweet("1", "hi")]), "x")
    assert read.missing == [
        "who shared, quoted, liked or replied to your posts",
        "mentions of you by others",
        "when anyone followed you, or you them (follows come without a date)",
    ]


def test_follows_imported_twice_are_added_once_and_join_the_person(store, tmp_path):
    path = make_archive(
        tmp_path / "x.zip",
        [
            tweet(
                "101",
                "@Ben thanks!",
                mentions=[("Ben", "Ben B", "222")],
                reply_to="Ben",
                reply_status="99",
                reply_to_id="222",
            )
        ],
        followers=["222", "444"],
        following=["222", "555"],
        manifest=generated(),
    )
    first = import_archive(store, "x", path)
    assert (first.new, first.known) == (5, 0)
    assert first.counts == {"inbound": {"follow": 2}, "outbound": {"follow": 2, "reply": 1}}
    assert first.people == 3
    assert "1 follower has only a number: unnamed until merged" in first.warnings
    again = import_archive(store, "x", path)
    assert (again.new, again.known) == (0, 5)
    with store.session() as s:
        identities = {i.stable_id: i for i in s.scalars(select(Identity))}
        assert set(identities) == {"@ben", "id:444", "id:555"}
        unnamed = identities["id:444"]
        assert (unnamed.handle, unnamed.display_name) == ("", "X account 444")
        ben = identities["@ben"]
        kinds = s.scalars(select(Interaction.kind).where(Interaction.identity_id == ben.id))
        assert sorted(kinds) == ["follow", "follow", "reply"]


def test_a_follower_named_only_by_a_later_archive_stays_unnamed_until_merged(store, tmp_path):
    first = make_archive(tmp_path / "a.zip", [tweet("1", "hi")], followers=["444"])
    import_archive(store, "x", first)
    later = make_archive(
        tmp_path / "b.zip",
        [
            tweet(
                "2",
                "@zed hi",
                mentions=[("zed", "Zed", "444")],
                at="Wed Jan 22 05:00:00 +0000 2025",
            )
        ],
        followers=["444"],
        manifest=generated(),
    )
    again = import_archive(store, "x", later)
    assert (again.new, again.known) == (1, 1)  # the mention is new, the follow known
    with store.session() as s:
        held = dict(
            s.execute(
                select(Interaction.external_id, Identity.stable_id).join(
                    Identity, Interaction.identity_id == Identity.id
                )
            ).all()
        )
    assert held == {"follower:444": "id:444", "x:2:zed": "@zed"}
