"""An imported export can be taken out with everything that came only from it: its
interactions, and the people it alone brought; nobody thanked or written about is lost,
and everyone else's totals are right again."""

import pytest
from connectors.test_x_archive import make_archive, tweet
from factories import ANA, add, ev
from sqlalchemy import select

from desktop.app.archive_import import import_archive
from desktop.core.errors import InvalidRequest
from desktop.queries.archive_sources import archive_source, archive_sources, remove_archive
from desktop.store.models import Identity, Interaction, Person, PersonStats
from desktop.store.stats import rebuild


def x_export(tmp_path):
    return make_archive(
        tmp_path / "x.zip",
        [
            tweet("1", "RT @ana_x: Hola", mentions=[("ana_x", "Ana García")]),
            tweet("2", "gracias @ben @clara", mentions=[("ben", "Ben"), ("clara", "Clara")]),
        ],
    )


def test_what_an_import_brought_and_taking_it_out(store, tmp_path):
    add(store, ev(ANA, "share"))  # Ana, from Mastodon: not the archive's
    imported = import_archive(store, "x", x_export(tmp_path))
    with store.session() as s:
        (source,) = archive_sources(s)
        assert (source.account_id, source.interactions, source.people) == (
            imported.account_id,
            3,
            3,
        )
        assert source.first_at is not None and source.last_at is not None
        clara = s.scalar(select(Identity).where(Identity.stable_id == "@clara"))
        s.get(Person, clara.person_id).notes = "met at the meetup"
    with store.session() as s:
        removed = remove_archive(s, imported.account_id)
    # Ben and the archive's own Ana (X's, not yet merged with Mastodon's) went; Clara has notes.
    assert (removed.interactions, removed.people) == (3, 2)
    with store.read() as s:
        names = set(s.scalars(select(Person.display_name)))
        assert "Ben" not in names and "Clara" in names and "Ana García" in names
        assert (
            s.scalar(select(Interaction.id).where(Interaction.account_id == imported.account_id))
            is None
        )
        kept = {r.person_id: (r.inbound, r.outbound) for r in s.scalars(select(PersonStats))}
        assert archive_sources(s) == []
    with store.session() as s:
        rebuild(s)
    with store.read() as s:
        rebuilt = {r.person_id: (r.inbound, r.outbound) for r in s.scalars(select(PersonStats))}
    assert kept == rebuilt  # the totals left are exact


def test_only_an_archive_can_be_taken_out_so(store):
    add(store, ev(ANA, "share"))
    with store.session() as s, pytest.raises(InvalidRequest, match="not an imported archive"):
        archive_source(s, 1)
