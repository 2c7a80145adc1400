"""Check a QuestionnaireResponse against fhir.resources' R4B model; each error becomes an
AnswerProblem naming the linkId of the item it is in (or the file, for the resource itself).

One deliberate tolerance: FHIR defines `string` as `[ \\r\\n\\t\\S]+` in XML Schema's dialect, where
\\S is anything but those four characters, so any non-empty string is valid. fhir.resources applies
the pattern with Python's wider \\s, which refuses text made only of other spaces (such as an
ideographic space). Those errors are dropped; an empty string is still refused. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError

from ..errors import AnswerProblem

__all__ = ["FHIR_STRING_PATTERN", "link_id_at", "model_problems", "path_text"]

FHIR_STRING_PATTERN = "[ \r\n\t\\S]+"
"""The pattern fhir.resources uses for FHIR `string` values."""


def path_text(loc: Sequence[str | int]) -> str:
    """('item', 0, 'answer', 1, 'valueCoding') -> 'item[0].answer[1].valueCoding'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def link_id_at(data: Mapping[str, Any], loc: Sequence[str | int]) -> str:
    """The linkId of the innermost item on the path `loc` inside `data`, or "" at the top."""
    found = ""
    node: Any = data
    for part in loc:
        if isinstance(node, Mapping) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
        if isinstance(node, Mapping) and isinstance(node.get("linkId"), str) and node["linkId"]:
            found = node["linkId"]
    return found


def _spec_allows(error: Mapping[str, Any]) -> bool:
    ctx = error.get("ctx") or {}
    value = error.get("input")
    return (
        error.get("type") == "string_pattern_mismatch"
        and ctx.get("pattern") == FHIR_STRING_PATTERN
        and isinstance(value, str)
        and value != ""
    )


def model_problems(data: Mapping[str, Any], source: str) -> list[AnswerProblem]:
    """Every error fhir.resources' QuestionnaireResponse model finds in `data`, one problem each."""
    try:
        QuestionnaireResponse.model_validate(dict(data))
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            if _spec_allows(error):
                continue
            loc = [part for part in error["loc"] if isinstance(part, str | int)]
            detail = f"{path_text(loc)}: {error['msg']}" if loc else str(error["msg"])
            field = link_id_at(data, loc)
            if field:
                problems.append(AnswerProblem(field, "fhir_invalid", {"detail": detail}))
            else:
                problems.append(AnswerProblem("", "fhir_invalid_resource", {"source": source, "detail": detail}))
        return problems
    return []
