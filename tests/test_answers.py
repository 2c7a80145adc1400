"""Validation of the public answers object: every kind of bad input gets one clear problem."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from decision_aid.content.schema import ContentBundle
from decision_aid.content.schema.contract import PUBLIC_QUESTIONS
from decision_aid.domain import answers_json_schema, applies, check_answers, describe_problem, pruned
from decision_aid.errors import AnswersError


def problems(bundle: ContentBundle, answers: Any) -> list[str]:
    ui = bundle.text("en").ui
    return [describe_problem(ui, p) for p in check_answers(bundle, answers)]


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        pytest.param({"pain": 3}, "pain: is not a known question id", id="unknown-id"),
        pytest.param({"pain_now": 11}, "pain_now: must be from 0 to 10, not 11", id="above-range"),
        pytest.param(
            {"conservative_care_weeks": -1}, "conservative_care_weeks: must be from 0 to 520, not -1", id="below-range"
        ),
        pytest.param({"pain_now": "7"}, "pain_now: must be a whole number", id="number-as-text"),
        pytest.param({"pain_now": 7.5}, "pain_now: must be a whole number", id="fraction"),
        pytest.param({"pain_now": True}, "pain_now: must be a whole number", id="boolean-as-number"),
        pytest.param({"sure_sure": "yes"}, "sure_sure: must be true or false", id="boolean-as-text"),
        pytest.param(
            {"leaning": "surgery"},
            "leaning: surgery is not an option; choose from non_surgical, vertebroplasty, kyphoplasty, unsure",
            id="unknown-single-code",
        ),
        pytest.param({"leaning": ["unsure"]}, "leaning: must be one option code, as text", id="list-for-single"),
        pytest.param({"red_flags": "none"}, "red_flags: must be a list of option codes", id="text-for-list"),
        pytest.param({"red_flags": ["fever"]}, "red_flags: fever is not an option", id="unknown-multi-code"),
        pytest.param({"red_flags": []}, "red_flags: an empty list is not allowed", id="empty-list"),
        pytest.param(
            {"red_flags": ["none", "fever_infection"]}, "red_flags: none cannot be combined", id="exclusive-combined"
        ),
        pytest.param(
            {"fracture_causes": ["osteoporosis", "osteoporosis"]},
            "fracture_causes: osteoporosis is listed twice",
            id="duplicate-code",
        ),
        pytest.param(
            {"patient_name": "x" * 101}, "patient_name: must be at most 100 characters long, not 101", id="too-long"
        ),
        pytest.param({"patient_name": "Ann\x00"}, "patient_name: contains control characters", id="control-char"),
        pytest.param({"patient_name": 42}, "patient_name: must be text", id="number-for-text"),
        pytest.param(
            {"fracture_causes": ["osteoporosis"], "fracture_cause_other": "x"},
            "fracture_cause_other: is answered, but it only applies when fracture_causes includes other_cause",
            id="answer-to-question-that-does-not-apply",
        ),
        pytest.param([1, 2], ": must be a JSON object of question id to answer", id="not-an-object"),
    ],
)
def test_each_kind_of_bad_answer_gets_one_line_naming_the_field(
    bundle: ContentBundle, answers: Any, message: str
) -> None:
    lines = problems(bundle, answers)
    assert len(lines) == 1, lines
    assert lines[0].startswith(message)


def test_every_problem_is_reported_not_just_the_first(bundle: ContentBundle) -> None:
    lines = problems(bundle, {"pain_now": 11, "leaning": "x", "foo": 1})
    assert [line.split(":")[0] for line in lines] == ["foo", "pain_now", "leaning"]


def test_unicode_names_are_valid(bundle: ContentBundle) -> None:
    for name in ["José Núñez", "Łukasz Żółć", "Ελένη", "李小龙", "Zoë 😀", "Anne-Marie “Nan” O’Neil – ≥ •"]:
        assert problems(bundle, {"patient_name": name}) == []


def test_the_public_ids_of_the_contract_are_questions(bundle: ContentBundle) -> None:
    for question_id, kind in PUBLIC_QUESTIONS.items():
        assert bundle.questions[question_id].kind is kind


def test_show_if_applies_only_when_its_condition_holds(bundle: ContentBundle) -> None:
    other = bundle.questions["fracture_cause_other"]
    assert not applies(bundle, other, {})
    assert not applies(bundle, other, {"fracture_causes": ["osteoporosis"]})
    assert applies(bundle, other, {"fracture_causes": ["osteoporosis", "other_cause"]})


def test_pruned_drops_answers_that_no_longer_apply_and_keeps_order(bundle: ContentBundle) -> None:
    kept = pruned(
        bundle,
        {"pain_now": 4, "fracture_cause_other": "fall", "fracture_causes": ["osteoporosis"], "patient_name": "A"},
    )
    assert list(kept) == ["patient_name", "fracture_causes", "pain_now"]


def test_validate_raises_with_every_problem(bundle: ContentBundle) -> None:
    from decision_aid.domain import validate_answers

    with pytest.raises(AnswersError) as error:
        validate_answers(bundle, {"pain_now": 99, "leaning": 1})
    assert [p.field for p in error.value.problems] == ["pain_now", "leaning"]


def test_the_json_schema_is_a_valid_schema(bundle: ContentBundle) -> None:
    jsonschema.Draft202012Validator.check_schema(answers_json_schema(bundle))


def test_the_json_schema_lists_every_option_code_as_an_enum(bundle: ContentBundle) -> None:
    schema = answers_json_schema(bundle)
    assert schema["properties"]["leaning"]["enum"] == list(bundle.questions["leaning"].codes)
    assert schema["properties"]["red_flags"]["items"]["enum"] == list(bundle.questions["red_flags"].codes)
    assert schema["properties"]["pain_now"]["maximum"] == 10
    assert schema["additionalProperties"] is False
