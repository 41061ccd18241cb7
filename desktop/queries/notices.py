"""The one calm sentence a notification says after a sync (no Qt here).

From the inbound interactions a sync just brought in, :func:`summarize_new` makes a single
:class:`Notice`, however many there were:

- "Ana shared your post 'Networking is giving'" — one kind, one post of mine;
- "Ana and 2 others shared your post 'Networking is giving'";
- "Ana shared 3 of your posts";
- "Ana mentioned you", "Ana and Ben replied to you", "Ana followed you";
- "Ana, Ben and 3 others amplified you" — several kinds.

People are named by first name, most important first (shares and quotes, then mentions and
replies, then likes and follows; the most recent first within each). Two are named when
there are four or more, one when there are three ("Ana and 2 others", never "1 other").

Likes are left out unless the ``thank_likes`` setting is on — as in the pending list — so a
sync that only brought likes says nothing. Interactions already answered, outbound ones and
old ones (a first sync brings years of history; only the last :data:`RECENT` count) are
left out too.

Every text goes through :func:`desktop.core.i18n.tx` (context "Notices"), with ``%1``,
``%2`` for the names and the post and ``%n`` for counts, as Qt Linguist expects. A sentence
about people is told how many there are (``%n`` or not), so a language whose verb agrees
with its subject ("Ana compartió", "Ana y Ben compartieron") can say both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.i18n import PLURAL, fill, tx
from desktop.core.text import excerpt
from desktop.queries.drafts import first_name, title_text
from desktop.queries.pending import PRIORITY_OF_KIND
from desktop.store.models import Identity, Interaction, Person
from desktop.store.settings import get_setting

__all__ = [
    "RECENT",
    "TITLE_LIMIT",
    "Notice",
    "reminder",
    "summarize_new",
]

RECENT = timedelta(days=7)  # older interactions (history from a first sync) say nothing
TITLE_LIMIT = 40  # characters of my post quoted in the sentence, ellipsis included

# Kinds whose post is mine (the interaction's post is the one they shared or liked); for
# quotes, mentions and replies the post is theirs, so it is not quoted back to me.
MY_POST_KINDS = frozenset({"share", "like"})


@dataclass(frozen=True)
class Notice:
    title: str
    body: str
    person_ids: tuple[int, ...]


@dataclass
class _New:
    person_id: int
    name: str
    kind: str
    occurred_at: datetime
    post_url: str
    post_text: str


def summarize_new(
    session: Session,
    interaction_ids: Iterable[int],
    *,
    now: datetime | None = None,
    thank_likes: bool | None = None,
) -> Notice | None:
    """The notice for a sync's new interactions, or None when there is nothing to say."""
    ids = sorted(set(interaction_ids))
    if not ids:
        return None
    if thank_likes is None:
        thank_likes = bool(get_setting(session, "thank_likes"))
    since = (now or datetime.now(UTC)) - RECENT
    items: list[_New] = []
    for start in range(0, len(ids), 400):
        rows = session.execute(
            select(
                Identity.person_id,
                Person.display_name,
                Identity.display_name.label("identity_name"),
                Identity.handle,
                Interaction.kind,
                Interaction.occurred_at,
                Interaction.post_url,
                Interaction.post_text,
            )
            .join(Identity, Identity.id == Interaction.identity_id)
            .join(Person, Person.id == Identity.person_id)
            .where(
                Interaction.id.in_(ids[start : start + 400]),
                Interaction.direction == "inbound",
                Interaction.acknowledgement_id.is_(None),
                Interaction.occurred_at >= since,
            )
        )
        for row in rows:
            if row.kind == "like" and not thank_likes:
                continue
            name = first_name(row.display_name or row.identity_name, row.handle)
            items.append(
                _New(
                    row.person_id,
                    name or row.handle,
                    row.kind,
                    row.occurred_at,
                    row.post_url,
                    row.post_text,
                )
            )
    return compose(items)


def compose(items: list[_New]) -> Notice | None:
    if not items:
        return None
    people = _people_in_order(items)
    names = _names([name for _, name in people])
    n = len(people)
    kinds = {item.kind for item in items}
    body = _amplified(names, n) if len(kinds) > 1 else _one_kind(kinds.pop(), items, names, n)
    title = (
        tx("Notices", "New support")
        if n == 1
        else tx("Notices", "New support from %n people", None, PLURAL, n)
    )
    return Notice(title=title, body=body, person_ids=tuple(pid for pid, _ in people))


def _people_in_order(items: list[_New]) -> list[tuple[int, str]]:
    best: dict[int, tuple[int, float]] = {}
    names: dict[int, str] = {}
    for item in items:
        key = (PRIORITY_OF_KIND.get(item.kind, 9), -item.occurred_at.timestamp())
        if item.person_id not in best or key < best[item.person_id]:
            best[item.person_id] = key
        names[item.person_id] = item.name
    ordered = sorted(best, key=lambda pid: (best[pid], pid))
    return [(pid, names[pid]) for pid in ordered]


def _names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return fill(tx("Notices", "%1 and %2"), names[0], names[1])
    if len(names) == 3:
        return fill(tx("Notices", "%1 and %n others", None, PLURAL, 2), names[0])
    others = len(names) - 2
    return fill(tx("Notices", "%1, %2 and %n others", None, PLURAL, others), names[0], names[1])


def _amplified(names: str, people: int) -> str:
    return fill(tx("Notices", "%1 amplified you", None, PLURAL, people), names)


def _one_kind(kind: str, items: list[_New], names: str, people: int) -> str:
    """The sentence for one kind; ``people`` is how many ``names`` stands for."""
    if kind not in MY_POST_KINDS:
        if kind == "quote":
            return fill(tx("Notices", "%1 quoted you", None, PLURAL, people), names)
        if kind == "reply":
            return fill(tx("Notices", "%1 replied to you", None, PLURAL, people), names)
        if kind == "mention":
            return fill(tx("Notices", "%1 mentioned you", None, PLURAL, people), names)
        if kind == "follow":
            return fill(tx("Notices", "%1 followed you", None, PLURAL, people), names)
        return _amplified(names, people)
    posts: dict[str, str] = {}
    for item in sorted(items, key=lambda i: i.occurred_at, reverse=True):
        posts.setdefault(item.post_url or item.post_text, item.post_text)
    if len(posts) > 1:
        return _several_posts(kind, names, people, len(posts))
    title = title_text(next(iter(posts.values())))
    if not title:
        if kind == "share":
            return fill(tx("Notices", "%1 shared your post", None, PLURAL, people), names)
        return fill(tx("Notices", "%1 liked your post", None, PLURAL, people), names)
    shown = excerpt(title, TITLE_LIMIT)
    if kind == "share":
        return fill(tx("Notices", "%1 shared your post '%2'", None, PLURAL, people), names, shown)
    return fill(tx("Notices", "%1 liked your post '%2'", None, PLURAL, people), names, shown)


def _several_posts(kind: str, names: str, people: int, posts: int) -> str:
    """Like "Ana shared 3 of your posts": the count of posts is %2 (always more than one),
    the plural form follows the people, as the verb does."""
    if kind == "share":
        text = tx("Notices", "%1 shared %2 of your posts", None, PLURAL, people)
    else:
        text = tx("Notices", "%1 liked %2 of your posts", None, PLURAL, people)
    return fill(text, names, posts)


def reminder(pending: int) -> Notice | None:
    """The daily check-in reminder; None when nobody is waiting (then there is none)."""
    if pending <= 0:
        return None
    if pending == 1:
        body = tx("Notices", "1 person is waiting for a thank-you.")
    else:
        body = tx("Notices", "%n people are waiting for a thank-you.", None, PLURAL, pending)
    return Notice(tx("Notices", "Time for your check-in"), body, ())
