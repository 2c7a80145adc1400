"""The app's CSS: readable sizes, visible focus, and a print layout with no navigation.

Static CSS only (st.html with style tags takes no space on the page); never any patient text.
"""

from __future__ import annotations

import streamlit as st

__all__ = ["inject_styles"]

CSS = """
<style>
/* Comfortable reading for older eyes: bigger base text, generous line height. */
html { font-size: 18px; }
.stMarkdown p, .stMarkdown li { line-height: 1.55; }
/* Question labels as large as the text, and bold, so each question stands out. */
[data-testid="stWidgetLabel"] p { font-size: 1rem; font-weight: 600; }
[data-testid="stRadio"] label p, [data-testid="stCheckbox"] label p { font-size: 1rem; }
[data-testid="stCheckbox"] [data-testid="stWidgetLabel"] p,
[data-testid="stRadio"] [role="radiogroup"] p { font-weight: 400; }
/* Wide steps keep prose to a readable line length; tables may use the full width. */
[data-testid="stMainBlockContainer"] .stMarkdown p { max-width: 52rem; }
/* A focus ring that is always visible for keyboard users. */
:focus-visible { outline: 3px solid #1b3a5c !important; outline-offset: 2px !important; }
/* Tables from the comparison wrap instead of scrolling. */
.stMarkdown table { width: 100%; table-layout: fixed; }
.stMarkdown td, .stMarkdown th { vertical-align: top; overflow-wrap: anywhere; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDecoration"], [data-testid="stStatusWidget"], [data-testid="stBottom"],
  .stButton, .stDownloadButton, [data-testid="stProgress"], [data-testid="stSidebarCollapsedControl"] {
    display: none !important;
  }
  html { font-size: 12pt; }
  .stMarkdown table, .stMarkdown tr, [data-testid="stImage"] { break-inside: avoid; }
  [data-testid="stMainBlockContainer"], .block-container { padding-top: 0 !important; max-width: 100% !important; }
}
</style>
"""


def inject_styles() -> None:
    """Add the CSS to the page."""
    st.html(CSS)
