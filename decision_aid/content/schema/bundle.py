"""The whole content, validated: structure plus one wording pack per language.

Built only by `decision_aid.content.loader`; read by everything else. Immutable, so one copy can be
shared by every session of the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .citation import Citation
from .structure import (
    ComparisonStructure,
    GuidanceRules,
    Manifest,
    Question,
    Questionnaire,
    Step,
)
from .text import LanguagePack

__all__ = ["ContentBundle"]


@dataclass(frozen=True)
class ContentBundle:
    """Validated content. Use the lookups rather than searching the lists."""

    manifest: Manifest
    questionnaire: Questionnaire
    rules: GuidanceRules
    comparison: ComparisonStructure
    citations: Mapping[str, Citation]
    languages: Mapping[str, LanguagePack]
    uncited_numbers: Mapping[str, str] = field(default_factory=dict)
    questions: Mapping[str, Question] = field(init=False)
    step_of_question: Mapping[str, str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", MappingProxyType({q.id: q for q in self.questionnaire.questions}))
        object.__setattr__(
            self,
            "step_of_question",
            MappingProxyType({qid: s.id for s in self.questionnaire.steps for qid in s.questions}),
        )

    @property
    def steps(self) -> tuple[Step, ...]:
        """The steps in flow order."""
        return tuple(self.questionnaire.steps)

    @property
    def step_ids(self) -> tuple[str, ...]:
        """Step ids in flow order."""
        return tuple(step.id for step in self.questionnaire.steps)

    @property
    def default_language(self) -> str:
        """The language used when none is chosen."""
        return self.manifest.languages[0]

    def text(self, language: str) -> LanguagePack:
        """The wording for `language`, falling back to the default language."""
        return self.languages.get(language) or self.languages[self.default_language]

    def ordered_questions(self) -> tuple[Question, ...]:
        """Every question in the order the flow asks them."""
        return tuple(self.questions[qid] for step in self.questionnaire.steps for qid in step.questions)
