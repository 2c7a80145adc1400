"""Moving through the flow: Back and Next, and steps too long for one screen shown in parts.

Back and Next switch page in their callbacks, before the run draws anything: switching in the page
body would first redraw the whole step being left (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import streamlit as st

from ..content.schema import ContentBundle, Question, QuestionKind
from . import state
from .context import Ctx
from .widgets import CHECKBOX_LIMIT

__all__ = ["BOXES_PER_PART", "PAGED_STEPS", "QUESTIONS_PER_PART", "nav_buttons", "question_parts", "step_parts"]

QUESTIONS_PER_PART = 8
BOXES_PER_PART = 20
"""The most questions, and tick boxes, one screen asks. A step with more (none in the content today:
at most 7 questions, or 20 boxes) is shown in parts, one screen each, with Back and Next going
through the parts: a long page is hard to take in, and a screen's time grows with what it draws
(docs/PERFORMANCE.md). Steps whose page asks a fixed set of questions (fracture, knowledge,
leaning) are always one part."""

PAGED_STEPS = ("welcome", "safety", "treatment", "values")
"""The steps that ask all of their step's questions, in the content's order (pages._questions)."""


def _boxes(question: Question) -> int:
    """How many tick boxes a question draws (a long list is one searchable list, no boxes)."""
    multi = question.kind is QuestionKind.MULTI_CHOICE and len(question.codes) <= CHECKBOX_LIMIT
    return len(question.codes) if multi else 0


def question_parts(
    questions: list[Question], max_questions: int = QUESTIONS_PER_PART, max_boxes: int = BOXES_PER_PART
) -> list[list[str]]:
    """A step's question ids in parts, in order: each part as many questions as fit in
    `max_questions` and `max_boxes` (a question with more boxes than that is a part of its own).
    At least one part, which may be empty. Pure."""
    parts: list[list[str]] = [[]]
    boxes = 0
    for question in questions:
        if parts[-1] and (len(parts[-1]) >= max_questions or boxes + _boxes(question) > max_boxes):
            parts.append([])
            boxes = 0
        parts[-1].append(question.id)
        boxes += _boxes(question)
    return parts


_PARTS: dict[tuple[int, str], tuple[ContentBundle, tuple[tuple[str, ...], ...]]] = {}
"""step_parts' answers per content bundle (checked by identity) and step: a run asks three times
(header, questions, buttons), and at ten times the content working them out was 0.8 ms a run."""


def step_parts(ctx: Ctx, step_id: str) -> tuple[tuple[str, ...], ...]:
    """The parts of a step as shown: its questions in parts, or one part for a fixed page. Worked
    out once per content and step."""
    if step_id not in PAGED_STEPS:
        return ((),)
    kept = _PARTS.get((id(ctx.bundle), step_id))
    if kept is None or kept[0] is not ctx.bundle:
        if len(_PARTS) > 64:  # content loaded again and again (tests): keep the cache small
            _PARTS.clear()
        step = next(s for s in ctx.bundle.steps if s.id == step_id)
        parts = question_parts([ctx.bundle.questions[q] for q in step.questions])
        kept = (ctx.bundle, tuple(tuple(part) for part in parts))
        _PARTS[(id(ctx.bundle), step_id)] = kept
    return kept[1]


def _go(ctx: Ctx, here: str, step_id: str, part: int) -> None:
    """Button callback on step `here`: show `part` of step `step_id` (another page if not `here`)."""
    state.set_part(step_id, part)
    if step_id != here:
        st.switch_page(ctx.pages[step_id])


def nav_buttons(ctx: Ctx, step_id: str) -> None:
    """Back and Next: through the parts of a step shown in parts, then to the step before or after."""
    steps = ctx.bundle.step_ids
    index = steps.index(step_id)
    parts = len(step_parts(ctx, step_id))
    part = state.part(step_id, parts)
    nav = ctx.pack.ui.nav
    st.divider()
    back_col, next_col = st.columns(2)
    back = (step_id, part - 1) if part > 0 else (steps[index - 1], state.LAST_PART) if index > 0 else None
    ahead = (step_id, part + 1) if part < parts - 1 else (steps[index + 1], 0) if index < len(steps) - 1 else None
    with back_col:
        if back is not None:
            st.button(
                nav.back,
                key=f"back.{step_id}",
                icon=":material/arrow_back:",
                width="stretch",
                on_click=_go,
                args=(ctx, step_id, *back),
            )
    with next_col:
        if ahead is not None:
            st.button(
                nav.start if index == 0 and part == 0 else nav.next,
                key=f"next.{step_id}",
                type="primary",
                icon=":material/arrow_forward:",
                icon_position="right",
                width="stretch",
                on_click=_go,
                args=(ctx, step_id, *ahead),
            )
