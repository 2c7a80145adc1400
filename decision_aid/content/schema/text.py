"""Models of one language's wording: content/<language>/*.yaml.

Every sentence a person reads lives in these files. Each file carries its own review record
(`reviewed_by`, `reviewed_on`). Text may cite sources inline as [@citation_id].
Imports only pydantic and the standard library.
"""

from __future__ import annotations

from pydantic import Field

from .base import Reviewed, Text
from .screens import PagesText, StepsText, StepText, UiText

__all__ = [
    "CellText",
    "ComparisonText",
    "GlossaryText",
    "GuidanceText",
    "IconArrayText",
    "LanguagePack",
    "OptionText",
    "PagesText",
    "QuestionText",
    "QuestionsText",
    "StepText",
    "StepsText",
    "UiText",
]


# --- questions.yaml -------------------------------------------------------------------------------


class OptionText(Text):
    """Wording of one answer option."""

    label: str = Field(min_length=1, description="The option as the person reads it.")
    explain: str | None = Field(default=None, description="One plain line under the option.")


class QuestionText(Text):
    """Wording of one question."""

    prompt: str = Field(min_length=1, description="The question.")
    help: str | None = Field(default=None, description="A short hint under the question.")
    value_format: str | None = Field(
        default=None, description="How a number answer is shown back, e.g. '{value} weeks'."
    )
    value_format_one: str | None = Field(
        default=None, description="The same for the number 1, where the language needs it ('{value} week')."
    )
    options: dict[str, OptionText] = Field(default_factory=dict, description="Option code to its wording.")


class QuestionsText(Reviewed):
    """content/<language>/questions.yaml."""

    questions: dict[str, QuestionText] = Field(description="Question id to its wording.")


# --- guidance.yaml --------------------------------------------------------------------------------


class StatusText(Text):
    """Wording of one guidance status."""

    title: str
    body: str


class WeeksText(Text):
    """How a number of weeks is written, by plural form ({count} is the number)."""

    one: str
    other: str

    def format(self, count: int) -> str:
        """'1 week', '3 weeks'."""
        return (self.one if count == 1 else self.other).format(count=count)


class TimelineText(Text):
    """Wording of the three-week timeline."""

    heading: str
    start: str
    week_label: str
    you_are_here: str
    trial_end: str
    alt: str
    alt_unknown: str


class SureText(Text):
    """Wording of the SURE test result."""

    heading: str
    intro: str
    score: str
    conflict: str
    no_conflict: str
    incomplete: str
    yes: str
    no: str


class KnowledgeText(Text):
    """Wording of the knowledge check."""

    heading: str
    intro: str
    correct: str
    not_quite: str
    score: str
    feedback: dict[str, str] = Field(description="Question id to the explanation shown after answering.")


class ValuesText(Text):
    """Wording of the values exercise."""

    heading: str
    intro: str
    scale: dict[str, str] = Field(description="Rating (as text) to its label.")
    priorities_heading: str
    no_priorities: str
    never_a_winner: str


class GuidanceText(Reviewed):
    """content/<language>/guidance.yaml."""

    weeks: WeeksText
    statuses: dict[str, StatusText] = Field(description="Status id to its title and body.")
    low_pain_note: str
    guidance_is_not_advice: str
    missing_answers: str
    timeline: TimelineText
    sources_differ: str = Field(description="The honest note that sources use different trial lengths.")
    sure: SureText
    knowledge: KnowledgeText
    values: ValuesText


# --- comparison.yaml ------------------------------------------------------------------------------


class OptionSummary(Text):
    """Name and one-paragraph description of an option."""

    name: str
    summary: str


class CellText(Text):
    """One cell of the comparison grid."""

    short: str = Field(min_length=1, description="Shown in the grid and on the printed summary.")
    detail: str = Field(min_length=1, description="Shown under 'More detail'.")


class RowText(Text):
    """One row of the comparison grid."""

    question: str
    cells: dict[str, CellText] = Field(description="Option id to its cell.")


class CertaintyText(Text):
    """Plain words for the certainty levels."""

    heading: str
    names: dict[str, str] = Field(description="Certainty level to its short name ('Moderate').")
    levels: dict[str, str] = Field(description="Certainty level to its plain explanation.")


class IconArrayText(Text):
    """Wording of one icon array."""

    title: str
    timeframe: str = Field(description="The time frame and who the numbers are about.")
    caption: str = Field(description="Per-group sentence; placeholders {group}, {count}, {rest}.")


class IconArraysText(Text):
    """Wording shared by the icon arrays."""

    heading: str
    legend: str
    groups: dict[str, str] = Field(description="Group id to its name.")
    arrays: dict[str, IconArrayText] = Field(description="Icon array id to its wording.")


class OtherStudiesText(Text):
    """Studies people may hear about that do not fit the grid, framed for what they can show."""

    heading: str
    items: list[str] = Field(min_length=1)


class ComparisonText(Reviewed):
    """content/<language>/comparison.yaml."""

    heading: str
    intro: str
    options: dict[str, OptionSummary]
    certainty: CertaintyText
    question_column: str
    more_detail: str
    rows: dict[str, RowText]
    icon_arrays: IconArraysText
    other_studies: OtherStudiesText
    offers_heading: str
    offers: dict[str, dict[str, str]] = Field(description="Values item id to option id to what it offers.")


# --- glossary.yaml --------------------------------------------------------------------------------


class GlossaryTerm(Text):
    """One word explained."""

    term: str = Field(min_length=1, description="The word as it appears, with other forms in brackets.")
    means: str = Field(min_length=1, description="Its meaning in plain words.")


class GlossaryText(Reviewed):
    """content/<language>/glossary.yaml: every medical word the aid uses, explained once."""

    heading: str
    terms: dict[str, GlossaryTerm] = Field(min_length=1, description="Term id to the word and its meaning.")


class LanguagePack(Text):
    """All the wording for one language."""

    code: str = Field(description="Language code, e.g. 'en'.")
    questions: QuestionsText
    guidance: GuidanceText
    comparison: ComparisonText
    pages: PagesText
    ui: UiText
    glossary: GlossaryText
