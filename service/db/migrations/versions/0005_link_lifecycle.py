"""links people can live with: link events, renewals, locales, display names, refresh URLs

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tenants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("display_name", sa.String(length=100), nullable=True))
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("display_name", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("refresh_url", sa.String(length=2048), nullable=True))
        batch_op.add_column(sa.Column("link_renewals", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("locale", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("time_zone", sa.String(length=64), nullable=True))
    with op.batch_alter_table("launch_links", schema=None) as batch_op:
        batch_op.add_column(sa.Column("locale", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("renewals", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("renewed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "link_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["link_id"], ["launch_links.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("link_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_link_events_link_id"), ["link_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("link_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_link_events_link_id"))
    op.drop_table("link_events")
    with op.batch_alter_table("launch_links", schema=None) as batch_op:
        batch_op.drop_column("renewed_at")
        batch_op.drop_column("renewals")
        batch_op.drop_column("locale")
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.drop_column("time_zone")
        batch_op.drop_column("locale")
        batch_op.drop_column("link_renewals")
        batch_op.drop_column("refresh_url")
        batch_op.drop_column("display_name")
    with op.batch_alter_table("tenants", schema=None) as batch_op:
        batch_op.drop_column("display_name")
