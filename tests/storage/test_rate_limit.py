"""Wrong guesses are limited per client (10 per 15 minutes by default), on every backend, with an
injected clock: nothing here sleeps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from decision_aid.storage import (
    CodeNotFoundError,
    InvalidCodeError,
    RateLimit,
    SessionStore,
    StorageConfigError,
    TooManyAttemptsError,
    generate_code,
)

from .conftest import Backend, FakeClock
from .samples import payload

MakeStore = Callable[..., SessionStore]


def guess(store: SessionStore, client: str) -> str:
    """One wrong code from `client`: "not found" or "limited"."""
    try:
        store.load(generate_code(), client_id=client)
    except CodeNotFoundError:
        return "not found"
    except TooManyAttemptsError:
        return "limited"
    raise AssertionError("a random code loaded a session")


def test_fifty_wrong_guesses_hit_the_limit_and_another_client_is_not_limited(
    store: SessionStore, clock: FakeClock
) -> None:
    saved = store.save(payload())
    results = []
    for _ in range(50):
        results.append(guess(store, "203.0.113.7"))
        clock.advance(seconds=1)
    assert results == ["not found"] * 10 + ["limited"] * 40
    # Limited means limited: even the right code is refused, so the refusal tells nothing.
    with pytest.raises(TooManyAttemptsError, match="too many attempts, try again later") as caught:
        store.load(saved.code, client_id="203.0.113.7")
    assert caught.value.code == "too_many_attempts"
    # Another client is not affected, and loads the right code.
    assert guess(store, "198.51.100.23") == "not found"
    assert store.load(saved.code, client_id="198.51.100.23") == payload()


def test_the_limit_lifts_as_failures_leave_the_15_minute_window(store: SessionStore, clock: FakeClock) -> None:
    saved = store.save(payload())
    for _ in range(10):  # one wrong code a minute, from minute 0 to 9
        assert guess(store, "c") == "not found"
        clock.advance(minutes=1)
    with pytest.raises(TooManyAttemptsError) as caught:  # minute 10
        store.load(saved.code, client_id="c")
    assert caught.value.retry_after == dt.timedelta(minutes=5)  # the minute-0 failure leaves at 15
    clock.advance(minutes=5)
    assert store.load(saved.code, client_id="c") == payload()
    assert guess(store, "c") == "not found"  # the 10th failure within the window again
    assert guess(store, "c") == "limited"


def test_a_right_code_does_not_reset_the_count(store: SessionStore) -> None:
    saved = store.save(payload())
    for _ in range(9):
        guess(store, "c")
    assert store.load(saved.code, client_id="c") == payload()
    assert guess(store, "c") == "not found"
    assert guess(store, "c") == "limited"


def test_malformed_codes_do_not_count(store: SessionStore) -> None:
    for _ in range(30):
        with pytest.raises(InvalidCodeError):
            store.load("K7QF-3MZD-9XWA-2PHU", client_id="c")
    assert guess(store, "c") == "not found"


def test_the_limit_is_shared_by_every_process_using_the_database(make_store: MakeStore) -> None:
    first, second = make_store(), make_store()
    for _ in range(10):
        guess(first, "c")
    assert guess(second, "c") == "limited"


def test_the_limit_is_configurable(make_store: MakeStore, clock: FakeClock) -> None:
    store = make_store(rate_limit=RateLimit(max_failures=3, window=dt.timedelta(minutes=1)))
    assert [guess(store, "c") for _ in range(4)] == ["not found"] * 3 + ["limited"]
    clock.advance(minutes=1)
    assert guess(store, "c") == "not found"


def test_the_limit_comes_from_the_environment(backend: Backend, clock: FakeClock) -> None:
    env = {
        "DECISION_AID_DATABASE_URL": backend.url,
        "DECISION_AID_LOAD_MAX_FAILURES": "2",
        "DECISION_AID_LOAD_WINDOW_MINUTES": "60",
    }
    with SessionStore.from_env(env, now=clock) as store:
        assert store.config.rate_limit == RateLimit(2, dt.timedelta(minutes=60))
        assert [guess(store, "c") for _ in range(3)] == ["not found", "not found", "limited"]
        clock.advance(minutes=59)
        assert guess(store, "c") == "limited"


@pytest.mark.parametrize(
    ("name", "value"),
    [("DECISION_AID_LOAD_MAX_FAILURES", "0"), ("DECISION_AID_LOAD_WINDOW_MINUTES", "many")],
)
def test_an_unusable_limit_is_refused_by_name(name: str, value: str) -> None:
    with pytest.raises(StorageConfigError, match=name):
        SessionStore.from_env({name: value})


def test_deleting_typed_codes_is_limited_too(store: SessionStore) -> None:
    saved = store.save(payload())
    for _ in range(10):
        assert store.delete(generate_code(), client_id="c") is False
    with pytest.raises(TooManyAttemptsError):
        store.delete(saved.code, client_id="c")
    assert store.load(saved.code, client_id="other") == payload()  # nothing was deleted
    assert store.delete(saved.code, client_id="other") is True
