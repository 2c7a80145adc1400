"""The sections of a Summary, as small frozen views (built by report/sections.py).

Shared by the summary and by the screen (the compare step shows the same ComparisonView the PDF
prints). Pure data.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AnswerGroup",
    "AnswerLine",
    "ClinicianFact",
    "ClinicianPage",
    "ComparisonCell",
    "ComparisonRowView",
    "ComparisonView",
    "DataRow",
    "GuidanceView",
    "IconArrayView",
    "IconGroupView",
    "KnowledgeItem",
    "KnowledgeView",
    "PriorityView",
    "SureView",
    "Timeline",
]


@dataclass(frozen=True, slots=True)
class AnswerLine:
    """One question and the answer given."""

    label: str
    value: str
    answered: bool


@dataclass(frozen=True, slots=True)
class AnswerGroup:
    """The answers of one step."""

    heading: str
    lines: tuple[AnswerLine, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    """The trial timeline: weeks 1..span, the trial end and where the person is."""

    heading: str
    trial_weeks: int
    weeks_done: int | None
    span: int
    week_labels: tuple[str, ...]
    you_are_here: str | None
    trial_end: str
    alt: str


@dataclass(frozen=True, slots=True)
class GuidanceView:
    """The three-week guidance as the person reads it."""

    status: str
    title: str
    body: str
    notes: tuple[str, ...]
    not_advice: str
    sources_differ: str
    timeline: Timeline


@dataclass(frozen=True, slots=True)
class ComparisonCell:
    """One option's answer to one row's question. `certainty_note` is empty for a row that only
    describes the treatment (nothing to rate)."""

    text: str
    detail: str
    certainty_level: str
    certainty_name: str
    certainty: str
    certainty_note: str


@dataclass(frozen=True, slots=True)
class ComparisonRowView:
    """One row of the comparison."""

    id: str
    question: str
    cells: tuple[ComparisonCell, ...]


@dataclass(frozen=True, slots=True)
class ComparisonView:
    """The side-by-side comparison."""

    heading: str
    intro: str
    question_column: str
    option_ids: tuple[str, ...]
    option_names: tuple[str, ...]
    option_summaries: tuple[str, ...]
    rows: tuple[ComparisonRowView, ...]
    certainty_heading: str
    more_detail: str
    other_studies_heading: str
    other_studies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IconGroupView:
    """One group of an icon array: `count` of 100 people had the event."""

    group: str
    name: str
    count: int
    caption: str


@dataclass(frozen=True, slots=True)
class IconArrayView:
    """An 'out of 100 people' picture with its words and text alternative."""

    id: str
    row: str
    title: str
    timeframe: str
    groups: tuple[IconGroupView, ...]
    source: str
    alt: str


@dataclass(frozen=True, slots=True)
class PriorityView:
    """A top priority and what each option offers for it."""

    item: str
    label: str
    rating: str
    offers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KnowledgeItem:
    """One knowledge-check question with the answer given and the explanation."""

    prompt: str
    answer: str
    correct: bool | None
    verdict: str
    feedback: str


@dataclass(frozen=True, slots=True)
class KnowledgeView:
    """The knowledge check."""

    heading: str
    score_line: str
    items: tuple[KnowledgeItem, ...]


@dataclass(frozen=True, slots=True)
class SureView:
    """The SURE test."""

    heading: str
    score_line: str
    message: str
    conflict: bool | None
    items: tuple[AnswerLine, ...]


@dataclass(frozen=True, slots=True)
class ClinicianFact:
    """One line of the consultation panel: what it is, its value, and whether it needs attention."""

    label: str
    value: str
    alert: bool


@dataclass(frozen=True, slots=True)
class DataRow:
    """One row of the clinician page: a stable item id, its code or value, and what it means."""

    item: str
    code: str
    meaning: str


@dataclass(frozen=True, slots=True)
class ClinicianPage:
    """The clinician page of the PDF: the panel's facts, then every answer as codes."""

    heading: str
    intro: str
    facts: tuple[ClinicianFact, ...]
    columns: tuple[str, str, str]
    rows: tuple[DataRow, ...]
    questionnaire_line: str
