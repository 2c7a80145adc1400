"""In-process measures: AppTest reruns per step, and summary build times."""

from __future__ import annotations

import datetime as dt
import os
import re
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


def _elements(app: Any) -> int:
    """How many elements (blocks and widgets included) the page drew, sidebar included."""

    def count(node: Any) -> int:
        children = getattr(node, "children", None)
        return 1 + (sum(count(child) for child in children.values()) if isinstance(children, dict) else 0)

    return count(app._tree) - 1  # not the root


def _time_pairs(first: Callable[[], Any], second: Callable[[], Any], runs: int) -> tuple[list[float], list[float]]:
    """Time `first` and `second` alternately, so that a busy moment on the machine hits both alike."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.extend(_time(first, 1))
        b.extend(_time(second, 1))
    return a, b


def apptest_reruns(
    entry: Path, steps: list[str], runs: int, floor: Path, content: Path | None = None
) -> dict[str, Any]:
    """Median/p95 of `runs` reruns of each step (reached by clicking Next with typical answers), each
    run alternating with a run of the floor app, whose samples are pooled into "floor".

    AppTest runs the script in this process, as the server would, and also turns its output into an
    element tree; the floor pays the same. It does not run Streamlit's garbage collection after each
    run (runner.postScriptGC), which the real server does: the browser measures include that."""
    from streamlit.testing.v1 import AppTest

    floor_app = AppTest.from_file(str(floor), default_timeout=120)
    floor_app.run()
    floor_app.run()
    floor_samples: list[float] = []
    if content is not None:
        os.environ["DECISION_AID_CONTENT_DIR"] = str(content)
    try:
        app = AppTest.from_file(str(entry), default_timeout=120)
        app.run()
        app.session_state["answers"] = dict(TYPICAL)
        results: dict[str, Any] = {}
        # Each screen in turn, with Next: a step shown in parts (a long step, in grown content) is
        # measured part by part, and the step's figure is its slowest part.
        for _ in range(len(steps) * 50):
            app.run()  # warm
            if app.exception:
                raise RuntimeError(f"{app.exception[0].message}")
            shown = [bar.proto.text for bar in app.get("progress")]
            found = re.match(r"Step (\d+) of", shown[0]) if shown else None
            if found is None:
                raise RuntimeError(f"no progress line on the page: {shown}")
            step = steps[int(found.group(1)) - 1]
            samples, floors = _time_pairs(app.run, floor_app.run, runs)
            floor_samples.extend(floors)
            entry = {
                **median_p95(samples),
                "elements": _elements(app),
                "floor_median_ms": round(statistics.median(floors), 2),
                "parts": results.get(step, {}).get("parts", 0) + 1,
            }
            if step not in results or entry["median_ms"] > results[step]["median_ms"]:
                results[step] = entry
            results[step]["parts"] = entry["parts"]
            if step == steps[-1]:
                break
            app.button(key=f"next.{step}").click().run()
        return {"floor": {**median_p95(floor_samples), "elements": _elements(floor_app)}, "steps": results}
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
