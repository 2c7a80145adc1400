"""Accessibility checks on the page as drawn: axe-core (WCAG 2.2 AA rules), and the checks axe does
not make: the heading outline, visible labels that match the accessible names, text alternatives
of pictures, contrast of the controls themselves, focus visibility and horizontal scrolling.

Each check returns a list of problems (empty when all is well) so a test can show them all.
"""

from __future__ import annotations

import base64
import re
from itertools import pairwise
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

__all__ = [
    "AXE_TAGS",
    "axe_problems",
    "control_contrast_problems",
    "focused_element",
    "heading_problems",
    "icon_array_problems",
    "icon_arrays",
    "image_problems",
    "label_problems",
    "link_problems",
    "overflow_problems",
    "status_box_problems",
    "truncation_problems",
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_AXE = Axe()

# Colour arithmetic shared by the scripts below (WCAG relative luminance and contrast ratio).
_COLOUR_JS = """
const rgba = (text) => { const m = text.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
const background = (el) => {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]);
};
const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const shown = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
"""


def axe_problems(page: Page) -> list[str]:
    """Every WCAG 2.2 A/AA violation axe-core finds, as 'rule (impact): element: what is wrong'.
    Also fails when the colour-contrast rule could not decide (an 'incomplete' result), so that the
    4.5:1 text contrast is really checked, and when the rule checked no text at all."""
    # From the top of the page: scrolled down, text can sit under Streamlit's fixed header bar, and
    # axe then cannot tell its background ("overlapped by another element"), which says nothing
    # about its contrast.
    page.evaluate("""() => document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]')
      .forEach(e => { e.scrollTop = 0; })""")
    result = _AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response
    problems = [
        f"{v['id']} ({v['impact']}): {node['target']}: {node['failureSummary']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]
    problems += [
        f"color-contrast undecided: {node['target']}: "
        + "; ".join(check["message"] for part in ("any", "all", "none") for check in node.get(part, []))
        for item in result["incomplete"]
        if item["id"] == "color-contrast"
        for node in item["nodes"]
    ]
    if not any(item["id"] == "color-contrast" and item["nodes"] for item in result["passes"]):
        problems.append("axe checked the contrast of no text at all")
    return problems


HEADINGS_JS = """() => Array.from(document.querySelectorAll(
  '[data-testid="stMain"] :is(h1, h2, h3, h4, h5, h6, [role="heading"])'))
  .filter(h => h.getClientRects().length > 0)
  .map(h => [Number(h.getAttribute("aria-level") || h.tagName.slice(1)), h.textContent.trim()])"""


def heading_problems(page: Page) -> list[str]:
    """The main content's headings must form an outline: one h1, first; never a level skipped
    going down (h2 -> h4)."""
    headings: list[list[Any]] = page.evaluate(HEADINGS_JS)
    levels = [level for level, _ in headings]
    problems = []
    if levels.count(1) != 1 or not levels or levels[0] != 1:
        problems.append(f"expected one h1, first; found levels {levels}")
    for (before, _), (level, text) in pairwise(headings):
        if level > before + 1:
            problems.append(f"h{before} is followed by h{level} ({text!r})")
    return problems


IMAGES_JS = """() => Array.from(document.querySelectorAll('[data-testid="stMain"] img'))
  .map(i => [i.getAttribute("alt"), i.getAttribute("src").slice(0, 40)])"""


IMAGES_JS_FULL = """() => Array.from(document.querySelectorAll('[data-testid="stMain"] img'))
  .map(i => [i.getAttribute("alt"), i.getAttribute("src")])"""


def image_problems(page: Page) -> list[str]:
    """Every picture (icon arrays, timeline) has a text alternative."""
    images: list[list[str | None]] = page.evaluate(IMAGES_JS)
    return [f"image without alt text: {src}" for alt, src in images if not (alt or "").strip()]


LABELS_JS = """() => {
  const norm = (t) => (t || "").replace(/\\s+/g, " ").trim();
  const nameOf = (e) => {
    const by = e.getAttribute("aria-labelledby");
    if (by) return norm(by.split(" ").map(id => document.getElementById(id)?.textContent).join(" "));
    if (e.getAttribute("aria-label")) return norm(e.getAttribute("aria-label"));
    if (e.labels && e.labels.length) return norm(e.labels[0].textContent);
    return "";
  };
  const out = [];
  const controls = document.querySelectorAll(
    'input:not([type="hidden"]):not([type="file"]), textarea, [role="combobox"], [role="radiogroup"]');
  for (const e of controls) {
    const widget = e.closest('[data-testid="stElementContainer"]');
    if (!widget || !widget.getClientRects().length) continue;
    const type = e.getAttribute("role") || e.type || e.tagName.toLowerCase();
    let label;
    if (["checkbox", "radio", "switch"].includes(type)) label = e.closest("label");
    else label = widget.querySelector('[data-testid="stWidgetLabel"]');
    const visible = label && label.getClientRects().length > 0 ? norm(label.innerText) : "";
    out.push([type, visible, nameOf(e) || (type === "radio" ? visible : "")]);
  }
  return out;
}"""


MARKDOWN = re.compile(r"\\[^\s]|:small\[|\*\*|\]\(")
"""Markdown a screen reader would read out: escapes, :small[...], bold, links."""


def label_problems(page: Page) -> list[str]:
    """Every form control (main content and sidebar) has a visible label, and its accessible name
    contains that label as seen (WCAG 2.5.3 label in name), with no Markdown in it."""
    problems = []
    for kind, visible, name in page.evaluate(LABELS_JS):
        if not visible:
            problems.append(f"{kind} named {name!r} has no visible label")
        elif visible not in name:
            problems.append(f"{kind}: visible label {visible!r} is not in its accessible name {name!r}")
        elif MARKDOWN.search(name):
            problems.append(f"{kind}: accessible name {name!r} has Markdown in it")
    return problems


CONTROL_CONTRAST_JS = (
    "() => {"
    + _COLOUR_JS
    + """
  const out = [];
  const edge = (el) => { const s = getComputedStyle(el);
    return parseFloat(s.borderTopWidth) > 0 ? rgba(s.borderTopColor) : rgba(s.backgroundColor); };
  const check = (what, el, against) => {
    if (!shown(el)) return;
    const r = ratio(over(edge(el), background(against)), background(against));
    out.push([what, Math.round(r * 100) / 100]);
  };
  for (const label of document.querySelectorAll('[data-testid="stCheckbox"] label')) {
    const box = label.querySelector(":scope > div");
    const kind = label.querySelector('input[role="switch"]') ? "switch" : "checkbox";
    check(kind, box, label.parentElement);
  }
  for (const input of document.querySelectorAll("fieldset.aid-options input:not(:checked)")) {
    check(input.type === "radio" ? "radio button" : "checkbox", input, input.closest(".aid-option-list"));
  }
  for (const option of document.querySelectorAll('[data-testid="stRadioOption"]')) {
    check("radio button", option.querySelector(":scope > div > div"), option.parentElement);
  }
  for (const field of document.querySelectorAll(
      '[data-testid="stTextInputRootElement"], [data-testid="stNumberInputContainer"], [data-testid="stTextAreaRootElement"]')) {
    check("text field", field, field.parentElement);
  }
  return out;
}"""
)


def control_contrast_problems(page: Page) -> list[str]:
    """The edges of boxes, radio buttons, switches and text fields stand out from what is around
    them by at least 3:1 (WCAG 1.4.11 non-text contrast), which axe does not check."""
    measured: list[list[Any]] = page.evaluate(CONTROL_CONTRAST_JS)
    return [f"{what} edge contrast {value}:1 is below 3:1" for what, value in measured if value < 3]


FOCUSED_JS = (
    "() => {"
    + _COLOUR_JS
    + """
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  // A box, radio button or switch hides its input: the ring is drawn round its label.
  const ring = ["checkbox", "radio"].includes(e.type) ? e.closest("label") : e;
  const s = getComputedStyle(ring);
  let opacity = 1;
  for (let p = e; p; p = p.parentElement) opacity *= Number(getComputedStyle(p).opacity);
  const r = ring.getBoundingClientRect();
  const main = document.querySelector('[data-testid="stMain"]');
  return {
    tag: e.tagName, type: e.type || "", role: e.getAttribute("role") || "",
    name: (e.getAttribute("aria-label") || e.innerText || ring.innerText || "").trim().slice(0, 80),
    key: (e.closest('[class*="st-key-"]')?.className.match(/st-key-\\S+/) || [""])[0],
    sidebar: !!e.closest('[data-testid="stSidebar"]'),
    inMain: !!e.closest('[data-testid="stMain"]'),
    top: r.top + (main ? main.scrollTop : 0), left: r.left, shown: shown(ring) && opacity > 0,
    ring: s.outlineStyle !== "none" ? parseFloat(s.outlineWidth) : 0,
    ringContrast: s.outlineStyle !== "none" ? ratio(rgba(s.outlineColor), background(ring.parentElement)) : 0,
    checked: !!e.checked, value: e.value ?? "",
  };
}"""
)


def focused_element(page: Page) -> dict[str, Any] | None:
    """What has the keyboard focus: its kind, name, key, place, and whether its ring is visible."""
    info: dict[str, Any] | None = page.evaluate(FOCUSED_JS)
    return info


STATUS_BOXES_JS = """() => Array.from(document.querySelectorAll('[data-testid="stMain"] [data-testid="stAlert"]'))
  .filter(a => a.querySelector('[data-testid="stAlertContentError"], [data-testid="stAlertContentWarning"]'))
  .map(a => [!!a.querySelector("strong, h1, h2, h3, h4"), a.innerText.trim().slice(0, 80)])"""


def status_box_problems(page: Page) -> list[str]:
    """Red and amber boxes must say in words what they are (a bold lead or a heading): the colour
    alone must not carry the warning."""
    boxes: list[list[Any]] = page.evaluate(STATUS_BOXES_JS)
    return [f"warning box says its meaning by colour only: {text!r}" for lead, text in boxes if not lead]


def _figure_fills(svg: str) -> list[str]:
    """The fill of each figure's head in an icon array (drawn directly, or as <use> of a symbol or
    a group defined once)."""
    symbols = dict(re.findall(r'<(?:symbol|g) id="([^"]+)"[^>]*>(.*?)</(?:symbol|g)>', svg, re.S))
    head = r'<circle[^>]*fill="(#[0-9a-fA-F]{6})"'
    uses = re.findall(r'<use[^>]*href="#([^"]+)"', svg)
    if uses:
        return [re.findall(head, symbols[use])[0] for use in uses]
    return re.findall(head, svg)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def icon_arrays(page: Page) -> list[tuple[int, str]]:
    """Each 'out of 100 people' picture on the page: how many figures are dark and filled, and
    its alt text. Filled figures are dark (3:1 or more on white), the others white: the count is
    carried by lightness and shape, so it survives black-and-white printing and colour blindness."""
    found = []
    for alt, src in page.evaluate(IMAGES_JS_FULL):
        if not src.startswith("data:image/svg+xml;base64,"):
            continue
        fills = _figure_fills(base64.b64decode(src.split(",", 1)[1]).decode())
        if len(fills) == 100:
            dark = [f for f in fills if contrast(f, "#ffffff") >= 3]
            found.append((len(dark) if len(dark) + fills.count("#ffffff") == 100 else -1, alt or ""))
    return found


def icon_array_problems(page: Page) -> list[str]:
    """Every icon array's alt text gives the number of filled figures it shows."""
    return [
        f"icon array shows {count} filled of 100 but says {alt!r}"
        for count, alt in icon_arrays(page)
        if not re.match(rf"\D*\b{count} of 100\b", alt)
    ]


LINKS_JS = """() => Array.from(document.querySelectorAll('[data-testid="stMain"] :is(.stMarkdown, .aid-text) a[href]'))
  .filter(a => a.getClientRects().length > 0)
  .map(a => [getComputedStyle(a).textDecorationLine, a.textContent.trim().slice(0, 60)])"""


def link_problems(page: Page) -> list[str]:
    """Links in the text are underlined, not told apart by colour alone."""
    links: list[list[str]] = page.evaluate(LINKS_JS)
    return [f"link not underlined: {text!r}" for line, text in links if "underline" not in line]


TRUNCATED_JS = """() => Array.from(document.querySelectorAll("body *"))
  .filter(e => getComputedStyle(e).textOverflow === "ellipsis" && e.scrollWidth > e.clientWidth + 1
    && e.getClientRects().length && e.innerText && e.innerText.trim())
  .map(e => e.innerText.trim().slice(0, 60))"""


def truncation_problems(page: Page) -> list[str]:
    """No text is cut short with an ellipsis (it must wrap instead, WCAG 1.4.4 and 1.4.10)."""
    cut: list[str] = page.evaluate(TRUNCATED_JS)
    return [f"text cut short: {text!r}" for text in dict.fromkeys(cut)]


OVERFLOW_JS = """() => {
  const doc = document.documentElement, main = document.querySelector('[data-testid="stMain"]');
  return [doc.scrollWidth, doc.clientWidth, main.scrollWidth, main.clientWidth];
}"""


def overflow_problems(page: Page) -> list[str]:
    """No horizontal scrolling: neither the page nor the main content is wider than the window."""
    doc_scroll, doc_client, main_scroll, main_client = page.evaluate(OVERFLOW_JS)
    problems = []
    if doc_scroll > doc_client:
        problems.append(f"page scrolls sideways: {doc_scroll}px of content in {doc_client}px")
    if main_scroll > main_client:
        problems.append(f"main content scrolls sideways: {main_scroll}px of content in {main_client}px")
    return problems
