"""One renderer per kind of question. Every label comes from the content; answers go to state.

Multi-choice questions are tick boxes, and single-choice, yes/no and scale questions radio
buttons, each question's options one element (option_lists.py: native inputs, large, with visible
labels, keyboard friendly). An exclusive option such as "None of these" clears the others; a list
longer than CHECKBOX_LIMIT options is a searchable list instead (no question in the content is
that long today). Numbers are refused outside their range by the widget itself. Nothing here
evaluates a rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ..content.schema import Question, QuestionKind, Widget
from ..domain import applies, exclusive_pick
from . import state
from .context import Ctx
from .option_lists import option_list
from .text import content_html

__all__ = ["CHECKBOX_LIMIT", "render_question", "render_questions", "setting_switch"]

CHECKBOX_LIMIT = 15
"""The most options a multi-choice question shows as tick boxes. A longer list is one searchable
list (st.multiselect): a page of dozens of boxes is hard to read and scan, and the browser's time
for a list still grows with its boxes (docs/PERFORMANCE.md)."""


def _on_single(question_id: str, key: str) -> None:
    state.set_answer(question_id, state.widget_value(key))


def _on_text(question_id: str, key: str) -> None:
    value = state.widget_value(key)
    state.set_answer(question_id, value.strip() if isinstance(value, str) else None)


def _store_picks(question: Question, picked: list[str]) -> list[str]:
    """A multi-choice question's options picked now (tick boxes or the searchable list): keep what
    the "None of these" rule keeps against the answer before, store it and return it."""
    before = state.answers().get(question.id) or []
    kept = exclusive_pick(question, list(before), [c for c in question.codes if c in picked])
    state.set_answer(question.id, kept)
    return kept


def _on_long_list(question: Question, key: str) -> None:
    state.write_widget(key, _store_picks(question, list(state.widget_value(key) or [])))


def _long_list(ctx: Ctx, question: Question, current: Any) -> None:
    texts = ctx.pack.questions.questions[question.id]
    key = state.widget_key(question.id)
    state.seed(key, [c for c in question.codes if current and c in current])
    st.multiselect(
        texts.prompt,
        options=list(question.codes),
        format_func=lambda c: texts.options[c].label,
        key=key,
        on_change=_on_long_list,
        args=(question, key),
        placeholder=ctx.pack.ui.answers.choose_options,
    )
    _help(ctx, question)


def _label(ctx: Ctx, question: Question) -> str:
    return ctx.pack.questions.questions[question.id].prompt


def _help(ctx: Ctx, question: Question) -> None:
    text = ctx.pack.questions.questions[question.id].help
    if text:
        st.caption(ctx.cite(text))


def _multi(ctx: Ctx, question: Question, current: Any) -> None:
    if len(question.codes) > CHECKBOX_LIMIT:
        _long_list(ctx, question, current)
        return
    texts = ctx.pack.questions.questions[question.id]
    # One element for the whole list (option_lists.py): the prompt is the boxes' legend, each
    # option's words its box's label (set as text), its explanation HTML made from the content.
    option_list(
        state.widget_key(question.id),
        "checkbox",
        texts.prompt,
        _help_html(ctx, question),
        [
            {
                "code": code,
                "label": texts.options[code].label,
                "explain": content_html(ctx.cite(texts.options[code].explain or "")),
            }
            for code in question.codes
        ],
        [code for code in question.codes if current and code in current],
        lambda ticked: _store_picks(question, ticked),
    )


def _help_html(ctx: Ctx, question: Question) -> str:
    text = ctx.pack.questions.questions[question.id].help
    return content_html(ctx.cite(text)) if text else ""


def _choice(
    ctx: Ctx,
    question: Question,
    current: Any,
    options: list[Any],
    format_func: Callable[[Any], str],
    horizontal: bool,
    explains: list[str] | None = None,
) -> None:
    """One answer from `options` (any values), as radio buttons in one element (option_lists.py);
    each option's code there is its place in `options`."""
    option_list(
        state.widget_key(question.id),
        "radio",
        _label(ctx, question),
        _help_html(ctx, question),
        [
            {"code": str(i), "label": format_func(value), "explain": content_html(explains[i]) if explains else ""}
            for i, value in enumerate(options)
        ],
        [str(i) for i, value in enumerate(options) if current is not None and value == current],
        lambda chosen: _on_choice(question, options, chosen),
        horizontal,
    )


def _on_choice(question: Question, options: list[Any], chosen: list[str]) -> None:
    if chosen and chosen[0].isdigit() and int(chosen[0]) < len(options):
        state.set_answer(question.id, options[int(chosen[0])])


def _single(ctx: Ctx, question: Question, current: Any) -> None:
    texts = ctx.pack.questions.questions[question.id]
    explains = [ctx.cite(texts.options[c].explain or "") for c in question.codes]
    _choice(
        ctx,
        question,
        current,
        list(question.codes),
        lambda c: texts.options[c].label,
        False,
        explains if any(explains) else None,
    )


def _boolean(ctx: Ctx, question: Question, current: Any) -> None:
    words = ctx.pack.ui.answers
    _choice(ctx, question, current, [True, False], lambda v: words.yes if v else words.no, True)


def _integer(ctx: Ctx, question: Question, current: Any) -> None:
    assert question.min is not None and question.max is not None
    if question.widget is Widget.SCALE:
        values = list(range(question.min, question.max + 1))
        if question.id in ctx.bundle.rules.values.items:
            scale = ctx.pack.guidance.values.scale
            _choice(ctx, question, current, values, lambda v: scale[str(v)], True)
        else:
            _choice(ctx, question, current, values, str, True)
        return
    key = state.widget_key(question.id)
    state.seed(key, current)
    st.number_input(
        _label(ctx, question),
        min_value=question.min,
        max_value=question.max,
        step=1,
        key=key,
        on_change=_on_single,
        args=(question.id, key),
    )
    _help(ctx, question)


def _text(ctx: Ctx, question: Question, current: Any) -> None:
    key = state.widget_key(question.id)
    state.seed(key, current or "")
    widget = st.text_area if question.widget is Widget.LONG_TEXT else st.text_input
    widget(_label(ctx, question), key=key, max_chars=question.max_length, on_change=_on_text, args=(question.id, key))
    _help(ctx, question)


RENDERERS = {
    QuestionKind.MULTI_CHOICE: _multi,
    QuestionKind.SINGLE_CHOICE: _single,
    QuestionKind.BOOLEAN: _boolean,
    QuestionKind.INTEGER: _integer,
    QuestionKind.TEXT: _text,
}


def render_question(ctx: Ctx, question_id: str) -> None:
    """Draw one question if it applies (show-if), seeded with its current answer."""
    question = ctx.bundle.questions[question_id]
    answers = state.answers()
    if not applies(ctx.bundle, question, answers):
        return
    RENDERERS[question.kind](ctx, question, answers.get(question_id))


def render_questions(ctx: Ctx, question_ids: Sequence[str]) -> None:
    """Draw several questions in order."""
    for question_id in question_ids:
        render_question(ctx, question_id)


def setting_switch(label: str, key: str, help_text: str, value: bool, store: Callable[[bool], None]) -> None:
    """A switch for a session setting (not an answer): shown with the session's `value` (several
    switches may show the same setting, and stay in step), and `store` records a change."""
    state.sync_widget(key, value)
    st.toggle(label, key=key, help=help_text, on_change=lambda: store(bool(state.setting(key))))
