"""Hypothesis strategies that generate valid answers objects from the content itself."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from decision_aid.content.schema import ContentBundle, Question, QuestionKind

# Any Unicode a person could type, including accents, other scripts, emoji and typographic marks.
TYPED_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")),
    max_size=60,
)


def value_for(question: Question) -> st.SearchStrategy[Any]:
    """A valid value for one question."""
    kind = question.kind
    if kind is QuestionKind.TEXT:
        assert question.max_length is not None
        return st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=question.max_length)
    if kind is QuestionKind.INTEGER:
        return st.integers(min_value=question.min, max_value=question.max)
    if kind is QuestionKind.BOOLEAN:
        return st.booleans()
    if kind is QuestionKind.SINGLE_CHOICE:
        return st.sampled_from(question.codes)
    ordinary = [c for c in question.codes if c not in question.exclusive_codes]
    subsets = st.lists(st.sampled_from(ordinary), min_size=1, max_size=len(ordinary), unique=True).map(
        lambda picked: [c for c in question.codes if c in picked]
    )
    exclusive = sorted(question.exclusive_codes)
    return st.one_of(subsets, st.sampled_from(exclusive).map(lambda c: [c])) if exclusive else subsets


@st.composite
def valid_answers(draw: st.DrawFn, bundle: ContentBundle) -> dict[str, Any]:
    """Any valid answers object: each question answered or not; show-if rules respected."""
    answers: dict[str, Any] = {}
    for question in bundle.ordered_questions():
        cond = question.show_if
        if cond is not None:
            controlling = answers.get(cond.question)
            holds = (
                isinstance(controlling, list) and cond.value in controlling
                if cond.op == "contains"
                else controlling == cond.value
            )
            if not holds:
                continue
        if draw(st.booleans()):
            answers[question.id] = draw(value_for(question))
    return answers
