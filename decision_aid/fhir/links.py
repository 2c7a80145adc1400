"""The identifiers that tie the Questionnaire and its responses to the content.

linkIds: a question's linkId is its public question id; a step's group is `step.<step id>` and a
question's help text is `<question id>.help`. Question ids are snake_case and never contain a dot,
so these can never collide. Codes: one code system per choice question, owned by the project,
`<canonical_base>/CodeSystem/<question id>`; the codes are the option codes.
"""

from __future__ import annotations

from types import MappingProxyType

from ..content.schema import ContentBundle, Question, QuestionKind, Widget

__all__ = [
    "ANSWER_KEY",
    "EXT_ITEM_CONTROL",
    "EXT_MAX_VALUE",
    "EXT_MIN_VALUE",
    "EXT_OPTION_EXCLUSIVE",
    "ITEM_CONTROL_SYSTEM",
    "QUESTIONNAIRE_ID",
    "code_system",
    "group_link_id",
    "help_link_id",
    "item_type",
    "questionnaire_canonical",
    "questionnaire_url",
]

QUESTIONNAIRE_ID = "spine-fracture-decision-aid"
"""The Questionnaire's logical id (also the last part of its canonical URL)."""

EXT_MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
EXT_MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
EXT_ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
EXT_OPTION_EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"

ANSWER_KEY = MappingProxyType(
    {
        QuestionKind.TEXT: "valueString",
        QuestionKind.INTEGER: "valueInteger",
        QuestionKind.BOOLEAN: "valueBoolean",
        QuestionKind.SINGLE_CHOICE: "valueCoding",
        QuestionKind.MULTI_CHOICE: "valueCoding",
    }
)
"""The QuestionnaireResponse answer element for each kind of question."""


def _base(bundle: ContentBundle) -> str:
    return bundle.manifest.canonical_base.rstrip("/")


def questionnaire_url(bundle: ContentBundle) -> str:
    """The Questionnaire's canonical URL (without version)."""
    return f"{_base(bundle)}/Questionnaire/{QUESTIONNAIRE_ID}"


def questionnaire_canonical(bundle: ContentBundle) -> str:
    """`url|version`, as a QuestionnaireResponse refers to the Questionnaire."""
    return f"{questionnaire_url(bundle)}|{bundle.manifest.content_version}"


def code_system(bundle: ContentBundle, question_id: str) -> str:
    """The code system of one choice question's option codes."""
    return f"{_base(bundle)}/CodeSystem/{question_id}"


def group_link_id(step_id: str) -> str:
    """The linkId of a step's group item."""
    return f"step.{step_id}"


def help_link_id(question_id: str) -> str:
    """The linkId of a question's help (display) item."""
    return f"{question_id}.help"


def item_type(question: Question) -> str:
    """The Questionnaire item type of a question."""
    if question.kind is QuestionKind.TEXT:
        return "text" if question.widget is Widget.LONG_TEXT else "string"
    if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTI_CHOICE):
        return "choice"
    return str(question.kind.value)
