"""A row that was changed, moved, truncated or damaged is refused with CorruptSessionError, on every
backend, and never decrypts to something else. Rows are edited directly in the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, update

from decision_aid.storage import CorruptSessionError, SessionStore, normalize_code
from decision_aid.storage.crypto import derive_keys
from decision_aid.storage.schema import saved_sessions

from .samples import payload

COLUMNS = ("format_version", "nonce", "ciphertext", "expires_at")


def key_of(code: str) -> bytes:
    return derive_keys(normalize_code(code)).lookup_key


def read_row(store: SessionStore, code: str) -> dict[str, Any]:
    with store.engine.connect() as connection:
        row = connection.execute(select(saved_sessions).where(saved_sessions.c.lookup_key == key_of(code))).one()
    return {name: getattr(row, name) for name in COLUMNS}


def write_row(store: SessionStore, code: str, **values: Any) -> None:
    with store.engine.begin() as connection:
        connection.execute(update(saved_sessions).where(saved_sessions.c.lookup_key == key_of(code)).values(**values))


def refused(store: SessionStore, code: str) -> CorruptSessionError:
    with pytest.raises(CorruptSessionError) as caught:
        store.load(code, client_id="c")
    assert caught.value.code == "corrupt_session"
    assert "damaged or was changed" in str(caught.value)
    return caught.value


def flip(data: bytes, position: int) -> bytes:
    return data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :]


EDITS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "one bit of the ciphertext": lambda r: {"ciphertext": flip(bytes(r["ciphertext"]), 10)},
    "one bit of the tag": lambda r: {"ciphertext": flip(bytes(r["ciphertext"]), len(r["ciphertext"]) - 1)},
    "one bit of the nonce": lambda r: {"nonce": flip(bytes(r["nonce"]), 0)},
    "ciphertext cut in half": lambda r: {"ciphertext": bytes(r["ciphertext"])[: len(r["ciphertext"]) // 2]},
    "ciphertext shorter than a tag": lambda r: {"ciphertext": bytes(r["ciphertext"])[:15]},
    "ciphertext empty": lambda r: {"ciphertext": b""},
    "tag cut off": lambda r: {"ciphertext": bytes(r["ciphertext"])[:-16]},
    "nonce truncated": lambda r: {"nonce": bytes(r["nonce"])[:8]},
    "nonce empty": lambda r: {"nonce": b""},
    "expiry pushed back a year": lambda r: {"expires_at": r["expires_at"] + 365 * 86_400},
    "unknown format version": lambda r: {"format_version": 2},
    "random bytes": lambda r: {"ciphertext": bytes(range(256)) * 4},
}


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_an_edited_row_is_refused(store: SessionStore, edit: str) -> None:
    saved = store.save(payload())
    write_row(store, saved.code, **EDITS[edit](read_row(store, saved.code)))
    refused(store, saved.code)


def test_rows_swapped_between_two_codes_are_both_refused(store: SessionStore) -> None:
    first, second = store.save(payload(i=1)), store.save(payload(i=2))
    one, two = read_row(store, first.code), read_row(store, second.code)
    write_row(store, first.code, **two)
    write_row(store, second.code, **one)
    refused(store, first.code)
    refused(store, second.code)


def test_a_row_copied_under_another_code_is_refused(store: SessionStore) -> None:
    victim, mine = store.save(payload(i=1)), store.save(payload(i=2))
    write_row(store, mine.code, **read_row(store, victim.code))
    refused(store, mine.code)
    assert store.load(victim.code, client_id="c") == payload(i=1)


def test_a_refused_row_does_not_break_the_store(make_store: Callable[..., SessionStore]) -> None:
    store = make_store()
    damaged, fine = store.save(payload(i=1)), store.save(payload(i=2))
    write_row(store, damaged.code, ciphertext=b"\x00")
    refused(store, damaged.code)
    assert make_store().load(fine.code, client_id="c") == payload(i=2)
    assert store.save(payload(i=3), code=damaged.code).code == damaged.code  # saving again repairs it
    assert store.load(damaged.code, client_id="c") == payload(i=3)
    assert store.delete(fine.code)
