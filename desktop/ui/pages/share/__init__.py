"""The Share section: links worth passing on, and the post that passes one on."""

from desktop.ui.pages.share.page import SharePage

__all__ = ["SharePage"]
