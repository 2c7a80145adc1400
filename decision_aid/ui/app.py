"""The app: page table, cached content, settings in the sidebar, and the content error screen.

`run()` is called by streamlit_app.py on every rerun. The content is parsed and validated once per
process (st.cache_resource; it is read-only and holds no patient data).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from ..content import DEFAULT_CONTENT_DIR, load_content
from ..content.schema import ContentBundle
from ..errors import ContentError
from . import state
from .context import Ctx
from .language import set_document_language, start_language
from .pages import page
from .styles import inject_styles
from .widgets import setting_switch

__all__ = ["run"]

CONTENT_DIR_ENV = "DECISION_AID_CONTENT_DIR"

PAGE_ICON = "⚖️"
"""The browser tab's icon: weighing options. An emoji, which Streamlit draws as an inline picture;
a Material icon (":material/...:") would be fetched from Google's servers by every patient's browser,
telling a third party who is using the aid (and failing on a clinic network with no internet)."""

# Shown only when the content itself cannot be read, so it cannot come from the content.
FALLBACK_ERROR = (
    "The decision aid could not start because its content files have errors. Nothing you entered has been lost."
)


@st.cache_resource(show_spinner=False)
def get_content(path: str) -> ContentBundle:
    """The validated content, loaded once per process per folder."""
    return load_content(Path(path))


def _content_dir() -> str:
    return os.environ.get(CONTENT_DIR_ENV) or str(DEFAULT_CONTENT_DIR)


def _error_screen(error: ContentError) -> None:
    st.error(FALLBACK_ERROR)
    st.code("\n".join(str(issue) for issue in error.issues), language=None, wrap_lines=True)


def _sidebar(ctx: Ctx) -> None:
    pack = ctx.pack
    with st.sidebar:
        st.markdown(f"**{pack.ui.nav.settings_heading}**")
        codes = list(ctx.bundle.languages)
        if len(codes) > 1:
            state.sync_widget("settings.language", ctx.language)
            st.selectbox(
                pack.pages.steps.welcome.language_label,
                codes,
                format_func=lambda code: ctx.bundle.languages[code].ui.language_name,
                key="settings.language",
                on_change=lambda: state.set_language(state.setting("settings.language")),
            )
        welcome = pack.pages.steps.welcome
        setting_switch(
            welcome.clinician_mode_label,
            "settings.consultation.sidebar",
            welcome.clinician_mode_help,
            ctx.consultation,
            state.set_consultation_mode,
        )
        words = pack.ui.accessibility
        setting_switch(
            words.larger_text_label,
            "settings.larger_text",
            words.larger_text_help,
            state.larger_text(),
            state.set_larger_text,
        )
        # In the sidebar, where its empty element takes no room.
        words = pack.ui.accessibility
        set_document_language(
            ctx.language,
            pack.ui.fhir.upload_button,
            pack.ui.fhir.upload_note,
            words.help_button,
            words.streamlit_labels,
        )


def _page_function(ctx: Ctx, step_id: str) -> Callable[[], None]:
    def draw() -> None:
        page(ctx, step_id)

    draw.__name__ = step_id
    return draw


def run() -> None:
    """Draw the app for this rerun."""
    inject_styles(larger_text=state.larger_text())
    try:
        bundle = get_content(_content_dir())
    except ContentError as error:
        st.set_page_config(page_title="Decision aid", layout="centered")
        _error_screen(error)
        return
    pack = bundle.text(start_language(bundle.languages, bundle.default_language))
    st.set_page_config(page_title=pack.ui.app_title, page_icon=PAGE_ICON, layout="centered")
    ctx = Ctx(bundle=bundle, pack=pack, consultation=state.consultation_mode())
    steps = bundle.step_ids
    for index, step_id in enumerate(steps):
        title = f"{index + 1}. {getattr(pack.pages.steps, step_id).nav}"
        ctx.pages[step_id] = st.Page(_page_function(ctx, step_id), title=title, url_path=step_id, default=index == 0)
    current = st.navigation(list(ctx.pages.values()), position="sidebar", expanded=True)
    _sidebar(ctx)
    current.run()
