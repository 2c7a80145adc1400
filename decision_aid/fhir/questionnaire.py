"""build_questionnaire(bundle, language) -> a FHIR R4 Questionnaire (JSON-ready dict) of the content.

One group item per step that asks questions (linkId `step.<id>`), one item per question (linkId =
the public question id), options as codings in the project's code systems, show-if as enableWhen,
required flags, integer ranges as minValue/maxValue, text limits as maxLength, help text as a
display item with itemControl "help", and "none of these" options marked optionExclusive.
Every word comes from the content in the chosen language. Pure.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire

from ..content.schema import ContentBundle, Question, QuestionKind, ShowIf
from ..content.schema.text import LanguagePack
from .links import (
    EXT_ITEM_CONTROL,
    EXT_MAX_VALUE,
    EXT_MIN_VALUE,
    EXT_OPTION_EXCLUSIVE,
    ITEM_CONTROL_SYSTEM,
    QUESTIONNAIRE_ID,
    code_system,
    group_link_id,
    help_link_id,
    item_type,
    questionnaire_url,
)

__all__ = ["build_questionnaire"]

NAME = "SpineFractureDecisionAid"
"""The Questionnaire's computer-friendly name."""


def _item_control(code: str) -> dict[str, Any]:
    coding = {"system": ITEM_CONTROL_SYSTEM, "code": code}
    return {"url": EXT_ITEM_CONTROL, "valueCodeableConcept": {"coding": [coding]}}


def coding(bundle: ContentBundle, pack: LanguagePack, question_id: str, code: str) -> dict[str, Any]:
    """The Coding of one option: the project's system, the option code and its wording as display."""
    display = pack.questions.questions[question_id].options[code].label
    return {"system": code_system(bundle, question_id), "code": code, "display": display}


def _enable_when(bundle: ContentBundle, pack: LanguagePack, cond: ShowIf) -> dict[str, Any]:
    target = bundle.questions[cond.question]
    when: dict[str, Any] = {"question": cond.question, "operator": "="}
    if target.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTI_CHOICE):
        when["answerCoding"] = coding(bundle, pack, cond.question, str(cond.value))
    elif target.kind is QuestionKind.BOOLEAN:
        when["answerBoolean"] = cond.value
    elif target.kind is QuestionKind.INTEGER:
        when["answerInteger"] = cond.value
    else:
        when["answerString"] = cond.value
    return when


def _options(bundle: ContentBundle, pack: LanguagePack, question: Question) -> list[dict[str, Any]]:
    options = []
    for option in question.options:
        entry: dict[str, Any] = {"valueCoding": coding(bundle, pack, question.id, option.code)}
        if option.exclusive:
            entry["extension"] = [{"url": EXT_OPTION_EXCLUSIVE, "valueBoolean": True}]
        options.append(entry)
    return options


def _question_item(bundle: ContentBundle, pack: LanguagePack, question: Question) -> dict[str, Any]:
    words = pack.questions.questions[question.id]
    item: dict[str, Any] = {"linkId": question.id, "text": words.prompt, "type": item_type(question)}
    extensions: list[dict[str, Any]] = []
    if question.kind is QuestionKind.INTEGER:
        extensions += [
            {"url": EXT_MIN_VALUE, "valueInteger": question.min},
            {"url": EXT_MAX_VALUE, "valueInteger": question.max},
        ]
    elif question.kind is QuestionKind.MULTI_CHOICE:
        extensions.append(_item_control("check-box"))
    elif question.kind is QuestionKind.SINGLE_CHOICE:
        extensions.append(_item_control("radio-button"))
    if extensions:
        item["extension"] = extensions
    if question.show_if is not None:
        item["enableWhen"] = [_enable_when(bundle, pack, question.show_if)]
    item["required"] = question.required
    item["repeats"] = question.kind is QuestionKind.MULTI_CHOICE
    if question.max_length is not None:
        item["maxLength"] = question.max_length
    if question.options:
        item["answerOption"] = _options(bundle, pack, question)
    if words.help:
        item["item"] = [
            {
                "linkId": help_link_id(question.id),
                "text": words.help,
                "type": "display",
                "extension": [_item_control("help")],
            }
        ]
    return item


def build_questionnaire(bundle: ContentBundle, language: str | None = None) -> dict[str, Any]:
    """The content as a FHIR R4 Questionnaire, worded in `language` (default: the first language).

    The result is checked against fhir.resources' model, so an invalid resource is a bug here.
    """
    pack = bundle.text(language or bundle.default_language)
    manifest = bundle.manifest
    groups = [
        {
            "linkId": group_link_id(step.id),
            "text": getattr(pack.pages.steps, step.id).heading,
            "type": "group",
            "item": [_question_item(bundle, pack, bundle.questions[qid]) for qid in step.questions],
        }
        for step in bundle.steps
        if step.questions
    ]
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": QUESTIONNAIRE_ID,
        "language": pack.code,
        "url": questionnaire_url(bundle),
        "version": manifest.content_version,
        "name": NAME,
        "title": pack.ui.app_title,
        "status": "active",
        "subjectType": ["Patient"],
        "date": manifest.published_on.isoformat(),
        "publisher": manifest.publisher,
        "item": groups,
    }
    Questionnaire.model_validate(resource)
    return resource
