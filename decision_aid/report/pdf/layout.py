"""The order and look of the printed summary: story(summary, width) -> list of flowables.

Adds no words: every string comes from the Summary. Text goes through fonts.markup, which escapes
it (a name like "<b>Ann</b>" prints as typed) and picks fallback fonts per character.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import BalancedColumns

from ..summary import Summary
from .flowables import INK, IconGrid, OutlineEntry, TimelineDrawing
from .fonts import BODY, BOLD, markup

__all__ = ["story"]

HEADING_FILL = colors.HexColor("#e8eef5")
GRID = colors.HexColor("#555555")


def _style(size: float, bold: bool = False, space_after: float = 1.5, leading: float | None = None) -> ParagraphStyle:
    return ParagraphStyle(
        f"s{size}{bold}",
        fontName=BOLD if bold else BODY,
        fontSize=size,
        leading=leading or size * 1.22,
        spaceAfter=space_after,
    )


TITLE = _style(15, True, 1)
NAME = _style(12, True, 2)
BODY10 = _style(10)
BOLD10 = _style(10, True)
BOLD11 = _style(11, True, 1)
SMALL9 = _style(9)
SMALL8 = _style(8)
CELL = _style(8, space_after=0, leading=9.3)
CELL_BOLD = _style(8, True, space_after=0, leading=9.3)
TINY = _style(6.6, space_after=0.5, leading=7.5)
HEADING = ParagraphStyle(
    "heading",
    fontName=BOLD,
    fontSize=12,
    leading=15,
    backColor=HEADING_FILL,
    borderPadding=(1.5, 2, 1.5, 2),
    spaceBefore=3.5,
    spaceAfter=2.5,
)


def _p(text: str, style: ParagraphStyle = BODY10) -> Paragraph:
    return Paragraph(markup(text, bold=style.fontName == BOLD), style)


def _bullets(items: tuple[str, ...] | list[str], style: ParagraphStyle = SMALL9) -> list[Flowable]:
    return [_p(f"\u2022 {item}", style) for item in items]


def _heading(text: str, key: str) -> list[Flowable]:
    return [OutlineEntry(text, key), _p(text, HEADING)]


def _grid(rows: list[list[Flowable]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADING_FILL))
    table.setStyle(TableStyle(commands))
    return table


def _header(s: Summary) -> list[Flowable]:
    out: list[Flowable] = [_p(s.title, TITLE), _p(s.name_line, NAME), _p(f"{s.date_line}    {s.version_line}", SMALL8)]
    out += [_p(line, BOLD10) for line in (s.translation_note, s.resume_line) if line]
    if s.red_flags:
        inner = [_p(s.words.red_flag_heading, BOLD11), *_bullets(s.red_flags, BODY10), _p(s.red_flag_message, BOLD10)]
        box = Table([[inner]], colWidths=["100%"])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 2.5, INK), ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
        out += [OutlineEntry(s.words.red_flag_heading, "red_flags"), Spacer(1, 2 * mm), box]
    return out


def _guidance(s: Summary, width: float) -> list[Flowable]:
    g = s.guidance
    out = [*_heading(s.words.guidance_heading, "guidance"), _p(g.title, BOLD11), _p(g.body, _style(9.5))]
    out += [_p(note, BOLD10) for note in g.notes]
    out += [Spacer(1, 2 * mm), TimelineDrawing(g.timeline, min(130 * mm, width)), Spacer(1, 2 * mm)]
    out += [_p(g.not_advice, SMALL9), _p(g.sources_differ, _style(7.6))]
    return out


def _answers(s: Summary, width: float) -> list[Flowable]:
    """Question and answer pairs, two pairs to a row to keep the summary short."""
    pairs = [(_p(line.label, CELL), _p(line.value, CELL_BOLD)) for group in s.answers for line in group.lines]
    if len(pairs) % 2:
        pairs.append((_p("", CELL), _p("", CELL)))
    rows = [[*pairs[i], *pairs[i + 1]] for i in range(0, len(pairs), 2)]
    widths = [0.29 * width, 0.21 * width, 0.29 * width, 0.21 * width]
    return [*_heading(s.words.answers_heading, "answers"), _grid(rows, widths, header=False)]


def _comparison(s: Summary, width: float) -> list[Flowable]:
    c = s.comparison
    header = [_p(c.question_column, CELL_BOLD), *(_p(name, CELL_BOLD) for name in c.option_names)]
    rows = [header]
    for row in c.rows:
        # Certainty per option goes under the question, in column order, to save a line per cell.
        notes = [cell.certainty_name for cell in row.cells if cell.certainty_note]
        question = row.question
        if notes:
            question += f"\n{s.words.certainty}: " + " / ".join(
                cell.certainty_name if cell.certainty_note else "-" for cell in row.cells
            )
        rows.append([_p(question, CELL_BOLD), *(_p(cell.text, CELL) for cell in row.cells)])
    widths = [0.19 * width, 0.27 * width, 0.27 * width, 0.27 * width]
    return [
        *_heading(s.words.comparison_heading, "comparison"),
        _grid(rows, widths),
        Spacer(1, 2 * mm),
        _p(c.other_studies_heading, _style(9, True, 0.5)),
        *_bullets(c.other_studies, _style(7.4, space_after=0.6)),
    ]


def _icon_arrays(s: Summary, width: float) -> list[Flowable]:
    """Three pictures to a row; in each, the groups side by side with their captions below."""
    per_row = 3
    column = width / per_row
    caption = _style(6.9, space_after=0, leading=7.9)
    cells: list[list[Flowable]] = []
    for array in s.icon_arrays:
        group_w = (column - 3 * mm) / len(array.groups)
        groups = Table(
            [[IconGrid(g.count) for g in array.groups], [_p(g.caption, caption) for g in array.groups]],
            colWidths=[group_w] * len(array.groups),
        )
        groups.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        cells.append([_p(f"{array.title} {array.source}", _style(7.6, True, 1)), groups, _p(array.timeframe, TINY)])
    while len(cells) % per_row:
        cells.append([Spacer(1, 1)])
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[column] * per_row)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [*_heading(s.words.icon_arrays_heading, "icon_arrays"), _p(s.icon_legend, SMALL8), table]


def _priorities_knowledge_leaning(s: Summary, width: float) -> list[Flowable]:
    c = s.comparison
    out = [*_heading(s.words.priorities_heading, "priorities")]
    if s.priorities:
        rows = [[_p(s.words.priority_column, CELL_BOLD), *(_p(name, CELL_BOLD) for name in c.option_names)]]
        rows += [[_p(f"{p.label} ({p.rating})", CELL_BOLD), *(_p(o, CELL) for o in p.offers)] for p in s.priorities]
        out.append(_grid(rows, [0.19 * width, 0.27 * width, 0.27 * width, 0.27 * width]))
    out.append(_p(s.priorities_note, SMALL9))
    k = s.knowledge
    out += [*_heading(s.words.knowledge_heading, "knowledge"), _p(k.score_line, BOLD10)]
    out += _bullets([f"{i.prompt} {i.answer}. {i.verdict}".strip() for i in k.items], _style(8, space_after=0.4))
    sure = s.sure
    out += [*_heading(s.words.leaning_heading, "leaning"), _p(s.leaning_line, BOLD11)]
    out += _bullets([f"{line.label} {line.value}" for line in sure.items], _style(8, space_after=0.4))
    out.append(_p(" ".join(x for x in (sure.score_line, sure.message) if x), BOLD10 if sure.conflict else SMALL9))
    out += [*_heading(s.words.questions_heading, "questions"), _p(s.patient_questions or s.words.no_questions)]
    suggested = "  \u2022 ".join(s.suggested_questions)
    out += [_p(s.words.suggested_heading, _style(8.5, True, 0.5)), _p(f"\u2022 {suggested}", _style(8))]
    return out


def _sources_about(s: Summary) -> list[Flowable]:
    refs = [_p(f"{ref.label}: {ref.compact}", TINY) for ref in s.references]
    # The printed page keeps the IPDAS essentials (disclaimer, funding, update policy, review);
    # the screen and the HTML summary also say how the content was made.
    about = [_p(" ".join((*s.about[:3], s.review_line)), _style(7.8))]
    return [
        *_heading(s.words.sources_heading, "sources"),
        BalancedColumns(refs, nCols=3, spaceBefore=0, spaceAfter=2 * mm, innerPadding=4),
        *_heading(s.words.about_heading, "about"),
        *about,
    ]


def _clinician_page(s: Summary, width: float) -> list[Flowable]:
    """Consultation mode: a page of its own with the panel's facts and every answer as codes."""
    page = s.clinician_page
    if page is None:
        return []
    facts = [[_p(f.label, CELL_BOLD), _p(f.value, CELL_BOLD if f.alert else CELL)] for f in page.facts]
    rows = [[_p(name, CELL_BOLD) for name in page.columns]]
    rows += [[_p(r.item, CELL), _p(r.code, CELL), _p(r.meaning, CELL)] for r in page.rows]
    return [
        PageBreak(),
        *_heading(page.heading, "clinician"),
        _p(page.intro, SMALL9),
        _grid(facts, [0.36 * width, 0.64 * width], header=False),
        Spacer(1, 3 * mm),
        _grid(rows, [0.27 * width, 0.28 * width, 0.45 * width]),
        Spacer(1, 2 * mm),
        _p(page.questionnaire_line, SMALL8),
    ]


def story(s: Summary, width: float) -> list[Flowable]:
    """Every flowable of the printed summary, in reading order."""
    return [
        *_header(s),
        *_guidance(s, width),
        *_answers(s, width),
        *_comparison(s, width),
        *_icon_arrays(s, width),
        *_priorities_knowledge_leaning(s, width),
        *_sources_about(s),
        *_clinician_page(s, width),
    ]
