"""Turn AnswerProblem objects into one clear line each, in the person's language.

Pure. Imports only the content schema and errors.
"""

from __future__ import annotations

from ..content.schema.text import UiText
from ..errors import AnswerProblem

__all__ = ["describe_problem"]


def describe_problem(ui: UiText, problem: AnswerProblem, source: str = "") -> str:
    """One line naming the field and what is wrong, e.g. 'pain_now: must be from 0 to 10, not 11'."""
    template: str = getattr(ui.answer_errors, problem.code)
    values = {"field": problem.field, "source": source, **problem.params}
    return template.format(**{key: str(value) for key, value in values.items()})
