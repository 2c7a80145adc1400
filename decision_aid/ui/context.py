"""What every page needs for one run: the content, the wording, the mode and the page table.

Built by ui/app.py at the start of each run and passed explicitly (never a module global, which
would be shared by every session's thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..content.schema import ContentBundle
from ..content.schema.text import LanguagePack
from ..report.citing import Citer

__all__ = ["Ctx"]


@dataclass(frozen=True)
class Ctx:
    """One run's context.

    Attributes:
        bundle: the validated content (shared, read-only).
        pack: the wording in the chosen language.
        consultation: True when a clinician is using the aid with the patient.
        pages: step id -> st.Page, for Back and Next.
    """

    bundle: ContentBundle
    pack: LanguagePack
    consultation: bool
    pages: dict[str, Any] = field(default_factory=dict)

    def cite(self, text: str) -> str:
        """Render inline citations as '(Label 2018)'."""
        return Citer(self.bundle, self.pack.ui.summary.industry_funded).render(text)

    @property
    def language(self) -> str:
        """The language code."""
        return self.pack.code
