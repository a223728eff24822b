"""audit event ids: each row's own id, unique, so a row written again after a crash goes in once

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: rows written before this revision have none (and several NULLs never conflict).
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_id", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_audit_events_event_id"), ["event_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_event_id"))
        batch_op.drop_column("event_id")
