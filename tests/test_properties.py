"""Properties over any valid answers (hypothesis): guidance and every summary format always work,
and the JSON Schema agrees with the validator."""

from __future__ import annotations

import io
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from decision_aid.content import load_content
from decision_aid.domain import Status, answers_json_schema, assess, check_answers
from decision_aid.report import build_summary, render_text
from decision_aid.report.html import render_html
from decision_aid.report.pdf import render_pdf

from .conftest import TODAY
from .strategies import valid_answers

BUNDLE = load_content()
SCHEMA = jsonschema.Draft202012Validator(answers_json_schema(BUNDLE))


def common(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@common(200)
@given(answers=valid_answers(BUNDLE))
def test_valid_answers_pass_the_validator_and_the_json_schema(answers: dict[str, Any]) -> None:
    assert check_answers(BUNDLE, answers) == []
    assert list(SCHEMA.iter_errors(answers)) == []


@common(200)
@given(answers=valid_answers(BUNDLE))
def test_any_valid_answers_give_a_guidance_with_a_known_status(answers: dict[str, Any]) -> None:
    guidance = assess(BUNDLE, answers)
    assert guidance.status in Status
    if guidance.weeks_done is not None:
        assert guidance.weeks_remaining == max(0, guidance.trial_weeks - guidance.weeks_done)
    assert (guidance.status is Status.URGENT_REVIEW) == bool(guidance.red_flags)


@common(40)
@given(answers=valid_answers(BUNDLE), language=st.sampled_from(sorted(BUNDLE.languages)))
def test_any_valid_answers_give_a_pdf_html_and_text_summary(answers: dict[str, Any], language: str) -> None:
    summary = build_summary(BUNDLE, answers, TODAY, language)
    pdf = render_pdf(summary)
    assert pdf.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1
    html = render_html(summary)
    assert html.startswith("<!DOCTYPE html>")
    assert summary.title in render_text(summary)


@common(150)
@given(
    answers=valid_answers(BUNDLE),
    question=st.sampled_from(sorted(BUNDLE.questions)),
    bad=st.one_of(st.none(), st.integers(-(10**6), 10**6), st.text(max_size=5), st.lists(st.integers(), max_size=2)),
)
def test_what_the_validator_refuses_the_json_schema_refuses(answers: dict[str, Any], question: str, bad: Any) -> None:
    """A changed answer is refused by the validator exactly when the JSON Schema refuses it
    (show-if rules aside, which JSON Schema does not express)."""
    candidate = {**answers, question: bad}
    validator_ok = not [p for p in check_answers(BUNDLE, candidate) if p.code != "not_applicable"]
    schema_ok = not list(SCHEMA.iter_errors(candidate))
    assert validator_ok == schema_ok
