"""Properties over any valid answers (hypothesis): answers -> QuestionnaireResponse -> answers is the
identity, through the same reading path as the command line and the app (JSON text and back)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from decision_aid.answers_file import parse_answers
from decision_aid.content import load_content
from decision_aid.content.schema import ContentBundle
from decision_aid.domain import applies
from decision_aid.fhir import build_response, to_json
from decision_aid.fhir.model import model_problems

from .conftest import TODAY
from .strategies import valid_answers

BUNDLE = load_content()


def common(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def counted(answers: dict[str, Any]) -> dict[str, Any]:
    """An empty text is the same as no answer (FHIR has no empty string; the app stores none)."""
    return {qid: value for qid, value in answers.items() if value != ""}


def complete(bundle: ContentBundle, answers: dict[str, Any]) -> bool:
    questions = bundle.ordered_questions()
    return all(q.id in answers for q in questions if q.required and applies(bundle, q, answers))


@common(300)
@given(answers=valid_answers(BUNDLE))
def test_answers_to_a_questionnaire_response_and_back_is_the_identity(answers: dict[str, Any]) -> None:
    response = build_response(BUNDLE, answers, TODAY)
    assert dict(parse_answers(BUNDLE, to_json(response), source="response.json")) == counted(answers)


@common(150)
@given(answers=valid_answers(BUNDLE))
def test_every_export_is_valid_fhir_and_completed_exactly_when_the_required_answers_are_there(
    answers: dict[str, Any],
) -> None:
    response = build_response(BUNDLE, answers, TODAY)
    assert model_problems(response, "response.json") == []
    assert (response["status"] == "completed") == complete(BUNDLE, counted(answers))
