"""Drive the real app in Chromium as a person would: tick, choose, type, press Next.

Widgets are found by their Streamlit key (a `st-key-<key>` class, dots become dashes) and by
their accessible role and name, so a test fails when a control loses its label. Words are never
written here: option labels come from the content, like the app's own.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from decision_aid.content.schema import ContentBundle, QuestionKind, Widget
from decision_aid.ui.styles import BASE_FONT_PX, LARGER_TEXT_SCALE

__all__ = ["IDLE", "App", "css_key"]

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
"""The app has finished its rerun."""

NAV_BUTTONS = '[class*="st-key-next-"], [class*="st-key-back-"]'
"""Back and Next, the last things drawn on every step."""

COUNT_RUNS = """
window.__runs = 0;
new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.target.getAttribute("data-test-script-state") === "running") window.__runs += 1;
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-test-script-state"] });
"""
"""Counts the app's reruns (installed in every page before the app's own scripts)."""

FIRST_STEP_URL = re.compile(r"^\w+://[^/]+/?$")
"""The address of the first step: the app's root, without a step in the path."""

RERUN_START_MS = 500
"""How long an action may take to start its rerun (usually 50 to 150 ms)."""

DRAWN = """sizes => !document.querySelector('[data-testid="stSkeleton"]')
  && sizes.includes(getComputedStyle(document.documentElement).fontSize)"""
ROOT_SIZES = [f"{BASE_FONT_PX}px", f"{BASE_FONT_PX * LARGER_TEXT_SCALE:g}px"]
"""Everything is drawn: Streamlit loads an element's code the first time the page shows one and
draws a skeleton meanwhile (for up to a few hundred ms after the run), and the app's stylesheet
gives the root font size."""

QUIET_MS = 120
"""How long the app must stay idle after a rerun before the screen counts as settled. (A page
switch is two reruns in a row; `App.next` also waits for the new address.)"""


def css_key(key: str) -> str:
    """The CSS class Streamlit gives an element with widget key `key`."""
    return ".st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key)


class App:
    """One browser tab on the app, with the content it shows."""

    def __init__(self, page: Page, url: str, bundle: ContentBundle) -> None:
        self.page = page
        self.url = url
        self.bundle = bundle
        self.pack = bundle.text(bundle.default_language)

    # --- waiting and reading --------------------------------------------------------------------

    def runs(self) -> int:
        """How many reruns the app has started since the page loaded."""
        count: int = self.page.evaluate("window.__runs")
        return count

    def settle(self, runs_before: int | None = None) -> None:
        """Wait until the reruns caused by the last action have finished and the app is quiet.
        With `runs_before`, first wait (briefly) for a rerun to start after that count: a very quick
        rerun may never show as running, so this wait gives up quietly."""
        if runs_before is not None:
            with contextlib.suppress(PlaywrightTimeout):
                self.page.wait_for_function("n => window.__runs > n", arg=runs_before, timeout=RERUN_START_MS)
        while True:
            self.page.wait_for_selector(IDLE, timeout=30_000)
            runs = self.runs()
            self.page.wait_for_timeout(QUIET_MS)
            if self.runs() == runs and self.page.locator(IDLE).count():
                break
        # Every element is drawn (an element whose code is still loading shows a skeleton), and the
        # app's stylesheet (styles.py) is in place, for normal or larger text.
        self.page.wait_for_function(DRAWN, arg=ROOT_SIZES)

    def act(self, action: Callable[[], object]) -> None:
        """Do something that makes the app rerun, then wait until it has settled."""
        before = self.runs()
        action()
        self.settle(before)

    def open(self, path: str = "") -> App:
        """Load the app (a new session) and wait for the first step."""
        self.page.add_init_script(COUNT_RUNS)
        self.page.goto(f"{self.url}/{path}")
        # The step is fully drawn when its Back or Next button (drawn last) is there.
        self.page.wait_for_selector(NAV_BUTTONS, timeout=30_000)
        self.settle()
        return self

    def widget(self, key: str) -> Locator:
        """The element (or container) with Streamlit key `key`."""
        return self.page.locator(css_key(key))

    def box(self, question: str, code: str) -> Locator:
        """The tick box of option `code` of a multi-choice question (ui/option_lists.py)."""
        return self.page.locator(f'fieldset.aid-options input[type="checkbox"][name="q.{question}"][value="{code}"]')

    @property
    def main(self) -> Locator:
        """The main content (not the sidebar)."""
        return self.page.locator('[data-testid="stMain"]')

    def heading(self) -> str:
        """The step's h1."""
        return self.main.locator("h1").first.inner_text().strip()

    def main_text(self) -> str:
        """What the main content says, with whitespace collapsed."""
        return " ".join(self.main.inner_text().split())

    def current_step(self) -> str:
        """The step id in the address bar (the first step is at /)."""
        path = self.page.url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        return path if path in self.bundle.step_ids else self.bundle.step_ids[0]

    # --- acting -----------------------------------------------------------------------------------

    def tick(self, question: str, code: str) -> None:
        """Tick one box of a multi-choice question (a click on its words, as a person would)."""
        box = self.box(question, code)
        self._click_label(box)
        assert box.is_checked(), f"{question}.{code} is not ticked"

    def choose(self, question: str, label: str) -> None:
        """Choose the option named `label` of a single-choice, yes/no or scale question."""
        radio = self.widget(f"q.{question}").get_by_role("radio", name=label, exact=True)
        self._click_label(radio)
        assert radio.is_checked(), f"{question}: {label} is not chosen"

    def _click_label(self, control: Locator) -> None:
        self.act(control.locator("xpath=ancestor::label[1]").click)

    def type_text(self, question: str, text: str) -> None:
        """Type into a text field or number field and commit it (Tab, as a person would)."""
        field = self.widget(f"q.{question}").locator("input, textarea").first
        field.fill(text)
        self.act(lambda: field.press("Tab"))

    def next(self) -> None:
        """Press Next (or Start) and wait for the next step."""
        step = self.current_step()
        index = self.bundle.step_ids.index(step)
        self.act(self.widget(f"next.{step}").get_by_role("button").click)
        self.arrive(self.bundle.step_ids[index + 1])

    def arrive(self, step: str) -> None:
        """Wait until the app shows `step` (after Next), fully drawn and settled."""
        self.page.wait_for_url(re.compile(f"/{step}$"))
        self.widget(f"back.{step}").wait_for()
        self.settle()

    def go_to(self, step: str) -> None:
        """Go to `step` with its link in the sidebar's list of steps, and wait until it is drawn."""
        index = self.bundle.step_ids.index(step)
        title = f"{index + 1}. {getattr(self.pack.pages.steps, step).nav}"
        link = self.page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True)
        self.act(link.click)
        self._wait_for_step(step)
        assert self.current_step() == step

    def _wait_for_step(self, step: str) -> None:
        """Wait until the address is that of `step` (the first step is at /) and it is drawn."""
        if step == self.bundle.step_ids[0]:
            self.page.wait_for_url(FIRST_STEP_URL)
        else:
            self.page.wait_for_url(re.compile(f"/{step}$"))
        self.page.wait_for_selector(NAV_BUTTONS)
        self.settle()

    def set_switch(self, key: str, on: bool) -> None:
        """Turn a settings switch (toggle) on or off."""
        switch = self.widget(key).get_by_role("switch")
        if switch.is_checked() != on:
            self._click_label(switch)
        assert switch.is_checked() == on

    def select(self, key: str, label: str) -> None:
        """Choose `label` in a drop-down menu (such as the language menu in the sidebar)."""
        self.widget(key).get_by_role("combobox").click()
        self.act(self.page.get_by_role("option", name=label, exact=True).click)

    # --- saving and continuing with a code --------------------------------------------------------

    def save_for_later(self) -> str:
        """Press "Save and get a code" in the save panel; the code it shows."""
        self.act(self.widget("save.new").get_by_role("button").click)
        return self.shown_code()

    def shown_code(self) -> str:
        """The resume code the save panel shows (it waits for it)."""
        return self.widget("resume-code-shown").locator("strong").inner_text().strip()

    def enter_code(self, typed: str) -> None:
        """On the first step, type `typed` into "Continue with a code" and press Enter; wait until
        the app has settled where that led."""
        field = self.widget("resume.code").locator("input")
        field.fill(typed)
        self.act(lambda: field.press("Enter"))

    def delete_answers(self) -> None:
        """Press "Delete my answers", then "Yes, delete them"; wait until the app is back at the first step."""
        self.act(self.widget("delete.ask").get_by_role("button").click)
        self.act(self.widget("delete.yes").get_by_role("button").click)
        self._wait_for_step(self.bundle.step_ids[0])

    # --- answering from a story -------------------------------------------------------------------

    def option_label(self, question_id: str, value: Any) -> str:
        """The words on the screen for one choice of a radio question."""
        question = self.bundle.questions[question_id]
        if question.kind is QuestionKind.BOOLEAN:
            return self.pack.ui.answers.yes if value else self.pack.ui.answers.no
        if question.kind is QuestionKind.SINGLE_CHOICE:
            return self.pack.questions.questions[question_id].options[value].label
        if question_id in self.bundle.rules.values.items:
            return self.pack.guidance.values.scale[str(value)]
        return str(value)

    def answer(self, question_id: str, value: Any) -> None:
        """Give one answer with the question's own widget."""
        question = self.bundle.questions[question_id]
        if question.kind is QuestionKind.MULTI_CHOICE:
            for code in value:
                self.tick(question_id, code)
        elif question.kind is QuestionKind.TEXT or (
            question.kind is QuestionKind.INTEGER and question.widget is not Widget.SCALE
        ):
            self.type_text(question_id, str(value))
        else:
            self.choose(question_id, self.option_label(question_id, value))

    def walk(
        self, answers: dict[str, Any], stop_at: str = "summary", on_each_step: Callable[[str], object] | None = None
    ) -> list[str]:
        """From the current step, answer every question of each step in order and press Next,
        until the step `stop_at`. `on_each_step(step)` runs on each step once it is answered
        (`stop_at` included). Returns the steps passed through, `stop_at` last."""
        steps = {step.id: step for step in self.bundle.steps}
        seen = []
        while True:
            step = self.current_step()
            seen.append(step)
            if step != stop_at:
                for question_id in steps[step].questions:
                    if question_id in answers:
                        self.answer(question_id, answers[question_id])
            if on_each_step is not None:
                on_each_step(step)
            if step == stop_at:
                return seen
            self.next()
