"""Save and continue later, and delete my answers: the panel at the foot of every step
(docs/STORAGE.md).

"Save and get a code" stores the session under a new resume code; from then on every change is
saved again under the same code at the start of the next run (`autosave`). "Delete my answers"
deletes the saved copy at once and clears the screen. Errors become the content's messages;
nothing about answers or codes is logged. Continuing with a code is resume_code.py.
"""

from __future__ import annotations

import logging

import streamlit as st

from ..content.schema import ContentBundle
from . import state
from .context import Ctx
from .resume_code import DELETED, GOTO, SAVE_PROBLEM
from .session_store import error_message, get_store, save_session, session_payload, words

__all__ = ["autosave", "render_save_panel"]

log = logging.getLogger(__name__)

_CONFIRM_DELETE = "delete.confirm"


def _on_save(bundle: ContentBundle, consultation: bool, step_id: str) -> None:
    from ..storage import StorageError

    language = state.language(bundle.default_language)
    try:
        save_session(session_payload(language, consultation, step_id), None)
    except StorageError as error:
        log.warning("saving a session failed (%s)", error.code)
        state.set_pending(SAVE_PROBLEM, error_message(words(bundle), error))


def autosave(ctx: Ctx, step_id: str) -> None:
    """Once the session has a code, save again whenever anything saved has changed."""
    saved = state.resume_code()
    if saved is None:
        return
    payload = session_payload(ctx.language, ctx.consultation, step_id)
    if payload == state.saved_payload():
        return
    from ..storage import CodeNotFoundError, StorageError

    try:
        save_session(payload, saved[0])
    except CodeNotFoundError:
        # Deleted on another computer, or expired: never bring it back; offer a new code instead.
        state.forget_resume_code()
        state.set_pending(SAVE_PROBLEM, ctx.pack.ui.saving.code_gone)
    except StorageError as error:
        log.warning("saving a session again failed (%s)", error.code)
        state.set_pending(SAVE_PROBLEM, ctx.pack.ui.saving.autosave_failed)


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
            state.set_pending(SAVE_PROBLEM, error_message(words(bundle), error))
            return
    state.forget_everything()
    state.set_pending(DELETED, True)
    state.set_pending(GOTO, bundle.step_ids[0])


def _delete_buttons(ctx: Ctx) -> None:
    text = ctx.pack.ui.saving
    if state.pending(_CONFIRM_DELETE):
        st.warning(text.delete_question, icon=":material/warning:")
        yes, no = st.columns(2)
        with yes:
            st.button(text.delete_confirm, key="delete.yes", on_click=_on_delete, args=(ctx.bundle,))
        with no:
            st.button(text.delete_cancel, key="delete.no", on_click=state.set_pending, args=(_CONFIRM_DELETE, None))
    else:
        st.button(
            text.delete_button,
            key="delete.ask",
            icon=":material/delete:",
            on_click=state.set_pending,
            args=(_CONFIRM_DELETE, True),
        )


def render_save_panel(ctx: Ctx, step_id: str) -> None:
    """The panel at the foot of a step: the code (or a button to get one), and deleting."""
    text = ctx.pack.ui.saving
    with st.container(border=True, key="save-panel"):
        st.markdown(f"**{text.heading}**")
        saved = state.resume_code()
        if saved is None:
            st.markdown(text.intro)
            st.button(
                text.save_button,
                key="save.new",
                icon=":material/save:",
                on_click=_on_save,
                args=(ctx.bundle, ctx.consultation, step_id),
            )
        else:
            code, expires_on = saved
            st.markdown(text.code_label)
            with st.container(key="resume-code-shown"):
                st.markdown(f"**{code}**")
            if expires_on is not None:
                st.markdown(text.code_note.format(date=expires_on.isoformat()))
        problem = state.pop_pending(SAVE_PROBLEM)
        if problem:
            st.warning(problem, icon=":material/warning:")
        _delete_buttons(ctx)
