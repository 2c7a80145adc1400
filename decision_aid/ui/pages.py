"""The nine steps, one short function each: read state, call the domain or report, draw.

No rule is evaluated here and no sentence is written here: words come from the content, the
guidance from domain.assess, the summary from report.build_summary.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import streamlit as st

from ..domain import assess, pruned
from ..report import build_summary
from ..report.citing import Citer
from ..report.sections import build_comparison, build_guidance, build_icon_arrays, build_priorities
from ..report.summary import ResumeNote, translation_note
from . import state
from .components import (
    render_comparison,
    render_guidance,
    render_icon_arrays,
    render_priorities,
    render_summary,
    show_text,
)
from .consultation import render_consultation_panel
from .context import Ctx
from .navigation import nav_buttons, step_parts
from .resume import render_fhir_download, render_resume, render_resume_notice
from .resume_code import go_to_pending_step, render_code_resume, render_saving_notice
from .saving import autosave, render_save_panel
from .widgets import render_question, render_questions, setting_switch

__all__ = ["STEPS"]


def _step_header(ctx: Ctx, step_id: str) -> None:
    steps = ctx.bundle.step_ids
    index = steps.index(step_id)
    text = getattr(ctx.pack.pages.steps, step_id)
    progress = ctx.pack.ui.nav.progress.format(step=index + 1, total=len(steps), name=text.nav)
    parts = len(step_parts(ctx, step_id))
    if parts > 1:
        part = ctx.pack.ui.nav.part.format(part=state.part(step_id, parts) + 1, parts=parts)
        progress = f"{progress} ({part})"
    st.progress((index + 1) / len(steps), text=progress)
    render_consultation_panel(ctx, step_id)
    st.title(text.heading)
    if text.intro:
        st.markdown(ctx.cite(text.intro))


def _glossary(ctx: Ctx) -> None:
    """'Words explained': every medical word the aid uses, on every step (closed by default)."""
    glossary = ctx.pack.glossary
    with st.expander(glossary.heading, icon=":material/menu_book:"):
        entries = sorted(glossary.terms.values(), key=lambda entry: entry.term.lower())
        st.markdown("\n".join(f"- **{entry.term}**: {entry.means}" for entry in entries))


def _questions(ctx: Ctx, step_id: str) -> None:
    """The step's questions: all of them, or the part being shown when there are more than fit."""
    parts = step_parts(ctx, step_id)
    render_questions(ctx, parts[state.part(step_id, len(parts))])


def _citer(ctx: Ctx) -> Citer:
    return Citer(ctx.bundle, ctx.pack.ui.summary.industry_funded)


def welcome(ctx: Ctx) -> None:
    text = ctx.pack.pages.steps.welcome
    note = translation_note(ctx.bundle, ctx.pack)
    if note:
        st.info(note, icon=":material/translate:")
    st.info(text.not_a_replacement)
    st.markdown(text.sources)
    setting_switch(
        text.clinician_mode_label,
        "settings.consultation.welcome",
        text.clinician_mode_help,
        ctx.consultation,
        state.set_consultation_mode,
    )
    _questions(ctx, "welcome")
    render_code_resume(ctx)
    render_resume(ctx)


def safety(ctx: Ctx) -> None:
    _questions(ctx, "safety")
    text = ctx.pack.pages.steps.safety
    guidance = assess(ctx.bundle, state.answers())
    if guidance.red_flags:
        st.error(f"## {text.red_flag_alert_heading}\n\n{text.red_flag_alert}")
    elif "red_flags" in state.answers():
        st.success(text.none_ticked)


def fracture(ctx: Ctx) -> None:
    text = ctx.pack.pages.steps.fracture
    st.header(text.causes_heading)
    render_question(ctx, "fracture_causes")
    render_question(ctx, "fracture_cause_other")
    st.header(text.medicines_heading)
    st.warning(text.never_stop_medicine)
    render_question(ctx, "bone_loss_medicines")


def treatment(ctx: Ctx) -> None:
    _questions(ctx, "treatment")
    st.header(ctx.pack.pages.steps.treatment.guidance_heading)
    guidance = assess(ctx.bundle, state.answers())
    render_guidance(build_guidance(ctx.bundle, ctx.pack, guidance, _citer(ctx)))


def compare(ctx: Ctx) -> None:
    citer = _citer(ctx)
    # The same for everyone in a language: made once per session and language, not on every run
    # (the citations in every cell are most of its cost, and grow with the content).
    view = state.remember("compare.view", ctx.language, lambda: build_comparison(ctx.bundle, ctx.pack, citer))
    columns = st.columns(len(view.option_names))
    for column, name, summary in zip(columns, view.option_names, view.option_summaries, strict=True):
        with column, st.container(border=True):
            show_text(f"**{name}**\n\n{summary}")
    render_comparison(ctx, view)
    words = ctx.pack.comparison.icon_arrays
    arrays = state.remember("compare.icon_arrays", ctx.language, lambda: build_icon_arrays(ctx.bundle, ctx.pack, citer))
    render_icon_arrays(arrays, words.heading, words.legend)
    show_text(f"## {view.other_studies_heading}\n\n" + "\n".join(f"- {item}" for item in view.other_studies))


def values(ctx: Ctx) -> None:
    words = ctx.pack.guidance.values
    st.markdown(words.intro)
    _questions(ctx, "values")
    st.header(words.priorities_heading)
    answers = state.answers()
    guidance = assess(ctx.bundle, answers)
    view = build_priorities(ctx.bundle, ctx.pack, guidance, pruned(ctx.bundle, answers), _citer(ctx))
    names = tuple(ctx.pack.comparison.options[o].name for o in ctx.bundle.comparison.options)
    note = words.never_a_winner if view else words.no_priorities
    render_priorities(view, names, note, ctx.pack.ui.summary.priority_column)


def knowledge(ctx: Ctx) -> None:
    words = ctx.pack.guidance.knowledge
    st.markdown(words.intro)
    correct = ctx.bundle.rules.knowledge.answers
    for question_id in correct:
        render_question(ctx, question_id)
        given = state.answers().get(question_id)
        if given is not None:
            box = st.success if given == correct[question_id] else st.info
            verdict = words.correct if given == correct[question_id] else words.not_quite
            box(f"**{verdict}** {ctx.cite(words.feedback[question_id])}")


def leaning(ctx: Ctx) -> None:
    render_question(ctx, "leaning")
    words = ctx.pack.guidance.sure
    st.header(words.heading)
    st.markdown(words.intro)
    for question_id in ctx.bundle.rules.sure.items:
        render_question(ctx, question_id)
    sure = assess(ctx.bundle, state.answers()).sure
    if sure.score is None:
        st.caption(words.incomplete)
    else:
        box = st.warning if sure.conflict else st.success
        message = ctx.cite(words.conflict if sure.conflict else words.no_conflict)
        box(f"**{words.score.format(score=sure.score)}** {message}")
    text = ctx.pack.pages.steps.leaning
    st.header(text.suggested_questions_heading)
    st.markdown("\n".join(f"- {q}" for q in text.suggested_questions))
    render_question(ctx, "questions_for_clinician")


def summary(ctx: Ctx) -> None:
    from ..report.pdf import render_pdf  # the PDF library loads only when the summary is shown

    answers = pruned(ctx.bundle, state.answers())
    today = dt.date.today()
    saved = state.resume_code()
    resume = None
    if saved is not None and saved[1] is not None:
        saving_words = ctx.pack.ui.saving
        setting_switch(
            saving_words.print_code_label,
            "settings.print_code",
            saving_words.print_code_help,
            state.print_code(),
            state.set_print_code,
        )
        if state.print_code():
            resume = ResumeNote(saved[0], saved[1])
    # Made once per set of answers (and date, language, mode and code line), not on every run: the
    # comparison's citations are most of its cost, and grow with the content (docs/PERFORMANCE.md).
    result = state.remember(
        "summary.view",
        (answers, today, ctx.language, ctx.consultation, resume),
        lambda: build_summary(ctx.bundle, answers, today, ctx.language, clinician=ctx.consultation, resume=resume),
    )
    words = result.words
    # The files are given as data, not as functions run on click: Streamlit leaves a file made on
    # click unreferenced, and any other session's next run can delete it before the browser fetches
    # it, so a download failed now and then with other patients on the app (docs/PERFORMANCE.md).
    # The PDF is built once per summary (about 45 ms) and kept for this session.
    pdf = state.remember("summary.pdf", result, lambda: render_pdf(result))
    pdf_col, json_col = st.columns(2)
    with pdf_col:
        st.download_button(
            words.download_pdf,
            data=pdf,
            file_name=f"decision-aid-summary-{today.isoformat()}.pdf",
            mime="application/pdf",
            on_click="ignore",
            type="primary",
            icon=":material/download:",
            key="download.pdf",
        )
    with json_col:
        st.download_button(
            words.download_answers,
            data=state.remember("summary.answers", answers, lambda: json.dumps(answers, indent=2, ensure_ascii=False)),
            file_name=f"decision-aid-answers-{today.isoformat()}.json",
            mime="application/json",
            on_click="ignore",
            icon=":material/data_object:",
            key="download.answers",
        )
    render_fhir_download(ctx, answers, today)
    render_summary(ctx, result)


STEPS: dict[str, Callable[[Ctx], None]] = {
    "welcome": welcome,
    "safety": safety,
    "fracture": fracture,
    "treatment": treatment,
    "compare": compare,
    "values": values,
    "knowledge": knowledge,
    "leaning": leaning,
    "summary": summary,
}
"""Step id -> its page body. Header, progress and Back/Next are added by `page`."""


WIDE_STEPS = ("compare", "summary")
"""Steps with side-by-side tables, drawn full width so that three columns stay readable."""


def page(ctx: Ctx, step_id: str) -> None:
    """Draw one whole step: progress and heading, the body, then Back and Next."""
    st.set_page_config(layout="wide" if step_id in WIDE_STEPS else "centered")
    go_to_pending_step(ctx, step_id)
    autosave(ctx, step_id)
    _step_header(ctx, step_id)
    render_resume_notice(ctx)
    render_saving_notice(ctx)
    if step_id != "summary":  # the summary prints everything open; the glossary is on every other step
        _glossary(ctx)
    STEPS[step_id](ctx)
    nav_buttons(ctx, step_id)
    render_save_panel(ctx, step_id)
