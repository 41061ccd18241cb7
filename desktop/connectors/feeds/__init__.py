"""RSS, Atom and JSON Feed sources: entries become candidates, blog comments become replies.

Every source is fetched through the shared HTTP layer (timeouts, retries, User-Agent, typed
errors) with a conditional GET, and only the downloaded bytes are handed to feedparser:
feedparser never fetches anything itself. One page per source, in the order given:

- 304 Not Modified: no events, the saved cursor again, meta {"status": "not-modified"}.
- A feed that is not well-formed: whatever feedparser recovered, plus a warning.
- Something that is not a feed (an HTML page, garbage) or a network error for that source:
  a warning (and meta {"error": ...} for network errors), no events, and the saved cursor is
  kept so the next sync tries again. Other sources still sync.
- RateLimited is the one error that propagates: sync must stop and wait.

Links are passed on as the feed gives them (tracking parameters included): canonicalisation
is the store's job at ingest.

Modules: fetch (the conditional GET's headers and cursor), parse (bytes to a Feed: rss_atom
through feedparser, json_feed by hand, both into entries.Feed), events (entries to
candidates and replies), source (FeedSource), connector (FeedConnector: one page per source).
"""

from desktop.connectors.feeds.connector import FeedConnector
from desktop.connectors.feeds.events import BLOG_NETWORK
from desktop.connectors.feeds.source import KINDS, FeedSource

__all__ = ["BLOG_NETWORK", "KINDS", "FeedConnector", "FeedSource"]
