"""Settings from the environment: defaults, the database URL, and clear refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from decision_aid.storage import RateLimit, StorageConfig, StorageConfigError
from decision_aid.storage.config import database_url


def test_the_defaults_are_a_sqlite_file_in_data_30_days_and_10_failures_per_15_minutes() -> None:
    config = StorageConfig.from_env({})
    assert config.url.get_backend_name() == "sqlite"
    assert Path(config.url.database or "") == Path("data") / "decision_aid.sqlite3"
    assert config.save_days == 30
    assert config.rate_limit == RateLimit(10, dt.timedelta(minutes=15))


def test_the_data_folder_comes_from_the_environment(tmp_path: Path) -> None:
    config = StorageConfig.from_env({"DECISION_AID_DATA_DIR": str(tmp_path)})
    assert config.url.database == str(tmp_path / "decision_aid.sqlite3")


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://aid:secret@db.example:5432/aid",
        "postgres://aid:secret@db.example/aid",
        "postgresql+psycopg://aid@db/aid",
    ],
)
def test_postgresql_urls_use_psycopg_3(url: str) -> None:
    config = StorageConfig.from_env({"DECISION_AID_DATABASE_URL": url, "DECISION_AID_DATA_DIR": "/ignored"})
    assert config.url.drivername == "postgresql+psycopg"


@pytest.mark.parametrize("url", ["mysql://aid:hunter2@db/aid", "not a url at all"])
def test_other_databases_are_refused_without_echoing_the_url(url: str) -> None:
    with pytest.raises(StorageConfigError) as caught:
        StorageConfig.from_env({"DECISION_AID_DATABASE_URL": url})
    assert "hunter2" not in str(caught.value)


def test_a_sqlite_url_is_kept() -> None:
    assert database_url("sqlite:////srv/aid/sessions.db").database == "/srv/aid/sessions.db"


def test_parameters_are_checked_too() -> None:
    with pytest.raises(StorageConfigError):
        RateLimit(max_failures=0)
    with pytest.raises(StorageConfigError):
        StorageConfig(database_url(None), save_days=0)
