"""Mastodon pagination: ids ordered as numbers, Link-header ids, and reading a stream
forward from a cursor or back-filling on a first sync."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from desktop.connectors.base import (
    BadResponse,
    Page,
)
from desktop.connectors.fields import expect_list
from desktop.connectors.http import HttpClient, Response
from desktop.core.i18n import fill, tx

MAX_FORWARD_PAGES = 100  # a guard against a server whose Link header never moves on


@dataclass(frozen=True)
class _Stream:
    name: str
    path: str
    parse: Callable[[dict[str, Any], Page], None]  # one item -> events added to the page
    link_cursor: bool = False  # favourites: the Link header's ids are not status ids


def _id_key(value: str) -> tuple[int, str]:
    """Order ids as numbers (snowflakes of varying length), and other ids sensibly."""
    value = value.lstrip("0") or "0"
    return (len(value), value)


def _item_ids(items: list[Any]) -> list[str]:
    ids = []
    for item in items:
        value = item.get("id") if isinstance(item, dict) else None
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
            ids.append(str(value))
    return ids


def _newest_id(items: list[Any]) -> str | None:
    ids = _item_ids(items)
    return max(ids, key=_id_key) if ids else None


def _oldest_id(items: list[Any]) -> str | None:
    ids = _item_ids(items)
    return min(ids, key=_id_key) if ids else None


def _max_id(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return max(a, b, key=_id_key)


def _link_param(response: Response, rel: str, name: str) -> str | None:
    """A pagination id from the Link header. Only the id is taken: the request goes to our
    own endpoint, so a Link pointing at another host never receives the token."""
    link = response.links.get(rel) if isinstance(response.links, dict) else None
    url = link.get("url") if isinstance(link, dict) else None
    if not url:
        return None
    try:
        values = parse_qs(urlsplit(url).query).get(name)
    except ValueError:
        return None
    return values[0] if values and values[0] else None


class _Paging:
    """Reading a stream page by page, forward from a cursor or back-filling (a mixin)."""

    # What the connector provides.
    http: HttpClient
    page_limit: int
    backfill_pages: int

    def _fetch(self, spec: _Stream, params: dict[str, str]) -> tuple[list[Any], Response]:
        response = self.http.get(spec.path, params={"limit": str(self.page_limit), **params})
        items = expect_list(response.data, f"{self.http.host}{spec.path}")
        return items, response

    def _page(self, spec: _Stream, items: list[Any]) -> Page:
        page = Page(stream=spec.name)
        for item in items:
            try:
                if not isinstance(item, dict):
                    raise BadResponse(
                        fill(tx("Network", "expected an object, got %1"), type(item).__name__)
                    )
                spec.parse(item, page)
            except BadResponse as exc:
                page.skipped["malformed"] += 1
                page.warnings.append(
                    fill(tx("Network", "%1: skipped a malformed item: %2"), spec.name, exc)
                )
        return page

    def _forward(self, spec: _Stream, cursor: str) -> Iterator[Page]:
        min_id = cursor
        for _ in range(MAX_FORWARD_PAGES):
            items, response = self._fetch(spec, {"min_id": min_id})
            if not items:
                return
            page = self._page(spec, items)
            newer = _link_param(response, "prev", "min_id")
            page.cursor = newer if spec.link_cursor else (_newest_id(items) or newer)
            if page.cursor is None:
                page.warnings.append(
                    fill(tx("Network", "%1: the server gave no way to read further"), spec.name)
                )
            yield page
            following = newer or page.cursor
            if not following or following == min_id:
                return
            min_id = following

    def _backfill(self, spec: _Stream) -> Iterator[Page]:
        params: dict[str, str] = {}
        newest: str | None = None
        last: Page | None = None
        for number in range(self.backfill_pages):
            items, response = self._fetch(spec, params)
            if not items:
                break
            page = self._page(spec, items)
            if spec.link_cursor:
                if number == 0:
                    newest = _link_param(response, "prev", "min_id")
            else:
                newest = _max_id(newest, _newest_id(items))
            older = _link_param(response, "next", "max_id")
            if older is None and not spec.link_cursor:
                older = _oldest_id(items)
            if number == self.backfill_pages - 1 or not older or older == params.get("max_id"):
                page.cursor = newest
                yield page
                return
            yield page
            last = page
            params = {"max_id": older}
        if last is not None and newest is not None:
            # The page after the last one came back empty: a page of nothing moves the cursor.
            yield Page(stream=spec.name, cursor=newest)
