"""Low vision: "Larger text" makes the text at least 25% bigger on every step, stays on from step to
step, and nothing then scrolls sideways.

Elsewhere: text contrast of 4.5:1 (axe's color-contrast rule) and meaning not by colour alone are
checked on every step by test_accessibility.py; no sideways scrolling at 200% zoom and on a
768-px tablet by the walks in test_stories.py."""

from __future__ import annotations

import pytest

from decision_aid.content.schema import ContentBundle
from decision_aid.ui.styles import LARGER_TEXT_SCALE

from .checks import overflow_problems, truncation_problems
from .driver import App

pytestmark = pytest.mark.browser

SIZES_JS = """() => {
  const px = (e) => parseFloat(getComputedStyle(e).fontSize);
  const size = (sel) => { const e = document.querySelector(sel); return e ? px(e) : null; };
  const text = Array.from(document.querySelectorAll('[data-testid="stMain"] :is(.stMarkdown, .aid-text) p'))
    .filter(e => e.getClientRects().length).map(px);
  return {
    root: size("html"),
    heading: size('[data-testid="stMain"] h1'),
    text: text.length ? Math.max(...text) : null,
    progress: size('[data-testid="stMain"] [data-testid="stProgress"] p'),
    button: size('[data-testid="stMain"] [data-testid="stBaseButton-primary"] p'),
    sidebar: size('[data-testid="stSidebarNavLink"] span'),
  };
}"""
"""Font sizes in px: the root, the step heading, body text (the largest paragraph size on the
step), the progress line, the main button, the step list."""


def sizes(app: App) -> dict[str, float]:
    found: dict[str, float] = app.page.evaluate(SIZES_JS)
    return found


def test_larger_text_makes_every_step_at_least_a_quarter_bigger_and_stays_on(app: App, bundle: ContentBundle) -> None:
    normal = sizes(app)
    assert all(normal.values()), normal
    app.set_switch("settings.larger_text", True)
    scale: dict[str, dict[str, float]] = {}
    sideways: dict[str, list[str]] = {}

    def measure(step: str) -> None:
        assert app.widget("settings.larger_text").get_by_role("switch").is_checked(), f"larger text is off on {step}"
        now = sizes(app)
        scale[step] = {part: round(now[part] / normal[part], 3) for part in now if now[part]}
        sideways[step] = overflow_problems(app.page) + truncation_problems(app.page)

    assert app.walk({}, on_each_step=measure) == list(bundle.step_ids)
    too_small = {step: ratios for step, ratios in scale.items() if min(ratios.values()) < LARGER_TEXT_SCALE}
    assert not too_small, f"text less than {LARGER_TEXT_SCALE} times its normal size: {too_small}"
    assert not any(sideways.values()), {step: found for step, found in sideways.items() if found}


def test_larger_text_can_be_switched_off_again(app: App) -> None:
    normal = sizes(app)
    app.set_switch("settings.larger_text", True)
    assert sizes(app)["text"] >= LARGER_TEXT_SCALE * normal["text"]
    app.next()
    app.set_switch("settings.larger_text", False)
    assert sizes(app)["text"] == normal["text"]
