"""SessionStore: save a session under a resume code, load it back, delete it. See docs/STORAGE.md.

    store = SessionStore.from_env()              # SQLite in ./data, or DECISION_AID_DATABASE_URL
    saved = store.save({"answers": {...}, "language": "en", "step": "compare", "consultation_mode": False})
    saved.code, saved.expires_on                 # "K7QF-3MZD-9XWA-2PHD", 2026-12-24
    payload = store.load("k7qf 3mzd 9xwa 2phd", client_id="203.0.113.7")
    store.delete(saved.code)                     # "Delete my answers"

One store per process is enough (it is thread-safe; keep it, for example, in st.cache_resource).
The schema is migrated on first use. Every method commits before it returns, so a save that has
returned survives the process being killed. Nothing is logged about answers, codes or clients.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import secrets
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TypedDict

from alembic.util.exc import CommandError
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from . import ratelimit
from .codes import format_code, generate_code, normalize_code
from .config import DEFAULT_DATA_DIR, RateLimit, StorageConfig, database_url
from .crypto import FORMAT_VERSION, NONCE_BYTES, client_key, derive_keys, open_payload, seal_payload
from .database import make_engine, upgrade_schema
from .errors import CodeNotFoundError, CorruptSessionError, StorageUnavailableError, TooManyAttemptsError
from .schema import saved_sessions

__all__ = ["Clock", "SaveResult", "SessionPayload", "SessionStore", "utc_now"]

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
"""Returns the current time as an aware datetime (a naive one is read as UTC)."""


def utc_now() -> dt.datetime:
    """The real clock."""
    return dt.datetime.now(dt.UTC)


class SessionPayload(TypedDict, total=False):
    """The suggested shape of a saved session; any JSON object is accepted and returned as saved."""

    answers: dict[str, Any]
    language: str
    step: str
    consultation_mode: bool


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What `save` returns: the code to give the person, and when the saved session expires.

    Attributes:
        code: grouped for reading, such as "K7QF-3MZD-9XWA-2PHD".
        expires_at: UTC; the session can be loaded until just before this moment.
    """

    code: str
    expires_at: dt.datetime

    @property
    def expires_on(self) -> dt.date:
        """The UTC date of `expires_at` (for "kept until …")."""
        return self.expires_at.date()

    def __repr__(self) -> str:
        return f"SaveResult(code=<hidden>, expires_at={self.expires_at.isoformat()})"


class SessionStore:
    """Saved sessions in SQLite or PostgreSQL, readable only with their resume code."""

    def __init__(self, config: StorageConfig, *, now: Clock = utc_now) -> None:
        """Open (lazily) the database of `config`; `now` is the clock (inject one in tests)."""
        self.config = config
        self._now = now
        self._engine = make_engine(config.url)
        self._ready = False
        self._lock = threading.Lock()

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, *, save_days: int | None = None, now: Clock = utc_now
    ) -> SessionStore:
        """The store the environment variables describe (config.py lists them); `save_days`
        overrides DECISION_AID_SAVE_DAYS.

        Raises:
            StorageConfigError: a variable has an unusable value.
        """
        config = StorageConfig.from_env(env)
        if save_days is not None:
            config = StorageConfig(config.url, save_days, config.rate_limit)
        return cls(config, now=now)

    @classmethod
    def for_url(
        cls,
        url: str | URL | None = None,
        *,
        data_dir: str | Path = DEFAULT_DATA_DIR,
        save_days: int = 30,
        rate_limit: RateLimit | None = None,
        now: Clock = utc_now,
    ) -> SessionStore:
        """A store for a database URL (None: the SQLite file in `data_dir`)."""
        config = StorageConfig(database_url(url, data_dir), save_days, rate_limit or RateLimit())
        return cls(config, now=now)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for operations and tests; the screen should not need it)."""
        return self._engine

    def close(self) -> None:
        """Close every pooled connection. The store can still be used afterwards (it reconnects)."""
        self._engine.dispose()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def save(self, payload: Mapping[str, Any], code: str | None = None) -> SaveResult:
        """Save `payload` (a JSON object) encrypted under a new code, or under `code` to update a
        session saved before (its expiry starts again). Committed before it returns.

        A `code` whose session was deleted or has expired is not brought back: "Delete my answers"
        on one computer must not be undone by a later change on another that still has the code.

        Raises:
            InvalidPayloadError: not a JSON object of plain values, or larger than 64 KiB as JSON.
            InvalidCodeError: `code` is given but not well formed.
            CodeNotFoundError: `code` is given but no live session has it (deleted or expired).
            StorageUnavailableError: the database failed.
        """
        now = self._epoch()
        expires_at = now + self.config.save_days * 86_400
        given = None if code is None else normalize_code(code)
        for _ in range(3):
            chosen = given or generate_code()
            keys = derive_keys(chosen)
            nonce = secrets.token_bytes(NONCE_BYTES)
            row = {
                "lookup_key": keys.lookup_key,
                "format_version": FORMAT_VERSION,
                "nonce": nonce,
                "ciphertext": seal_payload(payload, keys, expires_at, nonce),
                "expires_at": expires_at,
            }
            try:
                with self._transaction() as connection:
                    connection.execute(delete(saved_sessions).where(saved_sessions.c.expires_at <= now))
                    if given is None:
                        connection.execute(insert(saved_sessions).values(row))
                    else:
                        changes = {name: value for name, value in row.items() if name != "lookup_key"}
                        updated = connection.execute(
                            update(saved_sessions)
                            .where(saved_sessions.c.lookup_key == keys.lookup_key)
                            .values(changes)
                        )
                        if updated.rowcount != 1:
                            raise CodeNotFoundError()
            except StorageUnavailableError as exc:
                if given is None and isinstance(exc.__cause__, IntegrityError):
                    continue  # a new code equal to a saved one (about 1 in 2^75): draw again
                raise
            log.info("saved a session")
            return SaveResult(format_code(chosen), dt.datetime.fromtimestamp(expires_at, dt.UTC))
        raise StorageUnavailableError("could not store a new code")

    def load(self, code: str, client_id: str) -> dict[str, Any]:
        """The payload saved under `code`, exactly as saved.

        `client_id` identifies who is asking (for example the client's address) for the rate limit.

        Raises:
            InvalidCodeError: the code is not well formed (not counted as an attempt).
            TooManyAttemptsError: this client has too many recent wrong codes; nothing was looked up.
            CodeNotFoundError: wrong, expired or deleted code (counted as a wrong attempt).
            CorruptSessionError: the saved row was changed or damaged and cannot be trusted.
            StorageUnavailableError: the database failed.
        """
        keys = derive_keys(normalize_code(code))
        client = client_key(client_id)
        now = self._epoch()
        limit = self.config.rate_limit
        with self._transaction() as connection:
            wait = ratelimit.retry_after(connection, limit, client, now)
            row = None
            if wait is None:
                row = connection.execute(
                    select(saved_sessions).where(saved_sessions.c.lookup_key == keys.lookup_key)
                ).one_or_none()
                if row is not None and row.expires_at <= now:
                    connection.execute(delete(saved_sessions).where(saved_sessions.c.lookup_key == keys.lookup_key))
                    row = None
                if row is None:
                    ratelimit.record_failure(connection, limit, client, now)
        if wait is not None:
            log.warning("refused a load: too many wrong codes from one client")
            raise TooManyAttemptsError(wait)
        if row is None:
            log.info("a load found no saved session")
            raise CodeNotFoundError()
        try:
            return open_payload(keys, row.format_version, row.nonce, row.ciphertext, row.expires_at)
        except CorruptSessionError:
            log.warning("refused a saved session that failed authentication")
            raise

    def delete(self, code: str, client_id: str | None = None) -> bool:
        """Delete the session saved under `code` at once ("Delete my answers"). True if a session
        that had not expired was deleted, False if there was none.

        Pass `client_id` when the code was typed in rather than taken from the session just loaded
        or saved: a miss then counts as a wrong attempt, and a limited client is refused.

        Raises:
            InvalidCodeError: the code is not well formed.
            TooManyAttemptsError: `client_id` is given and has too many recent wrong codes.
            StorageUnavailableError: the database failed.
        """
        lookup_key = derive_keys(normalize_code(code)).lookup_key
        client = None if client_id is None else client_key(client_id)
        now = self._epoch()
        limit = self.config.rate_limit
        wait = None
        with self._transaction() as connection:
            if client is not None:
                wait = ratelimit.retry_after(connection, limit, client, now)
            deleted: list[int] = []
            if wait is None:
                result = connection.execute(
                    delete(saved_sessions)
                    .where(saved_sessions.c.lookup_key == lookup_key)
                    .returning(saved_sessions.c.expires_at)
                )
                deleted = list(result.scalars())
                if client is not None and not any(when > now for when in deleted):
                    ratelimit.record_failure(connection, limit, client, now)
        if wait is not None:
            raise TooManyAttemptsError(wait)
        live = any(when > now for when in deleted)
        if live:
            log.info("deleted a saved session")
        return live

    def purge_expired(self) -> int:
        """Delete every expired session, and failed attempts older than the window; returns the
        number of sessions deleted. Saves purge too, so calling this is optional (e.g. daily)."""
        now = self._epoch()
        with self._transaction() as connection:
            result = connection.execute(delete(saved_sessions).where(saved_sessions.c.expires_at <= now))
            ratelimit.forget_old_failures(connection, self.config.rate_limit, now)
        return int(result.rowcount)

    def _epoch(self) -> int:
        moment = self._now()
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return int(moment.timestamp())

    def _prepare(self) -> None:
        with self._lock:
            if not self._ready:
                try:
                    upgrade_schema(self._engine)
                except CommandError as exc:
                    raise StorageUnavailableError(f"the database schema could not be upgraded: {exc}") from exc
                self._ready = True

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """One committed transaction; database failures become StorageUnavailableError."""
        try:
            self._prepare()
            with self._engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            log.error("database error (%s)", type(exc).__name__)
            raise StorageUnavailableError("the database could not be reached or refused the operation") from exc
