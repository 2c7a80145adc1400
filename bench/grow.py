"""Generate a content set N times larger that still validates, to measure how rerun time grows with
content size: N times the questions on the steps that show all their questions, N times the options
of the long multi-choice questions, and N times the comparison rows (wording copied)."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from decision_aid.content import DEFAULT_CONTENT_DIR, load_content

GENERIC_STEPS = ("welcome", "safety", "treatment", "values")
"""Steps whose page draws every question listed for the step (decision_aid/ui/pages.py)."""


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def grow(target: Path, factor: int) -> Path:
    """Write a content folder `factor` times the size of the real one to `target`; return it."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    questionnaire = _load(target / "questionnaire.yaml")
    comparison = _load(target / "comparison.yaml")
    languages = _load(target / "manifest.yaml")["languages"]
    texts = {
        lang: {name: _load(target / lang / f"{name}.yaml") for name in ("questions", "comparison")}
        for lang in languages
    }
    by_id = {q["id"]: q for q in questionnaire["questions"]}
    # More questions (first, so that copies keep the original options): copies of every question on
    # the steps that draw all of their step's questions (the others draw a fixed set).
    for step in questionnaire["steps"]:
        if step["id"] not in GENERIC_STEPS:
            continue
        originals = [qid for qid in step["questions"] if not by_id[qid].get("show_if")]
        for n in range(1, factor):
            for base in originals:
                qid = f"{base}_x{n}"
                questionnaire["questions"].append({**copy.deepcopy(by_id[base]), "id": qid})
                step["questions"].append(qid)
                for lang in languages:
                    qtexts = texts[lang]["questions"]["questions"]
                    qtexts[qid] = copy.deepcopy(qtexts[base])
    # More options on the long multi-choice questions.
    for qid in ("fracture_causes", "bone_loss_medicines", "failure_risk_factors"):
        question = by_id[qid]
        extra = [o for o in question["options"] if not o.get("exclusive")]
        for n in range(1, factor):
            for option in extra:
                code = f"{option['code']}_x{n}"
                question["options"].insert(-1, {"code": code})
                for lang in languages:
                    opts = texts[lang]["questions"]["questions"][qid]["options"]
                    opts[code] = dict(opts[option["code"]])
    # More comparison rows.
    rows = list(comparison["rows"])
    for n in range(1, factor):
        for row in rows:
            new_id = f"{row['id']}_x{n}"
            comparison["rows"].append({**row, "id": new_id})
            for lang in languages:
                texts[lang]["comparison"]["rows"][new_id] = texts[lang]["comparison"]["rows"][row["id"]]
    _dump(target / "questionnaire.yaml", questionnaire)
    _dump(target / "comparison.yaml", comparison)
    for lang in languages:
        for name, data in texts[lang].items():
            _dump(target / lang / f"{name}.yaml", data)
    load_content(target)  # the grown content must still validate
    return target


def content_size(folder: Path) -> dict[str, int]:
    """Questions, answer options, comparison rows and YAML bytes of a content folder."""
    questionnaire = _load(folder / "questionnaire.yaml")
    comparison = _load(folder / "comparison.yaml")
    return {
        "questions": len(questionnaire["questions"]),
        "options": sum(len(q.get("options") or []) for q in questionnaire["questions"]),
        "comparison_rows": len(comparison["rows"]),
        "yaml_bytes": sum(path.stat().st_size for path in folder.rglob("*.yaml")),
    }
