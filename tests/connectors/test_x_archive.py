import json
import zipfile
from collections import Counter
from datetime import UTC, datetime

import pytest

from desktop.connectors.base import BadResponse
from desktop.connectors.x_archive import read_x_archive, snowflake_time


def tweet(id_str, text, *, mentions=(), reply_to=None, reply_status=None):
    body = {
        "id_str": id_str,
        "full_text": text,
        "created_at": "Wed Oct 10 20:19:24 +0000 2018",
        "entities": {
            "user_mentions": [
                {"screen_name": s, "name": n, "id_str": str(i)} for i, (s, n) in enumerate(mentions)
            ]
        },
    }
    if reply_to:
        body["in_reply_to_screen_name"] = reply_to
        body["in_reply_to_status_id_str"] = reply_status
    return {"tweet": body}


def make_archive(path, tweets, likes=(), *, tweet_file="data/tweets.js", account=True):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(tweet_file, "window.YTD.tweets.part0 = " + json.dumps(tweets))
        z.writestr(
            "data/like.js",
            "window.YTD.like.part0 = " + json.dumps([{"like": like} for like in likes]),
        )
        if account:
            z.writestr(
                "data/account.js",
                "window.YTD.account.part0 = "
                + json.dumps([{"account": {"username": "me_here", "accountDisplayName": "Me"}}]),
            )
    return path


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
