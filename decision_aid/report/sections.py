"""Build the summary's sections from the content, the answers and the guidance.

Used by the summary and, section by section, by the screen. Pure; imports only the content
schema, the domain and the citer.
"""

from __future__ import annotations

from typing import Any

from ..content.schema import Certainty, ContentBundle
from ..content.schema.text import LanguagePack
from ..domain import Guidance
from .citing import Citer
from .views import (
    AnswerLine,
    ComparisonCell,
    ComparisonRowView,
    ComparisonView,
    GuidanceView,
    IconArrayView,
    IconGroupView,
    KnowledgeItem,
    KnowledgeView,
    PriorityView,
    SureView,
    Timeline,
)

__all__ = [
    "build_comparison",
    "build_guidance",
    "build_icon_arrays",
    "build_knowledge",
    "build_priorities",
    "build_sure",
]


def guidance_values(pack: LanguagePack, guidance: Guidance) -> dict[str, object]:
    """The placeholders of the guidance's wording: weeks done, weeks remaining ("?" if unknown), trial."""
    weeks = pack.guidance.weeks
    return {
        "weeks_done": weeks.format(guidance.weeks_done) if guidance.weeks_done is not None else "?",
        "weeks_remaining": weeks.format(guidance.weeks_remaining) if guidance.weeks_remaining is not None else "?",
        "trial_weeks": guidance.trial_weeks,
    }


def build_guidance(bundle: ContentBundle, pack: LanguagePack, guidance: Guidance, citer: Citer) -> GuidanceView:
    """The guidance text and timeline for `guidance`."""
    g = pack.guidance
    values = guidance_values(pack, guidance)
    status = g.statuses[guidance.status.value]
    notes = []
    if guidance.low_pain:
        notes.append(g.low_pain_note)
    if guidance.missing:
        prompts = [pack.questions.questions[qid].prompt for qid in guidance.missing]
        notes.append(f"{g.missing_answers} " + "; ".join(prompts))
    t = g.timeline
    done = guidance.weeks_done
    span = max(guidance.trial_weeks, min(done, 52) if done is not None else 0) + 1
    timeline = Timeline(
        heading=t.heading,
        trial_weeks=guidance.trial_weeks,
        weeks_done=done,
        span=span,
        week_labels=(t.start, *(t.week_label.format(week=week) for week in range(1, span + 1))),
        you_are_here=t.you_are_here.format(**values) if done is not None else None,
        trial_end=t.trial_end.format(**values),
        alt=(t.alt if done is not None else t.alt_unknown).format(**values),
    )
    return GuidanceView(
        status=guidance.status.value,
        title=status.title.format(**values),
        body=citer.render(status.body.format(**values)),
        notes=tuple(notes),
        not_advice=g.guidance_is_not_advice,
        sources_differ=citer.render(g.sources_differ),
        timeline=timeline,
    )


def build_comparison(bundle: ContentBundle, pack: LanguagePack, citer: Citer) -> ComparisonView:
    """The comparison grid in `pack`'s language."""
    c = pack.comparison
    options = tuple(bundle.comparison.options)
    rows = []
    for row in bundle.comparison.rows:
        text = c.rows[row.id]
        cells = tuple(
            ComparisonCell(
                text=citer.render(text.cells[option].short),
                detail=citer.render(text.cells[option].detail),
                certainty_level=row.certainty[option].value,
                certainty_name=c.certainty.names[row.certainty[option].value],
                certainty=c.certainty.levels[row.certainty[option].value],
                certainty_note=(
                    ""
                    if row.certainty[option] is Certainty.DESCRIPTIVE
                    else f"{pack.ui.summary.certainty}: {c.certainty.names[row.certainty[option].value]}"
                ),
            )
            for option in options
        )
        rows.append(ComparisonRowView(id=row.id, question=text.question, cells=cells))
    return ComparisonView(
        heading=c.heading,
        intro=c.intro,
        question_column=c.question_column,
        option_ids=options,
        option_names=tuple(c.options[o].name for o in options),
        option_summaries=tuple(c.options[o].summary for o in options),
        rows=tuple(rows),
        certainty_heading=c.certainty.heading,
        more_detail=c.more_detail,
        other_studies_heading=c.other_studies.heading,
        other_studies=citer.render_all(c.other_studies.items),
    )


def build_icon_arrays(bundle: ContentBundle, pack: LanguagePack, citer: Citer) -> tuple[IconArrayView, ...]:
    """Every icon array with captions; the text alternative reads the title, time frame and captions."""
    words = pack.comparison.icon_arrays
    views = []
    for array in bundle.comparison.icon_arrays:
        text = words.arrays[array.id]
        groups = tuple(
            IconGroupView(
                group=g.group,
                name=words.groups[g.group],
                count=g.per_100,
                caption=text.caption.format(group=words.groups[g.group], count=g.per_100, rest=100 - g.per_100),
            )
            for g in array.groups
        )
        source = citer.render("".join(f"[@{cid}]" for cid in array.citations)).strip()
        alt = " ".join([f"{words.heading}: {text.title}.", *(g.caption for g in groups), text.timeframe])
        views.append(
            IconArrayView(
                id=array.id,
                row=array.row,
                title=text.title,
                timeframe=text.timeframe,
                groups=groups,
                source=source,
                alt=alt,
            )
        )
    return tuple(views)


def build_priorities(
    bundle: ContentBundle, pack: LanguagePack, guidance: Guidance, answers: dict[str, Any], citer: Citer
) -> tuple[PriorityView, ...]:
    """The person's top priorities with what each option offers (never a winner)."""
    scale = pack.guidance.values.scale
    offers = pack.comparison.offers
    return tuple(
        PriorityView(
            item=item,
            label=pack.questions.questions[item].prompt,
            rating=scale[str(answers[item])],
            offers=citer.render_all(offers[item][o] for o in bundle.comparison.options),
        )
        for item in guidance.priorities
    )


def build_knowledge(
    bundle: ContentBundle, pack: LanguagePack, guidance: Guidance, answers: dict[str, Any], citer: Citer
) -> KnowledgeView:
    """The knowledge check: each answer given, whether it matches the studies, and why."""
    k = pack.guidance.knowledge
    not_answered = pack.ui.answers.not_answered
    items = []
    for qid, correct_code in bundle.rules.knowledge.answers.items():
        text = pack.questions.questions[qid]
        given = answers.get(qid)
        correct = None if given is None else given == correct_code
        items.append(
            KnowledgeItem(
                prompt=text.prompt,
                answer=text.options[given].label if given else not_answered,
                correct=correct,
                verdict="" if correct is None else (k.correct if correct else k.not_quite),
                feedback=citer.render(k.feedback[qid]),
            )
        )
    result = guidance.knowledge
    return KnowledgeView(
        heading=k.heading,
        score_line=k.score.format(correct=len(result.correct), total=result.total),
        items=tuple(items),
    )


def build_sure(
    bundle: ContentBundle, pack: LanguagePack, guidance: Guidance, answers: dict[str, Any], citer: Citer
) -> SureView:
    """The SURE test score and what it means."""
    s = pack.guidance.sure
    words = pack.ui.answers
    result = guidance.sure
    items = tuple(
        AnswerLine(
            label=pack.questions.questions[qid].prompt,
            value=words.not_answered if qid not in answers else (words.yes if answers[qid] else words.no),
            answered=qid in answers,
        )
        for qid in bundle.rules.sure.items
    )
    if result.score is None:
        return SureView(s.heading, "", s.incomplete, None, items)
    message = citer.render(s.conflict if result.conflict else s.no_conflict)
    return SureView(s.heading, s.score.format(score=result.score), message, result.conflict, items)
