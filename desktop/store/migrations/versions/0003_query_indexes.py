"""indexes for the pending list, the ledger, people totals and the open candidates

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

WAITING = "direction = 'inbound' AND acknowledgement_id IS NULL AND kind != 'like'"
ANSWERED = "acknowledgement_id IS NOT NULL"


def upgrade() -> None:
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index("ix_interactions_acknowledgement_id")
        batch_op.create_index(
            "ix_interactions_acknowledgement_id",
            ["acknowledgement_id"],
            sqlite_where=sa.text(ANSWERED),
            postgresql_where=sa.text(ANSWERED),
        )
        batch_op.create_index(
            "ix_interactions_waiting_support",
            ["identity_id"],
            sqlite_where=sa.text(WAITING),
            postgresql_where=sa.text(WAITING),
        )
        batch_op.create_index(
            "ix_interactions_identity_direction_kind_time",
            ["identity_id", "direction", "kind", "occurred_at"],
        )
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.create_index("ix_candidates_state_seen", ["state", "last_seen_at"])
    with op.batch_alter_table("acknowledgements", schema=None) as batch_op:
        batch_op.create_index(
            "ix_acknowledgements_snoozed",
            ["snoozed_until"],
            sqlite_where=sa.text("action = 'snoozed'"),
            postgresql_where=sa.text("action = 'snoozed'"),
        )


def downgrade() -> None:
    with op.batch_alter_table("acknowledgements", schema=None) as batch_op:
        batch_op.drop_index("ix_acknowledgements_snoozed")
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.drop_index("ix_candidates_state_seen")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index("ix_interactions_identity_direction_kind_time")
        batch_op.drop_index("ix_interactions_waiting_support")
        batch_op.drop_index("ix_interactions_acknowledgement_id")
        batch_op.create_index("ix_interactions_acknowledgement_id", ["acknowledgement_id"])
