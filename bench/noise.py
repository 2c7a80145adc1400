"""How busy the machine was while a section ran, and how much of that was someone else.

The bench shares the machine with whatever else runs (tests, editors). A sampler thread reads
/proc once a second: the machine's busy CPU time, and the CPU time of this process and every
process it started (servers, Chromium, Playwright's driver; a process that has ended keeps the CPU
time last seen). "others" is the difference: CPU that neither the bench nor anything it started
used. It is approximate (up to a second of a process's life can be missed), but enough to tell a
quiet run from a noisy one.
Linux only; elsewhere every figure is None.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

_HZ = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: str) -> tuple[int, float] | None:
    """(parent pid, user + system CPU seconds) of a process, or None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _HZ


def machine_busy() -> float | None:
    """Busy (non-idle) CPU seconds of the whole machine since boot."""
    try:
        values = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError):
        return None
    return (sum(values) - values[3] - values[4]) / _HZ


def loadavg() -> list[float] | None:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except (OSError, ValueError):
        return None


class Sampler:
    """Samples once a second in a thread; `section()` gives the figures since the last call."""

    def __init__(self, interval: float = 1.0) -> None:
        self._interval = interval
        self._lock = threading.Lock()
        self._seen: dict[str, float] = {}  # pid -> last CPU seconds seen, for live processes of ours
        self._first: dict[str, float] = {}  # pid -> CPU seconds when first seen
        self._ended = 0.0  # CPU seconds of processes of ours that have ended
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="bench-noise")
        self._mark: tuple[float, float | None, float] = (time.time(), machine_busy(), 0.0)
        self._load = loadavg()

    def start(self) -> Sampler:
        self._sample()
        self._mark = (time.time(), machine_busy(), self._ours_cpu())
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            self._sample()

    def _sample(self) -> None:
        me = str(os.getpid())
        parents: dict[str, str] = {}
        cpu: dict[str, float] = {}
        for pid in os.listdir("/proc") if os.path.isdir("/proc") else []:
            if pid.isdigit():
                stat = _stat(pid)
                if stat is not None:
                    parents[pid] = str(stat[0])
                    cpu[pid] = stat[1]
        ours = set()
        for pid in cpu:
            chain, node = [], pid
            while node in parents and node not in ours and node != me and node != "0":
                chain.append(node)
                node = parents[node]
            if node == me or node in ours:
                ours.update(chain)
        ours.add(me)
        with self._lock:
            for pid in [pid for pid in self._seen if pid not in cpu]:  # ended: keep what it used
                self._ended += self._seen.pop(pid) - self._first.pop(pid)
            for pid in ours:
                if pid in cpu:
                    self._first.setdefault(pid, cpu[pid] if pid == me else 0.0)  # children: all their CPU
                    self._seen[pid] = cpu[pid]

    def _ours_cpu(self) -> float:
        with self._lock:
            return self._ended + sum(self._seen[pid] - self._first[pid] for pid in self._seen)

    def section(self) -> dict[str, Any]:
        """Wall time, machine busy CPU, the bench's CPU and others' CPU since the previous call."""
        self._sample()
        now, busy, ours = time.time(), machine_busy(), self._ours_cpu()
        start, busy0, ours0 = self._mark
        self._mark = (now, busy, ours)
        wall = now - start
        result: dict[str, Any] = {"wall_s": round(wall, 1), "loadavg_end": loadavg()}
        if busy is None or busy0 is None:
            return {**result, "machine_busy_cpu_s": None, "bench_cpu_s": None, "others_cpu_s": None}
        others = max(0.0, (busy - busy0) - (ours - ours0))
        cores = os.cpu_count() or 1
        return {
            **result,
            "machine_busy_cpu_s": round(busy - busy0, 1),
            "bench_cpu_s": round(ours - ours0, 1),
            "others_cpu_s": round(others, 1),
            "others_share": round(others / (wall * cores), 2) if wall > 0 else None,
        }
