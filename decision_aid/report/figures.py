"""Pictures as SVG for the screen and the HTML summary: icon arrays and the trial timeline.

Icon arrays: 100 small people, the ones with the event filled in and grouped first. `icon_cells`
is the one layout both the SVG here and the PDF drawing use, so screen and paper match. Filled
versus outlined, and shaded versus plain weeks, carry the meaning, so the pictures survive
black-and-white printing and do not rely on colour. Every picture carries its text alternative.
Pure.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from html import escape

from .views import Timeline

__all__ = ["COLUMNS", "icon_array_data_uri", "icon_array_svg", "icon_cells", "timeline_data_uri", "timeline_svg"]

COLUMNS = 10
INK = "#1b3a5c"
PAPER = "#ffffff"


def icon_cells(count: int, total: int = 100, columns: int = COLUMNS) -> list[tuple[int, int, bool]]:
    """(row, column, filled) for each icon; the first `count` icons, row by row, are filled."""
    if not 0 <= count <= total:
        raise ValueError(f"count must be between 0 and {total}, not {count}")
    return [(index // columns, index % columns, index < count) for index in range(total)]


def _person_symbol(ident: str, size: float, fill: str) -> str:
    head_r = size * 0.17
    body_w, body_h = size * 0.56, size * 0.46
    return (
        f'<g id="{ident}">'
        f'<circle cx="{size / 2:.1f}" cy="{size * 0.22:.1f}" r="{head_r:.1f}" fill="{fill}" '
        f'stroke="{INK}" stroke-width="1.2"/>'
        f'<rect x="{size / 2 - body_w / 2:.1f}" y="{size * 0.44:.1f}" width="{body_w:.1f}" '
        f'height="{body_h:.1f}" rx="{size * 0.18:.1f}" fill="{fill}" stroke="{INK}" stroke-width="1.2"/></g>'
    )


@lru_cache(maxsize=256)
def icon_array_svg(count: int, alt: str, size: int = 22, total: int = 100) -> str:
    """An accessible SVG of `count` filled people out of `total`. `alt` is its text alternative.

    Each person is drawn once (a group in <defs>, at the top left) and placed with <use> and its
    x and y, which keeps the picture small (about 4 KB) for a fast screen. Cached: the same picture
    is built once per process.
    """
    cells = icon_cells(count, total)
    rows = (total + COLUMNS - 1) // COLUMNS
    width, height = COLUMNS * size, rows * size
    uses = "".join(
        f'<use href="#{"f" if filled else "e"}" x="{col * size}" y="{row * size}"/>' for row, col, filled in cells
    )
    label = escape(alt, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f"<title>{escape(alt)}</title><defs>{_person_symbol('f', size, INK)}{_person_symbol('e', size, PAPER)}</defs>"
        f"{uses}</svg>"
    )


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@lru_cache(maxsize=256)
def icon_array_data_uri(count: int, alt: str) -> str:
    """`icon_array_svg` as a data: URI, for an <img> in the screen's Markdown. Cached."""
    return _data_uri(icon_array_svg(count, alt))


@lru_cache(maxsize=64)
def timeline_data_uri(timeline: Timeline) -> str:
    """`timeline_svg` as a data: URI, for an <img> in the screen's Markdown. Cached."""
    return _data_uri(timeline_svg(timeline))


@lru_cache(maxsize=256)
def timeline_svg(timeline: Timeline, width: int = 560) -> str:
    """The trial weeks as boxes (trial weeks shaded), the trial's end and 'you are here'."""
    span = timeline.span
    step = (width - 20) / span
    x0, top, box_h = 10, 26, 26
    parts = []
    for week in range(span):
        fill = "#dfe7f0" if week < timeline.trial_weeks else PAPER
        parts.append(
            f'<rect x="{x0 + week * step:.1f}" y="{top}" width="{step:.1f}" height="{box_h}" '
            f'fill="{fill}" stroke="{INK}" stroke-width="1.5"/>'
        )
    for week in range(span + 1):
        anchor = "start" if week == 0 else ("end" if week == span else "middle")
        parts.append(
            f'<text x="{x0 + week * step:.1f}" y="{top + box_h + 16}" font-size="13" text-anchor="{anchor}" '
            f'fill="#111">{escape(timeline.week_labels[week])}</text>'
        )
    end_x = x0 + timeline.trial_weeks * step
    parts.append(
        f'<line x1="{end_x:.1f}" y1="{top - 6}" x2="{end_x:.1f}" y2="{top + box_h + 4}" '
        f'stroke="{INK}" stroke-width="4"/>'
    )
    anchor = "end" if timeline.trial_weeks > span / 2 else "start"
    parts.append(
        f'<text x="{end_x + (-4 if anchor == "end" else 4):.1f}" y="{top - 10}" font-size="13" font-weight="bold" '
        f'text-anchor="{anchor}" fill="#111">{escape(timeline.trial_end)}</text>'
    )
    height = top + box_h + 24
    if timeline.weeks_done is not None and timeline.you_are_here:
        here = x0 + min(timeline.weeks_done, span) * step
        base = top + box_h + 22
        parts.append(
            f'<polygon points="{here:.1f},{base} {here - 7:.1f},{base + 12} {here + 7:.1f},{base + 12}" fill="{INK}"/>'
        )
        anchor = "start" if here < width * 0.25 else ("end" if here > width * 0.75 else "middle")
        parts.append(
            f'<text x="{here:.1f}" y="{base + 28}" font-size="14" font-weight="bold" text-anchor="{anchor}" '
            f'fill="#111">{escape(timeline.you_are_here)}</text>'
        )
        height = base + 36
    label = escape(timeline.alt, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-family="Verdana, Arial, sans-serif">'
        f"<title>{escape(timeline.alt)}</title>{''.join(parts)}</svg>"
    )
