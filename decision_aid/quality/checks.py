"""Quality checks run by `check-content`: each finding is a ContentIssue.

- A number in patient-facing wording must sit in a unit that cites its source ([@id]), unless the
  number is not evidence (a scale definition, an instruction) and content/uncited_numbers.yaml
  says why. Icon-array wording is cited by its array in content/comparison.yaml.
- Each section's reading level (Flesch-Kincaid and SMOG) must be at or below grade 8; in Spanish,
  its reading ease (Fernández-Huerta and Szigriszt-Pazos) must be 60 or higher.
- Each translation keeps the numbers, placeholders and citations of the default language's text.
- The three options get equal detail in the comparison: each option's word count within 25% of
  the mean.
- Every glossary word appears somewhere in the wording (no dead entries).
Pure; warnings fail `check-content --strict`.
"""

from __future__ import annotations

import re

from ..content.markup import CITATION, PLACEHOLDER
from ..content.schema import ContentBundle
from ..errors import ContentIssue
from .parity import parity_issues
from .readability import EASE_LANGUAGES, MAX_GRADE, MIN_EASE, ease_levels, reading_levels
from .texts import patient_texts

__all__ = ["BALANCE_TOLERANCE", "option_word_counts", "quality_issues", "uncited_numbers"]

BALANCE_TOLERANCE = 0.25
_DIGIT = re.compile(r"\d")
CITED_BY_STRUCTURE = ("comparison.icon_arrays.arrays.",)


def uncited_numbers(bundle: ContentBundle, language: str) -> list[str]:
    """Wording paths that contain a number but no citation and no documented exemption."""
    found = []
    for items in patient_texts(bundle, language).values():
        for path, text in items:
            bare = PLACEHOLDER.sub("", text)
            if not _DIGIT.search(CITATION.sub("", bare)) or CITATION.search(text):
                continue
            if path.startswith(CITED_BY_STRUCTURE) or path in bundle.uncited_numbers:
                continue
            found.append(path)
    return found


def option_word_counts(bundle: ContentBundle, language: str) -> dict[str, int]:
    """Words each option gets in the comparison (summary, and every row's short and detail text)."""
    comparison = bundle.languages[language].comparison
    counts = {}
    for option in bundle.comparison.options:
        texts = [comparison.options[option].summary]
        for row in comparison.rows.values():
            texts += [row.cells[option].short, row.cells[option].detail]
        counts[option] = sum(len(CITATION.sub("", text).split()) for text in texts)
    return counts


def _glossary_unused(bundle: ContentBundle, language: str) -> list[str]:
    pack = bundle.languages[language]
    wording = " ".join(
        text.lower()
        for section, items in patient_texts(bundle, language).items()
        if section != "glossary"
        for _, text in items
    )
    unused = []
    for term_id, entry in pack.glossary.terms.items():
        forms = [f.strip().lower() for f in re.split(r"[()]", entry.term) if f.strip()]
        if not any(form in wording for form in forms):
            unused.append(term_id)
    return unused


def _reading_issues(bundle: ContentBundle, language: str) -> list[ContentIssue]:
    """Sections that read above grade 8 (English) or below reading ease 60 (Spanish)."""
    if language in EASE_LANGUAGES:
        return [
            ContentIssue(
                f"{language}/*",
                ease.section,
                f"reading ease below {MIN_EASE:g} (Fernández-Huerta {ease.fernandez_huerta}, "
                f"Szigriszt-Pazos {ease.szigriszt_pazos})",
                "warning",
            )
            for ease in ease_levels(bundle, language)
            if ease.lowest < MIN_EASE
        ]
    return [
        ContentIssue(
            f"{language}/*",
            reading.section,
            f"reading level above grade {MAX_GRADE:g} (Flesch-Kincaid {reading.fk_grade}, SMOG {reading.smog})",
            "warning",
        )
        for reading in reading_levels(bundle, language)
        if max(reading.fk_grade, reading.smog) > MAX_GRADE
    ]


def quality_issues(bundle: ContentBundle) -> list[ContentIssue]:
    """Every quality finding, for every language."""
    issues = []
    for language in bundle.languages:
        for path in uncited_numbers(bundle, language):
            part, _, key = path.partition(".")
            issues.append(ContentIssue(f"{language}/{part}.yaml", key, "a number without a source [@id]", "warning"))
        issues += _reading_issues(bundle, language)
        issues += parity_issues(bundle, language)
        counts = option_word_counts(bundle, language)
        mean = sum(counts.values()) / len(counts)
        for option, words in counts.items():
            if abs(words - mean) > BALANCE_TOLERANCE * mean:
                issues.append(
                    ContentIssue(
                        f"{language}/comparison.yaml",
                        f"cells.{option}",
                        f"{words} words against a mean of {mean:.0f}: keep the options in equal detail",
                        "warning",
                    )
                )
        for term_id in _glossary_unused(bundle, language):
            issues.append(
                ContentIssue(
                    f"{language}/glossary.yaml", f"terms.{term_id}", "this word is not used anywhere", "warning"
                )
            )
    return issues
