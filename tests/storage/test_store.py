"""Save, load (on the same and on a fresh store object), update, delete and expiry, on every backend."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from decision_aid.storage import (
    CodeNotFoundError,
    InvalidCodeError,
    InvalidPayloadError,
    SessionStore,
    StorageConfigError,
    generate_code,
)
from decision_aid.storage.schema import saved_sessions

from .conftest import START, Backend, FakeClock
from .samples import payload

MakeStore = Callable[..., SessionStore]


def session_count(store: SessionStore) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(saved_sessions)).scalar_one())


def test_save_then_load_on_the_same_store(store: SessionStore) -> None:
    saved = store.save(payload())
    assert store.load(saved.code, client_id="clinic-pc") == payload()
    assert saved.expires_at == START + dt.timedelta(days=30)
    assert saved.expires_on == dt.date(2026, 12, 24)


def test_save_then_load_on_a_fresh_store_as_another_computer_would(make_store: MakeStore) -> None:
    saved = make_store().save(payload())
    other = make_store()
    assert other.load(saved.code, client_id="home-pc") == payload()


def test_a_code_read_aloud_and_typed_loosely_still_loads(store: SessionStore) -> None:
    saved = store.save(payload())
    typed = saved.code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert store.load(f"  {typed} ", client_id="c") == payload()


def test_a_wrong_code_gets_the_neutral_failure(store: SessionStore) -> None:
    store.save(payload())
    with pytest.raises(CodeNotFoundError, match=r"^code not found or expired$") as caught:
        store.load(generate_code(), client_id="c")
    assert caught.value.code == "not_found_or_expired"


def test_a_malformed_code_is_refused_before_any_lookup(store: SessionStore) -> None:
    with pytest.raises(InvalidCodeError) as caught:
        store.load("K7QF-3MZD", client_id="c")
    assert caught.value.reason == "wrong_length"


def test_saving_again_under_the_same_code_replaces_and_renews(store: SessionStore, clock: FakeClock) -> None:
    first = store.save(payload(step="fracture"))
    clock.advance(days=20)
    second = store.save(payload(step="summary"), code=first.code.lower())
    assert second.code == first.code
    assert second.expires_at == START + dt.timedelta(days=50)
    clock.advance(days=25)  # past the first expiry, before the second
    assert store.load(first.code, client_id="c")["step"] == "summary"
    assert session_count(store) == 1


def test_each_new_save_gets_its_own_code(store: SessionStore) -> None:
    codes = {store.save(payload(i=i)).code for i in range(5)}
    assert len(codes) == 5
    assert session_count(store) == 5


def test_a_session_expires_after_the_configured_days_and_is_purged(store: SessionStore, clock: FakeClock) -> None:
    saved = store.save(payload())
    clock.advance(days=30, seconds=-1)
    assert store.load(saved.code, client_id="c") == payload()
    clock.advance(seconds=1)
    with pytest.raises(CodeNotFoundError):
        store.load(saved.code, client_id="c")
    assert session_count(store) == 0


def test_purge_expired_removes_only_expired_sessions(store: SessionStore, clock: FakeClock) -> None:
    old = store.save(payload())
    clock.advance(days=10)
    young = store.save(payload())
    clock.advance(days=21)
    assert store.purge_expired() == 1
    assert store.purge_expired() == 0
    assert store.load(young.code, client_id="c") == payload()
    with pytest.raises(CodeNotFoundError):
        store.load(old.code, client_id="c")


def test_a_save_purges_expired_sessions(store: SessionStore, clock: FakeClock) -> None:
    store.save(payload())
    clock.advance(days=31)
    store.save(payload())
    assert session_count(store) == 1


def test_the_number_of_days_is_a_parameter(make_store: MakeStore, clock: FakeClock) -> None:
    store = make_store(save_days=7)
    saved = store.save(payload())
    assert saved.expires_at == START + dt.timedelta(days=7)
    clock.advance(days=7)
    with pytest.raises(CodeNotFoundError):
        store.load(saved.code, client_id="c")


def test_the_number_of_days_comes_from_the_environment(backend: Backend, clock: FakeClock) -> None:
    env = {"DECISION_AID_DATABASE_URL": backend.url, "DECISION_AID_SAVE_DAYS": "3"}
    with SessionStore.from_env(env, now=clock) as store:
        assert store.save(payload()).expires_at == START + dt.timedelta(days=3)
    with SessionStore.from_env(env, save_days=5, now=clock) as store:
        assert store.save(payload()).expires_at == START + dt.timedelta(days=5)


@pytest.mark.parametrize("days", ["0", "367", "thirty", "-1"])
def test_an_unusable_number_of_days_is_refused_by_name(days: str) -> None:
    with pytest.raises(StorageConfigError, match="DECISION_AID_SAVE_DAYS"):
        SessionStore.from_env({"DECISION_AID_SAVE_DAYS": days})


def test_delete_my_answers_removes_the_session_at_once(make_store: MakeStore) -> None:
    store = make_store()
    saved = store.save(payload())
    assert store.delete(saved.code) is True
    with pytest.raises(CodeNotFoundError):
        make_store().load(saved.code, client_id="c")
    assert store.delete(saved.code) is False
    assert session_count(store) == 0


def test_deleting_an_unknown_or_expired_code_says_false(store: SessionStore, clock: FakeClock) -> None:
    assert store.delete(generate_code()) is False
    saved = store.save(payload())
    clock.advance(days=31)
    assert store.delete(saved.code) is False
    assert session_count(store) == 0


def test_delete_leaves_other_sessions(store: SessionStore) -> None:
    keep, drop = store.save(payload(i=1)), store.save(payload(i=2))
    assert store.delete(drop.code)
    assert store.load(keep.code, client_id="c") == payload(i=1)


@pytest.mark.parametrize(
    "bad",
    [
        ["not", "an", "object"],
        {"answers": {1, 2}},
        {"pain": float("nan")},
        {"text": "x" * 70_000},
    ],
    ids=["list", "set", "nan", "too-large"],
)
def test_a_payload_that_is_not_a_small_json_object_is_refused(store: SessionStore, bad: Any) -> None:
    store.purge_expired()  # the database exists, so that it can be seen to stay empty
    with pytest.raises(InvalidPayloadError):
        store.save(bad)
    assert session_count(store) == 0


def test_unicode_and_every_json_type_round_trip(store: SessionStore) -> None:
    value = {"name": "María José Núñez 李小龙 🙂", "n": 0, "x": -1.5, "b": True, "none": None, "list": [[], {}]}
    assert store.load(store.save(value).code, client_id="c") == value


def test_client_id_is_required(store: SessionStore) -> None:
    saved = store.save(payload())
    with pytest.raises(ValueError, match="client_id"):
        store.load(saved.code, client_id="")


def test_one_store_is_safe_to_share_between_threads(store: SessionStore) -> None:
    failures: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(5):
                value = payload(thread=n, i=i)
                saved = store.save(value)
                assert store.load(saved.code, client_id=f"t{n}") == value
        except BaseException as exc:  # reported below, in the test's own thread
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert session_count(store) == 30


def test_a_new_code_that_is_already_taken_is_drawn_again(store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    taken, free = generate_code(), generate_code()
    draws = iter([taken, taken, free])
    monkeypatch.setattr("decision_aid.storage.store.generate_code", lambda: next(draws))
    first = store.save(payload(i=1))
    second = store.save(payload(i=2))  # drew `taken` again: must not overwrite the first session
    assert first.code.replace("-", "") == taken
    assert second.code.replace("-", "") == free
    assert store.load(first.code, client_id="c") == payload(i=1)
    assert store.load(second.code, client_id="c") == payload(i=2)


def test_saving_again_under_a_deleted_or_expired_code_does_not_bring_it_back(
    make_store: Callable[..., SessionStore], clock: FakeClock
) -> None:
    """Another computer that still has the code must not undo "Delete my answers"."""
    store = make_store()
    deleted = store.save(payload(i=1))
    assert store.delete(deleted.code)
    with pytest.raises(CodeNotFoundError):
        store.save(payload(i=2), code=deleted.code)
    with pytest.raises(CodeNotFoundError):
        store.load(deleted.code, client_id="c")
    expired = store.save(payload(i=3))
    clock.advance(days=31)
    with pytest.raises(CodeNotFoundError):
        store.save(payload(i=4), code=expired.code)
