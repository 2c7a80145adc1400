"""Save and resume: answers saved under a short resume code, encrypted so that the database never
holds a readable answer. No streamlit here; the screen calls this API (docs/STORAGE.md).

    from decision_aid.storage import SessionStore, CodeNotFoundError, TooManyAttemptsError

    store = SessionStore.from_env()
    saved = store.save(payload)                       # SaveResult(code, expires_at); .expires_on
    payload = store.load(code, client_id=address)     # dict, exactly as saved
    store.delete(code)                                # True if a live session was deleted
    store.purge_expired()                             # optional housekeeping

Modules: codes (resume codes), crypto (keys, sealing), schema (tables), database (engine,
migrations), config (settings), ratelimit, store (SessionStore), errors.
"""

from .codes import format_code, generate_code, normalize_code
from .config import RateLimit, StorageConfig
from .errors import (
    CodeNotFoundError,
    CorruptSessionError,
    InvalidCodeError,
    InvalidPayloadError,
    StorageConfigError,
    StorageError,
    StorageUnavailableError,
    TooManyAttemptsError,
)
from .store import Clock, SaveResult, SessionPayload, SessionStore, utc_now

__all__ = [
    "Clock",
    "CodeNotFoundError",
    "CorruptSessionError",
    "InvalidCodeError",
    "InvalidPayloadError",
    "RateLimit",
    "SaveResult",
    "SessionPayload",
    "SessionStore",
    "StorageConfig",
    "StorageConfigError",
    "StorageError",
    "StorageUnavailableError",
    "TooManyAttemptsError",
    "format_code",
    "generate_code",
    "normalize_code",
    "utc_now",
]
