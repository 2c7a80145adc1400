"""The schema is made by the Alembic migrations, on first use, and matches schema.py; upgrading
keeps saved sessions; processes starting together on an empty database do not race."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from decision_aid.storage import SessionStore, StorageUnavailableError, utc_now
from decision_aid.storage.config import SQLITE_FILENAME
from decision_aid.storage.database import alembic_config, upgrade_schema
from decision_aid.storage.schema import metadata

from ..conftest import REPO
from .conftest import Backend
from .samples import payload

MakeStore = Callable[..., SessionStore]


def head() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_there_is_one_line_of_revisions() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert [r.revision for r in script.walk_revisions()][-1] == "0001"


def test_first_use_migrates_to_head_and_the_schema_matches_the_tables(store: SessionStore) -> None:
    store.purge_expired()
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert context.get_current_revision() == head()
        assert compare_metadata(context, metadata) == []


def test_upgrading_again_keeps_saved_sessions(make_store: MakeStore) -> None:
    store = make_store()
    saved = store.save(payload())
    upgrade_schema(store.engine)
    assert make_store().load(saved.code, client_id="c") == payload()


def test_a_new_sqlite_store_creates_its_folder_and_file_in_wal_mode(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    with SessionStore.from_env({"DECISION_AID_DATA_DIR": str(folder)}) as store:
        assert not folder.exists()  # nothing happens before first use
        saved = store.save(payload())
        assert (folder / SQLITE_FILENAME).stat().st_mode & 0o777 == 0o600
        assert folder.stat().st_mode & 0o777 == 0o700
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert connection.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
        assert store.load(saved.code, client_id="c") == payload()


@pytest.fixture
def empty_database(backend: Backend) -> Iterator[str]:
    """A database with no tables yet: a new SQLite file, or a new PostgreSQL database."""
    if backend.name == "sqlite":
        assert backend.data_dir is not None
        yield f"sqlite:///{backend.data_dir / 'fresh.sqlite3'}"
        return
    name = f"fresh_{uuid.uuid4().hex[:12]}"
    admin = create_engine(backend.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            try:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            except Exception as exc:  # an external test database may not allow it
                pytest.skip(f"cannot create a database for this test: {type(exc).__name__}")
        yield make_url(backend.url).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def test_processes_starting_together_on_an_empty_database_all_migrate_and_save(
    empty_database: str, child_env: dict[str, str]
) -> None:
    env = {**child_env, "DECISION_AID_DATABASE_URL": empty_database}
    script = "from decision_aid.storage import SessionStore; print(SessionStore.from_env().save({'n': 1}).code)"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", script], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0, 0, 0], [err.decode() for _, err in outputs]
    with SessionStore.for_url(empty_database, now=utc_now) as store:
        for out, _ in outputs:
            assert store.load(out.decode().strip(), client_id="c") == {"n": 1}
        tables = set(inspect(store.engine).get_table_names())
        assert tables == {"alembic_version", "saved_sessions", "failed_attempts"}


def test_a_database_migrated_by_a_newer_version_is_refused_clearly(make_store: MakeStore, backend: Backend) -> None:
    make_store().purge_expired()
    engine = create_engine(backend.url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(StorageUnavailableError, match="schema could not be upgraded"):
            make_store().save(payload())
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    finally:
        engine.dispose()


def test_an_unreachable_database_is_a_storage_error_without_the_password() -> None:
    store = SessionStore.for_url("postgresql://aid:hunter2@127.0.0.1:1/aid")
    with store, pytest.raises(StorageUnavailableError) as caught:
        store.save(payload())
    assert caught.value.code == "storage_unavailable"
    assert "hunter2" not in str(caught.value)
