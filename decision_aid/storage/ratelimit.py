"""The rate limit on wrong codes, per client, inside the caller's transaction.

Only failures are recorded (the client's SHA-256 and the time); a success never clears them, or a
person could guess freely by loading their own code between guesses. Once a client has
`max_failures` failures within the window, every load from it is refused (a right code too, so the
refusal cannot be used to tell right from wrong) until the oldest failure leaves the window.

On PostgreSQL two simultaneous requests from one client may both pass the check, so a client can
exceed the limit by the number of requests it has in flight at once; on SQLite transactions are
serialised (BEGIN IMMEDIATE) and the limit is exact.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection

from .config import RateLimit
from .schema import failed_attempts

__all__ = ["forget_old_failures", "record_failure", "retry_after"]


def _window_start(limit: RateLimit, now: int) -> int:
    return now - int(limit.window.total_seconds())


def retry_after(connection: Connection, limit: RateLimit, client: bytes, now: int) -> dt.timedelta | None:
    """None if `client` may try a code now, else how long until it may."""
    start = _window_start(limit, now)
    recent = (failed_attempts.c.client_key == client) & (failed_attempts.c.attempted_at > start)
    count, oldest = connection.execute(
        select(func.count(), func.min(failed_attempts.c.attempted_at)).where(recent)
    ).one()
    if count < limit.max_failures:
        return None
    # The failures that must age out before one more is allowed: the oldest (count - max + 1).
    times = (
        connection.execute(
            select(failed_attempts.c.attempted_at)
            .where(recent)
            .order_by(failed_attempts.c.attempted_at)
            .limit(count - limit.max_failures + 1)
        )
        .scalars()
        .all()
    )
    free_at = (times[-1] if times else oldest) + int(limit.window.total_seconds())
    return dt.timedelta(seconds=max(1, free_at - now))


def record_failure(connection: Connection, limit: RateLimit, client: bytes, now: int) -> None:
    """Count one wrong code for `client`, and forget every failure older than the window."""
    connection.execute(insert(failed_attempts).values(client_key=client, attempted_at=now))
    forget_old_failures(connection, limit, now)


def forget_old_failures(connection: Connection, limit: RateLimit, now: int) -> int:
    """Delete failures that no longer count (older than the window); returns how many."""
    old = failed_attempts.c.attempted_at <= _window_start(limit, now)
    result = connection.execute(delete(failed_attempts).where(old))
    return int(result.rowcount)
