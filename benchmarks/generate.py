"""A synthetic store of three heavy years, built by bulk inserts into a real migrated store.

The schema comes from `open_store` (Alembic, so the file is a real Reciprocity store); the
rows go in through plain sqlite3 `executemany` with the secondary indexes dropped during
the load and rebuilt afterwards. Stores are cached under `benchmarks/.cache/`, keyed by
size, generator version and schema revision; a cached store older than `MAX_AGE` is built
again (its dates are relative to when it was built, and snoozes run out).

Distributions (a heavy user: a consultant or an agency managing a brand):
- every person came in with one interaction (a follow or a like); the other interactions
  follow a Zipf law over people, so a few people do most of the sharing;
- 72 % inbound, 28 % outbound; most interactions are likes; the rate grows over the years;
- the user checks in every morning and thanks (or dismisses) people with something other
  than likes pending, usually within a day or two, so the pending list holds hundreds of
  people; people who only liked are never asked about (`thank_likes` is off), so their
  likes stay unanswered, as they would;
- candidates: hundreds of links a day, 45 % first seen in one of the feeds, the rest in
  timeline posts; how often a link is seen again is heavy-tailed.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import os
import random
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

GENERATOR_VERSION = 2
CACHE_DIR = Path(__file__).with_name(".cache")
MAX_AGE = timedelta(days=7)
YEARS = 3
SEED = 20261126

MY_MASTODON_ID = "109000000000000001"
MY_INSTANCE = "https://example.social"
INTERESTS = ["python", "privacy", "open source", "fediverse"]


@dataclass(frozen=True)
class Sizes:
    interactions: int
    people: int
    identities: int
    candidates: int
    sightings: int
    feeds: int
    accounts: int = 3


FULL = Sizes(
    interactions=1_000_000,
    people=100_000,
    identities=150_000,
    candidates=200_000,
    sightings=600_000,
    feeds=500,
)


def sizes_for(interactions: int) -> Sizes:
    """The full-size proportions, scaled to a number of interactions."""
    f = interactions / FULL.interactions
    people = max(20, round(FULL.people * f))
    candidates = max(20, round(FULL.candidates * f))
    return Sizes(
        interactions=max(interactions, people),
        people=people,
        identities=max(people, round(FULL.identities * f)),
        candidates=candidates,
        sightings=max(candidates, round(FULL.sightings * f)),
        feeds=max(5, round(FULL.feeds * f)),
    )


@dataclass
class Built:
    """A generated store and what the benchmarks need to know about it."""

    path: Path
    meta: dict

    @property
    def anchor(self) -> datetime:
        return datetime.fromisoformat(self.meta["anchor"])


# --- time as SQLAlchemy stores it on SQLite ------------------------------------------------


class Clock:
    """Seconds since `start` -> "YYYY-MM-DD HH:MM:SS.ffffff" (SQLAlchemy's SQLite format),
    fast: the date part is looked up per day."""

    def __init__(self, start: datetime, days: int) -> None:
        self.start = start
        self.days = [(start + timedelta(days=d)).strftime("%Y-%m-%d") for d in range(days + 2)]

    def __call__(self, seconds: float) -> str:
        whole = int(seconds)
        micro = int((seconds - whole) * 1_000_000)
        day, rest = divmod(whole, 86400)
        hour, rest = divmod(rest, 3600)
        minute, second = divmod(rest, 60)
        return f"{self.days[day]} {hour:02d}:{minute:02d}:{second:02d}.{micro:06d}"


# --- words --------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "Ana Ben Carla Dan Elena Farid Greta Hugo Inés Jonas Karin Luis María Marco Martín "
    "Marta Nadia Noah Olga Pablo Pilar Quentin Rosa Ramón Sara Sven Tessa Tomás Ursula "
    "Víctor Wanda Ximena Yusuf Zoe Amélie Bruno Chloé Diego Eva Felix Gabriel Hanna Ivan "
    "Julia Kofi Lena Mateo Nora Omar Paula Rafael Sofía Teo Valentina Walter Yara Zeynep "
    "Aiko Bjørn Céline Dmitri Émile François Grégoire Hélène Ígor Jürgen Łukasz Mónica"
)
LAST = _words(
    "García Müller Smith Rossi Dubois Novak Kowalski Fernández López Martínez Schmidt Jensen "
    "Silva Santos Okafor Nakamura Kim Chen Haddad Ivanova Petrov Andersen Bianchi Moreau "
    "Fischer Weber Álvarez Gómez Díaz Ruiz Herrera Castro Romero Navarro Torres Vargas "
    "Ortega Delgado Morales Jiménez Mendoza Nyström Øberg Çelik Yılmaz Şahin Dvořák Horváth"
)
VOCAB = _words(
    "the a of and to in for on with how why what your our new open source python rust "
    "privacy security fediverse mastodon bluesky community maintainers release notes guide "
    "design accessibility data science web browser linux desktop mobile app apps cloud "
    "policy research study report interview conference talk slides video podcast event "
    "startup product marketing brand audience growth content creators writing newsletter "
    "difusión comunidad café résumé naïve über straße open-data climate energy city "
    "transport health education teaching students library archive history future ai "
    "models tools workflow productivity remote work team hiring jobs career tips lessons "
    "learned mistakes success failure story case migration performance benchmark database "
    "sqlite postgres search index query speed fast slow small large years months weeks"
)


def fold_word(word: str) -> str:
    from desktop.core.text import fold

    return fold(word)


def ascii_slug(text: str) -> str:
    folded = fold_word(text)
    return "".join(ch for ch in folded if ch.isalnum()) or "x"


# --- the build ----------------------------------------------------------------------------


def cache_path(sizes: Sizes, cache_dir: Path = CACHE_DIR) -> Path:
    from desktop.store.database import head_revision

    name = f"store-v{GENERATOR_VERSION}-r{head_revision()}-{sizes.interactions}.db"
    return cache_dir / name


def ensure_store(
    sizes: Sizes, cache_dir: Path = CACHE_DIR, *, force: bool = False, log=print
) -> tuple[Built, bool]:
    """The cached store for these sizes, generated if missing or stale. (built, was_cached)."""
    path = cache_path(sizes, cache_dir)
    meta_path = path.with_suffix(".json")
    if not force and path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        anchor = datetime.fromisoformat(meta["anchor"])
        if datetime.now(UTC) - anchor < MAX_AGE:
            return Built(path, meta), True
    cache_dir.mkdir(parents=True, exist_ok=True)
    ignore = cache_dir / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n!.gitignore\n", encoding="utf-8")
    log(f"generating a store of {sizes.interactions:,} interactions in {path} ...")
    built = generate(path, sizes)
    log(f"generated in {built.meta['seconds']:.1f} s")
    return built, False


def generate(path: Path, sizes: Sizes, *, seed: int = SEED) -> Built:
    started = time.perf_counter()
    tmp = path.with_name(path.name + ".part")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)

    from desktop.store.database import open_store
    from desktop.store.sharers import RECOUNT_ALL_SQL
    from desktop.store.stats import REBUILD_SQL

    store = open_store(f"sqlite:///{tmp}")  # the real schema, migrated by Alembic
    store.close()

    anchor = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    gen = _Generator(sizes, anchor, random.Random(seed))
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-600000")
        conn.execute("PRAGMA temp_store=MEMORY")
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
        conn.execute("BEGIN")
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        gen.write(conn)
        for _, sql in indexes:
            conn.execute(sql)
        conn.execute(REBUILD_SQL)  # per-person totals, as ingest would have kept them
        conn.execute(RECOUNT_ALL_SQL)  # sharers per candidate, likewise
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode=WAL")  # as open_store leaves every store
    finally:
        conn.close()

    store = open_store(f"sqlite:///{tmp}")  # still a store the app opens as is
    try:
        from desktop.store.search_index import catch_up

        indexing = time.perf_counter()
        catch_up(store, batch=sizes.interactions + 1)  # the archive search's post words
        gen.facts["search_index_seconds"] = round(time.perf_counter() - indexing, 2)
    finally:
        store.close()
    for p in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    os.replace(tmp, path)
    meta = {
        "generator_version": GENERATOR_VERSION,
        "sizes": asdict(sizes),
        "anchor": anchor.isoformat(),
        "seconds": round(time.perf_counter() - started, 2),
        **gen.facts,
    }
    path.with_suffix(".json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return Built(path, meta)


def _zipf_cum(n: int, s: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (k + 1) ** s for k in range(n)))


class _Generator:
    def __init__(self, sizes: Sizes, anchor: datetime, rng: random.Random) -> None:
        self.sizes = sizes
        self.anchor = anchor
        self.rng = rng
        self.span = YEARS * 365 * 86400
        self.start = anchor - timedelta(seconds=self.span)
        self.clock = Clock(self.start, YEARS * 365)
        self.facts: dict = {}
        self.folded = {w: fold_word(w) for w in set(VOCAB) | set(FIRST) | set(LAST)}

    # Times grow denser towards the present (the user's audience grows): density ~ t.
    def _times(self, n: int) -> list[float]:
        r = self.rng.random
        span = self.span
        return sorted(span * math.sqrt(r()) for _ in range(n))

    def write(self, conn: sqlite3.Connection) -> None:
        self._accounts(conn)
        self._people(conn)
        self._feeds(conn)
        self._interactions(conn)
        self._candidates(conn)
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('interests', ?)", (json.dumps(INTERESTS),)
        )

    def _accounts(self, conn: sqlite3.Connection) -> None:
        now = self.clock(self.span)
        created = self.clock(0)
        conn.executemany(
            "INSERT INTO accounts (id, network, server_url, handle, display_name, stable_id,"
            " state, last_sync_at, last_error, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (1, "mastodon", MY_INSTANCE, "@me@example.social", "Me", MY_MASTODON_ID)
                + ("ok", now, "", created),
                (2, "bluesky", "https://bsky.social", "me.bsky.social", "Me", "did:plc:me")
                + ("ok", now, "", created),
                (3, "feed", "", "Feeds", "Feeds", "", "ok", now, "", created),
            ],
        )
        self.facts["mastodon_account_id"] = 1
        self.facts["my_mastodon_id"] = MY_MASTODON_ID

    def _people(self, conn: sqlite3.Connection) -> None:
        rng, sz, folded = self.rng, self.sizes, self.folded
        created = self.clock(0)
        hosts = ["example.social"] + [f"remote{k}.example" for k in range(1, 300)]
        host_cum = _zipf_cum(len(hosts), 1.1)
        persons = []
        identities = []
        self.person_identities: list[list[int]] = []
        self.identity_network: list[str] = [""]  # 1-based ids
        self.identity_actor: dict[int, tuple[str, str, str]] = {}
        names = []
        for pid in range(1, sz.people + 1):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name = f"{first} {last}"
            names.append((first, last))
            persons.append((pid, name, "", "", None, created))
            self.person_identities.append([])
        extra = sz.identities - sz.people
        second = set(rng.sample(range(sz.people), min(extra, sz.people)))
        iid = 0
        for index in range(sz.people):
            first, last = names[index]
            user = f"{ascii_slug(first)}{ascii_slug(last)}{index}"
            primary = "mastodon" if rng.random() < 0.65 else "bluesky"
            networks = [primary]
            if index in second:
                networks.append("bluesky" if primary == "mastodon" else "mastodon")
            for network in networks:
                iid += 1
                name = f"{first} {last}"
                if network == "mastodon":
                    host = hosts[bisect.bisect(host_cum, rng.random() * host_cum[-1])]
                    handle = f"@{user}@{host}"
                    profile = f"https://{host}/@{user}"
                    stable = profile
                else:
                    handle = f"{user}.bsky.social"
                    profile = f"https://bsky.app/profile/{handle}"
                    stable = f"did:plc:{iid:024x}"
                key = f"{folded[first]} {folded[last]} {handle.lower()}"
                identities.append(
                    (iid, index + 1, network, stable, handle, name, profile, key, created)
                )
                self.person_identities[index].append(iid)
                self.identity_network.append(network)
                if network == "mastodon":
                    self.identity_actor[iid] = (stable, handle, name)
        # More identities than two per person would be needed only at odd sizes: skip them.
        conn.executemany("INSERT INTO persons VALUES (?,?,?,?,?,?)", persons)
        conn.executemany(
            "INSERT INTO identities (id, person_id, network, stable_id, handle, display_name,"
            " profile_url, search_key, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            identities,
        )
        self.n_identities = iid
        self.facts["identities"] = iid
        self.facts["search_prefix"] = "mar"

    def _feeds(self, conn: sqlite3.Connection) -> None:
        now = self.clock(self.span - 600)
        created = self.clock(0)
        self.feed_sites = [f"blog{k}.example.org" for k in range(self.sizes.feeds)]
        conn.executemany(
            "INSERT INTO feeds (id, account_id, url, kind, title, site_url, etag,"
            " last_modified, last_fetched_at, last_error, created_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (k + 1, 3, f"https://{site}/feed.xml", "feed", f"Blog {k}", f"https://{site}/")
                + (f'"{k:08x}"', "", now, "", created)
                for k, site in enumerate(self.feed_sites)
            ],
        )

    def _texts(self, n: int, low: int, high: int) -> list[str]:
        rng = self.rng
        return [
            " ".join(rng.choices(VOCAB, k=rng.randint(low, high))).capitalize() + "."
            for _ in range(n)
        ]

    def _interactions(self, conn: sqlite3.Connection) -> None:
        rng, sz, clock = self.rng, self.sizes, self.clock
        n_people = sz.people
        # Who: one first contact per person, then Zipf over a random ranking of people.
        ranking = list(range(n_people))
        rng.shuffle(ranking)
        self.facts["heavy_person_id"] = ranking[0] + 1
        cum = _zipf_cum(n_people, 0.85)
        total = cum[-1]
        rest = sz.interactions - n_people
        who = list(range(n_people)) + [
            ranking[bisect.bisect(cum, rng.random() * total)] for _ in range(rest)
        ]
        rng.shuffle(who)
        first_contact = set()
        times = self._times(sz.interactions)

        my_posts = max(50, sz.interactions // 90)  # about ten of my posts a day
        my_texts = self._texts(min(my_posts, 4000), 8, 40)
        their_texts = self._texts(min(max(50, sz.interactions // 20), 6000), 5, 35)
        inbound_kinds = ["like"] * 66 + ["share"] * 16 + ["quote"] * 2 + ["mention"] * 7
        inbound_kinds += ["reply"] * 9
        outbound_kinds = ["like"] * 55 + ["share"] * 15 + ["reply"] * 20 + ["mention"] * 8
        outbound_kinds += ["quote"] * 2
        langs = ["en"] * 6 + ["es", "de", "fr", ""]

        rows = []
        inbound_rows: list[tuple[int, int, str]] = []  # (row index, person index, kind)
        person_identities, identity_network = self.person_identities, self.identity_network
        r = rng.random
        for i in range(sz.interactions):
            p = who[i]
            t = times[i]
            ids = person_identities[p]
            iid = ids[0] if len(ids) == 1 or r() < 0.7 else ids[1]
            network = identity_network[iid]
            if p not in first_contact:
                first_contact.add(p)
                direction = "inbound"
                kind = "follow" if r() < 0.6 else "like"
            elif r() < 0.72:
                direction = "inbound"
                kind = inbound_kinds[int(r() * 100)]
            else:
                direction = "outbound"
                kind = outbound_kinds[int(r() * 100)]
            when = clock(t)
            if kind == "follow":
                url = text = language = remote = ""
            elif direction == "inbound" and kind in ("like", "share", "quote"):
                post = int(my_posts * (t / self.span) * (0.97 + 0.03 * r()))
                remote = str(110000000000000000 + post * 1000)
                url = f"{MY_INSTANCE}/@me/{remote}"
                text = my_texts[post % len(my_texts)]
                language = "en"
            else:
                remote = str(110000000000000000 + i * 7 + 3)
                url = f"https://h{iid % 997}.example/@u{iid}/{remote}"
                text = their_texts[i % len(their_texts)]
                language = langs[i % len(langs)]
            if network == "mastodon":
                account = 1
                if direction == "inbound":
                    external = f"notification:{200000000 + i}"
                elif kind == "like":
                    external = f"favourite:{remote}"
                else:
                    external = f"status:{110000000000000000 + i * 7}"
            else:
                account = 2
                external = f"at://did:plc:{iid:024x}/app.bsky.feed.{kind}/3k{i:011d}"
            rows.append(
                [
                    i + 1,
                    account,
                    external,
                    iid,
                    None,
                    network,
                    kind,
                    direction,
                    when,
                    url,
                    text,
                    language,
                    remote,
                    None,
                    when,
                ]
            )
            if direction == "inbound":
                inbound_rows.append((i, p, kind))

        acks = self._acknowledge(rows, inbound_rows, times)
        conn.executemany(
            "INSERT INTO acknowledgements (id, person_id, action, how, text, snoozed_until,"
            " created_at) VALUES (?,?,?,?,?,?,?)",
            acks,
        )
        conn.executemany(
            "INSERT INTO interactions (id, account_id, external_id, identity_id,"
            " via_identity_id, network, kind, direction, occurred_at, post_url, post_text,"
            " post_language, post_remote_id, acknowledgement_id, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        self.facts["acknowledgements"] = len(acks)

    def _acknowledge(
        self, rows: list[list], inbound: list[tuple[int, int, str]], times: list[float]
    ) -> list[tuple]:
        """The user's check-ins: every morning at 09:00, people with more than likes pending
        are thanked (85 %) or dismissed (15 %), most within a day or two, a few much later.
        One acknowledgement covers everything that person had pending."""
        rng, clock = self.rng, self.clock
        r = rng.random
        day = 86400
        end = float(self.span)
        open_rows: dict[int, list[int]] = {}
        due: dict[int, float] = {}
        acks: list[tuple[float, int, list[int]]] = []

        def settle(p: int) -> None:
            acks.append((due.pop(p), p, open_rows.pop(p)))

        for i, p, kind in inbound:
            t = times[i]
            if p in due and due[p] <= t:
                settle(p)
            open_rows.setdefault(p, []).append(i)
            if kind != "like" and p not in due:
                next_morning = (math.floor((t - 9 * 3600) / day) + 1) * day + 9 * 3600
                extra = 0
                while r() > 0.6 and extra < 6:  # mostly the next morning
                    extra += 1
                if r() < 0.03:  # now and then someone waits a few weeks
                    extra += rng.randint(7, 30)
                due[p] = next_morning + extra * day + r() * 1800
        for p in [p for p, when in due.items() if when <= end]:
            settle(p)
        # Some of those still waiting were snoozed a few days ago, until a later date.
        snoozes = []
        for p in list(due):
            if r() < 0.05:
                snoozes.append(p)
                del due[p]
        acks.sort(key=lambda a: a[0])
        out = []
        hows = ["reply"] * 10 + ["like"] * 5 + ["share"] * 3 + ["message", "offline"]
        for ack_id, (when, p, covered) in enumerate(acks, start=1):
            if r() < 0.85:
                how = hows[int(r() * len(hows))]
                text = "Thank you for sharing!" if how == "reply" else ""
                out.append((ack_id, p + 1, "thanked", how, text, None, clock(when)))
            else:
                out.append((ack_id, p + 1, "dismissed", "", "", None, clock(when)))
            for i in covered:
                rows[i][13] = ack_id
        anchor_day = self.anchor.date()
        for p in snoozes:
            ack_id = len(out) + 1
            until = anchor_day + timedelta(days=rng.randint(2, 14))
            at = clock(end - rng.randint(1, 4) * 86400 * r() - 60)
            out.append((ack_id, p + 1, "snoozed", "", "", until.isoformat(), at))
            for i in open_rows.pop(p, []):
                rows[i][13] = ack_id
        self.facts["pending_people_estimate"] = len(due)
        return out

    def _candidates(self, conn: sqlite3.Connection) -> None:
        rng, sz, clock, folded = self.rng, self.sizes, self.clock, self.folded
        r = rng.random
        n = sz.candidates
        times = self._times(n)
        recent = self.span - 30 * 86400
        sites = self.feed_sites + [f"news{k}.example.com" for k in range(1500)]
        site_cum = _zipf_cum(len(sites), 0.9)
        ident_cum = _zipf_cum(self.n_identities, 0.8)
        ident_rank = list(range(1, self.n_identities + 1))
        rng.shuffle(ident_rank)
        # How many times each link is seen: once, plus a heavy-tailed share of the rest.
        weights = [rng.paretovariate(1.5) for _ in range(n)]
        wcum = list(itertools.accumulate(weights))
        seen = [1] * n
        for _ in range(sz.sightings - n):
            seen[bisect.bisect(wcum, r() * wcum[-1])] += 1
        candidates = []
        sightings = []
        sid = 0
        langs = ["en"] * 6 + ["es", "de", "fr", ""]
        for c in range(n):
            cid = c + 1
            first = times[c]
            site_index = bisect.bisect(site_cum, r() * site_cum[-1])
            site = sites[site_index]
            from_feed = site_index < len(self.feed_sites) and r() < 0.9
            words = rng.choices(VOCAB, k=rng.randint(4, 10))
            summary_words = rng.choices(VOCAB, k=rng.randint(12, 40))
            title = " ".join(words).capitalize()
            summary = " ".join(summary_words).capitalize() + "."
            search = " ".join(folded[w] for w in words) + "\n"
            search += " ".join(folded[w] for w in summary_words) + "."
            slug = "-".join(words[:6])
            month = clock(first)[:7].replace("-", "/")
            url = f"https://{site}/{month}/{slug}-{cid}"
            author_iid = None
            author = ""
            if r() < 0.3:
                author_iid = ident_rank[bisect.bisect(ident_cum, r() * ident_cum[-1])]
            elif r() < 0.6:
                author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            # Sightings: the first where it came from, the others in timeline posts.
            last = first
            for k in range(seen[c]):
                sid += 1
                at = first if k == 0 else min(first + rng.expovariate(1 / 86400), self.span)
                last = max(last, at)
                if k == 0 and from_feed:
                    feed = f"https://{site}/feed.xml"
                    sightings.append((sid, cid, None, 3, "feed", feed, clock(at)))
                    continue
                sharer = ident_rank[bisect.bisect(ident_cum, r() * ident_cum[-1])]
                account = 1 if self.identity_network[sharer] == "mastodon" else 2
                ref = f"https://h{sharer % 997}.example/@u{sharer}/{120000000000000000 + sid}"
                sightings.append((sid, cid, sharer, account, "timeline", ref, clock(at)))
            roll = r()
            if last >= recent:
                state = "new" if roll < 0.9 else "saved" if roll < 0.93 else "skipped"
            else:
                state = (
                    "new"
                    if roll < 0.835
                    else "skipped"
                    if roll < 0.935
                    else "shared"
                    if roll < 0.995
                    else "saved"
                )
            changed = None if state == "new" else clock(min(last + 3600, self.span))
            published = None if r() < 0.2 else clock(max(0.0, first - r() * 86400))
            candidates.append(
                (cid, url, url, title, summary, author, author_iid, langs[c % len(langs)])
                + (published, clock(first), clock(last), search, state, changed)
            )
        conn.executemany(
            "INSERT INTO candidates (id, canonical_url, url, title, summary, author_name,"
            " author_identity_id, language, published_at, first_seen_at, last_seen_at,"
            " search_text, state, state_changed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            candidates,
        )
        conn.executemany(
            "INSERT INTO sightings (id, candidate_id, sharer_identity_id, account_id, source,"
            " source_ref, seen_at) VALUES (?,?,?,?,?,?,?)",
            sightings,
        )


def counts(path: Path) -> dict[str, int]:
    """Rows per table of a generated store (for reports and tests)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            "accounts",
            "persons",
            "identities",
            "interactions",
            "acknowledgements",
            "candidates",
            "sightings",
            "feeds",
        ]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def sample_mastodon_actors(path: Path, n: int, seed: int = 1) -> list[tuple[str, str, str]]:
    """Mastodon identities weighted by how active they are: (profile URL, handle, name),
    drawn from random interaction rows, so heavy people come up often."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        top = conn.execute("SELECT max(id) FROM interactions").fetchone()[0] or 1
        rng = random.Random(seed)
        picks = [rng.randint(1, top) for _ in range(n * 3)]
        out: list[tuple[str, str, str]] = []
        for chunk in _chunked(picks, 500):
            marks = ",".join("?" * len(chunk))
            out.extend(
                conn.execute(
                    "SELECT i.stable_id, i.handle, i.display_name FROM interactions x"
                    " JOIN identities i ON i.id = x.identity_id"
                    f" WHERE x.id IN ({marks}) AND i.network = 'mastodon'",
                    chunk,
                ).fetchall()
            )
        rng.shuffle(out)
        return out[:n]
    finally:
        conn.close()


def _chunked(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="build (or reuse) a benchmark store")
    parser.add_argument("--interactions", type=int, default=FULL.interactions)
    parser.add_argument("--force", action="store_true", help="build even if cached")
    parser.add_argument("--cache-dir", type=Path, default=CACHE_DIR)
    args = parser.parse_args(argv)
    built, cached = ensure_store(sizes_for(args.interactions), args.cache_dir, force=args.force)
    print(json.dumps({"path": str(built.path), "cached": cached, **built.meta}, indent=2))
    print(json.dumps(counts(built.path), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "FULL",
    "Built",
    "Sizes",
    "counts",
    "ensure_store",
    "generate",
    "sample_mastodon_actors",
    "sizes_for",
]
