"""Instagram's data export read into interactions (desktop.connectors.archives.instagram).

The zips are built here, shaped like real exports. Sources for the shapes (checked with the
project's code search; see also /work/shared/research/closed-networks.md, section 3):

- followers_1.json as a bare list ``[{"title": "", "media_list_data": [], "string_list_data":
  [{"href", "value", "timestamp"}]}]``, following.json as ``{"relationships_following": [...]}``
  and the nested 2024+ folder connections/followers_and_following/: a "Data Export Schema"
  note of an Instagram export dated 2025-06-13 (find_string id 44306932021).
- The older ``{"relationships_followers": [...]}`` wrapper, following entries whose username
  is only in ``title`` beside an ``https://www.instagram.com/_u/<name>`` href (2024+), the
  2021 flat layout followers_and_following/followers.json, the personal_information/
  (personal_information/)personal_information.json ``{"profile_user": [{"string_map_data":
  {"Username", "Name"}}]}`` and the download's name ``instagram-<user>-<date>-<hash>``:
  RobinOehler/unfollowtool-export-parsers, src/parsers/instagram.js and
  tests/fixtures/instagram/generate.js.
- liked_posts.json as ``{"likes_media_likes": [{"title": author, "string_list_data":
  [{"href", "value", "timestamp"}]}]}`` (older) or a list of ``{"timestamp", "label_values"}``
  whose "Owner" holds "Username" (newer); post_comments_1.json as a list, one object or
  ``{"comments_media_comments": [...]}`` of ``{"string_map_data": {"Comment", "Media Owner",
  "Time"}}`` with Dutch labels ("Opmerking", "Media-eigenaar", "Tijd"): the d3i data-donation
  Instagram extractor (read_file id 71167217881, liked_posts_to_df, post_comments_to_df).
- The 2021–22 comments ``{"comments_media_comments": [{"title": owner, "string_list_data":
  [{"value": text, "timestamp"}]}]}``: an Instagram export parser's parseCommentsPosted
  (find_string id 42809124144) and a French one's process_comments (id 28186803399).
- Mojibake (every UTF-8 byte its own ``\\u00XX``): Martijn Pieters on Stack Overflow 50008296
  (Facebook), the same in Instagram per the d3i extractor's fix_latin1_string.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from datetime import UTC, datetime

import pytest

from desktop.app.archive_import import import_archive
from desktop.connectors.archives import read_archive
from desktop.connectors.base import BadResponse

T0 = 1_735_732_800  # 2025-01-01 12:00 UTC, Unix seconds as the export writes them
DAY = 86_400


def mangled(value):
    """``value`` as Meta's JSON holds it: each UTF-8 byte of a string a Latin-1 letter."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list):
        return [mangled(item) for item in value]
    if isinstance(value, dict):
        return {mangled(k): mangled(v) for k, v in value.items()}
    return value


def meta_json(value) -> str:
    return json.dumps(mangled(value), indent=2)  # ensure_ascii: "\u00c3\u00b1" for "ñ"


def write_zip(path, members):
    with zipfile.ZipFile(path, "w") as z:
        for name, content in members.items():
            z.writestr(name, content if isinstance(content, str) else meta_json(content))
    return path


def follower(username, at):
    return {
        "title": "",
        "media_list_data": [],
        "string_list_data": [
            {"href": f"https://www.instagram.com/{username}", "value": username, "timestamp": at}
        ],
    }


def following_2025(username, at):
    return {
        "title": username,
        "string_list_data": [{"href": f"https://www.instagram.com/_u/{username}", "timestamp": at}],
    }


def comment(owner, said, at, labels=("Comment", "Media Owner", "Time")):
    return {
        "media_list_data": [{"uri": "", "creation_timestamp": at, "title": ""}],
        "string_map_data": {
            labels[0]: {"value": said},
            labels[1]: {"value": owner},
            labels[2]: {"timestamp": at},
        },
    }


def liked_2025(owner, post, at):
    return {
        "timestamp": at,
        "label_values": [
            {"label": "URL", "value": post, "href": post},
            {
                "title": "Owner",
                "dict": [
                    {
                        "dict": [
                            {"label": "URL", "value": f"https://www.instagram.com/{owner}"},
                            {"label": "Name", "value": "Ana García"},
                            {"label": "Username", "value": owner},
                        ],
                        "title": "",
                    }
                ],
            },
        ],
        "fbid": "17900000000000001",
    }


FF = "connections/followers_and_following/"
ACT = "your_instagram_activity/"


def nested_2025(tmp_path):
    """A 2024+ export: nested folders, bare-list followers split in two parts."""
    return write_zip(
        tmp_path / "instagram-bego.ruiz-2025-06-13-YOudpLi7.zip",
        {
            FF + "followers_1.json": [follower("ana.garcia", T0), follower("carlos_m", T0 + DAY)],
            # A second part repeats the last entry of the first, as long lists do.
            FF + "followers_2.json": [follower("carlos_m", T0 + DAY), follower("Dani.P", T0 + 2)],
            FF + "following.json": {"relationships_following": [following_2025("ana.garcia", T0)]},
            # Threads' own lists sit in the same export: not Instagram followers.
            ACT + "threads/followers.json": {
                "text_post_app_text_post_app_followers": [follower("threads.only", T0)]
            },
            ACT + "likes/liked_posts.json": [
                liked_2025("ana.garcia", "https://www.instagram.com/p/C1a2b3/", T0 + 10)
            ],
            ACT + "comments/post_comments_1.json": [
                comment("ana.garcia", "¡Gracias por la difusión! 🙌", T0 + 20),
                comment("bego.ruiz", "on my own post", T0 + 30),
            ],
            # One comment alone is written as a bare object.
            ACT + "comments/reels_comments.json": comment("carlos_m", "Begoña dice olé", T0 + 40),
            "personal_information/personal_information/personal_information.json": {
                "profile_user": [
                    {
                        "media_map_data": {},
                        "string_map_data": {
                            "Email": {"href": "", "value": "bego@example.com", "timestamp": 0},
                            "Username": {"href": "", "value": "bego.ruiz", "timestamp": 0},
                            "Name": {"href": "", "value": "Begoña Ruiz", "timestamp": 0},
                        },
                    }
                ]
            },
        },
    )


def flat_2021(tmp_path):
    """A 2021–2023 export: folders at the top, under the download's own folder, older keys."""
    top = "instagram-bego.ruiz-2022-03-01-AbCdEf/"
    return write_zip(
        tmp_path / "export.zip",
        {
            top + "followers_and_following/followers.json": {
                "relationships_followers": [follower("ana.garcia", T0)]
            },
            top + "followers_and_following/following.json": {
                "relationships_following": [follower("ana.garcia", T0), follower("eva", T0 + 5)]
            },
            top + "likes/liked_posts.json": {
                "likes_media_likes": [
                    {
                        "title": "eva",
                        "string_list_data": [
                            {
                                "href": "https://www.instagram.com/p/B9x8y7/",
                                "value": "👍",
                                "timestamp": T0 + 50,
                            }
                        ],
                    }
                ]
            },
            top + "comments/post_comments.json": {
                "comments_media_comments": [
                    {
                        "title": "eva",
                        "string_list_data": [{"value": "¡Qué bonito! 😛", "timestamp": T0 + 60}],
                    }
                ]
            },
        },
    )


def summary(read):
    return sorted(
        (e.kind.value, e.direction.value, e.actor.stable_id, e.occurred_at)
        for e in read.page.interactions
    )


def at(seconds):
    return datetime.fromtimestamp(seconds, UTC)


def test_a_nested_export_gives_follows_likes_and_replies(tmp_path):
    read = read_archive(nested_2025(tmp_path))
    assert read.network == "instagram"
    assert read.me is not None
    assert (read.me.handle, read.me.display_name) == ("@bego.ruiz", "Begoña Ruiz")
    assert summary(read) == [
        ("follow", "inbound", "ana.garcia", at(T0)),
        ("follow", "inbound", "carlos_m", at(T0 + DAY)),
        ("follow", "inbound", "dani.p", at(T0 + 2)),
        ("follow", "outbound", "ana.garcia", at(T0)),
        ("like", "outbound", "ana.garcia", at(T0 + 10)),
        ("reply", "outbound", "ana.garcia", at(T0 + 20)),
        ("reply", "outbound", "carlos_m", at(T0 + 40)),
    ]
    dani = next(e.actor for e in read.page.interactions if e.actor.stable_id == "dani.p")
    assert (dani.handle, dani.profile_url) == ("@Dani.P", "https://www.instagram.com/Dani.P")
    # The 2024+ following entry names its account in `title`, its href through /_u/.
    follow = next(e for e in read.page.interactions if e.direction == "outbound")
    assert follow.actor.profile_url == "https://www.instagram.com/ana.garcia"
    like = next(e for e in read.page.interactions if e.kind == "like")
    assert like.post is not None and like.post.url == "https://www.instagram.com/p/C1a2b3/"
    said = {e.actor.stable_id: e.post.text for e in read.page.interactions if e.kind == "reply"}
    assert said == {"ana.garcia": "¡Gracias por la difusión! 🙌", "carlos_m": "Begoña dice olé"}
    assert read.page.skipped == Counter({"on your own posts": 1})
    assert read.page.warnings == []
    assert read.missing == [
        "likes and comments by others on your posts (most exports hold only yours)",
        "who shared your posts or mentioned you",
    ]


def test_a_flat_export_with_older_keys(tmp_path):
    read = read_archive(flat_2021(tmp_path), "instagram")
    # No personal information in it: the download's folder name says whose it is.
    assert read.me is not None and read.me.handle == "@bego.ruiz"
    assert summary(read) == [
        ("follow", "inbound", "ana.garcia", at(T0)),
        ("follow", "outbound", "ana.garcia", at(T0)),
        ("follow", "outbound", "eva", at(T0 + 5)),
        ("like", "outbound", "eva", at(T0 + 50)),
        ("reply", "outbound", "eva", at(T0 + 60)),
    ]
    like = next(e for e in read.page.interactions if e.kind == "like")
    assert like.post is not None and like.post.url == "https://www.instagram.com/p/B9x8y7/"
    reply = next(e for e in read.page.interactions if e.kind == "reply")
    assert reply.post is not None and reply.post.text == "¡Qué bonito! 😛"


def test_the_same_entry_in_an_older_and_a_newer_layout_is_the_same_event(tmp_path):
    old = read_archive(flat_2021(tmp_path))
    new = read_archive(nested_2025(tmp_path))
    old_ids = {e.external_id for e in old.page.interactions}
    new_ids = {e.external_id for e in new.page.interactions}
    assert old_ids & new_ids == {
        "instagram:follower:ana.garcia:1735732800",
        "instagram:following:ana.garcia:1735732800",
    }


def test_importing_twice_or_an_overlapping_export_adds_nothing_twice(tmp_path, store):
    first = import_archive(store, "instagram", nested_2025(tmp_path))
    assert (first.new, first.known, first.people) == (7, 0, 3)
    assert first.counts == {
        "inbound": {"follow": 3},
        "outbound": {"follow": 1, "like": 1, "reply": 2},
    }
    assert first.skipped == {"on your own posts": 1}
    assert (first.first, first.last) == (at(T0), at(T0 + DAY))
    again = import_archive(store, "instagram", nested_2025(tmp_path))
    assert (again.new, again.known) == (0, 7)
    assert again.account_id == first.account_id
    # The older export shares two entries with the newer one; only its own three are new.
    older = import_archive(store, None, flat_2021(tmp_path))
    assert (older.new, older.known) == (3, 2)
    assert older.account_id == first.account_id  # the same account: @bego.ruiz


def test_the_network_is_recognised_without_a_hint(tmp_path, store):
    path = nested_2025(tmp_path)
    assert read_archive(path).network == "instagram"
    assert import_archive(store, "auto", path).network == "instagram"


def test_comment_labels_in_another_language(tmp_path):
    dutch = ("Opmerking", "Media-eigenaar", "Tijd")
    spanish = ("Comentario", "Propietario del contenido", "Hora")  # not read: unconfirmed
    path = write_zip(
        tmp_path / "nl.zip",
        {
            FF + "followers_1.json": [],
            "comments/post_comments_1.json": [
                comment("ana.garcia", "Dank je!", T0, dutch),
                comment("eva", "¡Gracias!", T0 + 1, spanish),
            ],
        },
    )
    read = read_archive(path)
    assert summary(read) == [("reply", "outbound", "ana.garcia", at(T0))]
    assert read.page.skipped == Counter({"comment whose post owner the export does not name": 1})
    assert read.page.warnings == ["1 comments name no post owner and were left out"]


def test_entries_without_a_username_or_a_date_are_counted(tmp_path):
    path = write_zip(
        tmp_path / "odd.zip",
        {
            FF + "followers_1.json": [
                follower("ana.garcia", T0),
                follower("not a username", T0),
                follower("eva", 0),
                "junk",
            ],
            FF + "following.json": {"something_else": []},
        },
    )
    read = read_archive(path)
    assert summary(read) == [("follow", "inbound", "ana.garcia", at(T0))]
    assert read.page.skipped == Counter(
        {
            "entry without a username": 2,
            "entry without a date": 1,
            "file in a layout Reciprocity does not know": 1,
        }
    )
    assert read.page.warnings == [
        f"{FF}following.json is not laid out as Reciprocity expects: it was left out"
    ]


def test_damaged_json_is_one_line_naming_the_file(tmp_path):
    path = write_zip(tmp_path / "cut.zip", {FF + "followers_1.json": '[{"title": "", "string'})
    with pytest.raises(BadResponse) as caught:
        read_archive(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{FF}followers_1.json in cut.zip is not valid JSON (line 1)")


def test_an_instagram_export_is_not_taken_for_a_facebook_one(tmp_path, store):
    path = nested_2025(tmp_path)
    with pytest.raises(BadResponse) as caught:
        import_archive(store, "facebook", path)
    assert str(caught.value) == (
        "instagram-bego.ruiz-2025-06-13-YOudpLi7.zip is an export of Instagram, not of Facebook"
    )
