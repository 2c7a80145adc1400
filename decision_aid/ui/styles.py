"""The app's CSS: readable sizes, visible focus, controls that stand out, larger text on request,
and a compact print layout with no navigation.

Static CSS only (st.html with style tags takes no space on the page); never any patient text.
Streamlit gives no theme setting for most of this, so the rules select Streamlit's own
data-testid attributes and the `st-key-<key>` classes of keyed containers (components.py).
docs/ACCESSIBILITY.md lists what each rule fixes and the browser tests that check it.
"""

from __future__ import annotations

import streamlit as st

from .text import Html

__all__ = ["BASE_FONT_PX", "LARGER_TEXT_SCALE", "inject_styles"]

BASE_FONT_PX = 18
"""The root font size; every size in the app is in rem, so it scales all text."""

LARGER_TEXT_SCALE = 1.25
""""Larger text" makes the root font, and so all text, 25% bigger on screen (print is unchanged)."""

INK = "#1b3a5c"
"""The theme's primary colour: 11.6:1 on white."""

CONTROL_EDGE = "#5c6878"
"""Edges of boxes, radio circles, switches and text fields: 5.7:1 on white and 5.0:1 on the pale
field and sidebar colour (#eef2f6), above the 3:1 that non-text contrast (WCAG 1.4.11) asks."""

SCREEN_CSS = f"""
/* Comfortable reading for older eyes: bigger base text, generous line height. */
html {{ font-size: {BASE_FONT_PX}px; }}
:is(.stMarkdown, .aid-text) :is(p, li) {{ line-height: 1.55; }}
/* Question labels as large as the text, and bold, so each question stands out. */
[data-testid="stWidgetLabel"] p {{ font-size: 1rem; font-weight: 600; }}
[data-testid="stCheckbox"] label p {{ font-size: 1rem; }}
[data-testid="stCheckbox"] [data-testid="stWidgetLabel"] p {{ font-weight: 400; }}
/* Tick boxes and radio buttons are drawn by ui/option_lists.py (its CSS: ui/assets/option_lists.css). */
/* Step names in the sidebar and the words on buttons wrap rather than being cut short with "..."
   (with larger text or zoom). */
[data-testid="stSidebarNavLink"] {{ height: auto !important; min-height: 2rem; }}
[data-testid="stSidebarNavLink"] :is(span, div, p), [data-testid^="stBaseButton"] :is(div, p) {{
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}}
[data-testid^="stBaseButton"] {{ height: auto !important; }}
/* Wide steps keep prose to a readable line length; tables may use the full width. */
[data-testid="stMainBlockContainer"] :is(.stMarkdown, .aid-text) p {{ max-width: 52rem; }}

/* Focus: a strong ring, always visible. Boxes, radio buttons and switches hide the real input,
   so the ring goes round the whole option (its words included). */
:focus-visible {{ outline: 3px solid {INK} !important; outline-offset: 2px !important; }}
label:has(input:focus-visible) {{ outline: 3px solid {INK}; outline-offset: 2px; border-radius: 4px; }}
/* Heading anchor links are invisible until hovered, so a keyboard user would land on nothing:
   they are of no use here, and are removed. */
[data-testid="stHeaderActionElements"] {{ display: none !important; }}
/* The "out of 100 people" pictures of one array side by side, each with its caption under it;
   under each other when the screen is too narrow for two (components.icon_array_markdown). */
.icon-row {{ display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; margin-bottom: 0.5rem; }}
.icon-row figure {{ flex: 1 1 14rem; margin: 0; }}
.icon-row img {{ display: block; max-width: 100%; height: auto; }}
.icon-row figcaption {{ margin-top: 0.75rem; line-height: 1.55; }}
/* The comparison's details per row (components.render_comparison), drawn like Streamlit's expanders. */
.aid-details {{ border: 1px solid rgba(17, 17, 17, 0.2); border-radius: 0.5rem; margin-bottom: 0.75rem; }}
.aid-details > summary {{ padding: 0.25rem 0.75rem; line-height: 1.6; cursor: pointer; }}
.aid-details[open] > summary {{ margin-bottom: 0.5rem; }}
.aid-details > :not(summary) {{ padding: 0 1rem; }}
/* Small print inside a text (a legend, a time frame, a picture's words), the size of Streamlit's captions. */
.aid-text .aid-caption {{ font-size: 0.875rem; }}
.aid-figure {{ margin: 0 0 1rem 0; }}
.aid-figure img {{ display: block; max-width: 100%; height: auto; }}
.aid-figure figcaption {{ margin-top: 0.5rem; }}
/* Image toolbars (full screen) are shown whenever one of their buttons has the focus. */
[data-testid="stElementToolbar"]:focus-within {{ opacity: 1 !important; }}

/* Controls that stand out from the page (non-text contrast of at least 3:1). */
[data-testid="stCheckbox"] label:has(input[role="switch"]) > div:first-of-type {{
  border: 2px solid {CONTROL_EDGE}; box-sizing: content-box;
}}
[data-testid="stCheckbox"] label:has(input[role="switch"]:not(:checked)) > div:first-of-type {{
  background-color: #ffffff !important;
}}
[data-testid="stCheckbox"] label:has(input[role="switch"]:not(:checked)) > div:first-of-type > div {{
  background-color: {CONTROL_EDGE} !important;
}}
[data-testid="stTextInputRootElement"], [data-testid="stNumberInputContainer"],
[data-testid="stTextAreaRootElement"] {{
  border-color: {CONTROL_EDGE} !important;
}}

/* Streamlit's own hints under a focused text box ("Press Enter to apply") are in English only, and
   every box here has a button or moves on with Tab; they are hidden so that no language meets them. */
[data-testid="InputInstructions"] {{ display: none !important; }}

/* A resume code, large and spaced so that it is easy to read aloud and copy down. */
.st-key-resume-code-shown p {{
  font-size: 1.6rem; letter-spacing: 0.12em; font-family: "Source Code Pro", ui-monospace, monospace;
}}

/* The summary's compact source list is for paper only (components.summary_markdown). */
@media screen {{ .summary-sources_compact {{ display: none !important; }} }}

/* Tables from the comparison wrap instead of scrolling. */
:is(.stMarkdown, .aid-text) table {{ width: 100%; table-layout: fixed; }}
:is(.stMarkdown, .aid-text) :is(td, th) {{ vertical-align: top; overflow-wrap: anywhere; }}

/* The long texts drawn as HTML (components.show_text) look like Streamlit's Markdown. */
.aid-text h2 {{ font-size: 2.25rem; font-weight: 600; line-height: 1.2; letter-spacing: -0.005em;
  margin: 0; padding: 1rem 0; }}
.aid-text h3 {{ font-size: 1.75rem; font-weight: 600; line-height: 1.2; letter-spacing: -0.005em;
  margin: 0; padding: 0.75rem 0 1rem 0; }}
.aid-text :is(p, ul, ol, table) {{ margin: 0 0 1rem 0; }}
.aid-text :is(ul, ol) {{ padding-left: 0; }}
.aid-text li {{ margin: 0.2rem 0 0.2rem 1.15rem; padding-left: 0.3rem; }}
.aid-text strong {{ font-weight: 600; }}
.aid-text table {{ border-collapse: collapse; }}
.aid-text :is(td, th) {{ padding: 0.375rem 0.75rem; border: 1px solid rgba(17, 17, 17, 0.1); text-align: left; }}
.aid-text th {{ font-weight: 700; }}
.aid-text tr {{ border-top: 1px solid rgba(17, 17, 17, 0.1); }}
.aid-text > :last-child {{ margin-bottom: 0; }}
"""

PRINT_CSS = """
@media print {
  @page { margin: 10mm 11mm 12mm 11mm; }
  /* No navigation, settings, buttons or progress on paper. */
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDecoration"], [data-testid="stStatusWidget"], [data-testid="stBottom"],
  [data-testid="stSidebarCollapsedControl"], [data-testid="stProgress"], [data-testid="stElementToolbar"],
  .stButton, .stDownloadButton, [data-testid="stExpander"], [data-testid="stSkipLink"], hr,
  .st-key-save-panel, .st-key-consultation-panel, [data-testid="stForm"], .st-key-settings-print_code {
    display: none !important;
  }
  /* The page scrolls inside the main area on screen; on paper it must flow from page to page. */
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    height: auto !important; overflow: visible !important; position: static !important;
  }
  [data-testid="stMainBlockContainer"], .block-container {
    padding: 0 !important; max-width: 100% !important;
  }
  /* Compact, still readable type. */
  html { font-size: 9pt; }
  [data-testid="stMainBlockContainer"] :is(.stMarkdown, .aid-text) p { max-width: none; }
  :is(.stMarkdown, .aid-text) :is(p, li) { line-height: 1.3; margin-bottom: 0.2rem; }
  h1 { font-size: 15pt !important; padding: 0 0 0.2rem 0 !important; }
  h2 { font-size: 11pt !important; padding: 0.4rem 0 0 0 !important; }
  h3 { font-size: 10pt !important; padding: 0.3rem 0 0.1rem 0 !important; }
  h1, h2, h3 { break-after: avoid; }
  [data-testid="stVerticalBlock"] { gap: 0.2rem !important; }
  [data-testid="stCaptionContainer"] { font-size: 7.5pt !important; }
  [data-testid="stAlert"] > div { padding: 0.4rem 0.6rem !important; }
  :is(.stMarkdown, .aid-text) table { font-size: 7.5pt; }
  :is(.stMarkdown, .aid-text) :is(td, th) { padding: 0.15rem 0.3rem !important; line-height: 1.25; }
  :is(.stMarkdown, .aid-text) tr, [data-testid="stImage"], [data-testid="stAlert"] { break-inside: avoid; }
  img { max-height: 20mm; max-width: 100%; width: auto !important; }
  :is(.stMarkdown, .aid-text) table th:first-child { width: 17%; }
  /* The summary's sections (components.render_summary): lists in two columns. */
  .summary-answers { column-count: 2; column-gap: 6mm; }
  .summary-answers h2 { column-span: all; }
  .summary-answers li { break-inside: avoid; }
  .summary-questions ul, .summary-leaning ul { column-count: 2; column-gap: 6mm; }
  /* Sources: the compact list, in three columns. */
  .summary-sources_full { display: none !important; }
  .summary-sources_compact ul { column-count: 3; column-gap: 4mm; }
  .summary-sources_compact li { font-size: 7pt; line-height: 1.2; margin-bottom: 0.05rem; break-inside: avoid; }
  /* The "out of 100 people" pictures three to a row, each one small. */
  .summary-icon_arrays .icon-arrays { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2mm 5mm; }
  .summary-icon_arrays .icon-arrays > :not(.icon-array) { grid-column: 1 / -1; }
  .icon-array { break-inside: avoid; }
  .icon-array :is(p, figcaption) { font-size: 7.5pt; line-height: 1.2; margin-bottom: 0.2rem; }
  .icon-row { gap: 2mm !important; flex-wrap: nowrap !important; }
  .icon-row figure { flex: 1 1 0 !important; min-width: 0 !important; }
  .icon-array img { max-height: 20mm; }
}
"""

CSS = f"<style>{SCREEN_CSS}{PRINT_CSS}</style>"

LARGER_TEXT_CSS = f"<style>@media screen {{ html {{ font-size: {BASE_FONT_PX * LARGER_TEXT_SCALE:g}px; }} }}</style>"


def inject_styles(larger_text: bool = False) -> None:
    """Add the CSS to the page, with the larger-text rule when the person chose it."""
    st.html(Html(CSS + LARGER_TEXT_CSS if larger_text else CSS))
