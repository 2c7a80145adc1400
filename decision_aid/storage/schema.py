"""The tables, as SQLAlchemy Core metadata. The migrations (migrations/versions/) create exactly these;
tests/storage/test_migrations.py checks that the two agree on every backend.

No column holds an answer, a code or a client identifier in readable form:

saved_sessions   lookup_key (HKDF of the code), format_version, nonce, ciphertext (AES-GCM of the
                 padded JSON payload), expires_at (seconds since 1970, UTC; part of the associated data)
failed_attempts  client_key (SHA-256 of the client id), attempted_at (seconds since 1970, UTC)
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, LargeBinary, MetaData, SmallInteger, Table

__all__ = ["failed_attempts", "metadata", "saved_sessions"]

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)

saved_sessions = Table(
    "saved_sessions",
    metadata,
    Column("lookup_key", LargeBinary(32), primary_key=True),
    Column("format_version", SmallInteger, nullable=False),
    Column("nonce", LargeBinary(12), nullable=False),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("expires_at", BigInteger, nullable=False),
    Index(None, "expires_at"),
)

failed_attempts = Table(
    "failed_attempts",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("client_key", LargeBinary(32), nullable=False),
    Column("attempted_at", BigInteger, nullable=False),
    Index(None, "client_key", "attempted_at"),
    Index(None, "attempted_at"),
)
