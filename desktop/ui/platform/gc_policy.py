"""Keep long-lived data out of the cyclic garbage collector's full passes.

A full pass scans every tracked object while holding the GIL, whichever thread runs it:
with a heavy store's pending list in memory (tens of thousands of rows) each pass took
50-150 ms, and a sync's allocations on its worker set off several, stalling the GUI thread
(benchmarks: "GUI blocked during a sync"). What the app holds for a long time — modules
and widgets after the first load, a large list once it is shown — is frozen instead:
never scanned again, still freed by reference counting when it is replaced (these rows
hold no reference cycles). Young garbage cycles are collected just before, so they are not
frozen with it; what is frozen stays until the process ends only if it is cyclic garbage.

The callers decide when: the main window after its first load, a page once it shows a
long list (models only hold rows; they do not tune the collector).
"""

from __future__ import annotations

import gc

BIG = 500  # rows: below this a list costs the collector little
FULL_AFTER = 100  # second-generation collections between full ones (Python's default: 10)


def keep() -> None:
    gc.collect(1)  # the young generations: cheap, and their cycles are not frozen
    gc.freeze()
    # With most objects frozen, Python's rule (a full pass once survivors grow by a quarter
    # of the long-lived) fired again and again while a worker built a big result, each
    # pass scanning all of it: full passes now wait for 100 young ones, not 10.
    gc.set_threshold(*gc.get_threshold()[:2], FULL_AFTER)


def keep_if_big(rows: int) -> None:
    if rows >= BIG:
        keep()
