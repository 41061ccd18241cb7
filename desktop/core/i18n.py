"""Every sentence a person reads, in their language, from any layer and without Qt.

One catalog for the whole product: Qt Linguist's ``resources/translations/*.ts``. The window
translates its widgets with ``self.tr()``; everything else (notification sentences, errors,
the CLI's prose) calls :func:`tx` with an explicit context. ``pyside6-lupdate`` extracts
both (``make translations`` passes ``-tr-function-alias translate+=tx``). At start-up the
window or the CLI plugs Qt's translator in with :func:`install`; until then, and in English,
``tx`` returns the English source with its ``%n`` filled in.

A count that chooses a plural form is written ``tx(ctx, "%n people", None, PLURAL, n)``:
lupdate's Python parser only marks a message as plural in that five-argument shape (the
fourth argument must be a name); at run time it is just ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# (context, source text, disambiguation, n) -> the translated text with %n filled in
Translate = Callable[[str, str, str | None, int], str]

PLURAL = "plural"
_PLACEHOLDER = re.compile(r"%(\d)")


def _english(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text


_translate: Translate = _english
_language = ["en"]


def install(translate: Translate | None, language: str = "en") -> None:
    """Use ``translate``, which speaks ``language``, for every :func:`tx` from now on
    (None: back to English)."""
    global _translate
    _translate = translate or _english
    _language[0] = language if translate is not None else "en"


def language() -> str:
    """The language :func:`tx` speaks: 'en', 'es'. Drafts with no better clue use it."""
    return _language[0]


def tx(
    context: str,
    text: str,
    disambiguation: str | None = None,
    plural: str | None = None,
    n: int = -1,
) -> str:
    """``text`` in the user's language; ``%n`` becomes ``n`` in the form that fits it."""
    del plural  # only a mark for lupdate (see the module's docstring)
    return _translate(context, text, disambiguation, n)


def fill(text: str, *args: object) -> str:
    """Fill %1, %2, … in one pass, as Qt's QString.arg does (an argument holding "%2"
    is left as it is), so a translation may put the arguments in any order."""

    def one(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(args[number - 1]) if 0 < number <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(one, text)
