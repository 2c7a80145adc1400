"""Patient stories walked in the browser, and what their summary must show.

Answers are in the public answers-file form (question id -> value). Values questions are rated
3 or 4 and at most three of them, because the summary lists only the top priorities (see
docs/ACCESSIBILITY.md, "Known gaps").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from decision_aid.content.schema import ContentBundle
from decision_aid.report import format_answer

__all__ = ["STORIES", "TYPICAL", "Story", "shown_answers"]


@dataclass(frozen=True)
class Story:
    """A person's answers and the guidance status they must lead to."""

    id: str
    answers: dict[str, Any]
    status: str


RED_FLAG = Story(
    "red_flag",
    {
        "patient_name": "Rosa Bianchi",
        "red_flags": ["fever_infection", "weight_loss_night_pain"],
        "fracture_causes": ["osteoporosis"],
        "bone_loss_medicines": ["glucocorticoids"],
        "conservative_care_weeks": 1,
        "conservative_treatments": ["pain_medicine"],
        "pain_now": 8,
        "failure_risk_factors": ["older_age"],
        "values_quick_relief": 4,
        "knowledge_natural_course": "improves_over_weeks",
        "leaning": "unsure",
    },
    "urgent_review",
)

EARLY_DISCUSSION = Story(
    "early_discussion",
    {
        "patient_name": "María José Núñez",
        "red_flags": ["none"],
        "fracture_causes": ["osteoporosis", "other_cause"],
        "fracture_cause_other": "a fall on the ice",
        "bone_loss_medicines": ["none"],
        "conservative_care_weeks": 1,
        "conservative_treatments": ["pain_medicine", "opioid_medicine"],
        "pain_now": 9,
        "failure_risk_factors": ["cannot_walk", "pain_medicine_side_effects"],
        "values_quick_relief": 4,
        "values_short_stay": 3,
        "knowledge_sham_trials": "vertebroplasty_much_better",
        "leaning": "kyphoplasty",
        "sure_sure": True,
        "sure_understand": True,
        "sure_risk_benefit": True,
        "sure_encouragement": True,
    },
    "early_discussion",
)

TRIAL_COMPLETE = Story(
    "trial_complete",
    {
        "patient_name": "Tom O'Neill",
        "red_flags": ["none"],
        "fracture_causes": ["not_sure"],
        "conservative_care_weeks": 5,
        "conservative_treatments": ["pain_medicine", "physiotherapy", "osteoporosis_medicine"],
        "pain_now": 2,
        "failure_risk_factors": ["none"],
        "values_avoid_procedure": 4,
        "values_low_leakage": 3,
        "values_low_cost": 3,
        "knowledge_natural_course": "improves_over_weeks",
        "knowledge_sham_trials": "similar_improvement",
        "knowledge_cement_leakage": "common_mostly_harmless",
        "knowledge_new_fractures": "no_clear_difference",
        "leaning": "non_surgical",
        "sure_sure": True,
        "sure_understand": True,
        "sure_risk_benefit": True,
        "sure_encouragement": False,
    },
    "trial_complete",
)

UNSURE_LOW_SURE = Story(
    "unsure_low_sure",
    {
        "patient_name": "Ana María",
        "red_flags": ["none"],
        "fracture_causes": ["osteoporosis"],
        "bone_loss_medicines": ["not_sure"],
        "conservative_care_weeks": 4,
        "conservative_treatments": ["pain_medicine", "brace"],
        "pain_now": 6,
        "failure_risk_factors": ["not_sure"],
        "values_proven_benefit": 4,
        "values_spine_shape": 3,
        "knowledge_cement_leakage": "always_serious",
        "leaning": "unsure",
        "sure_sure": False,
        "sure_understand": True,
        "sure_risk_benefit": False,
        "sure_encouragement": False,
        "questions_for_clinician": "Can my daughter come to the next visit?",
    },
    "trial_complete",
)

STORIES = (RED_FLAG, EARLY_DISCUSSION, TRIAL_COMPLETE, UNSURE_LOW_SURE)
TYPICAL = UNSURE_LOW_SURE
"""The 'typical patient' whose printed summary must fit on three pages."""


def shown_answers(bundle: ContentBundle, answers: dict[str, Any]) -> list[str]:
    """For every answer given, the words the summary must show for it: the question and the
    answer side by side (or the line that reports it)."""
    pack = bundle.text(bundle.default_language)
    words = pack.ui.summary
    texts = []
    for question_id, value in answers.items():
        prompt = pack.questions.questions[question_id].prompt
        if question_id in bundle.rules.values.items:
            texts.append(f"{prompt} ({pack.guidance.values.scale[str(value)]})")
        elif question_id == "patient_name":
            texts.append(words.prepared_for.format(name=value))
        elif question_id == "questions_for_clinician":
            texts.append(value)
        elif question_id == "leaning":
            texts.append(words.leaning.format(leaning=format_answer(bundle, pack, question_id, value)))
        else:
            texts.append(f"{prompt} {format_answer(bundle, pack, question_id, value)}")
    return texts
