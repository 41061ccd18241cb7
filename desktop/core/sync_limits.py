"""How many sources a sync fetches at once: one place for the pool, the sync and Settings.

16 feeds at once by default, as Miniflux's worker pool (WORKER_POOL_SIZE); never more than
PER_HOST connections to one server, so the pool's width is no load on any one host. With 8,
a sync of N feeds taking `delay` each cannot finish in less than delay × ⌈N / 8⌉, which is
already less than 8× faster than one after another: issue 11's two targets need more.
"""

DEFAULT_WORKERS = 16  # the "sync_workers" setting's default
MAX_WORKERS = 32  # the setting is kept between 1 and this
PER_HOST = 2  # connections to one host at once
