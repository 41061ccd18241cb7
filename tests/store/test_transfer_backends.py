"""An export (`reciprocity export`) loads into a new store on either backend with the same
people, ledger and pending list, and the new store goes on working: its next rows get ids
of their own (on PostgreSQL the sequences move past the ids imported)."""

import pytest
from sqlalchemy import func, select

from desktop.app.services import Services
from desktop.app.stores import open_store
from desktop.store.models import Interaction, Person


@pytest.fixture
def other_store(request, tmp_path):
    """A second new store on the same backend as `store`."""
    if request.config.getoption("--database") == "postgresql":
        server = request.getfixturevalue("postgres_server")
        url = server.create_database()
        store = open_store(url)
        yield store
        store.close()
        server.drop_database(url)
    else:
        store = open_store(f"sqlite:///{tmp_path / 'other' / 'reciprocity.db'}")
        yield store
        store.close()


def views(store) -> dict:
    services = Services(store)
    with store.read() as s:
        interactions = s.scalar(select(func.count()).select_from(Interaction))
    return {
        "interactions": interactions,
        "pending": [(p.person_id, p.name, p.priority, p.counts) for p in services.pending()],
        "people": [
            (x.person_id, x.inbound, x.outbound, x.last_thanked)
            for x in services.people(limit=None)
        ],
    }


def test_an_export_loads_into_a_new_store_that_goes_on_working(store, other_store, tmp_path):
    services = Services(store)
    services.fill_demo(people=15, seed=5)
    first = services.pending()[0]
    services.acknowledge(first.person_id, "thanked", how="offline")
    path = tmp_path / "export.json"
    services.export_store(path)
    counts = Services(other_store).import_store(path)
    assert counts["persons"] == 15
    assert views(other_store) == views(store)
    with other_store.session() as s:  # the next person after the import: an id of its own
        person = Person(display_name="Nueva")
        s.add(person)
        s.flush()
        assert person.id > max(x.person_id for x in Services(store).people(limit=None))
