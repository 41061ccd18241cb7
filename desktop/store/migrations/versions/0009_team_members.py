"""Team mode: who acknowledged (acknowledgements.member), on whose computer an account's
token lives (accounts.connected_by), and on PostgreSQL a trigram index for people search

A shared store has several members: "thanked by Ana, 10:42" in the ledger, and an account
another member connected shows as "connected on Ana's computer" (tokens stay in each
member's own keyring). Both are "" on a store of one.

People search on SQLite uses its FTS5 index (0005); on PostgreSQL the same LIKE patterns
are served by a pg_trgm GIN index on identities.search_key. pg_trgm is a trusted extension
(PostgreSQL 13+: a database owner may create it); where it cannot be created, search still
works, without the index.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

import logging

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)
TRIGRAM_INDEX = "ix_identities_search_trgm"


def upgrade() -> None:
    op.add_column(
        "acknowledgements", sa.Column("member", sa.Text(), server_default="", nullable=False)
    )
    op.add_column(
        "accounts", sa.Column("connected_by", sa.Text(), server_default="", nullable=False)
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():  # a refused extension must not undo the columns above
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError as exc:
        log.warning("pg_trgm not available (%s): people search without its index", exc.orig)
        return
    bind.execute(
        sa.text(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON identities"
            " USING gin (search_key gin_trgm_ops)"
        )
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.drop_column("connected_by")
    with op.batch_alter_table("acknowledgements") as batch_op:
        batch_op.drop_column("member")
