"""YouTube: the comments on my own channel's videos, as inbound replies.

Connecting takes an API key the user makes (Google Cloud console → YouTube Data API v3 →
Credentials → API key) and their channel (its id, UC…, or handle, @name); the key lives in
the keyring. Public comments need no OAuth: a key is enough, and it only reads.

Calls and their quota cost (a key has 10,000 units a day, reset at midnight Pacific time):

- ``channels.list?part=snippet&id=`` or ``&forHandle=`` (1 unit): which channel, once, when
  the account is added (find_channel, YouTubeConnector.verify);
- ``commentThreads.list?part=snippet&allThreadsRelatedToChannelId=&order=time&maxResults=100``
  (1 unit a page of 100): every sync, newest first, down to the last comment seen.

Each thread's top-level comment is a ``reply`` from its author (stable id: their channel
id) concerning the video (``https://www.youtube.com/watch?v=<id>``, remote id the video
id); comments by the channel itself are mine and skipped. A spent quota is RateLimited
until the reset, a refused key NeedsSignIn, comments turned off or a video gone only a
warning: see errors.py. The channel's RSS feed (its uploads as share candidates) is the
feeds connector's, not this one's.
"""

from desktop.connectors.youtube.channel import channel_query, find_channel
from desktop.connectors.youtube.connector import DEFAULT_API, STREAM, YouTubeConnector
from desktop.connectors.youtube.errors import API_KEY_HEADER, YouTubeHttp, quota_resets_at

__all__ = [
    "API_KEY_HEADER",
    "DEFAULT_API",
    "STREAM",
    "YouTubeConnector",
    "YouTubeHttp",
    "channel_query",
    "find_channel",
    "quota_resets_at",
]
