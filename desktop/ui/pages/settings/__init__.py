"""The Settings section."""

from desktop.ui.pages.settings.page import SettingsPage

__all__ = ["SettingsPage"]
