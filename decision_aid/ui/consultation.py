"""Consultation mode's panel: on every step, what matters for the conversation, and the step's
talking points. The facts come from report.clinician (the same as the PDF's clinician page)."""

from __future__ import annotations

import streamlit as st

from ..report.clinician import build_clinician_facts
from . import state
from .context import Ctx

__all__ = ["render_consultation_panel"]


def render_consultation_panel(ctx: Ctx, step_id: str) -> None:
    """The panel under the progress bar, in consultation mode only (hidden when printing)."""
    if not ctx.consultation:
        return
    words = ctx.pack.ui.clinician
    facts = build_clinician_facts(ctx.bundle, ctx.pack, state.answers())
    with st.container(border=True, key="consultation-panel"):
        st.markdown(f":material/stethoscope: **{words.panel_label}**")
        columns = st.columns(2)
        for index, fact in enumerate(facts):
            with columns[index % 2]:
                value = f":material/warning: **{fact.value}**" if fact.alert else fact.value
                st.markdown(f"**{fact.label}:** {value}")
        points = getattr(ctx.pack.pages.steps, step_id).talking_points
        st.markdown(f"**{words.talking_points}**\n\n" + "\n".join(f"- {ctx.cite(point)}" for point in points))
