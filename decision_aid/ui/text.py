"""Small text helpers for the screen: escaping for Markdown, and Markdown made into HTML.

Text a person typed (a name, questions) is shown through `md_escape` so that Markdown characters
are shown as typed and never become links, headings or formatting.

`markdown_html` turns the long texts the app composes (the comparison, the pictures, the summary)
into HTML on the server, so that the browser shows them as HTML (st.html) instead of running its
Markdown renderer over them on every Next: for the summary that was half of the time from click to
screen (docs/PERFORMANCE.md). It reads Markdown as Streamlit does: CommonMark with tables, web
addresses (http, https) made into links, links opening in a new tab so the patient's
session stays open. HTML in the text is kept (the app's own wrappers: sections, figures,
disclosures); an escaped character stays text, so typed text stays text. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["Html", "content_html", "markdown_html", "md_escape", "typed_markdown"]


class Html:
    """HTML the app made, for st.html to take as it is. Given a str, st.html first dedents it
    (textwrap, by regular expressions over the whole text): 1.3 ms for the 70 KB summary, on every
    run. An object with `_repr_html_` is taken as it is, and leaves a <pre>'s spaces alone."""

    __slots__ = ("html",)

    def __init__(self, html: str) -> None:
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

_RENDERER = MarkdownIt("commonmark", {"html": True, "linkify": True}).enable(["table", "linkify"])
_RENDERER.linkify.set({"fuzzy_link": False, "fuzzy_email": False})  # type: ignore[union-attr]


def _link_in_new_tab(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    tokens[idx].attrSet("target", "_blank")
    tokens[idx].attrSet("rel", "noopener noreferrer")
    return str(self.renderToken(tokens, idx, options, env))


_RENDERER.add_render_rule("link_open", _link_in_new_tab)


def md_escape(text: str) -> str:
    """`text` with every Markdown special character escaped ("&" too, so that "&amp;" typed shows
    as typed; "=" too, so that a line of them never makes the line above a heading)."""
    return _MARKDOWN.sub(r"\\\1", text)


def typed_markdown(text: str) -> str:
    """Text a person typed, for a composed text that allows HTML (markdown_html): every Markdown
    character escaped, and each line break kept as a <br>, so that the text stays on one Markdown
    line: a blank line or an indented line typed can then never start a new block of Markdown."""
    return "<br>".join(md_escape(line) for line in _LINE_BREAK.split(text))


def _render(text: str) -> str:
    return str(_RENDERER.render(text))


@lru_cache(maxsize=256)
def markdown_html(text: str) -> str:
    """`text` (Markdown, HTML allowed) as HTML. The same text gives the same HTML, so it is made once
    per process: about 10 ms for a typical summary, once; the comparison and the pictures are the
    same for everyone in a language. 256 texts (a summary is about 140 KB with its HTML, so at most
    about 36 MB) keep every summary of a busy clinic's open sessions."""
    return _render(text)


@lru_cache(maxsize=2048)
def content_html(text: str) -> str:
    """A short piece of the content's wording (an option's explanation, a question's note) as HTML,
    as markdown_html makes it. Kept in a cache of its own: the few hundred pieces of every language
    are used on every run, and must not push the summaries out of markdown_html's."""
    return _render(text)
