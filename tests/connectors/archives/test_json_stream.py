"""Lists in exports read entry by entry (desktop.connectors.archives.json_stream): the same
entries json.loads would give, in both layouts Meta and X use, however the text falls across
the reader's buffer; damaged JSON named by its line."""

import io
import json
import re
from collections import Counter

import pytest
from connectors.archives import test_facebook, test_instagram
from connectors.test_x_archive import make_archive, tweet

from desktop.connectors.archives import json_stream, open_archive, read_archive
from desktop.connectors.archives.json_stream import JsonDamaged, JsonStream

SIZES = (1, 2, 3, 7, 64, json_stream.CHUNK)  # characters the reader takes at a time


def streamed(text, keys=(), prefix=None):
    stream = JsonStream(keys, prefix)
    return list(stream.read(io.StringIO(text))), stream


@pytest.fixture(params=SIZES, ids=lambda n: f"chunk{n}")
def chunk(request, monkeypatch):
    monkeypatch.setattr(json_stream, "CHUNK", request.param)
    return request.param


ENTRIES = [
    {"title": "", "string_list_data": [{"value": "ana", "timestamp": 1735732800}]},
    {"n": 12345, "f": -1.25e-7, "big": 10**30, "t": True, "x": None, "s": 'a "q" \\ é 😛'},
    [1, 22, 333],
    4.5e10,
    "bare",
    0,
]


@pytest.mark.parametrize("indent", [None, 2])
def test_a_top_level_list_gives_its_entries(chunk, indent):
    text = json.dumps(ENTRIES, indent=indent)
    entries, stream = streamed(text)
    assert entries == json.loads(text)
    assert stream.shape == "list"


def test_lists_under_the_keys_asked_for_old_layout(chunk):
    text = json.dumps(
        {
            "relationships_followers": ENTRIES[:2],
            "note": {"kept": "whole"},
            "other_list": [1, 2, 3],  # not asked for: read through, dropped
            "relationships_following": ENTRIES[2:],
        },
        indent=1,
    )
    entries, stream = streamed(text, ("relationships_*",))
    assert entries == ENTRIES
    assert stream.shape == "keys"
    assert stream.rest == {"note": {"kept": "whole"}}
    exact, stream = streamed(text, ("relationships_following",))
    assert exact == ENTRIES[2:]


def test_an_object_without_those_lists_is_no_list_file(chunk):
    entries, stream = streamed('{"string_map_data": {"Comment": {"value": "hola"}}}', ("x",))
    assert entries == [] and stream.shape is None
    assert stream.rest == {"string_map_data": {"Comment": {"value": "hola"}}}
    entries, stream = streamed('{"friends_v9": {"x": 1}}', ("friends_v2",))
    assert entries == [] and stream.shape is None


def test_x_js_files_behind_their_assignment(chunk):
    prefix = re.compile(r"^\s*window\.YTD\.[\w.]+\s*=\s*", re.S)
    text = "window.YTD.tweets.part0 = " + json.dumps(ENTRIES, indent=2)
    entries, stream = streamed(text, prefix=prefix)
    assert entries == ENTRIES and stream.shape == "list"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[1,]", 1),
        ("[1 2]", 1),
        ("{\n\n[", 3),
        ('[{"a": 1}', 1),
        ("[1]\nx", 2),
        ('{"k": [1], }', 1),
        ("[1,\n\n2,\n", 4),
        ('[\n"ab', 2),
        ("[tru]", 1),
        ("", 1),
    ],
)
def test_damaged_json_is_named_by_its_line(chunk, text, line):
    with pytest.raises(JsonDamaged) as caught:
        streamed(text, ("k",))
    assert caught.value.line == line
    if text:
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            assert exc.lineno == line  # the line json.loads would name


# The readers' own exports (their tests check what they hold), read with every buffer size:
# what a small buffer cuts anywhere must read the same as one buffer holding it all.


def whole_reads(build, where):
    where.mkdir()
    read = read_archive(build(where))
    return sorted(map(repr, read.page.interactions)), read.page.skipped, read.page.warnings


@pytest.mark.parametrize(
    "build",
    [
        test_instagram.nested_2025,  # bare lists, the 2024+ layout, one comment as an object
        test_instagram.flat_2021,  # {"relationships_followers": [...]} and older keys
        test_facebook.export_2024,
        test_facebook.export_2021,
        test_facebook.export_2019,
    ],
    ids=lambda f: f.__name__,
)
def test_meta_exports_read_the_same_whatever_the_buffer(build, tmp_path, monkeypatch):
    expected = whole_reads(build, tmp_path / "whole")
    assert expected[0]  # something to compare
    for size in (1, 5, 300):
        monkeypatch.setattr(json_stream, "CHUNK", size)
        assert whole_reads(build, tmp_path / f"chunk{size}") == expected


def test_an_x_archive_reads_the_same_whatever_the_buffer(tmp_path, monkeypatch):
    def build(where):
        tweets = [
            tweet(str(100 + i), f"hi @p{i}", mentions=[(f"p{i}", f"P {i}")]) for i in range(40)
        ]
        return make_archive(where / "x.zip", tweets, followers=["1", "2"], manifest={})

    expected = whole_reads(build, tmp_path / "whole")
    monkeypatch.setattr(json_stream, "CHUNK", 3)
    assert whole_reads(build, tmp_path / "small") == expected


def test_a_long_list_comes_in_pages(tmp_path):
    followers = [test_instagram.follower(f"u{i}", 1.6e9 + i) for i in range(4500)]
    path = test_instagram.write_zip(
        tmp_path / "ig.zip", {test_instagram.FF + "followers_1.json": followers}
    )
    with open_archive(path) as stream:
        sizes = [len(page.interactions) for page in stream.pages]
    assert sizes == [2000, 2000, 500]
    assert Counter(e.kind for e in read_archive(path).page.interactions) == {"follow": 4500}
