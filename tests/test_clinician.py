"""Consultation mode's facts and the clinician page (PDF, HTML, text), the resume code and the
translation notice on the summary, and saved answers read back after the content changed."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from decision_aid.content.schema import ContentBundle
from decision_aid.domain import salvage_answers, validate_answers
from decision_aid.report import build_summary, render_text
from decision_aid.report.clinician import build_clinician_facts, build_clinician_page
from decision_aid.report.html import render_html
from decision_aid.report.pdf import render_pdf
from decision_aid.report.summary import ResumeNote

from .conftest import TODAY
from .test_app import ENTRY, next_step, page_text
from .test_summary_outputs import TYPICAL, pdf_text

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def facts(bundle: ContentBundle, answers: dict[str, Any], language: str = "en") -> dict[str, tuple[str, bool]]:
    return {f.label: (f.value, f.alert) for f in build_clinician_facts(bundle, bundle.text(language), answers)}


def test_the_panel_shows_each_key_fact_from_the_answers(bundle: ContentBundle) -> None:
    got = facts(bundle, TYPICAL)
    assert got["Red flags"] == ("None", False)
    assert got["Weeks of non-surgical care"] == ("4 weeks", False)
    assert got["Risk factors for non-surgical care not working"][0] == "I am not sure"
    assert got["Pain now"] == ("6 of 10", False)
    assert got["Leaning"] == ("Vertebroplasty", False)
    assert got["SURE score"] == ("3 of 4: decisional conflict likely", True)
    assert got["Knowledge check"] == ("3 right of 4 answered (4 questions)", False)
    assert got["Three-week guidance"][0] == "You have tried non-surgical care for 3 weeks or more"


def test_red_flags_and_risk_factors_are_flagged_and_blanks_say_not_answered(bundle: ContentBundle) -> None:
    got = facts(bundle, {"red_flags": ["fever_infection"], "failure_risk_factors": ["cannot_walk"]})
    assert got["Red flags"][1] is True
    assert "fever" in got["Red flags"][0].lower()
    assert got["Risk factors for non-surgical care not working"][1] is True
    assert got["Pain now"] == ("Not answered", False)
    assert got["Leaning"] == ("Not answered", False)
    assert got["SURE score"] == ("Not answered", False)
    assert facts(bundle, {})["Red flags"] == ("Not answered", False), "unanswered is never read as none"


def test_the_panel_speaks_spanish(bundle: ContentBundle) -> None:
    got = facts(bundle, TYPICAL, "es")
    assert got["Dolor ahora"] == ("6 de 10", False)
    assert got["Puntuación SURE"][1] is True


def test_the_clinician_page_lists_every_answer_as_its_stable_code(bundle: ContentBundle) -> None:
    page = build_clinician_page(bundle, bundle.text("en"), TYPICAL)
    rows = {row.item: row for row in page.rows}
    assert rows["guidance.status"].code == "trial_complete"
    assert rows["sure.score"].code == "3"
    assert rows["bone_loss_medicines"].code == "glucocorticoids, proton_pump_inhibitors"
    assert rows["pain_now"].code == "6"
    assert rows["pain_now"].meaning == "6 out of 10"
    assert rows["sure_risk_benefit"].code == "false"
    assert rows["fracture_cause_other"].code == "long steroid use – 10 years"
    assert set(TYPICAL) <= set(rows), "every answer given has a row"
    assert "Questionnaire-" not in page.questionnaire_line
    assert "version 1.0.0" in page.questionnaire_line


def test_the_pdf_has_a_clinician_page_only_in_consultation_mode(bundle: ContentBundle) -> None:
    answers = dict(validate_answers(bundle, TYPICAL))
    plain = render_pdf(build_summary(bundle, answers, TODAY))
    clinical = render_pdf(build_summary(bundle, answers, TODAY, clinician=True))
    assert len(PdfReader(io.BytesIO(clinical)).pages) == len(PdfReader(io.BytesIO(plain)).pages) + 1
    last = " ".join(PdfReader(io.BytesIO(clinical)).pages[-1].extract_text().split())
    assert "Clinician page: structured data" in last
    for text in ("guidance.status trial_complete", "SURE score", "bone_loss_medicines", "Margaret Okafor"):
        assert text in last
    assert "Clinician page" not in pdf_text(plain)


def test_html_and_text_summaries_carry_the_clinician_page_too(bundle: ContentBundle) -> None:
    answers = dict(validate_answers(bundle, TYPICAL))
    summary = build_summary(bundle, answers, TODAY, clinician=True)
    html = render_html(summary)
    assert "<h2>Clinician page: structured data</h2>" in html
    assert "<td>trial_complete</td>" in html
    assert "pain_now = 6  (6 out of 10)" in render_text(summary)


def test_the_resume_code_is_printed_only_when_given(bundle: ContentBundle) -> None:
    answers = dict(validate_answers(bundle, TYPICAL))
    note = ResumeNote("K7QF-3MZD-9XWA-2PHD", dt.date(2026, 12, 24))
    with_code = build_summary(bundle, answers, TODAY, resume=note)
    line = "Code to continue later: K7QF-3MZD-9XWA-2PHD (kept until 2026-12-24)"
    assert line in pdf_text(render_pdf(with_code))
    assert line in render_text(with_code)
    assert "K7QF" not in pdf_text(render_pdf(build_summary(bundle, answers, TODAY)))


def test_a_translation_not_yet_reviewed_says_so_and_the_source_language_does_not(bundle: ContentBundle) -> None:
    answers = dict(validate_answers(bundle, TYPICAL))
    spanish = build_summary(bundle, answers, TODAY, "es")
    assert spanish.translation_note == "Un médico bilingüe todavía no ha revisado esta traducción al español."
    assert spanish.translation_note in pdf_text(render_pdf(spanish))
    assert build_summary(bundle, answers, TODAY, "en").translation_note is None


def test_the_welcome_step_says_the_translation_is_not_reviewed() -> None:
    app = AppTest.from_file(ENTRY, default_timeout=30)
    app.run()
    assert "todavía no ha revisado" not in " ".join(i.value for i in app.info)
    app.sidebar.selectbox(key="settings.language").set_value("es").run()
    assert "todavía no ha revisado esta traducción" in " ".join(i.value for i in app.info)


def test_consultation_mode_shows_the_panel_and_talking_points_on_every_step() -> None:
    app = AppTest.from_file(ENTRY, default_timeout=30)
    app.run()
    assert "For the clinician" not in page_text(app)
    app.toggle(key="settings.consultation.welcome").set_value(True).run()
    steps = ("welcome", "safety", "fracture", "treatment", "compare", "values", "knowledge", "leaning", "summary")
    for step in steps:
        text = page_text(app)
        for words in ("For the clinician", "Talking points for this step", "SURE score:", "Red flags:"):
            assert words in text, step
        if step != "summary":
            next_step(app, step)
    assert "Plan the follow-up" in page_text(app), "the summary's own talking points"


def test_salvage_keeps_what_fits_and_names_what_does_not(bundle: ContentBundle) -> None:
    kept, dropped = salvage_answers(
        bundle,
        {
            "patient_name": "Ana",
            "pain_now": 11,
            "red_flags": ["none", "fever_infection"],
            "gone_question": 1,
            "fracture_cause_other": "kept though it does not apply now",
        },
    )
    assert kept == {"patient_name": "Ana", "fracture_cause_other": "kept though it does not apply now"}
    assert dropped == ("pain_now", "red_flags", "gone_question")
    assert salvage_answers(bundle, ["not", "a", "dict"]) == ({}, ())
