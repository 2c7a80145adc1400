"""Settings of the session store, from parameters or from environment variables.

| variable | default | meaning |
|---|---|---|
| DECISION_AID_DATABASE_URL | (none) | a SQLAlchemy URL; `postgresql://…` is read as `postgresql+psycopg://…` |
| DECISION_AID_DATA_DIR | ./data | folder of the SQLite file `decision_aid.sqlite3` when no URL is set |
| DECISION_AID_SAVE_DAYS | 30 | days a saved session is kept after its last save (1-366) |
| DECISION_AID_LOAD_MAX_FAILURES | 10 | wrong codes a client may try within the window (1-1000) |
| DECISION_AID_LOAD_WINDOW_MINUTES | 15 | the window of the rate limit, in minutes (1-1440) |
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from .errors import StorageConfigError

__all__ = ["SQLITE_FILENAME", "RateLimit", "StorageConfig", "database_url"]

SQLITE_FILENAME = "decision_aid.sqlite3"
DEFAULT_DATA_DIR = "data"
DEFAULT_SAVE_DAYS = 30


@dataclass(frozen=True, slots=True)
class RateLimit:
    """At most `max_failures` wrong codes per client within `window`; then refuse until one ages out."""

    max_failures: int = 10
    window: dt.timedelta = dt.timedelta(minutes=15)

    def __post_init__(self) -> None:
        if self.max_failures < 1:
            raise StorageConfigError("the rate limit must allow at least 1 failed attempt")
        if self.window < dt.timedelta(seconds=1):
            raise StorageConfigError("the rate-limit window must be at least 1 second")


@dataclass(frozen=True, slots=True)
class StorageConfig:
    """Where saved sessions live and how long; `from_env` reads the environment variables above."""

    url: URL
    save_days: int = DEFAULT_SAVE_DAYS
    rate_limit: RateLimit = field(default_factory=RateLimit)

    def __post_init__(self) -> None:
        if not 1 <= self.save_days <= 366:
            raise StorageConfigError(f"saved sessions are kept 1 to 366 days, not {self.save_days}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> StorageConfig:
        """Read the settings from `env` (default: os.environ).

        Raises:
            StorageConfigError: a variable has an unusable value; the message names it.
        """
        env = os.environ if env is None else env
        url = env.get("DECISION_AID_DATABASE_URL", "").strip()
        data_dir = Path(env.get("DECISION_AID_DATA_DIR", "").strip() or DEFAULT_DATA_DIR)
        limit = RateLimit(
            max_failures=_integer(env, "DECISION_AID_LOAD_MAX_FAILURES", 10, 1, 1000),
            window=dt.timedelta(minutes=_integer(env, "DECISION_AID_LOAD_WINDOW_MINUTES", 15, 1, 1440)),
        )
        return cls(
            url=database_url(url or None, data_dir),
            save_days=_integer(env, "DECISION_AID_SAVE_DAYS", DEFAULT_SAVE_DAYS, 1, 366),
            rate_limit=limit,
        )


def _integer(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise StorageConfigError(f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise StorageConfigError(f"{name} must be between {low} and {high}, not {value}")
    return value


def database_url(url: str | URL | None, data_dir: Path | str = DEFAULT_DATA_DIR) -> URL:
    """The SQLAlchemy URL to use: `url` if given (PostgreSQL URLs get the psycopg 3 driver), else
    the SQLite file `data_dir/decision_aid.sqlite3`.

    Raises:
        StorageConfigError: the URL cannot be parsed or names a database other than SQLite or PostgreSQL.
    """
    if url is None:
        return URL.create("sqlite", database=str(Path(data_dir) / SQLITE_FILENAME))
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageConfigError("DECISION_AID_DATABASE_URL is not a database URL") from None
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StorageConfigError(f"saved sessions need SQLite or PostgreSQL, not {parsed.get_backend_name()!r}")
    return parsed
