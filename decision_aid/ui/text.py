"""Small text helpers for the screen: escaping for Streamlit Markdown.

Text a person typed (a name, questions) is shown through `md_escape` so that Markdown characters
are shown as typed and never become links, headings or formatting. Pure.
"""

from __future__ import annotations

import re

__all__ = ["md_escape"]

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def md_escape(text: str) -> str:
    """`text` with every Markdown special character escaped."""
    return _MARKDOWN.sub(r"\\\1", text)
