"""build_response(bundle, answers, authored, language) -> a FHIR R4 QuestionnaireResponse.

Items follow the Questionnaire: one group per step with at least one answer, then the answered
questions in order. Answers to questions that do not apply (disabled items) and empty text are
left out, as the summary leaves them out. The status is "completed" when every required question
that applies is answered, otherwise "in-progress". Pure.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..content.schema import ContentBundle, Question, QuestionKind
from ..content.schema.text import LanguagePack
from ..domain import Answers, applies, pruned
from .links import ANSWER_KEY, group_link_id, questionnaire_canonical
from .questionnaire import coding

__all__ = ["build_response", "is_complete", "to_json"]


def _answers(bundle: ContentBundle, pack: LanguagePack, question: Question, value: Any) -> list[dict[str, Any]]:
    key = ANSWER_KEY[question.kind]
    if question.kind is QuestionKind.MULTI_CHOICE:
        return [{key: coding(bundle, pack, question.id, code)} for code in value]
    if question.kind is QuestionKind.SINGLE_CHOICE:
        return [{key: coding(bundle, pack, question.id, value)}]
    return [{key: value}]


def is_complete(bundle: ContentBundle, answers: Answers) -> bool:
    """True when every required question that applies is answered."""
    return all(
        question.id in answers
        for question in bundle.ordered_questions()
        if question.required and applies(bundle, question, answers)
    )


def build_response(
    bundle: ContentBundle, answers: Answers, authored: dt.date, language: str | None = None
) -> dict[str, Any]:
    """Valid `answers` as a QuestionnaireResponse to this content's Questionnaire (url|version).

    `authored` is the date of the answers (the caller's clock; this module has none). Displays and
    item texts are in `language` (default: the first language); codes never depend on it.
    """
    pack = bundle.text(language or bundle.default_language)
    counted = {qid: value for qid, value in pruned(bundle, answers).items() if value != ""}
    groups = []
    for step in bundle.steps:
        items = [
            {
                "linkId": qid,
                "text": pack.questions.questions[qid].prompt,
                "answer": _answers(bundle, pack, bundle.questions[qid], counted[qid]),
            }
            for qid in step.questions
            if qid in counted
        ]
        if items:
            heading = getattr(pack.pages.steps, step.id).heading
            groups.append({"linkId": group_link_id(step.id), "text": heading, "item": items})
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "language": pack.code,
        "questionnaire": questionnaire_canonical(bundle),
        "status": "completed" if is_complete(bundle, counted) else "in-progress",
        "authored": authored.isoformat(),
    }
    if groups:
        resource["item"] = groups
    return resource


def to_json(resource: dict[str, Any]) -> str:
    """A resource as indented JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(resource, indent=2, ensure_ascii=False) + "\n"
