"""Save and continue later, continue with a code, and delete my answers (docs/STORAGE.md).

- The save panel sits at the foot of every step. "Save and get a code" stores the session
  (answers, step, language, consultation mode, larger text) under a new resume code; from then on
  every change is saved again under the same code at the start of the next run (`autosave`).
- "Continue with a code" on the welcome step loads a session on any computer and any server that
  shares the database: answers that no longer fit the content are dropped and named, the settings
  come back, and the person lands on the step they had reached.
- "Delete my answers" deletes the saved copy at once and clears the screen.

The storage package (SQLAlchemy, Alembic, cryptography) is imported only when one of these is
used, so the steps of a person who never saves do not pay for it. Errors become the content's
neutral messages; nothing about answers or codes is logged. Wrong codes are rate limited per
client address (`client_id`).
"""

from __future__ import annotations

import logging
import math
import os
from typing import TYPE_CHECKING, Any

import streamlit as st

from ..content.schema import ContentBundle
from ..content.schema.sessions import SavingText
from ..domain import salvage_answers
from . import state
from .context import Ctx
from .resume import first_open_step
from .text import md_escape

if TYPE_CHECKING:
    from ..storage import SessionStore, StorageError

__all__ = [
    "CODE_KEY",
    "TRUST_PROXY_ENV",
    "autosave",
    "client_id",
    "get_store",
    "go_to_pending_step",
    "render_code_resume",
    "render_save_panel",
    "render_saving_notice",
]

log = logging.getLogger(__name__)

CODE_KEY = "resume.code"
TRUST_PROXY_ENV = "DECISION_AID_TRUST_PROXY"
"""Set to 1 behind a reverse proxy you run: the client address is then the last one in its
X-Forwarded-For header (the proxy's own view of the client), not the proxy's address."""

_SAVE_PROBLEM = "save.problem"
_CODE_PROBLEM = "resume.code_problem"
_CONFIRM_DELETE = "delete.confirm"
_GOTO = "goto"
_RESUMED = "resume.by_code"
_DELETED = "delete.done"


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


def client_id(ip_address: str | None, forwarded_for: str | None, trust_proxy: bool) -> str:
    """Who is asking, for the rate limit on wrong codes.

    The connection's address, or behind a trusted reverse proxy the address that proxy appended
    to X-Forwarded-For (the last entry; earlier ones can be typed by anyone). "local" when
    Streamlit gives no address (a browser on the same machine).
    """
    if trust_proxy and isinstance(forwarded_for, str):
        last = forwarded_for.split(",")[-1].strip()
        if last:
            return last
    return ip_address if isinstance(ip_address, str) and ip_address else "local"


def _client() -> str:
    headers = st.context.headers
    return client_id(
        st.context.ip_address,
        headers.get("X-Forwarded-For") if headers else None,
        os.environ.get(TRUST_PROXY_ENV, "").strip() == "1",
    )


def _message(words: SavingText, error: StorageError) -> str:
    """The content's words for a storage error (never the error's own English text)."""
    from ..storage import InvalidCodeError, TooManyAttemptsError

    if isinstance(error, InvalidCodeError):
        return {"empty": words.empty_code, "mistyped": words.mistyped_code}.get(error.reason, words.invalid_code)
    if isinstance(error, TooManyAttemptsError):
        minutes = max(1, math.ceil(error.retry_after.total_seconds() / 60))
        return words.too_many_attempts.format(minutes=minutes)
    known = {
        "not_found_or_expired": words.not_found_or_expired,
        "corrupt_session": words.corrupt_session,
    }
    return known.get(error.code, words.storage_unavailable)


def _payload(language: str, consultation: bool, step_id: str) -> dict[str, Any]:
    return {
        "answers": dict(state.answers()),
        "language": language,
        "step": step_id,
        "consultation_mode": consultation,
        "larger_text": state.larger_text(),
    }


def _save(payload: dict[str, Any], code: str | None) -> None:
    """Save, remember the code and what was saved; raises StorageError."""
    saved = get_store().save(payload, code=code)
    state.set_resume_code(saved.code, saved.expires_on)
    state.set_saved_payload(payload)


def _words(bundle: ContentBundle) -> SavingText:
    return bundle.text(state.language(bundle.default_language)).ui.saving


def _on_save(bundle: ContentBundle, consultation: bool, step_id: str) -> None:
    from ..storage import StorageError

    language = state.language(bundle.default_language)
    try:
        _save(_payload(language, consultation, step_id), None)
    except StorageError as error:
        log.warning("saving a session failed (%s)", error.code)
        state.set_pending(_SAVE_PROBLEM, _message(_words(bundle), error))


def autosave(ctx: Ctx, step_id: str) -> None:
    """Once the session has a code, save again whenever anything saved has changed."""
    saved = state.resume_code()
    if saved is None:
        return
    payload = _payload(ctx.language, ctx.consultation, step_id)
    if payload == state.saved_payload():
        return
    from ..storage import StorageError

    try:
        _save(payload, saved[0])
    except StorageError as error:
        log.warning("saving a session again failed (%s)", error.code)
        state.set_pending(_SAVE_PROBLEM, ctx.pack.ui.saving.autosave_failed)


def _on_delete(bundle: ContentBundle) -> None:
    from ..storage import StorageError

    state.set_pending(_CONFIRM_DELETE, None)
    saved = state.resume_code()
    if saved is not None:
        try:
            get_store().delete(saved[0])
        except StorageError as error:
            # Nothing is cleared, so the person can try again: the saved copy still exists.
            log.warning("deleting a session failed (%s)", error.code)
            state.set_pending(_SAVE_PROBLEM, _message(_words(bundle), error))
            return
    state.forget_everything()
    state.set_pending(_DELETED, True)
    state.set_pending(_GOTO, bundle.step_ids[0])


def render_save_panel(ctx: Ctx, step_id: str) -> None:
    """The panel at the foot of a step: the code (or a button to get one), and deleting."""
    words = ctx.pack.ui.saving
    with st.container(border=True, key="save-panel"):
        st.markdown(f"**{words.heading}**")
        saved = state.resume_code()
        if saved is None:
            st.markdown(words.intro)
            st.button(
                words.save_button,
                key="save.new",
                icon=":material/save:",
                on_click=_on_save,
                args=(ctx.bundle, ctx.consultation, step_id),
            )
        else:
            code, expires_on = saved
            st.markdown(words.code_label)
            with st.container(key="resume-code-shown"):
                st.markdown(f"**{code}**")
            if expires_on is not None:
                st.markdown(words.code_note.format(date=expires_on.isoformat()))
        problem = state.pop_pending(_SAVE_PROBLEM)
        if problem:
            st.warning(problem, icon=":material/warning:")
        if state.pending(_CONFIRM_DELETE):
            st.warning(words.delete_question, icon=":material/warning:")
            yes, no = st.columns(2)
            with yes:
                st.button(words.delete_confirm, key="delete.yes", on_click=_on_delete, args=(ctx.bundle,))
            with no:
                st.button(
                    words.delete_cancel, key="delete.no", on_click=state.set_pending, args=(_CONFIRM_DELETE, None)
                )
        else:
            st.button(
                words.delete_button,
                key="delete.ask",
                icon=":material/delete:",
                on_click=state.set_pending,
                args=(_CONFIRM_DELETE, True),
            )


def _on_resume(bundle: ContentBundle) -> None:
    from ..storage import StorageError, format_code, normalize_code

    words = _words(bundle)
    state.set_pending(_CODE_PROBLEM, None)
    typed = str(state.widget_value(CODE_KEY) or "")
    try:
        store = get_store()
        payload = store.load(typed, _client())
    except StorageError as error:
        if error.code not in ("invalid_code", "not_found_or_expired", "too_many_attempts"):
            log.warning("loading a session failed (%s)", error.code)
        state.set_pending(_CODE_PROBLEM, _message(words, error))
        return
    answers, dropped = salvage_answers(bundle, payload.get("answers"))
    language = payload.get("language")
    if language in bundle.languages:
        state.set_language(str(language))
    state.set_consultation_mode(bool(payload.get("consultation_mode", False)))
    state.set_larger_text(bool(payload.get("larger_text", False)))
    state.replace_answers(answers)
    state.clear_widgets()
    state.write_widget(CODE_KEY, "")
    step = payload.get("step")
    if step not in bundle.step_ids:
        step = first_open_step(bundle, answers)
    code = format_code(normalize_code(typed))
    state.set_resume_code(code, None)
    # Save straight away: the expiry starts again, and the code's date can be shown.
    try:
        _save(
            _payload(state.language(bundle.default_language), state.consultation_mode(), str(step)),
            code,
        )
    except StorageError as error:
        log.warning("saving a resumed session failed (%s)", error.code)
        state.set_pending(_SAVE_PROBLEM, _words(bundle).autosave_failed)
    state.set_pending(_RESUMED, list(dropped))
    state.set_pending(_GOTO, step)


def render_code_resume(ctx: Ctx) -> None:
    """'Continue with a code' (welcome step): a small form, so Enter in the box submits it."""
    words = ctx.pack.ui.saving
    with st.form("resume-code-form", border=True, enter_to_submit=True):
        st.markdown(f"**{words.resume_heading}**")
        st.markdown(words.resume_intro)
        st.text_input(words.resume_label, key=CODE_KEY, max_chars=40, autocomplete="off")
        st.form_submit_button(words.resume_button, on_click=_on_resume, args=(ctx.bundle,))
    problem = state.pending(_CODE_PROBLEM)
    if problem:
        st.error(problem, icon=":material/error:")


def go_to_pending_step(ctx: Ctx, step_id: str) -> None:
    """After a callback chose a step (resumed, or deleted), go there (callbacks cannot)."""
    target = state.pop_pending(_GOTO)
    if target and target != step_id and target in ctx.pages:
        st.switch_page(ctx.pages[target])


def render_saving_notice(ctx: Ctx) -> None:
    """Under the heading of the step a code led to: the answers are back (and what was dropped);
    or, after deleting, that the answers are gone. Shown once."""
    words = ctx.pack.ui.saving
    dropped = state.pop_pending(_RESUMED)
    if dropped is not None:
        st.success(words.resumed, icon=":material/check_circle:")
        if dropped:
            names = [
                ctx.pack.questions.questions[q].prompt if q in ctx.pack.questions.questions else q for q in dropped
            ]
            st.warning(words.resume_dropped.format(questions="; ".join(md_escape(name) for name in names)))
    if state.pop_pending(_DELETED):
        st.success(words.deleted, icon=":material/check_circle:")
