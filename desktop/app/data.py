"""Services for the store as a whole: export, import, the demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.app.base import ServiceBase

if TYPE_CHECKING:
    from desktop.demo import DemoSummary


class DataServices(ServiceBase):
    def export_store(self, path: Path) -> dict[str, int]:
        """Everything but secrets, to a JSON file; rows written per table."""
        from desktop.store.transfer import export_store

        with self.store.session() as s:
            return export_store(s, path)

    def import_store(self, path: Path) -> dict[str, int]:
        """An export loaded into this (empty) store; rows read per table."""
        from desktop.store.search_index import catch_up
        from desktop.store.transfer import import_store

        with self.store.session() as s:
            counts = import_store(s, path)
        catch_up(self.store)  # the archive search's words, now rather than at the first search
        return counts

    def fill_demo(self, *, people: int = 60, seed: int = 7) -> DemoSummary:
        """Made-up people and what they did, in an empty store."""
        from desktop.demo import fill_demo
        from desktop.store.search_index import catch_up

        summary = fill_demo(self.store, people=people, seed=seed)
        catch_up(self.store)
        return summary

    def is_empty(self) -> bool:
        """No people at all (a new store, or a demo store not filled yet)."""
        from desktop.queries.status import count_people

        with self.store.read() as s:
            return count_people(s) == 0
