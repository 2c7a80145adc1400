"""The database and the logs hold no readable answer, code or client id.

On SQLite the raw bytes of the database file and its WAL are searched; on PostgreSQL every row of
every table in the database. The values searched for are distinctive (samples.py), and include
the question ids, so an unencrypted copy in any serialisation would be found.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import MetaData, select

from decision_aid.storage import CodeNotFoundError, SessionStore, generate_code

from .conftest import Backend
from .samples import OPTION_CODES, PATIENT_NAME, QUESTION_IDS, TYPED_NUMBERS, payload

CLIENT = "203.0.113.77"


def needles(codes: list[str]) -> dict[str, list[bytes]]:
    """What must not appear, each in the encodings it could be stored in."""
    found: dict[str, list[bytes]] = {}
    texts = [PATIENT_NAME, *OPTION_CODES, *QUESTION_IDS, *TYPED_NUMBERS[:2], CLIENT, "consultation_mode"]
    texts += codes + [code.replace("-", "") for code in codes]
    for text in texts:
        found[text] = [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    found["Øyvindsdóttir"] = ["Øyvindsdóttir".encode(), "Øyvindsdóttir".encode("latin-1"), b"\\u00d8yvindsd"]
    weeks = TYPED_NUMBERS[2].encode()  # a 3-digit number: searched for with JSON's punctuation around it
    found[TYPED_NUMBERS[2]] = [b":" + weeks, b": " + weeks, weeks + b",", weeks + b"}"]
    return found


def assert_absent(haystack: bytes, where: str, codes: list[str]) -> None:
    for text, forms in needles(codes).items():
        for form in forms:
            assert form not in haystack, f"{text!r} found in {where}"


def use(store: SessionStore) -> list[str]:
    """Save (and update) sessions and make a failed attempt; returns the codes."""
    first = store.save(payload())
    second = store.save(payload(step="summary"))
    store.save(payload(step="leaning"), code=first.code)
    with pytest.raises(CodeNotFoundError):
        store.load(generate_code(), client_id=CLIENT)
    assert store.load(second.code, client_id=CLIENT)["answers"]["patient_name"] == PATIENT_NAME
    return [first.code, second.code]


def sqlite_bytes(folder: Path) -> bytes:
    files = sorted(folder.iterdir())
    assert any(f.name.endswith(".sqlite3") for f in files)
    return b"".join(f.read_bytes() for f in files)


def table_bytes(store: SessionStore) -> Iterator[tuple[str, bytes]]:
    tables = MetaData()
    tables.reflect(store.engine)
    assert {"saved_sessions", "failed_attempts", "alembic_version"} <= set(tables.tables)
    with store.engine.connect() as connection:
        for name, table in tables.tables.items():
            for row in connection.execute(select(table)):
                for value in row:
                    data = value if isinstance(value, bytes | memoryview) else str(value).encode()
                    yield name, bytes(data)


def test_the_database_holds_no_readable_answer_code_or_client(backend: Backend, store: SessionStore) -> None:
    codes = use(store)
    rows = list(table_bytes(store))
    assert {name for name, _ in rows} >= {"saved_sessions", "failed_attempts"}
    for name, data in rows:
        assert_absent(data, f"a row of {name}", codes)
    if backend.data_dir is not None:
        assert (backend.data_dir / "decision_aid.sqlite3-wal").exists()  # recent writes are in the WAL
        assert_absent(sqlite_bytes(backend.data_dir), "the SQLite files (open)", codes)
        store.close()  # the last connection checkpoints the WAL into the database file
        assert_absent(sqlite_bytes(backend.data_dir), "the SQLite files (closed)", codes)


def test_rows_are_padded_so_their_size_does_not_tell_how_much_was_written(store: SessionStore) -> None:
    short = store.save({"answers": {"pain_now": 1}})
    long = store.save({"answers": {"questions_for_clinician": "x" * 400, "patient_name": "y" * 90}})
    sizes = {len(data) for name, data in table_bytes(store) if name == "saved_sessions" and len(data) > 100}
    assert sizes == {4096 + 16}, (short, long)


def test_nothing_about_answers_codes_or_clients_is_logged(
    make_store: Callable[..., SessionStore], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, SQLAlchemy's and Alembic's included
    for name in ("sqlalchemy.engine", "sqlalchemy.pool", "alembic"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        store = make_store()
        codes = use(store)
        store.delete(codes[0])
    finally:
        for name in ("sqlalchemy.engine", "sqlalchemy.pool", "alembic"):
            logging.getLogger(name).setLevel(logging.NOTSET)
    assert any("decision_aid.storage" in r.name for r in caplog.records)
    assert any(r.name.startswith("sqlalchemy.engine") for r in caplog.records)  # statements were logged…
    log = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records).encode("utf-8", "replace")
    assert_absent(log, "the log", codes)  # …but never a value


def test_results_and_errors_do_not_show_the_code(store: SessionStore) -> None:
    saved = store.save(payload())
    assert saved.code not in repr(saved)
    wrong = generate_code()
    with pytest.raises(CodeNotFoundError) as caught:
        store.load(wrong, client_id=CLIENT)
    assert wrong not in str(caught.value)
    assert CLIENT not in str(caught.value)
