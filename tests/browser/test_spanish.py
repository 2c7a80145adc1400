"""A Spanish-speaking patient, in a real browser whose preferred language is Spanish: the aid opens
in Spanish, the page says lang="es" on every step, no English word of the aid's own is met on any
step or in the downloaded PDF, and the answers survive switching language.

"English words of the aid's own" are built from the content: every English wording that differs
from its Spanish translation (whole labels of up to six words, and the first five words of longer
texts). What the patient typed is Spanish here; the titles of the cited publications keep their
own language and are left out (the summary's list of sources).

Streamlit's file-upload box has English words of its own ("Upload", "200MB per file") and no
setting to change them; a small script puts the content's words there instead (ui/language.py document_script),
and this test checks what the box really shows, its button's accessible name included.

The accessible names Streamlit writes itself in English ("Help for ..." on the question-mark
buttons, "file upload", "Collapse sidebar", "Main menu"...) are not on the screen but a screen
reader says them: the same script replaces them with the content's words, and the test checks
every aria-label on every step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from decision_aid.content.integrity import WORDING_FILES
from decision_aid.content.markup import iter_text
from decision_aid.content.schema import ContentBundle

from .driver import App
from .stories import UNSURE_LOW_SURE
from .test_stories import pdf_text

pytestmark = pytest.mark.browser

SPANISH_STORY: dict[str, Any] = {
    **UNSURE_LOW_SURE.answers,
    "patient_name": "Dolores Ibáñez",
    "questions_for_clinician": "¿Puede venir mi hija a la próxima cita?",
}
UPLOADER = '[data-testid="stFileUploader"]'
STREAMLIT_UPLOADER_WORDS = ("Upload", "per file")
"""Streamlit's own words in the upload box, which must not show."""


def english_phrases(bundle: ContentBundle) -> list[str]:
    """English wording of the aid that a Spanish page must never show."""
    phrases: set[str] = set()
    for part in WORDING_FILES:
        spanish = dict(iter_text(getattr(bundle.languages["es"], part)))
        for path, text in iter_text(getattr(bundle.languages["en"], part)):
            if spanish.get(path) == text:
                continue  # the same in both (a trial's name, "SURE", "No")
            clean = re.sub(r"\[@[^\]]+\]|\{[a-z_]+\}|[*_`#>]", " ", text)
            words = re.findall(r"[A-Za-z][A-Za-z'’-]*", clean)
            if not words:
                continue
            phrase = " ".join(words if len(words) <= 6 else words[:5])
            if len(phrase) > 3 or len(words) > 1:
                phrases.add(phrase)
    return sorted(phrases)


def leftover_english(text: str, phrases: list[str]) -> list[str]:
    """The phrases found in `text` (whole words, the words in order, any spacing or punctuation)."""
    flat = " ".join(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))
    return [p for p in phrases if re.search(rf"(?<![A-Za-z]){re.escape(p)}(?![A-Za-z])", flat)]


def page_text(app: App) -> str:
    """What the screen says (main content and sidebar, CSS-generated words included), without the
    summary's list of publications."""
    return str(
        app.page.evaluate(
            """sel => {
              const hidden = Array.from(document.querySelectorAll(sel));
              hidden.forEach(e => { e.dataset.saved = e.style.display; e.style.display = 'none'; });
              const generated = Array.from(document.querySelectorAll('[data-testid="stFileUploader"] *'))
                .map(e => getComputedStyle(e, '::after').content)
                .filter(c => c && c !== 'none' && c !== 'normal');
              const text = document.body.innerText + ' ' + generated.join(' ');
              hidden.forEach(e => { e.style.display = e.dataset.saved; });
              return text;
            }""",
            '.summary-sources_full, .summary-sources_compact, [data-testid="stToast"]',
        )
    )


def test_a_spanish_speaking_patient_meets_no_english_and_gets_a_spanish_pdf(
    open_app: Callable[..., App], bundle: ContentBundle
) -> None:
    phrases = english_phrases(bundle)
    assert len(phrases) > 300, "the check covers the whole English wording"
    app = open_app(locale="es-ES")
    app.pack = bundle.text("es")
    assert app.heading() == bundle.text("es").pages.steps.welcome.heading, "Spanish from the first visit"
    es_fhir = bundle.text("es").ui.fhir
    uploader = app.page.locator(UPLOADER)
    assert not any(words in uploader.inner_text() for words in STREAMLIT_UPLOADER_WORDS)
    button = uploader.get_by_role("button", name=es_fhir.upload_button)
    assert button.count() >= 1, "the upload button is named in Spanish (the hidden file input too)"
    assert uploader.get_by_role("button", name="Upload", exact=True).count() == 0
    assert es_fhir.upload_note in page_text(app)

    found: dict[str, list[str]] = {}
    languages: dict[str, str] = {}

    streamlit_english = {k for k, v in bundle.text("es").ui.accessibility.streamlit_labels.items() if k != v}
    streamlit_english |= {"file upload"}

    def check(step: str) -> None:
        languages[step] = app.page.evaluate("document.documentElement.lang")
        names = app.page.evaluate(
            "Array.from(document.querySelectorAll('[aria-label]'), e => e.getAttribute('aria-label'))"
        )
        english_names = [n for n in names if n in streamlit_english or n.startswith("Help for ")]
        if step != "summary":
            app.act(app.main.locator('[data-testid="stExpander"] summary').first.click)  # the glossary, open
        text = page_text(app)
        found[step] = (
            leftover_english(text, phrases) + [w for w in STREAMLIT_UPLOADER_WORDS if w in text] + english_names
        )

    steps = app.walk(SPANISH_STORY, on_each_step=check)

    assert steps == list(bundle.step_ids)
    assert languages == dict.fromkeys(steps, "es"), "screen readers read every step as Spanish"
    assert found == {step: [] for step in steps}
    with app.page.expect_download() as download:
        app.widget("download.pdf").get_by_role("button").click()
    pdf = pdf_text(download.value.path().read_bytes())
    words = bundle.text("es").ui.summary
    assert words.title in pdf
    assert "Dolores Ibáñez" in pdf
    sources_at, about_at = pdf.index(words.sources_heading), pdf.index(words.about_heading)
    assert leftover_english(pdf[:sources_at] + pdf[about_at:], phrases) == []


def test_switching_to_english_and_back_keeps_every_answer(open_app: Callable[..., App], bundle: ContentBundle) -> None:
    app = open_app(locale="es-MX")
    app.pack = bundle.text("es")
    app.walk(SPANISH_STORY, stop_at="compare")
    menu = app.page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]')
    app.act(menu.click)
    app.act(app.page.get_by_role("option", name="English").click)
    assert app.heading() == bundle.text("en").pages.steps.compare.heading
    assert app.page.evaluate("document.documentElement.lang") == "en"
    app.act(app.widget("back.compare").get_by_role("button").click)
    app.arrive("treatment")
    weeks = app.widget("q.conservative_care_weeks").locator("input")
    assert weeks.input_value() == str(SPANISH_STORY["conservative_care_weeks"])
    pain = app.widget("q.pain_now").get_by_role("radio", name=str(SPANISH_STORY["pain_now"]), exact=True)
    assert pain.is_checked()
