"""Choosing the language: the browser's preference on a first visit, the menu on any step, and
not one answer lost when switching. (The Spanish walk in a real browser, with the page's lang
attribute and the check for leftover English, is tests/browser/test_spanish.py.)"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.ui.language import preferred_language

from .test_app import ENTRY, boxes, choose, chosen, next_step, tick

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("es-ES", "es"),
        ("es-MX", "es"),
        ("es_419", "es"),
        ("ES", "es"),
        ("en-GB", "en"),
        ("fr-FR", "en"),  # a language the aid does not have: the default
        ("", "en"),
        (None, "en"),
    ],
)
def test_the_browser_language_is_used_when_the_aid_has_it(locale: str | None, expected: str) -> None:
    assert preferred_language(["en", "es"], locale, "en") == expected


def test_a_regional_language_is_preferred_when_the_content_has_exactly_it() -> None:
    assert preferred_language(["en", "es", "pt-br"], "pt-BR", "en") == "pt-br"


def test_switching_language_on_a_later_step_keeps_every_answer_and_the_step() -> None:
    app = AppTest.from_file(ENTRY, default_timeout=30)
    app.run()
    app.text_input(key="q.patient_name").input("Ana María").run()
    next_step(app, "welcome")
    tick(app, "red_flags", "none")
    next_step(app, "safety")
    tick(app, "fracture_causes", "osteoporosis")
    tick(app, "bone_loss_medicines", "glucocorticoids")
    next_step(app, "fracture")
    app.number_input(key="q.conservative_care_weeks").set_value(5).run()
    choose(app, "pain_now", 8)
    before = dict(app.session_state["answers"])

    app.sidebar.selectbox(key="settings.language").set_value("es").run()
    assert not app.exception
    assert app.title[0].value == "Su tratamiento hasta ahora", "same step, now in Spanish"
    assert app.session_state["answers"] == before
    assert app.number_input(key="q.conservative_care_weeks").value == 5
    assert chosen(app, "pain_now") == 8

    app.button(key="back.treatment").click().run()
    assert boxes(app, "bone_loss_medicines")["ticked"] == ["glucocorticoids"]
    causes = boxes(app, "fracture_causes")
    assert causes["legend"] == "¿Qué le dijo su médico sobre por qué se le rompió el hueso?"
    labels = {option["code"]: option["label"] for option in causes["options"]}
    assert labels["osteoporosis"] == "Osteoporosis (huesos delgados y débiles)"

    app.sidebar.selectbox(key="settings.language").set_value("en").run()
    assert app.title[0].value == "About your fracture"
    assert app.session_state["answers"] == before
