from __future__ import annotations

import ast
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

import desktop.demo
from desktop.cli.format import reason
from desktop.core.events import Direction, Kind
from desktop.core.urls import canonical_url
from desktop.demo import INTERESTS, DemoError, DemoSummary, fill_demo
from desktop.queries.candidates import ranked_candidates
from desktop.queries.pending import pending
from desktop.store.database import Store, open_store
from desktop.store.models import (
    Account,
    Acknowledgement,
    Candidate,
    Feed,
    Identity,
    Interaction,
    Person,
    Sighting,
)
from desktop.store.settings import get_setting

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


def new_store(directory: Path) -> Store:
    directory.mkdir(parents=True, exist_ok=True)
    return open_store(f"sqlite:///{directory / 'r.db'}")


def counts(store: Store) -> dict[str, int]:
    with store.session() as s:
        return {
            model.__name__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Account, Feed, Person, Identity, Interaction, Acknowledgement, Candidate)
        }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, DemoSummary]:
    """The default demo, filled once: the tests below only read it."""
    store = new_store(tmp_path_factory.mktemp("demo"))
    summary = fill_demo(store, now=NOW)
    yield store, summary
    store.close()


def test_summary_matches_the_store(demo) -> None:
    store, summary = demo
    stored = counts(store)
    assert summary.people == stored["Person"] == stored["Identity"] == 60
    assert summary.interactions == stored["Interaction"]
    with store.session() as s:
        inbound = s.scalar(
            select(func.count()).select_from(Interaction).where(Interaction.direction == "inbound")
        )
    assert 8 <= inbound / 60 <= 15
    assert summary.candidates == stored["Candidate"] >= 25
    assert summary.accounts == stored["Account"] == 3
    assert summary.feeds == stored["Feed"] == 8
    with store.session() as s:
        thanked = s.scalar(
            select(func.count(func.distinct(Acknowledgement.person_id))).where(
                Acknowledgement.action == "thanked"
            )
        )
    assert summary.thanked == thanked > 0


def test_accounts_feeds_and_interests(demo) -> None:
    store, _ = demo
    with store.session() as s:
        accounts = {a.network: a for a in s.scalars(select(Account))}
        assert set(accounts) == {"mastodon", "bluesky", "feed"}
        assert accounts["mastodon"].server_url == "https://social.example"
        assert accounts["mastodon"].handle == "@you@social.example"
        assert accounts["bluesky"].server_url == "https://bsky.social"
        assert accounts["bluesky"].handle == "you.bsky.social"
        assert (accounts["feed"].server_url, accounts["feed"].handle) == ("", "Feeds")
        feeds = s.scalars(select(Feed)).all()
        assert {f.account_id for f in feeds} == {accounts["feed"].id}
        assert all(f.url.startswith("https://") and f.title for f in feeds)
        assert any("youtube.com/feeds/videos.xml?channel_id=UC" in f.url for f in feeds)
        assert get_setting(s, "interests") == INTERESTS


def test_identities_look_like_the_networks(demo) -> None:
    store, _ = demo
    with store.session() as s:
        identities = s.scalars(select(Identity)).all()
    networks = Counter(i.network for i in identities)
    assert set(networks) == {"mastodon", "bluesky"}
    for i in identities:
        if i.network == "mastodon":
            _, user, host = i.handle.split("@")
            assert i.stable_id.isdigit()
            assert i.profile_url == f"https://{host}/@{user}"
        else:
            assert i.handle.endswith(".bsky.social")
            assert i.stable_id.startswith("did:plc:") and len(i.stable_id) == 8 + 24
            assert i.profile_url == f"https://bsky.app/profile/{i.handle}"


def test_names_in_english_and_spanish_and_pairs_to_merge(demo) -> None:
    store, _ = demo
    with store.session() as s:
        rows = s.execute(
            select(Person.display_name, Identity.network).join(
                Identity, Identity.person_id == Person.id
            )
        ).all()
    names = Counter(name for name, _ in rows)
    assert len(names) == 60 - len([n for n, c in names.items() if c > 1])
    accented = [n for n in names if any(ch in n for ch in "áéíóúñÁÉÍÓÚÑ")]
    assert len(accented) >= 10
    pairs = [n for n, c in names.items() if c == 2]
    assert 2 <= len(pairs) <= 3
    for name in pairs:  # the same human on both networks: `reciprocity merge` material
        assert {net for n, net in rows if n == name} == {"mastodon", "bluesky"}


def test_every_kind_in_both_directions_on_both_networks(demo) -> None:
    store, _ = demo
    with store.session() as s:
        seen = {(k, d) for k, d in s.execute(select(Interaction.kind, Interaction.direction))}
        networks = set(s.scalars(select(Interaction.network).distinct()))
        languages = set(s.scalars(select(Interaction.post_language).distinct()))
        kinds = Counter(s.scalars(select(Interaction.kind)))
        rows = s.scalars(select(Interaction)).all()
    assert seen == {(str(k), str(d)) for k in Kind for d in Direction}
    assert networks == {"mastodon", "bluesky"}
    assert {"en", "es"} <= languages
    assert kinds.most_common(1)[0][0] == "like"
    for row in rows:
        assert row.occurred_at <= NOW
        assert row.external_id.startswith(("demo-m-", "demo-b-"))
        if row.kind == "follow":
            assert row.post_url == ""
        else:
            assert row.post_url.startswith("https://") and row.post_text and row.post_remote_id
        if row.direction == "inbound" and row.kind != "follow":
            # Inbound interactions concern my posts.
            assert row.post_url.startswith(
                ("https://social.example/@you/", "https://bsky.app/profile/you.bsky.social/")
            )
        if row.direction == "outbound" and row.kind != "follow":
            assert "/@you/" not in row.post_url and "you.bsky.social" not in row.post_url
    assert any(row.via_identity_id for row in rows)


def test_sharing_is_skewed_towards_a_few_people(demo) -> None:
    store, _ = demo
    with store.session() as s:
        per_person = Counter(
            s.scalars(
                select(Identity.person_id)
                .join(Interaction, Interaction.identity_id == Identity.id)
                .where(Interaction.direction == "inbound", Interaction.kind == "share")
            )
        )
    top = sum(n for _, n in per_person.most_common(5))
    assert top > sum(per_person.values()) / 2


def test_pending_shows_priorities_and_thanked_people(demo) -> None:
    store, _ = demo
    with store.session() as s:
        entries = pending(s, today=NOW.date())
    assert entries
    assert entries[0].priority == 1
    assert {1, 2} <= {e.priority for e in entries}
    assert any(e.last_thanked for e in entries)  # thanked before, active again since


def test_acknowledgements(demo) -> None:
    store, _ = demo
    with store.session() as s:
        acks = s.scalars(select(Acknowledgement)).all()
    actions = Counter(a.action for a in acks)
    assert actions["thanked"] >= 5
    assert 1 <= actions["dismissed"] <= 2
    assert actions["snoozed"] == 1
    for ack in acks:
        assert ack.created_at < NOW
        if ack.action == "thanked":
            assert ack.how == "reply" and ack.text
        if ack.action == "snoozed":
            assert ack.snoozed_until and ack.snoozed_until > NOW.date()
    texts = " ".join(a.text for a in acks)
    assert "Thank" in texts and "gracias" in texts.lower()


def test_candidates_rank_with_network_interest_and_supporter_signals(demo) -> None:
    store, _ = demo
    with store.session() as s:
        ranked = ranked_candidates(s, now=NOW, limit=None)
        candidates = s.scalars(select(Candidate)).all()
        sightings = s.scalars(select(Sighting)).all()
    assert ranked
    assert any(c.shared_by_count >= 2 for c in ranked)
    assert any(c.shared_by_count >= 4 for c in ranked)
    assert any(
        w.startswith("matches your interests") for c in ranked for w in map(reason, c.reasons)
    )
    assert any("one of your supporters" in w for c in ranked for w in map(reason, c.reasons))
    assert {c.language for c in candidates} == {"en", "es"}
    # Tracking parameters were stripped: the same article under several raw URLs.
    assert any(c.url != c.canonical_url for c in candidates)
    assert any("fbclid=" in c.url or "utm_" in c.url for c in candidates)
    assert all(canonical_url(c.canonical_url) == c.canonical_url for c in candidates)
    assert {s.source for s in sightings} == {"feed", "timeline"}
    assert 35 <= len(sightings) <= 70
    assert all((NOW - s.seen_at).days < 10 and s.seen_at <= NOW for s in sightings)


def test_same_seed_and_now_give_the_same_store(tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        store = new_store(tmp_path / name)
        fill_demo(store, people=30, seed=3, now=NOW)
        with store.session() as s:
            outputs.append(
                (
                    [p.as_json() for p in pending(s, today=NOW.date())],
                    [c.as_json() for c in ranked_candidates(s, now=NOW)],
                )
            )
        store.close()
    assert outputs[0] == outputs[1]
    assert outputs[0][0]


def test_another_seed_gives_other_people(tmp_path: Path) -> None:
    names = []
    for seed in (1, 2):
        store = new_store(tmp_path / str(seed))
        fill_demo(store, people=10, seed=seed, now=NOW)
        with store.session() as s:
            names.append(sorted(s.scalars(select(Person.display_name))))
        store.close()
    assert names[0] != names[1]


@pytest.mark.parametrize("people", [1, 2, 3, 5, 200])
def test_other_sizes(tmp_path: Path, people: int) -> None:
    store = new_store(tmp_path)
    summary = fill_demo(store, people=people, now=NOW)
    assert summary.people == people
    assert counts(store)["Person"] == people
    with store.session() as s:
        entries = pending(s, today=NOW.date())
        ranked = ranked_candidates(s, now=NOW)
    assert entries and entries[0].priority == 1
    if people >= 2:
        assert {1, 2} <= {e.priority for e in entries}
        assert any(c.shared_by_count >= 2 for c in ranked)
    if people >= 3:
        assert summary.thanked >= 1
    store.close()


def test_now_defaults_to_the_current_time(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    before = datetime.now(UTC)
    fill_demo(store, people=5)
    with store.session() as s:
        latest = s.scalar(select(func.max(Interaction.occurred_at)))
        assert pending(s)
    assert latest is not None
    assert before - timedelta(days=7) < latest <= datetime.now(UTC)
    store.close()


def test_running_twice_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    fill_demo(store, people=5, now=NOW)
    before = counts(store)
    with pytest.raises(DemoError, match="already has data; use an empty --data-dir"):
        fill_demo(store, people=5, now=NOW)
    assert counts(store) == before
    store.close()


def test_a_store_with_only_an_account_is_not_empty(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    with store.session() as s:
        s.add(Account(network="mastodon", server_url="https://a.example", handle="@me@a.example"))
    with pytest.raises(DemoError):
        fill_demo(store, now=NOW)
    assert counts(store)["Account"] == 1
    assert counts(store)["Person"] == 0
    store.close()


def test_bad_arguments(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    with pytest.raises(DemoError, match="between 1 and"):
        fill_demo(store, people=0, now=NOW)
    with pytest.raises(ValueError, match="timezone-aware"):
        fill_demo(store, now=datetime(2025, 3, 14, 12, 0))
    assert counts(store)["Account"] == 0
    store.close()


def test_the_demo_uses_only_the_store_the_queries_and_the_core():
    allowed = ("desktop.store", "desktop.queries", "desktop.core", "desktop.demo")
    for path in Path(desktop.demo.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        bad = {n for n in names if n.startswith("desktop.") and not n.startswith(allowed)}
        assert not bad, f"{path.name} imports {bad}"
