"""The guidance for the conversation: assess(bundle, answers) -> Guidance. The one entry point.

The rule order is the contract in docs/GUIDANCE.md (first rule that applies wins); every threshold
comes from content/guidance.yaml. Pure: no I/O, no clock. Imports only the content schema and the
domain's own modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..content.schema import ContentBundle
from ..content.schema.contract import STATUS_IDS
from .answers import Answers, pruned
from .scores import KnowledgeResult, SureResult, knowledge_result, priorities, sure_result

__all__ = ["Guidance", "Status", "assess", "findings"]


class Status(StrEnum):
    """Guidance status, in rule order."""

    URGENT_REVIEW = "urgent_review"
    EARLY_DISCUSSION = "early_discussion"
    CONTINUE_NON_SURGICAL = "continue_non_surgical"
    TRIAL_COMPLETE = "trial_complete"
    INCOMPLETE = "incomplete"


assert tuple(s.value for s in Status) == STATUS_IDS, "Status must follow the contract order"


@dataclass(frozen=True, slots=True)
class Guidance:
    """What the answers mean for the conversation. Never a recommendation to have a procedure.

    Attributes:
        status: the first rule that applies (see Status).
        trial_weeks: length of the non-surgical trial, from the content.
        weeks_done: weeks of non-surgical care so far, or None if unanswered.
        weeks_remaining: max(0, trial_weeks - weeks_done), or None if weeks_done is unknown.
        red_flags: red-flag codes present, in content order.
        risk_factors: risk factors for failure of non-surgical care present, in content order.
        missing: ids of the answers the status needs but does not have.
        pain_now: pain 0-10, or None.
        low_pain: True when the trial is complete and pain is at or below the low-pain threshold.
        sure: the SURE test result.
        knowledge: the knowledge-check result.
        priorities: value-item ids rated as priorities, most important first.
    """

    status: Status
    trial_weeks: int
    weeks_done: int | None
    weeks_remaining: int | None
    red_flags: tuple[str, ...]
    risk_factors: tuple[str, ...]
    missing: tuple[str, ...]
    pain_now: int | None
    low_pain: bool
    sure: SureResult
    knowledge: KnowledgeResult
    priorities: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready dict (the `guidance` command's output)."""
        return {
            "status": self.status.value,
            "trial_weeks": self.trial_weeks,
            "weeks_done": self.weeks_done,
            "weeks_remaining": self.weeks_remaining,
            "red_flags": list(self.red_flags),
            "risk_factors": list(self.risk_factors),
            "missing": list(self.missing),
            "pain_now": self.pain_now,
            "low_pain": self.low_pain,
            "sure": self.sure.as_dict(),
            "knowledge": self.knowledge.as_dict(),
            "priorities": list(self.priorities),
        }


def findings(bundle: ContentBundle, answers: Answers, question_id: str) -> tuple[str, ...] | None:
    """Codes ticked for a multi-choice question, without exclusive ones ('none', 'not_sure').

    Returns None when the question is unanswered, () when answered with no finding.
    """
    value = answers.get(question_id)
    if value is None:
        return None
    question = bundle.questions[question_id]
    return tuple(code for code in question.codes if code in value and code not in question.exclusive_codes)


def _status(
    red_flags: tuple[str, ...] | None,
    risk_factors: tuple[str, ...] | None,
    weeks_done: int | None,
    trial_weeks: int,
) -> tuple[Status, tuple[str, ...]]:
    # Rule order is the contract: the first rule that applies wins. An unanswered input that an
    # earlier rule needs makes the guidance incomplete rather than guessing "no".
    if red_flags:
        return Status.URGENT_REVIEW, ()
    if red_flags is None:
        return Status.INCOMPLETE, ("red_flags",)
    if risk_factors:
        return Status.EARLY_DISCUSSION, ()
    missing = tuple(
        qid
        for qid, value in (("failure_risk_factors", risk_factors), ("conservative_care_weeks", weeks_done))
        if value is None
    )
    if missing:
        return Status.INCOMPLETE, missing
    assert weeks_done is not None
    if weeks_done < trial_weeks:
        return Status.CONTINUE_NON_SURGICAL, ()
    return Status.TRIAL_COMPLETE, ()


def assess(bundle: ContentBundle, answers: Answers) -> Guidance:
    """The guidance for valid `answers` (see validate_answers). Answers that do not apply are ignored."""
    active = pruned(bundle, answers)
    rules = bundle.rules
    trial_weeks = rules.trial.weeks
    weeks_done = active.get("conservative_care_weeks")
    red_flags = findings(bundle, active, "red_flags")
    risk_factors = findings(bundle, active, "failure_risk_factors")
    status, missing = _status(red_flags, risk_factors, weeks_done, trial_weeks)
    pain_now = active.get("pain_now")
    return Guidance(
        status=status,
        trial_weeks=trial_weeks,
        weeks_done=weeks_done,
        weeks_remaining=None if weeks_done is None else max(0, trial_weeks - weeks_done),
        red_flags=red_flags or (),
        risk_factors=risk_factors or (),
        missing=missing,
        pain_now=pain_now,
        low_pain=status is Status.TRIAL_COMPLETE and pain_now is not None and pain_now <= rules.low_pain.max,
        sure=sure_result(rules.sure, active),
        knowledge=knowledge_result(rules.knowledge, active),
        priorities=priorities(rules.values, active),
    )
