"""DESIGN.md's words that are states or choices, as enums.

They are ``StrEnum``s, so each member *is* its text: the store keeps the same values it
always had, JSON and the CLI print them unchanged, and a member compares equal to the
string read back by a raw query.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.core.events import Network

__all__ = [
    "ARCHIVE_NETWORKS",
    "ARCHIVE_SERVERS",
    "OPEN_STATES",
    "AccountState",
    "AckAction",
    "AckHow",
    "CandidateState",
    "Network",
    "is_archive",
]


class AckAction(StrEnum):
    """My answer to a person's pending interactions."""

    THANKED = "thanked"
    DISMISSED = "dismissed"
    SNOOZED = "snoozed"


class AckHow(StrEnum):
    """How I thanked someone (only for ``AckAction.THANKED``)."""

    REPLY = "reply"
    LIKE = "like"
    SHARE = "share"
    MESSAGE = "message"
    OFFLINE = "offline"


class CandidateState(StrEnum):
    NEW = "new"
    SAVED = "saved"
    SHARED = "shared"
    SKIPPED = "skipped"


OPEN_STATES = (CandidateState.NEW, CandidateState.SAVED)  # what is still to decide on


class AccountState(StrEnum):
    OK = "ok"
    NEEDS_SIGNIN = "needs_signin"
    RATE_LIMITED = "rate_limited"
    ERROR = "error"
    REMOVED = "removed"  # the row stays so its history is kept


# The networks whose data exports are imported (desktop.connectors.archives reads them), and
# the server of the one account each network's imports go to. Such an account is a source
# that can be taken out with what it brought. It is known by both words: a YouTube channel
# read through the Data API is a "youtube" account too, but its server is the API's.
ARCHIVE_SERVERS: dict[str, str] = {
    "x": "https://x.com",
    "linkedin": "https://www.linkedin.com",
    "instagram": "https://www.instagram.com",
    "facebook": "https://www.facebook.com",
    "youtube": "https://takeout.google.com",
}
ARCHIVE_NETWORKS = tuple(ARCHIVE_SERVERS)


def is_archive(network: str, server_url: str) -> bool:
    """Whether the account of this network and server holds imported exports."""
    return ARCHIVE_SERVERS.get(network) == server_url
