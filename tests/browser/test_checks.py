"""The checks themselves catch what they are meant to catch: each runs on a small page with the
fault and on the same page without it. (So a clean scan of the app means something.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .checks import (
    axe_problems,
    control_contrast_problems,
    focused_element,
    heading_problems,
    image_problems,
    label_problems,
    link_problems,
    overflow_problems,
    status_box_problems,
    truncation_problems,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def blank(chromium: Browser) -> Iterator[Page]:
    """An empty tab (no server needed)."""
    context = chromium.new_context(viewport={"width": 800, "height": 600})
    yield context.new_page()
    context.close()


def main(body: str) -> str:
    """A page shaped like the app's: a main landmark with Streamlit's test ids."""
    return (
        '<html lang="en"><head><title>t</title></head><body>'
        f'<main data-testid="stMain" style="overflow:auto">{body}</main></body></html>'
    )


def checkbox(aria_label: str, words: str, edge: str = "#5c6878") -> str:
    return (
        '<div data-testid="stElementContainer"><div data-testid="stCheckbox"><label>'
        f'<input type="checkbox" aria-label="{aria_label}" style="position:absolute;opacity:0">'
        f'<div style="width:18px;height:18px;border:2px solid {edge}"></div><p>{words}</p></label></div></div>'
    )


def test_heading_outline(blank: Page) -> None:
    blank.set_content(main("<h1>Step</h1><h2>Part</h2><h3>Detail</h3><h2>Next part</h2>"))
    assert heading_problems(blank) == []
    blank.set_content(main("<h1>Step</h1><h4>More detail</h4>"))
    assert heading_problems(blank) == ["h1 is followed by h4 ('More detail')"]
    blank.set_content(main("<h2>Part</h2><h1>Step</h1><h1>Again</h1>"))
    assert heading_problems(blank)


def test_labels_must_be_visible_and_match_the_accessible_name(blank: Page) -> None:
    blank.set_content(main(checkbox("None of these", "None of these")))
    assert label_problems(blank) == []
    blank.set_content(main(checkbox("A back brace  \\n:small[A support\\.]", "A back brace")))
    assert label_problems(blank) == [
        "checkbox: accessible name 'A back brace \\\\n:small[A support\\\\.]' has Markdown in it"
    ]
    blank.set_content(main(checkbox("Pain medicine \\(opioids\\)", "Pain medicine (opioids)")))
    assert label_problems(blank) == [
        "checkbox: visible label 'Pain medicine (opioids)' is not in its accessible name 'Pain medicine \\\\(opioids\\\\)'"
    ]
    blank.set_content(main('<div data-testid="stElementContainer"><input type="text" aria-label="Name"></div>'))
    assert label_problems(blank) == ["text named 'Name' has no visible label"]


def test_pictures_need_alt_text(blank: Page) -> None:
    blank.set_content(main('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="55 of 100 people">'))
    assert image_problems(blank) == []
    blank.set_content(main('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=" ">'))
    assert len(image_problems(blank)) == 1


def test_control_edges_need_3_to_1(blank: Page) -> None:
    blank.set_content(main(checkbox("Yes", "Yes")))
    assert control_contrast_problems(blank) == []
    blank.set_content(main(checkbox("Yes", "Yes", edge="rgba(17, 17, 17, 0.2)")))
    problems = control_contrast_problems(blank)
    assert len(problems) == 1
    assert re.fullmatch(r"checkbox edge contrast 1\.\d+:1 is below 3:1", problems[0])


def test_warnings_must_say_so_in_words(blank: Page) -> None:
    box = '<div data-testid="stAlert"><div data-testid="stAlertContentError"><p>{}</p></div></div>'
    blank.set_content(main(box.format("<strong>Get medical care now</strong> Call your doctor.")))
    assert status_box_problems(blank) == []
    blank.set_content(main(box.format("Call your doctor.")))
    assert status_box_problems(blank) == ["warning box says its meaning by colour only: 'Call your doctor.'"]


def test_links_must_be_underlined(blank: Page) -> None:
    link = '<div class="stMarkdown"><a href="https://example.org" style="text-decoration:{}">source</a></div>'
    blank.set_content(main(link.format("underline")))
    assert link_problems(blank) == []
    blank.set_content(main(link.format("none")))
    assert link_problems(blank) == ["link not underlined: 'source'"]


def test_sideways_scrolling_is_found(blank: Page) -> None:
    blank.set_content(main('<div style="width:700px">fits</div>'))
    assert overflow_problems(blank) == []
    blank.set_content(main('<div style="width:1200px">too wide</div>'))
    problems = overflow_problems(blank)
    assert len(problems) == 1
    assert problems[0].startswith("main content scrolls sideways: 1200px of content in ")


def test_axe_finds_low_contrast_text(blank: Page) -> None:
    blank.set_content(main("<h1>Step</h1><p>Readable text</p>"))
    assert axe_problems(blank) == []
    blank.set_content(main('<h1>Step</h1><p style="color:#aaaaaa">Pale text</p>'))
    assert [p for p in axe_problems(blank) if p.startswith("color-contrast (serious)")]


def test_focus_ring_is_measured(blank: Page) -> None:
    blank.set_content(
        main('<button style="outline:3px solid #1b3a5c">Next</button><button style="outline:none">Back</button>')
    )
    blank.keyboard.press("Tab")
    ring = focused_element(blank)
    assert ring is not None
    assert ring["name"] == "Next"
    assert ring["ring"] == 3
    assert ring["ringContrast"] > 3
    blank.keyboard.press("Tab")
    no_ring = focused_element(blank)
    assert no_ring is not None
    assert no_ring["ring"] == 0


def test_text_cut_short_is_found(blank: Page) -> None:
    cut = '<p style="width:80px;white-space:nowrap;overflow:hidden;text-overflow:{}">7. Check your understanding</p>'
    blank.set_content(main(cut.format("clip") + '<p style="width:80px">7. Check your understanding</p>'))
    assert truncation_problems(blank) == []
    blank.set_content(main(cut.format("ellipsis")))
    assert truncation_problems(blank) == ["text cut short: '7. Check your understanding'"]
