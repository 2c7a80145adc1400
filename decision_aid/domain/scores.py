"""Scores from the later steps: the SURE test, the knowledge check and the patient's priorities.

Pure functions; thresholds come from content/guidance.yaml. Imports only the content schema.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.schema.structure import KnowledgeRule, SureRule, ValuesRule
from .answers import Answers

__all__ = ["KnowledgeResult", "SureResult", "knowledge_result", "priorities", "sure_result"]


@dataclass(frozen=True, slots=True)
class SureResult:
    """The SURE test: yes = 1 for each of 4 items.

    Attributes:
        score: 0-4 when all four are answered, else None.
        answered: how many items are answered.
        conflict: True when score <= the threshold (decisional conflict), None while incomplete.
    """

    score: int | None
    answered: int
    conflict: bool | None

    def as_dict(self) -> dict[str, object]:
        return {"score": self.score, "answered": self.answered, "conflict": self.conflict}


@dataclass(frozen=True, slots=True)
class KnowledgeResult:
    """The knowledge check.

    Attributes:
        correct: question ids answered as the studies show.
        answered: question ids answered at all.
        total: number of questions.
    """

    correct: tuple[str, ...]
    answered: tuple[str, ...]
    total: int

    def as_dict(self) -> dict[str, object]:
        return {"correct": len(self.correct), "answered": len(self.answered), "total": self.total}


def sure_result(rule: SureRule, answers: Answers) -> SureResult:
    """Score the SURE test."""
    values = [answers[item] for item in rule.items if item in answers]
    if len(values) < len(rule.items):
        return SureResult(score=None, answered=len(values), conflict=None)
    score = sum(1 for value in values if value is True)
    return SureResult(score=score, answered=len(values), conflict=score <= rule.conflict_at_or_below)


def knowledge_result(rule: KnowledgeRule, answers: Answers) -> KnowledgeResult:
    """Score the knowledge check."""
    answered = tuple(qid for qid in rule.answers if qid in answers)
    correct = tuple(qid for qid in answered if answers[qid] == rule.answers[qid])
    return KnowledgeResult(correct=correct, answered=answered, total=len(rule.answers))


def priorities(rule: ValuesRule, answers: Answers) -> tuple[str, ...]:
    """Value items rated at or above the priority threshold, highest first, content order on ties."""
    rated = [(answers[item], index, item) for index, item in enumerate(rule.items) if item in answers]
    chosen = sorted((r for r in rated if r[0] >= rule.priority_at_or_above), key=lambda r: (-r[0], r[1]))
    return tuple(item for _, _, item in chosen[: rule.max_priorities])
