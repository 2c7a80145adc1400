"""The answers object: question id to value, unanswered = absent. Validation and show-if logic.

Pure functions over plain dicts; no I/O. Problems are returned as AnswerProblem (a message key and
its values); the words live in the content's `answer_errors` table.
Imports only the content schema and errors.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..content.schema import ContentBundle, Question, QuestionKind
from ..errors import AnswerProblem, AnswersError

__all__ = [
    "Answers",
    "applies",
    "check_answers",
    "exclusive_pick",
    "pruned",
    "salvage_answers",
    "validate_answers",
]

Answers = Mapping[str, Any]
"""Question id to value: str, int, bool, or a list of option codes. Unanswered ids are absent."""


def _control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in "\n\t\r" for ch in text)


def _problems_for(question: Question, value: Any) -> list[AnswerProblem]:
    qid = question.id
    kind = question.kind
    if kind is QuestionKind.TEXT:
        if not isinstance(value, str):
            return [AnswerProblem(qid, "wrong_type_text")]
        assert question.max_length is not None
        if len(value) > question.max_length:
            return [AnswerProblem(qid, "too_long", {"max_length": question.max_length, "length": len(value)})]
        if _control_characters(value):
            return [AnswerProblem(qid, "control_characters")]
        return []
    if kind is QuestionKind.INTEGER:
        if isinstance(value, bool) or not isinstance(value, int):
            return [AnswerProblem(qid, "wrong_type_integer")]
        assert question.min is not None and question.max is not None
        if not question.min <= value <= question.max:
            return [AnswerProblem(qid, "out_of_range", {"min": question.min, "max": question.max, "value": value})]
        return []
    if kind is QuestionKind.BOOLEAN:
        return [] if isinstance(value, bool) else [AnswerProblem(qid, "wrong_type_boolean")]
    choices = ", ".join(question.codes)
    if kind is QuestionKind.SINGLE_CHOICE:
        if not isinstance(value, str):
            return [AnswerProblem(qid, "wrong_type_single")]
        if value not in question.codes:
            return [AnswerProblem(qid, "unknown_code", {"value": value, "choices": choices})]
        return []
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        return [AnswerProblem(qid, "wrong_type_multi")]
    if not value:
        return [AnswerProblem(qid, "empty_list")]
    problems = [
        AnswerProblem(qid, "unknown_code", {"value": code, "choices": choices})
        for code in value
        if code not in question.codes
    ]
    seen: set[str] = set()
    for code in value:
        if code in seen:
            problems.append(AnswerProblem(qid, "duplicate_code", {"value": code}))
        seen.add(code)
    if len(value) > 1:
        problems += [
            AnswerProblem(qid, "exclusive_code", {"value": code}) for code in value if code in question.exclusive_codes
        ]
    return problems


def applies(bundle: ContentBundle, question: Question, answers: Answers) -> bool:
    """True when `question` is asked, given the other answers (its show-if condition holds).

    An unanswered controlling question means the dependent question does not apply.
    """
    cond = question.show_if
    if cond is None:
        return True
    target = bundle.questions[cond.question]
    if not applies(bundle, target, answers):
        return False
    value = answers.get(cond.question)
    if value is None:
        return False
    if cond.op == "contains":
        return isinstance(value, list) and cond.value in value
    return bool(value == cond.value)


def check_answers(bundle: ContentBundle, answers: Any) -> list[AnswerProblem]:
    """Every problem with `answers`, in questionnaire order; an empty list means valid."""
    if not isinstance(answers, Mapping):
        return [AnswerProblem("", "not_object")]
    problems = [AnswerProblem(str(key), "unknown_question") for key in answers if key not in bundle.questions]
    for question in bundle.ordered_questions():
        if question.id not in answers:
            continue
        found = _problems_for(question, answers[question.id])
        problems += found
        if not found and not applies(bundle, question, answers):
            cond = question.show_if
            assert cond is not None
            problems.append(
                AnswerProblem(
                    question.id,
                    "not_applicable",
                    {"condition_field": cond.question, "condition_value": cond.value},
                )
            )
    return problems


def validate_answers(bundle: ContentBundle, answers: Any) -> Mapping[str, Any]:
    """Return `answers` as a read-only mapping in questionnaire order, or raise AnswersError."""
    problems = check_answers(bundle, answers)
    if problems:
        raise AnswersError(problems)
    ordered = {q.id: answers[q.id] for q in bundle.ordered_questions() if q.id in answers}
    return MappingProxyType(ordered)


def pruned(bundle: ContentBundle, answers: Answers) -> dict[str, Any]:
    """The answers that count: unknown ids and answers to questions that do not apply removed.

    The screen keeps every answer so that going back restores it; summaries and exports use this.
    """
    return {
        q.id: answers[q.id]
        for q in bundle.ordered_questions()
        if q.id in answers and answers[q.id] is not None and applies(bundle, q, answers)
    }


def salvage_answers(bundle: ContentBundle, answers: Any) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The usable part of answers saved earlier, and the ids of those that had to be dropped.

    A saved session may come from an older version of the content: a question removed, an option
    renamed, a range narrowed. Each such answer is dropped (and named, so the person can be told);
    every other answer is kept. Answers to questions that do not apply right now are kept too, as
    the screen keeps them: going back and changing the earlier answer brings them back into use.
    """
    if not isinstance(answers, Mapping):
        return {}, ()
    problems = check_answers(bundle, answers)
    bad = {p.field for p in problems if p.code != "not_applicable"}
    kept = {str(k): v for k, v in answers.items() if k not in bad}
    return kept, tuple(str(k) for k in answers if k in bad)


def exclusive_pick(question: Question, before: list[str], after: list[str]) -> list[str]:
    """The ticked codes of a multi-choice question after a change from `before` to `after` (tick
    boxes or a searchable list): an exclusive option just picked ("None of these") leaves only
    itself; any other option just picked drops the exclusive ones. In the question's order."""
    added = [c for c in after if c not in before]
    if any(c in question.exclusive_codes for c in added):
        keep = {next(c for c in added if c in question.exclusive_codes)}
    elif added:
        keep = {c for c in after if c not in question.exclusive_codes}
    else:
        keep = set(after)
    return [c for c in question.codes if c in keep]
