"""person_stats: per-person totals for the People list

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

# A copy, not an import: a migration must keep meaning what it meant when written.
REBUILD_SQL = """
INSERT INTO person_stats (person_id, inbound, outbound, first_at, last_at)
SELECT identities.person_id,
       SUM(CASE WHEN interactions.direction = 'inbound' THEN 1 ELSE 0 END),
       SUM(CASE WHEN interactions.direction = 'outbound' THEN 1 ELSE 0 END),
       MIN(interactions.occurred_at), MAX(interactions.occurred_at)
FROM interactions JOIN identities ON identities.id = interactions.identity_id
GROUP BY identities.person_id
"""

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_stats",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("inbound", sa.Integer(), nullable=False),
        sa.Column("outbound", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=True),
        sa.Column("last_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_person_stats_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_stats")),
    )
    op.create_index("ix_person_stats_last", "person_stats", ["last_at", "person_id"])
    op.execute(REBUILD_SQL)


def downgrade() -> None:
    op.drop_index("ix_person_stats_last", table_name="person_stats")
    op.drop_table("person_stats")
