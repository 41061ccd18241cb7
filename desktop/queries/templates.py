"""The per-language words drafts are made of, and the one check every template goes through.

Each ``desktop/resources/templates/<language>.json`` holds the thank-you variants per
situation (``{"situation": ["variant", ...]}``, with ``{curly}`` variables from
:data:`VARIABLES`) and the credit words of a share post (``"credit": {"by": ..., "via": ...}``),
so a language is added with one file. The files are read through ``importlib.resources``: an
installed wheel has them inside the package, not next to a source checkout.

:func:`template_problem` is the only template validator: the shipped files, the user's own
variants (Settings, through ``Services.template_problem``) and the drafts all use it.
"""

from __future__ import annotations

import functools
import json
import string
from importlib.resources.abc import Traversable
from typing import Any

import desktop
from desktop.core.i18n import fill, tx

__all__ = [
    "SITUATIONS",
    "TEMPLATES_DIR",
    "VARIABLES",
    "TemplateError",
    "credit_words",
    "languages",
    "load_templates",
    "template_fields",
    "template_problem",
]

TEMPLATES_DIR: Traversable = desktop.resource("resources", "templates")
SITUATIONS = ("share", "shares", "quote", "mention", "reply", "follow", "group", "like")
VARIABLES = frozenset({"name", "mention", "title", "count", "network", "mentions"})
FALLBACK_LANGUAGE = "en"


class TemplateError(ValueError):
    """A template file that is missing, malformed or uses an unknown variable."""


def template_problem(template: str, variables: frozenset[str] | None = VARIABLES) -> str | None:
    """What is wrong with a template, in words for the user, or None. Positional fields,
    attribute or index access, format specs and conversions are refused: templates are
    translated text, not code. ``variables=None`` checks the syntax only."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return tx("Templates", "unbalanced { or }")
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            written = "{" + name + (":" + spec if spec else "") + "}"
            return fill(tx("Templates", "write variables as {name} only, not %1"), written)
        if variables is not None and name not in variables:
            return fill(tx("Templates", "unknown variable %1"), "{" + name + "}")
    return None


def template_fields(template: str) -> set[str]:
    """The variables a template uses; TemplateError if it is not plain ``{name}`` fields."""
    problem = template_problem(template, None)
    if problem:
        raise TemplateError(fill(tx("Templates", "template %1: %2"), repr(template), problem))
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(template) if name}


def languages(directory: Traversable = TEMPLATES_DIR) -> list[str]:
    """Languages we have templates for, e.g. ["en", "es"]."""
    return sorted(
        p.name.removesuffix(".json") for p in directory.iterdir() if p.name.endswith(".json")
    )


@functools.cache
def _read(language: str, directory: Traversable) -> dict[str, Any]:
    path = directory / f"{language}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateError(fill(tx("Templates", "no thank-you templates at %1"), path)) from None
    except (OSError, ValueError) as exc:
        raise TemplateError(fill(tx("Templates", "cannot read %1: %2"), path, exc)) from None
    if not isinstance(data, dict):
        raise TemplateError(fill(tx("Templates", "%1: expected an object of situations"), path))
    return data


@functools.cache
def load_templates(
    language: str, directory: Traversable = TEMPLATES_DIR
) -> dict[str, tuple[str, ...]]:
    """The variants for every situation in one language, checked: each situation present,
    each variant a non-empty string using only known variables."""
    # Calls of the cached _read and _credit ignore arg-type: typeshed does not declare
    # Traversable Hashable, real ones are.
    data = _read(language, directory)  # type: ignore[arg-type]
    path = directory / f"{language}.json"
    out: dict[str, tuple[str, ...]] = {}
    for situation in SITUATIONS:
        variants = data.get(situation)
        if not isinstance(variants, list) or not variants:
            raise TemplateError(
                fill(tx("Templates", "%1: no variants for %2"), path, repr(situation))
            )
        for variant in variants:
            if not isinstance(variant, str) or not variant.strip():
                raise TemplateError(
                    fill(tx("Templates", "%1: %2 has an empty variant"), path, repr(situation))
                )
            unknown = template_fields(variant) - VARIABLES
            if unknown:
                raise TemplateError(
                    fill(
                        tx("Templates", "%1: %2 variant %3 uses unknown %4"),
                        path,
                        repr(situation),
                        repr(variant),
                        ", ".join(sorted(unknown)),
                    )
                )
        out[situation] = tuple(variants)
    return out


def credit_words(language: str | None, directory: Traversable = TEMPLATES_DIR) -> tuple[str, str]:
    """A share post's ("by", "via") in ``language`` ("es", "es-ES"); English when we have no
    file for it."""
    code = (language or FALLBACK_LANGUAGE)[:2].lower()
    known = code in languages(directory)
    return _credit(code if known else FALLBACK_LANGUAGE, directory)  # type: ignore[arg-type]


@functools.cache
def _credit(language: str, directory: Traversable) -> tuple[str, str]:
    credit = _read(language, directory).get("credit")  # type: ignore[arg-type]
    by, via = (credit.get("by"), credit.get("via")) if isinstance(credit, dict) else (None, None)
    if not (isinstance(by, str) and by.strip() and isinstance(via, str) and via.strip()):
        raise TemplateError(
            fill(tx("Templates", "%1: no credit words (by, via)"), directory / f"{language}.json")
        )
    return by, via
