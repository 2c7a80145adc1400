"""Answers as a FHIR R4 QuestionnaireResponse (`summary --format fhir`), and every command reading
one back: same guidance and summary as the answers file; a response that is wrong exits 2 with
one line per problem naming the linkId."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from decision_aid.cli import main
from decision_aid.content.schema import ContentBundle
from decision_aid.fhir import build_response

from .conftest import TODAY

TYPICAL = {
    "patient_name": "María José Núñez",
    "red_flags": ["none"],
    "fracture_causes": ["osteoporosis", "other_cause"],
    "fracture_cause_other": "a fall on ice",
    "conservative_care_weeks": 2,
    "failure_risk_factors": ["none"],
    "pain_now": 6,
    "values_quick_relief": 4,
    "knowledge_sham_trials": "similar_improvement",
    "leaning": "unsure",
    "sure_sure": False,
    "sure_understand": True,
    "questions_for_clinician": "Can I still drive?\nAnd swim?",
}
BASE = "https://spine-decision-aid.example.org/fhir"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main(list(args), stdout=out)
    return code, out.getvalue(), capsys.readouterr().err


def write(tmp_path: Path, data: object, name: str = "in.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def export(tmp_path: Path, capsys: pytest.CaptureFixture[str], answers: dict[str, Any]) -> dict[str, Any]:
    code, out, err = run(capsys, "summary", write(tmp_path, answers), "--format", "fhir", "--date", "2026-11-24")
    assert (code, err) == (0, "")
    data: dict[str, Any] = json.loads(out)
    return data


def answered(response: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {item["linkId"]: item["answer"] for group in response.get("item", []) for item in group["item"]}


def test_the_export_is_a_valid_response_to_this_questionnaire_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bundle: ContentBundle
) -> None:
    response = export(tmp_path, capsys, TYPICAL)
    QuestionnaireResponse.model_validate(response)
    assert response["questionnaire"] == f"{BASE}/Questionnaire/spine-fracture-decision-aid|1.0.0"
    assert response["questionnaire"].endswith("|" + bundle.manifest.content_version)
    assert response["authored"] == "2026-11-24"
    assert response["status"] == "completed"


def test_items_follow_the_questionnaire_and_codings_carry_system_code_and_display(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bundle: ContentBundle
) -> None:
    response = export(tmp_path, capsys, TYPICAL)
    assert [g["linkId"] for g in response["item"]] == [
        "step.welcome", "step.safety", "step.fracture", "step.treatment", "step.values", "step.knowledge", "step.leaning",
    ]  # fmt: skip
    answers = answered(response)
    assert list(answers) == [q.id for q in bundle.ordered_questions() if q.id in TYPICAL]
    assert answers["fracture_causes"] == [
        {"valueCoding": {"system": f"{BASE}/CodeSystem/fracture_causes", "code": "osteoporosis", "display": "Osteoporosis (thin, weak bones)"}},
        {"valueCoding": {"system": f"{BASE}/CodeSystem/fracture_causes", "code": "other_cause", "display": "Something else"}},
    ]
    assert answers["pain_now"] == [{"valueInteger": 6}]
    assert answers["sure_sure"] == [{"valueBoolean": False}]
    assert answers["patient_name"] == [{"valueString": "María José Núñez"}]


def test_display_follows_the_language_and_codes_do_not(bundle: ContentBundle) -> None:
    for language in bundle.languages:
        leaning = answered(build_response(bundle, TYPICAL, TODAY, language))["leaning"][0]["valueCoding"]
        assert leaning["code"] == "unsure"
        assert leaning["display"] == bundle.text(language).questions.questions["leaning"].options["unsure"].label


def test_a_response_missing_a_required_answer_is_in_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partial = {k: v for k, v in TYPICAL.items() if k != "failure_risk_factors"}
    assert export(tmp_path, capsys, partial)["status"] == "in-progress"
    assert export(tmp_path, capsys, {})["status"] == "in-progress"


def test_answers_to_questions_that_do_not_apply_and_empty_text_are_left_out(bundle: ContentBundle) -> None:
    """The app keeps such answers while a person moves back and forth; no export carries them."""
    kept_by_the_screen = {"fracture_causes": ["osteoporosis"], "fracture_cause_other": "a fall", "patient_name": ""}
    assert answered(build_response(bundle, kept_by_the_screen, TODAY)) == {
        "fracture_causes": [
            {"valueCoding": {"system": f"{BASE}/CodeSystem/fracture_causes", "code": "osteoporosis", "display": "Osteoporosis (thin, weak bones)"}}
        ]
    }


@pytest.mark.parametrize("command", ["guidance", "summary"])
def test_every_command_reads_a_response_like_the_answers_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    response = write(tmp_path, export(tmp_path, capsys, TYPICAL), "response.json")
    extra = ["--date", "2026-11-24"] if command == "summary" else []
    from_answers = run(capsys, command, write(tmp_path, TYPICAL, "answers.json"), *extra)
    from_response = run(capsys, command, response, *extra)
    assert from_response == from_answers
    assert from_response[0] == 0
    assert "María José Núñez" in run(capsys, "summary", response, "--format", "text")[1]


def test_an_in_progress_response_may_leave_required_questions_unanswered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    response = export(tmp_path, capsys, {"pain_now": 3})
    code, out, _ = run(capsys, "guidance", write(tmp_path, response))
    assert code == 0
    assert json.loads(out)["status"] == "incomplete"


def test_text_made_of_other_spaces_is_valid_fhir_and_is_read_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """FHIR's string is any non-empty text; fhir.resources wrongly refuses an ideographic space."""
    response = export(tmp_path, capsys, {"patient_name": "\u3000"})
    code, out, err = run(capsys, "summary", write(tmp_path, response), "--format", "fhir", "--date", "2026-11-24")
    assert (code, err) == (0, "")
    assert answered(json.loads(out))["patient_name"] == [{"valueString": "\u3000"}]


def _edit(response: dict[str, Any], link_id: str, answer: list[dict[str, Any]] | None) -> dict[str, Any]:
    changed = copy.deepcopy(response)
    for group in changed["item"]:
        for item in group["item"]:
            if item["linkId"] == link_id:
                if answer is None:
                    group["item"].remove(item)
                else:
                    item["answer"] = answer
                return changed
    raise AssertionError(link_id)


def _coding(question: str, code: str, system: str | None = None) -> list[dict[str, Any]]:
    return [{"valueCoding": {"system": system or f"{BASE}/CodeSystem/{question}", "code": code}}]


BAD = [
    pytest.param(lambda r: _edit(r, "pain_now", [{"valueString": "6"}]), "pain_now: answers must be valueInteger, not valueString", id="wrong-answer-type"),
    pytest.param(lambda r: _edit(r, "pain_now", [{"valueInteger": "6"}]), "pain_now: must be a whole number", id="integer-as-json-text"),
    pytest.param(lambda r: _edit(r, "pain_now", [{"valueInteger": "six"}]), "pain_now: is not valid FHIR (item[3].item[1].answer[0].valueInteger: Input should be a valid integer", id="not-fhir"),
    pytest.param(lambda r: _edit(r, "pain_now", [{"valueInteger": 11}]), "pain_now: must be from 0 to 10, not 11", id="out-of-range"),
    pytest.param(lambda r: _edit(r, "red_flags", _coding("red_flags", "fever")), "red_flags: fever is not an option", id="unknown-code"),
    pytest.param(lambda r: _edit(r, "red_flags", _coding("red_flags", "none", "http://snomed.info/sct")), f"red_flags: none must be coded in the system {BASE}/CodeSystem/red_flags", id="wrong-system"),
    pytest.param(lambda r: _edit(r, "leaning", _coding("leaning", "unsure") + _coding("leaning", "kyphoplasty")), "leaning: takes one answer, not 2", id="two-answers-to-a-single-choice"),
    pytest.param(lambda r: _edit(r, "red_flags", None), "red_flags: must be answered in a completed response", id="required-missing"),
    pytest.param(lambda r: _edit(r, "fracture_causes", _coding("fracture_causes", "osteoporosis")), "fracture_cause_other: is answered, but it only applies when fracture_causes includes other_cause", id="disabled-item-answered"),
    pytest.param(lambda r: _edit(r, "sure_sure", [{}]), "sure_sure: an answer has no value", id="empty-answer"),
    pytest.param(lambda r: {**r, "item": [*r["item"], {"linkId": "painnow", "answer": [{"valueInteger": 3}]}]}, "painnow: is not an item of this questionnaire", id="unknown-link-id"),
    pytest.param(lambda r: {**r, "item": [*r["item"], {"linkId": "pain_now.help", "answer": [{"valueInteger": 3}]}]}, "pain_now.help: is not a question", id="answer-on-a-help-text"),
    pytest.param(lambda r: {**r, "item": [*r["item"], {"linkId": "step.summary"}]}, "step.summary: is not an item of this questionnaire", id="group-of-a-step-without-questions"),
    pytest.param(lambda r: {**r, "item": [{**r["item"][0], "answer": [{"valueBoolean": True}]}, *r["item"][1:]]}, "step.welcome: is not a question", id="answer-on-a-group"),
    pytest.param(lambda r: {**r, "item": [{**r["item"][0], "item": r["item"][0]["item"] * 2}, *r["item"][1:]]}, "patient_name: appears more than once", id="repeated-item"),
    pytest.param(lambda r: {**r, "status": "entered-in-error"}, "status entered-in-error cannot be read", id="bad-status"),
    pytest.param(lambda r: {**r, "questionnaire": "http://example.org/Questionnaire/phq-9|1"}, "answers the questionnaire http://example.org/Questionnaire/phq-9|1, not", id="other-questionnaire"),
    pytest.param(lambda r: {k: v for k, v in r.items() if k != "status"}, "is not a valid FHIR QuestionnaireResponse (status: Value for the field 'status' is required.)", id="no-status"),
    pytest.param(lambda r: {**r, "resourceType": "Questionnaire"}, "is a FHIR Questionnaire, not a QuestionnaireResponse or an answers file", id="not-a-response"),
]  # fmt: skip


@pytest.mark.parametrize(("breaks", "line"), BAD)
@pytest.mark.parametrize("command", ["guidance", "summary"])
def test_a_wrong_response_exits_2_with_one_line_naming_the_link_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], breaks: Any, line: str, command: str
) -> None:
    response = export(tmp_path, capsys, TYPICAL)
    code, out, err = run(capsys, command, write(tmp_path, breaks(response)))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert line in lines[0]
    assert "Traceback" not in err


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    response = _edit(export(tmp_path, capsys, TYPICAL), "pain_now", [{"valueInteger": 11}])
    response = _edit(response, "leaning", _coding("leaning", "maybe"))
    code, _, err = run(capsys, "guidance", write(tmp_path, response))
    assert code == 2
    assert [line.split(":")[0] for line in err.strip().splitlines()] == ["pain_now", "leaning"]
