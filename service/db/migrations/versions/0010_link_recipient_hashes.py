"""link recipient hashes: an emailed link keeps a keyed hash of its address, so an admin finds a member's links

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-09 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: links that were not emailed have none, nor do links made before this revision (their address
    # was never kept in a form that could be hashed now: it is sealed under each link's own secret).
    with op.batch_alter_table("launch_links", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recipient_hash", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_launch_links_tenant_recipient", ["tenant_id", "recipient_hash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("launch_links", schema=None) as batch_op:
        batch_op.drop_index("ix_launch_links_tenant_recipient")
        batch_op.drop_column("recipient_hash")
