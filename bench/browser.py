"""Browser measures against real `streamlit run` servers: click-to-rendered, cold start, load test.

Uses Debian's Chromium (/usr/bin/chromium) through Playwright, as the browser tests do.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.measure import median_p95

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("DECISION_AID_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return bool(response.read().decode().strip() == "ok")
    except OSError:
        return False


@contextlib.contextmanager
def server(script: Path, env: dict[str, str] | None = None) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A `streamlit run` server on a free port; yields (url, process)."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while not _healthy(url):
            if time.time() > deadline or process.poll() is not None:
                raise RuntimeError(f"server for {script.name} did not start")
            time.sleep(0.05)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _wait_step(page: Any, number: int, total: int = 9) -> None:
    page.get_by_text(f"Step {number} of {total}", exact=False).first.wait_for(timeout=30000)
    page.wait_for_selector(READY, timeout=30000)


def click_times(steps: list[str], reps: int) -> dict[str, Any]:
    """Click Next -> the next step rendered, per step; and a button click on the floor app."""
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {"steps": {}}
    with (
        sync_playwright() as p,
        server(ROOT / "bench" / "floor_app.py") as (floor_url, _),
        server(ROOT / "streamlit_app.py") as (app_url, _),
    ):
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(floor_url)
        page.wait_for_selector(READY)
        samples = []
        for n in range(reps + 2):
            start = time.perf_counter()
            page.get_by_role("button", name="Next").click()
            page.get_by_text(f"Clicks: {n + 1}", exact=True).wait_for(timeout=30000)
            page.wait_for_selector(READY)
            if n >= 2:  # the first clicks warm the connection
                samples.append((time.perf_counter() - start) * 1000)
        results["floor"] = median_p95(samples)
        results["floor_page_switch"] = _floor_page_switch(browser, reps)
        for index, step in enumerate(steps[:-1]):
            samples = []
            for n in range(reps + 1):
                page.goto(f"{app_url}/{step if index else ''}")  # the first step is the default page, at /
                _wait_step(page, index + 1)
                start = time.perf_counter()
                page.get_by_role("button", name="Next").or_(page.get_by_role("button", name="Start")).first.click()
                _wait_step(page, index + 2)
                if n >= 1:
                    samples.append((time.perf_counter() - start) * 1000)
            results["steps"][step] = median_p95(samples)
        browser.close()
    return results


def _floor_page_switch(browser: Any, reps: int) -> dict[str, float]:
    """Click Next on a trivial two-page app: the floor for changing step."""
    samples = []
    with server(ROOT / "bench" / "floor_nav_app.py") as (url, _):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.wait_for_selector(READY)
        for n in range(reps + 2):
            target = f"Floor page {(n + 1) % 2}"
            start = time.perf_counter()
            page.get_by_role("button", name="Next").click()
            page.get_by_text(target, exact=True).wait_for(timeout=30000)
            page.wait_for_selector(READY)
            if n >= 2:
                samples.append((time.perf_counter() - start) * 1000)
        page.close()
    return median_p95(samples)


def cold_start(reps: int) -> dict[str, Any]:
    """Seconds from starting the server process to the first step rendered in the browser."""
    from playwright.sync_api import sync_playwright

    samples = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(reps):
            start = time.perf_counter()
            with server(ROOT / "streamlit_app.py") as (url, _):
                page = browser.new_page()
                page.goto(url)
                _wait_step(page, 1)
                samples.append(time.perf_counter() - start)
                page.close()
        browser.close()
    return {"median_s": round(sorted(samples)[len(samples) // 2], 2), "samples_s": [round(s, 2) for s in samples]}


async def _patient(browser: Any, url: str, latencies: list[float], seed: int) -> Any:
    rng = random.Random(seed)
    context = await browser.new_context(accept_downloads=True, viewport={"width": 1024, "height": 800})
    page = await context.new_page()
    await page.goto(url)
    await page.get_by_text("Step 1 of 9").first.wait_for(timeout=60000)
    await page.wait_for_selector(READY, timeout=60000)
    for number in range(2, 10):
        await asyncio.sleep(rng.uniform(0.3, 1.0))  # think time
        start = time.perf_counter()
        await page.get_by_role("button", name="Next").or_(page.get_by_role("button", name="Start")).first.click()
        await page.get_by_text(f"Step {number} of 9").first.wait_for(timeout=60000)
        await page.wait_for_selector(READY, timeout=60000)
        latencies.append(time.perf_counter() - start)
    async with page.expect_download(timeout=60000) as info:
        await page.get_by_role("button", name="Download summary (PDF)").click()
    download = await info.value
    path = await download.path()
    if not Path(str(path)).read_bytes().startswith(b"%PDF"):
        raise RuntimeError("the download is not a PDF")
    return context


async def _load(url: str, pid: int, users: int) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        warm = await browser.new_page()
        await warm.goto(url)
        await warm.wait_for_selector(READY)
        await warm.close()
        await asyncio.sleep(1)
        before = rss_mb(pid)
        latencies: list[float] = []
        outcomes = await asyncio.gather(
            *(_patient(browser, url, latencies, seed) for seed in range(users)), return_exceptions=True
        )
        after = rss_mb(pid)  # every session still connected
        errors = [repr(o) for o in outcomes if isinstance(o, BaseException)]
        for outcome in outcomes:
            if not isinstance(outcome, BaseException):
                await outcome.close()
        await browser.close()
    ordered = sorted(latencies)
    pick = lambda q: ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")  # noqa: E731
    return {
        "users": users,
        "errors": len(errors),
        "error_samples": errors[:3],
        "steps_measured": len(ordered),
        "p50_s": round(pick(0.5), 3),
        "p95_s": round(pick(0.95), 3),
        "rss_before_mb": round(before, 1),
        "rss_after_mb": round(after, 1),
        "mb_per_session": round((after - before) / users, 2),
    }


def load_test(users: int) -> dict[str, Any]:
    """`users` patients at once, each walking all nine steps and downloading the PDF."""
    with server(ROOT / "streamlit_app.py") as (url, process):
        return asyncio.run(_load(url, process.pid, users))
