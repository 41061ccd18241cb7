"""The People section: everyone in the ledger, and one person in detail."""

from desktop.ui.pages.people.page import PeoplePage

__all__ = ["PeoplePage"]
