"""`make bench`: how fast the decision aid is, measured against a trivial Streamlit app in the same run.

Prints a table with each figure next to its budget and writes JSON to bench-results/. Not a test:
nothing here fails the build. Sections (run all, or some with --only):

  rerun     server-side rerun per step (AppTest), median and p95 of N runs, ratio to the floor
  click     click Next -> next step rendered in headless Chromium, ratio to the floor's click
  report    PDF, HTML and text summary build time (median of N)
  cold      process start -> first step rendered in the browser
  load      25 patients at once (browser contexts in one Chromium) walking the whole flow and
            downloading the PDF: errors, p50/p95 step latency, server memory per session
  growth    rerun time of each step with content 1x, 3x and 10x larger
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

from bench import browser
from bench.measure import apptest_reruns, report_times

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench-results"
STEPS = ["welcome", "safety", "fracture", "treatment", "compare", "values", "knowledge", "leaning", "summary"]

BUDGETS = {
    "rerun_ratio": 4.0,  # each step's median rerun <= 4x the floor's
    "click_ratio": 1.5,  # click-to-rendered <= 1.5x the floor's
    "pdf_ms": 100.0,
    "cold_start_s": 3.0,
    "load_errors": 0,
    "load_p95_s": 1.0,
    "load_mb_per_session": 3.0,
}


def _machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}


def _verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def run(sections: list[str], runs: int) -> dict[str, Any]:
    results: dict[str, Any] = {"machine": _machine(), "runs": runs, "budgets": BUDGETS}
    rows: list[tuple[str, str, str, str]] = []
    if "rerun" in sections:
        floor = apptest_reruns(ROOT / "bench" / "floor_app.py", [], runs)["floor"]
        steps = apptest_reruns(ROOT / "streamlit_app.py", STEPS, runs)
        results["rerun"] = {"floor": floor, "steps": steps}
        rows.append(("rerun floor (AppTest)", f"{floor['median_ms']:.1f} ms (p95 {floor['p95_ms']:.1f})", "-", "-"))
        for step, m in steps.items():
            ratio = m["median_ms"] / floor["median_ms"]
            m["ratio"] = round(ratio, 2)
            rows.append(
                (
                    f"rerun {step}",
                    f"{m['median_ms']:.1f} ms (p95 {m['p95_ms']:.1f})",
                    f"{ratio:.1f}x floor (<= {BUDGETS['rerun_ratio']}x)",
                    _verdict(ratio <= BUDGETS["rerun_ratio"]),
                )
            )
    if "report" in sections:
        times = report_times(runs)
        results["report"] = times
        for fmt, m in times.items():
            budget = f"<= {BUDGETS['pdf_ms']:.0f} ms" if fmt == "pdf" else "-"
            ok = m["median_ms"] <= BUDGETS["pdf_ms"] if fmt == "pdf" else True
            rows.append(
                (f"{fmt} summary build", f"{m['median_ms']:.1f} ms (p95 {m['p95_ms']:.1f})", budget, _verdict(ok))
            )
    if "click" in sections:
        clicks = browser.click_times(STEPS, max(10, runs // 3))
        results["click"] = clicks
        rows.append(("click floor: one-widget rerun", f"{clicks['floor']['median_ms']:.0f} ms", "-", "-"))
        floor = clicks["floor_page_switch"]["median_ms"]
        rows.append(("click floor: Next on a 2-page app", f"{floor:.0f} ms", "-", "-"))
        for step, m in clicks["steps"].items():
            ratio = m["median_ms"] / floor
            m["ratio"] = round(ratio, 2)
            rows.append(
                (
                    f"click Next on {step}",
                    f"{m['median_ms']:.0f} ms (p95 {m['p95_ms']:.0f})",
                    f"{ratio:.2f}x floor (<= {BUDGETS['click_ratio']}x)",
                    _verdict(ratio <= BUDGETS["click_ratio"]),
                )
            )
    if "cold" in sections:
        cold = browser.cold_start(3)
        results["cold_start"] = cold
        rows.append(
            (
                "cold start to first step",
                f"{cold['median_s']:.2f} s",
                f"<= {BUDGETS['cold_start_s']} s",
                _verdict(cold["median_s"] <= BUDGETS["cold_start_s"]),
            )
        )
    if "load" in sections:
        load = browser.load_test(25)
        results["load"] = load
        rows.append(("load: errors (25 patients)", str(load["errors"]), "0", _verdict(load["errors"] == 0)))
        rows.append(
            (
                "load: step latency p50 / p95",
                f"{load['p50_s']:.2f} / {load['p95_s']:.2f} s",
                f"p95 <= {BUDGETS['load_p95_s']} s",
                _verdict(load["p95_s"] <= BUDGETS["load_p95_s"]),
            )
        )
        rows.append(
            (
                "load: server memory per session",
                f"{load['mb_per_session']:.2f} MB",
                f"<= {BUDGETS['load_mb_per_session']} MB",
                _verdict(load["mb_per_session"] <= BUDGETS["load_mb_per_session"]),
            )
        )
    if "growth" in sections:
        from bench.grow import grow

        growth: dict[str, Any] = {}
        floor = (
            results.get("rerun", {}).get("floor") or apptest_reruns(ROOT / "bench" / "floor_app.py", [], runs)["floor"]
        )
        for factor in (1, 3, 10):
            folder = grow(RESULTS / f"content-x{factor}", factor)
            steps = apptest_reruns(ROOT / "streamlit_app.py", STEPS, max(10, runs // 3), content=folder)
            worst = max(steps.values(), key=lambda m: m["median_ms"])
            growth[f"x{factor}"] = {"steps": steps, "worst_median_ms": worst["median_ms"]}
            ratio = worst["median_ms"] / floor["median_ms"]
            rows.append(
                (
                    f"growth: content x{factor}, slowest step",
                    f"{worst['median_ms']:.1f} ms",
                    f"{ratio:.1f}x floor (<= {BUDGETS['rerun_ratio']}x)",
                    _verdict(ratio <= BUDGETS["rerun_ratio"]),
                )
            )
        results["growth"] = growth
    _print(rows)
    return results


def _print(rows: list[tuple[str, str, str, str]]) -> None:
    widths = [max(len(r[i]) for r in [("measure", "result", "budget", ""), *rows]) for i in range(4)]
    header = ("measure", "result", "budget", "")
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", nargs="*", default=["rerun", "report", "click", "cold", "load", "growth"])
    parser.add_argument("--runs", type=int, default=30, help="repetitions per measure (default 30)")
    args = parser.parse_args()
    started = time.time()
    results = run(args.only, args.runs)
    results["elapsed_s"] = round(time.time() - started, 1)
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {RESULTS / 'latest.json'} in {results['elapsed_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
