"""One real server and one headless Chromium for the whole session; a fresh browser context
(a new, empty patient session) for every test. `Server` starts more servers when a test needs its
own (killed, restarted, or sharing a database with another); `open_app_at` opens any of them.
Every server saves answers into a temporary folder or a test database, never into the repository.

Chromium comes from Debian's packages (Playwright's own browser download is not used). Without
it, every browser test is skipped with the reason and the command that installs it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
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


def server_env(**settings: str) -> dict[str, str]:
    """The environment for an app server: this one without any DECISION_AID_ setting of the person
    running the tests (a database URL, a content folder...), plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DECISION_AID_")}
    env.update(settings)
    return env


class Server:
    """One `streamlit run` of the app on a free port of 127.0.0.1, in its own process group, its
    output in a log file. Start it with `launch`, then wait for it with `ready` (so that several
    can start at once)."""

    def __init__(self, log_path: Path, env: dict[str, str]) -> None:
        self.log_path = log_path
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
            "--server.port", str(self.port), "--server.headless", "true", "--server.address", "127.0.0.1",
        ]  # fmt: skip
        with log_path.open("w") as log:
            self.process = subprocess.Popen(
                command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    @classmethod
    def launch(cls, log_path: Path, **settings: str) -> Server:
        """Start a server with the DECISION_AID_ `settings` given (see `server_env`)."""
        return cls(log_path, server_env(**settings))

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def ready(self) -> Server:
        """Wait until the server answers its health check (the test fails if it dies or never does)."""
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not _healthy(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"the app did not start; its log:\n{self.log()[-3000:]}")
            time.sleep(0.2)
        return self

    def _signal_group(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signum)  # its own group (start_new_session): the pid is the group id

    def kill(self) -> None:
        """SIGKILL the whole process group at once (no chance to close or flush anything), and reap it."""
        self._signal_group(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it lingers); nothing if it has stopped already."""
        if self.process.poll() is not None:
            return
        self._signal_group(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()


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
    """The app served by `streamlit run` on a free port, stopped at the end of the session. Saved
    sessions go to a temporary folder, never into the repository."""
    folder = tmp_path_factory.mktemp("server")
    server = Server.launch(folder / "streamlit.log", DECISION_AID_DATA_DIR=str(folder / "data"))
    try:
        yield server.ready().url
    finally:
        server.stop()


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
def open_app_at(chromium: Browser, bundle: ContentBundle) -> Iterator[Callable[..., App]]:
    """Open the app served at a URL in a fresh browser context (another computer, as far as the app
    can tell): `open_app_at(url, **options)`, the options going to `Browser.new_context`. Every
    context is closed after the test."""
    contexts = []

    def make(url: str, **options: Any) -> App:
        context = chromium.new_context(**{"viewport": DESKTOP, "accept_downloads": True, **options})
        contexts.append(context)
        return App(context.new_page(), url, bundle).open()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def open_app(open_app_at: Callable[..., App], server_url: str) -> Callable[..., App]:
    """Open the app in a fresh browser context; keyword arguments go to `Browser.new_context`
    (viewport, device_scale_factor...). Every context is closed after the test."""
    return functools.partial(open_app_at, server_url)


@pytest.fixture
def app(open_app: Callable[..., App]) -> App:
    """The app on a desktop screen, at the first step, in a new session."""
    return open_app()
