"""Fixtures: every `store` test runs on SQLite and on a real PostgreSQL, with an injected clock.

PostgreSQL is DECISION_AID_TEST_POSTGRES_URL when set (its two tables are emptied before each
test), else a throwaway cluster started for the session (tests/storage/postgres.py). Without the
server binaries the PostgreSQL cases are skipped with the reason, except in CI (CI=true), where
they fail: scripts/system-deps.sh installs PostgreSQL there.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete

from decision_aid.storage import SessionStore
from decision_aid.storage.config import SQLITE_FILENAME, database_url
from decision_aid.storage.database import make_engine, upgrade_schema
from decision_aid.storage.schema import metadata

from .postgres import throwaway_cluster, unavailable_reason

START = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass(frozen=True)
class Backend:
    name: str
    url: str
    data_dir: Path | None = None  # SQLite only: the folder holding the database file


def _require_postgres(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A migrated PostgreSQL database for the whole session (skipped, with the reason, if none)."""
    given = os.environ.get("DECISION_AID_TEST_POSTGRES_URL", "").strip()
    if given:
        yield _migrated(given)
        return
    reason = unavailable_reason()
    if reason:
        _require_postgres(reason)
    with throwaway_cluster() as cluster:
        yield _migrated(cluster.url())


def _migrated(url: str) -> str:
    engine = make_engine(database_url(url))
    try:
        upgrade_schema(engine)
    finally:
        engine.dispose()
    return url


def empty_tables(url: str) -> None:
    engine = make_engine(database_url(url))
    try:
        with engine.begin() as connection:
            for table in reversed(metadata.sorted_tables):
                connection.execute(delete(table))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """Each backend in turn, empty; the SQLite file is created by the store on first use."""
    if request.param == "sqlite":
        data_dir = tmp_path / "data"
        return Backend("sqlite", f"sqlite:///{data_dir / SQLITE_FILENAME}", data_dir)
    url: str = request.getfixturevalue("postgres_url")
    empty_tables(url)
    return Backend("postgresql", url)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_store(backend: Backend, clock: FakeClock) -> Iterator[Callable[..., SessionStore]]:
    """New SessionStore objects on the same database (another process or computer, as far as the
    store can tell); all closed at the end."""
    stores: list[SessionStore] = []

    def make(**options: Any) -> SessionStore:
        options.setdefault("now", clock)
        store = SessionStore.for_url(backend.url, **options)
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.close()


@pytest.fixture
def store(make_store: Callable[..., SessionStore]) -> SessionStore:
    return make_store()


@pytest.fixture
def child_env(backend: Backend) -> dict[str, str]:
    """The environment for a subprocess that opens the same database with SessionStore.from_env()."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DECISION_AID_")}
    env["DECISION_AID_DATABASE_URL"] = backend.url
    return env
