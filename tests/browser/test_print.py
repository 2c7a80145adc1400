"""Printing the summary page from the browser (Chromium's own print to PDF, print media): every
section is there, nothing of the navigation is, no table is cut, and a typical patient's summary
fits on three pages of Letter or A4 paper."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from decision_aid.content.schema import ContentBundle

from .driver import App
from .stories import TYPICAL, shown_answers

pytestmark = pytest.mark.browser

MAX_PAGES = 3
PAPERS = {"Letter": 733, "A4": 711}
"""Paper -> width of the printed area in CSS pixels (page width less the 11 mm side margins)."""

TABLES_JS = """() => Array.from(document.querySelectorAll('[data-testid="stMain"] table'))
  .map(t => [t.scrollWidth, t.parentElement.clientWidth, t.getBoundingClientRect().right, innerWidth])"""


def printed(app: App, paper: str) -> tuple[int, str]:
    """Print the page to PDF on `paper`: its page count and its text (whitespace collapsed)."""
    reader = PdfReader(io.BytesIO(app.page.pdf(format=paper, print_background=True)))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def test_the_printed_summary_is_complete_compact_and_without_navigation(app: App, bundle: ContentBundle) -> None:
    app.walk(TYPICAL.answers)
    words = app.pack.ui.summary
    headings = [
        app.pack.pages.steps.summary.heading,
        words.guidance_heading,
        words.answers_heading,
        words.comparison_heading,
        words.icon_arrays_heading,
        words.priorities_heading,
        words.knowledge_heading,
        words.leaning_heading,
        words.questions_heading,
        words.sources_heading,
        words.about_heading,
    ]
    comparison = app.pack.comparison
    table_words = [row.question for row in comparison.rows.values()] + [o.name for o in comparison.options.values()]
    nav = app.pack.ui.nav
    screen_only = [
        *(f"{i + 1}. {getattr(app.pack.pages.steps, s).nav}" for i, s in enumerate(bundle.step_ids)),
        nav.settings_heading,
        app.pack.pages.steps.welcome.clinician_mode_label,
        app.pack.ui.accessibility.larger_text_label,
        nav.progress.format(
            step=len(bundle.step_ids), total=len(bundle.step_ids), name=app.pack.pages.steps.summary.nav
        ),
        words.download_pdf,
        words.download_answers,
    ]

    app.page.emulate_media(media="print")
    for paper, width in PAPERS.items():
        app.page.set_viewport_size({"width": width, "height": 1000})
        tables = app.page.evaluate(TABLES_JS)
        assert tables, "no table on the summary"
        cut = [t for t in tables if t[0] > t[1] or t[2] > t[3]]
        assert not cut, f"{paper}: tables wider than the paper: {cut}"

        pages, text = printed(app, paper)
        assert pages <= MAX_PAGES, f"{paper}: {pages} pages"
        assert not [h for h in headings if h not in text], f"{paper}: section headings missing"
        assert not [w for w in table_words if " ".join(w.split()) not in text], f"{paper}: table text missing"
        assert not [a for a in shown_answers(bundle, TYPICAL.answers) if a not in text], f"{paper}: answers missing"
        assert not [s for s in screen_only if s in text], f"{paper}: screen-only text printed"
        for button in (nav.back, nav.next, "Download"):
            assert not re.search(rf"\b{button}\b", text), f"{paper}: {button!r} printed"
