"""Turn inline citation markers into readable labels and collect what was cited.

"pain eased [@venmans2012]." becomes "pain eased (Venmans 2012)." Consecutive markers are joined:
"(Buchbinder 2009; Kallmes 2009)". Studies paid for by a device maker are marked with the
language's `industry_funded` words. Pure; imports only the content schema and markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..content.markup import CITATION
from ..content.schema import Citation, ContentBundle

__all__ = ["Citer", "Reference", "format_reference"]

_RUN = re.compile(r"(?:\s?\[@[a-z0-9_]+\])+")


@dataclass(frozen=True, slots=True)
class Reference:
    """A cited source: the label shown beside facts, the full reference and a compact one."""

    label: str
    full: str
    compact: str


def _identifier(citation: Citation) -> str:
    if citation.doi:
        return f"doi:{citation.doi}"
    if citation.pmid:
        return f"PMID {citation.pmid}"
    return citation.url or ""


def format_compact(citation: Citation) -> str:
    """Journal, year and one identifier: for the printed summary's source list."""
    return f"{citation.journal} {citation.year}. {_identifier(citation)}".strip()


def format_reference(citation: Citation) -> str:
    """A one-line reference: authors. title. journal year;volume. doi/PMID/URL."""
    authors = citation.authors.rstrip(".")
    parts = [f"{authors}. {citation.title}. {citation.journal} {citation.year}"]
    if citation.volume:
        parts[0] += f";{citation.volume}"
    parts[0] += "."
    if citation.doi:
        parts.append(f"doi:{citation.doi}")
    if citation.pmid:
        parts.append(f"PMID {citation.pmid}")
    if not citation.doi and not citation.pmid and citation.url:
        parts.append(citation.url)
    if citation.registry:
        parts.append(citation.registry)
    return " ".join(parts)


class Citer:
    """Renders citation markers for one bundle and language, remembering every id it rendered.

    Args:
        bundle: the content.
        industry_mark: words added after a label when a device maker paid for the study.
    """

    def __init__(self, bundle: ContentBundle, industry_mark: str) -> None:
        self._citations = bundle.citations
        self._mark = industry_mark
        self.used: list[str] = []

    def label(self, cid: str) -> str:
        """The short label for one citation id, with the industry mark where it applies."""
        citation = self._citations[cid]
        if cid not in self.used:
            self.used.append(cid)
        return f"{citation.short}, {self._mark}" if citation.industry_funded else citation.short

    def render(self, text: str) -> str:
        """`text` with every run of markers replaced by one '(Label; Label)'."""

        def replace(match: re.Match[str]) -> str:
            ids = CITATION.findall(match.group(0))
            return " (" + "; ".join(self.label(cid) for cid in ids) + ")"

        return _RUN.sub(replace, text)

    def render_all(self, texts: Iterable[str]) -> tuple[str, ...]:
        """render() over several texts."""
        return tuple(self.render(text) for text in texts)

    def references(self) -> tuple[Reference, ...]:
        """Every citation rendered so far, sorted by label."""
        rows = [
            Reference(
                label=self._citations[cid].short,
                full=format_reference(self._citations[cid]),
                compact=format_compact(self._citations[cid]),
            )
            for cid in self.used
        ]
        return tuple(sorted(rows, key=lambda ref: ref.label.lower()))
