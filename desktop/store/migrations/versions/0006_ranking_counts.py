"""candidates.sharer_count and an index for "last thanked"

Ranking counted every sighting of every open candidate (600,000 on a heavy store) on each
Share list; the count now lives on the candidate, in the (state, last_seen_at) index so the
ranking's upper bound is an index-only read. "Last thanked" for a page of people read each
person's acknowledgements rows; (person_id, action, created_at) answers it from the index,
which also covers everything the old person_id index did.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# A copy, not an import: a migration must keep meaning what it meant when written.
RECOUNT_ALL_SQL = """
UPDATE candidates SET sharer_count = (
    SELECT count(DISTINCT identities.person_id)
    FROM sightings JOIN identities ON identities.id = sightings.sharer_identity_id
    WHERE sightings.candidate_id = candidates.id)
WHERE id IN (SELECT candidate_id FROM sightings WHERE sharer_identity_id IS NOT NULL)
"""


def upgrade() -> None:
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sharer_count", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.drop_index("ix_candidates_state_seen")
        batch_op.create_index("ix_candidates_state_seen", ["state", "last_seen_at", "sharer_count"])
    op.execute(RECOUNT_ALL_SQL)
    with op.batch_alter_table("acknowledgements", schema=None) as batch_op:
        batch_op.drop_index("ix_acknowledgements_person_id")
        batch_op.create_index(
            "ix_acknowledgements_person_action", ["person_id", "action", "created_at"]
        )


def downgrade() -> None:
    with op.batch_alter_table("acknowledgements", schema=None) as batch_op:
        batch_op.drop_index("ix_acknowledgements_person_action")
        batch_op.create_index("ix_acknowledgements_person_id", ["person_id"])
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.drop_index("ix_candidates_state_seen")
        batch_op.create_index("ix_candidates_state_seen", ["state", "last_seen_at"])
        batch_op.drop_column("sharer_count")
