"""launch links

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 15:03:58.434345
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "launch_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=16), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("api_key_prefix", sa.String(length=32), nullable=False),
        sa.Column("sealed_payload", sa.LargeBinary(), nullable=True),
        sa.Column("auto_submit", sa.Boolean(), nullable=False),
        sa.Column("max_uses", sa.Integer(), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("public_id"),
        sa.UniqueConstraint("secret_hash"),
    )
    with op.batch_alter_table("launch_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_launch_links_expires_at"), ["expires_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_launch_links_tenant_id"), ["tenant_id"], unique=False)

    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("link_max_uses", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:

    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.drop_column("link_max_uses")

    with op.batch_alter_table("launch_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_launch_links_tenant_id"))
        batch_op.drop_index(batch_op.f("ix_launch_links_expires_at"))

    op.drop_table("launch_links")
