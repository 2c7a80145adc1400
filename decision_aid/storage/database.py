"""The database engine and its schema migrations.

SQLite (the default) needs no setup: the folder and the file are created on first use, by
`upgrade_schema` (folder 0700, file 0600). Every connection uses WAL mode with synchronous=FULL.
In WAL mode, FULL syncs the log on every commit, so a save that has returned survives a power cut
or an operating-system crash, not only a killed process (NORMAL would risk losing the last saves on
a power cut). A save is rare (a person presses a button) and one fsync costs milliseconds, so FULL
is worth it. Every transaction starts with BEGIN IMMEDIATE, so the rate-limit check and the write
that follows cannot interleave with another process's, and busy_timeout makes a second writer wait
instead of failing.

PostgreSQL is used through psycopg 3 with its default synchronous_commit (on): a commit returns
after the log is flushed.

`upgrade_schema` runs the Alembic migrations to head, holding a lock (SQLite's write lock, or a
PostgreSQL advisory lock) so that processes starting together do not race.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine

__all__ = ["MIGRATIONS_DIR", "alembic_config", "ensure_sqlite_file", "make_engine", "upgrade_schema"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 15_000
_MIGRATION_LOCK = 0x5D_A1_5E_55  # any constant shared by every process of the app


def make_engine(url: URL) -> Engine:
    """An engine for `url`, with SQL parameters hidden from errors and logs."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, hide_parameters=True, pool_pre_ping=True)


def ensure_sqlite_file(url: URL) -> None:
    """For a SQLite file URL, create the folder (0700) and the empty file (0600) if missing."""
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in ("", ":memory:") or database.startswith("file:"):
        return
    path = Path(database)
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url, hide_parameters=True, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's events below decide when to BEGIN
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the migrations in MIGRATIONS_DIR, bound to `connection`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the newest migration, keeping every saved session. Safe to call from
    several processes at once, and cheap when the schema is already up to date. Creates the SQLite
    folder and file first, if they are missing."""
    ensure_sqlite_file(engine.url)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        command.upgrade(alembic_config(connection), "head")
