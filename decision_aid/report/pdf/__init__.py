"""render_pdf(summary) -> bytes: the printable summary, 1-3 pages for a typical patient.

The only package that imports the PDF library (ReportLab). The document sets its language and
title, has bookmarks by section, and is byte-for-byte the same for the same summary.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from ..summary import Summary
from .fonts import BODY, register_fonts
from .layout import story

__all__ = ["render_pdf"]

PAPER = {"letter": letter, "a4": A4}


class _NumberedCanvas(Canvas):
    """Writes 'Page n of N' and the content version in every page's footer (two-pass)."""

    footer_text = ""
    page_words = "{page}/{pages}"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._pages: list[dict[str, object]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        width = self._pagesize[0]
        text = f"{self.footer_text}    {self.page_words.format(page=self._pageNumber, pages=total)}"
        self.setFont(BODY, 7.5)
        self.drawCentredString(width / 2, 6.5 * mm, text)


def render_pdf(summary: Summary, paper: str = "letter") -> bytes:
    """The summary as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    canvas_class = type(
        "SummaryCanvas",
        (_NumberedCanvas,),
        {"footer_text": summary.version_line, "page_words": summary.words.page},
    )
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAPER[paper],
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=11 * mm,
        bottomMargin=13 * mm,
        title=summary.title,
        subject=summary.version_line,
        creator="Spine fracture decision aid",
        lang=summary.language,
        displayDocTitle=True,
        invariant=1,
    )
    doc.build(story(summary, doc.width), canvasmaker=canvas_class)
    return buffer.getvalue()
