"""'Continue with a code' on the welcome step, and what happens after it (docs/STORAGE.md).

The code loads a session saved on any computer and any server sharing the database. Answers that
no longer fit the content are dropped and named; the language, consultation mode and larger text
come back; the person lands on the step they had reached. Wrong codes get the content's neutral
message, and are rate limited per client (session_store.current_client).
"""

from __future__ import annotations

import logging

import streamlit as st

from ..content.schema import ContentBundle
from ..domain import salvage_answers
from . import state
from .context import Ctx
from .resume import first_open_step
from .session_store import current_client, error_message, get_store, save_session, session_payload, words
from .text import md_escape

__all__ = ["CODE_KEY", "GOTO", "go_to_pending_step", "render_code_resume", "render_saving_notice"]

log = logging.getLogger(__name__)

CODE_KEY = "resume.code"
GOTO = "goto"
"""Pending: the step a callback chose (callbacks cannot change page)."""
SAVE_PROBLEM = "save.problem"
DELETED = "delete.done"
_CODE_PROBLEM = "resume.code_problem"
_RESUMED = "resume.by_code"


def _on_resume(bundle: ContentBundle) -> None:
    from ..storage import StorageError, format_code, normalize_code

    state.set_pending(_CODE_PROBLEM, None)
    typed = str(state.widget_value(CODE_KEY) or "")
    try:
        payload = get_store().load(typed, current_client())
    except StorageError as error:
        if error.code not in ("invalid_code", "not_found_or_expired", "too_many_attempts"):
            log.warning("loading a session failed (%s)", error.code)
        state.set_pending(_CODE_PROBLEM, error_message(words(bundle), error))
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
        save_session(
            session_payload(state.language(bundle.default_language), state.consultation_mode(), str(step)), code
        )
    except StorageError as error:
        log.warning("saving a resumed session failed (%s)", error.code)
        state.set_pending(SAVE_PROBLEM, words(bundle).autosave_failed)
    state.set_pending(_RESUMED, list(dropped))
    state.set_pending(GOTO, step)


def render_code_resume(ctx: Ctx) -> None:
    """'Continue with a code' (welcome step): a small form, so Enter in the box submits it."""
    text = ctx.pack.ui.saving
    with st.form("resume-code-form", border=True, enter_to_submit=True):
        st.markdown(f"**{text.resume_heading}**")
        st.markdown(text.resume_intro)
        st.text_input(text.resume_label, key=CODE_KEY, max_chars=40, autocomplete="off")
        st.form_submit_button(text.resume_button, on_click=_on_resume, args=(ctx.bundle,))
    problem = state.pending(_CODE_PROBLEM)
    if problem:
        st.error(problem, icon=":material/error:")


def go_to_pending_step(ctx: Ctx, step_id: str) -> None:
    """After a callback chose a step (resumed, or deleted), go there."""
    target = state.pop_pending(GOTO)
    if target and target != step_id and target in ctx.pages:
        st.switch_page(ctx.pages[target])


def render_saving_notice(ctx: Ctx) -> None:
    """Under the heading of the step a code led to: the answers are back (and what was dropped);
    or, after deleting, that the answers are gone. Shown once."""
    text = ctx.pack.ui.saving
    dropped = state.pop_pending(_RESUMED)
    if dropped is not None:
        st.success(text.resumed, icon=":material/check_circle:")
        if dropped:
            names = [
                ctx.pack.questions.questions[q].prompt if q in ctx.pack.questions.questions else q for q in dropped
            ]
            st.warning(text.resume_dropped.format(questions="; ".join(md_escape(name) for name in names)))
    if state.pop_pending(DELETED):
        st.success(text.deleted, icon=":material/check_circle:")
