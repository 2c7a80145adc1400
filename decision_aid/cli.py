"""The command line: the same code paths as the app (PRODUCT.md, "Command line").

    python -m decision_aid check-content [--strict]
    python -m decision_aid answers-schema [-o FILE]
    python -m decision_aid guidance ANSWERS.json
    python -m decision_aid summary ANSWERS.json --format pdf|html|text|fhir -o OUT [--lang en] [--clinician]
    python -m decision_aid questionnaire [--lang en] [-o FILE]

ANSWERS.json is an answers file or a FHIR R4 QuestionnaireResponse (docs/FHIR.md).

Exit codes: 0 success; 1 the content has errors (or warnings, with --strict); 2 bad input,
with one line per problem naming the field, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .answers_file import parse_answers
from .content import DEFAULT_CONTENT_DIR, load_content, read_content
from .content.schema import ContentBundle
from .domain import answers_json_schema, assess, describe_problem
from .errors import AnswersError, ContentError
from .fhir import build_questionnaire, build_response, to_json
from .report import build_summary, render_text

__all__ = ["main"]

EXIT_OK, EXIT_CONTENT, EXIT_INPUT = 0, 1, 2


class _FailError(Exception):
    """Stop with an exit code after printing `lines` to stderr."""

    def __init__(self, code: int, lines: list[str]) -> None:
        super().__init__(code)
        self.code = code
        self.lines = lines


def _bundle(args: argparse.Namespace) -> ContentBundle:
    try:
        return load_content(args.content)
    except ContentError as exc:
        raise _FailError(EXIT_CONTENT, [str(issue) for issue in exc.issues]) from None


def _read_answers(bundle: ContentBundle, path: str, language: str | None) -> dict[str, Any]:
    ui = bundle.text(language or bundle.default_language).ui
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _FailError(EXIT_INPUT, [f"{path}: cannot be read ({exc.__class__.__name__})"]) from None
    try:
        return dict(parse_answers(bundle, text, source=path))
    except AnswersError as exc:
        raise _FailError(EXIT_INPUT, [describe_problem(ui, p, source=path) for p in exc.problems]) from None


def _write(out: str, data: str | bytes, stdout: TextIO) -> None:
    if out == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            stdout.write(data)
        return
    try:
        Path(out).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    except OSError as exc:
        raise _FailError(EXIT_INPUT, [f"{out}: cannot be written ({exc.strerror})"]) from None


def _check_content(args: argparse.Namespace, stdout: TextIO) -> int:
    from .quality import quality_issues, reading_table

    bundle, issues = read_content(args.content)
    if bundle is not None:
        issues += quality_issues(bundle)
        if args.strict:
            stdout.write("Reading level of the patient-facing wording (grade 8 or lower; aim for 6):\n")
            stdout.write(reading_table(bundle) + "\n")
    counts = {level: sum(1 for i in issues if i.level == level) for level in ("error", "warning", "notice")}
    for issue in issues:
        prefix = "" if issue.level == "error" else f"{issue.level}: "
        stdout.write(f"{prefix}{issue}\n")
    failed = counts["error"] > 0 or (args.strict and counts["warning"] > 0)
    verdict = "FAILED" if failed else "OK"
    stdout.write(
        f"content {verdict}: {counts['error']} errors, {counts['warning']} warnings, {counts['notice']} notices\n"
    )
    return EXIT_CONTENT if failed or bundle is None else EXIT_OK


def _answers_schema(args: argparse.Namespace, stdout: TextIO) -> int:
    bundle = _bundle(args)
    _write(args.output, json.dumps(answers_json_schema(bundle, args.lang), indent=2, ensure_ascii=False) + "\n", stdout)
    return EXIT_OK


def _guidance(args: argparse.Namespace, stdout: TextIO) -> int:
    bundle = _bundle(args)
    answers = _read_answers(bundle, args.answers, args.lang)
    stdout.write(json.dumps(assess(bundle, answers).as_dict(), indent=2) + "\n")
    return EXIT_OK


def _check_language(bundle: ContentBundle, language: str | None) -> None:
    if language and language not in bundle.languages:
        choices = ", ".join(bundle.languages)
        raise _FailError(EXIT_INPUT, [f"--lang: {language} is not available; choose from {choices}"])


def _questionnaire(args: argparse.Namespace, stdout: TextIO) -> int:
    bundle = _bundle(args)
    _check_language(bundle, args.lang)
    _write(args.output, to_json(build_questionnaire(bundle, args.lang)), stdout)
    return EXIT_OK


def _summary(args: argparse.Namespace, stdout: TextIO) -> int:
    bundle = _bundle(args)
    _check_language(bundle, args.lang)
    answers = _read_answers(bundle, args.answers, args.lang)
    if args.format == "fhir":
        _write(args.output, to_json(build_response(bundle, answers, args.date, args.lang)), stdout)
        return EXIT_OK
    summary = build_summary(bundle, answers, args.date, args.lang, clinician=args.clinician)
    data: str | bytes
    if args.format == "pdf":
        from .report.pdf import render_pdf

        data = render_pdf(summary)
    elif args.format == "html":
        from .report.html import render_html

        data = render_html(summary)
    else:
        data = render_text(summary)
    _write(args.output, data, stdout)
    return EXIT_OK


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-24") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m decision_aid", description="Spine fracture decision aid.")
    parser.add_argument(
        "--content", type=Path, default=DEFAULT_CONTENT_DIR, help="content folder (default: the bundled one)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check-content", help="validate all content files")
    check.add_argument(
        "--strict", action="store_true", help="fail on warnings too, and print the reading level per section"
    )
    check.set_defaults(run=_check_content)

    schema = sub.add_parser("answers-schema", help="print the JSON Schema of the answers file")
    schema.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    schema.add_argument("--lang", default=None, help="language of the question titles")
    schema.set_defaults(run=_answers_schema)

    guidance = sub.add_parser("guidance", help="print the guidance for an answers file as JSON")
    guidance.add_argument("answers", help="answers file or QuestionnaireResponse (JSON), or - for standard input")
    guidance.add_argument("--lang", default=None, help="language of error messages")
    guidance.set_defaults(run=_guidance)

    summary = sub.add_parser("summary", help="write the summary as PDF, HTML or text, or the answers as FHIR")
    summary.add_argument("answers", help="answers file or QuestionnaireResponse (JSON), or - for standard input")
    summary.add_argument(
        "--format",
        choices=("pdf", "html", "text", "fhir"),
        default="text",
        help="fhir: the answers as a FHIR R4 QuestionnaireResponse (JSON)",
    )
    summary.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    summary.add_argument("--lang", default=None, help="language code, e.g. en")
    summary.add_argument(
        "--date", type=_date, default=dt.date.today(), help="date printed on the summary (default: today)"
    )
    summary.add_argument(
        "--clinician",
        action="store_true",
        help="add the clinician page with the structured data (as consultation mode does)",
    )
    summary.set_defaults(run=_summary)

    questionnaire = sub.add_parser("questionnaire", help="write the questions as a FHIR R4 Questionnaire (JSON)")
    questionnaire.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    questionnaire.add_argument("--lang", default=None, help="language of the wording, e.g. en")
    questionnaire.set_defaults(run=_questionnaire)
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    out = stdout or sys.stdout
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args, out))
    except _FailError as fail:
        for line in fail.lines:
            sys.stderr.write(line + "\n")
        return fail.code
