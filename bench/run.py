"""`make bench`: how fast the decision aid is, measured against trivial Streamlit apps in the same run.

Prints a table with each figure next to its budget and writes JSON to bench-results/. Not a test:
nothing here fails the build. Sections (run all, or some with --only):

  rerun     server-side rerun per step (AppTest), median and p95 of --runs runs, ratio to the floor
  report    PDF, HTML and text summary build time (median of --runs)
  click     click Next -> next step rendered in headless Chromium (timed in the page), ratio to the
            floor: a trivial app whose Next switches page as the aid's does (--rounds per step)
  cold      process start -> first step rendered in the browser
  load      25 patients at once (browser contexts in one Chromium) walking the whole flow and
            downloading the PDF: errors, p50/p95 step latency, server memory per session; then the
            same against the trivial app, to show what the harness and Streamlit alone cost
  growth    rerun time of each step with content 1x, 3x and 10x larger

The machine's load (and how much of it was not the bench) is recorded with every section.
docs/PERFORMANCE.md explains each figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

from bench import browser
from bench.measure import apptest_reruns, report_times
from bench.noise import Sampler, loadavg

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench-results"
STEPS = ["welcome", "safety", "fracture", "treatment", "compare", "values", "knowledge", "leaning", "summary"]
FLOOR = ROOT / "bench" / "floor_app.py"
SECTIONS = ["rerun", "report", "click", "cold", "load", "growth"]

BUDGETS = {
    "rerun_ratio": 4.0,  # each step's median rerun <= 4x the floor's
    "click_ratio": 1.5,  # click-to-rendered <= 1.5x the floor's
    "pdf_ms": 100.0,
    "cold_start_s": 3.0,
    "load_errors": 0,
    "load_p95_s": 1.0,
    "load_mb_per_session": 3.0,
}

CURVE_USERS = (5, 10)
"""Smaller loads run after the full one, to show where this machine's limit lies."""

Row = tuple[str, str, str, str]


def _machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import streamlit

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "platform": platform.platform(),
    }


def _verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def _ratio_row(label: str, m: dict[str, Any], ratio: float, budget: str, digits: int) -> Row:
    """A step's median (p95) next to its ratio to the floor and the verdict against `budget`."""
    return (
        label,
        f"{m['median_ms']:.{digits}f} ms (p95 {m['p95_ms']:.{digits}f})",
        f"{ratio:.2f}x floor (<= {BUDGETS[budget]:g}x)",
        _verdict(ratio <= BUDGETS[budget]),
    )


def _rerun(results: dict[str, Any], runs: int) -> list[Row]:
    measured = apptest_reruns(ROOT / "streamlit_app.py", STEPS, runs, FLOOR)
    results["rerun"] = measured
    floor, steps = measured["floor"], measured["steps"]
    rows = [
        (
            "rerun floor: one-widget app (AppTest)",
            f"{floor['median_ms']:.1f} ms (p95 {floor['p95_ms']:.1f}), N={floor['n']}",
            "-",
            "",
        )
    ]
    for step, m in steps.items():
        ratio = m["median_ms"] / m["floor_median_ms"]  # against the floor runs alternating with this step's
        m["ratio"] = round(ratio, 2)
        rows.append(_ratio_row(f"rerun {step} ({m['elements']} elements)", m, ratio, "rerun_ratio", 1))
    return rows


def _report(results: dict[str, Any], runs: int) -> list[Row]:
    times = report_times(runs)
    results["report"] = times
    rows = []
    for fmt, m in times.items():
        is_pdf = fmt == "pdf"
        rows.append(
            (
                f"summary build: {fmt}" + (f", N={runs}" if is_pdf else ""),
                f"{m['median_ms']:.1f} ms (p95 {m['p95_ms']:.1f})",
                f"<= {BUDGETS['pdf_ms']:.0f} ms" if is_pdf else "-",
                _verdict(m["median_ms"] <= BUDGETS["pdf_ms"]) if is_pdf else "",
            )
        )
    return rows


def _click(results: dict[str, Any], rounds: int) -> list[Row]:
    clicks = browser.click_times(STEPS, rounds)
    results["click"] = clicks
    one, switch = clicks["floor"], clicks["floor_page_switch"]
    rows = [
        (
            "click floor: one-widget rerun",
            f"{one['median_ms']:.0f} ms (p95 {one['p95_ms']:.0f}), N={one['n']}",
            "-",
            "",
        ),
        (
            "click floor: Next switching page",
            f"{switch['median_ms']:.0f} ms (p95 {switch['p95_ms']:.0f}), N={switch['n']}",
            "-",
            "",
        ),
    ]
    for step, m in clicks["steps"].items():
        ratio = m["median_ms"] / switch["median_ms"]
        m["ratio"] = round(ratio, 2)
        m["ratio_to_one_widget_floor"] = round(m["median_ms"] / one["median_ms"], 2)
        rows.append(_ratio_row(f"click Next on {step}, N={m['n']}", m, ratio, "click_ratio", 0))
    return rows


def _cold(results: dict[str, Any]) -> list[Row]:
    cold = browser.cold_start(STEPS, 3)
    results["cold_start"] = cold
    return [
        (
            "cold start to first step, N=3",
            f"{cold['median_s']:.2f} s (floor {cold['floor']['median_s']:.2f} s)",
            f"<= {BUDGETS['cold_start_s']:g} s",
            _verdict(cold["median_s"] <= BUDGETS["cold_start_s"]),
        )
    ]


def _cpu_per_next_allowed(users: int) -> float:
    """The most CPU a Next may cost the whole machine for the load's p95 to be within its budget.

    The interactive response time law: N patients who each think Z seconds before a click and wait
    R seconds for it, on C cores that spend D CPU-seconds on each click, make N / (R + Z) clicks a
    second, which need N * D / (R + Z) <= C. So a mean R within the budget (which a p95 within the
    budget implies) needs D <= C * (budget + Z) / N, whatever the browser, the server or the harness.
    """
    think = sum(browser.THINK_S) / 2
    return (os.cpu_count() or 1) * (BUDGETS["load_p95_s"] + think) / users


def _load(results: dict[str, Any], users: int) -> list[Row]:
    load = browser.load_test(users, STEPS)
    results["load"] = load
    floor = load.get("floor") or {}
    rows = [
        (
            f"load: errors ({users} patients)",
            f"{load['errors']} ({load['media_404']} PDF/media 404s)",
            f"{BUDGETS['load_errors']}",
            _verdict(load["errors"] <= BUDGETS["load_errors"]),
        ),
        (
            f"load: Next p50 / p95 (N={load['steps_measured']} of {load['steps_expected']})",
            f"{load['p50_s']:.2f} / {load['p95_s']:.2f} s",
            f"p95 <= {BUDGETS['load_p95_s']:g} s",
            _verdict(load["p95_s"] <= BUDGETS["load_p95_s"]),
        ),
        (
            "load: server memory per session",
            f"{load['mb_per_session']:.2f} MB ({load['rss_warm_mb']:.0f} -> {load['rss_after_mb']:.0f} MB)",
            f"<= {BUDGETS['load_mb_per_session']:g} MB",
            _verdict(load["mb_per_session"] <= BUDGETS["load_mb_per_session"]),
        ),
    ]
    if load.get("server_interactions"):
        rows.append(
            (
                "load: server time per interaction p50 / p95",
                f"{load['server_p50_ms']:.0f} / {load['server_p95_ms']:.0f} ms",
                "-",
                "",
            )
        )
    if load.get("machine_cpu_s"):
        rows.append(
            (
                "load: CPU used, server / whole machine",
                f"{load['server_cpu_s']:.0f} s / {load['machine_cpu_s']:.0f} s "
                f"of {load['machine_capacity_cpu_s']:.0f} s",
                "-",
                "",
            )
        )
    if load.get("open"):
        rows.append(
            (
                "load: opening the app, to the first step p50 / p95",
                f"{load['open']['p50_s']:.1f} / {load['open']['p95_s']:.1f} s"
                + (
                    f" (floor {floor['open']['p50_s']:.1f} / {floor['open']['p95_s']:.1f} s)"
                    if floor.get("open")
                    else ""
                ),
                "-",
                "",
            )
        )
    if load.get("machine_cpu_per_next_s"):
        most = _cpu_per_next_allowed(users)
        rows.append(
            (
                "load: whole machine's CPU per Next, once all had opened",
                f"{load['machine_cpu_per_next_s']:.3f} s"
                + (f" (floor {floor['machine_cpu_per_next_s']:.3f} s)" if floor.get("machine_cpu_per_next_s") else ""),
                f"<= {most:.3f} s for p95 <= {BUDGETS['load_p95_s']:g} s",
                _verdict(load["machine_cpu_per_next_s"] <= most),
            )
        )
    if floor:
        rows.append(
            (
                "load floor: trivial app, same walk",
                f"{floor['errors']} errors, p50 / p95 {floor['p50_s']:.2f} / {floor['p95_s']:.2f} s",
                "-",
                "",
            )
        )
    # Fewer patients at once, the same walk: how many this machine carries within the p95 budget
    # while it also runs every patient's browser.
    load["curve"] = {}
    for fewer in CURVE_USERS:
        if fewer >= users:
            continue
        part = browser.load_test(fewer, STEPS, floor=False)
        load["curve"][str(fewer)] = {
            k: part.get(k)
            for k in ("errors", "p50_s", "p95_s", "machine_cpu_s", "wall_s", "machine_cpu_per_next_s", "open")
        }
        rows.append(
            (
                f"load with {fewer} patients: Next p50 / p95",
                f"{part['p50_s']:.2f} / {part['p95_s']:.2f} s, {part['errors']} errors"
                + (
                    f"; CPU per Next {part['machine_cpu_per_next_s']:.3f} s"
                    f" (at most {_cpu_per_next_allowed(fewer):.3f})"
                    if part.get("machine_cpu_per_next_s")
                    else ""
                ),
                f"p95 <= {BUDGETS['load_p95_s']:g} s",
                _verdict(part["p95_s"] <= BUDGETS["load_p95_s"] and part["errors"] == 0),
            )
        )
    return rows


def _growth(results: dict[str, Any], runs: int) -> list[Row]:
    from bench.grow import content_size, grow

    growth: dict[str, Any] = {}
    rows = []
    for factor in (1, 3, 10):
        folder = grow(RESULTS / f"content-x{factor}", factor)
        steps = apptest_reruns(ROOT / "streamlit_app.py", STEPS, runs, FLOOR, content=folder)["steps"]
        slowest = max(steps, key=lambda step: steps[step]["median_ms"] / steps[step]["floor_median_ms"])
        worst = steps[slowest]
        ratio = worst["median_ms"] / worst["floor_median_ms"]
        size = content_size(folder)
        screens = sum(m["parts"] for m in steps.values())
        growth[f"x{factor}"] = {
            "content": size,
            "steps": steps,
            "screens": screens,
            "slowest": slowest,
            "ratio": round(ratio, 2),
        }
        in_parts = f", slowest of {worst['parts']} parts" if worst["parts"] > 1 else ""
        rows.append(
            (
                f"growth x{factor}: {size['questions']} questions, {size['options']} options, "
                f"{size['comparison_rows']} rows, {screens} screens",
                f"slowest {slowest} {worst['median_ms']:.1f} ms ({worst['elements']} elements{in_parts})",
                f"{ratio:.2f}x floor (<= {BUDGETS['rerun_ratio']:g}x)",
                _verdict(ratio <= BUDGETS["rerun_ratio"]),
            )
        )
    results["growth"] = growth
    return rows


def run(sections: list[str], runs: int, rounds: int, users: int) -> dict[str, Any]:
    results: dict[str, Any] = {
        "machine": _machine(),
        "runs": runs,
        "click_rounds": rounds,
        "budgets": BUDGETS,
        "loadavg_start": loadavg(),
        "noise": {},
    }
    sampler = Sampler().start()
    rows: list[Row] = []
    jobs = {
        "rerun": lambda: _rerun(results, runs),
        "report": lambda: _report(results, runs),
        "click": lambda: _click(results, rounds),
        "cold": lambda: _cold(results),
        "load": lambda: _load(results, users),
        "growth": lambda: _growth(results, runs),
    }
    for section in SECTIONS:
        if section in sections:
            print(f"... {section}", file=sys.stderr, flush=True)
            rows.extend(jobs[section]())
            results["noise"][section] = sampler.section()
    sampler.stop()
    _print(rows)
    print("\nmachine load while measuring (others = CPU used by anything but the bench and what it started):")
    for section, noise in results["noise"].items():
        share = noise.get("others_share")
        print(
            f"  {section:7s} {noise['wall_s']:6.1f} s   others {'?' if share is None else f'{share:.0%}'} of the CPUs"
            f"   load average at end {noise['loadavg_end']}"
        )
    return results


def _print(rows: list[Row]) -> None:
    header = ("measure", "result", "budget", "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", nargs="*", default=SECTIONS, choices=SECTIONS)
    parser.add_argument("--runs", type=int, default=30, help="repetitions per in-process measure (default 30)")
    parser.add_argument("--rounds", type=int, default=10, help="click: walks through every step (default 10)")
    parser.add_argument("--users", type=int, default=25, help="load: patients at once (default 25)")
    args = parser.parse_args()
    os.chdir(ROOT)  # Streamlit reads .streamlit/config.toml from the working directory, in AppTest too
    started = time.time()
    results = run(args.only, args.runs, args.rounds, args.users)
    results["elapsed_s"] = round(time.time() - started, 1)
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote bench-results/bench-{stamp}.json (and latest.json) in {results['elapsed_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
