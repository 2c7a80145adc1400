"""The PDF's fonts: registered once per process, with per-character fallback.

Atkinson Hyperlegible sets the text. A character it lacks is set in DejaVu Sans (Greek, Cyrillic,
symbols, common emoji) or Droid Sans Fallback (Chinese, Japanese, Korean). A character no font has
becomes "?", so no name can stop the PDF. `markup` turns plain text into escaped ReportLab
paragraph markup with <font> runs for the fallback characters.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = ["BODY", "BOLD", "MISSING", "font_for", "markup", "register_fonts"]

FONT_DIR = Path(__file__).parent / "fonts"
BODY = "Atkinson"
BOLD = "Atkinson-Bold"
MISSING = "?"

# name, file; the first is the main font, the rest are fallbacks in order.
REGULAR_FONTS = (
    (BODY, "AtkinsonHyperlegible-Regular.ttf"),
    ("DejaVu", "DejaVuSans.ttf"),
    ("Droid", "DroidSansFallbackFull.ttf"),
)
BOLD_FONTS = (
    (BOLD, "AtkinsonHyperlegible-Bold.ttf"),
    ("DejaVu-Bold", "DejaVuSans-Bold.ttf"),
    ("Droid", "DroidSansFallbackFull.ttf"),
)


@lru_cache(maxsize=1)
def register_fonts() -> dict[str, frozenset[int]]:
    """Register every bundled font with ReportLab (once) and return each font's code points."""
    coverage: dict[str, frozenset[int]] = {}
    for name, filename in (*REGULAR_FONTS, *BOLD_FONTS):
        if name in coverage:
            continue
        font = TTFont(name, str(FONT_DIR / filename))
        pdfmetrics.registerFont(font)
        coverage[name] = frozenset(font.face.charToGlyph)
    pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=BODY, boldItalic=BOLD)
    return coverage


def font_for(character: str, bold: bool = False) -> str | None:
    """The first font (main, then fallbacks) that can draw `character`, or None."""
    coverage = register_fonts()
    code = ord(character)
    for name, _ in BOLD_FONTS if bold else REGULAR_FONTS:
        if code in coverage[name]:
            return name
    return None


def markup(text: str, bold: bool = False) -> str:
    """`text` as escaped paragraph markup; runs the main font lacks are wrapped in <font name=...>."""
    main = BOLD if bold else BODY
    main_coverage = register_fonts()[main]
    if all(ord(ch) in main_coverage for ch in text if ch != "\n"):
        return escape(text).replace("\n", "<br/>")
    runs: list[tuple[str, str]] = []
    for ch in text:
        if ch == "\n":
            runs.append((main, "\n"))
            continue
        if not ch.isprintable():
            continue
        name = font_for(ch, bold) or main
        piece = ch if font_for(ch, bold) else MISSING
        if runs and runs[-1][0] == name and runs[-1][1] != "\n":
            runs[-1] = (name, runs[-1][1] + piece)
        else:
            runs.append((name, piece))
    out = []
    for name, piece in runs:
        if piece == "\n":
            out.append("<br/>")
        elif name == main:
            out.append(escape(piece))
        else:
            out.append(f'<font name="{name}">{escape(piece)}</font>')
    return "".join(out)
