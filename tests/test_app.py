"""The Streamlit app, run in-process with AppTest from the real entry point: the whole flow,
answers kept when going back and forth, bad input refused at the widget, the content error screen."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.testing.v1 import AppTest

from decision_aid.content import DEFAULT_CONTENT_DIR, load_content
from decision_aid.content.schema import QuestionKind
from decision_aid.ui import option_lists

from .conftest import REPO

ENTRY = str(REPO / "streamlit_app.py")
BUNDLE = load_content(DEFAULT_CONTENT_DIR)
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def start() -> AppTest:
    app = AppTest.from_file(ENTRY, default_timeout=30)
    app.run()
    assert not app.exception
    return app


def shown(elements: object) -> str:
    """The text of markdown-like elements as a reader sees it: Markdown escapes removed; for the
    texts drawn as HTML (st.html), tags removed and entities decoded."""
    return " ".join(
        html.unescape(re.sub(r"<[^>]*>", "", e.value)) if e.type == "html" else re.sub(r"\\(.)", r"\1", e.value)
        for e in elements  # type: ignore[attr-defined]
    )


def page_text(app: AppTest) -> str:
    """Every text on the page as a reader sees it: Markdown and the long texts drawn as HTML."""
    return shown([*app.markdown, *app.html])


def heading(app: AppTest) -> str:
    return app.title[0].value


def next_step(app: AppTest, step: str) -> None:
    app.button(key=f"next.{step}").click().run()
    assert not app.exception


def back(app: AppTest, step: str) -> None:
    app.button(key=f"back.{step}").click().run()
    assert not app.exception


def options(app: AppTest, question: str) -> dict[str, Any]:
    """What the options of `question` are drawn with (ui/option_lists.py): kind, legend, options
    (code, label, explanation) and the codes shown chosen."""
    return option_lists.sent(_options_element(app, question).proto.json)


def boxes(app: AppTest, question: str) -> dict[str, Any]:
    """The tick boxes of a multi-choice question, with "ticked": the codes shown ticked."""
    drawn = options(app, question)
    assert drawn["kind"] == "checkbox", f"{question} is drawn as tick boxes"
    return {**drawn, "ticked": drawn["chosen"]}


def _options_element(app: AppTest, question: str) -> Any:
    found = [e for e in app.get("bidi_component") if option_lists.sent(e.proto.json).get("id") == f"q.{question}"]
    assert len(found) == 1, f"the options of {question} on the page"
    return found[0]


def _send(app: AppTest, question: str, chosen: list[str]) -> None:
    """A change as the browser reports it: the component's "toggled" trigger with every code then
    chosen, through the app's own callback. AppTest has no method for custom components yet, so
    the trigger is sent as the browser sends it (Streamlit's widget state)."""
    states = app._tree.get_widget_states()
    trigger = states.widgets.add()
    trigger.id = _make_trigger_id(_options_element(app, question).proto.id, "events")
    trigger.json_trigger_value = json.dumps([{"event": "toggled", "value": {"chosen": chosen}}])
    app._run(states)
    assert not app.exception


def tick(app: AppTest, question: str, code: str, ticked: bool = True) -> None:
    """Tick (or untick) one box of a multi-choice question."""
    shown = [c for c in boxes(app, question)["ticked"] if c != code]
    _send(app, question, [*shown, code] if ticked else shown)


def _option_values(question_id: str) -> list[Any]:
    """The answers a radio question's buttons stand for, in order (widgets._choice)."""
    question = BUNDLE.questions[question_id]
    if question.kind is QuestionKind.BOOLEAN:
        return [True, False]
    if question.kind is QuestionKind.INTEGER:
        assert question.min is not None
        assert question.max is not None
        return list(range(question.min, question.max + 1))
    return list(question.codes)


def choose(app: AppTest, question: str, value: object) -> None:
    """Choose the radio button that stands for `value`."""
    assert options(app, question)["kind"] == "radio"
    _send(app, question, [str(_option_values(question).index(value))])


def chosen(app: AppTest, question: str) -> object:
    """The answer the radio buttons of `question` show chosen (None if none)."""
    shown = options(app, question)["chosen"]
    return _option_values(question)[int(shown[0])] if shown else None


def walk_to_summary(app: AppTest, red_flag: bool = False) -> None:
    app.text_input(key="q.patient_name").input("Ana María").run()
    next_step(app, "welcome")
    tick(app, "red_flags", "fever_infection" if red_flag else "none")
    next_step(app, "safety")
    tick(app, "fracture_causes", "osteoporosis")
    tick(app, "bone_loss_medicines", "none")
    next_step(app, "fracture")
    app.number_input(key="q.conservative_care_weeks").set_value(2).run()
    tick(app, "conservative_treatments", "pain_medicine")
    choose(app, "pain_now", 6)
    tick(app, "failure_risk_factors", "none")
    next_step(app, "treatment")
    next_step(app, "compare")
    choose(app, "values_quick_relief", 4)
    next_step(app, "values")
    choose(app, "knowledge_sham_trials", "similar_improvement")
    next_step(app, "knowledge")
    choose(app, "leaning", "unsure")
    for item, value in [
        ("sure_sure", False),
        ("sure_understand", True),
        ("sure_risk_benefit", True),
        ("sure_encouragement", False),
    ]:
        choose(app, item, value)
    app.text_area(key="q.questions_for_clinician").input("Can I still drive?").run()
    next_step(app, "leaning")


def test_the_whole_flow_reaches_the_summary_with_downloads() -> None:
    app = start()
    assert heading(app) == "Choosing a treatment for a broken bone in your spine"
    walk_to_summary(app)
    assert heading(app) == "Your summary"
    labels = [button.label for button in app.get("download_button")]
    assert labels == [
        "Download summary (PDF)",
        "Download my answers (for the record)",
        "Download for the health record (FHIR)",
    ]
    text = page_text(app) + shown(app.info)
    for phrase in [
        "Prepared for: Ana María",
        "Keep going with non-surgical care for now",
        "Leaning toward: I am not sure yet",
        "Your score: 2 out of 4",
        "Can I still drive?",
        "Buchbinder 2018",
    ]:
        assert phrase in text, phrase


def test_every_step_shows_its_progress() -> None:
    app = start()
    progress = app.get("progress")[0]
    assert progress.proto.text == "Step 1 of 9: Welcome"
    next_step(app, "welcome")
    assert app.get("progress")[0].proto.text == "Step 2 of 9: Safety check"


def test_answers_are_kept_when_going_back_and_forth() -> None:
    app = start()
    app.text_input(key="q.patient_name").input("Bo").run()
    next_step(app, "welcome")
    tick(app, "red_flags", "none")
    next_step(app, "safety")
    tick(app, "fracture_causes", "osteoporosis")
    next_step(app, "fracture")
    app.number_input(key="q.conservative_care_weeks").set_value(5).run()
    back(app, "treatment")
    back(app, "fracture")
    back(app, "safety")
    assert app.text_input(key="q.patient_name").value == "Bo"
    next_step(app, "welcome")
    assert boxes(app, "red_flags")["ticked"] == ["none"]
    next_step(app, "safety")
    assert boxes(app, "fracture_causes")["ticked"] == ["osteoporosis"]
    next_step(app, "fracture")
    assert app.number_input(key="q.conservative_care_weeks").value == 5


def test_none_of_these_clears_the_other_ticks_and_the_other_way_round() -> None:
    app = start()
    next_step(app, "welcome")
    tick(app, "red_flags", "fever_infection")
    tick(app, "red_flags", "none")
    assert boxes(app, "red_flags")["ticked"] == ["none"], "None of these clears the other ticks"
    tick(app, "red_flags", "major_trauma")
    assert boxes(app, "red_flags")["ticked"] == ["major_trauma"], "another tick clears None of these"
    assert app.session_state["answers"]["red_flags"] == ["major_trauma"]


def test_a_red_flag_shows_the_get_care_now_alert_and_the_summary_leads_with_it() -> None:
    app = start()
    next_step(app, "welcome")
    tick(app, "red_flags", "bladder_bowel_control")
    assert "Please get medical care now" in app.error[0].value
    walk_app = start()
    walk_to_summary(walk_app, red_flag=True)
    assert walk_app.error[0].value.startswith("**Warning signs: get medical care now**")


def test_numbers_out_of_range_are_never_stored() -> None:
    """The widget has the contract's range; a value outside it never becomes an answer. (In a real
    browser the field turns red and keeps the last good answer: tests/browser checks that.)"""
    app = start()
    for step in ("welcome", "safety", "fracture"):
        next_step(app, step)
    weeks = app.number_input(key="q.conservative_care_weeks")
    assert (weeks.min, weeks.max) == (0, 520)
    for bad in (521, -1, 10**6):
        app.number_input(key="q.conservative_care_weeks").set_value(bad).run()
        stored = app.session_state["answers"].get("conservative_care_weeks")
        assert stored is None or 0 <= stored <= 520


def test_the_other_cause_box_appears_only_when_something_else_is_ticked() -> None:
    app = start()
    next_step(app, "welcome")
    next_step(app, "safety")
    assert not [t for t in app.text_input if t.key == "q.fracture_cause_other"]
    tick(app, "fracture_causes", "other_cause")
    app.text_input(key="q.fracture_cause_other").input("a fall").run()
    assert app.session_state["answers"]["fracture_cause_other"] == "a fall"


def test_broken_content_shows_a_clear_error_screen_not_a_traceback(
    content_copy: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = content_copy(("guidance.yaml", "  weeks: 3\n", "  weeks: three\n"))
    monkeypatch.setenv("DECISION_AID_CONTENT_DIR", str(root))
    app = AppTest.from_file(ENTRY, default_timeout=30)
    app.run()
    assert not app.exception
    assert "could not start" in app.error[0].value
    assert "guidance.yaml: trial.weeks: Input should be a valid integer" in app.code[0].value


def test_the_glossary_is_on_every_step_but_the_summary() -> None:
    app = start()
    for step in ("welcome", "safety", "fracture", "treatment", "compare", "values", "knowledge", "leaning"):
        labels = [e.label for e in app.expander]
        assert "Words explained" in labels, step
        next_step(app, step)
    assert "Words explained" not in [e.label for e in app.expander]


def test_the_compare_step_shows_the_grid_and_every_icon_array_with_alt_text() -> None:
    app = start()
    for step in ("welcome", "safety", "fracture", "treatment"):
        next_step(app, step)
    assert heading(app) == "Compare your choices"
    grid = next(h.value for h in app.html if "<th>Question</th>" in h.value)
    assert "<th>Non-surgical care</th>\n<th>Vertebroplasty</th>\n<th>Kyphoplasty</th>" in grid
    # The icon arrays are pictures inside one text drawn as HTML.
    pictures = [tag for h in app.html for tag in re.findall(r"<img [^>]*>", h.value)]
    icon_alts = [html.unescape(m.group(1)) for tag in pictures if (m := re.search(r'alt="([^"]*)"', tag))]
    assert len(pictures) == len(icon_alts) == 9  # one picture per group of the five icon arrays, each with alt text
    assert all("of 100 people" in alt for alt in icon_alts)
    assert all(tag.startswith('<img src="data:image/svg+xml;base64,') for tag in pictures)


def test_typed_text_on_the_summary_stays_text_even_where_the_summary_allows_html() -> None:
    """The summary's sections are one text with HTML allowed (for the section wrappers and the
    pictures), made into HTML on the server; what a person typed must still show as typed and never
    become HTML, formatting or a link."""
    app = start()
    walk_to_summary(app)
    typed = '</section><img src=x onerror="alert(1)"> **not bold** [a](https://example.org)'
    back(app, "summary")
    app.text_area(key="q.questions_for_clinician").input(typed).run()
    next_step(app, "leaning")
    summary = next(h.value for h in app.html if '<section class="summary-questions">' in h.value)
    assert "<img src=x" not in summary
    assert "</section><img" not in summary
    assert "&lt;/section&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in summary  # shown as typed
    assert "<strong>not bold</strong>" not in summary
    assert 'href="https://example.org"' not in summary
    assert typed in page_text(app)
    # Eight sections and the pictures' section, each closed once: the typed "</section>" closes nothing.
    assert summary.count("<section ") == summary.count("</section>") == 9
