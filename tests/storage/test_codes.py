"""Resume codes: format, randomness, forgiving input, and typo detection by the check character."""

from __future__ import annotations

import re

import pytest

from decision_aid.storage import InvalidCodeError, format_code, generate_code, normalize_code
from decision_aid.storage import codes as codes_module
from decision_aid.storage.codes import ALPHABET, CODE_LENGTH, RANDOM_BITS

GROUPED = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")


def test_the_alphabet_is_crockford_base32_without_look_alikes() -> None:
    assert len(set(ALPHABET)) == 32
    assert not set("ILOU") & set(ALPHABET)


def test_a_code_is_four_groups_of_four_with_at_least_60_random_bits() -> None:
    code = format_code(generate_code())
    assert GROUPED.match(code), code
    assert RANDOM_BITS == 75 >= 60
    assert normalize_code(code) == code.replace("-", "")


def test_codes_come_from_secrets_and_do_not_repeat(monkeypatch: pytest.MonkeyPatch) -> None:
    many = {generate_code() for _ in range(5000)}
    assert len(many) == 5000
    assert set("".join(many)) == set(ALPHABET)
    monkeypatch.setattr("decision_aid.storage.codes.secrets.randbits", lambda bits: 0)
    assert generate_code() == "0" * CODE_LENGTH


@pytest.mark.parametrize(
    "typed",
    [
        "{code}",
        "{lower}",
        "  {spaced}  ",
        "{bare}",
        "{en_dash}",
        "{fullwidth}",
    ],
)
def test_input_ignores_case_spaces_dashes_and_width(typed: str) -> None:
    code = format_code(generate_code())
    forms = {
        "code": code,
        "lower": code.lower(),
        "spaced": code.replace("-", " "),
        "bare": code.replace("-", ""),
        "en_dash": code.replace("-", " – "),
        "fullwidth": "".join(chr(ord(c) + 0xFEE0) if c != "-" else c for c in code),
    }
    assert normalize_code(typed.format(**forms)) == code.replace("-", "")


def test_o_is_read_as_zero_and_i_or_l_as_one() -> None:
    code = "0" * 15
    code += normalize_code_check(code)
    assert normalize_code(code.replace("0", "O", 3)) == code
    one = "1" * 15
    one += normalize_code_check(one)
    assert normalize_code(one.replace("1", "I", 2).replace("1", "l", 2)) == one


def normalize_code_check(body: str) -> str:
    """The check character the module computes for 15 characters."""
    values = [ALPHABET.index(c) for c in body]
    return ALPHABET[codes_module._check_value(values)]


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        (" - - ", "empty"),
        ("K7QF-3MZD-9XWA", "wrong_length"),
        ("K7QF-3MZD-9XWA-2PHDX", "wrong_length"),
        ("K7QF-3MZD-9XWA-2PHU", "bad_character"),
        ("K7QF-3MZD-9XWA-2PH!", "bad_character"),
    ],
)
def test_malformed_codes_say_what_is_wrong(typed: str, reason: str) -> None:
    with pytest.raises(InvalidCodeError) as caught:
        normalize_code(typed)
    assert caught.value.reason == reason
    assert caught.value.code == "invalid_code"
    assert str(caught.value)


@pytest.mark.parametrize("seed", range(20))
def test_every_single_wrong_character_is_caught(seed: int) -> None:
    code = generate_code()
    for position in range(CODE_LENGTH):
        for replacement in ALPHABET:
            if replacement == code[position]:
                continue
            typo = code[:position] + replacement + code[position + 1 :]
            with pytest.raises(InvalidCodeError) as caught:
                normalize_code(typo)
            assert caught.value.reason == "mistyped"


@pytest.mark.parametrize("seed", range(20))
def test_every_swap_of_two_neighbours_is_caught(seed: int) -> None:
    code = generate_code()
    for position in range(CODE_LENGTH - 1):
        a, b = code[position], code[position + 1]
        if a == b:
            continue
        swapped = code[:position] + b + a + code[position + 2 :]
        with pytest.raises(InvalidCodeError, match="typing mistake"):
            normalize_code(swapped)
