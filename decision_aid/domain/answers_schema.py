"""The JSON Schema of the answers file, generated from the same question models the app uses.

Pure: returns a dict. Imports only the content schema.
"""

from __future__ import annotations

from typing import Any

from ..content.schema import ContentBundle, Question, QuestionKind

__all__ = ["NO_CONTROL_CHARACTERS", "answers_json_schema"]

NO_CONTROL_CHARACTERS = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"


def _property(question: Question) -> dict[str, Any]:
    kind = question.kind
    if kind is QuestionKind.TEXT:
        # No control characters other than tab, line feed and carriage return (as check_answers).
        return {"type": "string", "maxLength": question.max_length, "pattern": NO_CONTROL_CHARACTERS}
    if kind is QuestionKind.INTEGER:
        return {"type": "integer", "minimum": question.min, "maximum": question.max}
    if kind is QuestionKind.BOOLEAN:
        return {"type": "boolean"}
    if kind is QuestionKind.SINGLE_CHOICE:
        return {"type": "string", "enum": list(question.codes)}
    schema: dict[str, Any] = {
        "type": "array",
        "items": {"type": "string", "enum": list(question.codes)},
        "minItems": 1,
        "uniqueItems": True,
    }
    exclusive = sorted(question.exclusive_codes)
    if exclusive:
        schema["allOf"] = [{"if": {"contains": {"const": code}}, "then": {"maxItems": 1}} for code in exclusive]
    return schema


def answers_json_schema(bundle: ContentBundle, language: str | None = None) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of an answers object.

    Descriptions come from the wording in `language` (default language if None). Show-if rules are
    stated in each dependent question's description; `check_answers` enforces them.
    """
    pack = bundle.text(language or bundle.default_language)
    properties: dict[str, Any] = {}
    for question in bundle.ordered_questions():
        prop = _property(question)
        prop["title"] = pack.questions.questions[question.id].prompt
        cond = question.show_if
        if cond is not None:
            prop["description"] = f"Only when {cond.question} {cond.op} {cond.value!r}."
        properties[question.id] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{bundle.manifest.canonical_base}/answers.schema.json",
        "title": f"Answers file, content version {bundle.manifest.content_version}",
        "description": "Question id to answer. An unanswered question is left out.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
