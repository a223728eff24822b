"""console users, their emailed sign-in links and their sessions (the partner console, issue 23)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-09 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "console_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=24), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("email_hmac", sa.String(length=64), nullable=False),
        sa.Column("sealed_email", sa.LargeBinary(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("public_id"),
        sa.UniqueConstraint("tenant_id", "email_hmac"),
    )
    with op.batch_alter_table("console_users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_console_users_email_hmac"), ["email_hmac"], unique=False)
        batch_op.create_index(batch_op.f("ix_console_users_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "console_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["console_users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("id_hash"),
    )
    with op.batch_alter_table("console_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_console_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "console_sign_ins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["console_users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("secret_hash"),
    )
    with op.batch_alter_table("console_sign_ins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_console_sign_ins_expires_at"), ["expires_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_console_sign_ins_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("console_sign_ins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_console_sign_ins_user_id"))
        batch_op.drop_index(batch_op.f("ix_console_sign_ins_expires_at"))

    op.drop_table("console_sign_ins")
    with op.batch_alter_table("console_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_console_sessions_user_id"))

    op.drop_table("console_sessions")
    with op.batch_alter_table("console_users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_console_users_tenant_id"))
        batch_op.drop_index(batch_op.f("ix_console_users_email_hmac"))

    op.drop_table("console_users")
