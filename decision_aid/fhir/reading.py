"""answers_from_response(bundle, data, source): a QuestionnaireResponse read back into answers.

Checks, each problem naming the linkId (docs/FHIR.md): fhir.resources' R4B model; the resource
answers this Questionnaire (any version: ids and codes are a stable contract); the status is one
that can be read; every linkId is an item of the Questionnaire and appears once; only questions
have answers; answer types match item types; codings use the question's code system and one of its
codes; non-repeating items have one answer; a completed response answers every required question
that applies; disabled items are not answered (with every other answer check of the domain).
Raises AnswersError listing every problem. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..content.schema import ContentBundle, QuestionKind
from ..domain import applies, check_answers
from ..errors import AnswerProblem, AnswersError
from .links import ANSWER_KEY, code_system, group_link_id, help_link_id, questionnaire_url
from .model import model_problems

__all__ = ["READABLE_STATUSES", "answers_from_response", "is_fhir_resource"]

READABLE_STATUSES = ("in-progress", "completed", "amended", "stopped")
"""Statuses a response may have; "completed" and "amended" must answer every required question."""

COMPLETE_STATUSES = ("completed", "amended")


def is_fhir_resource(data: Mapping[str, Any]) -> bool:
    """True when a JSON object is a FHIR resource rather than an answers file."""
    return "resourceType" in data


@dataclass
class _Reader:
    """Walks the items once, collecting answers and problems in document order."""

    bundle: ContentBundle
    answers: dict[str, Any] = field(default_factory=dict)
    problems: list[AnswerProblem] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    dropped: set[str] = field(default_factory=set)

    def items(self, items: Any, path: str) -> None:
        for index, item in enumerate(items or []):
            self.item(item, f"{path}[{index}]")

    def item(self, item: Mapping[str, Any], path: str) -> None:
        link_id = str(item.get("linkId", ""))
        answers = item.get("answer") or []
        if link_id in self.seen:
            self.problems.append(AnswerProblem(link_id, "fhir_repeated_item"))
        self.seen.add(link_id)
        if link_id in self.bundle.questions:
            if answers:
                self.question(link_id, answers, path)
        elif link_id in self._other_link_ids():
            if answers:
                self.problems.append(AnswerProblem(link_id, "fhir_not_a_question"))
        else:
            self.problems.append(AnswerProblem(link_id, "fhir_unknown_link_id", {"detail": path}))
        self.items(item.get("item"), f"{path}.item")
        for index, answer in enumerate(answers):
            self.items(answer.get("item"), f"{path}.answer[{index}].item")

    def _other_link_ids(self) -> set[str]:
        groups = {group_link_id(step.id) for step in self.bundle.steps if step.questions}
        return groups | {help_link_id(qid) for qid in self.bundle.questions}

    def question(self, link_id: str, answers: list[Mapping[str, Any]], path: str) -> None:
        question = self.bundle.questions[link_id]
        expected = ANSWER_KEY[question.kind]
        values = []
        for index, answer in enumerate(answers):
            keys = [key for key in answer if key.startswith("value")]
            if not keys:
                where: dict[str, object] = {"detail": f"{path}.answer[{index}]"}
                self.problems.append(AnswerProblem(link_id, "fhir_empty_answer", where))
            elif keys[0] != expected:
                types: dict[str, object] = {"detail": expected, "value": keys[0]}
                self.problems.append(AnswerProblem(link_id, "fhir_wrong_answer_type", types))
            elif expected == "valueCoding":
                code = self.code(link_id, answer[expected])
                if code is not None:
                    values.append(code)
            else:
                values.append(answer[expected])
        if len(values) != len(answers):
            self.dropped.add(link_id)
        elif question.kind is QuestionKind.MULTI_CHOICE:
            self.answers[link_id] = values
        elif len(values) > 1:
            self.dropped.add(link_id)
            self.problems.append(AnswerProblem(link_id, "fhir_too_many_answers", {"length": len(values)}))
        else:
            self.answers[link_id] = values[0]

    def code(self, link_id: str, coding: Mapping[str, Any]) -> Any:
        system = code_system(self.bundle, link_id)
        code = coding.get("code")
        if code is None:
            self.problems.append(AnswerProblem(link_id, "fhir_missing_code"))
        elif coding.get("system") != system:
            self.problems.append(AnswerProblem(link_id, "fhir_wrong_system", {"value": code, "detail": system}))
        return code


def _header_problems(bundle: ContentBundle, data: Mapping[str, Any], source: str) -> list[AnswerProblem]:
    problems = []
    reference = data.get("questionnaire")
    expected = questionnaire_url(bundle)
    if reference is not None and str(reference).split("|")[0] != expected:
        params = {"source": source, "value": reference, "detail": expected}
        problems.append(AnswerProblem("", "fhir_wrong_questionnaire", params))
    if data.get("status") not in READABLE_STATUSES:
        params = {"source": source, "value": data.get("status"), "choices": ", ".join(READABLE_STATUSES)}
        problems.append(AnswerProblem("", "fhir_bad_status", params))
    return problems


def _required_problems(bundle: ContentBundle, answers: Mapping[str, Any]) -> list[AnswerProblem]:
    return [
        AnswerProblem(question.id, "fhir_required_missing")
        for question in bundle.ordered_questions()
        if question.required and question.id not in answers and applies(bundle, question, answers)
    ]


def answers_from_response(bundle: ContentBundle, data: Mapping[str, Any], source: str) -> dict[str, Any]:
    """The answers in a QuestionnaireResponse (JSON object), checked as the module docstring says.

    Raises:
        AnswersError: every problem found, each naming the linkId (or the file).
    """
    kind = data.get("resourceType")
    if kind != "QuestionnaireResponse":
        raise AnswersError([AnswerProblem("", "fhir_wrong_resource", {"source": source, "value": kind})])
    problems = model_problems(data, source)
    if problems:
        raise AnswersError(problems)
    problems = _header_problems(bundle, data, source)
    reader = _Reader(bundle)
    reader.items(data.get("item"), "item")
    problems += reader.problems
    found = check_answers(bundle, reader.answers)
    if reader.problems:  # an answer left out for a problem above must not make others look misplaced
        found = [p for p in found if p.code != "not_applicable"]
    problems += found
    if data.get("status") in COMPLETE_STATUSES:
        problems += [p for p in _required_problems(bundle, reader.answers) if p.field not in reader.dropped]
    if problems:
        raise AnswersError(problems)
    return reader.answers

