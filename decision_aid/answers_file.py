"""Read an answers file's text into validated answers. Shared by the command line and the app.

The text is either an answers file (question id -> answer) or a FHIR R4 QuestionnaireResponse
(recognised by its "resourceType"; docs/FHIR.md). Takes text, not a path: the caller does the
reading. Raises AnswersError listing every problem.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .content.schema import ContentBundle
from .domain import validate_answers
from .errors import AnswerProblem, AnswersError

__all__ = ["parse_answers"]


def parse_answers(bundle: ContentBundle, text: str, source: str = "answers") -> Mapping[str, Any]:
    """Parse JSON `text` and validate it as an answers object or a QuestionnaireResponse.

    Raises:
        AnswersError: the text is not JSON, not an object, not a readable QuestionnaireResponse,
            or has invalid answers.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        detail = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise AnswersError([AnswerProblem("", "not_json", {"source": source, "detail": detail})]) from None
    if not isinstance(data, dict):
        raise AnswersError([AnswerProblem("", "not_object", {"source": source})])
    # The fhir package loads fhir.resources' models (about 0.15 s): only once a file is read.
    from .fhir import answers_from_response, is_fhir_resource

    if is_fhir_resource(data):
        data = answers_from_response(bundle, data, source)
    return validate_answers(bundle, data)
