"""RSS, Atom and JSON Feed sources: entries become candidates, blog comments become replies.

Every source is fetched through the shared HTTP layer (timeouts, retries, User-Agent, typed
errors) with a conditional GET, and only the downloaded bytes are handed to feedparser:
feedparser never fetches anything itself. One page per source, in the order they are done:
many are fetched at once (pool: a bounded pool of workers, at most two connections per
host, kept alive from feed to feed, each feed with its own timeout):

- 304 Not Modified: no events, the saved cursor again, meta {"status": "not-modified"}.
- A feed that is not well-formed: whatever feedparser recovered, plus a warning.
- Something that is not a feed (an HTML page, garbage) or a network error for that source:
  a warning (and meta {"error": ...} for network errors), no events, and the saved cursor is
  kept so the next sync tries again. Other sources still sync.
- A host that answers 429 slows only its own feeds: they wait the time it asks (up to a
  minute) while the other hosts go on; beyond that its feeds get a warning page ("... asked
  to slow down until 14:05 UTC; not asked again before then") whose cursor keeps that
  time, and no sync asks them before it. Nothing propagates: the sync of the others
  completes, and the account stays ok.

Links are passed on as the feed gives them (tracking parameters included): canonicalisation
is the store's job at ingest.

Modules: fetch (the conditional GET's headers and cursor), parse (bytes to a Feed: rss_atom
through feedparser, json_feed by hand, both into entries.Feed), events (entries to
candidates and replies), source (FeedSource), pool (many feeds at once, per-host limits
and back-off), connector (FeedConnector: one page per source).
"""

from desktop.connectors.feeds.connector import FeedConnector
from desktop.connectors.feeds.events import BLOG_NETWORK
from desktop.connectors.feeds.source import KINDS, FeedSource

__all__ = ["BLOG_NETWORK", "KINDS", "FeedConnector", "FeedSource"]
