"""Feed lists in and out as OPML 2.0 (what every feed reader imports and exports).

Reading flattens nested outlines (folders) into one list of FeedSource, in document order,
without duplicates. Writing produces OPML 2.0 that reads back to the same list; a source's
kind other than "feed" is kept in a namespaced attribute other readers ignore.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from desktop.connectors.feeds import FeedSource
from desktop.core.i18n import fill, tx
from desktop.core.urls import is_http_url

__all__ = ["OPML_NAMESPACE", "read_opml", "write_opml"]

OPML_NAMESPACE = "urn:x-reciprocity:opml:1"  # our own attributes, e.g. rcp:kind
_KIND = f"{{{OPML_NAMESPACE}}}kind"
MAX_OPML_BYTES = 10 * 1024 * 1024
# Characters XML 1.0 cannot carry at all (ElementTree would write them and produce a file
# nobody can read back).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _RefuseDoctype(ET.TreeBuilder):
    """Refuses any DOCTYPE, hence any ENTITY declaration.

    ElementTree (expat) expands internal entities, so a "billion laughs" document would
    grow to gigabytes in memory. Entities can only be declared inside a DOCTYPE, and OPML
    has no use for one, so parsing stops the moment a DOCTYPE starts, before any entity
    is declared or used.
    """

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        # XMLParser calls this at a DOCTYPE
        raise ValueError(_doctype_refused())


def _doctype_refused() -> str:
    return tx("Feeds", "this OPML file declares a DOCTYPE or entities, which are refused")


def read_opml(path_or_bytes: str | os.PathLike[str] | bytes | bytearray) -> list[FeedSource]:
    """The feeds in an OPML document (a path to one, or its bytes).

    Outlines without an http(s) xmlUrl (folders, comments, other link types) contribute
    nothing themselves, but their children are read. Raises ValueError, with a message fit
    for the user, for anything that is not OPML.
    """
    if isinstance(path_or_bytes, bytes | bytearray):
        data = bytes(path_or_bytes)
    else:
        path = Path(path_or_bytes)
        if path.stat().st_size > MAX_OPML_BYTES:
            raise ValueError(fill(tx("Feeds", "%1 is too large to be a list of feeds"), path.name))
        data = path.read_bytes()
    if len(data) > MAX_OPML_BYTES:
        raise ValueError(tx("Feeds", "this document is too large to be a list of feeds"))
    # A fast refusal for ASCII-compatible encodings; the parser hook below catches the rest.
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise ValueError(_doctype_refused())
    parser = ET.XMLParser(target=_RefuseDoctype())
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        raise ValueError(
            fill(tx("Feeds", "this is not an OPML file: it is not well-formed XML (%1)"), exc)
        ) from None
    if _local(root.tag) != "opml":
        raise ValueError(
            fill(
                tx("Feeds", "this is not an OPML file: the document is <%1>, not <opml>"),
                _local(root.tag),
            )
        )
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        return []
    sources: dict[str, FeedSource] = {}
    for outline in body.iter():
        if _local(outline.tag) != "outline":
            continue
        attrs = {_local(k).lower(): v for k, v in outline.attrib.items() if "}" not in k}
        url = (attrs.get("xmlurl") or "").strip()
        if not url or url in sources or not is_http_url(url):
            continue
        kind = outline.attrib.get(_KIND, "feed")
        title = " ".join((attrs.get("title") or attrs.get("text") or "").split())
        if title == url:
            title = ""
        try:
            sources[url] = FeedSource(url=url, kind=kind, title=title)
        except ValueError:
            sources[url] = FeedSource(url=url, title=title)  # a kind from a newer version
    return list(sources.values())


def write_opml(
    sources: Iterable[FeedSource], path: str | os.PathLike[str], title: str = "Reciprocity feeds"
) -> None:
    """Write the sources as an OPML 2.0 file, atomically (a temp file, then os.replace)."""
    ET.register_namespace("rcp", OPML_NAMESPACE)
    root = ET.Element("opml", {"version": "2.0"})
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _xml_safe(title)
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    ET.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ET.SubElement(root, "body")
    for source in sources:
        name = _xml_safe(source.title)
        attrs = {"text": name or _xml_safe(source.url)}
        if name:
            attrs["title"] = name
        attrs["type"] = "rss"
        attrs["xmlUrl"] = _xml_safe(source.url)
        if source.kind != "feed":
            attrs[_KIND] = source.kind
        ET.SubElement(body, "outline", attrs)
    ET.indent(root, space="  ")
    document = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

    target = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(document)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)
