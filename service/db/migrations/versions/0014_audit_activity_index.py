"""audit activity indexes: the console's Overview (counts per day) and Audit page (newest first, paged)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 21:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Measured with 10⁶ rows in docs/performance.md ("Console overview and audit queries").
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_tenant_at_id", ["tenant_id", "at", "id"], unique=False)
        batch_op.create_index(
            "ix_audit_events_tenant_action_at", ["tenant_id", "action", "at", "profile_id", "outcome"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_tenant_action_at")
        batch_op.drop_index("ix_audit_events_tenant_at_id")
