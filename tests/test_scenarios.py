"""Golden patient stories (tests/scenarios/*.yaml): answers in, guidance and summary text out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from decision_aid.content.schema import ContentBundle
from decision_aid.domain import assess, validate_answers
from decision_aid.report import build_summary, render_text

from .conftest import TODAY

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(bundle: ContentBundle, path: Path) -> None:
    story: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    answers = dict(validate_answers(bundle, story["answers"]))
    expect = story["expect"]
    guidance = assess(bundle, answers)
    assert guidance.status.value == expect["status"]
    for key in ("weeks_remaining", "low_pain"):
        if key in expect:
            assert getattr(guidance, key) == expect[key]
    for key in ("red_flags", "risk_factors"):
        if key in expect:
            assert list(getattr(guidance, key)) == expect[key]
    if "sure_score" in expect:
        assert guidance.sure.score == expect["sure_score"]
        assert guidance.sure.conflict == expect["sure_conflict"]
    text = " ".join(render_text(build_summary(bundle, answers, TODAY)).split()).lower()
    for phrase in expect.get("summary_contains", []):
        assert phrase.lower() in text
