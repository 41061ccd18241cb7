"""Thank-you drafts (the module is cut along its seams in the next commit)."""

from desktop.queries.drafts.compose import *  # noqa: F403
from desktop.queries.drafts.compose import __all__  # noqa: F401
