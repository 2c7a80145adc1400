"""The session store as the screen uses it: one store per process and settings, the client
address for the rate limit, what a session saves, and the content's words for each storage error.

The storage package (SQLAlchemy, Alembic, cryptography) is imported only inside these functions,
so that a step of a person who never saves does not load it.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any

import streamlit as st

from ..content.schema import ContentBundle
from ..content.schema.sessions import SavingText
from . import state

if TYPE_CHECKING:
    from ..storage import SessionStore, StorageError

__all__ = ["client_id", "current_client", "error_message", "get_store", "save_session", "session_payload", "words"]

STORAGE_ENV_PREFIX = "DECISION_AID_"


@st.cache_resource(show_spinner=False)
def _store_for(settings: tuple[tuple[str, str], ...]) -> SessionStore:
    from ..storage import SessionStore

    return SessionStore.from_env(dict(settings))


def get_store() -> SessionStore:
    """The process's session store for the current settings, made on first use (SQLite under
    ./data unless DECISION_AID_DATABASE_URL says otherwise; docs/STORAGE.md lists the variables).

    Raises:
        StorageConfigError: a setting has an unusable value.
    """
    settings = tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith(STORAGE_ENV_PREFIX)))
    return _store_for(settings)


def client_id(ip_address: str | None) -> str:
    """Who is asking, for the rate limit on wrong codes: the connection's address, or "local" when
    Streamlit gives none (a browser on the same machine). Behind a reverse proxy, the server's
    FORWARDED_ALLOW_IPS setting makes this the person's address rather than the proxy's
    (docs/DEPLOYMENT.md)."""
    return ip_address if isinstance(ip_address, str) and ip_address.strip() else "local"


def current_client() -> str:
    """The client of this session (see client_id)."""
    return client_id(st.context.ip_address)


def words(bundle: ContentBundle) -> SavingText:
    """The saving words in the session's language (for callbacks, which get no Ctx)."""
    return bundle.text(state.language(bundle.default_language)).ui.saving


def error_message(text: SavingText, error: StorageError) -> str:
    """The content's words for a storage error (never the error's own English text)."""
    from ..storage import InvalidCodeError, TooManyAttemptsError

    if isinstance(error, InvalidCodeError):
        return {"empty": text.empty_code, "mistyped": text.mistyped_code}.get(error.reason, text.invalid_code)
    if isinstance(error, TooManyAttemptsError):
        minutes = max(1, math.ceil(error.retry_after.total_seconds() / 60))
        return text.too_many_attempts.format(minutes=minutes)
    known = {
        "not_found_or_expired": text.not_found_or_expired,
        "corrupt_session": text.corrupt_session,
    }
    return known.get(error.code, text.storage_unavailable)


def session_payload(language: str, consultation: bool, step_id: str) -> dict[str, Any]:
    """What a saved session holds: the answers, the step reached, the language and the settings."""
    return {
        "answers": dict(state.answers()),
        "language": language,
        "step": step_id,
        "consultation_mode": consultation,
        "larger_text": state.larger_text(),
    }


def save_session(payload: dict[str, Any], code: str | None) -> None:
    """Save (under `code`, or a new code), then remember the code and what was saved.

    Raises:
        StorageError: the database cannot be reached or is not set up right.
    """
    saved = get_store().save(payload, code=code)
    state.set_resume_code(saved.code, saved.expires_on)
    state.set_saved_payload(payload)
