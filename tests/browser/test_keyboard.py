"""Keyboard only: the whole flow to the summary with Tab, Shift+Tab, Space, Enter and the arrow keys
(and typing into a focused field). No clicks, no fill() or check(). Every place the focus lands
shows a clear focus ring (at least 2 px, 3:1), and the focus moves through each step in reading
order."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

import pytest

from decision_aid.content.schema import ContentBundle, QuestionKind, Widget

from .checks import focused_element
from .driver import App, css_key
from .stories import TYPICAL, shown_answers

pytestmark = pytest.mark.browser

MAX_TABS = 300
"""More Tab presses than any step has stops (a full lap of the page)."""

SKIP_LINK = "Skip to main content"
"""Streamlit's own first stop on every page."""


class Keys:
    """The keyboard, and where the focus is."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.keyboard = app.page.keyboard
        self.stops_without_ring: list[str] = []

    def focused(self) -> dict[str, Any]:
        info = focused_element(self.app.page)
        return info or {"key": "", "tag": "BODY", "name": "", "shown": True, "ring": 3, "ringContrast": 21}

    def tab_to(self, matches: Callable[[dict[str, Any]], bool], what: str, backwards: bool = False) -> dict[str, Any]:
        """Press Tab (or Shift+Tab) until the focus is on what `matches`; note every stop whose
        focus ring cannot be seen."""
        for _ in range(MAX_TABS):
            self.keyboard.press("Shift+Tab" if backwards else "Tab")
            info = self.focused()
            if info["tag"] != "BODY" and not (info["shown"] and info["ring"] >= 2 and info["ringContrast"] >= 3):
                self.stops_without_ring.append(f"{info['tag']} {info['key']} {info['name']!r}")
            if matches(info):
                return info
        raise AssertionError(f"Tab never reached {what}")

    def tab_to_key(self, key: str, backwards: bool = False) -> dict[str, Any]:
        cls = css_key(key)[1:]
        return self.tab_to(lambda info: info["key"] == cls, key, backwards)

    def press(self, key: str) -> None:
        """Press a key that changes an answer, and wait for the app to settle."""
        self.app.act(lambda: self.keyboard.press(key))

    def type_and_leave(self, text: str) -> None:
        """Type into the focused field, then Tab away (which saves it)."""
        self.keyboard.type(text)
        self.press("Tab")


def answer(keys: Keys, bundle: ContentBundle, question_id: str, value: Any) -> None:
    question = bundle.questions[question_id]
    if question.kind is QuestionKind.MULTI_CHOICE:
        for code in value:
            cls = css_key(f"q.{question_id}")[1:]
            info = keys.tab_to(lambda i, cls=cls, code=code: i["key"] == cls and i["value"] == code, f"{question_id}.{code}")
            assert info["type"] == "checkbox"
            assert not info["checked"]
            keys.press("Space")
            assert keys.focused()["checked"], f"{question_id}.{code} was not ticked"
        return
    keys.tab_to_key(f"q.{question_id}")
    if question.kind is QuestionKind.TEXT or (
        question.kind is QuestionKind.INTEGER and question.widget is not Widget.SCALE
    ):
        keys.type_and_leave(str(value))
        return
    # Radio buttons: one Tab stop per question; the arrow keys move the choice.
    if question.kind is QuestionKind.BOOLEAN:
        options: list[Any] = [True, False]
    elif question.kind is QuestionKind.SINGLE_CHOICE:
        options = list(question.codes)
    else:
        assert question.min is not None
        assert question.max is not None
        options = list(range(question.min, question.max + 1))
    target = options.index(value)
    keys.press("Space")  # choose the radio button that has the focus (the first)
    while (current := int(keys.focused()["value"])) != target:
        keys.press("ArrowRight" if current < target else "ArrowLeft")
    assert keys.focused()["checked"]


def before(b: dict[str, Any], a: dict[str, Any]) -> bool:
    """True when stop `b` is drawn before stop `a`: higher up, or in the same row to its left."""
    same_row = abs(b["top"] - a["top"]) <= 2
    return bool(b["left"] < a["left"]) if same_row else bool(b["top"] < a["top"])


def lap_problems(keys: Keys) -> list[str]:
    """Tab once round the whole page, from the skip link back to it. The order must be: the skip
    link, the sidebar as one block (steps, then settings), and the main content from top to
    bottom (left to right within a row)."""
    keys.tab_to(lambda info: info["name"] == SKIP_LINK, "the skip link")
    lap = [keys.focused()]
    while (info := keys.tab_to(lambda info: info["tag"] != "BODY", "the next stop"))["name"] != SKIP_LINK:
        lap.append(info)
    problems = []
    sidebar = [i for i, stop in enumerate(lap) if stop["sidebar"]]
    if not sidebar or sidebar != list(range(sidebar[0], sidebar[-1] + 1)):
        problems.append(f"the sidebar is not one block of stops: {sidebar}")
    # The main area itself is a stop (so that it can be scrolled by keyboard); then its contents.
    main = [stop for stop in lap if stop["inMain"] and stop["tag"] != "MAIN"]
    if len(main) < 2:
        problems.append(f"only {len(main)} stops in the main content")
    problems += [f"focus jumps back from {a['name']!r} to {b['name']!r}" for a, b in pairwise(main) if before(b, a)]
    return problems


def test_the_whole_flow_by_keyboard_alone(app: App, bundle: ContentBundle) -> None:
    """The typical patient's answers, with larger text switched on from the sidebar, by keyboard.
    On every step, a full lap of Tab first checks the focus order."""
    keys = Keys(app)
    story = TYPICAL.answers
    keys.tab_to_key("settings.larger_text")
    keys.press("Space")
    assert keys.focused()["checked"]
    steps = {step.id: step for step in bundle.steps}
    order: dict[str, list[str]] = {}
    while True:
        step = app.current_step()
        order[step] = lap_problems(keys)
        if step == bundle.step_ids[-1]:
            break
        for question_id in steps[step].questions:
            if question_id in story:
                answer(keys, bundle, question_id, story[question_id])
        if step == "compare":
            # Each row's details: a disclosure that Enter opens and closes, with no script run.
            row = app.pack.comparison.rows[bundle.comparison.rows[0].id].question
            keys.tab_to(lambda info, row=row: info["tag"] == "SUMMARY" and info["name"] == row, row)
            details = app.main.locator("details.aid-details").first
            keys.keyboard.press("Enter")
            assert details.evaluate("d => d.open"), "Enter did not open the row's details"
            keys.keyboard.press("Enter")
            assert not details.evaluate("d => d.open"), "Enter did not close the row's details"
        if step == "welcome":
            # Back to the name with Shift+Tab: it kept what was typed.
            keys.tab_to_key("q.patient_name", backwards=True)
            assert app.widget("q.patient_name").locator("input").input_value() == story["patient_name"]
        keys.tab_to_key(f"next.{step}")
        keys.press("Enter")
        app.arrive(bundle.step_ids[bundle.step_ids.index(step) + 1])
    assert list(order) == list(bundle.step_ids)
    assert app.heading() == app.pack.pages.steps.summary.heading
    screen = app.main_text()
    assert not [text for text in shown_answers(bundle, story) if text not in screen]
    assert not any(order.values()), {step: found for step, found in order.items() if found}
    assert not keys.stops_without_ring, f"focus not visible on: {sorted(set(keys.stops_without_ring))}"
