"""Save and continue later, continue with a code, delete my answers: the screen (AppTest), with a
real SQLite database in a temporary folder. Each AppTest is a separate browser session, so
"another computer" is simply a second AppTest. The browser versions (another server, a restart,
PostgreSQL) are in tests/browser/test_save_resume.py; the store itself in tests/storage/."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.storage import SessionStore, generate_code
from decision_aid.ui.session_store import client_id

from .test_app import choose, chosen, next_step, shown, start, tick

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CODE = re.compile(r"^\*\*([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\*\*$")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test saves into its own SQLite file (the store is cached per settings)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("DECISION_AID_DATA_DIR", str(folder))
    monkeypatch.delenv("DECISION_AID_DATABASE_URL", raising=False)
    return folder


session = start
"""A new browser session (another computer, as far as the app can tell)."""


def save(app: AppTest) -> str:
    app.button(key="save.new").click().run()
    assert not app.exception
    codes = [m.group(1) for e in app.markdown if (m := CODE.match(e.value))]
    assert len(codes) == 1, "the code is shown once, in bold"
    return codes[0]


def resume(app: AppTest, code: str) -> None:
    app.text_input(key="resume.code").input(code)
    next(b for b in app.button if b.label == "Bring back my answers").click().run()
    assert not app.exception


def errors(app: AppTest) -> str:
    return " ".join(e.value for e in app.error)


def start_to_treatment(app: AppTest) -> None:
    app.text_input(key="q.patient_name").input("Zoë Łukasz").run()
    next_step(app, "welcome")
    tick(app, "red_flags", "none")
    next_step(app, "safety")
    tick(app, "fracture_causes", "osteoporosis")
    next_step(app, "fracture")
    app.number_input(key="q.conservative_care_weeks").set_value(2).run()
    choose(app, "pain_now", 7)


def test_saved_answers_come_back_on_another_computer_on_the_step_reached() -> None:
    tablet = session()
    start_to_treatment(tablet)
    code = save(tablet)
    assert "kept until" in shown(tablet.markdown)

    clinic = session()
    resume(clinic, code.lower().replace("-", " "))  # typed loosely: case, spaces and dashes do not matter
    assert clinic.title[0].value == "Your treatment so far"
    assert "Your saved answers are back" in " ".join(s.value for s in clinic.success)
    assert clinic.number_input(key="q.conservative_care_weeks").value == 2
    assert chosen(clinic, "pain_now") == 7
    assert clinic.session_state["answers"] == {
        "patient_name": "Zoë Łukasz",
        "red_flags": ["none"],
        "fracture_causes": ["osteoporosis"],
        "conservative_care_weeks": 2,
        "pain_now": 7,
    }
    assert code in shown(clinic.markdown), "the resumed session keeps saving under the same code"


def test_changes_after_saving_are_saved_as_you_go() -> None:
    tablet = session()
    start_to_treatment(tablet)
    code = save(tablet)
    choose(tablet, "pain_now", 3)
    tick(tablet, "failure_risk_factors", "none")
    next_step(tablet, "treatment")

    clinic = session()
    resume(clinic, code)
    assert clinic.title[0].value == "Compare your choices"
    assert clinic.session_state["answers"]["pain_now"] == 3
    assert clinic.session_state["answers"]["failure_risk_factors"] == ["none"]


def test_language_consultation_mode_and_larger_text_travel_with_the_code() -> None:
    tablet = session()
    tablet.sidebar.selectbox(key="settings.language").set_value("es").run()
    tablet.toggle(key="settings.consultation.welcome").set_value(True).run()
    tablet.sidebar.toggle(key="settings.larger_text").set_value(True).run()
    code = save(tablet)

    clinic = session()
    resume(clinic, code)
    assert clinic.session_state["language"] == "es"
    assert "Para el médico" in shown(clinic.markdown), "the consultation panel, in Spanish"
    assert clinic.session_state["larger_text"] is True


def test_a_wrong_code_gets_one_neutral_message_and_changes_nothing() -> None:
    app = session()
    app.text_input(key="q.patient_name").input("Ana").run()
    resume(app, generate_code())
    assert "No saved answers were found for this code" in errors(app)
    assert app.title[0].value.startswith("Choosing a treatment")
    assert app.session_state["answers"] == {"patient_name": "Ana"}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Please type your code."),
        ("ABCD-EFGH", "It has four groups of four letters and numbers"),
        ("ABCD-EFGH-JKMN-PQR!", "It has four groups of four letters and numbers"),
    ],
)
def test_a_malformed_code_asks_to_check_it(typed: str, message: str) -> None:
    app = session()
    resume(app, typed)
    assert message in errors(app)


def test_a_mistyped_character_is_caught_by_the_check_character() -> None:
    tablet = session()
    code = save(tablet)
    first = code[0]
    wrong = "1" if first != "1" else "2"
    app = session()
    resume(app, wrong + code[1:])
    assert "One letter or number seems to be wrong" in errors(app)


def test_fifty_wrong_guesses_hit_the_limit_and_the_limit_holds_even_for_the_right_code() -> None:
    tablet = session()
    tablet.text_input(key="q.patient_name").input("Ana").run()
    code = save(tablet)
    guesser = session()
    messages = []
    for _ in range(50):
        resume(guesser, generate_code())
        messages.append(errors(guesser))
    not_found = [m for m in messages if "No saved answers were found" in m]
    limited = [m for m in messages if "too many tries with a wrong code" in m]
    assert len(not_found) == 10, "the default limit is 10 wrong codes per client in 15 minutes"
    assert len(limited) == 40
    assert re.search(r"Please wait \d+ minutes", limited[-1])
    resume(guesser, code)
    assert "too many tries" in errors(guesser)
    assert guesser.session_state["answers"] == {}


def test_delete_my_answers_clears_the_screen_and_the_code_stops_working() -> None:
    tablet = session()
    start_to_treatment(tablet)
    code = save(tablet)
    tablet.button(key="delete.ask").click().run()
    assert "This cannot be undone" in " ".join(w.value for w in tablet.warning)
    tablet.button(key="delete.yes").click().run()
    assert not tablet.exception
    assert tablet.title[0].value.startswith("Choosing a treatment"), "back to the welcome step"
    assert "Your answers have been deleted" in " ".join(s.value for s in tablet.success)
    assert tablet.session_state["answers"] == {}
    assert tablet.text_input(key="q.patient_name").value == ""

    clinic = session()
    resume(clinic, code)
    assert "No saved answers were found" in errors(clinic)


def test_delete_can_be_cancelled() -> None:
    app = session()
    app.text_input(key="q.patient_name").input("Ana").run()
    app.button(key="delete.ask").click().run()
    app.button(key="delete.no").click().run()
    assert app.session_state["answers"] == {"patient_name": "Ana"}
    assert app.button(key="delete.ask")


def test_answers_that_no_longer_fit_the_questions_are_named_and_the_rest_come_back(data_dir: Path) -> None:
    store = SessionStore.for_url(data_dir=data_dir)
    saved = store.save(
        {
            "answers": {"patient_name": "Ana", "pain_now": 42, "retired_question": "yes", "red_flags": ["none"]},
            "language": "en",
            "step": "treatment",
        }
    )
    app = session()
    resume(app, saved.code)
    assert app.session_state["answers"] == {"patient_name": "Ana", "red_flags": ["none"]}
    warning = shown(app.warning)
    assert "could not be used" in warning
    assert "How bad is your back pain right now?" in warning
    assert "retired_question" in warning


def test_a_damaged_saved_row_is_refused_with_a_clear_message(data_dir: Path) -> None:
    tablet = session()
    tablet.text_input(key="q.patient_name").input("Ana").run()
    code = save(tablet)
    with sqlite3.connect(data_dir / "decision_aid.sqlite3") as db:
        (ciphertext,) = db.execute("SELECT ciphertext FROM saved_sessions").fetchone()
        flipped = bytes([ciphertext[0] ^ 1]) + bytes(ciphertext[1:])
        db.execute("UPDATE saved_sessions SET ciphertext = ?", (flipped,))
    clinic = session()
    clinic.text_input(key="q.patient_name").input("Ben").run()
    resume(clinic, code)
    assert "damaged and cannot be opened" in errors(clinic)
    assert clinic.session_state["answers"] == {"patient_name": "Ben"}


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DECISION_AID_DATABASE_URL", "postgresql://nobody@127.0.0.1:9/none?connect_timeout=2"),
        ("DECISION_AID_SAVE_DAYS", "0"),
    ],
    ids=["database-down", "bad-setting"],
)
def test_when_saving_cannot_work_the_answers_stay_and_the_person_is_told(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    app = session()
    app.text_input(key="q.patient_name").input("Ana").run()
    app.button(key="save.new").click().run()
    assert not app.exception
    assert "Saving is not working right now" in " ".join(w.value for w in app.warning)
    assert app.session_state["answers"] == {"patient_name": "Ana"}
    resume(app, generate_code())
    assert "Saving is not working right now" in errors(app)


def test_the_database_file_holds_no_readable_answer(data_dir: Path) -> None:
    tablet = session()
    start_to_treatment(tablet)
    code = save(tablet)
    raw = b"".join(p.read_bytes() for p in data_dir.iterdir() if p.is_file())
    for secret in ("Zoë Łukasz", "Łukasz", "osteoporosis", "conservative_care_weeks", "pain_now", code):
        assert secret.encode("utf-8") not in raw, secret
    assert "Zoë".encode("utf-16-le") not in raw


def test_the_code_can_be_printed_on_the_summary_when_asked() -> None:
    app = session()
    code = save(app)
    for step in ("welcome", "safety", "fracture", "treatment", "compare", "values", "knowledge", "leaning"):
        next_step(app, step)
    summary_text = shown(app.markdown)
    assert f"Code to continue later: {code}" not in summary_text, "not printed unless asked"
    app.toggle(key="settings.print_code").set_value(True).run()
    assert f"Code to continue later: {code}" in shown(app.markdown)


@pytest.mark.parametrize(
    ("ip", "expected"),
    [("203.0.113.7", "203.0.113.7"), ("2001:db8::1", "2001:db8::1"), (None, "local"), ("", "local"), (" ", "local")],
)
def test_the_rate_limit_client_is_the_connection_address(ip: str | None, expected: str) -> None:
    assert client_id(ip) == expected


def test_a_change_on_another_computer_after_delete_does_not_bring_the_answers_back() -> None:
    tablet = session()
    tablet.text_input(key="q.patient_name").input("Ana").run()
    code = save(tablet)
    clinic = session()
    resume(clinic, code)
    clinic.button(key="delete.ask").click().run()
    clinic.button(key="delete.yes").click().run()

    tablet.text_input(key="q.patient_name").input("Ana B").run()  # the tablet still had the code
    assert "no longer saved under your code" in " ".join(w.value for w in tablet.warning)
    assert code not in shown(tablet.markdown), "the code is forgotten; a new one can be made"
    assert tablet.button(key="save.new")
    assert tablet.session_state["answers"] == {"patient_name": "Ana B"}, "nothing on the screen is lost"
    later = session()
    resume(later, code)
    assert "No saved answers were found" in errors(later)
