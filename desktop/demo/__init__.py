"""Demo data: an empty store filled with a plausible six weeks of networking.

`fill_demo` writes through the same paths a real sync uses (the store's ingest functions,
`acknowledge`, settings), so the demo shows exactly what the app would show: people who
shared my posts and have not heard from me, people I already thanked (some with new
interactions since), one snoozed and a few dismissed, two identities of the same human on
two networks waiting to be merged, and links worth sharing, some seen several times with
different tracking parameters.

Everything comes from one `random.Random(seed)` and the given `now`, so the same seed and
`now` always give the same store (database ids included).

The package: ``content`` (the literal content, data in desktop/resources/demo/*.json),
``ids`` and ``people`` (generators), ``activity`` (the simulation) and ``fill`` (writes it).
"""

from desktop.demo.fill import INTERESTS, MAX_PEOPLE, DemoError, DemoSummary, fill_demo

__all__ = ["INTERESTS", "MAX_PEOPLE", "DemoError", "DemoSummary", "fill_demo"]
