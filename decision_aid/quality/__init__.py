"""Content quality checks: reading level (grade in English, reading ease in Spanish), numbers without
a source, balance between options, and translations that keep the default language's numbers,
placeholders and citations.

Reported by `check-content` (warnings fail --strict). May import the content package and syllapy.
"""

from .checks import quality_issues
from .parity import parity_issues
from .readability import (
    EASE_LANGUAGES,
    MAX_GRADE,
    MIN_EASE,
    EaseReading,
    SectionReading,
    ease_levels,
    reading_levels,
    reading_table,
)

__all__ = [
    "EASE_LANGUAGES",
    "MAX_GRADE",
    "MIN_EASE",
    "EaseReading",
    "SectionReading",
    "ease_levels",
    "parity_issues",
    "quality_issues",
    "reading_levels",
    "reading_table",
]
