"""The language of the session: the browser's preferred language on a first visit, and the page's
`lang` attribute, so that screen readers pronounce the words in the right language."""

from __future__ import annotations

import json
from collections.abc import Iterable

import streamlit as st

from . import state

__all__ = ["preferred_language", "set_document_language", "start_language"]


def preferred_language(available: Iterable[str], locale: str | None, default: str) -> str:
    """The content language matching the browser's locale ("es-MX" -> "es"), else `default`."""
    codes = set(available)
    if isinstance(locale, str) and locale.strip():
        tag = locale.strip().replace("_", "-").lower()
        for candidate in (tag, tag.split("-")[0]):
            if candidate in codes:
                return candidate
    return default


def start_language(available: Iterable[str], default: str) -> str:
    """The session's language; on a first visit, the one the browser prefers (then kept)."""
    if not state.language_chosen():
        state.set_language(preferred_language(available, st.context.locale, default))
    return state.language(default)


def set_document_language(code: str) -> None:
    """Set <html lang> to the chosen language (Streamlit's page always says "en").

    A one-line script in the page itself; `code` is a language code from the validated content."""
    st.html(f"<script>document.documentElement.lang = {json.dumps(code)};</script>", unsafe_allow_javascript=True)
