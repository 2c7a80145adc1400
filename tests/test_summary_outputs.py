"""The summary in PDF, HTML and text: what a reader finds in it, Unicode, escaping, length."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from decision_aid.content.schema import ContentBundle
from decision_aid.domain import validate_answers
from decision_aid.report import build_summary, render_text
from decision_aid.report.html import render_html
from decision_aid.report.pdf import render_pdf

from .conftest import TODAY

TYPICAL: dict[str, Any] = {
    "patient_name": "Margaret Okafor",
    "red_flags": ["none"],
    "fracture_causes": ["osteoporosis", "other_cause"],
    "fracture_cause_other": "long steroid use – 10 years",
    "bone_loss_medicines": ["glucocorticoids", "proton_pump_inhibitors"],
    "conservative_care_weeks": 4,
    "conservative_treatments": ["pain_medicine", "brace", "physiotherapy"],
    "pain_now": 6,
    "failure_risk_factors": ["not_sure"],
    "values_quick_relief": 4,
    "values_avoid_procedure": 3,
    "values_low_leakage": 3,
    "values_low_cost": 2,
    "knowledge_natural_course": "improves_over_weeks",
    "knowledge_sham_trials": "similar_improvement",
    "knowledge_cement_leakage": "never_happens",
    "knowledge_new_fractures": "no_clear_difference",
    "leaning": "vertebroplasty",
    "sure_sure": True,
    "sure_understand": True,
    "sure_risk_benefit": False,
    "sure_encouragement": True,
    "questions_for_clinician": "How long would I stay in hospital?\nCan I keep driving?",
}


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def summary_for(bundle: ContentBundle, **changes: Any):  # type: ignore[no-untyped-def]
    answers = dict(validate_answers(bundle, {**TYPICAL, **changes}))
    return build_summary(bundle, answers, TODAY)


@pytest.fixture(scope="module")
def typical_pdf(bundle: ContentBundle) -> bytes:
    return render_pdf(summary_for(bundle))


def test_pdf_has_the_name_status_options_leaning_and_citations(bundle: ContentBundle, typical_pdf: bytes) -> None:
    text = pdf_text(typical_pdf)
    for phrase in [
        "Prepared for: Margaret Okafor",
        "You have tried non-surgical care for 3 weeks or more",  # the status
        "Non-surgical care",
        "Vertebroplasty",
        "Kyphoplasty",  # the three options
        "Leaning toward: Vertebroplasty",
        "Your score: 3 out of 4",  # SURE
        "Buchbinder 2018",
        "Firanescu 2018",
        "Wardlaw 2009",  # citations beside facts
        "doi:10.1002/14651858.CD006349.pub4",  # and in the source list
        "Content version 1.0.0",
        "How long would I stay in hospital?",
    ]:
        assert phrase in text, phrase


def test_pdf_discloses_industry_funding_and_the_funding_and_update_policy(typical_pdf: bytes) -> None:
    text = pdf_text(typical_pdf)
    assert "Wardlaw 2009, paid for by the device maker" in text
    assert "independent, open-source tool" in text
    assert "we check the facts at least every two years" in text


def test_pdf_sets_its_language_and_title(typical_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(typical_pdf))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata is not None
    assert reader.metadata.title == "Decision aid summary: treatment for a spine compression fracture"
    assert [item.title for item in reader.outline][:2] == ["Three-week guidance", "Your answers"]


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({}, id="typical"),
        pytest.param(
            {"red_flags": ["leg_weakness_numbness", "bladder_bowel_control", "cancer_history"]}, id="three-red-flags"
        ),
        pytest.param({f"values_{k}": 4 for k in ("quick_relief", "avoid_procedure", "low_leakage")}, id="priorities"),
    ],
)
def test_pdf_is_one_to_three_pages(bundle: ContentBundle, changes: dict[str, Any]) -> None:
    pages = len(PdfReader(io.BytesIO(render_pdf(summary_for(bundle, **changes)))).pages)
    assert 1 <= pages <= 3


@pytest.mark.parametrize(
    "name",
    [
        "José Núñez-García",
        "Łukasz Żółć",
        "Ελένη Παπαδοπούλου",
        "李小龙",
        "王芳 (Fang)",
        "Zoë 😀👍",
        "“Nan” O’Neil – ≥ 80 • ok",
    ],
)
def test_pdf_renders_any_unicode_name(bundle: ContentBundle, name: str) -> None:
    text = pdf_text(render_pdf(summary_for(bundle, patient_name=name)))
    for word in name.replace("(", " ").replace(")", " ").split():
        if not any(ord(ch) > 0x1F000 for ch in word):  # emoji are drawn but extract unreliably
            assert word in text, word


def test_a_character_no_font_has_becomes_a_question_mark_not_a_crash(bundle: ContentBundle) -> None:
    name = "Ann \U0001f9ec \U00013000"  # a DNA emoji and an Egyptian hieroglyph: in none of the fonts
    text = pdf_text(render_pdf(summary_for(bundle, patient_name=name)))
    assert "Prepared for: Ann ? ?" in text


def test_pdf_is_the_same_bytes_for_the_same_summary(bundle: ContentBundle) -> None:
    summary = summary_for(bundle)
    assert render_pdf(summary) == render_pdf(summary)


def test_pdf_leads_with_red_flags(bundle: ContentBundle) -> None:
    text = pdf_text(render_pdf(summary_for(bundle, red_flags=["fever_infection"])))
    assert text.index("Warning signs: get medical care now") < text.index("Three-week guidance")
    assert "Fever, chills, or feeling very unwell" in text


def test_html_escapes_everything_the_person_typed(bundle: ContentBundle) -> None:
    html = render_html(
        summary_for(bundle, patient_name='<script>alert("x")</script>', questions_for_clinician="<b>bold</b> & more")
    )
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html


def test_html_sets_language_title_and_text_alternatives(bundle: ContentBundle) -> None:
    html = render_html(summary_for(bundle))
    assert '<html lang="en">' in html
    assert "<title>Decision aid summary" in html
    assert html.count('role="img" aria-label="') >= 8  # every icon-array group


def test_text_summary_shows_every_answer(bundle: ContentBundle) -> None:
    text = " ".join(render_text(summary_for(bundle)).split())
    for phrase in [
        "None of these are true for me",
        "Osteoporosis (thin, weak bones); Something else",
        "long steroid use – 10 years",
        "Steroid tablets, such as prednisone (glucocorticoids); Strong pills for stomach acid",
        "4 weeks",
        "6 out of 10",
        "I am not sure",
        "Getting pain relief as soon as possible: Very much",
    ]:
        assert phrase in text, phrase


def test_summary_never_names_a_winner_among_the_options(bundle: ContentBundle) -> None:
    text = render_text(summary_for(bundle)).lower()
    for claim in ["best option", "we recommend", "you should have", "the winner", "recommended treatment"]:
        assert claim not in text
