"""The only module that reads or writes st.session_state.

The canonical answers live under one key as a plain dict (question id -> value), written from
widget callbacks. Widgets have their own keys ("q.<id>" or "q.<id>.<code>") and are seeded from
the answers each time they are drawn, because Streamlit forgets a widget's value when the widget
is not on the screen (another step). So going back and forth never loses an answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

__all__ = [
    "answers",
    "clear_widgets",
    "consultation_mode",
    "forget_everything",
    "forget_resume_code",
    "language",
    "language_chosen",
    "larger_text",
    "pending",
    "pop_pending",
    "print_code",
    "remember",
    "remove_answer",
    "replace_answers",
    "resume_code",
    "saved_payload",
    "seed",
    "set_answer",
    "set_consultation_mode",
    "set_language",
    "set_larger_text",
    "set_pending",
    "set_print_code",
    "set_resume_code",
    "set_saved_payload",
    "setting",
    "sync_widget",
    "widget_key",
    "widget_value",
    "write_widget",
]

T = TypeVar("T")

ANSWERS = "answers"
LANGUAGE = "language"
CONSULTATION = "consultation_mode"
LARGER_TEXT = "larger_text"
RESUME_CODE = "resume_code"
SAVED_PAYLOAD = "saved_payload"
PRINT_CODE = "print_code"
PART = "part"
LAST_PART = -1
"""`set_part(step, LAST_PART)`: the step's last part (Back from the step after it)."""


def answers() -> dict[str, Any]:
    """The live answers dict of this session (created empty on first use)."""
    if ANSWERS not in st.session_state:
        st.session_state[ANSWERS] = {}
    value: dict[str, Any] = st.session_state[ANSWERS]
    return value


def set_answer(question_id: str, value: Any) -> None:
    """Record an answer; None (or an empty list or text) means unanswered."""
    if value is None or value == [] or value == "":
        remove_answer(question_id)
    else:
        answers()[question_id] = value


def remove_answer(question_id: str) -> None:
    """Forget an answer."""
    answers().pop(question_id, None)


def widget_key(question_id: str, code: str | None = None) -> str:
    """The widget key for a question, or for one option of a multi-choice question."""
    return f"q.{question_id}" if code is None else f"q.{question_id}.{code}"


def seed(key: str, value: Any) -> None:
    """Give a widget its value from the answers before it is drawn (only if it has none)."""
    if key not in st.session_state:
        st.session_state[key] = value


def widget_value(key: str) -> Any:
    """The current value of a widget (inside its callback)."""
    return st.session_state.get(key)


def write_widget(key: str, value: Any) -> None:
    """Change another widget's value (inside a callback, before the next run draws it)."""
    st.session_state[key] = value


def sync_widget(key: str, value: Any) -> None:
    """Set a settings widget to the session's value before it is drawn (keeps two switches in step)."""
    st.session_state[key] = value


def clear_widgets() -> None:
    """Drop every widget value so that widgets are seeded again from the answers."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith("q.")]:
        del st.session_state[key]


def replace_answers(values: dict[str, Any]) -> None:
    """Replace every answer at once (continuing from a saved file); then call clear_widgets()."""
    st.session_state[ANSWERS] = dict(values)


def set_pending(name: str, value: Any) -> None:
    """Keep a value for a later run of this session (such as where to go after a callback)."""
    st.session_state[f"pending.{name}"] = value


def pending(name: str) -> Any:
    """A value kept by set_pending, or None."""
    return st.session_state.get(f"pending.{name}")


def pop_pending(name: str) -> Any:
    """A value kept by set_pending, forgotten as it is read; None if there is none."""
    return st.session_state.pop(f"pending.{name}", None)


def language(default: str) -> str:
    """The language chosen in this session."""
    value: str = st.session_state.get(LANGUAGE, default)
    return value


def language_chosen() -> bool:
    """True once this session has a language (from the browser, the menu or a resume code)."""
    return LANGUAGE in st.session_state


def set_language(code: str) -> None:
    """Choose the language; answers are kept (they are codes, not words)."""
    st.session_state[LANGUAGE] = code


def consultation_mode() -> bool:
    """True when a clinician is using the aid with the patient."""
    return bool(st.session_state.get(CONSULTATION, False))


def set_consultation_mode(on: bool) -> None:
    """Switch consultation mode on or off."""
    st.session_state[CONSULTATION] = on


def larger_text() -> bool:
    """True when the person asked for larger text (kept for the whole session, on every step)."""
    return bool(st.session_state.get(LARGER_TEXT, False))


def set_larger_text(on: bool) -> None:
    """Switch larger text on or off."""
    st.session_state[LARGER_TEXT] = on


def setting(key: str) -> Any:
    """The value of a settings widget (language menu, consultation switch, larger text)."""
    return st.session_state.get(key)


def resume_code() -> tuple[str, dt.date | None] | None:
    """The resume code of this session (saved or resumed) and when it expires, or None."""
    value: tuple[str, dt.date | None] | None = st.session_state.get(RESUME_CODE)
    return value


def set_resume_code(code: str, expires_on: dt.date | None) -> None:
    """Remember the code this session saves under (later saves keep it)."""
    st.session_state[RESUME_CODE] = (code, expires_on)


def saved_payload() -> dict[str, Any] | None:
    """What was last saved under the resume code (to save again only when something changed)."""
    value: dict[str, Any] | None = st.session_state.get(SAVED_PAYLOAD)
    return value


def set_saved_payload(payload: dict[str, Any]) -> None:
    """Remember what was just saved."""
    st.session_state[SAVED_PAYLOAD] = payload


def print_code() -> bool:
    """True when the person asked for the resume code to be printed on the summary."""
    return bool(st.session_state.get(PRINT_CODE, False))


def set_print_code(on: bool) -> None:
    """Print the resume code on the summary, or not."""
    st.session_state[PRINT_CODE] = on


def forget_resume_code() -> None:
    """Forget the code (its saved session is gone); the answers stay."""
    for key in (RESUME_CODE, SAVED_PAYLOAD, PRINT_CODE):
        st.session_state.pop(key, None)


def forget_everything() -> None:
    """ "Delete my answers": drop the answers, every widget value, the code and what was saved.

    The language and the reading settings stay (they are not answers)."""
    st.session_state[ANSWERS] = {}
    clear_widgets()
    forget_resume_code()


def part(step_id: str, parts: int) -> int:
    """Which part of a step is shown (0-based), within 0 .. parts - 1."""
    chosen = st.session_state.get(f"{PART}.{step_id}", 0)
    index = parts - 1 if chosen == LAST_PART else int(chosen)
    return min(max(index, 0), parts - 1)


def set_part(step_id: str, index: int) -> None:
    """Show part `index` of a step next time it is drawn (LAST_PART for its last)."""
    st.session_state[f"{PART}.{step_id}"] = index


def remember(name: str, key: Any, make: Callable[[], T]) -> T:
    """A value made once for this session and kept while `key` stays equal (the summary's files)."""
    slot = f"remember.{name}"
    kept = st.session_state.get(slot)
    if kept is not None and kept[0] == key:
        value: T = kept[1]
        return value
    value = make()
    st.session_state[slot] = (key, value)
    return value
