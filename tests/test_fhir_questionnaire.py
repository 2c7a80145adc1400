"""`python -m decision_aid questionnaire`: the content as a FHIR R4 Questionnaire an integrator can
load: valid, versioned, every question an item with its public id, options as codings in the
project's code systems, show-if as enableWhen, required flags, ranges, limits and help text."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire

from decision_aid.cli import main
from decision_aid.content.schema import ContentBundle, QuestionKind

MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
OPTION_EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"


def export(tmp_path: Path, *args: str) -> dict[str, Any]:
    out = tmp_path / "questionnaire.json"
    assert main(["questionnaire", *args, "-o", str(out)], stdout=io.StringIO()) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def flatten(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for item in items:
        found.append(item)
        found += flatten(item.get("item", []))
    return found


def extension(item: dict[str, Any], url: str) -> Any:
    values = [e for e in item.get("extension", []) if e["url"] == url]
    assert len(values) == 1, (item["linkId"], url)
    return values[0]


@pytest.fixture(scope="module")
def questionnaire(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return export(tmp_path_factory.mktemp("questionnaire"), "--lang", "en")


@pytest.fixture(scope="module")
def items(questionnaire: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["linkId"]: item for item in flatten(questionnaire["item"])}


def test_it_is_a_valid_r4_questionnaire_with_identity_and_version(
    questionnaire: dict[str, Any], bundle: ContentBundle
) -> None:
    model = Questionnaire.model_validate(questionnaire)
    base = bundle.manifest.canonical_base
    assert model.url == f"{base}/Questionnaire/spine-fracture-decision-aid"
    assert model.version == bundle.manifest.content_version
    assert model.status == "active"
    assert model.title == bundle.text("en").ui.app_title
    assert model.publisher == bundle.manifest.publisher
    assert questionnaire["date"] == bundle.manifest.published_on.isoformat()


def test_every_question_is_an_item_named_by_its_public_id_and_link_ids_are_unique(
    questionnaire: dict[str, Any], items: dict[str, dict[str, Any]], bundle: ContentBundle
) -> None:
    link_ids = [item["linkId"] for item in flatten(questionnaire["item"])]
    assert len(link_ids) == len(set(link_ids))
    questions = [i["linkId"] for i in flatten(questionnaire["item"]) if i["type"] not in ("group", "display")]
    assert questions == [q.id for q in bundle.ordered_questions()]
    groups = [i["linkId"] for i in questionnaire["item"]]
    assert groups == [f"step.{s.id}" for s in bundle.steps if s.questions]
    # a step and a question may share an id ("leaning"); their linkIds still differ
    assert "leaning" in items
    assert items["step.leaning"]["type"] == "group"


@pytest.mark.parametrize(
    ("question_id", "fhir_type"),
    [
        ("patient_name", "string"),
        ("questions_for_clinician", "text"),
        ("pain_now", "integer"),
        ("sure_sure", "boolean"),
        ("leaning", "choice"),
        ("red_flags", "choice"),
    ],
)
def test_item_types_follow_the_kind_of_question(
    items: dict[str, dict[str, Any]], question_id: str, fhir_type: str
) -> None:
    assert items[question_id]["type"] == fhir_type


def test_options_are_codings_in_the_projects_code_system_with_the_wording_as_display(
    items: dict[str, dict[str, Any]], bundle: ContentBundle
) -> None:
    words = bundle.text("en").questions.questions
    for question in bundle.questions.values():
        item = items[question.id]
        if question.kind not in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTI_CHOICE):
            assert "answerOption" not in item
            continue
        codings = [option["valueCoding"] for option in item["answerOption"]]
        system = f"{bundle.manifest.canonical_base}/CodeSystem/{question.id}"
        assert codings == [
            {"system": system, "code": code, "display": words[question.id].options[code].label}
            for code in question.codes
        ]
        assert item["repeats"] is (question.kind is QuestionKind.MULTI_CHOICE)


def test_none_of_these_options_are_marked_exclusive(items: dict[str, dict[str, Any]]) -> None:
    options = {o["valueCoding"]["code"]: o for o in items["red_flags"]["answerOption"]}
    assert extension(options["none"], OPTION_EXCLUSIVE)["valueBoolean"] is True
    assert "extension" not in options["fever_infection"]


def test_show_if_becomes_enable_when_on_the_coding(items: dict[str, dict[str, Any]], bundle: ContentBundle) -> None:
    assert items["fracture_cause_other"]["enableWhen"] == [
        {
            "question": "fracture_causes",
            "operator": "=",
            "answerCoding": {
                "system": f"{bundle.manifest.canonical_base}/CodeSystem/fracture_causes",
                "code": "other_cause",
                "display": "Something else",
            },
        }
    ]
    assert [i for i, item in items.items() if "enableWhen" in item] == ["fracture_cause_other"]


def test_required_flags_ranges_and_lengths_come_from_the_content(
    items: dict[str, dict[str, Any]], bundle: ContentBundle
) -> None:
    for question in bundle.questions.values():
        item = items[question.id]
        assert item["required"] is question.required
        if question.kind is QuestionKind.INTEGER:
            assert extension(item, MIN_VALUE)["valueInteger"] == question.min
            assert extension(item, MAX_VALUE)["valueInteger"] == question.max
        if question.kind is QuestionKind.TEXT:
            assert item["maxLength"] == question.max_length
    assert {q for q, item in items.items() if item.get("required")} == {
        "red_flags",
        "conservative_care_weeks",
        "failure_risk_factors",
    }


def test_help_text_is_a_help_display_item_under_its_question(
    items: dict[str, dict[str, Any]], bundle: ContentBundle
) -> None:
    words = bundle.text("en").questions.questions
    with_help = [qid for qid in bundle.questions if words[qid].help]
    assert with_help
    for qid in with_help:
        (child,) = items[qid]["item"]
        assert child == items[f"{qid}.help"]
        assert (child["type"], child["text"]) == ("display", words[qid].help)
        assert extension(child, ITEM_CONTROL)["valueCodeableConcept"]["coding"][0]["code"] == "help"
    assert "item" not in items["sure_sure"]


def test_the_wording_follows_the_language_and_the_codes_do_not(tmp_path: Path, bundle: ContentBundle) -> None:
    for language in bundle.languages:
        data = export(tmp_path, "--lang", language)
        item = {i["linkId"]: i for i in flatten(data["item"])}["leaning"]
        assert data["language"] == language
        assert item["text"] == bundle.text(language).questions.questions["leaning"].prompt
        assert [o["valueCoding"]["code"] for o in item["answerOption"]] == list(bundle.questions["leaning"].codes)


def test_an_unknown_language_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questionnaire", "--lang", "xx"], stdout=io.StringIO()) == 2
    assert capsys.readouterr().err.startswith("--lang: xx is not available")
