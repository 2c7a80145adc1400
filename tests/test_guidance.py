"""The three-week guidance contract (docs/GUIDANCE.md): every row of the table, its boundaries,
its order, and how unanswered inputs are handled."""

from __future__ import annotations

from typing import Any

import pytest

from decision_aid.content.schema import ContentBundle
from decision_aid.domain import Status, assess, validate_answers

NO_FLAGS = {"red_flags": ["none"]}
NO_RISK = {"failure_risk_factors": ["none"]}


def guidance_for(bundle: ContentBundle, **answers: Any):  # type: ignore[no-untyped-def]
    return assess(bundle, validate_answers(bundle, answers))


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param(
            {"red_flags": ["fever_infection"], **NO_RISK, "conservative_care_weeks": 1},
            Status.URGENT_REVIEW,
            id="red-flag",
        ),
        pytest.param(
            {**NO_FLAGS, "failure_risk_factors": ["cannot_walk"], "conservative_care_weeks": 0},
            Status.EARLY_DISCUSSION,
            id="risk-factor",
        ),
        pytest.param(
            {**NO_FLAGS, **NO_RISK, "conservative_care_weeks": 1},
            Status.CONTINUE_NON_SURGICAL,
            id="no-risk-under-3-weeks",
        ),
        pytest.param(
            {**NO_FLAGS, **NO_RISK, "conservative_care_weeks": 5}, Status.TRIAL_COMPLETE, id="no-risk-3-weeks-or-more"
        ),
    ],
)
def test_each_row_of_the_contract_table(bundle: ContentBundle, answers: dict[str, Any], expected: Status) -> None:
    assert guidance_for(bundle, **answers).status is expected


@pytest.mark.parametrize(
    ("weeks", "status", "remaining"),
    [
        (0, Status.CONTINUE_NON_SURGICAL, 3),
        (2, Status.CONTINUE_NON_SURGICAL, 1),
        (3, Status.TRIAL_COMPLETE, 0),
        (4, Status.TRIAL_COMPLETE, 0),
        (520, Status.TRIAL_COMPLETE, 0),
    ],
)
def test_boundaries_at_2_3_and_4_weeks(bundle: ContentBundle, weeks: int, status: Status, remaining: int) -> None:
    guidance = guidance_for(bundle, **NO_FLAGS, **NO_RISK, conservative_care_weeks=weeks)
    assert guidance.status is status
    assert guidance.weeks_done == weeks
    assert guidance.weeks_remaining == remaining


def test_the_trial_length_comes_from_the_content(bundle: ContentBundle, content_copy) -> None:  # type: ignore[no-untyped-def]
    from decision_aid.content import load_content

    six_weeks = load_content(content_copy(("guidance.yaml", "  weeks: 3", "  weeks: 6")))
    guidance = assess(six_weeks, {**NO_FLAGS, **NO_RISK, "conservative_care_weeks": 4})
    assert guidance.status is Status.CONTINUE_NON_SURGICAL
    assert guidance.trial_weeks == 6
    assert guidance.weeks_remaining == 2


def test_a_red_flag_wins_over_a_risk_factor_and_over_a_completed_trial(bundle: ContentBundle) -> None:
    guidance = guidance_for(
        bundle, red_flags=["bladder_bowel_control"], failure_risk_factors=["older_age"], conservative_care_weeks=10
    )
    assert guidance.status is Status.URGENT_REVIEW
    assert guidance.red_flags == ("bladder_bowel_control",)
    assert guidance.risk_factors == ("older_age",)


def test_a_risk_factor_wins_over_the_weeks(bundle: ContentBundle) -> None:
    guidance = guidance_for(
        bundle, **NO_FLAGS, failure_risk_factors=["intravertebral_cleft"], conservative_care_weeks=10
    )
    assert guidance.status is Status.EARLY_DISCUSSION


def test_not_sure_about_risk_factors_is_not_a_risk_factor(bundle: ContentBundle) -> None:
    guidance = guidance_for(bundle, **NO_FLAGS, failure_risk_factors=["not_sure"], conservative_care_weeks=1)
    assert guidance.status is Status.CONTINUE_NON_SURGICAL
    assert guidance.risk_factors == ()


@pytest.mark.parametrize(
    ("answers", "missing"),
    [
        pytest.param({**NO_RISK, "conservative_care_weeks": 5}, ("red_flags",), id="safety-check-unanswered"),
        pytest.param({**NO_FLAGS, "conservative_care_weeks": 5}, ("failure_risk_factors",), id="risk-unanswered"),
        pytest.param({**NO_FLAGS, **NO_RISK}, ("conservative_care_weeks",), id="weeks-unanswered"),
        pytest.param({}, ("red_flags",), id="nothing-answered"),
    ],
)
def test_unanswered_is_never_taken_as_no(
    bundle: ContentBundle, answers: dict[str, Any], missing: tuple[str, ...]
) -> None:
    guidance = guidance_for(bundle, **answers)
    assert guidance.status is Status.INCOMPLETE
    assert guidance.missing == missing


def test_a_red_flag_decides_even_when_other_answers_are_missing(bundle: ContentBundle) -> None:
    assert guidance_for(bundle, red_flags=["major_trauma"]).status is Status.URGENT_REVIEW


def test_a_risk_factor_decides_even_when_the_weeks_are_missing(bundle: ContentBundle) -> None:
    assert guidance_for(bundle, **NO_FLAGS, failure_risk_factors=["frailty"]).status is Status.EARLY_DISCUSSION


@pytest.mark.parametrize(("pain", "low"), [(0, True), (3, True), (4, False), (10, False)])
def test_little_pain_after_the_trial_is_flagged(bundle: ContentBundle, pain: int, low: bool) -> None:
    guidance = guidance_for(bundle, **NO_FLAGS, **NO_RISK, conservative_care_weeks=3, pain_now=pain)
    assert guidance.low_pain is low


def test_little_pain_is_only_noted_once_the_trial_is_complete(bundle: ContentBundle) -> None:
    guidance = guidance_for(bundle, **NO_FLAGS, **NO_RISK, conservative_care_weeks=1, pain_now=1)
    assert guidance.low_pain is False


@pytest.mark.parametrize(
    ("answers", "score", "conflict"),
    [
        ({"sure_sure": True, "sure_understand": True, "sure_risk_benefit": True, "sure_encouragement": True}, 4, False),
        ({"sure_sure": False, "sure_understand": True, "sure_risk_benefit": True, "sure_encouragement": True}, 3, True),
        (
            {"sure_sure": False, "sure_understand": False, "sure_risk_benefit": False, "sure_encouragement": False},
            0,
            True,
        ),
    ],
)
def test_sure_score_of_3_or_less_flags_decisional_conflict(
    bundle: ContentBundle, answers: dict[str, bool], score: int, conflict: bool
) -> None:
    sure = guidance_for(bundle, **answers).sure
    assert (sure.score, sure.conflict) == (score, conflict)


def test_an_incomplete_sure_test_has_no_score(bundle: ContentBundle) -> None:
    sure = guidance_for(bundle, sure_sure=True, sure_understand=True).sure
    assert (sure.score, sure.answered, sure.conflict) == (None, 2, None)


def test_knowledge_check_counts_answers_that_match_the_studies(bundle: ContentBundle) -> None:
    knowledge = guidance_for(
        bundle,
        knowledge_natural_course="improves_over_weeks",
        knowledge_sham_trials="vertebroplasty_much_better",
        knowledge_new_fractures="no_clear_difference",
    ).knowledge
    assert knowledge.correct == ("knowledge_natural_course", "knowledge_new_fractures")
    assert len(knowledge.answered) == 3
    assert knowledge.total == 4


def test_priorities_are_the_highest_ratings_in_content_order_on_ties(bundle: ContentBundle) -> None:
    guidance = guidance_for(
        bundle,
        values_low_cost=4,
        values_quick_relief=3,
        values_avoid_procedure=4,
        values_spine_shape=2,
        values_short_stay=3,
    )
    assert guidance.priorities == ("values_avoid_procedure", "values_low_cost", "values_quick_relief")


def test_nothing_rated_highly_gives_no_priorities(bundle: ContentBundle) -> None:
    assert guidance_for(bundle, values_low_cost=2, values_quick_relief=0).priorities == ()


def test_guidance_never_names_a_procedure_to_have(bundle: ContentBundle) -> None:
    """The guidance is for the conversation: its output has no 'recommended option' of any kind."""
    fields = guidance_for(bundle, **NO_FLAGS, **NO_RISK, conservative_care_weeks=8).as_dict()
    assert not {"recommendation", "recommended", "best_option", "winner"} & set(fields)
