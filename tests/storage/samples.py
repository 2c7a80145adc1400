"""A saved session with distinctive values, so a leak of any of them can be searched for."""

from __future__ import annotations

from typing import Any

PATIENT_NAME = "Wilhelmina Quaxenbridge-Øyvindsdóttir"
TYPED_NUMBERS = ("8675309", "7391046", "417")  # in free text, in free text, weeks of care
OPTION_CODES = (
    "osteoporosis",
    "other_cause",
    "glucocorticoids",
    "physiotherapy",
    "kyphoplasty",
    "progressive_collapse",
)
QUESTION_IDS = (
    "patient_name",
    "fracture_causes",
    "fracture_cause_other",
    "bone_loss_medicines",
    "conservative_care_weeks",
    "conservative_treatments",
    "failure_risk_factors",
    "questions_for_clinician",
)


def payload(**extra: Any) -> dict[str, Any]:
    """A full saved session: answers plus language, step and consultation mode."""
    return {
        "answers": {
            "patient_name": PATIENT_NAME,
            "red_flags": ["none"],
            "fracture_causes": ["osteoporosis", "other_cause"],
            "fracture_cause_other": "fell from ladder number 8675309",
            "bone_loss_medicines": ["glucocorticoids"],
            "conservative_care_weeks": 417,
            "conservative_treatments": ["physiotherapy"],
            "failure_risk_factors": ["progressive_collapse"],
            "pain_now": 7,
            "values_quick_relief": 4,
            "leaning": "kyphoplasty",
            "sure_sure": False,
            "questions_for_clinician": "Is 7391046 too many steps a day?",
        },
        "language": "en",
        "step": "compare",
        "consultation_mode": True,
        **extra,
    }
