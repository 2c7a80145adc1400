"""Browser measures against real `streamlit run` servers: click-to-rendered, cold start, load test.

Uses the operating system's Chromium (/usr/bin/chromium, or DECISION_AID_CHROMIUM) through
Playwright, as the browser tests do.

Click-to-rendered is timed inside the page, on the browser's own clock: a script clicks the button
and a MutationObserver notes the first moment the page is rendered, that is: the expected text is
on the screen, the app is no longer running its script, no element is still a loading skeleton,
and the next animation frame has come. Playwright's own waiting polls (every 100 ms and more),
which would blur differences of that size; the in-page clock also keeps the Python harness's
delays out of the figure when 25 patients share one process in the load test.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.measure import TYPICAL, median_p95
from bench.noise import machine_busy

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "streamlit_app.py"
FLOOR_APP = ROOT / "bench" / "floor_app.py"
FLOOR_NAV_APP = ROOT / "bench" / "floor_nav_app.py"
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
THINK_S = (0.3, 1.0)
"""A simulated patient's think time before each click in the load test, drawn evenly from this range."""
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
VIEWPORT = {"width": 1280, "height": 900}

CLICK_AND_WAIT = """
async ([button, selector, text, exact, timeoutMs]) => {
  const idle = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
      && !document.querySelector('[data-testid="stSkeleton"]');
  };
  const rendered = () => {
    if (!idle()) return false;
    for (const element of document.querySelectorAll(selector)) {
      const shown = element.textContent.trim();
      if (exact ? shown === text : shown.startsWith(text)) return true;
    }
    return false;
  };
  const until = (check, what) => new Promise((resolve, reject) => {
    if (check()) { resolve(); return; }
    const observer = new MutationObserver(() => {
      if (check()) { observer.disconnect(); clearTimeout(timer); resolve(); }
    });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('timed out waiting for ' + what)); },
                             timeoutMs);
    observer.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
  });
  // Not timed: the button is there and the app is idle.
  await until(() => idle() && document.querySelector(button), button);
  const start = performance.now();
  const shown = until(rendered, text);
  document.querySelector(button).click();
  await shown;
  await new Promise(requestAnimationFrame);
  return performance.now() - start;
}
"""
"""Click `button`, resolve with the milliseconds until the page is rendered (see the module doc)."""


@dataclass(frozen=True)
class Flow:
    """How to walk an app with Next: the button of each step and the text that shows the next one."""

    script: Path
    steps: int
    button: str  # CSS selector of step n's Next button, with {n} (1-based) or {step}
    step_ids: tuple[str, ...]
    shown: str  # CSS selector of the element whose text names the step
    text: str  # that text, with {n}

    def next_button(self, n: int) -> str:
        return self.button.format(n=n, step=self.step_ids[n - 1] if self.step_ids else n)

    def wait_args(self, n: int) -> tuple[str, str]:
        return self.shown, self.text.format(n=n, total=self.steps)


def app_flow(step_ids: list[str]) -> Flow:
    return Flow(
        APP, len(step_ids), ".st-key-next-{step} button", tuple(step_ids), ".stProgress p", "Step {n} of {total}"
    )


FLOOR_FLOW = Flow(FLOOR_NAV_APP, 9, ".st-key-next{n} button", (), "h1", "Floor step {n} of {total}")


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
def server(
    script: Path, env: dict[str, str] | None = None, instrumented: bool = False
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A `streamlit run` server on a free port (with .streamlit/config.toml); yields (url, process).
    `instrumented` starts it through bench.serve, which logs the server's time per interaction."""
    port = _free_port()
    launcher = ["-m", "bench.serve"] if instrumented else ["-m", "streamlit", "run"]
    process = subprocess.Popen(
        [
            sys.executable,
            *launcher,
            str(script),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
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
            time.sleep(0.02)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """Resident memory of a process in MB (VmRSS now, or VmHWM: the peak), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _launch(p: Any) -> Any:
    return p.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def _wait_rendered_sync(page: Any, selector: str, text: str) -> None:
    page.locator(selector).filter(has_text=text).first.wait_for(timeout=60000)
    page.wait_for_selector(READY, timeout=60000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60000)


# --- click to rendered ----------------------------------------------------------------------------


def _resume_typical(page: Any, url: str, flow: Flow) -> None:
    """Open the app and load the typical answers with 'Continue from a saved file' (which goes on to
    the first step with a question left to answer)."""
    page.goto(url)
    _wait_rendered_sync(page, *flow.wait_args(1))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(TYPICAL, handle)
    try:
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(handle.name)
        first = flow.wait_args(1)[1]
        page.wait_for_function(
            "([sel, first]) => [...document.querySelectorAll(sel)].some(e => e.textContent.startsWith('Step ')"
            " && !e.textContent.startsWith(first))",
            arg=[flow.shown, first],
            timeout=60000,
        )
        page.wait_for_selector(READY, timeout=60000)
    finally:
        os.unlink(handle.name)


def _app_round(page: Any, flow: Flow) -> list[float]:
    """Back to step 1 with the sidebar's list of steps (not timed), then Next through every step (timed)."""
    page.locator('[data-testid="stSidebarNav"] a').first.click()
    _wait_rendered_sync(page, *flow.wait_args(1))
    return [
        page.evaluate(CLICK_AND_WAIT, [flow.next_button(n), *flow.wait_args(n + 1), False, 60000])
        for n in range(1, flow.steps)
    ]


def _floor_round(page: Any, url: str, flow: Flow) -> list[float]:
    page.goto(url)  # the floor has no list of steps: back to its first page (a new session, not timed)
    _wait_rendered_sync(page, *flow.wait_args(1))
    return [
        page.evaluate(CLICK_AND_WAIT, [flow.next_button(n), *flow.wait_args(n + 1), True, 60000])
        for n in range(1, flow.steps)
    ]


def click_times(steps: list[str], rounds: int) -> dict[str, Any]:
    """Click Next -> next step rendered: the aid per step, and the two floors. Rounds alternate between
    the aid and the page-switch floor, so that a busy moment on the machine hits both alike."""
    from playwright.sync_api import sync_playwright

    flow = app_flow(steps)
    results: dict[str, Any] = {"rounds": rounds, "warm_up_rounds": 1}
    with (
        sync_playwright() as p,
        server(FLOOR_APP) as (floor_url, _),
        server(FLOOR_NAV_APP) as (floor_nav_url, _),
        server(APP) as (app_url, _),
    ):
        browser = _launch(p)
        # Floor 1: one widget, a button that reruns the same page.
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(floor_url)
        _wait_rendered_sync(page, "p", "Clicks: 0")
        samples = [
            page.evaluate(CLICK_AND_WAIT, [".st-key-next button", "p", f"Clicks: {n + 1}", True, 60000])
            for n in range(rounds * 2 + 2)
        ][2:]
        results["floor"] = median_p95(samples)
        page.close()
        # The aid (typical answers) and floor 2 (Next that switches page), round by round.
        app_page = browser.new_page(viewport=VIEWPORT)
        _resume_typical(app_page, app_url, flow)
        floor_page = browser.new_page(viewport=VIEWPORT)
        per_step: dict[str, list[float]] = {step: [] for step in steps[:-1]}
        floor_switch: list[float] = []
        for index in range(rounds + 1):
            floor = _floor_round(floor_page, floor_nav_url, FLOOR_FLOW)
            app = _app_round(app_page, flow)
            if index == 0:  # warm-up: Streamlit loads each element's code the first time it is drawn
                continue
            floor_switch.extend(floor)
            for step, ms in zip(steps[:-1], app, strict=True):
                per_step[step].append(ms)
        results["floor_page_switch"] = median_p95(floor_switch)
        results["steps"] = {step: median_p95(samples) for step, samples in per_step.items()}
        browser.close()
    return results


# --- cold start -----------------------------------------------------------------------------------


def cold_start(steps: list[str], reps: int) -> dict[str, Any]:
    """Seconds from starting the server process to the first step rendered in the browser (the aid,
    and the page-switch floor for comparison). Chromium is already running."""
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = _launch(p)
        for name, flow in (("app", app_flow(steps)), ("floor", FLOOR_FLOW)):
            samples = []
            for _ in range(reps):
                start = time.perf_counter()
                with server(flow.script) as (url, _):
                    page = browser.new_page(viewport=VIEWPORT)
                    page.goto(url)
                    _wait_rendered_sync(page, *flow.wait_args(1))
                    samples.append(time.perf_counter() - start)
                    page.close()
            ordered = sorted(samples)
            out[name] = {"median_s": round(ordered[len(ordered) // 2], 2), "samples_s": [round(s, 2) for s in samples]}
        browser.close()
    return {"median_s": out["app"]["median_s"], "samples_s": out["app"]["samples_s"], "floor": out["floor"]}


# --- load test ------------------------------------------------------------------------------------


async def _wait_rendered(page: Any, selector: str, text: str) -> None:
    await page.locator(selector).filter(has_text=text).first.wait_for(timeout=90000)
    await page.wait_for_selector(READY, timeout=90000)


async def _patient(browser: Any, url: str, flow: Flow, seed: int, record: dict[str, Any]) -> Any:
    """One patient: open the app, Next through every step with a short think time, download the PDF."""
    rng = random.Random(seed)
    context = await browser.new_context(accept_downloads=True, viewport={"width": 1024, "height": 800})
    page = await context.new_page()
    page.on("response", lambda r: record["media_404"].append(r.url) if "/media/" in r.url and r.status >= 400 else None)
    asked = time.time()
    await page.goto(url, timeout=120000)
    await _wait_rendered(page, *flow.wait_args(1))
    record["opened"].append((asked, time.time()))
    for n in range(1, flow.steps):
        await asyncio.sleep(rng.uniform(*THINK_S))  # think time
        ms = await page.evaluate(CLICK_AND_WAIT, [flow.next_button(n), *flow.wait_args(n + 1), False, 90000])
        record["nexts"].append((time.time(), ms))
    await asyncio.sleep(rng.uniform(*THINK_S))
    async with page.expect_download(timeout=90000) as info:
        await page.get_by_role("button", name="Download summary (PDF)").click()
    download = await info.value
    failure = await download.failure()
    if failure:
        raise RuntimeError(f"PDF download failed: {failure}")
    if not Path(str(await download.path())).read_bytes().startswith(b"%PDF"):
        raise RuntimeError("the download is not a PDF")
    return context


def _new_record() -> dict[str, Any]:
    """What a load writes down: PDF/media 404s, each patient's (asked, opened) times, each Next's
    (ended, milliseconds), and the machine's (time, busy CPU seconds)."""
    return {"media_404": [], "opened": [], "nexts": [], "busy": []}


async def _load(url: str, pid: int, flow: Flow, users: int) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    record = _new_record()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        # Warm-up: one whole walk with the PDF, so that what a process loads once (the PDF library,
        # fonts, every element's code) is not counted per session. It stays connected.
        warm = await _patient(browser, url, flow, -1, _new_record())
        await asyncio.sleep(1)
        before, cpu_before, busy_before, started = rss_mb(pid), cpu_s(pid), machine_busy(), time.time()
        sampling = asyncio.create_task(_sample_busy(record))
        outcomes = await asyncio.gather(
            *(_patient(browser, url, flow, seed, record) for seed in range(users)), return_exceptions=True
        )
        elapsed = time.time() - started
        sampling.cancel()
        record["busy"].append((time.time(), machine_busy()))
        after, cpu_after, peak = rss_mb(pid), cpu_s(pid), rss_mb(pid, "VmHWM")  # every session still connected
        busy_after = machine_busy()
        errors = [_describe(o) for o in outcomes if isinstance(o, BaseException)]
        for outcome in [warm, *outcomes]:
            if not isinstance(outcome, BaseException):
                await outcome.close()
        await browser.close()
    latencies = [ms for _, ms in record["nexts"]]
    return {
        "users": users,
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5],
        "media_404": len(record["media_404"]),
        "steps_measured": len(latencies),
        "steps_expected": users * (flow.steps - 1),
        **{k: round(v / 1000, 3) for k, v in _pcts(latencies).items()},
        "started_at": started,
        "wall_s": round(elapsed, 1),
        "server_cpu_s": round(cpu_after - cpu_before, 1),
        # Everything else the machine did meanwhile: mostly the 25 Chromium tabs (and the harness).
        "machine_cpu_s": round(busy_after - busy_before, 1) if busy_after and busy_before else None,
        "machine_capacity_cpu_s": round(elapsed * (os.cpu_count() or 1), 1),
        "rss_warm_mb": round(before, 1),
        "rss_after_mb": round(after, 1),
        "rss_peak_mb": round(peak, 1),
        "mb_per_session": round((after - before) / users, 2),
        **_phases(record, started),
    }


def _phases(record: dict[str, Any], started: float) -> dict[str, Any]:
    """Opening times, and the Nexts split at the moment the last patient had the app open: while
    patients are still opening it, every browser competes with those openings for the CPU."""
    opens = [done - asked for asked, done in record["opened"]]
    if not opens:
        return {}
    all_open = max(done for _, done in record["opened"])
    during = [ms for at, ms in record["nexts"] if at <= all_open]
    after = [ms for at, ms in record["nexts"] if at > all_open]
    pct = lambda xs: {k: round(v / 1000, 3) for k, v in _pcts(xs).items() if k != "max_s"}  # noqa: E731
    samples = [(at, busy) for at, busy in record["busy"] if busy is not None]
    last_next = max((at for at, _ in record["nexts"]), default=all_open)
    busy_from = next((busy for at, busy in samples if at >= all_open), None)
    busy_to = next((busy for at, busy in samples if at >= last_next), None)
    cpu_per_next = (busy_to - busy_from) / len(after) if after and None not in (busy_from, busy_to) else None
    return {
        "open": pct([s * 1000 for s in opens]),
        "all_open_after_s": round(all_open - started, 1),
        # Busy CPU seconds of the whole machine (browser, server, harness) per Next once every
        # patient had the app open, that is, what each Next costs this machine.
        "machine_cpu_per_next_s": round(cpu_per_next, 3) if cpu_per_next is not None else None,
        "nexts_while_opening": {"n": len(during), **pct(during)},
        "nexts_after_all_open": {"n": len(after), **pct(after)},
    }


async def _sample_busy(record: dict[str, Any]) -> None:
    """The whole machine's busy CPU seconds, four times a second, for the load's phases."""
    while True:
        record["busy"].append((time.time(), machine_busy()))
        await asyncio.sleep(0.25)


def _describe(error: BaseException) -> str:
    lines = str(error).splitlines()
    return f"{type(error).__name__}: {lines[0][:160] if lines else ''}"


def _pcts(samples_ms: list[float]) -> dict[str, float]:
    if not samples_ms:
        return {"p50_s": float("nan"), "p95_s": float("nan"), "max_s": float("nan")}
    ordered = sorted(samples_ms)
    pick = lambda q: ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]  # noqa: E731
    return {"p50_s": pick(0.5), "p95_s": pick(0.95), "max_s": ordered[-1]}


def _server_times(runlog: Path, since: float) -> dict[str, Any]:
    """The server's own time per interaction (bench.serve) during the load, p50/p95."""
    try:
        rows = [line.split() for line in runlog.read_text().splitlines()]
    except OSError:
        return {"server_interactions": 0}
    spent = [float(r[1]) * 1000 for r in rows if float(r[0]) >= since]
    if not spent:
        return {"server_interactions": 0}
    pct = _pcts(spent)
    return {
        "server_interactions": len(spent),
        "server_p50_ms": round(pct["p50_s"], 1),
        "server_p95_ms": round(pct["p95_s"], 1),
        "server_runs_per_interaction": round(sum(int(r[2]) for r in rows if float(r[0]) >= since) / len(spent), 2),
    }


def load_test(users: int, steps: list[str], floor: bool = True) -> dict[str, Any]:
    """`users` patients at once, each walking every step and downloading the PDF; then, for
    comparison, the same against the page-switch floor (a trivial app with the same flow)."""
    out: dict[str, Any] = {}
    for name, flow in (("app", app_flow(steps)), ("floor", FLOOR_FLOW)):
        if name == "floor" and not floor:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            runlog = Path(tmp) / "runs.log"
            with server(flow.script, env={"BENCH_RUNLOG": str(runlog)}, instrumented=True) as (url, process):
                result = asyncio.run(_load(url, process.pid, flow, users))
            result.update(_server_times(runlog, result.pop("started_at")))
        out[name] = result
    return {**out["app"], "floor": out.get("floor")}
