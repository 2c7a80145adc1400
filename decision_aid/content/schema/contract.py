"""The public contract between the content and the code (docs/PRODUCT.md, "The answers file").

Content may reorder, reword and extend, but these ids, kinds, codes and ranges are relied on by
the code, by saved answers and by health-record integrations. `check-content` enforces them.
"""

from __future__ import annotations

from types import MappingProxyType

from .structure import QuestionKind

__all__ = [
    "GROUP_IDS",
    "LEANING_CODES",
    "OPTION_IDS",
    "PUBLIC_QUESTIONS",
    "PUBLIC_RANGES",
    "STATUS_IDS",
    "STEP_IDS",
]

PUBLIC_QUESTIONS = MappingProxyType(
    {
        "patient_name": QuestionKind.TEXT,
        "fracture_causes": QuestionKind.MULTI_CHOICE,
        "bone_loss_medicines": QuestionKind.MULTI_CHOICE,
        "red_flags": QuestionKind.MULTI_CHOICE,
        "conservative_care_weeks": QuestionKind.INTEGER,
        "conservative_treatments": QuestionKind.MULTI_CHOICE,
        "failure_risk_factors": QuestionKind.MULTI_CHOICE,
        "pain_now": QuestionKind.INTEGER,
        "leaning": QuestionKind.SINGLE_CHOICE,
        "sure_sure": QuestionKind.BOOLEAN,
        "sure_understand": QuestionKind.BOOLEAN,
        "sure_risk_benefit": QuestionKind.BOOLEAN,
        "sure_encouragement": QuestionKind.BOOLEAN,
        "questions_for_clinician": QuestionKind.TEXT,
    }
)
"""Question id to its kind, exactly as PRODUCT.md lists them."""

PUBLIC_RANGES = MappingProxyType({"conservative_care_weeks": (0, 520), "pain_now": (0, 10)})
"""Integer ranges fixed by the contract."""

LEANING_CODES = ("vertebroplasty", "kyphoplasty", "non_surgical", "unsure")
"""The `leaning` codes (any order in the content)."""

OPTION_IDS = ("non_surgical", "vertebroplasty", "kyphoplasty")
"""The three options compared (the comparison's columns)."""

GROUP_IDS = (*OPTION_IDS, "sham_procedure")
"""Groups an icon array may show."""

STATUS_IDS = ("urgent_review", "early_discussion", "continue_non_surgical", "trial_complete", "incomplete")
"""Guidance statuses in rule order; the first that applies wins (docs/GUIDANCE.md)."""

STEP_IDS = (
    "welcome",
    "safety",
    "fracture",
    "treatment",
    "compare",
    "values",
    "knowledge",
    "leaning",
    "summary",
)
"""The nine steps of the flow, in order."""
