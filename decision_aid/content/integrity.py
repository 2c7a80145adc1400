"""Cross-file checks on a parsed bundle: ids, references, the public contract, language coverage.

Each check returns ContentIssue objects ("file: key.path: message"). Errors stop the app; warnings
fail only `check-content --strict`. Imports only the content schema, markup and errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import ContentIssue
from .markup import PLACEHOLDER, cited_ids, iter_text, raw_html
from .schema import Certainty, ContentBundle, QuestionKind
from .schema.contract import (
    GROUP_IDS,
    LEANING_CODES,
    OPTION_IDS,
    PUBLIC_QUESTIONS,
    PUBLIC_RANGES,
    STATUS_IDS,
    STEP_IDS,
)
from .schema.text import LanguagePack

__all__ = ["WORDING_FILES", "check_integrity", "structure_citations", "text_citations"]

WORDING_FILES = ("questions", "guidance", "comparison", "pages", "ui", "glossary")
"""The wording files of each language (content/<language>/<name>.yaml)."""

# Placeholders each template may use; any other {name} is a typo the app could not fill.
ALLOWED_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "guidance.weeks": frozenset({"count"}),
    "guidance.statuses": frozenset({"weeks_done", "weeks_remaining", "trial_weeks"}),
    "guidance.timeline": frozenset({"week", "weeks_done", "weeks_remaining", "trial_weeks"}),
    "guidance.sure": frozenset({"score"}),
    "guidance.knowledge": frozenset({"correct", "total"}),
    "comparison.icon_arrays": frozenset({"group", "count", "rest"}),
    "ui.nav": frozenset({"step", "total", "name", "part", "parts"}),
    "questions.questions": frozenset({"value"}),
    "ui.summary": frozenset({"name", "date", "version", "published", "review_due", "leaning", "page", "pages"}),
    "ui.accessibility": frozenset({"label"}),
    "ui.saving": frozenset({"code", "date", "minutes", "questions"}),
    "ui.clinician": frozenset({"value", "max", "score", "total", "correct", "answered", "url", "version"}),
    "ui.answer_errors": frozenset(
        {
            "field",
            "source",
            "detail",
            "min",
            "max",
            "value",
            "max_length",
            "length",
            "choices",
            "condition_field",
            "condition_value",
        }
    ),
}


def check_integrity(bundle: ContentBundle) -> list[ContentIssue]:
    """Every cross-reference problem in the bundle, errors first."""
    issues = [
        *_questionnaire(bundle),
        *_contract(bundle),
        *_rules(bundle),
        *_comparison(bundle),
        *_citations(bundle),
    ]
    for code, pack in bundle.languages.items():
        issues.extend(_language(bundle, code, pack))
    return sorted(issues, key=lambda issue: issue.level != "error")


def _questionnaire(bundle: ContentBundle) -> Iterator[ContentIssue]:
    f = "questionnaire.yaml"
    q = bundle.questionnaire
    ids = [question.id for question in q.questions]
    for qid in sorted({i for i in ids if ids.count(i) > 1}):
        yield ContentIssue(f, f"questions.{qid}", "question id is defined twice")
    step_ids = [step.id for step in q.steps]
    if tuple(step_ids) != STEP_IDS:
        yield ContentIssue(f, "steps", f"steps must be, in order: {', '.join(STEP_IDS)}")
    asked: list[str] = []
    for s_index, step in enumerate(q.steps):
        for q_index, qid in enumerate(step.questions):
            where = f"steps.{s_index}.questions.{q_index}"
            if qid not in bundle.questions:
                yield ContentIssue(f, where, f"unknown question id {qid!r}")
            elif qid in asked:
                yield ContentIssue(f, where, f"question {qid!r} is asked twice")
            asked.append(qid)
    for index, question in enumerate(q.questions):
        if question.id not in asked:
            yield ContentIssue(f, f"questions.{index}", f"question {question.id!r} is not asked on any step")
        cond = question.show_if
        if cond is None:
            continue
        where = f"questions.{index}.show_if"
        target = bundle.questions.get(cond.question)
        if target is None:
            yield ContentIssue(f, where, f"unknown question {cond.question!r}")
            continue
        if cond.question not in asked or (
            question.id in asked and asked.index(cond.question) > asked.index(question.id)
        ):
            yield ContentIssue(f, where, f"{cond.question!r} must be asked before {question.id!r}")
        if cond.question == question.id:
            yield ContentIssue(f, where, "a question cannot depend on itself")
        if (cond.op == "contains") != (target.kind is QuestionKind.MULTI_CHOICE):
            yield ContentIssue(f, where, f"use 'contains' only with a multi_choice question ({target.kind})")
        if target.options and cond.value not in target.codes:
            yield ContentIssue(f, where, f"{cond.value!r} is not an option of {cond.question!r}")


def _contract(bundle: ContentBundle) -> Iterator[ContentIssue]:
    f = "questionnaire.yaml"
    for qid, kind in PUBLIC_QUESTIONS.items():
        question = bundle.questions.get(qid)
        if question is None:
            yield ContentIssue(f, "questions", f"public question {qid!r} is missing (it is a public contract)")
        elif question.kind is not kind:
            yield ContentIssue(f, f"questions.{qid}", f"public question must be {kind}, not {question.kind}")
    for qid, (low, high) in PUBLIC_RANGES.items():
        question = bundle.questions.get(qid)
        if question is not None and (question.min, question.max) != (low, high):
            yield ContentIssue(f, f"questions.{qid}", f"public range is {low} to {high}")
    leaning = bundle.questions.get("leaning")
    if leaning is not None and sorted(leaning.codes) != sorted(LEANING_CODES):
        yield ContentIssue(f, "questions.leaning", f"leaning codes must be {', '.join(LEANING_CODES)}")


def _rules(bundle: ContentBundle) -> Iterator[ContentIssue]:
    f = "guidance.yaml"
    rules = bundle.rules
    if tuple(rules.statuses) != STATUS_IDS:
        yield ContentIssue(f, "statuses", f"statuses must be, in order: {', '.join(STATUS_IDS)}")
    yield from _kind_check(bundle, f, "sure.items", rules.sure.items, QuestionKind.BOOLEAN)
    yield from _kind_check(bundle, f, "values.items", rules.values.items, QuestionKind.INTEGER)
    for qid, code in rules.knowledge.answers.items():
        question = bundle.questions.get(qid)
        if question is None or question.kind is not QuestionKind.SINGLE_CHOICE:
            yield ContentIssue(f, f"knowledge.answers.{qid}", "must be a single_choice question")
        elif code not in question.codes:
            yield ContentIssue(f, f"knowledge.answers.{qid}", f"{code!r} is not one of its options")
    knowledge_step = next(s for s in bundle.steps if s.id == "knowledge") if "knowledge" in bundle.step_ids else None
    if knowledge_step is not None and set(knowledge_step.questions) != set(rules.knowledge.answers):
        yield ContentIssue(f, "knowledge.answers", "give a correct answer for every knowledge-check question")


def _kind_check(
    bundle: ContentBundle, file: str, path: str, ids: Iterable[str], kind: QuestionKind
) -> Iterator[ContentIssue]:
    for index, qid in enumerate(ids):
        question = bundle.questions.get(qid)
        if question is None or question.kind is not kind:
            yield ContentIssue(file, f"{path}.{index}", f"{qid!r} must be a {kind} question")


def _comparison(bundle: ContentBundle) -> Iterator[ContentIssue]:
    f = "comparison.yaml"
    comparison = bundle.comparison
    if tuple(comparison.options) != OPTION_IDS:
        yield ContentIssue(f, "options", f"options must be, in order: {', '.join(OPTION_IDS)}")
    row_ids = [row.id for row in comparison.rows]
    for index, row in enumerate(comparison.rows):
        if row_ids.count(row.id) > 1:
            yield ContentIssue(f, f"rows.{index}", f"row id {row.id!r} is used twice")
        if set(row.certainty) != set(comparison.options):
            yield ContentIssue(f, f"rows.{index}.certainty", "give a certainty for every option")
    for index, array in enumerate(comparison.icon_arrays):
        if array.row not in row_ids:
            yield ContentIssue(f, f"icon_arrays.{index}.row", f"unknown row {array.row!r}")
        for g_index, group in enumerate(array.groups):
            if group.group not in GROUP_IDS:
                yield ContentIssue(f, f"icon_arrays.{index}.groups.{g_index}", f"unknown group {group.group!r}")


def structure_citations(bundle: ContentBundle) -> list[tuple[str, str, str]]:
    """(file, key.path, citation id) for every citation referenced by the structure files."""
    rules = bundle.rules
    refs = [("guidance.yaml", "trial.citations", cid) for cid in rules.trial.citations]
    refs += [("guidance.yaml", "trial.other_lengths_citations", cid) for cid in rules.trial.other_lengths_citations]
    refs += [("guidance.yaml", "low_pain.citations", cid) for cid in rules.low_pain.citations]
    refs += [("guidance.yaml", "sure.citations", cid) for cid in rules.sure.citations]
    for index, array in enumerate(bundle.comparison.icon_arrays):
        refs += [("comparison.yaml", f"icon_arrays.{index}.citations", cid) for cid in array.citations]
    return refs


def text_citations(code: str, pack: LanguagePack) -> list[tuple[str, str, str]]:
    """(file, key.path, citation id) for every [@id] in one language's wording."""
    refs = []
    for part in WORDING_FILES:
        for path, text in iter_text(getattr(pack, part)):
            refs += [(f"{code}/{part}.yaml", path, cid) for cid in cited_ids(text)]
    return refs


def _citations(bundle: ContentBundle) -> Iterator[ContentIssue]:
    refs = structure_citations(bundle)
    for code, pack in bundle.languages.items():
        refs += text_citations(code, pack)
    for file, path, cid in refs:
        if cid not in bundle.citations:
            yield ContentIssue(file, path, f"unknown citation [@{cid}] (add it to citations.yaml)")
    used = {cid for _, _, cid in refs}
    for cid in bundle.citations:
        if cid not in used:
            yield ContentIssue("citations.yaml", cid, "citation is never used", level="warning")


def _language(bundle: ContentBundle, code: str, pack: LanguagePack) -> Iterator[ContentIssue]:
    yield from _key_parity(bundle, code, pack)
    yield from _question_coverage(bundle, code, pack)
    yield from _guidance_coverage(bundle, code, pack)
    yield from _comparison_coverage(bundle, code, pack)
    for part in WORDING_FILES:
        file = f"{code}/{part}.yaml"
        for path, text in iter_text(getattr(pack, part)):
            if raw_html(text):
                yield ContentIssue(file, path, "raw HTML is not allowed; use Markdown")
            allowed = next(
                (names for prefix, names in ALLOWED_PLACEHOLDERS.items() if f"{part}.{path}".startswith(prefix)),
                frozenset(),
            )
            for name in PLACEHOLDER.findall(text):
                if name not in allowed:
                    yield ContentIssue(file, path, f"unknown placeholder {{{name}}}")
        review = getattr(pack, part)
        if review.reviewed_on is None:
            yield ContentIssue(file, "reviewed_on", "not yet clinically reviewed", level="notice")


def _key_parity(bundle: ContentBundle, code: str, pack: LanguagePack) -> Iterator[ContentIssue]:
    """Every text key of the default language in this one, and no other (lists, optional keys too)."""
    base = bundle.default_language
    for part in WORDING_FILES if code != base and base in bundle.languages else ():
        have = {path for path, _ in iter_text(getattr(pack, part))}
        want = {path for path, _ in iter_text(getattr(bundle.languages[base], part))}
        for path in sorted(want - have):
            yield ContentIssue(f"{code}/{part}.yaml", path, f"missing in {code} (present in {base})", "warning")
        for path in sorted(have - want):
            yield ContentIssue(f"{code}/{part}.yaml", path, f"not in {base}: add it there or remove it", "warning")


def _missing_extra(file: str, path: str, have: Iterable[str], want: Iterable[str]) -> Iterator[ContentIssue]:
    have_set, want_list = set(have), list(want)
    for key in want_list:
        if key not in have_set:
            yield ContentIssue(file, f"{path}.{key}", "missing (needed by the structure files)")
    for key in sorted(have_set - set(want_list)):
        yield ContentIssue(file, f"{path}.{key}", "unknown id (not in the structure files)")


def _question_coverage(bundle: ContentBundle, code: str, pack: LanguagePack) -> Iterator[ContentIssue]:
    f = f"{code}/questions.yaml"
    texts = pack.questions.questions
    yield from _missing_extra(f, "questions", texts, bundle.questions)
    for qid, question in bundle.questions.items():
        if qid in texts:
            yield from _missing_extra(f, f"questions.{qid}.options", texts[qid].options, question.codes)


def _guidance_coverage(bundle: ContentBundle, code: str, pack: LanguagePack) -> Iterator[ContentIssue]:
    f = f"{code}/guidance.yaml"
    g = pack.guidance
    yield from _missing_extra(f, "statuses", g.statuses, STATUS_IDS)
    yield from _missing_extra(f, "knowledge.feedback", g.knowledge.feedback, bundle.rules.knowledge.answers)
    low, high = _values_range(bundle)
    yield from _missing_extra(f, "values.scale", g.values.scale, [str(v) for v in range(low, high + 1)])


def _values_range(bundle: ContentBundle) -> tuple[int, int]:
    items = [bundle.questions[qid] for qid in bundle.rules.values.items if qid in bundle.questions]
    if not items:
        return 0, -1
    return min(q.min or 0 for q in items), max(q.max or 0 for q in items)


def _comparison_coverage(bundle: ContentBundle, code: str, pack: LanguagePack) -> Iterator[ContentIssue]:
    f = f"{code}/comparison.yaml"
    c = pack.comparison
    options = bundle.comparison.options
    yield from _missing_extra(f, "options", c.options, options)
    yield from _missing_extra(f, "rows", c.rows, [row.id for row in bundle.comparison.rows])
    for row_id, row in c.rows.items():
        yield from _missing_extra(f, f"rows.{row_id}.cells", row.cells, options)
    levels = [level.value for level in Certainty]
    yield from _missing_extra(f, "certainty.levels", c.certainty.levels, levels)
    yield from _missing_extra(f, "certainty.names", c.certainty.names, levels)
    yield from _missing_extra(
        f, "icon_arrays.arrays", c.icon_arrays.arrays, [a.id for a in bundle.comparison.icon_arrays]
    )
    groups = {g.group for a in bundle.comparison.icon_arrays for g in a.groups}
    yield from _missing_extra(f, "icon_arrays.groups", c.icon_arrays.groups, [g for g in GROUP_IDS if g in groups])
    yield from _missing_extra(f, "offers", c.offers, bundle.rules.values.items)
    for item, offers in c.offers.items():
        yield from _missing_extra(f, f"offers.{item}", offers, options)
