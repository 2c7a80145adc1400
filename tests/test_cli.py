"""The command line: every command works, and bad input gets exit code 2 with one clear line per
problem naming the field, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader

from decision_aid.cli import main

from .conftest import REPO

TYPICAL = {
    "patient_name": "María José Núñez",
    "red_flags": ["none"],
    "fracture_causes": ["osteoporosis"],
    "conservative_care_weeks": 2,
    "failure_risk_factors": ["none"],
    "pain_now": 6,
    "leaning": "non_surgical",
    "sure_sure": True,
    "sure_understand": True,
    "sure_risk_benefit": True,
    "sure_encouragement": False,
}


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main(list(args), stdout=out)
    return code, out.getvalue(), capsys.readouterr().err


def write(tmp_path: Path, data: object, name: str = "answers.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_check_content_passes_on_the_real_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(tmp_path, capsys, "check-content", "--strict")
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("content OK: 0 errors, 0 warnings")


def test_check_content_lists_errors_as_file_key_message_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content_copy
) -> None:  # type: ignore[no-untyped-def]
    root = content_copy(("guidance.yaml", "  weeks: 3\n", "  weeks: -3\n"))
    code, out, _ = run(tmp_path, capsys, "--content", str(root), "check-content")
    assert code == 1
    assert "guidance.yaml: trial.weeks: Input should be greater than or equal to 1" in out


def test_answers_schema_is_valid_json_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(tmp_path, capsys, "answers-schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(TYPICAL, schema)


def test_guidance_prints_status_weeks_findings_and_sure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(tmp_path, capsys, "guidance", write(tmp_path, TYPICAL))
    assert code == 0
    result = json.loads(out)
    assert result["status"] == "continue_non_surgical"
    assert result["weeks_done"] == 2
    assert result["weeks_remaining"] == 1
    assert result["red_flags"] == []
    assert result["sure"] == {"score": 3, "answered": 4, "conflict": True}


@pytest.mark.parametrize("fmt", ["pdf", "html", "text"])
def test_summary_writes_each_format(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    out_path = tmp_path / f"summary.{fmt}"
    code, _, err = run(
        tmp_path,
        capsys,
        "summary",
        write(tmp_path, TYPICAL),
        "--format",
        fmt,
        "-o",
        str(out_path),
        "--date",
        "2026-11-24",
    )
    assert (code, err) == (0, "")
    data = out_path.read_bytes()
    if fmt == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    else:
        text = data.decode("utf-8")
    assert "María José Núñez" in text
    assert "2026-11-24" in text


@pytest.mark.parametrize(
    ("content", "line"),
    [
        pytest.param("{not json", "is not valid JSON (line 1, column 2", id="not-json"),
        pytest.param("[1, 2]", ": must be a JSON object of question id to answer", id="not-an-object"),
        pytest.param({"painnow": 3}, "painnow: is not a known question id", id="unknown-id"),
        pytest.param({"red_flags": ["fever"]}, "red_flags: fever is not an option", id="unknown-code"),
        pytest.param({"pain_now": "7"}, "pain_now: must be a whole number", id="wrong-type"),
        pytest.param(
            {"conservative_care_weeks": 600},
            "conservative_care_weeks: must be from 0 to 520, not 600",
            id="out-of-range",
        ),
    ],
)
@pytest.mark.parametrize("command", ["guidance", "summary"])
def test_bad_input_exits_2_with_one_line_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: object, line: str, command: str
) -> None:
    code, out, err = run(tmp_path, capsys, command, write(tmp_path, content))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert line in lines[0]


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(tmp_path, capsys, "guidance", str(tmp_path / "nope.json"))
    assert code == 2
    assert err.strip().splitlines() == [f"{tmp_path / 'nope.json'}: cannot be read (FileNotFoundError)"]


def test_an_unknown_language_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(tmp_path, capsys, "summary", write(tmp_path, TYPICAL), "--lang", "xx")
    assert code == 2
    assert err.startswith("--lang: xx is not available")


def test_the_real_module_prints_no_traceback_on_bad_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "decision_aid", "guidance", write(tmp_path, "{broken")],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_real_module_writes_a_pdf_to_standard_output(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "decision_aid", "summary", write(tmp_path, TYPICAL), "--format", "pdf"],
        capture_output=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith(b"%PDF")
