"""Pictures and markers for the PDF: the trial timeline, icon-array grids and outline entries.

Shapes and fill carry the meaning (filled vs outlined people, shaded trial weeks), so they survive
black-and-white printing. The icon layout is the same one the screen uses (report/icons.py).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from ..figures import COLUMNS, icon_cells
from ..views import Timeline
from .fonts import BODY, BOLD, markup

__all__ = ["IconGrid", "OutlineEntry", "TimelineDrawing"]

INK = colors.HexColor("#1b3a5c")
LIGHT = colors.HexColor("#dfe7f0")


class OutlineEntry(Flowable):
    """Adds a bookmark (PDF outline entry) for the section that follows. Draws nothing."""

    def __init__(self, title: str, key: str) -> None:
        super().__init__()
        self.title = title
        self.key = key
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


class IconGrid(Flowable):
    """100 small people in a 10 x 10 grid; the first `count` are filled in."""

    def __init__(self, count: int, icon: float = 1.45 * mm) -> None:
        super().__init__()
        self.count = count
        self.icon = icon
        self.width = COLUMNS * icon
        self.height = (100 // COLUMNS) * icon

    def _define_people(self) -> tuple[str, str]:
        """Draw one filled and one outlined person as reusable forms (once per document)."""
        c = self.canv
        names = (f"person_filled_{self.icon:.2f}", f"person_empty_{self.icon:.2f}")
        defined: set[str] = getattr(c, "_decision_aid_forms", set())
        s = self.icon
        for name, fill in zip(names, (INK, colors.white), strict=True):
            if name in defined:
                continue
            c.beginForm(name, lowerx=0, lowery=0, upperx=s, uppery=s)
            c.setStrokeColor(INK)
            c.setLineWidth(0.4)
            c.setFillColor(fill)
            c.circle(s / 2, s * 0.76, s * 0.17, stroke=1, fill=1)
            c.roundRect(s * 0.22, s * 0.08, s * 0.56, s * 0.46, s * 0.15, stroke=1, fill=1)
            c.endForm()
            defined.add(name)
        c._decision_aid_forms = defined  # type: ignore[attr-defined]
        return names

    def draw(self) -> None:
        filled_form, empty_form = self._define_people()
        c = self.canv
        s = self.icon
        for row, col, filled in icon_cells(self.count):
            c.saveState()
            c.translate(col * s, self.height - (row + 1) * s)
            c.doForm(filled_form if filled else empty_form)
            c.restoreState()


class TimelineDrawing(Flowable):
    """Weeks as boxes: the trial weeks shaded, a line at the trial's end, a marker at 'you are here'."""

    def __init__(self, timeline: Timeline, width: float) -> None:
        super().__init__()
        self.timeline = timeline
        self.width = width
        self.height = 22 * mm if timeline.weeks_done is not None else 16 * mm

    def _text(self, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        style = ParagraphStyle("t", fontName=BOLD if bold else BODY, fontSize=size, leading=size * 1.2)
        para = Paragraph(markup(text, bold), style)
        para.wrap(self.width, 20 * mm)
        para.drawOn(self.canv, max(0.0, min(x, self.width - para.minWidth())), y)

    def draw(self) -> None:
        t = self.timeline
        c = self.canv
        step = self.width / t.span
        box_h = 6 * mm
        base = self.height - 5 * mm - box_h
        c.setStrokeColor(INK)
        c.setLineWidth(0.8)
        for week in range(t.span):
            c.setFillColor(LIGHT if week < t.trial_weeks else colors.white)
            c.rect(week * step, base, step, box_h, stroke=1, fill=1)
        c.setFillColor(colors.black)
        for week in range(t.span + 1):
            label = t.week_labels[week]
            c.setFont(BODY, 7.5)
            width = c.stringWidth(label, BODY, 7.5)
            c.drawString(max(0.0, min(week * step - width / 2, self.width - width)), base - 3.5 * mm, label)
        end_x = t.trial_weeks * step
        c.setLineWidth(2.2)
        c.line(end_x, base - 1 * mm, end_x, base + box_h + 2 * mm)
        self._text(end_x + 1 * mm, base + box_h + 1.2 * mm, t.trial_end, 8, bold=True)
        if t.weeks_done is not None and t.you_are_here:
            here = min(t.weeks_done, t.span) * step
            c.setFillColor(INK)
            path = c.beginPath()
            path.moveTo(here, base - 4.5 * mm)
            path.lineTo(here - 2 * mm, base - 8 * mm)
            path.lineTo(here + 2 * mm, base - 8 * mm)
            path.close()
            c.drawPath(path, stroke=0, fill=1)
            c.setFillColor(colors.black)
            self._text(here - 15 * mm, base - 12 * mm, t.you_are_here, 8.5, bold=True)
