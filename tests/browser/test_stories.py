"""Whole walks as a patient, in the real app: every answer given is on the summary screen, and the
downloaded PDF names the person, the guidance and their leaning.

The walks also run on small screens: one at 200% zoom (a 1280-px window seen as 640 px at twice
the pixels) and one on a 768-px tablet. On every step of those, nothing may scroll sideways.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from decision_aid.content.schema import ContentBundle
from decision_aid.domain import assess
from decision_aid.report import build_summary

from .checks import overflow_problems, truncation_problems
from .driver import App
from .stories import EARLY_DISCUSSION, RED_FLAG, TRIAL_COMPLETE, UNSURE_LOW_SURE, Story, shown_answers

pytestmark = pytest.mark.browser

DESKTOP: dict[str, Any] = {}
ZOOM_200 = {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}
TABLET = {"viewport": {"width": 768, "height": 1024}}

WALKS = [
    pytest.param(RED_FLAG, DESKTOP, id="red_flag-desktop"),
    pytest.param(EARLY_DISCUSSION, TABLET, id="early_discussion-tablet-768"),
    pytest.param(TRIAL_COMPLETE, ZOOM_200, id="trial_complete-zoom-200"),
    pytest.param(UNSURE_LOW_SURE, DESKTOP, id="unsure_low_sure-desktop"),
]


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize(("story", "screen"), WALKS)
def test_a_patient_walks_to_the_summary_and_downloads_the_pdf(
    open_app: Callable[..., App], bundle: ContentBundle, story: Story, screen: dict[str, Any]
) -> None:
    assert assess(bundle, story.answers).status.value == story.status  # the story is the one it claims to be
    expected = build_summary(bundle, story.answers, dt.date.today())
    words = expected.words
    app = open_app(**screen)
    sideways: dict[str, list[str]] = {}

    steps = app.walk(
        story.answers,
        on_each_step=lambda step: sideways.update({step: overflow_problems(app.page) + truncation_problems(app.page)}),
    )

    assert steps == list(bundle.step_ids)
    assert app.heading() == app.pack.pages.steps.summary.heading
    screen_text = app.main_text()
    missing = [text for text in shown_answers(bundle, story.answers) if text not in screen_text]
    assert not missing, f"answers not shown on the summary: {missing}"
    assert expected.guidance.title in screen_text
    if story.status == "urgent_review":
        # The warning leads the summary, before the guidance.
        assert screen_text.index(words.red_flag_heading) < screen_text.index(words.guidance_heading)
    assert not any(sideways.values()), {step: found for step, found in sideways.items() if found}

    with app.page.expect_download() as download:
        app.widget("download.pdf").get_by_role("button").click()
    assert download.value.suggested_filename.endswith(".pdf")
    text = pdf_text(download.value.path().read_bytes())
    for line in (expected.name_line, expected.guidance.title, expected.leaning_line):
        assert line in text, line
    if story.status == "urgent_review":
        assert words.red_flag_heading in text
