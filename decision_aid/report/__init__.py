"""The summary and its renderings: screen views, PDF, HTML and plain text. No streamlit."""

from .summary import Summary, build_summary, format_answer
from .text import render_text

__all__ = ["Summary", "build_summary", "format_answer", "render_text"]
