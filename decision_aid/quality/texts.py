"""Collect the patient-facing wording of one language, grouped into the sections a reader meets.

Used by the readability, evidence and balance checks. Each item is (path, text) where path is
"<file part>.<key.path>" (e.g. "comparison.rows.cost.cells.kyphoplasty.short"). Option labels and
their one-line explanations are joined into one unit, because a reader takes them together.
Pure.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.markup import iter_text
from ..content.schema import ContentBundle
from ..content.schema.text import LanguagePack

__all__ = ["SECTIONS", "patient_texts", "section_of"]

# Sections in reading order, and the question ids each step asks.
SECTIONS = (
    "welcome",
    "safety",
    "fracture",
    "treatment",
    "guidance",
    "comparison",
    "icon arrays",
    "values",
    "knowledge",
    "leaning",
    "summary and about",
    "glossary",
)

# Wording that is not for patients: messages about malformed answers files, read by integrators.
NOT_PATIENT_FACING = ("ui.answer_errors",)


def _question_units(bundle: ContentBundle, pack: LanguagePack) -> Iterator[tuple[str, str, str]]:
    for qid, text in pack.questions.questions.items():
        section = bundle.step_of_question.get(qid, "welcome")
        base = f"questions.questions.{qid}"
        yield section, f"{base}.prompt", text.prompt
        if text.help:
            yield section, f"{base}.help", text.help
        for code, option in text.options.items():
            unit = option.label if not option.explain else f"{option.label}. {option.explain}"
            yield section, f"{base}.options.{code}", unit


def section_of(path: str) -> str:
    """The reader-facing section a wording path belongs to (questions are placed by their step)."""
    part, _, rest = path.partition(".")
    if part == "pages":
        step = rest.split(".")[1]
        return {"compare": "comparison", "summary": "summary and about"}.get(step, step)
    if part == "guidance":
        key = rest.split(".")[0]
        return {"values": "values", "knowledge": "knowledge", "sure": "leaning"}.get(key, "guidance")
    if part == "comparison":
        key = rest.split(".")[0]
        return {"icon_arrays": "icon arrays", "offers": "values", "offers_heading": "values"}.get(key, "comparison")
    if part == "glossary":
        return "glossary"
    return "summary and about"


def patient_texts(bundle: ContentBundle, language: str) -> dict[str, list[tuple[str, str]]]:
    """Section -> [(path, text)] for every patient-facing string in `language`."""
    pack = bundle.languages[language]
    sections: dict[str, list[tuple[str, str]]] = {name: [] for name in SECTIONS}
    for section, path, text in _question_units(bundle, pack):
        sections[section].append((path, text))
    for part in ("guidance", "comparison", "pages", "ui", "glossary"):
        for path, text in iter_text(getattr(pack, part)):
            full = f"{part}.{path}"
            if full.startswith(NOT_PATIENT_FACING) or full.endswith(("reviewed_by", "language_name")):
                continue
            sections[section_of(full)].append((full, text))
    return sections
