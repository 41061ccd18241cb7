"""The sign-in dialogs, one per network, on a shared base (desktop.app.sign_in does the work)."""

from desktop.ui.dialogs.sign_in.base import (
    BlueskyDialog,
    FeedsDialog,
    InlineMessage,
    MastodonDialog,
    SignInDialog,
    choose_opml,
    opml_summary,
    sentence,
    user_message,
)

__all__ = [
    "BlueskyDialog",
    "FeedsDialog",
    "InlineMessage",
    "MastodonDialog",
    "SignInDialog",
    "choose_opml",
    "opml_summary",
    "sentence",
    "user_message",
]
