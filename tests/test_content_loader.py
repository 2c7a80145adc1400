"""The content loader and its checks: each kind of broken content gets a clear
"file: key.path: message", all of them are reported, and the real content is clean."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from decision_aid.content import load_content, read_content
from decision_aid.errors import ContentError

# (id, edits, expected issue text) — each case breaks one thing in a copy of the real content.
BROKEN = [
    pytest.param(
        [("questionnaire.yaml", "steps:\n", "steps:\n  - [unclosed\n")],
        "questionnaire.yaml: line 15: not valid YAML",
        id="yaml-syntax-error",
    ),
    pytest.param(
        [("en/ui.yaml", 'app_title: "Spine fracture decision aid"', 'app_title: "A"\napp_title: "B"')],
        "en/ui.yaml: line",
        id="duplicate-key",
    ),
    pytest.param(
        [("guidance.yaml", "  weeks: 3\n", "  weeks: 3\n  wekes: 4\n")],
        "guidance.yaml: trial.wekes: unknown key (check its spelling)",
        id="unknown-key",
    ),
    pytest.param(
        [("guidance.yaml", "  weeks: 3\n", "")],
        "guidance.yaml: trial.weeks: missing (this key is required)",
        id="missing-key",
    ),
    pytest.param(
        [("guidance.yaml", "  weeks: 3\n", "  weeks: three\n")],
        "guidance.yaml: trial.weeks: Input should be a valid integer",
        id="wrong-type",
    ),
    pytest.param(
        [("citations.yaml", '  doi: "10.1136/bmj.k1551"\n  pmid: "29743284"\n', "")],
        "citations.yaml: firanescu2018: Value error, a citation needs a doi or a pmid",
        id="citation-without-identifier",
    ),
    pytest.param(
        [("en/comparison.yaml", "[@zhan2017]", "[@zhan2071]")],
        "en/comparison.yaml: rows.cement_leakage.cells.vertebroplasty.short: unknown citation [@zhan2071]",
        id="unknown-citation",
    ),
    pytest.param(
        [("questionnaire.yaml", "questions: [patient_name]", "questions: [patient_name, favourite_colour]")],
        "questionnaire.yaml: steps.0.questions.1: unknown question id 'favourite_colour'",
        id="step-asks-unknown-question",
    ),
    pytest.param(
        [("questionnaire.yaml", "      value: other_cause", "      value: other_causes")],
        "questionnaire.yaml: questions.3.show_if: 'other_causes' is not an option of 'fracture_causes'",
        id="show-if-unknown-option",
    ),
    pytest.param(
        [
            (
                "questionnaire.yaml",
                "      question: fracture_causes\n      op: contains",
                "      question: pain_now\n      op: contains",
            )
        ],
        "questionnaire.yaml: questions.3.show_if: 'pain_now' must be asked before 'fracture_cause_other'",
        id="show-if-on-a-later-question",
    ),
    pytest.param(
        [
            (
                "questionnaire.yaml",
                "  - id: pain_now\n    kind: integer\n    min: 0\n    max: 10",
                "  - id: pain_now\n    kind: integer\n    min: 0\n    max: 100",
            )
        ],
        "questionnaire.yaml: questions.pain_now: public range is 0 to 10",
        id="public-range-changed",
    ),
    pytest.param(
        [
            (
                "questionnaire.yaml",
                "  - id: sure_sure\n    kind: boolean",
                "  - id: sure_sure\n    kind: text\n    max_length: 5",
            )
        ],
        "questionnaire.yaml: questions.sure_sure: public question must be boolean, not text",
        id="public-kind-changed",
    ),
    pytest.param(
        [
            (
                "en/questions.yaml",
                '      hemangioma:\n        label: "Hemangioma"\n',
                '      hemangiomas:\n        label: "H"\n',
            )
        ],
        "en/questions.yaml: questions.fracture_causes.options.hemangioma: missing (needed by the structure files)",
        id="option-without-wording",
    ),
    pytest.param(
        [("en/comparison.yaml", '    question: "What does it cost?"', '    question: "What does it <b>cost</b>?"')],
        "en/comparison.yaml: rows.cost.question: raw HTML is not allowed; use Markdown",
        id="raw-html",
    ),
    pytest.param(
        [("en/guidance.yaml", "You have had {weeks_done} of", "You have had {weeks_dne} of")],
        "en/guidance.yaml: statuses.continue_non_surgical.body: unknown placeholder {weeks_dne}",
        id="unknown-placeholder",
    ),
    pytest.param(
        [("comparison.yaml", "        events: 15\n        total: 91", "        events: 95\n        total: 91")],
        "comparison.yaml: icon_arrays.3.groups.0: Value error, events cannot be more than total",
        id="icon-array-impossible-numbers",
    ),
    pytest.param(
        [
            (
                "guidance.yaml",
                "    knowledge_sham_trials: similar_improvement",
                "    knowledge_sham_trials: yes_it_works",
            )
        ],
        "guidance.yaml: knowledge.answers.knowledge_sham_trials: 'yes_it_works' is not one of its options",
        id="knowledge-answer-not-an-option",
    ),
    pytest.param(
        [("manifest.yaml", "review_due: 2028-11-24", "review_due: 2020-01-01")],
        "manifest.yaml: Value error, review_due must be after published_on",
        id="review-before-publication",
    ),
]


@pytest.mark.parametrize(("edits", "expected"), BROKEN)
def test_each_kind_of_content_error_is_reported_with_file_and_key(
    content_copy: Callable[..., Path], edits: list[tuple[str, str, str]], expected: str
) -> None:
    root = content_copy(*edits)
    with pytest.raises(ContentError) as error:
        load_content(root)
    messages = [str(issue) for issue in error.value.issues]
    assert any(message.startswith(expected) for message in messages), messages


def test_a_missing_file_is_reported(content_copy: Callable[..., Path]) -> None:
    root = content_copy()
    (root / "en" / "pages.yaml").unlink()
    with pytest.raises(ContentError) as error:
        load_content(root)
    assert "en/pages.yaml: file not found" in [str(i) for i in error.value.issues]


def test_every_error_is_reported_not_just_the_first(content_copy: Callable[..., Path]) -> None:
    root = content_copy(
        ("guidance.yaml", "  weeks: 3\n", "  weeks: three\n"),
        ("en/ui.yaml", '  back: "Back"\n', ""),
        ("citations.yaml", '  short: "Lee 2012"', '  short: "Lee 2012"\n  colour: blue'),
    )
    with pytest.raises(ContentError) as error:
        load_content(root)
    files = {issue.file for issue in error.value.issues}
    assert {"guidance.yaml", "en/ui.yaml", "citations.yaml"} <= files


def test_an_unused_citation_is_a_warning_that_only_strict_mode_fails(content_copy: Callable[..., Path]) -> None:
    root = content_copy(
        (
            "citations.yaml",
            "buchbinder2009:",
            'unused2020:\n  short: "Unused 2020"\n  authors: "A"\n'
            '  title: "T"\n  journal: "J"\n  year: 2020\n  pmid: "1"\n  design: "d"\n\nbuchbinder2009:',
        )
    )
    bundle, issues = read_content(root)
    assert bundle is not None
    warnings = [str(i) for i in issues if i.level == "warning"]
    assert warnings == ["citations.yaml: unused2020: citation is never used"]


def test_the_real_content_has_no_errors_or_warnings() -> None:
    bundle, issues = read_content()
    assert bundle is not None
    assert [str(i) for i in issues if i.level in ("error", "warning")] == []


def test_files_awaiting_clinical_review_are_noted_not_hidden() -> None:
    _, issues = read_content()
    notices = {i.file for i in issues if i.level == "notice" and i.path == "reviewed_on"}
    bundle = load_content()
    for code, pack in bundle.languages.items():
        for part in ("questions", "guidance", "comparison", "pages", "ui", "glossary"):
            awaiting = getattr(pack, part).reviewed_on is None
            assert (f"{code}/{part}.yaml" in notices) == awaiting
