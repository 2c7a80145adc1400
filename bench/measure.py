"""In-process measures: AppTest reruns per step, and summary build times."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TYPICAL = {
    "patient_name": "Margaret Okafor",
    "red_flags": ["none"],
    "fracture_causes": ["osteoporosis"],
    "bone_loss_medicines": ["glucocorticoids"],
    "conservative_care_weeks": 4,
    "conservative_treatments": ["pain_medicine", "brace"],
    "pain_now": 6,
    "failure_risk_factors": ["not_sure"],
    "values_quick_relief": 4,
    "values_avoid_procedure": 3,
    "values_low_leakage": 3,
    "knowledge_natural_course": "improves_over_weeks",
    "knowledge_sham_trials": "similar_improvement",
    "leaning": "unsure",
    "sure_sure": False,
    "sure_understand": True,
    "sure_risk_benefit": True,
    "sure_encouragement": True,
    "questions_for_clinician": "How long would I stay in hospital?",
}


def median_p95(samples_ms: list[float]) -> dict[str, float]:
    """Median and 95th percentile (nearest rank) of millisecond samples."""
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2), "n": len(ordered)}


def _time(fn: Callable[[], Any], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def apptest_reruns(
    entry: Path, steps: list[str], runs: int, content: Path | None = None
) -> dict[str, dict[str, float]]:
    """Median/p95 of `runs` reruns of each step (reached by clicking Next with typical answers)."""
    from streamlit.testing.v1 import AppTest

    if content is not None:
        os.environ["DECISION_AID_CONTENT_DIR"] = str(content)
    try:
        app = AppTest.from_file(str(entry), default_timeout=120)
        app.run()
        if not steps:
            app.run()
            return {"floor": median_p95(_time(app.run, runs))}
        app.session_state["answers"] = dict(TYPICAL)
        results = {}
        for index, step in enumerate(steps):
            app.run()  # warm
            results[step] = median_p95(_time(app.run, runs))
            if index < len(steps) - 1:
                app.button(key=f"next.{step}").click().run()
        return results
    finally:
        os.environ.pop("DECISION_AID_CONTENT_DIR", None)


def report_times(runs: int) -> dict[str, dict[str, float]]:
    """PDF, HTML and text build times of a typical summary (the summary object built once)."""
    from decision_aid.content import load_content
    from decision_aid.domain import validate_answers
    from decision_aid.report import build_summary, render_text
    from decision_aid.report.html import render_html
    from decision_aid.report.pdf import render_pdf

    bundle = load_content()
    answers = dict(validate_answers(bundle, TYPICAL))
    summary = build_summary(bundle, answers, dt.date(2026, 11, 24))
    render_pdf(summary)  # fonts registered once per process, as in the app
    return {
        "summary object": median_p95(_time(lambda: build_summary(bundle, answers, dt.date(2026, 11, 24)), runs)),
        "pdf": median_p95(_time(lambda: render_pdf(summary), runs)),
        "html": median_p95(_time(lambda: render_html(summary), runs)),
        "text": median_p95(_time(lambda: render_text(summary), runs)),
    }
