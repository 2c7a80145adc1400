"""The exported Questionnaire in LHC-Forms (the NLM's FHIR form renderer), in headless Chromium:
a person fills it in, LHC-Forms writes the QuestionnaireResponse, and `summary` reads it to the
same summary as the same answers given as an answers file. LHC-Forms also shows a response the
aid exported.

LHC-Forms is the npm package `lforms`, pinned in tests/fhir/lforms/package-lock.json and installed
there with `npm ci` by the `lforms` fixture below; it is served from a local port. Without npm or
Chromium these tests are skipped with the reason.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import io
import json
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from decision_aid.cli import main
from decision_aid.content.schema import ContentBundle, QuestionKind
from decision_aid.fhir import code_system

from .browser.conftest import CHROMIUM, CHROMIUM_ARGS
from .test_fhir_response import TYPICAL

pytestmark = pytest.mark.browser

LFORMS = Path(__file__).parent / "fhir" / "lforms"
DATE = "2026-11-24"
T = TypeVar("T")


def _pinned_version() -> str:
    version: str = json.loads((LFORMS / "package.json").read_text(encoding="utf-8"))["dependencies"]["lforms"]
    return version


def _installed_version() -> str | None:
    package = LFORMS / "node_modules" / "lforms" / "package.json"
    if not package.exists():
        return None
    version: str = json.loads(package.read_text(encoding="utf-8"))["version"]
    return version


@pytest.fixture(scope="module")
def lforms() -> str:
    """The pinned LHC-Forms in tests/fhir/lforms/node_modules (`npm ci` when missing); its version."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm not found: install Node.js 20 with npm to test the Questionnaire in LHC-Forms")
    lock_path = Path(tempfile.gettempdir()) / "decision-aid-lforms-npm.lock"
    with lock_path.open("w") as lock:  # parallel test workers install once
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _installed_version() != _pinned_version():
            command = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"]
            result = subprocess.run(command, cwd=LFORMS, capture_output=True, text=True, timeout=900, check=False)
            if result.returncode != 0:
                pytest.fail(f"`npm ci` in {LFORMS} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    assert _installed_version() == _pinned_version()
    return _pinned_version()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def page_url(lforms: str) -> Iterator[str]:
    """tests/fhir/lforms served on a free local port (python http.server)."""
    handler = functools.partial(_QuietHandler, directory=str(LFORMS))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


class Chromium:
    """Headless Chromium driven from its own thread, so that it never meets another sync
    Playwright of the same test session (tests/browser keeps one open in the main thread)."""

    def __init__(self, path: Path) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._pool.submit(self._start, path).result()

    def _start(self, path: Path) -> None:
        self._playwright: Playwright = sync_playwright().start()
        self._browser: Browser = self._playwright.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS)

    def _with_page(self, action: Callable[[Page], T]) -> T:
        page = self._browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            result = action(page)
        finally:
            page.close()
        assert errors == [], errors
        return result

    def run(self, action: Callable[[Page], T]) -> T:
        """Run `action` with a new page; fail if the page raised a script error."""
        return self._pool.submit(self._with_page, action).result()

    def close(self) -> None:
        def stop() -> None:
            self._browser.close()
            self._playwright.stop()

        self._pool.submit(stop).result()
        self._pool.shutdown()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Chromium]:
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install -y chromium` (see README)")
    browser = Chromium(CHROMIUM)
    yield browser
    browser.close()


def cli_json(tmp_path: Path, *args: str) -> dict[str, Any]:
    out = tmp_path / "out.json"
    assert main([*args, "-o", str(out)], stdout=io.StringIO()) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def summary_text(tmp_path: Path, data: dict[str, Any], name: str) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    assert main(["summary", str(path), "--format", "text", "--date", DATE], stdout=out) == 0
    return out.getvalue()


def open_form(page: Page, url: str, questionnaire: dict[str, Any], response: dict[str, Any] | None = None) -> None:
    page.goto(url)
    page.wait_for_function("() => window.LForms && LForms.Util && LForms.FHIR")
    options = {"questionnaireResponse": response} if response else {}
    page.evaluate("([q, options]) => LForms.Util.addFormToPage(q, 'form', options)", [questionnaire, options])


def response_from(page: Page) -> dict[str, Any]:
    script = "() => LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', document.getElementById('form'))"
    data: dict[str, Any] = page.evaluate(script)
    return data


def fill(page: Page, bundle: ContentBundle, answers: dict[str, Any]) -> None:
    """Type, tick and choose as a person would, in questionnaire order (LHC-Forms element ids are
    `<linkId>/1/1`, with `|<system>|<code>` for an option and `|true` / `|false` for yes and no)."""
    for question in bundle.ordered_questions():
        if question.id not in answers:
            continue
        value = answers[question.id]
        field = f"{question.id}/1/1"
        if question.kind in (QuestionKind.TEXT, QuestionKind.INTEGER):
            page.locator(f'[id="{field}"]').fill(str(value))
        elif question.kind is QuestionKind.BOOLEAN:
            page.locator(f'[id="{field}|{str(value).lower()}"]').click()
        else:
            for code in value if isinstance(value, list) else [value]:
                page.locator(f'[id="{field}|{code_system(bundle, question.id)}|{code}"]').click()


def test_a_form_filled_in_lhc_forms_gives_the_same_summary_as_the_answers_file(
    tmp_path: Path, bundle: ContentBundle, chromium: Chromium, page_url: str
) -> None:
    questionnaire = cli_json(tmp_path, "questionnaire", "--lang", "en")

    def fill_in(page: Page) -> tuple[int, int, dict[str, Any]]:
        open_form(page, page_url, questionnaire)
        other_cause = page.locator('[id="fracture_cause_other/1/1"]')
        hidden_before = other_cause.count()
        fill(page, bundle, TYPICAL)
        return hidden_before, other_cause.count(), response_from(page)

    hidden_before, shown_after, response = chromium.run(fill_in)
    assert (hidden_before, shown_after) == (0, 1)  # enableWhen: asked only once "Something else" is ticked
    assert response["questionnaire"] == f"{questionnaire['url']}|{questionnaire['version']}"
    assert summary_text(tmp_path, response, "lhc-forms-response.json") == summary_text(
        tmp_path, TYPICAL, "answers.json"
    )


def test_lhc_forms_shows_a_response_the_aid_exported(
    tmp_path: Path, bundle: ContentBundle, chromium: Chromium, page_url: str
) -> None:
    questionnaire = cli_json(tmp_path, "questionnaire")
    (tmp_path / "answers.json").write_text(json.dumps(TYPICAL), encoding="utf-8")
    exported = cli_json(tmp_path, "summary", str(tmp_path / "answers.json"), "--format", "fhir", "--date", DATE)

    def show(page: Page) -> tuple[str, dict[str, Any]]:
        open_form(page, page_url, questionnaire, exported)
        return page.locator('[id="patient_name/1/1"]').input_value(), response_from(page)

    name, response = chromium.run(show)
    assert name == TYPICAL["patient_name"]
    assert summary_text(tmp_path, response, "again.json") == summary_text(tmp_path, TYPICAL, "answers.json")


def test_what_lhc_forms_lets_through_is_refused_by_the_aid_with_the_link_id(
    tmp_path: Path, bundle: ContentBundle, chromium: Chromium, page_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """LHC-Forms ignores optionExclusive and only warns about minValue/maxValue, so its response
    can tick "none" with a red flag, or say 11 out of 10; reading it back refuses both."""
    questionnaire = cli_json(tmp_path, "questionnaire")
    contradictory = {**TYPICAL, "red_flags": ["fever_infection", "none"], "pain_now": 11}

    def fill_in(page: Page) -> dict[str, Any]:
        open_form(page, page_url, questionnaire)
        fill(page, bundle, contradictory)
        return response_from(page)

    path = tmp_path / "lhc-forms-response.json"
    path.write_text(json.dumps(chromium.run(fill_in)), encoding="utf-8")
    assert main(["summary", str(path), "--format", "text"], stdout=io.StringIO()) == 2
    assert capsys.readouterr().err.splitlines() == [
        "red_flags: none cannot be combined with other options",
        "pain_now: must be from 0 to 10, not 11",
    ]
