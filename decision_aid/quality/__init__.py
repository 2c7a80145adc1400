"""Content quality checks: reading level, numbers without a source, balance between options.

Reported by `check-content` (warnings fail --strict). May import the content package and textstat.
"""

from .checks import quality_issues
from .readability import MAX_GRADE, SectionReading, reading_levels, reading_table

__all__ = ["MAX_GRADE", "SectionReading", "quality_issues", "reading_levels", "reading_table"]
