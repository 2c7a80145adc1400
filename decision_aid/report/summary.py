"""build_summary(bundle, answers, today, language) -> Summary: the one object every output renders.

The screen, the PDF, the HTML and the text summary all read a Summary, so they cannot disagree.
Every string in it is final (citations rendered, placeholders filled); renderers only lay it out
and escape it. Pure; imports only the content schema and the domain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..content.schema import ContentBundle, QuestionKind
from ..content.schema.screens import SummaryWords
from ..content.schema.text import LanguagePack
from ..domain import Guidance, assess, pruned
from .citing import Citer, Reference
from .clinician import build_clinician_page
from .sections import (
    build_comparison,
    build_guidance,
    build_icon_arrays,
    build_knowledge,
    build_priorities,
    build_sure,
)
from .views import (
    AnswerGroup,
    AnswerLine,
    ClinicianPage,
    ComparisonView,
    GuidanceView,
    IconArrayView,
    KnowledgeView,
    PriorityView,
    SureView,
)

__all__ = ["ResumeNote", "Summary", "build_summary", "format_answer", "translation_note"]

# Steps whose answers are listed under "Your answers" (the others have sections of their own;
# the name heads the summary).
ANSWER_STEPS = ("welcome", "safety", "fracture", "treatment")


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything a summary shows, in display order. All text is final and language-specific.

    Attributes:
        language: language code of the text.
        today: the date the summary was made (passed in; never read from the clock here).
        words: the fixed headings and labels (ui.yaml `summary`).
        title, name_line, date_line, version_line, review_line: header lines.
        patient_name: the name as typed, or None.
        red_flags: labels of the red flags present; the summary leads with them when any.
        red_flag_message: what to do about them.
        guidance: the three-week guidance, with its timeline.
        answers: the person's answers, grouped by step.
        comparison: the side-by-side comparison (short cells).
        icon_arrays: the "out of 100 people" pictures with captions and text alternatives.
        icon_legend: how to read the icon arrays.
        priorities: the person's top priorities with what each option offers.
        priorities_note: shown under the priorities (never a winner), or that none are rated.
        knowledge: the knowledge-check result.
        leaning_line: "Leaning toward: ...".
        sure: the SURE test result.
        patient_questions: the person's own questions, or None.
        suggested_questions: questions they might ask.
        references: every source cited in this summary, sorted by label.
        about: disclaimer, funding, update policy, industry-funding note, how the content was made
            (in this order; the printed summary keeps the first three).
        guidance_data: the Guidance the text was built from (for structured exports).
        answers_data: the answers that count (pruned), in questionnaire order.
        translation_note: that this language's wording is a translation not yet clinically
            reviewed, or None (the source language, or a reviewed translation).
        resume_line: the resume code and its expiry, when the person asked to print it.
        clinician_page: structured data for the record (consultation mode), or None.
    """

    language: str
    today: dt.date
    words: SummaryWords
    title: str
    name_line: str
    date_line: str
    version_line: str
    review_line: str
    patient_name: str | None
    red_flags: tuple[str, ...]
    red_flag_message: str
    guidance: GuidanceView
    answers: tuple[AnswerGroup, ...]
    comparison: ComparisonView
    icon_arrays: tuple[IconArrayView, ...]
    icon_legend: str
    priorities: tuple[PriorityView, ...]
    priorities_note: str
    knowledge: KnowledgeView
    leaning_line: str
    sure: SureView
    patient_questions: str | None
    suggested_questions: tuple[str, ...]
    references: tuple[Reference, ...]
    about: tuple[str, ...]
    guidance_data: Guidance
    answers_data: dict[str, Any]
    translation_note: str | None = None
    resume_line: str | None = None
    clinician_page: ClinicianPage | None = None


@dataclass(frozen=True, slots=True)
class ResumeNote:
    """A resume code to print on the summary, and the date its saved answers expire."""

    code: str
    expires_on: dt.date


def format_answer(bundle: ContentBundle, pack: LanguagePack, qid: str, value: Any) -> str:
    """An answer as the person reads it back ('Osteoporosis (thin, weak bones)', '4 weeks')."""
    words = pack.ui.answers
    if value is None:
        return words.not_answered
    question = bundle.questions[qid]
    text = pack.questions.questions[qid]
    if question.kind is QuestionKind.BOOLEAN:
        return words.yes if value else words.no
    if question.kind is QuestionKind.SINGLE_CHOICE:
        return text.options[value].label
    if question.kind is QuestionKind.MULTI_CHOICE:
        return "; ".join(text.options[code].label for code in question.codes if code in value)
    if question.kind is QuestionKind.INTEGER:
        if qid in bundle.rules.values.items:
            return f"{pack.guidance.values.scale[str(value)]} ({value})"
        template = text.value_format_one if value == 1 and text.value_format_one else text.value_format
        return template.format(value=value) if template else str(value)
    return str(value)


def _answer_groups(
    bundle: ContentBundle, pack: LanguagePack, active: dict[str, Any], citer: Citer
) -> tuple[AnswerGroup, ...]:
    groups = []
    steps = {step.id: step for step in bundle.steps}
    for step_id in ANSWER_STEPS:
        lines: list[AnswerLine] = []
        for qid in steps[step_id].questions:
            question = bundle.questions[qid]
            if qid == "patient_name" or (question.show_if is not None and qid not in active):
                continue
            lines.append(
                AnswerLine(
                    label=citer.render(pack.questions.questions[qid].prompt),
                    value=format_answer(bundle, pack, qid, active.get(qid)),
                    answered=qid in active,
                )
            )
        if lines:
            groups.append(AnswerGroup(heading=getattr(pack.pages.steps, step_id).nav, lines=tuple(lines)))
    return tuple(groups)


def _wording_files(pack: LanguagePack) -> tuple[Any, ...]:
    return (pack.questions, pack.guidance, pack.comparison, pack.pages, pack.ui, pack.glossary)


def translation_note(bundle: ContentBundle, pack: LanguagePack) -> str | None:
    """The "translation not yet clinically reviewed" notice, for a translated language whose
    wording files are not all reviewed; None for the source language (the manifest's first)."""
    if pack.code == bundle.default_language:
        return None
    if all(f.reviewed_on is not None for f in _wording_files(pack)):
        return None
    return pack.ui.summary.translation_not_reviewed


def _review_line(pack: LanguagePack) -> str:
    words = pack.ui.summary
    files = _wording_files(pack)
    dates = [f.reviewed_on for f in files]
    if any(date is None for date in dates):
        return words.not_reviewed
    reviewers = sorted({f.reviewed_by for f in files})
    return words.reviewed.format(name=", ".join(reviewers), date=max(d for d in dates if d).isoformat())


def build_summary(
    bundle: ContentBundle,
    answers: dict[str, Any],
    today: dt.date,
    language: str | None = None,
    *,
    clinician: bool = False,
    resume: ResumeNote | None = None,
) -> Summary:
    """Build the summary of valid `answers` (see validate_answers) as of `today`.

    `clinician` adds the clinician page (consultation mode); `resume` prints the resume code.
    """
    pack = bundle.text(language or bundle.default_language)
    words = pack.ui.summary
    citer = Citer(bundle, words.industry_funded)
    active = pruned(bundle, answers)
    guidance = assess(bundle, active)
    name = active.get("patient_name") or None
    manifest = bundle.manifest
    red_flag_labels = tuple(pack.questions.questions["red_flags"].options[code].label for code in guidance.red_flags)
    leaning = active.get("leaning")
    about = pack.ui.about
    # Build every cited section before asking the citer for the references it collected.
    guidance_view = build_guidance(bundle, pack, guidance, citer)
    answer_groups = _answer_groups(bundle, pack, active, citer)
    comparison = build_comparison(bundle, pack, citer)
    icon_arrays = build_icon_arrays(bundle, pack, citer)
    priorities = build_priorities(bundle, pack, guidance, active, citer)
    knowledge = build_knowledge(bundle, pack, guidance, active, citer)
    sure = build_sure(bundle, pack, guidance, active, citer)
    return Summary(
        language=pack.code,
        today=today,
        words=words,
        title=words.title,
        name_line=words.prepared_for.format(name=name) if name else words.no_name,
        date_line=words.date.format(date=today.isoformat()),
        version_line=words.content_version.format(
            version=manifest.content_version,
            published=manifest.published_on.isoformat(),
            review_due=manifest.review_due.isoformat(),
        ),
        review_line=_review_line(pack),
        patient_name=name,
        red_flags=red_flag_labels,
        red_flag_message=words.red_flag_action,
        guidance=guidance_view,
        answers=answer_groups,
        comparison=comparison,
        icon_arrays=icon_arrays,
        icon_legend=pack.comparison.icon_arrays.legend,
        priorities=priorities,
        priorities_note=(
            pack.guidance.values.never_a_winner if guidance.priorities else pack.guidance.values.no_priorities
        ),
        knowledge=knowledge,
        leaning_line=words.leaning.format(leaning=format_answer(bundle, pack, "leaning", leaning)),
        sure=sure,
        patient_questions=active.get("questions_for_clinician") or None,
        suggested_questions=tuple(pack.pages.steps.leaning.suggested_questions),
        references=citer.references(),
        about=(about.disclaimer, about.funding, about.update_policy, about.industry_note, about.how_made),
        guidance_data=guidance,
        answers_data=active,
        translation_note=translation_note(bundle, pack),
        resume_line=(
            pack.ui.saving.summary_line.format(code=resume.code, date=resume.expires_on.isoformat())
            if resume
            else None
        ),
        clinician_page=build_clinician_page(bundle, pack, active, guidance) if clinician else None,
    )
