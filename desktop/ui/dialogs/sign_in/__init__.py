"""The sign-in dialogs, one per network, on a shared base (desktop.app.sign_in does the work)."""

from desktop.ui.dialogs.sign_in.base import (
    InlineMessage,
    SignInDialog,
    choose_opml,
    opml_summary,
    user_message,
)
from desktop.ui.dialogs.sign_in.bluesky import BlueskyDialog
from desktop.ui.dialogs.sign_in.feeds import FeedsDialog
from desktop.ui.dialogs.sign_in.mastodon import MastodonDialog
from desktop.ui.dialogs.sign_in.youtube import YouTubeDialog

__all__ = [
    "BlueskyDialog",
    "FeedsDialog",
    "InlineMessage",
    "MastodonDialog",
    "SignInDialog",
    "YouTubeDialog",
    "choose_opml",
    "opml_summary",
    "user_message",
]
