"""`streamlit run`, with the server's own time per interaction written down (used by the load test).

    python -m bench.serve SCRIPT [streamlit options...]

Exactly `streamlit run SCRIPT ...`, except that every call of Streamlit's ScriptRunner._run_script
(the work the server does for one browser interaction: the widget callbacks and every script run it
leads to, such as the old page and then the new one after st.switch_page) appends one line to the
file named by BENCH_RUNLOG: start time, seconds spent, and the number of script runs. With
BENCH_PROFILE set to a file name, each of those calls is also profiled with pyinstrument (in the
script thread) and the combined profile is written there as text when the server stops.

This patches a private Streamlit method; if a Streamlit upgrade renames it, the server still runs,
and the load test reports that the server-side figures are missing.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time
from typing import Any


def _patch(runlog: str | None, profile: str | None) -> bool:
    try:
        from streamlit.runtime.scriptrunner import script_runner
    except ImportError:
        return False
    runner = getattr(script_runner, "ScriptRunner", None)
    original = getattr(runner, "_run_script", None)
    if runner is None or original is None:
        return False
    lock = threading.Lock()
    sessions: list[Any] = []
    log = open(runlog, "a", buffering=1, encoding="utf-8") if runlog else None  # noqa: SIM115 (open all run)
    original_finished = getattr(runner, "_on_script_finished", None)
    counts: dict[int, int] = {}

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        counts[threading.get_ident()] = counts.get(threading.get_ident(), 0) + 1
        return original_finished(self, *args, **kwargs)  # type: ignore[misc]

    if original_finished is not None:
        runner._on_script_finished = counted

    def timed(self: Any, rerun_data: Any) -> Any:
        profiler = None
        if profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005, async_mode="disabled")
            profiler.start()
        counts[threading.get_ident()] = 0
        start_wall, start = time.time(), time.perf_counter()
        try:
            return original(self, rerun_data)
        finally:
            spent = time.perf_counter() - start
            if profiler is not None:
                profiler.stop()
                with lock:
                    sessions.append(profiler.last_session)
            if log is not None:
                with lock:
                    log.write(f"{start_wall:.3f} {spent:.5f} {counts.get(threading.get_ident(), 0)}\n")

    runner._run_script = timed

    def write_profile() -> None:
        if not profile or not sessions:
            return
        from pyinstrument.renderers import ConsoleRenderer
        from pyinstrument.session import Session

        combined = sessions[0]
        for other in sessions[1:]:
            combined = Session.combine(combined, other)
        text = ConsoleRenderer(unicode=False, color=False, show_all=False, short_mode=False).render(combined)
        with open(profile, "w", encoding="utf-8") as out:
            out.write(f"pyinstrument, server script thread, {len(sessions)} interactions combined\n{text}")

    atexit.register(write_profile)
    return True


def main() -> int:
    _patch(os.environ.get("BENCH_RUNLOG"), os.environ.get("BENCH_PROFILE"))
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    return int(cli.main(prog_name="streamlit") or 0)


if __name__ == "__main__":
    sys.exit(main())
