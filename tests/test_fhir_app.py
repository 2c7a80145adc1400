"""The app with health-record files (AppTest, from the real entry point): continuing from a saved
QuestionnaireResponse or answers file lands on the first step left to answer with every answer
back on its widget; a wrong file says what is wrong and changes nothing; the summary offers the
answers as a QuestionnaireResponse."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.content.schema import ContentBundle, QuestionKind
from decision_aid.domain import applies
from decision_aid.fhir import build_response, to_json
from decision_aid.ui.resume import UPLOAD_KEY

from .conftest import REPO, TODAY
from .test_app import boxes

ENTRY = str(REPO / "streamlit_app.py")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SAVED = {
    "patient_name": "Ana María",
    "red_flags": ["none"],
    "fracture_causes": ["osteoporosis"],
    "bone_loss_medicines": ["none"],
    "conservative_care_weeks": 5,
    "conservative_treatments": ["brace"],
    "failure_risk_factors": ["none"],
}


def start() -> AppTest:
    app = AppTest.from_file(ENTRY, default_timeout=30)
    app.run()
    assert not app.exception
    return app


def upload(app: AppTest, name: str, data: str) -> None:
    app.file_uploader(key=UPLOAD_KEY).set_value((name, data.encode("utf-8"), "application/json")).run()
    assert not app.exception


def unescaped(markdown: str) -> str:
    """Text as a reader sees it (Markdown escapes removed)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def heading(app: AppTest) -> str:
    return app.title[0].value


def test_a_saved_response_brings_the_answers_back_and_lands_on_the_first_step_left(bundle: ContentBundle) -> None:
    app = start()
    app.text_input(key="q.patient_name").input("Someone else").run()
    upload(app, "saved.json", to_json(build_response(bundle, SAVED, TODAY)))
    assert heading(app) == bundle.text("en").pages.steps.treatment.heading
    assert app.session_state["answers"] == SAVED
    assert app.number_input(key="q.conservative_care_weeks").value == 5
    assert "brace" in boxes(app, "conservative_treatments")["ticked"]
    assert [s.value for s in app.success] == [bundle.text("en").ui.fhir.upload_success]
    app.button(key="back.treatment").click().run()
    app.button(key="back.fracture").click().run()
    app.button(key="back.safety").click().run()
    assert app.text_input(key="q.patient_name").value == "Ana María"


def every_answer(bundle: ContentBundle) -> dict[str, Any]:
    """An answer to every question that applies (the first option, the smallest number...)."""
    answers: dict[str, Any] = {}
    for q in bundle.ordered_questions():
        if not applies(bundle, q, answers):
            continue
        if q.options:
            answers[q.id] = [q.codes[0]] if q.kind is QuestionKind.MULTI_CHOICE else q.codes[0]
        else:
            answers[q.id] = {QuestionKind.TEXT: "x", QuestionKind.INTEGER: q.min, QuestionKind.BOOLEAN: True}[q.kind]
    return answers


def test_an_answers_file_works_too_and_a_finished_file_lands_on_the_summary(bundle: ContentBundle) -> None:
    app = start()
    upload(app, "answers.json", json.dumps({"patient_name": "Bo", "red_flags": ["fever_infection"]}))
    assert heading(app) == bundle.text("en").pages.steps.fracture.heading
    assert app.session_state["answers"] == {"patient_name": "Bo", "red_flags": ["fever_infection"]}
    app = start()
    upload(app, "answers.json", json.dumps(every_answer(bundle)))
    assert heading(app) == bundle.text("en").pages.steps.summary.heading


def test_a_wrong_file_says_what_is_wrong_and_changes_nothing(bundle: ContentBundle) -> None:
    app = start()
    app.text_input(key="q.patient_name").input("Bo").run()
    response = build_response(bundle, SAVED, TODAY)
    response["item"][1]["item"][0]["answer"] = [{"valueInteger": 3}]
    upload(app, "saved.json", to_json(response))
    assert heading(app) == bundle.text("en").pages.steps.welcome.heading
    assert app.session_state["answers"] == {"patient_name": "Bo"}
    message = app.error[0].value
    assert message.startswith(bundle.text("en").ui.fhir.upload_failed)
    assert "- red_flags: answers must be valueCoding, not valueInteger" in unescaped(message)
    upload(app, "notes.json", "{not json")
    assert "- notes.json: is not valid JSON" in unescaped(app.error[0].value)
    assert app.session_state["answers"] == {"patient_name": "Bo"}


def test_the_summary_offers_the_answers_for_the_health_record() -> None:
    app = start()
    for step in ("welcome", "safety", "fracture", "treatment", "compare", "values", "knowledge", "leaning"):
        app.button(key=f"next.{step}").click().run()
    button = next(b for b in app.get("download_button") if b.label == "Download for the health record (FHIR)")
    assert "FHIR" in button.proto.help
