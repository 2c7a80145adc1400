"""render_html(summary) -> str: a standalone, printable HTML page of the summary.

Everything from the Summary is escaped (a name like "<b>Ann</b>" stays text). The page sets its
language, has a real heading outline and tables with header cells, and prints everything open.
Pure.
"""

from __future__ import annotations

from html import escape

from .figures import icon_array_svg
from .summary import Summary

__all__ = ["render_html"]

STYLE = """
body{font-family:"Atkinson Hyperlegible",Verdana,Arial,sans-serif;font-size:18px;line-height:1.5;
color:#111;max-width:60rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #1b3a5c;margin-top:2rem}
h3{font-size:1.1rem}
table{border-collapse:collapse;width:100%;font-size:0.95rem}
th,td{border:1px solid #555;padding:0.4rem;vertical-align:top;text-align:left}
th{background:#e8eef5}
.alert{border:3px solid #8a1c1c;padding:0.75rem;background:#fdf0f0}
.alert h2{border:none;margin-top:0;color:#8a1c1c}
.certainty{display:block;font-size:0.85rem;color:#333;margin-top:0.3rem}
.icons{display:flex;flex-wrap:wrap;gap:1.5rem}
figure{margin:0}figcaption{max-width:15rem}
.small{font-size:0.9rem}
@media print{body{font-size:12pt;max-width:none;margin:0}h2{break-after:avoid}.clinician{break-before:page}
tr,figure{break-inside:avoid}}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _list(items: list[str] | tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def _header(summary: Summary) -> list[str]:
    return [
        f"<h1>{_e(summary.title)}</h1>",
        f"<p>{_e(summary.name_line)}<br>{_e(summary.date_line)}<br>{_e(summary.version_line)}</p>",
        *(f"<p><strong>{_e(line)}</strong></p>" for line in (summary.translation_note, summary.resume_line) if line),
    ]


def _red_flags(summary: Summary) -> list[str]:
    if not summary.red_flags:
        return []
    return [
        '<section class="alert" role="alert">',
        f"<h2>{_e(summary.words.red_flag_heading)}</h2>",
        _list(summary.red_flags),
        f"<p>{_e(summary.red_flag_message)}</p>",
        "</section>",
    ]


def _guidance(summary: Summary) -> list[str]:
    g = summary.guidance
    out = [f"<h2>{_e(summary.words.guidance_heading)}</h2>", f"<h3>{_e(g.title)}</h3>", f"<p>{_e(g.body)}</p>"]
    out += [f"<p><strong>{_e(note)}</strong></p>" for note in g.notes]
    out += [
        f"<p>{_e(g.timeline.alt)}</p>",
        f"<p>{_e(g.not_advice)}</p>",
        f'<p class="small">{_e(g.sources_differ)}</p>',
    ]
    return out


def _answers(summary: Summary) -> list[str]:
    out = [f"<h2>{_e(summary.words.answers_heading)}</h2>"]
    for group in summary.answers:
        out.append(f"<h3>{_e(group.heading)}</h3><dl>")
        for line in group.lines:
            out.append(f"<dt>{_e(line.label)}</dt><dd>{_e(line.value)}</dd>")
        out.append("</dl>")
    return out


def _comparison(summary: Summary) -> list[str]:
    c = summary.comparison
    head = "".join(f'<th scope="col">{_e(name)}</th>' for name in c.option_names)
    out = [
        f"<h2>{_e(summary.words.comparison_heading)}</h2>",
        f'<table><thead><tr><th scope="col">{_e(c.question_column)}</th>{head}</tr></thead><tbody>',
    ]
    for row in c.rows:
        cells = "".join(
            f'<td>{_e(cell.text)}<span class="certainty">{_e(cell.certainty_note)}</span></td>' for cell in row.cells
        )
        out.append(f'<tr><th scope="row">{_e(row.question)}</th>{cells}</tr>')
    out.append("</tbody></table>")
    out += [f"<h3>{_e(c.other_studies_heading)}</h3>", _list(c.other_studies)]
    return out


def _icon_arrays(summary: Summary) -> list[str]:
    out = [f"<h2>{_e(summary.words.icon_arrays_heading)}</h2>", f"<p>{_e(summary.icon_legend)}</p>"]
    for array in summary.icon_arrays:
        out.append(f'<h3>{_e(array.title)} {_e(array.source)}</h3><div class="icons">')
        for group in array.groups:
            svg = icon_array_svg(group.count, group.caption, size=16)
            out.append(f"<figure>{svg}<figcaption>{_e(group.caption)}</figcaption></figure>")
        out.append(f'</div><p class="small">{_e(array.timeframe)}</p>')
    return out


def _priorities(summary: Summary) -> list[str]:
    c = summary.comparison
    out = [f"<h2>{_e(summary.words.priorities_heading)}</h2>"]
    if summary.priorities:
        head = "".join(f'<th scope="col">{_e(name)}</th>' for name in c.option_names)
        out.append(
            f'<table><thead><tr><th scope="col">{_e(summary.words.priority_column)}</th>{head}</tr></thead><tbody>'
        )
        for p in summary.priorities:
            cells = "".join(f"<td>{_e(offer)}</td>" for offer in p.offers)
            out.append(f'<tr><th scope="row">{_e(p.label)} ({_e(p.rating)})</th>{cells}</tr>')
        out.append("</tbody></table>")
    out.append(f"<p>{_e(summary.priorities_note)}</p>")
    return out


def _knowledge_and_leaning(summary: Summary) -> list[str]:
    k, s, w = summary.knowledge, summary.sure, summary.words
    out = [f"<h2>{_e(w.knowledge_heading)}</h2>", f"<p>{_e(k.score_line)}</p><ul>"]
    for item in k.items:
        out.append(
            f"<li><strong>{_e(item.prompt)}</strong> {_e(item.answer)}. {_e(item.verdict)} {_e(item.feedback)}</li>"
        )
    out += ["</ul>", f"<h2>{_e(w.leaning_heading)}</h2>", f"<p><strong>{_e(summary.leaning_line)}</strong></p><dl>"]
    out += [f"<dt>{_e(line.label)}</dt><dd>{_e(line.value)}</dd>" for line in s.items]
    out += ["</dl>", f"<p>{_e(' '.join(x for x in (s.score_line, s.message) if x))}</p>"]
    out += [f"<h2>{_e(w.questions_heading)}</h2>"]
    questions = summary.patient_questions or w.no_questions
    out += [f"<p>{_e(line)}</p>" for line in questions.split("\n") if line.strip()]
    out += [f"<h3>{_e(w.suggested_heading)}</h3>", _list(summary.suggested_questions)]
    return out


def _sources_and_about(summary: Summary) -> list[str]:
    w = summary.words
    out = [f'<h2>{_e(w.sources_heading)}</h2><ul class="small">']
    out += [f"<li><strong>{_e(ref.label)}</strong>: {_e(ref.full)}</li>" for ref in summary.references]
    out += ["</ul>", f"<h2>{_e(w.about_heading)}</h2>"]
    out += [f"<p>{_e(p)}</p>" for p in (*summary.about, summary.review_line, summary.version_line)]
    return out


def _clinician_page(summary: Summary) -> list[str]:
    page = summary.clinician_page
    if page is None:
        return []
    out = [f'<section class="clinician"><h2>{_e(page.heading)}</h2>', f"<p>{_e(page.intro)}</p>", "<table>"]
    out += [f'<tr><th scope="row">{_e(f.label)}</th><td>{_e(f.value)}</td></tr>' for f in page.facts]
    out += ["</table>", "<table><thead><tr>", *(f'<th scope="col">{_e(c)}</th>' for c in page.columns)]
    out += ["</tr></thead><tbody>"]
    out += [f"<tr><td>{_e(r.item)}</td><td>{_e(r.code)}</td><td>{_e(r.meaning)}</td></tr>" for r in page.rows]
    out += ["</tbody></table>", f'<p class="small">{_e(page.questionnaire_line)}</p>', "</section>"]
    return out


def render_html(summary: Summary) -> str:
    """The summary as one self-contained HTML document."""
    body = [
        *_header(summary),
        *_red_flags(summary),
        *_guidance(summary),
        *_answers(summary),
        *_comparison(summary),
        *_icon_arrays(summary),
        *_priorities(summary),
        *_knowledge_and_leaning(summary),
        *_sources_and_about(summary),
        *_clinician_page(summary),
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(summary.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(summary.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )
