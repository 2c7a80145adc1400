"""The only module that reads or writes st.session_state.

The canonical answers live under one key as a plain dict (question id -> value), written from
widget callbacks. Widgets have their own keys ("q.<id>" or "q.<id>.<code>") and are seeded from
the answers each time they are drawn, because Streamlit forgets a widget's value when the widget
is not on the screen (another step). So going back and forth never loses an answer.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

__all__ = [
    "answers",
    "clear_widgets",
    "consultation_mode",
    "language",
    "larger_text",
    "pending",
    "pop_pending",
    "remove_answer",
    "replace_answers",
    "seed",
    "set_answer",
    "set_consultation_mode",
    "set_language",
    "set_larger_text",
    "set_pending",
    "setting",
    "sync_widget",
    "widget_key",
    "widget_value",
    "write_widget",
]

ANSWERS = "answers"
LANGUAGE = "language"
CONSULTATION = "consultation_mode"
LARGER_TEXT = "larger_text"


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
