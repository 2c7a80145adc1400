"""Models of the language-independent content: manifest, questionnaire, rules, comparison, citations.

These files hold ids, option codes, ranges, thresholds and numbers, never sentences. Every model is
frozen and forbids unknown keys; each field's description is its reference documentation.
Imports only pydantic and the standard library.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Certainty",
    "ComparisonRow",
    "ComparisonStructure",
    "GuidanceRules",
    "IconArray",
    "IconGroup",
    "Manifest",
    "Option",
    "Question",
    "QuestionKind",
    "Questionnaire",
    "ShowIf",
    "Step",
    "Widget",
]

SNAKE_ID = r"^[a-z][a-z0-9_]*$"
Id = Annotated[str, Field(pattern=SNAKE_ID, description="A snake_case identifier.")]


class Frozen(BaseModel):
    """Base for content models: immutable, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Manifest(Frozen):
    """content/manifest.yaml: the content set as a whole."""

    content_version: str = Field(description="Version printed on every summary (semantic version).")
    published_on: dt.date = Field(description="Date this content version was published.")
    review_due: dt.date = Field(description="Date by which the content must be reviewed again.")
    publisher: str = Field(description="Who publishes the decision aid.")
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2}$")]] = Field(
        min_length=1, description="Language codes with a content/<code>/ folder; the first is the default."
    )
    canonical_base: str = Field(description="Base URL for FHIR canonical URLs and code systems.")

    @model_validator(mode="after")
    def _review_after_publication(self) -> Manifest:
        if self.review_due <= self.published_on:
            raise ValueError("review_due must be after published_on")
        return self


class QuestionKind(StrEnum):
    """What kind of answer a question takes."""

    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"


class Widget(StrEnum):
    """A hint for how the screen asks the question."""

    NUMBER = "number"
    SCALE = "scale"
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"


class Option(Frozen):
    """One answer option of a choice question."""

    code: Id = Field(description="Stable option code, stored in answers files. Never rename.")
    exclusive: bool = Field(
        default=False, description="True for options such as 'none' that cannot be combined with others."
    )


class ShowIf(Frozen):
    """The condition under which a question applies."""

    question: Id = Field(description="Id of the question this one depends on (asked earlier).")
    op: Literal["contains", "equals"] = Field(
        description="'contains' for a multi-choice answer that includes value; 'equals' otherwise."
    )
    value: str | int | bool = Field(description="The option code or value that enables this question.")


class Question(Frozen):
    """One question: its id, kind and the limits on its answer."""

    id: Id = Field(description="Public, stable question id (answers files, FHIR linkId). Never rename.")
    kind: QuestionKind = Field(description="The kind of answer.")
    required: bool = Field(default=False, description="True when the guidance needs this answer (FHIR 'required').")
    min: int | None = Field(default=None, description="Smallest allowed value (integer questions).")
    max: int | None = Field(default=None, description="Largest allowed value (integer questions).")
    max_length: int | None = Field(default=None, ge=1, description="Longest allowed text (text questions).")
    widget: Widget | None = Field(default=None, description="How the screen asks it; a default is chosen by kind.")
    options: list[Option] = Field(default_factory=list, description="Answer options (choice questions).")
    show_if: ShowIf | None = Field(default=None, description="Ask only when this condition holds.")

    @model_validator(mode="after")
    def _fields_match_kind(self) -> Question:
        choice = self.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTI_CHOICE)
        if choice and not self.options:
            raise ValueError(f"a {self.kind} question needs options")
        if not choice and self.options:
            raise ValueError(f"a {self.kind} question cannot have options")
        if self.kind is QuestionKind.INTEGER:
            if self.min is None or self.max is None:
                raise ValueError("an integer question needs min and max")
            if self.min > self.max:
                raise ValueError("min must not be greater than max")
        elif self.min is not None or self.max is not None:
            raise ValueError(f"min and max apply only to integer questions, not {self.kind}")
        if self.kind is QuestionKind.TEXT and self.max_length is None:
            raise ValueError("a text question needs max_length")
        if self.kind is not QuestionKind.TEXT and self.max_length is not None:
            raise ValueError("max_length applies only to text questions")
        codes = [option.code for option in self.options]
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        if duplicates:
            raise ValueError(f"duplicate option codes: {', '.join(duplicates)}")
        if self.kind is QuestionKind.SINGLE_CHOICE and any(o.exclusive for o in self.options):
            raise ValueError("'exclusive' applies only to multi_choice options")
        return self

    @property
    def codes(self) -> tuple[str, ...]:
        """The option codes, in content order."""
        return tuple(option.code for option in self.options)

    @property
    def exclusive_codes(self) -> frozenset[str]:
        """Codes that must stand alone (such as 'none')."""
        return frozenset(option.code for option in self.options if option.exclusive)


class Step(Frozen):
    """One screen of the flow."""

    id: Id = Field(description="Step id; also its address in the app (/<id>).")
    questions: list[Id] = Field(description="Ids of the questions asked on this step, in order.")


class Questionnaire(Frozen):
    """content/questionnaire.yaml: the steps and every question."""

    steps: list[Step] = Field(min_length=1, description="The steps, in the order a person walks them.")
    questions: list[Question] = Field(description="Every question, in any order.")


class TrialRule(Frozen):
    """The trial of non-surgical care before a procedure is considered."""

    weeks: int = Field(ge=1, le=52, description="Length of the trial in weeks.")
    citations: list[Id] = Field(min_length=1, description="Sources for this length.")
    other_lengths_citations: list[Id] = Field(description="Sources that use another length.")


class LowPainRule(Frozen):
    """Pain at or below `max` (0-10) counts as little pain."""

    max: int = Field(ge=0, le=10, description="Highest pain score that counts as little pain.")
    citations: list[Id] = Field(min_length=1, description="Sources.")


class SureRule(Frozen):
    """The SURE test of decisional conflict."""

    items: list[Id] = Field(min_length=4, max_length=4, description="The four yes/no question ids.")
    conflict_at_or_below: int = Field(ge=0, le=4, description="Score at or below which conflict is flagged.")
    citations: list[Id] = Field(min_length=1, description="Sources.")


class ValuesRule(Frozen):
    """The values-clarification ratings."""

    items: list[Id] = Field(min_length=1, description="The rating question ids.")
    priority_at_or_above: int = Field(ge=0, description="A rating at or above this is a priority.")
    max_priorities: int = Field(ge=1, description="At most this many priorities are shown.")


class KnowledgeRule(Frozen):
    """The knowledge check's answer key."""

    answers: dict[Id, Id] = Field(min_length=1, description="Question id to its correct option code.")


class GuidanceRules(Frozen):
    """content/guidance.yaml: thresholds and their sources."""

    trial: TrialRule
    statuses: list[Id] = Field(description="Guidance status ids in rule order (documented in docs/GUIDANCE.md).")
    low_pain: LowPainRule
    sure: SureRule
    values: ValuesRule
    knowledge: KnowledgeRule


class Certainty(StrEnum):
    """How sure the evidence behind a comparison cell is (GRADE-style)."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very_low"
    DESCRIPTIVE = "descriptive"


class ComparisonRow(Frozen):
    """One question patients ask, answered for every option."""

    id: Id = Field(description="Row id.")
    certainty: dict[Id, Certainty] = Field(description="Certainty of the evidence, per option.")


class IconGroup(Frozen):
    """One group in an icon array: how many of 100 people had the event."""

    group: Id = Field(description="An option id, or another group id such as sham_procedure.")
    events: int | None = Field(default=None, ge=0, description="People with the event in the study.")
    total: int | None = Field(default=None, ge=1, description="People in the study group.")
    percent: float | None = Field(default=None, ge=0, le=100, description="Percent, when only that is reported.")

    @model_validator(mode="after")
    def _one_source_of_numbers(self) -> IconGroup:
        counts = self.events is not None and self.total is not None
        if counts == (self.percent is not None):
            raise ValueError("give either events and total, or percent")
        if counts and self.events is not None and self.total is not None and self.events > self.total:
            raise ValueError("events cannot be more than total")
        return self

    @property
    def per_100(self) -> int:
        """People out of 100, rounded half up."""
        if self.percent is not None:
            value = self.percent
        else:
            assert self.events is not None and self.total is not None
            value = 100 * self.events / self.total
        return int(value + 0.5)


class IconArray(Frozen):
    """A picture of 100 people per group, for one outcome from one study."""

    id: Id = Field(description="Icon array id.")
    row: Id = Field(description="The comparison row it illustrates.")
    citations: list[Id] = Field(min_length=1, description="The study the numbers come from.")
    groups: list[IconGroup] = Field(min_length=1, description="Groups from the same study and time frame.")


class ComparisonStructure(Frozen):
    """content/comparison.yaml."""

    options: list[Id] = Field(min_length=2, description="The options (columns), in display order.")
    rows: list[ComparisonRow] = Field(min_length=1, description="The rows, in display order.")
    icon_arrays: list[IconArray] = Field(description="Icon arrays, in display order.")
