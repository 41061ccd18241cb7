"""Team mode: two members' syncs of different accounts meeting the same new person at the
same moment, each in its own process on one PostgreSQL database. The second waits for the
first's transaction, then finds the identity there: one person, both pages kept, exact
totals, and no failed page."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from factories import NOW, account
from sqlalchemy import func, select
from team import lock_waiters, wait_for

from desktop.core.events import Actor, Direction, InteractionEvent, Kind
from desktop.store.database import open_store
from desktop.store.ingest import ingest_interactions
from desktop.store.models import Identity, Interaction, Person, PersonStats

pytestmark = pytest.mark.postgresql_only("two members' syncs writing one database at once")

EVA = Actor("mastodon", "777", "@eva@social.example", "Eva Díaz", "https://social.example/@eva")

# The other member's sync: one page, in a process of its own, for another account.
OTHER_MEMBER = """
import json, sys
from datetime import datetime
from desktop.core.events import Actor, Direction, InteractionEvent, Kind
from desktop.store.database import open_store
from desktop.store.ingest import ingest_interactions

url, account_id, at = sys.argv[1], int(sys.argv[2]), datetime.fromisoformat(sys.argv[3])
eva = Actor("mastodon", "777", "@eva@social.example", "Eva D.", "https://social.example/@eva")
event = InteractionEvent("theirs-1", Kind.SHARE, Direction.INBOUND, eva, at)
store = open_store(url)
with store.session() as session:
    got = ingest_interactions(session, account_id, [event])
store.close()
print(json.dumps({"new": got.new, "known": got.known, "rejected": got.rejected}))
"""


def test_two_members_meeting_the_same_new_person_at_once_keep_both_pages(postgres_url):
    store = open_store(postgres_url)
    with store.session() as s:
        mine, theirs = account(s, handle="@mine"), account(s, handle="@theirs")
    with store.session() as s:  # this member's page: Eva is new, not committed yet
        ingest_interactions(
            s, mine, [InteractionEvent("mine-1", Kind.LIKE, Direction.INBOUND, EVA, NOW)]
        )
        other = subprocess.Popen(
            [sys.executable, "-c", OTHER_MEMBER, postgres_url, str(theirs), NOW.isoformat()],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_for(lambda: lock_waiters(postgres_url) == 1, "the other page waiting for this one")
    out, err = other.communicate(timeout=60)
    assert other.returncode == 0, err
    assert json.loads(out) == {"new": 1, "known": 0, "rejected": []}

    with store.read() as s:
        [(identity, person)] = s.execute(select(Identity.id, Identity.person_id)).all()
        assert s.scalar(select(func.count()).select_from(Person)) == 1  # none left over
        assert set(s.scalars(select(Interaction.identity_id))) == {identity}
        stats = s.get(PersonStats, person)
        assert stats is not None and (stats.inbound, stats.outbound) == (2, 0)
        assert s.scalar(select(Identity.display_name)) == "Eva D."  # the latest sighting's
    store.close()
