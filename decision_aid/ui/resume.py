"""Continue from a saved file (welcome step) and the health-record download (summary step).

A file is read by the same code as the command line (answers_file.parse_answers): an answers file
or a FHIR R4 QuestionnaireResponse (docs/FHIR.md). When it is valid, its answers replace the
session's, the widgets are cleared so they show the new answers, and the person lands on the first
step with an unanswered question that applies. When it is not, every problem is listed and nothing
changes. The switch happens in the page body (a widget callback cannot change page), and the
"answers are back" note is drawn under the landing step's heading (a toast would not survive the
page change).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import streamlit as st

from ..answers_file import parse_answers
from ..content.schema import ContentBundle
from ..domain import Answers, applies, describe_problem
from ..errors import AnswerProblem, AnswersError
from . import state
from .context import Ctx
from .text import md_escape

__all__ = ["UPLOAD_KEY", "first_open_step", "render_fhir_download", "render_resume", "render_resume_notice"]

UPLOAD_KEY = "resume.upload"
_TARGET = "resume.target"
_PROBLEMS = "resume.problems"
_LOADED = "resume.loaded"


def first_open_step(bundle: ContentBundle, answers: Answers) -> str:
    """The first step with a question that applies and is not answered; the last step if none."""
    for step in bundle.steps:
        if any(qid not in answers and applies(bundle, bundle.questions[qid], answers) for qid in step.questions):
            return step.id
    return bundle.step_ids[-1]


def _read(bundle: ContentBundle, data: bytes, name: str) -> Mapping[str, Any]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnswersError([AnswerProblem("", "not_json", {"source": name, "detail": exc.reason})]) from None
    return parse_answers(bundle, text, source=name)


def _on_upload(bundle: ContentBundle, language: str) -> None:
    ui = bundle.text(language).ui
    uploaded = state.widget_value(UPLOAD_KEY)
    state.set_pending(_PROBLEMS, None)
    if uploaded is None:
        return
    try:
        answers = _read(bundle, uploaded.getvalue(), uploaded.name)
    except AnswersError as exc:
        state.set_pending(_PROBLEMS, [describe_problem(ui, p, uploaded.name) for p in exc.problems])
        return
    state.replace_answers(dict(answers))
    state.clear_widgets()
    state.set_pending(_TARGET, first_open_step(bundle, answers))
    state.set_pending(_LOADED, True)


def render_resume(ctx: Ctx) -> None:
    """The upload on the welcome step; after a good file, go to the first step left to answer."""
    words = ctx.pack.ui.fhir
    uploaded = st.file_uploader(
        words.upload_label,
        type=["json"],
        help=words.upload_help,
        key=UPLOAD_KEY,
        on_change=_on_upload,
        args=(ctx.bundle, ctx.language),
    )
    target = state.pop_pending(_TARGET)
    if target:
        st.switch_page(ctx.pages[target])
    problems = state.pending(_PROBLEMS)
    if uploaded is not None and problems:
        st.error(f"{words.upload_failed}\n\n" + "\n".join(f"- {md_escape(line)}" for line in problems))


def render_resume_notice(ctx: Ctx) -> None:
    """Under the heading of the step a saved file led to: the answers are back (shown once)."""
    if state.pending(_TARGET) is None and state.pop_pending(_LOADED):
        st.success(ctx.pack.ui.fhir.upload_success, icon=":material/check_circle:")


def render_fhir_download(ctx: Ctx, answers: Answers, today: dt.date) -> None:
    """The summary's download of the answers as a FHIR R4 QuestionnaireResponse."""
    from ..fhir import build_response, to_json  # fhir.resources' models: not before the summary

    words = ctx.pack.ui.fhir
    st.download_button(
        words.download,
        # Data, not a function run on click (see pages.summary), made once per set of answers.
        data=state.remember(
            "summary.fhir",
            (answers, today, ctx.language),
            lambda: to_json(build_response(ctx.bundle, answers, today, ctx.language)),
        ),
        file_name=f"decision-aid-fhir-{today.isoformat()}.json",
        mime="application/fhir+json",
        on_click="ignore",
        help=words.download_help,
        icon=":material/health_and_safety:",
        key="download.fhir",
    )
