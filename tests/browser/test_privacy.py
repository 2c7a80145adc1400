"""Nothing about a patient's visit leaves the clinic's server: in a whole walk to the summary and
its PDF, the browser asks no other host for anything (no icon, font, script or picture from the
internet). A request elsewhere would tell a third party that this person is using a decision aid
for a spine fracture, and would fail on a clinic network with no internet."""

from __future__ import annotations

import json
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from playwright.sync_api import Browser

from decision_aid.content.schema import ContentBundle

from .conftest import DESKTOP
from .driver import App
from .stories import EARLY_DISCUSSION

pytestmark = pytest.mark.browser


def test_a_whole_walk_asks_no_other_host_for_anything(
    chromium: Browser, server_url: str, bundle: ContentBundle
) -> None:
    context = chromium.new_context(viewport=DESKTOP, accept_downloads=True)
    try:
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        app = App(page, server_url, bundle).open()
        steps = app.walk(EARLY_DISCUSSION.answers)
        with page.expect_download() as download:
            page.get_by_role("button", name=app.pack.ui.summary.download_pdf).click()
        assert download.value.failure() is None
    finally:
        context.close()

    assert steps == list(bundle.step_ids)  # the walk reached the summary
    own = urlsplit(server_url).netloc
    web = [url for url in asked if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
    assert any("/media/" in url for url in web)  # the PDF came from the app's own server
    elsewhere = sorted({url for url in web if urlsplit(url).netloc != own})
    assert elsewhere == [], f"the browser asked other hosts: {elsewhere}"


def test_no_other_site_is_trusted_to_control_the_app(server_url: str) -> None:
    """The page obeys messages (stop, rerun, page change, a sign-in token) from the sites the server
    names when it is shown inside another site's frame. Streamlit names its own cloud's sites by
    default; a clinic's app names none."""
    with urlopen(f"{server_url}/_stcore/host-config", timeout=10) as response:
        host = json.loads(response.read())
    assert host["allowedOrigins"] == [], host["allowedOrigins"]
