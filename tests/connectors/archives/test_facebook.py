"""Facebook's data export read into interactions (desktop.connectors.archives.facebook), and
the mojibake repair both Meta readers share (desktop.connectors.archives.meta).

The zips are built here, shaped like real exports. Sources for the shapes (checked with the
project's code search; see also /work/shared/research/closed-networks.md, section 2):

- The three generations of the friends and followers lists — 2023+ connections/friends/
  your_friends.json ``{"friends_v2": [{"name", "timestamp"}]}``, connections/followers/
  who_you've_followed.json ``{"following_v3": [...]}``, people_who_followed_you_<n>.json as
  bare lists of ``{"title", "media_list_data", "string_list_data": [{"value", "timestamp"}]}``
  (a later part repeating the last entry of the one before) or ``{"followers_v2": [...]}``;
  2020–22 friends_and_followers/{friends, following, followers}.json with ``friends_v2``,
  ``following_v2`` and ``followers_v2`` entries that have no timestamp; 2018–19
  friends/friends.json ``{"friends"}`` and following_and_followers/{following,
  followers}.json — and profile_information.json ``{"profile_v2" | "profile": {"name":
  {"full_name"}, "profile_uri"}}``: RobinOehler/unfollowtool-export-parsers,
  tests/fixtures/facebook/generate.js and src/parsers/facebook.js; the keys also in a
  decoder script (find_string id 43952622505) and an adapter's path patterns (id 69588021800).
- comments.json ``{"comments_v2": [{"timestamp", "data": [{"comment": {"timestamp",
  "comment", "author"}}], "title": "A commented on B's post."}]}`` with "replied to B's
  comment." titles, and posts/your_posts_1.json as a bare list: NorseKode/Waultar-App,
  documents/parser/content_examples.md.
- likes_and_reactions_1.json as a bare list of ``{"timestamp", "title": "Sam Rivera reacted
  to Alex Morgan's post.", "data": [{"reaction": {"reaction", "actor"}}]}`` beside a 2024+
  likes_and_reactions.json of ``{"timestamp", "fbid", "label_values": [{"label": "Reaction"},
  {"label": "URL"}, {"label": "Name"}]}`` records (often the same reactions again): a test
  fixture of a Facebook export reader (find_string id 71165113638) and a Swift importer's
  LikeImporter (id 38694336471); 2018–20 likes_and_reactions/posts_and_comments.json
  ``{"reactions": [...]}``: an ETL extractor (search "fbetl Reactions").
- The 2023+ folders (your_facebook_activity/, connections/, personal_information/
  profile_information/profile_information.json) and the posts file
  your_posts__check_ins__photos_and_videos_1.json: addshore/facebook-data-image-exif issue 24
  and the directory tree of a Meta export date fixer (id 46937407536).
- Mojibake: "The original data is UTF-8 encoded but was decoded as Latin-1 instead" (Martijn
  Pieters, Stack Overflow question 50008296); the fix is encode('latin-1').decode('utf-8'),
  kept only when it succeeds.
- Titles are in the account's language; the research found no confirmed Spanish wording
  (only "Labels depend on the account language"), so a Spanish title is expected unread.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from datetime import UTC, datetime

import pytest

from desktop.app.archive_import import import_archive
from desktop.connectors.archives import read_archive
from desktop.connectors.archives.facebook import COMMENTED, REACTED, title_target
from desktop.connectors.archives.meta import repair, repaired
from desktop.connectors.base import BadResponse

T0 = 1_700_000_000  # 2023-11-14 22:13:20 UTC
DAY = 86_400
WRITTEN = (2022, 3, 1, 10, 0, 0)  # when the export wrote its files (the zip's dates)
POSTS = "your own posts (not interactions with a person)"
OWN = "on your own posts or comments"


def mangled(value):
    """``value`` as Meta's JSON holds it: each UTF-8 byte of a string a Latin-1 letter."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list):
        return [mangled(item) for item in value]
    if isinstance(value, dict):
        return {mangled(k): mangled(v) for k, v in value.items()}
    return value


def write_zip(path, members):
    with zipfile.ZipFile(path, "w") as z:
        for name, content in members.items():
            data = content if isinstance(content, str) else json.dumps(mangled(content), indent=2)
            z.writestr(zipfile.ZipInfo(name, date_time=WRITTEN), data)
    return path


def people(*names, start=T0, step=DAY):
    return [{"name": name, "timestamp": start - i * step} for i, name in enumerate(names)]


def listed(*names, start=T0):
    return [
        {"title": "", "media_list_data": [], "string_list_data": [{"value": n, "timestamp": t}]}
        for n, t in ((name, start - i * 60) for i, name in enumerate(names))
    ]


def commented(title, said, at):
    author = "Begoña Ruiz"
    return {
        "timestamp": at,
        "data": [{"comment": {"timestamp": at, "comment": said, "author": author}}],
        "title": title,
    }


def reacted(title, at, reaction="LIKE"):
    return {
        "timestamp": at,
        "data": [{"reaction": {"reaction": reaction, "actor": "Begoña Ruiz"}}],
        "title": title,
    }


ACT = "your_facebook_activity/"


def export_2024(tmp_path):
    """A 2023+ export, nested folders."""
    return write_zip(
        tmp_path / "facebook-begoruiz-2024-05-02.zip",
        {
            "connections/friends/your_friends.json": {
                "friends_v2": people("Ana García", "Carlos Pérez")
            },
            "connections/followers/people_who_followed_you_1.json": listed("Dani Núñez", "Eva"),
            "connections/followers/people_who_followed_you_2.json": listed("Eva", start=T0 - 60),
            "connections/followers/who_you've_followed.json": {
                "following_v3": people("Ana García", "Runners Madrid", start=T0 + 100)
            },
            ACT + "comments_and_reactions/comments.json": {
                "comments_v2": [
                    commented(
                        "Begoña Ruiz commented on Ana García's post.",
                        "¡Gracias por la difusión!",
                        T0 + 1,
                    ),
                    commented("Begoña Ruiz replied to Carlos Pérez's comment.", "Olé 😛", T0 + 2),
                    commented("Begoña Ruiz commented on her own post.", "gracias a todos", T0 + 3),
                    commented("Begoña Ruiz commented on a photo.", "bonita", T0 + 4),
                    commented(
                        "Begoña Ruiz comentó la publicación de Eva.", "¡Enhorabuena!", T0 + 5
                    ),
                ]
            },
            ACT + "comments_and_reactions/likes_and_reactions_1.json": [
                reacted("Begoña Ruiz likes Ana García's photo.", T0 + 10),
                reacted(
                    "Begoña Ruiz reacted to Runners Madrid's post in Corredores.", T0 + 11, "LOVE"
                ),
            ],
            # The 2024+ records repeat a reaction of the numbered file, the person under "Name".
            ACT + "comments_and_reactions/likes_and_reactions.json": [
                {
                    "timestamp": T0 + 10,
                    "fbid": "100200300",
                    "label_values": [
                        {"label": "Reaction", "value": "LIKE"},
                        {"label": "URL", "value": "https://www.facebook.com/ana.garcia/posts/1"},
                        {"label": "Name", "value": "Ana García"},
                    ],
                },
                {
                    "timestamp": T0 + 12,
                    "fbid": "100200301",
                    "label_values": [
                        {"label": "Reaction", "value": "WOW"},
                        {"label": "URL", "value": "https://www.facebook.com/eva/posts/2"},
                        {"label": "Name", "value": "Eva"},
                    ],
                },
            ],
            ACT + "posts/your_posts__check_ins__photos_and_videos_1.json": [
                {"timestamp": T0, "data": [{"post": "Nuevo artículo"}]},
                {"timestamp": T0 + 1, "data": [{"post": "Otro"}]},
            ],
            "personal_information/profile_information/profile_information.json": {
                "profile_v2": {
                    "name": {
                        "full_name": "Begoña Ruiz",
                        "first_name": "Begoña",
                        "last_name": "Ruiz",
                    },
                    "profile_uri": "https://www.facebook.com/begoruiz",
                }
            },
        },
    )


def export_2021(tmp_path):
    """A 2020–2022 export: flat folders, followers without times."""
    return write_zip(
        tmp_path / "facebook-2021.zip",
        {
            "friends_and_followers/friends.json": {"friends_v2": people("Ana García")},
            "friends_and_followers/followers.json": {
                "followers_v2": [{"name": "Dani Núñez"}, {"name": ""}]
            },
            "friends_and_followers/following.json": {"following_v2": people("Eva", start=T0 + 7)},
            "comments_and_reactions/comments.json": {
                "comments_v2": [
                    commented("Begoña Ruiz commented on Ana García's post.", "Genial", T0 - 50)
                ]
            },
            "comments_and_reactions/posts_and_comments.json": {
                "reactions_v2": [reacted("Begoña Ruiz likes Eva's post.", T0 - 40)]
            },
            "posts/your_posts_1.json": [{"timestamp": T0, "data": [{"post": "hola"}]}],
            "profile_information/profile_information.json": {
                "profile": {
                    "name": {"full_name": "Begoña Ruiz"},
                    "profile_uri": "https://www.facebook.com/profile.php?id=100004242424242",
                }
            },
        },
    )


def export_2019(tmp_path, *, profile=False):
    """A 2018–2019 export: friends/ and following_and_followers/, unsuffixed keys."""
    members = {
        "friends/friends.json": {"friends": people("Ana García")},
        "following_and_followers/following.json": {"following": people("Eva")},
        "following_and_followers/followers.json": {"followers": [{"name": "Dani Núñez"}]},
        "likes_and_reactions/posts_and_comments.json": {
            "reactions": [reacted("Begoña Ruiz likes Ana García's photo.", T0 - 30)]
        },
    }
    if profile:  # the 2020–22 shape: the 2018–19 one is unconfirmed
        members["profile_information/profile_information.json"] = {
            "profile": {"name": {"full_name": "Begoña Ruiz"}}
        }
    return write_zip(tmp_path / "facebook-2019.zip", members)


def at(seconds):
    return datetime.fromtimestamp(seconds, UTC)


def summary(read):
    return sorted(
        (e.kind.value, e.direction.value, e.actor.display_name, e.occurred_at)
        for e in read.page.interactions
    )


# -- the repair --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seen", "meant"),
    [
        ("BegoÃ±a", "Begoña"),
        ("difusiÃ³n", "difusión"),
        ("Ã\x81lvaro NÃºÃ±ez", "Álvaro Núñez"),
        ("Gracias ð\x9f\x98\x9b", "Gracias 😛"),
        ("Begoña", "Begoña"),  # already right: not valid UTF-8 as bytes, left alone
        ("difusión 😛", "difusión 😛"),  # beyond Latin-1: left alone
        ("plain", "plain"),
    ],
)
def test_mojibake_is_repaired_and_right_text_left_alone(seen, meant):
    assert repair(seen) == meant


def test_every_string_of_a_member_is_repaired_keys_too():
    assert repaired({"Nombre ð\x9f\x98\x9b": ["BegoÃ±a", 3, None]}) == {
        "Nombre 😛": ["Begoña", 3, None]
    }


# -- titles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "verbs", "target"),
    [
        ("Bego commented on Ana García's post.", COMMENTED, ("person", "Ana García")),
        ("Bego replied to Ana’s comment.", COMMENTED, ("person", "Ana")),
        ("Bego commented on Ana's Bakery's photo.", COMMENTED, ("person", "Ana's Bakery")),
        ("Bego replied to James' comment on Eva's post.", COMMENTED, ("person", "James")),
        ("Bego commented on Ana O'Neill's live video.", COMMENTED, ("person", "Ana O'Neill")),
        ("Bego commented on his own post.", COMMENTED, ("own", "")),
        ("Bego replied to their own comment.", COMMENTED, ("own", "")),
        ("Bego commented on a post in Runners Madrid.", COMMENTED, ("nobody", "")),
        ("Bego likes Ana's post.", REACTED, ("person", "Ana")),
        (
            "Bego reacted to Runners Madrid's photo in Corredores.",
            REACTED,
            ("person", "Runners Madrid"),
        ),
        ("A Bego le gusta la publicación de Ana.", REACTED, ("unread", "")),
        ("Bego comentó la publicación de Ana.", COMMENTED, ("unread", "")),
        ("", COMMENTED, ("unread", "")),
    ],
)
def test_whom_a_title_names(title, verbs, target):
    assert title_target(title, verbs) == target


# -- whole exports ----------------------------------------------------------------------


def test_a_2024_export(tmp_path):
    read = read_archive(export_2024(tmp_path))
    assert read.network == "facebook"
    assert read.me is not None
    assert (read.me.display_name, read.me.profile_url) == (
        "Begoña Ruiz",
        "https://www.facebook.com/begoruiz",
    )
    assert summary(read) == [
        ("follow", "inbound", "Ana García", at(T0)),  # a friend since T0
        ("follow", "inbound", "Carlos Pérez", at(T0 - DAY)),
        ("follow", "inbound", "Dani Núñez", at(T0)),
        ("follow", "inbound", "Eva", at(T0 - 60)),
        ("follow", "outbound", "Ana García", at(T0 + 100)),
        ("follow", "outbound", "Runners Madrid", at(T0 + 100 - DAY)),
        ("like", "outbound", "Ana García", at(T0 + 10)),
        ("like", "outbound", "Eva", at(T0 + 12)),
        ("like", "outbound", "Runners Madrid", at(T0 + 11)),
        ("reply", "outbound", "Ana García", at(T0 + 1)),
        ("reply", "outbound", "Carlos Pérez", at(T0 + 2)),
    ]
    ana = next(e.actor for e in read.page.interactions if e.actor.display_name == "Ana García")
    assert (ana.stable_id, ana.handle, ana.profile_url) == ("ana garcía", "Ana García", "")
    said = {e.actor.display_name: e.post.text for e in read.page.interactions if e.kind == "reply"}
    assert said == {"Ana García": "¡Gracias por la difusión!", "Carlos Pérez": "Olé 😛"}
    assert read.page.skipped == Counter(
        {
            OWN: 1,
            POSTS: 2,
            "comment or reaction naming nobody": 1,
            "comment or reaction whose title is not in English": 1,
        }
    )
    assert read.page.warnings == ["1 comments and reactions left out (titles not in English)"]
    assert read.missing == [
        "reactions and comments by others on your posts (only yours are in it)",
        "who shared your posts",
    ]


def test_a_2021_export_dates_followers_when_the_export_was_written(tmp_path):
    read = read_archive(export_2021(tmp_path), "facebook")
    assert read.me is not None and read.me.display_name == "Begoña Ruiz"
    written = datetime(*WRITTEN, tzinfo=UTC)
    assert summary(read) == [
        ("follow", "inbound", "Ana García", at(T0)),
        ("follow", "inbound", "Dani Núñez", written),
        ("follow", "outbound", "Eva", at(T0 + 7)),
        ("like", "outbound", "Eva", at(T0 - 40)),
        ("reply", "outbound", "Ana García", at(T0 - 50)),
    ]
    undated = next(e for e in read.page.interactions if e.actor.display_name == "Dani Núñez")
    assert undated.external_id == "facebook:follower:dani núñez"  # no time: one in any export
    assert read.page.skipped == Counter({"entry without a name": 1, POSTS: 1})


def test_a_2019_export(tmp_path):
    read = read_archive(export_2019(tmp_path))
    assert read.network == "facebook"
    assert read.me is None  # no profile information in it
    assert summary(read) == [
        ("follow", "inbound", "Ana García", at(T0)),
        ("follow", "inbound", "Dani Núñez", datetime(*WRITTEN, tzinfo=UTC)),
        ("follow", "outbound", "Eva", at(T0)),
        ("like", "outbound", "Ana García", at(T0 - 30)),
    ]


def test_importing_twice_adds_nothing(tmp_path, store):
    path = export_2024(tmp_path)
    first = import_archive(store, "facebook", path)
    assert (first.new, first.known, first.people) == (11, 0, 5)
    assert first.counts == {
        "inbound": {"follow": 4},
        "outbound": {"follow": 2, "like": 3, "reply": 2},
    }
    assert first.skipped == {
        "comment or reaction naming nobody": 1,
        "comment or reaction whose title is not in English": 1,
        OWN: 1,
        POSTS: 2,
    }
    assert first.warnings == ["1 comments and reactions left out (titles not in English)"]
    assert (first.first, first.last) == (at(T0 - DAY), at(T0 + 100))
    again = import_archive(store, "facebook", path)
    assert (again.new, again.known, again.account_id) == (0, 11, first.account_id)


def test_an_older_overlapping_export_adds_only_what_is_new(tmp_path, store):
    first = import_archive(store, "facebook", export_2021(tmp_path))
    both = import_archive(store, None, export_2019(tmp_path, profile=True))
    assert both.account_id == first.account_id  # the same account: Begoña Ruiz's
    # Ana's friendship (same name, same day) and Dani's undated follow are known already.
    assert (both.new, both.known) == (2, 2)


def test_the_network_is_recognised_without_a_hint(tmp_path, store):
    for build in (export_2024, export_2021, export_2019):
        assert read_archive(build(tmp_path)).network == "facebook"
    assert import_archive(store, None, export_2024(tmp_path)).network == "facebook"


def test_damaged_json_is_one_line_naming_the_file(tmp_path):
    name = "connections/friends/your_friends.json"
    path = write_zip(tmp_path / "cut.zip", {name: '{"friends_v2": [{"name": "Ana"'})
    with pytest.raises(BadResponse) as caught:
        read_archive(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{name} in cut.zip is not valid JSON")


def test_a_list_in_an_unknown_layout_is_left_out_with_a_warning(tmp_path):
    name = "connections/friends/your_friends.json"
    read = read_archive(write_zip(tmp_path / "odd.zip", {name: {"friends_v9": {"x": 1}}}))
    assert read.page.interactions == []
    assert read.page.skipped == Counter({"file in a layout Reciprocity does not know": 1})
    assert read.page.warnings == [f"{name} is not laid out as Reciprocity expects: it was left out"]


def test_an_instagram_export_asked_as_facebook_is_refused(tmp_path, store):
    path = write_zip(
        tmp_path / "instagram-bego-2025-01-01-x.zip",
        {"connections/followers_and_following/followers_1.json": listed("ana.garcia")},
    )
    with pytest.raises(BadResponse) as caught:
        import_archive(store, "facebook", path)
    assert str(caught.value) == (
        "instagram-bego-2025-01-01-x.zip is an export of Instagram, not of Facebook"
    )
    with pytest.raises(BadResponse, match="is an export of Facebook, not of Instagram"):
        import_archive(store, "instagram", export_2024(tmp_path))
