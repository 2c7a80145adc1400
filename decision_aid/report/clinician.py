"""Consultation mode: the facts a clinician needs at a glance, and the PDF's clinician page.

`build_clinician_facts` feeds the panel shown on every step in consultation mode;
`build_clinician_page` adds every answer as its stable code (the answers-file and FHIR codes) for
the record. Pure: words come from the content, values from the domain.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..content.schema import ContentBundle, QuestionKind
from ..content.schema.text import LanguagePack
from ..domain import Guidance, assess, pruned
from .citing import Citer
from .sections import guidance_values
from .views import ClinicianFact, ClinicianPage, DataRow

__all__ = ["build_clinician_facts", "build_clinician_page"]


def _ticked(bundle: ContentBundle, pack: LanguagePack, answers: Mapping[str, Any], question_id: str) -> str:
    """What was ticked, as labels; "None" for the "none of these" option; "Not answered" if blank."""
    from .summary import format_answer  # summary imports this module; import here to keep it acyclic

    value = answers.get(question_id)
    if value == ["none"]:
        return pack.ui.clinician.none
    return format_answer(bundle, pack, question_id, value)


def _status_title(pack: LanguagePack, g: Guidance) -> str:
    return pack.guidance.statuses[g.status.value].title.format(**guidance_values(pack, g))


def build_clinician_facts(
    bundle: ContentBundle, pack: LanguagePack, answers: Mapping[str, Any], guidance: Guidance | None = None
) -> tuple[ClinicianFact, ...]:
    """Red flags, guidance, weeks, risk factors, pain, leaning, SURE and knowledge, in that order."""
    active = pruned(bundle, dict(answers))
    g = guidance or assess(bundle, active)
    words = pack.ui.clinician
    not_answered = pack.ui.answers.not_answered
    pain = bundle.questions["pain_now"]
    leaning = active.get("leaning")
    sure_total = len(bundle.rules.sure.items)
    knowledge = g.knowledge
    return (
        ClinicianFact(words.red_flags, _ticked(bundle, pack, active, "red_flags"), bool(g.red_flags)),
        ClinicianFact(words.guidance, _status_title(pack, g), False),
        ClinicianFact(
            words.weeks,
            pack.guidance.weeks.format(g.weeks_done) if g.weeks_done is not None else not_answered,
            False,
        ),
        ClinicianFact(
            words.risk_factors, _ticked(bundle, pack, active, "failure_risk_factors"), bool(g.risk_factors)
        ),
        ClinicianFact(
            words.pain,
            words.pain_value.format(value=g.pain_now, max=pain.max) if g.pain_now is not None else not_answered,
            False,
        ),
        ClinicianFact(
            words.leaning,
            pack.questions.questions["leaning"].options[leaning].label if leaning else not_answered,
            False,
        ),
        ClinicianFact(
            words.sure,
            (
                f"{words.sure_value.format(score=g.sure.score, total=sure_total)}: "
                f"{words.sure_conflict if g.sure.conflict else words.sure_no_conflict}"
                if g.sure.score is not None
                else not_answered
            ),
            bool(g.sure.conflict),
        ),
        ClinicianFact(
            words.knowledge,
            words.knowledge_value.format(
                correct=len(knowledge.correct), answered=len(knowledge.answered), total=knowledge.total
            )
            if knowledge.answered
            else not_answered,
            False,
        ),
    )


def _code(bundle: ContentBundle, question_id: str, value: Any) -> str:
    """An answer as its stable code: option codes as they are, numbers and booleans as JSON."""
    question = bundle.questions[question_id]
    if question.kind is QuestionKind.MULTI_CHOICE:
        return ", ".join(code for code in question.codes if code in value)
    if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.TEXT):
        return str(value)
    return json.dumps(value)


def _meaning(bundle: ContentBundle, pack: LanguagePack, question_id: str, value: Any) -> str:
    from .summary import format_answer

    question = bundle.questions[question_id]
    if question.kind is QuestionKind.TEXT:
        return pack.questions.questions[question_id].prompt
    return format_answer(bundle, pack, question_id, value)


def build_clinician_page(
    bundle: ContentBundle, pack: LanguagePack, answers: Mapping[str, Any], guidance: Guidance | None = None
) -> ClinicianPage:
    """The clinician page: the panel's facts, the guidance status code, then every answer given."""
    from ..fhir.links import questionnaire_url  # the fhir package loads fhir.resources: only when needed

    active = pruned(bundle, dict(answers))
    g = guidance or assess(bundle, active)
    words = pack.ui.clinician
    citer = Citer(bundle, pack.ui.summary.industry_funded)
    rows = [
        DataRow("guidance.status", g.status.value, _status_title(pack, g)),
    ]
    if g.sure.score is not None:
        rows.append(DataRow("sure.score", str(g.sure.score), words.sure))
    rows.extend(
        DataRow(
            question_id, _code(bundle, question_id, value), citer.render(_meaning(bundle, pack, question_id, value))
        )
        for question_id, value in active.items()
    )
    return ClinicianPage(
        heading=words.page_heading,
        intro=words.page_intro,
        facts=build_clinician_facts(bundle, pack, active, g),
        columns=(words.field_column, words.code_column, words.meaning_column),
        rows=tuple(rows),
        questionnaire_line=words.questionnaire.format(
            url=questionnaire_url(bundle), version=bundle.manifest.content_version
        ),
    )
