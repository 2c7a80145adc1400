"""A question's options as one element: a Streamlit component (st.components.v2, drawn in the
page, no iframe) with native tick boxes (multi-choice) or radio buttons (single choice, yes/no,
a scale) in a fieldset (assets/option_lists.js, .css).

Why not Streamlit's st.checkbox and st.radio: each box, each radio button's words and each
explanation go through Streamlit's Markdown renderer in the browser, one element or label at a
time, so the fracture step's 30 boxes cost about 50 ms per Next more than the same boxes drawn at
once, and the values step's 35 radio buttons most of its time (docs/PERFORMANCE.md). Native inputs
also bring the browser's own keyboard and screen-reader behaviour: the question is the fieldset's
legend, the question's note and each explanation describe what they belong to (aria-describedby).

A change comes back as the trigger "toggled" ({chosen: every code chosen then}); `on_change`
gets it and decides what is kept (the "None of these" rule lives in domain.exclusive_pick); the
inputs then show the answer. Labels are set as text in the browser; the note and explanations
are HTML made on the server from the content (which cannot hold raw HTML), never typed text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Literal

import streamlit as st

from . import state

__all__ = ["option_list", "sent"]

_ASSETS = Path(__file__).parent / "assets"

_COMPONENT = st.components.v2.component(
    "decision_aid.option_list",
    js=(_ASSETS / "option_lists.js").read_text(encoding="utf-8"),
    css=(_ASSETS / "option_lists.css").read_text(encoding="utf-8"),
    isolate_styles=False,
)


def option_list(
    key: str,
    kind: Literal["checkbox", "radio"],
    legend: str,
    help_html: str,
    options: list[dict[str, str]],
    chosen: list[str],
    on_change: Callable[[list[str]], object],
    horizontal: bool = False,
) -> None:
    """Draw the options: `legend` the question, `help_html` a note under it (HTML or ""),
    `options` as {code, label, explain (HTML or "")}, `chosen` the codes shown chosen,
    `horizontal` side by side (a scale). `on_change(chosen)` runs when the person changes a
    choice, with every code chosen then."""
    shown = {
        "id": key,
        "kind": kind,
        "horizontal": horizontal,
        "legend": legend,
        "help": help_html,
        "options": options,
        "chosen": chosen,
    }
    _COMPONENT(
        key=key,
        # In a list of one: Streamlit checks each value of a dict it is given for a dataframe
        # (to send as Arrow), which was a fifth of the values step's run; a list goes as JSON.
        data=[shown],
        on_toggled_change=partial(_toggled, key, on_change),
    )


def sent(element_json: str) -> dict[str, Any]:
    """What an option list's element carries (its proto's JSON): the dict `option_list` builds."""
    (shown,) = json.loads(element_json)
    return shown  # type: ignore[no-any-return]


def _toggled(key: str, on_change: Callable[[list[str]], object]) -> None:
    result = state.widget_value(key)
    change: Any = result.get("toggled") if result is not None else None
    if isinstance(change, dict) and isinstance(change.get("chosen"), list):
        on_change([str(code) for code in change["chosen"]])
