"""How the archive search (search.py) asks each backend, fast on a store of years.

Newest first over a full-text match is the hard part: a common word matches a sixth of a
million interactions, a rare one a dozen. So a search first estimates how many rows its
words match, then either reads all the matches and sorts those few ("gather"), or walks
the interactions from the newest down, checking each against the words, until the page is
full ("scan"). Both give the same rows: tests/queries/test_search.py runs every case both
ways, on both backends.

- SQLite (FTS5, migrations 0005 and 0010): a word's candidates are counted up to
  GATHER_AT_MOST (cheap); fewer, and they are gathered; more, and the time index is
  walked (INDEXED BY), each row checked against the matching row ids, which SQLite reads
  once per query into a temporary index.
- PostgreSQL (GIN over interactions.search_doc, migration 0010): a single word the
  planner's statistics say is rare is gathered (bitmap scans); anything else is scanned for
  over the newest SCAN_WINDOW rows (the stored words make each check cheap), then what the
  page still lacks is gathered from the older rows. The plan is fixed with planner
  switches for the one statement: left to itself, the planner took any unknown word for a
  common one and scanned a million rows, folding each post again, to find none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import TextClause, bindparam, text
from sqlalchemy.orm import Session

from desktop.core.text import fold
from desktop.store.models import Interaction, UTCDateTime

Mode = Literal["auto", "gather", "scan"]

PREFIX_FROM = 3  # words this long match word starts; shorter ones whole words
GATHER_AT_MOST = 2000  # fewer candidate rows than this are read and sorted
SCAN_WINDOW = 20_000  # PostgreSQL: rows scanned at most, then the older matches are read
MAX_TERMS = 10


@dataclass(frozen=True)
class Filters:
    kind: str | None
    network: str | None
    since: datetime | None
    before: tuple[datetime, int] | None  # (occurred_at, id): rows older than this

    def sql(self, params: dict[str, Any]) -> list[str]:
        out = []
        if self.kind:
            out.append("i.kind = :kind")
            params["kind"] = self.kind
        if self.network:
            out.append("i.network = :network")
            params["network"] = self.network
        if self.since:
            out.append("i.occurred_at >= :since")
            params["since"] = self.since
        if self.before:
            out.append("(i.occurred_at, i.id) < (:before_at, :before_id)")
            params["before_at"], params["before_id"] = self.before
        return out


@dataclass
class Term:
    """One word as a backend matches it: in post texts, and the identities it names."""

    post: str  # an FTS5 query (SQLite) or a tsquery (PostgreSQL)
    identities: list[int]


# The main query's columns, typed so that times come back aware (UTC).
COLUMNS = (
    Interaction.id,
    Interaction.occurred_at,
    Interaction.kind,
    Interaction.direction,
    Interaction.network,
    Interaction.identity_id,
    Interaction.post_url,
    Interaction.post_text,
)
_SELECT = (
    "SELECT i.id, i.occurred_at, i.kind, i.direction, i.network, i.identity_id,"
    " i.post_url, i.post_text FROM interactions AS i"
)
_ORDER = " ORDER BY i.occurred_at DESC, i.id DESC LIMIT :limit"
_TIMES = ("since", "before_at", "window")


def _statement(sql: str) -> TextClause:
    """Plain SQL whose time parameters are stored as the models store them."""
    times = [bindparam(name, type_=UTCDateTime()) for name in _TIMES if f":{name}" in sql]
    return text(sql).bindparams(*times)


class Backend:
    def __init__(self, session: Session) -> None:
        self.session = session

    def terms(self, words: list[str]) -> list[Term]:
        raise NotImplementedError

    def search(
        self, terms: list[Term], filters: Filters, limit: int, mode: Mode
    ) -> tuple[Sequence[Any], str]:
        """Up to ``limit`` rows (COLUMNS), newest first, and the mode that answered."""
        raise NotImplementedError

    def _rows(self, sql: str, params: dict[str, Any]) -> Sequence[Any]:
        return self.session.execute(_statement(sql).columns(*COLUMNS), params).all()


def backend_for(session: Session) -> Backend:
    if session.get_bind().dialect.name == "postgresql":
        return Postgres(session)
    return Sqlite(session)


# -- SQLite: FTS5 ----------------------------------------------------------------------


def _fts_phrase(word: str, prefix: bool) -> str:
    # A quoted FTS5 string is never an operator; a word has no quotes, but be sure.
    return '"' + word.replace('"', '""') + '"' + ("*" if prefix else "")


_SQLITE_NAMES = """
WITH RECURSIVE chain(id) AS (
    SELECT rowid FROM person_search WHERE person_search MATCH :person
    UNION
    SELECT p.merged_into_id FROM persons AS p JOIN chain ON p.id = chain.id
    WHERE p.merged_into_id IS NOT NULL
)
SELECT id FROM identities WHERE person_id IN (
    SELECT id FROM chain
    UNION
    SELECT person_id FROM identities
    WHERE id IN (SELECT rowid FROM identity_search WHERE identity_search MATCH :identity))
"""
_SQLITE_POST = "SELECT rowid FROM interaction_search WHERE interaction_search MATCH :{name}"
_SQLITE_OF = (
    "SELECT id FROM interactions WHERE identity_id IN (SELECT value FROM json_each(:{name}))"
)


class Sqlite(Backend):
    def terms(self, words: list[str]) -> list[Term]:
        terms = []
        for word in words:
            prefix = len(word) >= PREFIX_FROM
            post = _fts_phrase(word, prefix)
            # identity_search holds folded names (migration 0005): fold the word likewise.
            found = self.session.scalars(
                text(_SQLITE_NAMES),
                {"person": post, "identity": _fts_phrase(fold(word), prefix)},
            )
            terms.append(Term(post, sorted(set(found))))
        return terms

    def _count(self, sql: str, params: dict[str, Any]) -> int:
        bounded = f"SELECT count(*) FROM ({sql} LIMIT {GATHER_AT_MOST + 1})"
        return int(self.session.scalar(text(bounded), params) or 0)

    def search(
        self, terms: list[Term], filters: Filters, limit: int, mode: Mode
    ) -> tuple[Sequence[Any], str]:
        params: dict[str, Any] = {"limit": limit}
        if not any(term.identities for term in terms):
            # Posts alone: one full-text query with every word (FTS5 ANDs them).
            terms = [Term(" ".join(term.post for term in terms), [])]
        # How many candidates each word has, at most GATHER_AT_MOST + 1 (cheap to count).
        sizes = []
        for n, term in enumerate(terms):
            size = self._count(_SQLITE_POST.format(name="q"), {"q": term.post})
            if term.identities:
                size += self._count(
                    _SQLITE_OF.format(name="ids"), {"ids": json.dumps(term.identities)}
                )
            sizes.append((size, n))
        smallest, first = min(sizes)
        if mode == "auto":
            mode = "gather" if smallest <= GATHER_AT_MOST else "scan"
        gather = mode == "gather"
        where = []
        for n, term in enumerate(terms):
            params[f"q{n}"] = term.post
            # Gathering starts from the smallest word's candidates; the other words only
            # filter ("+" keeps SQLite from reading through their indexes instead).
            plus = "+" if gather and n != first else ""
            alternatives = [f"{plus}i.id IN ({_SQLITE_POST.format(name=f'q{n}')})"]
            if term.identities:
                params[f"ids{n}"] = json.dumps(term.identities)
                if gather and n == first:  # by id: both alternatives drive the look-up
                    alternatives.append(f"i.id IN ({_SQLITE_OF.format(name=f'ids{n}')})")
                else:
                    alternatives.append(
                        f"{plus}i.identity_id IN (SELECT value FROM json_each(:ids{n}))"
                    )
            where.append("(" + " OR ".join(alternatives) + ")")
        where += filters.sql(params)
        hint = "" if gather else " INDEXED BY ix_interactions_occurred_at"
        sql = f"{_SELECT}{hint} WHERE {' AND '.join(where)}{_ORDER}"
        return self._rows(sql, params), mode


# -- PostgreSQL: GIN over interactions.search_doc ----------------------------------------

_PG_LEXEMES = (
    "SELECT pg_catalog.tsvector_to_array(pg_catalog.to_tsvector("
    "'pg_catalog.simple'::pg_catalog.regconfig, reciprocity_fold(:text)))"
)
_PG_NAMES = """
WITH RECURSIVE chain(id) AS (
    SELECT id FROM persons
    WHERE reciprocity_search_doc(display_name) @@ CAST(:q AS tsquery)
    UNION
    SELECT p.merged_into_id FROM persons AS p JOIN chain ON p.id = chain.id
    WHERE p.merged_into_id IS NOT NULL
)
SELECT id FROM chain
UNION
SELECT person_id FROM identities
WHERE reciprocity_search_doc(display_name || ' ' || handle) @@ CAST(:q AS tsquery)
"""
# Apart, so that the planner probes the index for a few thousand people rather than
# hashing every identity (30 ms on 150,000 of them).
_PG_IDENTITIES = "SELECT id FROM identities WHERE person_id = ANY(CAST(:people AS integer[]))"
_PG_POST = "i.search_doc @@ CAST(:{name} AS tsquery)"
_PG_OF = "i.identity_id = ANY(CAST(:{name} AS integer[]))"
_PG_ROWS = "SELECT reltuples FROM pg_catalog.pg_class WHERE oid = CAST(:table AS regclass)"
# Planner switches for one statement: bitmap scans only (gather), or the time index only
# (scan), whatever its row estimates would have preferred.
_GATHER = {"enable_seqscan": "off", "enable_indexscan": "off", "enable_indexonlyscan": "off"}
_SCAN = {"enable_seqscan": "off", "enable_bitmapscan": "off"}


def _tsquery_lexeme(lexeme: str, prefix: bool) -> str:
    quoted = "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":*" if prefix else "")


class Postgres(Backend):
    def terms(self, words: list[str]) -> list[Term]:
        # The same fold and words as the index: the server's, not Python's.
        lexemes = self.session.scalar(text(_PG_LEXEMES), {"text": " ".join(words)}) or []
        terms = []
        for lexeme in lexemes[:MAX_TERMS]:
            query = _tsquery_lexeme(lexeme, len(lexeme) >= PREFIX_FROM)
            people: list[int] = list(self.session.scalars(text(_PG_NAMES), {"q": query}))
            found: list[int] = []
            if people:
                found = list(self.session.scalars(text(_PG_IDENTITIES), {"people": people}))
            terms.append(Term(query, sorted(set(found))))
        return terms

    def search(
        self, terms: list[Term], filters: Filters, limit: int, mode: Mode
    ) -> tuple[Sequence[Any], str]:
        params: dict[str, Any] = {"limit": limit}
        if not any(term.identities for term in terms):
            terms = [Term(" & ".join(term.post for term in terms), [])]
        if mode == "auto":
            # Gather a single rare word's matches; anything else is scanned for over the
            # newest rows first (cheap: SCAN_WINDOW rows at most), as the planner's choice
            # of the index to gather several words from was poor: it read the heap rows of
            # a common word's 160,000 matches to keep the 50 that also named a person.
            rare = len(terms) == 1 and self._matches(terms[0]) <= GATHER_AT_MOST
            mode = "gather" if rare else "scan"
        where = []
        for n, term in enumerate(terms):
            params[f"q{n}"] = term.post
            match = _PG_POST.format(name=f"q{n}")
            if term.identities:
                params[f"ids{n}"] = term.identities
                match = f"({_PG_OF.format(name=f'ids{n}')} OR {match})"
            where.append(match)
        conditions = where + filters.sql(params)
        found: list[Any] = []
        if mode == "scan":
            # Over the newest SCAN_WINDOW rows at most: a word common long ago and never
            # since would otherwise have every row of the table read.
            window = self._window_start(filters, params)
            scanned = conditions + (["i.occurred_at >= :window"] if window else [])
            found = list(self._planned(_SCAN, scanned, dict(params, window=window)))
            if len(found) >= limit or window is None:
                return found, mode
            conditions = [*conditions, "i.occurred_at < :window"]
            params = dict(params, window=window, limit=limit - len(found))
        found += self._planned(_GATHER, conditions, params)
        return found, mode

    def _planned(
        self, settings: dict[str, str], conditions: list[str], params: dict[str, Any]
    ) -> Sequence[Any]:
        sql = f"{_SELECT} WHERE {' AND '.join(conditions)}{_ORDER}"
        for name, value in settings.items():
            self.session.execute(text(f"SET LOCAL {name} = {value}"))
        try:
            return self._rows(sql, params)
        finally:
            for name in settings:
                self.session.execute(text(f"RESET {name}"))

    def _matches(self, term: Term) -> float:
        """About how many interactions match: the planner's statistics say how common a
        word of posts is; each person named brings an identity's average."""
        explain = "EXPLAIN (FORMAT JSON) SELECT 1 FROM interactions AS i WHERE "
        plan = self.session.scalar(text(explain + _PG_POST.format(name="q")), {"q": term.post})
        if isinstance(plan, str):
            plan = json.loads(plan)
        posts = float(plan[0]["Plan"]["Plan Rows"])
        if not term.identities:
            return posts
        interactions = self._reltuples("interactions")
        identities = self._reltuples("identities")
        return posts + len(term.identities) * interactions / max(identities, 1.0)

    def _reltuples(self, table: str) -> float:
        return max(float(self.session.scalar(text(_PG_ROWS), {"table": table}) or 0.0), 0.0)

    def _window_start(self, filters: Filters, params: dict[str, Any]) -> datetime | None:
        """The time of the SCAN_WINDOW-th newest row the scan would read, or None when
        there are fewer."""
        older = Filters(None, None, filters.since, filters.before).sql(params)
        where = f" WHERE {' AND '.join(older)}" if older else ""
        sql = (
            f"SELECT i.occurred_at FROM interactions AS i{where}"
            f" ORDER BY i.occurred_at DESC, i.id DESC OFFSET {SCAN_WINDOW - 1} LIMIT 1"
        )
        statement = _statement(sql).columns(Interaction.occurred_at)
        found: datetime | None = self.session.scalar(statement, params)
        return found
