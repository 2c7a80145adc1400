"""WCAG 2.2 AA on every step, with answers filled in, in normal and in consultation mode: axe-core
finds nothing, and the checks axe does not make pass too (heading outline, visible labels that
match the accessible names, text alternatives that give the pictures' numbers, control contrast,
warnings and links not told by colour alone)."""

from __future__ import annotations

import pytest

from decision_aid.content.schema import ContentBundle

from .checks import (
    axe_problems,
    control_contrast_problems,
    heading_problems,
    icon_array_problems,
    icon_arrays,
    image_problems,
    label_problems,
    link_problems,
    status_box_problems,
)
from .driver import App
from .stories import EARLY_DISCUSSION, RED_FLAG, Story

pytestmark = pytest.mark.browser

CHECKS = (
    axe_problems,
    heading_problems,
    image_problems,
    icon_array_problems,
    label_problems,
    control_contrast_problems,
    status_box_problems,
    link_problems,
)

MODES = [pytest.param(False, RED_FLAG, id="normal"), pytest.param(True, EARLY_DISCUSSION, id="consultation")]


@pytest.mark.parametrize(("consultation", "story"), MODES)
def test_every_step_meets_wcag_22_aa(app: App, bundle: ContentBundle, consultation: bool, story: Story) -> None:
    if consultation:
        app.set_switch("settings.consultation.welcome", True)
        assert app.widget("settings.consultation.sidebar").get_by_role("switch").is_checked()
    problems: dict[str, list[str]] = {}

    def scan(step: str) -> None:
        if step == "compare":
            # Consultation mode opens the study details (the scan covers them open or closed),
            # and the step has its five 'out of 100 people' pictures.
            assert (app.main.locator("details[open]").count() > 0) == consultation
            assert len(icon_arrays(app.page)) >= 5
        problems[step] = [problem for check in CHECKS for problem in check(app.page)]

    steps = app.walk(story.answers, on_each_step=scan)

    assert steps == list(bundle.step_ids)  # every step was scanned, the summary last
    assert list(problems) == steps
    found = {step: items for step, items in problems.items() if items}
    assert not found, "\n".join(f"{step}: {p}" for step, items in found.items() for p in items)
