"""test mode: test profiles, and the test inbox where test keys' mails wait

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("test", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        "test_mails",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("public_id"),
    )
    with op.batch_alter_table("test_mails", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_test_mails_tenant_id"), ["tenant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_test_mails_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("test_mails", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_test_mails_at"))
        batch_op.drop_index(batch_op.f("ix_test_mails_tenant_id"))
    op.drop_table("test_mails")
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.drop_column("test")
