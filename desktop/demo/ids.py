"""Ids shaped like the networks' own, so the demo's rows look like a real sync's."""

from __future__ import annotations

import random
from datetime import datetime

_B32 = "abcdefghijklmnopqrstuvwxyz234567"  # did:plc identifiers
_S32 = "234567abcdefghijklmnopqrstuvwxyz"  # sortable base32 of Bluesky record keys (TIDs)


def snowflake(rng: random.Random, at: datetime) -> str:
    """A Mastodon id: milliseconds since the epoch, shifted, plus a sequence."""
    return str((int(at.timestamp()) * 1000 << 16) | rng.randrange(1 << 16))


def tid(rng: random.Random, at: datetime) -> str:
    """A Bluesky record key: microseconds and a clock id, in sortable base32."""
    n = ((int(at.timestamp()) * 1_000_000 + at.microsecond) << 10) | rng.randrange(1 << 10)
    chars = []
    for _ in range(13):
        chars.append(_S32[n & 31])
        n >>= 5
    return "".join(reversed(chars))


def did(rng: random.Random) -> str:
    return "did:plc:" + "".join(rng.choice(_B32) for _ in range(24))
