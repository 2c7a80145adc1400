"""Save and continue later, in the real app: a person saves on one computer and carries on with
the code on another (a new browser context), after the server was killed and started again, and
on another server process sharing PostgreSQL. The step, every answer, the language, consultation
mode and larger text come back; "Delete my answers" makes the code stop working everywhere; wrong
codes are refused, then limited; the code and the form pass the accessibility checks, by keyboard.

Every server saves into a temporary folder (or the test's PostgreSQL), never into the repository.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from decision_aid.content.schema import ContentBundle
from decision_aid.storage import format_code, generate_code
from decision_aid.storage.config import SQLITE_FILENAME

from ..storage.postgres import database_for_tests
from .checks import (
    axe_problems,
    control_contrast_problems,
    focused_element,
    heading_problems,
    label_problems,
    status_box_problems,
)
from .conftest import Server
from .driver import App, css_key
from .stories import shown_answers

pytestmark = pytest.mark.browser

CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}")
"""A resume code as shown: Crockford's base 32 (no I, L, O or U) in four groups of four."""

NAME = "Zoë Ångström-Núñez"

ANSWERS: dict[str, dict[str, Any]] = {
    "welcome": {"patient_name": NAME},
    "safety": {"red_flags": ["none"]},
    # The fracture step is left open: the code must lead to the step reached, not the first open one.
    "treatment": {"conservative_care_weeks": 5, "conservative_treatments": ["pain_medicine", "brace"], "pain_now": 7},
    "values": {"values_quick_relief": 4},
    "leaning": {"leaning": "non_surgical"},
}
"""A person's answers, by step (steps with nothing to answer are skipped with the step list)."""

AFTER_SAVING = {"questions_for_clinician": "¿Puede venir mi hija a la próxima cita? Merci — 谢谢"}
"""Typed on the leaning step after saving: saved as it is made, without pressing Save again."""

ACCESSIBILITY_CHECKS = (axe_problems, heading_problems, label_problems, control_contrast_problems, status_box_problems)


def answer_steps(app: App, steps: dict[str, dict[str, Any]]) -> None:
    """Answer each step's questions, going from step to step with the step list in the sidebar."""
    for step, answers in steps.items():
        if app.current_step() != step:
            app.go_to(step)
        for question, value in answers.items():
            app.answer(question, value)


def everything(steps: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {question: value for answers in steps.values() for question, value in answers.items()}


def spaced_lower(code: str) -> str:
    """The code as a person might type it: lower case, spaces for the dashes."""
    return code.lower().replace("-", " ")


def expiry_dates(days: int = 30) -> set[str]:
    """The dates "kept until" may say (UTC, so either side of midnight while the test runs)."""
    now = dt.datetime.now(dt.UTC)
    return {(now + dt.timedelta(days=days, minutes=delta)).date().isoformat() for delta in (-10, 10)}


def flat(text: str) -> str:
    """Text with its whitespace collapsed (as `App.main_text` gives the screen)."""
    return " ".join(text.split())


def assert_saved(app: App) -> str:
    """The save panel shows a well-formed code and until when it is kept; the code."""
    code = app.shown_code()
    assert CODE.fullmatch(code), code
    panel = flat(app.widget("save-panel").inner_text())
    words = app.pack.ui.saving
    assert words.code_label in panel
    before, after = flat(words.code_note).split("{date}")
    kept = re.search(re.escape(before) + r"(\d{4}-\d{2}-\d{2})" + re.escape(after), panel)
    assert kept, panel
    assert kept.group(1) in expiry_dates()
    assert not app.widget("save.new").count()  # no second code: later changes are saved under this one
    return code


def resume(app: App, typed: str, step: str) -> None:
    """Continue with a code on the first step, and land on `step`."""
    assert app.current_step() == app.bundle.step_ids[0]
    app.enter_code(typed)
    app.arrive(step)


def radio_checked(app: App, question: str, value: Any) -> bool:
    radio = app.widget(f"q.{question}").get_by_role("radio", name=app.option_label(question, value), exact=True)
    return radio.is_checked()


def ticked(app: App, question: str, code: str) -> bool:
    return app.box(question, code).is_checked()


def field_value(app: App, question: str) -> str:
    return app.widget(f"q.{question}").locator("input, textarea").first.input_value()


# --- 1. another computer ---------------------------------------------------------------------------


def test_save_on_one_computer_and_carry_on_with_the_code_on_another(
    open_app: Callable[..., App], bundle: ContentBundle
) -> None:
    a = open_app()
    answer_steps(a, ANSWERS)
    code = a.save_for_later()
    assert_saved(a)
    for question, value in AFTER_SAVING.items():
        a.answer(question, value)
    assert a.shown_code() == code

    b = open_app()  # another computer: a new, empty session
    assert field_value(b, "patient_name") == ""
    resume(b, spaced_lower(code), "leaning")

    assert b.heading() == b.pack.pages.steps.leaning.heading
    assert b.pack.ui.saving.resumed in b.main_text()
    assert b.shown_code() == code  # carrying on keeps the code
    assert radio_checked(b, "leaning", ANSWERS["leaning"]["leaning"])
    assert field_value(b, "questions_for_clinician") == AFTER_SAVING["questions_for_clinician"]
    b.next()
    screen = b.main_text()
    missing = [text for text in shown_answers(bundle, everything(ANSWERS) | AFTER_SAVING) if text not in screen]
    assert not missing, f"answers not shown on the summary after continuing: {missing}"


# --- 2. a server killed and started again ----------------------------------------------------------

UP_TO_TREATMENT = {"welcome": ANSWERS["welcome"], "treatment": ANSWERS["treatment"]}


def test_saved_answers_survive_the_server_being_killed_and_started_again(
    open_app_at: Callable[..., App], chromium_path: Path, tmp_path: Path, bundle: ContentBundle
) -> None:
    data_dir = tmp_path / "data"
    first = Server.launch(tmp_path / "first.log", DECISION_AID_DATA_DIR=str(data_dir)).ready()
    try:
        a = open_app_at(first.url)
        answer_steps(a, UP_TO_TREATMENT)
        code = a.save_for_later()
        a.answer("pain_now", 3)  # saved as it is made; then the crash
    finally:
        first.kill()
    assert first.process.returncode == -signal.SIGKILL
    assert (data_dir / SQLITE_FILENAME).exists()

    # A new process on a new free port, on the same folder.
    second = Server.launch(tmp_path / "second.log", DECISION_AID_DATA_DIR=str(data_dir)).ready()
    try:
        b = open_app_at(second.url)
        resume(b, code, "treatment")
        assert b.heading() == b.pack.pages.steps.treatment.heading
        assert field_value(b, "conservative_care_weeks") == "5"
        assert ticked(b, "conservative_treatments", "pain_medicine")
        assert ticked(b, "conservative_treatments", "brace")
        assert not ticked(b, "conservative_treatments", "physiotherapy")
        assert radio_checked(b, "pain_now", 3)
        b.go_to(bundle.step_ids[0])
        assert field_value(b, "patient_name") == NAME
    finally:
        second.stop()


# --- 3. two servers sharing PostgreSQL -------------------------------------------------------------


@pytest.fixture(scope="module")
def postgres_servers(chromium_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Server]]:
    """Two app servers running at once on one PostgreSQL database (a throwaway cluster, or
    DECISION_AID_TEST_POSTGRES_URL). They start together: both may migrate an empty database."""
    folder = tmp_path_factory.mktemp("postgres-servers")
    with database_for_tests() as url:
        settings = {
            "DECISION_AID_DATABASE_URL": url,
            "DECISION_AID_DATA_DIR": str(folder / "unused"),
            # A given test database may keep this client's wrong codes from earlier runs.
            "DECISION_AID_LOAD_MAX_FAILURES": "1000",
        }
        servers = (Server.launch(folder / "a.log", **settings), Server.launch(folder / "b.log", **settings))
        try:
            yield servers[0].ready(), servers[1].ready()
        finally:
            for server in servers:
                server.stop()
        assert not (folder / "unused").exists()  # nothing went to SQLite


def test_two_servers_on_one_postgresql_share_saved_answers_and_deletion(
    open_app_at: Callable[..., App], postgres_servers: tuple[Server, Server], bundle: ContentBundle
) -> None:
    server_a, server_b = postgres_servers
    a = open_app_at(server_a.url)
    answer_steps(a, {"welcome": ANSWERS["welcome"], "safety": ANSWERS["safety"]})
    code = a.save_for_later()

    b = open_app_at(server_b.url)
    resume(b, code, "safety")
    assert server_a.process.poll() is None  # both servers are running
    assert ticked(b, "red_flags", "none")
    assert b.shown_code() == code

    b.delete_answers()
    words = b.pack.ui.saving
    assert b.current_step() == bundle.step_ids[0]
    assert words.deleted in b.main_text()
    assert field_value(b, "patient_name") == ""
    assert b.widget("save.new").count() == 1  # no code any more

    c = open_app_at(server_a.url)
    c.enter_code(code)
    assert c.current_step() == bundle.step_ids[0]
    assert flat(words.not_found_or_expired) in c.main_text()
    assert field_value(c, "patient_name") == ""


# --- 4. language and consultation mode -------------------------------------------------------------


def test_language_consultation_mode_and_larger_text_come_back_with_the_code(
    open_app: Callable[..., App], bundle: ContentBundle
) -> None:
    spanish = bundle.text("es")
    a = open_app()
    a.select("settings.language", spanish.ui.language_name)
    a.set_switch("settings.consultation.sidebar", True)
    a.set_switch("settings.larger_text", True)
    a.next()
    code = a.save_for_later()

    b = open_app()
    assert b.heading() == b.pack.pages.steps.welcome.heading  # English, until the code is given
    assert not b.widget("consultation-panel").count()
    resume(b, code, "safety")
    assert b.heading() == spanish.pages.steps.safety.heading
    assert spanish.ui.saving.resumed in b.main_text()
    assert b.widget("consultation-panel").is_visible()
    assert b.widget("settings.language").get_by_role("combobox").input_value() == spanish.ui.language_name
    assert b.widget("settings.consultation.sidebar").get_by_role("switch").is_checked()
    assert b.widget("settings.larger_text").get_by_role("switch").is_checked()


# --- 5. accessibility and the keyboard -------------------------------------------------------------


def test_the_code_passes_the_accessibility_checks_and_the_form_works_by_keyboard(
    open_app: Callable[..., App], bundle: ContentBundle
) -> None:
    a = open_app()
    a.answer("patient_name", NAME)
    code = a.save_for_later()  # on the first step: the code and the form to type one are both there
    problems = [problem for check in ACCESSIBILITY_CHECKS for problem in check(a.page)]
    assert not problems, "\n".join(problems)

    b = open_app()
    keyboard = b.page.keyboard
    box = css_key("resume.code")[1:]
    for _ in range(100):
        keyboard.press("Tab")
        focused = focused_element(b.page)
        if focused and focused["key"] == box:
            break
    else:
        raise AssertionError("Tab never reached the code box")
    assert focused["tag"] == "INPUT"
    assert focused["shown"], focused
    assert focused["ring"] >= 2, focused  # a focus ring of at least 2 px, at 3:1
    assert focused["ringContrast"] >= 3, focused
    keyboard.type(spaced_lower(code))
    b.act(lambda: keyboard.press("Enter"))
    b.main.get_by_text(b.pack.ui.saving.resumed).wait_for()
    b.settle()
    assert b.current_step() == bundle.step_ids[0]
    assert field_value(b, "patient_name") == NAME


# --- wrong codes -----------------------------------------------------------------------------------


def test_wrong_codes_are_refused_and_then_limited(
    open_app_at: Callable[..., App], chromium_path: Path, tmp_path: Path, bundle: ContentBundle
) -> None:
    server = Server.launch(
        tmp_path / "server.log",
        DECISION_AID_DATA_DIR=str(tmp_path / "data"),
        DECISION_AID_LOAD_MAX_FAILURES="2",
        DECISION_AID_LOAD_WINDOW_MINUTES="5",
    ).ready()
    try:
        code = open_app_at(server.url).save_for_later()
        b = open_app_at(server.url)
        words = b.pack.ui.saving
        for _ in range(2):
            b.enter_code(format_code(generate_code()))
            assert flat(words.not_found_or_expired) in b.main_text()
        b.enter_code(code)  # now even the right code is refused, from this client
        assert b.current_step() == bundle.step_ids[0]
        assert flat(words.too_many_attempts.split("{minutes}")[0]) in b.main_text()
        assert flat(words.resumed) not in b.main_text()
    finally:
        server.stop()
