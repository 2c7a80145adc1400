"""A separate process for the crash and sharing tests: `python -m tests.storage.child MODE [ARG]`.

It opens the database of DECISION_AID_DATABASE_URL with SessionStore.from_env() and prints one
line per confirmed step ("SAVED <i> <code>" only after save() has returned), flushing each line:

save-one              save one session, print it, then wait (to be killed or terminated)
save-loop             save sessions 0, 1, 2, … without end, printing each
kill-in-commit N      save N sessions, then start saving one more new session, whose code is
                      printed first as "ATTEMPT <code>", and kill itself with SIGKILL inside its commit
load CODE             print the payload saved under CODE as JSON
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from typing import Any

from sqlalchemy import event

from decision_aid.storage import SessionStore, generate_code
from decision_aid.storage import store as store_module

from .samples import payload


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(mode: str, argument: str = "") -> None:
    store = SessionStore.from_env()
    if mode == "load":
        say(json.dumps(store.load(argument, client_id="child")))
        return
    count = int(argument) if mode == "kill-in-commit" else (1 if mode == "save-one" else sys.maxsize)
    for i in range(count):
        saved = store.save(payload(i=i))
        say(f"SAVED {i} {saved.code}")
    if mode == "kill-in-commit":
        code = generate_code()
        say(f"ATTEMPT {code}")

        @event.listens_for(store.engine, "commit")
        def _die(_connection: Any) -> None:  # the row is written, the COMMIT not yet sent
            os.kill(os.getpid(), signal.SIGKILL)

        store_module.generate_code = lambda: code  # the new session's code, known before the save
        store.save(payload(i=count))
        say("NOT KILLED")
    say("WAITING")
    while True:
        time.sleep(60)


if __name__ == "__main__":
    main(*sys.argv[1:])
