"""One real server and one headless Chromium for the whole session; a fresh browser context
(a new, empty patient session) for every test.

Chromium comes from Debian's packages (Playwright's own browser download is not used). Without
it, every browser test is skipped with the reason and the command that installs it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from decision_aid.content.schema import ContentBundle

from ..conftest import REPO
from .driver import App

CHROMIUM = Path(os.environ.get("DECISION_AID_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
SERVER_START_SECONDS = 90


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return bool(response.read().decode().strip() == "ok")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's Chromium, or a clear skip."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install -y chromium` (see README)"
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def server_url(chromium_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by `streamlit run` on a free port, stopped at the end of the session."""
    port = _free_port()
    log_path = tmp_path_factory.mktemp("server") / "streamlit.log"
    command = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
        "--server.port", str(port), "--server.headless", "true", "--server.address", "127.0.0.1",
    ]  # fmt: skip
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the app did not start; its log:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def chromium(playwright_driver: Playwright, chromium_path: Path) -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    browser = playwright_driver.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def open_app(chromium: Browser, server_url: str, bundle: ContentBundle) -> Iterator[Callable[..., App]]:
    """Open the app in a fresh browser context; keyword arguments go to `Browser.new_context`
    (viewport, device_scale_factor...). Every context is closed after the test."""
    contexts = []

    def make(**options: Any) -> App:
        context = chromium.new_context(**{"viewport": DESKTOP, "accept_downloads": True, **options})
        contexts.append(context)
        return App(context.new_page(), server_url, bundle).open()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def app(open_app: Callable[..., App]) -> App:
    """The app on a desktop screen, at the first step, in a new session."""
    return open_app()
