"""The long texts the screen draws as HTML (ui/text.markdown_html): read as Streamlit reads
Markdown, with typed text kept as typed and links that keep the patient's session open."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from decision_aid.ui.text import markdown_html, typed_markdown


def test_tables_bold_lists_and_headings_become_html() -> None:
    shown = markdown_html("## Out of 100 people\n\n| Question | Vertebroplasty |\n|---|---|\n| **Pain?** | less |\n\n- one\n- two")
    assert "<h2>Out of 100 people</h2>" in shown
    assert "<th>Question</th>" in shown
    assert "<td><strong>Pain?</strong></td>" in shown
    assert "<li>one</li>" in shown


def test_the_apps_own_html_wrappers_are_kept_and_the_markdown_inside_them_is_read() -> None:
    shown = markdown_html('<details class="aid-details" open>\n<summary>Cost</summary>\n\n**Kyphoplasty**: more\n\n</details>')
    assert '<details class="aid-details" open>' in shown
    assert "<summary>Cost</summary>" in shown
    assert "<p><strong>Kyphoplasty</strong>: more</p>" in shown


def test_a_web_address_becomes_a_link_that_opens_in_a_new_tab_and_nothing_else_does() -> None:
    shown = markdown_html("AJNR 2014. https://www.ajnr.org/content/35/12/2227 doi:10.1136/bmj.k1551 bmj.com")
    assert (
        '<a href="https://www.ajnr.org/content/35/12/2227" target="_blank" rel="noopener noreferrer">' in shown
    ), "a source's address is a link, and following it does not leave the decision aid"
    assert shown.count("<a ") == 1, "a DOI or a bare name is not a link"


TYPED = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\x00"), max_size=80)


@given(TYPED.map(str.strip))
def test_typed_text_is_shown_exactly_as_typed_and_never_becomes_html_formatting_or_a_link(typed: str) -> None:
    """Any text, stripped as the app stores it: the HTML has no tag but the paragraph and line
    breaks, and reads back as what was typed (line by line). NUL, which no keyboard types, is left
    out: CommonMark replaces it."""
    shown = markdown_html(typed_markdown(typed))
    assert set(re.findall(r"<[^>]*>", shown)) <= {"<p>", "</p>", "<br>"}, "no tag from what was typed"
    read_back = html.unescape(re.sub(r"</?p>", "", shown).strip("\n").replace("<br>", "\n"))
    assert read_back == re.sub(r"\r\n|\r", "\n", typed) if typed else read_back == ""


def test_typed_html_and_markdown_are_shown_as_typed() -> None:
    typed = '</section><img src=x onerror="alert(1)"> **not bold** [a](https://example.org)'
    assert markdown_html(typed_markdown(typed)) == (
        "<p>&lt;/section&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; **not bold** [a](https://example.org)</p>\n"
    )


def test_typed_lines_stay_lines_and_a_blank_or_indented_line_starts_nothing() -> None:
    typed = "Can I drive?\n\n    How long?\n===\n&amp; 1. fine"
    assert markdown_html(typed_markdown(typed)) == (
        "<p>Can I drive?<br><br>    How long?<br>===<br>&amp;amp; 1. fine</p>\n"
    )
