"""The language of the session: the browser's preferred language on a first visit; the page's
`lang` attribute, so that screen readers pronounce the words in the right language; and the words
Streamlit writes itself in the file-upload box."""

from __future__ import annotations

import json
from collections.abc import Iterable

import streamlit as st

from . import state

__all__ = ["document_script", "preferred_language", "set_document_language", "start_language"]


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


def _js(value: object) -> str:
    """A JavaScript literal (string or object) that cannot end the <script> element it is in."""
    return json.dumps(value).replace("<", "\\u003c")


def document_script(
    code: str,
    upload_button: str,
    upload_note: str,
    help_button: str = "Help for {label}",
    labels: dict[str, str] | None = None,
) -> str:
    """The script that sets <html lang> (Streamlit's page always says "en") and puts the content's
    words in Streamlit's file-upload box, whose button says "Upload" and whose note says
    "200MB per file" in every language, with no setting to change them; likewise the accessible
    names Streamlit gives the question-mark help buttons ("Help for <label>", `help_button` with
    {label}), the hidden file input ("file upload") and the rest of Streamlit's own accessible names
    (`labels`: "Collapse sidebar", "Main menu"...). The box is redrawn by
    Streamlit at times, so a MutationObserver puts the words back (an attribute is only written
    when it changes: writing it, even unchanged, would wake the observer again, for ever). All
    values are JSON-encoded, with "<" escaped."""
    return f"""<script>
(() => {{
  document.documentElement.lang = {_js(code)};
  const button = {_js(upload_button)}, note = {_js(upload_note)}, help = {_js(help_button)};
  const labels = {_js(labels or {})};
  const apply = () => {{
    const box = '[data-testid="stFileUploaderDropzone"]';
    document.querySelectorAll(box + ' button [data-testid="stMarkdownContainer"] p').forEach(p => {{
      if (p.textContent !== button) p.textContent = button;
    }});
    document.querySelectorAll('[data-testid="stFileUploaderDropzoneInstructions"] span').forEach(s => {{
      if (s.textContent !== note) s.textContent = note;
    }});
    document.querySelectorAll('[data-testid="stFileUploaderDropzoneInput"]').forEach(i => {{
      if (i.getAttribute('aria-label') !== button) i.setAttribute('aria-label', button);
    }});
    document.querySelectorAll('[aria-label]').forEach(e => {{
      const said = labels[e.getAttribute('aria-label')];
      if (said !== undefined && said !== e.getAttribute('aria-label')) e.setAttribute('aria-label', said);
    }});
    document.querySelectorAll('[data-testid="stTooltipHoverTarget"] button[aria-label^="Help for "]').forEach(b => {{
      const said = help.replace('{{label}}', b.getAttribute('aria-label').slice(9));
      if (said !== b.getAttribute('aria-label')) b.setAttribute('aria-label', said);
    }});
  }};
  if (window.__decisionAidWords) window.__decisionAidWords.disconnect();
  window.__decisionAidWords = new MutationObserver(apply);
  window.__decisionAidWords.observe(document.body, {{
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label'],
  }});
  apply();
}})();
</script>"""


def set_document_language(
    code: str, upload_button: str, upload_note: str, help_button: str, labels: dict[str, str]
) -> None:
    """Run document_script in the page (a script with no visible element)."""
    st.html(document_script(code, upload_button, upload_note, help_button, labels), unsafe_allow_javascript=True)
