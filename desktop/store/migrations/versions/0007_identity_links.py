"""identities.links: the other networks' profiles an identity's profile links to

A Mastodon profile's fields ("LinkedIn: https://www.linkedin.com/in/ana") and a Bluesky bio
name the same person's profiles elsewhere: evidence for the People page's merge
suggestions. Newline-separated URLs; empty when the network did not say.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite does it in place, and identities' full-text triggers stay.
    op.add_column("identities", sa.Column("links", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("identities", schema=None) as batch_op:
        batch_op.drop_column("links")
