"""Alembic environment: migrates the connection handed over by `database.upgrade_schema`.

From the command line (to write a new revision), it connects to the database the environment
variables name (config.StorageConfig.from_env):

    .venv/bin/alembic -c decision_aid/storage/migrations/alembic.ini revision --autogenerate -m "what changes"

Offline (SQL script) mode is not supported.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from decision_aid.storage.config import StorageConfig
from decision_aid.storage.database import ensure_sqlite_file, make_engine
from decision_aid.storage.schema import metadata

__all__: list[str] = []


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    if context.is_offline_mode():
        raise RuntimeError("offline migrations are not supported; run them against a database")
    given = context.config.attributes.get("connection")
    if isinstance(given, Connection):
        _run(given)
        return
    url = StorageConfig.from_env().url
    ensure_sqlite_file(url)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            _run(connection)
    finally:
        engine.dispose()


_main()
