"""PostgreSQL: every bounded VARCHAR becomes TEXT, as SQLite has always treated them

SQLite never enforces a VARCHAR's length, so a 300-character handle or a 3,000-character
URL has always been stored whole; PostgreSQL refused them ("value too long for type
character varying(256)") and the whole page was lost. TEXT and VARCHAR are the same type
inside PostgreSQL (no speed difference), so nothing else changes. SQLite: nothing to do.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _bounded_columns() -> list[tuple[str, str, int]]:
    inspector = sa.inspect(op.get_bind())
    found = []
    for table in inspector.get_table_names():
        for column in inspector.get_columns(table):
            kind = column["type"]
            if isinstance(kind, sa.String) and not isinstance(kind, sa.Text) and kind.length:
                found.append((table, column["name"], kind.length))
    return found


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, _length in _bounded_columns():
        op.alter_column(table, column, type_=sa.Text())


def downgrade() -> None:
    # The lengths are not kept: a downgraded PostgreSQL store keeps TEXT (what it holds may
    # not fit the old bounds any more).
    pass
