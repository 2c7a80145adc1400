"""Spanish syllables, counted by the rules of Spanish spelling (for the Spanish reading-ease formulas).

Spanish spelling shows where its syllables are: every syllable has one vowel nucleus, so counting
syllables is counting nuclei in each run of vowel letters (consonants, h included, end a run):
- a, e, o (with or without an accent) and an accented í or ú are nuclei of their own: two of them
  side by side are two syllables (le-er, o-cé-a-no, os-te-o-po-ro-sis, dí-a, pa-ís);
- an unaccented i, u or ü joins the nucleus beside it (diphthongs and triphthongs: cuer-po, ciu-dad,
  buey, pin-güi-no), and a run of only these is one syllable (muy, fui);
- the silent u of que, qui, gue, gui needs no rule: it joins the vowel after it (que, gui-ta-rra);
- y at the end of a word after a vowel is the vowel i (hoy, muy, U-ru-guay); the word "y" is one
  syllable; elsewhere y is a consonant (a-yu-da).
This follows the spelling rules of the Real Academia Española (Ortografía, 2010): "guion" and
"huir" are one syllable, and h between vowels does not stop a diphthong in speech ("ahu-ma-do"),
which this count treats as two syllables; such words are rare in patient wording.

Why not Pyphen, which textstat uses: its Spanish patterns are for breaking lines, and a line is
never broken between two vowels; the patterns also skip some breaks. On 194 hand-checked words
(tests/test_language_parity.py) Pyphen, even with one-letter ends allowed, miscounted 52 (día = 1,
leer = 1, océano = 2, agua = 1, años = 1, osteoporosis = 5), always too few, which flatters a
reading-ease score (by about 3 points on this content's Spanish); these rules miscounted none, and
they agree with the pylabeador syllabifier on all 1,010 distinct Spanish words of the content that
it can split (it refuses single letters, abbreviations and names such as "PDF" and "Kümmell").
A number counts as one syllable per digit, at most 3, as in English. Pure; standard library only.
"""

from __future__ import annotations

import re

__all__ = ["spanish_syllables"]

_VOWEL_RUN = re.compile(r"[aeiouáéíóúü]+")
_NUCLEUS = frozenset("aeoáéóíú")
_FINAL_Y = re.compile(r"(?<=[aeiouáéíóúü])y$")


def spanish_syllables(word: str) -> int:
    """Syllables in one Spanish word (a number: one per digit, at most 3)."""
    if word[0].isdigit():
        return min(3, sum(ch.isdigit() for ch in word))
    lowered = _FINAL_Y.sub("i", word.lower())
    if lowered == "y":
        return 1
    count = sum(max(1, sum(ch in _NUCLEUS for ch in run)) for run in _VOWEL_RUN.findall(lowered))
    return max(1, count)
