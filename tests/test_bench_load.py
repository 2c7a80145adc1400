"""The load test's arithmetic: the phases of a load (opening, then the Nexts) and the CPU bound."""

from __future__ import annotations

import pytest

from bench import browser, run


def _record(opened: list[tuple[float, float]], nexts: list[tuple[float, float]], busy: list[tuple[float, float]]):
    return {"opened": opened, "nexts": nexts, "busy": busy}


def test_nexts_are_split_at_the_moment_the_last_patient_had_the_app_open() -> None:
    record = _record(
        opened=[(0.0, 10.0), (0.0, 20.0)],
        nexts=[(15.0, 4000.0), (25.0, 500.0), (30.0, 700.0)],
        busy=[(t, 2.0 * t) for t in range(0, 35)],  # two cores fully busy
    )
    phases = browser._phases(record, started=0.0)
    assert phases["open"] == {"p50_s": 10.0, "p95_s": 20.0}
    assert phases["all_open_after_s"] == 20.0
    assert phases["nexts_while_opening"] == {"n": 1, "p50_s": 4.0, "p95_s": 4.0}
    assert phases["nexts_after_all_open"]["n"] == 2
    # From 20 s to the last Next at 30 s: 20 busy CPU-seconds over two Nexts.
    assert phases["machine_cpu_per_next_s"] == 10.0


def test_no_cpu_per_next_without_a_next_after_everyone_opened() -> None:
    record = _record(opened=[(0.0, 5.0)], nexts=[(4.0, 300.0)], busy=[(0.0, 0.0), (6.0, 12.0)])
    assert browser._phases(record, started=0.0)["machine_cpu_per_next_s"] is None


def test_a_load_where_nobody_opened_the_app_has_no_phases() -> None:
    assert browser._phases(_record([], [], []), started=0.0) == {}


def test_the_cpu_bound_follows_the_response_time_law(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run.os, "cpu_count", lambda: 2)
    think = sum(browser.THINK_S) / 2
    # 25 patients on 2 cores, p95 within 1 s: at most 2 * (1 + think) / 25 CPU-seconds per Next.
    assert run._cpu_per_next_allowed(25) == pytest.approx(2 * (1.0 + think) / 25)
    # Fewer patients may each cost more; more cores allow more.
    assert run._cpu_per_next_allowed(5) == pytest.approx(5 * run._cpu_per_next_allowed(25))
    monkeypatch.setattr(run.os, "cpu_count", lambda: 4)
    assert run._cpu_per_next_allowed(25) == pytest.approx(4 * (1.0 + think) / 25)
