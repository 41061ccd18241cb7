"""argparse's own words ("usage:", "options", its error messages) in the user's language.

argparse asks gettext for them (``argparse._`` and ``argparse.ngettext``), and Python
ships no Spanish catalog for it; these are handed over to our one catalog instead. The list
holds what a user of `reciprocity` can meet; the rest stays as argparse says it.
"""

from __future__ import annotations

import argparse

from desktop.core.i18n import tx


def words() -> dict[str, str]:
    """argparse's English -> ours, in the language tx speaks now."""
    return {
        "usage: ": tx("Arguments", "usage: "),
        "positional arguments": tx("Arguments", "positional arguments"),
        "options": tx("Arguments", "options"),
        "show this help message and exit": tx("Arguments", "show this help message and exit"),
        "argument %(argument_name)s: %(message)s": tx(
            "Arguments", "argument %(argument_name)s: %(message)s"
        ),
        "unrecognized arguments: %s": tx("Arguments", "unrecognized arguments: %s"),
        "not allowed with argument %s": tx("Arguments", "not allowed with argument %s"),
        "the following arguments are required: %s": tx(
            "Arguments", "the following arguments are required: %s"
        ),
        "one of the arguments %s is required": tx(
            "Arguments", "one of the arguments %s is required"
        ),
        "expected one argument": tx("Arguments", "expected one argument"),
        "expected at most one argument": tx("Arguments", "expected at most one argument"),
        "expected at least one argument": tx("Arguments", "expected at least one argument"),
        "expected %s argument": tx("Arguments", "expected %s argument"),
        "expected %s arguments": tx("Arguments", "expected %s arguments"),
        "ambiguous option: %(option)s could match %(matches)s": tx(
            "Arguments", "ambiguous option: %(option)s could match %(matches)s"
        ),
        "invalid %(type)s value: %(value)r": tx("Arguments", "invalid %(type)s value: %(value)r"),
        "invalid choice: %(value)r (choose from %(choices)s)": tx(
            "Arguments", "invalid choice: %(value)r (choose from %(choices)s)"
        ),
        "unknown parser %(parser_name)r (choices: %(choices)s)": tx(
            "Arguments", "unknown parser %(parser_name)r (choices: %(choices)s)"
        ),
        "%(prog)s: error: %(message)s\n": tx("Arguments", "%(prog)s: error: %(message)s\n"),
    }


def install() -> None:
    """From now on argparse speaks as tx does (call it before a parser is built)."""
    ours = words()

    def gettext(text: str) -> str:
        return ours.get(text, text)

    def ngettext(one: str, many: str, n: int) -> str:
        return gettext(one if n == 1 else many)

    setattr(argparse, "_", gettext)  # noqa: B010 (argparse's own name for gettext)
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
