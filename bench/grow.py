"""Generate a content set N times larger (more options, questions and comparison rows) that still
validates, to measure how rerun time grows with content size."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from decision_aid.content import DEFAULT_CONTENT_DIR, load_content


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
    # More options on the long multi-choice questions.
    for qid in ("fracture_causes", "bone_loss_medicines", "failure_risk_factors"):
        question = by_id[qid]
        extra = [o for o in question["options"] if not o.get("exclusive")]
        for copy in range(1, factor):
            for option in extra:
                code = f"{option['code']}_x{copy}"
                question["options"].insert(-1, {"code": code})
                for lang in languages:
                    opts = texts[lang]["questions"]["questions"][qid]["options"]
                    opts[code] = dict(opts[option["code"]])
    # More questions: copies of the treatment step's multi-choice question.
    step = next(s for s in questionnaire["steps"] if s["id"] == "treatment")
    base = by_id["conservative_treatments"]
    for copy in range(1, factor):
        qid = f"conservative_treatments_x{copy}"
        questionnaire["questions"].append({**base, "id": qid})
        step["questions"].append(qid)
        for lang in languages:
            qtexts = texts[lang]["questions"]["questions"]
            qtexts[qid] = qtexts["conservative_treatments"]
    # More comparison rows.
    rows = list(comparison["rows"])
    for copy in range(1, factor):
        for row in rows:
            new_id = f"{row['id']}_x{copy}"
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
