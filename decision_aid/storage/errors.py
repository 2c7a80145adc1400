"""The storage errors: one small tree under DecisionAidError.

StorageError
├── InvalidCodeError         the resume code is not well formed (nothing was looked up)
├── CodeNotFoundError        no saved session for this code: wrong, expired or deleted (neutral)
├── TooManyAttemptsError     this client made too many wrong guesses; try again later
├── CorruptSessionError      a saved session exists but fails authentication (tampered or damaged)
├── InvalidPayloadError      what was given to save is not a JSON object, or is too large
├── StorageConfigError       an environment variable or parameter has an unusable value
└── StorageUnavailableError  the database could not be reached or refused the operation

Each error has a stable `code` (a message key the screen can look up its words with) and an
English message for the log. No message ever holds an answer, a resume code or a client id.
"""

from __future__ import annotations

import datetime as dt

from ..errors import DecisionAidError

__all__ = [
    "CodeNotFoundError",
    "CorruptSessionError",
    "InvalidCodeError",
    "InvalidPayloadError",
    "StorageConfigError",
    "StorageError",
    "StorageUnavailableError",
    "TooManyAttemptsError",
]


class StorageError(DecisionAidError):
    """Base class of every error raised by decision_aid.storage. `code` is a stable message key."""

    code = "storage_error"


class InvalidCodeError(StorageError):
    """The resume code is not well formed, so nothing was looked up (and no attempt was counted).

    Attributes:
        reason: "empty", "wrong_length" (a code has 16 characters), "bad_character" (a character
            that is not in the alphabet) or "mistyped" (the check character does not match: one
            character is wrong, or two neighbours are swapped).
    """

    code = "invalid_code"

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason
        super().__init__(message)


class CodeNotFoundError(StorageError):
    """No saved session for this code: it is wrong, has expired or was deleted.

    Deliberately one error for all three, so that a guess learns nothing. Counts as a failed attempt.
    """

    code = "not_found_or_expired"

    def __init__(self) -> None:
        super().__init__("code not found or expired")


class TooManyAttemptsError(StorageError):
    """This client made too many wrong attempts recently; nothing was looked up.

    Attributes:
        retry_after: how long until the oldest counted failure leaves the window (at least 1 second).
    """

    code = "too_many_attempts"

    def __init__(self, retry_after: dt.timedelta) -> None:
        self.retry_after = retry_after
        minutes = max(1, -(-int(retry_after.total_seconds()) // 60))
        super().__init__(f"too many attempts, try again later (in about {minutes} minute(s))")


class CorruptSessionError(StorageError):
    """A saved session exists for this code but cannot be trusted: its row was changed, moved
    from another code, truncated or damaged, so decryption failed authentication. Nothing is returned.
    """

    code = "corrupt_session"

    def __init__(self) -> None:
        super().__init__("the saved session is damaged or was changed, and cannot be opened")


class InvalidPayloadError(StorageError):
    """What was given to save is not a JSON object of plain values, or is too large."""

    code = "invalid_payload"


class StorageConfigError(StorageError):
    """A setting (environment variable or parameter) has an unusable value; the message names it."""

    code = "storage_config"


class StorageUnavailableError(StorageError):
    """The database could not be reached or refused the operation (see the chained exception;
    SQL parameters are hidden from it)."""

    code = "storage_unavailable"
