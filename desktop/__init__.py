"""Reciprocity: who to thank and what to share, once a day."""

__version__ = "0.1.0"
APP_ID = "org.reciprocity.Reciprocity"
APP_NAME = "Reciprocity"
