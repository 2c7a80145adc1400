"""Where the time goes: pyinstrument profiles of the app's script runs (not part of `make bench`).

    python -m bench.profile                       # AppTest reruns of the four heaviest steps
    python -m bench.profile --steps compare summary --runs 100
    python -m bench.profile --server              # the real server, while a browser walks every step
    python -m bench.profile --grow 10 --steps summary   # content ten times larger (bench.grow)

AppTest runs the script in a thread of its own, so each run is profiled inside that thread (the
same wrapper as bench.serve) and the runs are combined. With --server, a `streamlit run` server is
started through bench.serve with BENCH_PROFILE set, Chromium walks the nine steps three times with
Next (typical answers loaded), and the server's profile is written when it stops. Text profiles go
to bench-results/profile-*.txt; docs/PERFORMANCE.md summarises what they showed.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import threading
from pathlib import Path
from typing import Any

from bench.measure import TYPICAL
from bench.run import RESULTS, ROOT, STEPS


def _render(sessions: list[Any], title: str) -> str:
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    combined = sessions[0]
    for other in sessions[1:]:
        combined = Session.combine(combined, other)
    text = ConsoleRenderer(unicode=False, color=False, show_all=False, short_mode=False).render(combined)
    return f"{title}\n{text}"


def profile_apptest(steps: list[str], runs: int) -> list[Path]:
    from pyinstrument import Profiler
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    sessions: list[Any] = []
    enabled = threading.Event()
    original = script_runner.ScriptRunner._run_script

    def profiled(self: Any, rerun_data: Any) -> Any:
        if not enabled.is_set():
            return original(self, rerun_data)
        profiler = Profiler(interval=0.0002, async_mode="disabled")
        profiler.start()
        try:
            return original(self, rerun_data)
        finally:
            profiler.stop()
            sessions.append(profiler.last_session)

    script_runner.ScriptRunner._run_script = profiled  # type: ignore[method-assign]
    written = []
    try:
        app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
        app.run()
        app.session_state["answers"] = dict(TYPICAL)
        profiled_steps: set[str] = set()
        for _ in range(len(STEPS) * 50):  # each screen in turn (a step in parts: its first part is profiled)
            app.run()
            found = re.match(r"Step (\d+) of", app.get("progress")[0].proto.text)
            assert found, "no progress line"
            step = STEPS[int(found.group(1)) - 1]
            if step in steps and step not in profiled_steps:
                profiled_steps.add(step)
                enabled.set()
                for _ in range(runs):
                    app.run()
                enabled.clear()
                out = RESULTS / f"profile-apptest-{step}.txt"
                out.write_text(_render(sessions, f"pyinstrument: {runs} AppTest reruns of '{step}', script thread"))
                sessions.clear()
                written.append(out)
            if step == STEPS[-1]:
                break
            app.button(key=f"next.{step}").click().run()
    finally:
        script_runner.ScriptRunner._run_script = original  # type: ignore[method-assign]
    return written


def profile_server(rounds: int) -> Path:
    from playwright.sync_api import sync_playwright

    from bench import browser

    out = RESULTS / "profile-server.txt"
    flow = browser.app_flow(STEPS)
    with sync_playwright() as p:
        chromium = browser._launch(p)
        with browser.server(browser.APP, env={"BENCH_PROFILE": str(out)}, instrumented=True) as (url, _):
            page = chromium.new_page(viewport=browser.VIEWPORT)
            browser._resume_typical(page, url, flow)
            for _ in range(rounds):
                browser._app_round(page, flow)
        chromium.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.profile", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--steps", nargs="*", default=["fracture", "treatment", "compare", "summary"], choices=STEPS)
    parser.add_argument("--runs", type=int, default=60, help="AppTest reruns profiled per step (default 60)")
    parser.add_argument("--server", action="store_true", help="profile the real server during browser walks")
    parser.add_argument("--grow", type=int, default=1, help="profile content N times larger (bench.grow)")
    args = parser.parse_args()
    os.chdir(ROOT)  # Streamlit reads .streamlit/config.toml from the working directory
    RESULTS.mkdir(exist_ok=True)
    if args.grow > 1:
        from bench.grow import grow

        os.environ["DECISION_AID_CONTENT_DIR"] = str(grow(RESULTS / f"content-x{args.grow}", args.grow))
    written = [profile_server(3)] if args.server else profile_apptest(args.steps, args.runs)
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
