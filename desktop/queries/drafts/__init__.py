"""Thank-you drafts: what a draft answers is in :mod:`desktop.queries.drafts.compose`; the
names and the quoted title in ``names``, variant choice and fitting in ``fitting``, what a
draft is read from in ``context``, its types and words in ``model``."""

from desktop.queries.drafts.compose import group_draft, make_draft, situation_for
from desktop.queries.drafts.context import cooldown_days, recently_thanked, user_variants
from desktop.queries.drafts.model import (
    AT_MENTION_NETWORKS,
    DEFAULT_COOLDOWN_DAYS,
    TITLE_LIMIT,
    Draft,
    Mention,
    PostRef,
)
from desktop.queries.drafts.names import first_name, title_text
from desktop.queries.templates import (
    SITUATIONS,
    TEMPLATES_DIR,
    VARIABLES,
    TemplateError,
    languages,
    load_templates,
    template_fields,
)

__all__ = [
    "AT_MENTION_NETWORKS",
    "DEFAULT_COOLDOWN_DAYS",
    "SITUATIONS",
    "TEMPLATES_DIR",
    "TITLE_LIMIT",
    "VARIABLES",
    "Draft",
    "Mention",
    "PostRef",
    "TemplateError",
    "cooldown_days",
    "first_name",
    "group_draft",
    "languages",
    "load_templates",
    "make_draft",
    "recently_thanked",
    "situation_for",
    "template_fields",
    "title_text",
    "user_variants",
]
