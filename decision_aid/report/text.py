"""render_text(summary) -> str: the summary as plain text (for the record, email or a terminal).

Pure; lays out a Summary and adds no words of its own.
"""

from __future__ import annotations

import textwrap

from .summary import Summary

__all__ = ["render_text"]

WIDTH = 88


def _wrap(text: str, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent=indent, subsequent_indent=indent) or [""]
    return lines


def _heading(text: str) -> list[str]:
    return ["", text.upper(), "=" * min(len(text), WIDTH)]


def _bullet(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent="- ", subsequent_indent="  ")


def render_text(summary: Summary) -> str:
    """The whole summary as wrapped plain text."""
    w = summary.words
    out = [summary.title, summary.name_line, summary.date_line, summary.version_line]
    out += [line for line in (summary.translation_note, summary.resume_line) if line]
    if summary.red_flags:
        out += _heading(w.red_flag_heading)
        for label in summary.red_flags:
            out += _bullet(label)
        out += _wrap(summary.red_flag_message)

    g = summary.guidance
    out += _heading(w.guidance_heading)
    out += _wrap(g.title) + _wrap(g.body)
    for note in g.notes:
        out += _wrap(note)
    out += _wrap(g.timeline.alt) + _wrap(g.not_advice) + _wrap(g.sources_differ)

    out += _heading(w.answers_heading)
    for group in summary.answers:
        out += ["", group.heading + ":"]
        for line in group.lines:
            out += _bullet(f"{line.label} {line.value}")

    c = summary.comparison
    out += _heading(w.comparison_heading)
    for row in c.rows:
        out += ["", row.question]
        for name, cell in zip(c.option_names, row.cells, strict=True):
            note = f" [{cell.certainty_note}]" if cell.certainty_note else ""
            out += _bullet(f"{name}: {cell.text}{note}")
    out += ["", c.other_studies_heading + ":"]
    for item in c.other_studies:
        out += _bullet(item)

    out += _heading(w.icon_arrays_heading)
    out += _wrap(summary.icon_legend)
    for array in summary.icon_arrays:
        out += ["", f"{array.title} {array.source}"]
        for icon_group in array.groups:
            out += _bullet(icon_group.caption)
        out += _wrap(array.timeframe, "  ")

    out += _heading(w.priorities_heading)
    for priority in summary.priorities:
        out += ["", f"{priority.label}: {priority.rating}"]
        for name, offer in zip(c.option_names, priority.offers, strict=True):
            out += _bullet(f"{name}: {offer}")
    out += _wrap(summary.priorities_note)

    k = summary.knowledge
    out += _heading(w.knowledge_heading)
    out += _wrap(k.score_line)
    for check in k.items:
        out += _bullet(f"{check.prompt} {check.answer}. {check.verdict} {check.feedback}".replace("  ", " "))

    s = summary.sure
    out += _heading(w.leaning_heading)
    out += _wrap(summary.leaning_line)
    for line in s.items:
        out += _bullet(f"{line.label} {line.value}")
    out += _wrap(" ".join(part for part in (s.score_line, s.message) if part))

    out += _heading(w.questions_heading)
    out += _wrap(summary.patient_questions or summary.words.no_questions)
    out += ["", w.suggested_heading + ":"]
    for question in summary.suggested_questions:
        out += _bullet(question)

    out += _heading(w.sources_heading)
    for ref in summary.references:
        out += _wrap(f"{ref.label}: {ref.full}")

    out += _heading(w.about_heading)
    for paragraph in (*summary.about, summary.review_line, summary.version_line):
        out += _wrap(paragraph)

    page = summary.clinician_page
    if page is not None:
        out += _heading(page.heading) + _wrap(page.intro) + [""]
        out += [f"{fact.label}: {fact.value}" for fact in page.facts] + [""]
        out += [f"{row.item} = {row.code}  ({row.meaning})" for row in page.rows]
        out += ["", page.questionnaire_line]
    return "\n".join(out).strip() + "\n"
