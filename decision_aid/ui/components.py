"""Screen renderers for the report views: guidance, comparison, icon arrays, priorities, summary.

They draw the same view objects the PDF prints (report/views.py), so screen and paper agree.
Text a person typed goes through md_escape. Pictures are images with a text alternative. The long
texts composed here are drawn as HTML made on the server (show_text), not as Streamlit Markdown.
"""

from __future__ import annotations

from html import escape

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ..report.figures import icon_array_data_uri, timeline_data_uri
from ..report.summary import Summary
from ..report.views import ComparisonView, GuidanceView, IconArrayView, PriorityView
from .context import Ctx
from .text import Html, markdown_html, md_escape, typed_markdown

__all__ = [
    "icon_arrays_markdown",
    "render_comparison",
    "render_guidance",
    "render_icon_arrays",
    "render_priorities",
    "render_summary",
    "show_text",
]

STATUS_BOX = {
    "urgent_review": st.error,
    "early_discussion": st.warning,
    "continue_non_surgical": st.info,
    "trial_complete": st.info,
    "incomplete": st.warning,
}


def show_text(text: str) -> None:
    """A composed text (Markdown, HTML allowed) drawn as HTML made on the server (text.markdown_html):
    the browser then only inserts it, instead of running its Markdown renderer over it on every
    Next, which for a long text cost as much as the rest of the step (docs/PERFORMANCE.md). The
    wrapper's class gives it the look of Streamlit's Markdown (styles.py)."""
    st.html(Html(f'<div class="aid-text">{markdown_html(text)}</div>'))


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def render_guidance(view: GuidanceView) -> None:
    """The status box, then one text: the notes, the timeline picture with its words under it (also
    its alt text), and the honest note about trial lengths. One text rather than six elements (a
    step's time follows its number of elements, docs/PERFORMANCE.md); the words that are in HTML
    are escaped."""
    STATUS_BOX[view.status](f"**{view.title}**\n\n{view.body}")
    alt = escape(view.timeline.alt)
    figure = (
        f'<figure class="aid-figure"><img src="{timeline_data_uri(view.timeline)}" alt="{alt}"/>'
        f'<figcaption class="aid-caption">{alt}</figcaption></figure>'
    )
    show_text(
        "\n\n".join(
            (
                *(f"**{line}**" for line in (*view.notes, view.timeline.heading)),
                figure,
                view.not_advice,
                f'<p class="aid-caption">{escape(view.sources_differ)}</p>',
            )
        )
    )


def _grid(view: ComparisonView) -> str:
    """The comparison grid as a Markdown table: question rows, option columns, certainty per cell."""
    header = f"| {view.question_column} | " + " | ".join(view.option_names) + " |"
    lines = [header, "|" + "---|" * (len(view.option_names) + 1)]
    for row in view.rows:
        cells = " | ".join(
            _cell(cell.text) + (f" *({cell.certainty_note})*" if cell.certainty_note else "") for cell in row.cells
        )
        lines.append(f"| **{_cell(row.question)}** | {cells} |")
    return "\n".join(lines)


def render_comparison(ctx: Ctx, view: ComparisonView) -> None:
    """The grid (question rows, option columns) with certainty per cell, then details per row:
    each row a disclosure (<details>, open in consultation mode) holding what each option means
    for that question, with its certainty.

    All of it is one text (HTML allowed for the disclosures; the row names, from the content,
    HTML-escaped): one element instead of an expander and a text per row, since a step's
    time follows its number of elements (docs/PERFORMANCE.md)."""
    opened = " open" if ctx.consultation else ""
    rows = "\n\n".join(
        f'<details class="aid-details"{opened}>\n<summary>{escape(row.question)}</summary>\n\n'
        + "\n\n".join(
            f"**{name}**: {cell.detail}"
            + (
                f'  \n<span class="aid-caption">{view.certainty_heading} {cell.certainty}</span>'
                if cell.certainty_note
                else ""
            )
            for name, cell in zip(view.option_names, row.cells, strict=True)
        )
        + "\n\n</details>"
        for row in view.rows
    )
    show_text(f"{_grid(view)}\n\n## {view.more_detail}\n\n{rows}")


def icon_arrays_markdown(arrays: tuple[IconArrayView, ...], heading: str, legend: str, level: int = 2) -> str:
    """The 'out of 100 people' pictures as one Markdown text (HTML allowed): the heading and the
    legend, then each array with its title and source, its pictures side by side (each a figure:
    the picture, whose alt text is its caption, and the caption under it) and its time frame.

    One element for all the arrays instead of a container, columns, a picture and a text for each
    group: they were half of the summary's elements, and a step's time follows its number of
    elements (docs/PERFORMANCE.md). Words from the content are HTML-escaped where they are in HTML;
    the figures wrap under each other on a narrow screen (styles.py)."""
    parts = [f'<section class="icon-arrays">\n\n{"#" * level} {heading}\n\n<p class="aid-caption">{escape(legend)}</p>']
    for array in arrays:
        figures = "".join(
            f'<figure><img src="{icon_array_data_uri(group.count, group.caption)}" alt="{escape(group.caption)}"/>'
            f"<figcaption>{escape(group.caption)}</figcaption></figure>"
            for group in array.groups
        )
        parts.append(
            f'<div class="icon-array">\n\n**{array.title}** {array.source}\n\n<div class="icon-row">{figures}</div>'
            f'\n\n<p class="aid-caption">{escape(array.timeframe)}</p>\n\n</div>'
        )
    return "\n\n".join([*parts, "</section>"])


def render_icon_arrays(arrays: tuple[IconArrayView, ...], heading: str, legend: str, level: int = 2) -> None:
    """Each 'out of 100 people' picture with its caption; the caption is also the image's alt text.
    `level` is the heading level (2 on the compare step, 3 inside the summary's comparison)."""
    show_text(icon_arrays_markdown(arrays, heading, legend, level))


def render_priorities(
    view: tuple[PriorityView, ...], option_names: tuple[str, ...], note: str, first_column: str
) -> None:
    """The top priorities next to what each option offers; never a winner. Every column has a
    header (`first_column` heads the priorities), so a screen reader can name each cell."""
    st.markdown(priorities_markdown(view, option_names, note, first_column))


def priorities_markdown(
    view: tuple[PriorityView, ...], option_names: tuple[str, ...], note: str, first_column: str
) -> str:
    """`render_priorities`' table and note as one Markdown text."""
    lines = []
    if view:
        lines.append(f"| {_cell(first_column)} | " + " | ".join(option_names) + " |")
        lines.append("|" + "---|" * (len(option_names) + 1))
        for p in view:
            lines.append(f"| **{_cell(p.label)}** ({p.rating}) | " + " | ".join(_cell(o) for o in p.offers) + " |")
        lines.append("")
    return "\n".join([*lines, note])


def _section(key: str, heading: str) -> DeltaGenerator:
    """A summary section: a keyed container (for the print layout) that starts with its heading."""
    box = st.container(key=f"summary.{key}")
    box.header(heading)
    return box


def _part(name: str, heading: str, body: str) -> str:
    """A summary section in the summary's text: a <section class="summary-<name>"> (for the print
    layout, styles.py) holding its heading and its Markdown, blank lines around so that the Markdown
    inside is read as Markdown."""
    return f'<section class="summary-{name}">\n\n## {heading}\n\n{body}\n\n</section>'


def summary_markdown(ctx: Ctx, s: Summary) -> str:
    """Every section of the summary after the guidance, as one Markdown text (HTML allowed for the
    section wrappers and the pictures): one element instead of about forty, since a page's run time,
    on the server and in the browser, follows its number of elements (docs/PERFORMANCE.md).

    Text a person typed goes through typed_markdown, which also escapes "<": it can never become HTML."""
    w = s.words
    c = s.comparison
    answers = "\n\n".join(
        f"**{group.heading}**\n\n"
        + "\n".join(f"- {line.label} **{typed_markdown(line.value)}**" for line in group.lines)
        for group in s.answers
    )
    comparison = f"{_grid(c)}\n\n**{c.other_studies_heading}**\n\n" + "\n".join(f"- {item}" for item in c.other_studies)
    knowledge = f"**{s.knowledge.score_line}**\n\n" + "\n".join(
        f"- {i.prompt} **{i.answer}**. {i.verdict} {i.feedback}" for i in s.knowledge.items
    )
    leaning = (
        f"**{s.leaning_line}**\n\n"
        + "\n".join(f"- {line.label} **{line.value}**" for line in s.sure.items)
        + "\n\n"
        + " ".join(x for x in (s.sure.score_line, ctx.cite(s.sure.message)) if x)
    )
    questions = (
        (typed_markdown(s.patient_questions) if s.patient_questions else w.no_questions)
        + f"\n\n**{w.suggested_heading}**\n\n"
        + "\n".join(f"- {q}" for q in s.suggested_questions)
    )
    # The full references on screen; on paper the compact ones (journal, year, DOI or PMID), as in
    # the PDF. Each list is hidden (display: none) where it is not meant to be seen.
    sources = "\n\n".join(
        (
            '<div class="summary-sources_full">',
            "\n".join(f"- **{ref.label}**: {ref.full}" for ref in s.references),
            '</div>\n\n<div class="summary-sources_compact">',
            "\n".join(f"- **{ref.label}**: {ref.compact}" for ref in s.references),
            "</div>",
        )
    )
    return "\n\n".join(
        (
            _part("answers", w.answers_heading, answers),
            _part("comparison", w.comparison_heading, comparison),
            f'<div class="summary-icon_arrays">\n\n'
            f"{icon_arrays_markdown(s.icon_arrays, w.icon_arrays_heading, s.icon_legend, level=3)}\n\n</div>",
            _part(
                "priorities",
                w.priorities_heading,
                priorities_markdown(s.priorities, c.option_names, s.priorities_note, w.priority_column),
            ),
            _part("knowledge", w.knowledge_heading, knowledge),
            _part("leaning", w.leaning_heading, leaning),
            _part("questions", w.questions_heading, questions),
            _part("sources", w.sources_heading, sources),
            _part("about", w.about_heading, "\n\n".join((*s.about, s.review_line, s.version_line))),
        )
    )


def render_summary(ctx: Ctx, s: Summary) -> None:
    """Every section of the summary, all open (so printing the page shows everything).

    The guidance is a keyed container ("summary.guidance"); every later section is a
    <section class="summary-<name>"> in one text (summary_markdown). The print CSS (styles.py) lays
    them out compactly: the answers in two columns, the icon arrays three to a row, the compact source list
    in three columns. A typical summary prints on three pages (tests/browser/test_print.py)."""
    w = s.words
    st.markdown(f"**{md_escape(s.name_line)}**  \n{s.date_line}  \n{s.version_line}")
    if s.translation_note:
        st.info(s.translation_note, icon=":material/translate:")
    if s.resume_line:
        st.markdown(f"**{s.resume_line}**")
    if s.red_flags:
        st.error(
            f"**{w.red_flag_heading}**\n\n"
            + "\n".join(f"- {flag}" for flag in s.red_flags)
            + f"\n\n{s.red_flag_message}"
        )
    with _section("guidance", w.guidance_heading):
        render_guidance(s.guidance)
    show_text(summary_markdown(ctx, s))
