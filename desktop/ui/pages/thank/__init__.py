"""The Thank section: who is waiting for a thank-you, by person or by post."""

from desktop.ui.pages.thank.page import BY_POST, PEOPLE, ThankPage

__all__ = ["BY_POST", "PEOPLE", "ThankPage"]
