"""OPML import and export: round trips, nesting, refusal of non-OPML and entity bombs."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import pytest

from desktop.connectors.feeds import FeedSource
from desktop.connectors.opml import read_opml, write_opml

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="Tech">
      <outline text="Slow Web" title="Slow Web Weekly" type="rss"
               xmlUrl="https://slowweb.example/feed.xml" htmlUrl="https://slowweb.example/"/>
      <outline text="Deeper">
        <outline text="Chlo&#233;" type="rss" xmlUrl="https://chloe.example/atom.xml"/>
      </outline>
    </outline>
    <outline type="rss" xmlUrl="https://untitled.example/rss"/>
    <outline text="lowercase attribute" xmlurl="https://lower.example/rss"/>
    <outline text="Duplicate" xmlUrl="https://slowweb.example/feed.xml"/>
    <outline text="A link, not a feed" type="link" url="https://example.org/"/>
    <outline text="Not http" xmlUrl="file:///etc/passwd"/>
    <outline text="Empty" xmlUrl=""/>
    <outline text="   spaced   title   " xmlUrl=" https://spaced.example/feed "/>
  </body>
</opml>
"""


def test_nested_outlines_are_flattened_in_order():
    assert read_opml(NESTED) == [
        FeedSource("https://slowweb.example/feed.xml", title="Slow Web Weekly"),
        FeedSource("https://chloe.example/atom.xml", title="Chloé"),
        FeedSource("https://untitled.example/rss"),
        FeedSource("https://lower.example/rss", title="lowercase attribute"),
        FeedSource("https://spaced.example/feed", title="spaced title"),
    ]


def test_round_trip(tmp_path):
    sources = [
        FeedSource("https://slowweb.example/feed.xml", title="Slow Web Weekly"),
        FeedSource("https://blog.example/comments/feed/", kind="blog_comments", title="My blog"),
        FeedSource("https://untitled.example/rss"),
        FeedSource(
            "https://q.example/feed?a=1&b=2&c=<x>", title="Quotes \"double\" & 'single' <tags>"
        ),
        FeedSource("https://multi.example/feed", title="Tabs\tand  spaces"),
    ]
    path = tmp_path / "feeds.opml"
    write_opml(sources, path)
    read = read_opml(path)
    assert read[:4] == sources[:4]
    assert read[4] == FeedSource("https://multi.example/feed", title="Tabs and spaces")

    root = ET.fromstring(path.read_bytes())
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title") == "Reciprocity feeds"
    assert root.findtext("head/dateCreated")
    outlines = root.findall("body/outline")
    assert [o.get("text") for o in outlines][:3] == [
        "Slow Web Weekly",
        "My blog",
        "https://untitled.example/rss",  # text is required: the address stands in
    ]
    assert all(o.get("type") == "rss" for o in outlines)
    assert b"&amp;" in path.read_bytes() and b"&quot;double&quot;" in path.read_bytes()


def test_unicode_titles(tmp_path):
    sources = [
        FeedSource("https://ar.example/feed", title="مدونة عربية"),
        FeedSource("https://jp.example/feed", title="日本語のブログ 🎌"),
        FeedSource("https://de.example/feed", title="Straße & Grüße"),
        FeedSource("https://nul.example/feed", title="Bad\x00\x0bchars"),
    ]
    path = tmp_path / "unicode.opml"
    write_opml(sources, path, title="Fuentes — ñandú")
    read = read_opml(str(path))
    assert [s.title for s in read] == [
        "مدونة عربية",
        "日本語のブログ 🎌",
        "Straße & Grüße",
        "Badchars",  # characters XML cannot carry are dropped, not written
    ]
    assert ET.fromstring(path.read_bytes()).findtext("head/title") == "Fuentes — ñandú"


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path, monkeypatch):
    path = tmp_path / "feeds.opml"
    path.write_text("old contents", encoding="utf-8")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_opml([FeedSource("https://a.example/feed")], path)
    assert path.read_text(encoding="utf-8") == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["feeds.opml"]

    monkeypatch.undo()
    write_opml([FeedSource("https://a.example/feed")], path)
    assert read_opml(path) == [FeedSource("https://a.example/feed")]
    assert [p.name for p in tmp_path.iterdir()] == ["feeds.opml"]


def test_non_opml_xml_is_refused():
    with pytest.raises(ValueError, match=r"not an OPML file: the document is <rss>"):
        read_opml(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    with pytest.raises(ValueError, match="not well-formed XML"):
        read_opml(b"<opml><body><outline></body>")
    with pytest.raises(ValueError, match="not an OPML file"):
        read_opml(b"just some text")


def test_opml_without_body_or_outlines_is_empty():
    assert read_opml(b'<opml version="1.0"><head/></opml>') == []
    assert read_opml(b'<opml version="2.0"><head/><body/></opml>') == []


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<opml version="2.0"><body><outline text="&lol9;" xmlUrl="https://a.example/feed"/></body></opml>
"""


def test_billion_laughs_is_refused():
    with pytest.raises(ValueError, match="DOCTYPE or entities"):
        read_opml(BILLION_LAUGHS)


def test_doctype_is_refused_even_when_the_byte_check_cannot_see_it():
    # UTF-16: the fast byte check misses "<!DOCTYPE"; the parser hook still refuses it.
    document = BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', "")
    encoded = ('<?xml version="1.0" encoding="UTF-16"?>' + document).encode("utf-16")
    with pytest.raises(ValueError, match="DOCTYPE or entities"):
        read_opml(encoded)


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.example/f"/>'
        "</body></opml>"
    ).encode()
    with pytest.raises(ValueError, match="DOCTYPE or entities"):
        read_opml(document)


def test_a_kind_from_a_newer_version_falls_back_to_feed():
    document = (
        b'<opml version="2.0" xmlns:rcp="urn:x-reciprocity:opml:1"><body>'
        b'<outline text="x" xmlUrl="https://a.example/f" rcp:kind="podcast"/></body></opml>'
    )
    assert read_opml(document) == [FeedSource("https://a.example/f", title="x")]
