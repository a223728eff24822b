"""a launch link names the link that replaced it, so a replacement chain has exactly one live end

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 17:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("launch_links", schema=None) as batch_op:
        batch_op.add_column(sa.Column("replaced_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_launch_links_replaced_by_id_launch_links"),
            "launch_links",
            ["replaced_by_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("launch_links", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_launch_links_replaced_by_id_launch_links"), type_="foreignkey")
        batch_op.drop_column("replaced_by_id")
