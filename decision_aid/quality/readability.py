"""Reading level of the patient-facing wording, per section: Flesch-Kincaid grade and SMOG for
English, reading ease (Fernández-Huerta and Szigriszt-Pazos) for Spanish.

The measurement is kept honest (README, "Reading level"):
- citation markers are removed and {placeholders} become a short number, so they neither add nor
  hide words;
- Markdown list markers and bold marks are removed; every list item, label and paragraph ends a
  sentence (a period is added where the text has none), and a colon that ends a line ends a
  sentence;
- units of fewer than three words (buttons, "Yes", "Week 2") are left out: they are not prose, and
  counting them as sentences would flatter the score;
- each section is measured as one passage, so SMOG has the sentences it needs.
English syllables come from syllapy (a CMU-derived dictionary with rules for unknown words);
Pyphen's hyphenation, which textstat uses offline, undercounts them ("vertebroplasty" = 3, "people"
= 1) and flatters the grade by about 1.5. A number counts as one syllable per digit, at most 3.
The formulas are the published ones:
  Flesch-Kincaid grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
  SMOG grade = 1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291
Spanish is measured the same way (the same `prepare`, words and sentences), with syllables counted
by the rules of Spanish spelling (quality/spanish.py), and the two Spanish formulas in use:
  Fernández-Huerta (1959, as corrected) = 206.84 - 60 * syllables/words - 1.02 * words/sentences
  Szigriszt-Pazos perspicuity (1993; INFLESZ scale) = 206.835 - 62.3 * syllables/words - words/sentences
Both run from 0 (very hard) to 100 (very easy); 60 or more is "normal" to "easy" on both scales
(INFLESZ: 55-65 normal, 65-80 fairly easy). Grade formulas made for English mean nothing in Spanish.
They are a guard against drift, not a verdict on plain language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import syllapy

from ..content.markup import CITATION, PLACEHOLDER
from ..content.schema import ContentBundle
from .spanish import spanish_syllables
from .texts import patient_texts

__all__ = [
    "EASE_LANGUAGES",
    "MAX_GRADE",
    "MIN_EASE",
    "EaseReading",
    "SectionReading",
    "ease_levels",
    "prepare",
    "reading_levels",
    "reading_table",
    "spanish_ease",
]

MAX_GRADE = 8.0
"""IPDAS: patient text at grade 8 or lower (aim for 6)."""

MIN_EASE = 60.0
"""Spanish: Fernández-Huerta and Szigriszt-Pazos at 60 or higher ("normal" to "easy")."""

EASE_LANGUAGES = frozenset({"es"})
"""Languages measured by reading ease (the Spanish formulas) rather than by US school grade."""

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\d,.]*")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+\.)\s+", re.MULTILINE)
_BOLD = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")


@dataclass(frozen=True, slots=True)
class SectionReading:
    """The reading level of one section."""

    section: str
    words: int
    sentences: int
    fk_grade: float
    smog: float


@dataclass(frozen=True, slots=True)
class EaseReading:
    """The reading ease of one Spanish section (0 very hard to 100 very easy)."""

    section: str
    words: int
    sentences: int
    syllables: int
    fernandez_huerta: float
    szigriszt_pazos: float

    @property
    def lowest(self) -> float:
        """The lower (stricter) of the two scores."""
        return min(self.fernandez_huerta, self.szigriszt_pazos)


def prepare(text: str) -> list[str]:
    """One text unit as a list of sentences-to-measure (see the module notes)."""
    text = CITATION.sub("", text)
    text = PLACEHOLDER.sub("3", text)
    text = _LIST_MARK.sub("", text)
    text = _BOLD.sub("", text)
    pieces = []
    for line in text.split("\n"):
        line = line.strip()
        if len(line.split()) < 3:
            continue
        if line.endswith(":"):
            line = line[:-1] + "."
        if line[-1] not in ".?!":
            line += "."
        pieces.append(line)
    return pieces


def syllables(word: str) -> int:
    """Syllables in one word (a number: one per digit, at most 3)."""
    if word[0].isdigit():
        return min(3, sum(ch.isdigit() for ch in word))
    return max(1, int(syllapy.count(word.lower())))


def _measure(units: list[str], count_syllables: Callable[[str], int] = syllables) -> tuple[int, int, int, int]:
    """(words, sentences, syllables, polysyllabic words) of prepared units."""
    words = sentences = total = poly = 0
    for unit in units:
        for sentence in _SENTENCE_END.split(unit):
            tokens = _WORD.findall(sentence)
            if len(tokens) < 3:
                continue
            sentences += 1
            words += len(tokens)
            for token in tokens:
                count = count_syllables(token)
                total += count
                poly += count >= 3
    return words, sentences, total, poly


def reading_levels(bundle: ContentBundle, language: str) -> list[SectionReading]:
    """Flesch-Kincaid grade and SMOG for each section of `language`'s patient-facing wording."""
    results = []
    for section, items in patient_texts(bundle, language).items():
        units = [s for _, text in items for s in prepare(text)]
        words, sentences, total, poly = _measure(units)
        if not sentences:
            continue
        fk = 0.39 * words / sentences + 11.8 * total / words - 15.59
        smog = 1.0430 * math.sqrt(poly * 30 / sentences) + 3.1291
        results.append(SectionReading(section, words, sentences, round(fk, 1), round(smog, 1)))
    return results


def spanish_ease(section: str, units: list[str]) -> EaseReading | None:
    """Fernández-Huerta and Szigriszt-Pazos of prepared Spanish units (None when nothing to measure)."""
    words, sentences, total, _ = _measure(units, spanish_syllables)
    if not sentences:
        return None
    per_word, per_sentence = total / words, words / sentences
    huerta = 206.84 - 60 * per_word - 1.02 * per_sentence
    szigriszt = 206.835 - 62.3 * per_word - per_sentence
    return EaseReading(section, words, sentences, total, round(huerta, 1), round(szigriszt, 1))


def ease_levels(bundle: ContentBundle, language: str) -> list[EaseReading]:
    """Fernández-Huerta and Szigriszt-Pazos for each section of `language`'s (Spanish) wording."""
    results = []
    for section, items in patient_texts(bundle, language).items():
        reading = spanish_ease(section, [s for _, text in items for s in prepare(text)])
        if reading is not None:
            results.append(reading)
    return results


def reading_table(bundle: ContentBundle) -> str:
    """The per-section reading levels of every language, as plain-text tables (grade, then ease)."""
    grade = [language for language in bundle.languages if language not in EASE_LANGUAGES]
    ease = [language for language in bundle.languages if language in EASE_LANGUAGES]
    lines = []
    if grade:
        lines.append(f"{'language':8} {'section':18} {'words':>6} {'sentences':>9} {'FK grade':>8} {'SMOG':>6}")
    for language in grade:
        for r in reading_levels(bundle, language):
            lines.append(f"{language:8} {r.section:18} {r.words:>6} {r.sentences:>9} {r.fk_grade:>8} {r.smog:>6}")
    if ease:
        lines += [
            *([""] if lines else []),
            f"Reading ease in Spanish, {MIN_EASE:g} or higher (normal to easy on the INFLESZ scale):",
            f"{'language':8} {'section':18} {'words':>6} {'sentences':>9} "
            f"{'Fernández-Huerta':>16} {'Szigriszt-Pazos':>15}",
        ]
        for language in ease:
            for e in ease_levels(bundle, language):
                lines.append(
                    f"{language:8} {e.section:18} {e.words:>6} {e.sentences:>9} "
                    f"{e.fernandez_huerta:>16} {e.szigriszt_pazos:>15}"
                )
    return "\n".join(lines) + "\n"
