"""A multi-choice question's tick boxes as one element: a Streamlit component (st.components.v2,
in the page, no iframe) drawing native checkboxes in a fieldset (assets/tick_boxes.js, .css).

Why not one st.checkbox per option: each box and each explanation is an element whose label goes
through Streamlit's Markdown renderer in the browser, so the fracture step's 30 boxes cost about
50 ms per Next more than the same boxes drawn at once (docs/PERFORMANCE.md). Native boxes also
bring the browser's own keyboard and screen-reader behaviour: the question is the fieldset's
legend, each explanation describes its box (aria-describedby).

A change comes back as the trigger "toggled" ({code, ticked}); `on_toggle` gets it and decides
what is kept (the "None of these" rule lives in domain.exclusive_pick); the boxes then show the
answer. Labels are set as text in the browser; explanations are HTML made on the server from the
content (which cannot hold raw HTML), never from what a person typed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import streamlit as st

from . import state

__all__ = ["tick_boxes"]

_ASSETS = Path(__file__).parent / "assets"

_COMPONENT = st.components.v2.component(
    "decision_aid.tick_boxes",
    js=(_ASSETS / "tick_boxes.js").read_text(encoding="utf-8"),
    css=(_ASSETS / "tick_boxes.css").read_text(encoding="utf-8"),
    isolate_styles=False,
)


def tick_boxes(
    key: str,
    legend: str,
    help_html: str,
    options: list[dict[str, str]],
    ticked: list[str],
    on_change: Callable[[list[str]], None],
) -> None:
    """Draw the boxes: `legend` the question, `help_html` a note under it (HTML or ""), `options`
    as {code, label, explain (HTML or "")}, `ticked` the codes shown ticked. `on_change(ticked)`
    runs when the person ticks or unticks a box, with every code ticked then."""
    _COMPONENT(
        key=key,
        data={"id": key, "legend": legend, "help": help_html, "options": options, "ticked": ticked},
        on_toggled_change=partial(_toggled, key, on_change),
    )


def _toggled(key: str, on_change: Callable[[list[str]], None]) -> None:
    result = state.widget_value(key)
    change: Any = result.get("toggled") if result is not None else None
    if isinstance(change, dict) and isinstance(change.get("ticked"), list):
        on_change([str(code) for code in change["ticked"]])
