"""The Accounts section: where Reciprocity looks, and how each account last synced."""

from desktop.ui.pages.accounts.page import AccountsPage

__all__ = ["AccountsPage"]
