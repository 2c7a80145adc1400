"""The first schema: saved_sessions and failed_attempts (see decision_aid/storage/schema.py).

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

__all__ = ["branch_labels", "depends_on", "down_revision", "downgrade", "revision", "upgrade"]

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create both tables and their indexes."""
    op.create_table(
        "saved_sessions",
        sa.Column("lookup_key", sa.LargeBinary(32), nullable=False),
        sa.Column("format_version", sa.SmallInteger(), nullable=False),
        sa.Column("nonce", sa.LargeBinary(12), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("lookup_key", name="pk_saved_sessions"),
    )
    op.create_index("ix_saved_sessions_expires_at", "saved_sessions", ["expires_at"])
    op.create_table(
        "failed_attempts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("client_key", sa.LargeBinary(32), nullable=False),
        sa.Column("attempted_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_failed_attempts"),
    )
    op.create_index("ix_failed_attempts_client_key_attempted_at", "failed_attempts", ["client_key", "attempted_at"])
    op.create_index("ix_failed_attempts_attempted_at", "failed_attempts", ["attempted_at"])


def downgrade() -> None:
    """Drop both tables (and every saved session with them)."""
    op.drop_table("failed_attempts")
    op.drop_table("saved_sessions")
