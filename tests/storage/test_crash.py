"""Durability and sharing across processes, on every backend.

A child process (tests/storage/child.py) saves and prints each code only after save() returned;
the test kills it with SIGKILL: right after one confirmed save, at an arbitrary moment of a save
loop, and inside the commit of a save (row written, COMMIT not sent). Every confirmed save must load
afterwards, the interrupted one must not exist, and the database must stay usable and intact.
Timing only decides when the kill lands; nothing asserts on time.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import IO

import pytest
from sqlalchemy import text

from decision_aid.storage import CodeNotFoundError, SessionStore, utc_now

from ..conftest import REPO
from .conftest import Backend
from .samples import payload

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

LINE_TIMEOUT = 60.0  # seconds; only a guard against a child that hangs


class Child:
    """A running tests.storage.child process, read line by line with a timeout."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.child", *args],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self.process.stdout is not None
        self._out: IO[bytes] = self.process.stdout
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._out, selectors.EVENT_READ)
        self._buffer = b""

    def line(self) -> str:
        """The next line the child printed ("" once it has exited)."""
        deadline = time.monotonic() + LINE_TIMEOUT
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._selector.select(remaining):
                raise AssertionError(f"the child printed nothing for {LINE_TIMEOUT} s: {self.stderr()}")
            chunk = os.read(self._out.fileno(), 65536)
            if not chunk:
                return ""
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        assert self.process.wait(timeout=LINE_TIMEOUT) == -signal.SIGKILL

    def stderr(self) -> str:
        if self.process.poll() is None:
            self.process.kill()
        return self.process.communicate(timeout=LINE_TIMEOUT)[1].decode(errors="replace")

    def close(self) -> None:
        self._selector.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=LINE_TIMEOUT)


@pytest.fixture
def spawn(child_env: dict[str, str]) -> Iterator[Callable[..., Child]]:
    children: list[Child] = []

    def start(*args: str) -> Child:
        children.append(Child(child_env, *args))
        return children[-1]

    yield start
    for child in children:
        child.close()


@pytest.fixture
def fresh(make_store: Callable[..., SessionStore]) -> SessionStore:
    """A new store object in this process, on the real clock (the children use the real clock)."""
    return make_store(now=utc_now)


def confirmed(line: str) -> tuple[int, str]:
    word, number, code = line.split()
    assert word == "SAVED", line
    return int(number), code


def assert_intact(store: SessionStore, backend: Backend) -> None:
    """The database still works, and SQLite's own check finds nothing wrong."""
    saved = store.save(payload(i=-1))
    assert store.load(saved.code, client_id="after")["i"] == -1
    if backend.name == "sqlite":
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_a_save_confirmed_just_before_sigkill_survives(
    spawn: Callable[..., Child], fresh: SessionStore, backend: Backend
) -> None:
    child = spawn("save-one")
    number, code = confirmed(child.line())
    child.kill()  # at once: the child has not even printed WAITING, let alone closed anything
    assert fresh.load(code, client_id="test") == payload(i=number)
    assert_intact(fresh, backend)


def test_every_save_confirmed_before_a_sigkill_in_a_save_loop_survives(
    spawn: Callable[..., Child], fresh: SessionStore, backend: Backend
) -> None:
    child = spawn("save-loop")
    saves = [confirmed(child.line()) for _ in range(40)]
    child.kill()  # the child spends nearly all its time inside save(): this lands in one
    for number, code in saves:
        assert fresh.load(code, client_id="test") == payload(i=number)
    assert_intact(fresh, backend)


def test_a_save_killed_inside_its_commit_leaves_nothing_and_breaks_nothing(
    spawn: Callable[..., Child], fresh: SessionStore, backend: Backend
) -> None:
    child = spawn("kill-in-commit", "5")
    saves = [confirmed(child.line()) for _ in range(5)]
    attempt = child.line().split()
    assert attempt[0] == "ATTEMPT"
    assert child.line() == ""  # the child died in the commit: "NOT KILLED" never came
    assert child.process.wait(timeout=LINE_TIMEOUT) == -signal.SIGKILL
    for number, code in saves:
        assert fresh.load(code, client_id="test") == payload(i=number)
    with pytest.raises(CodeNotFoundError):
        fresh.load(attempt[1], client_id="test")
    assert_intact(fresh, backend)


def test_one_process_saves_and_another_loads(spawn: Callable[..., Child], fresh: SessionStore) -> None:
    saver = spawn("save-one")
    number, code = confirmed(saver.line())
    assert saver.line() == "WAITING"  # the saving process is still running, holding its connections
    loader = spawn("load", code)
    assert json.loads(loader.line()) == payload(i=number)
    saved_here = fresh.save(payload(i=99))
    assert json.loads(spawn("load", saved_here.code).line()) == payload(i=99)
