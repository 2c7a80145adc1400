"""Resume codes: 16 characters in four groups, such as "K7QF-3MZD-9XWA-2PHD".

The alphabet is Crockford's base 32: the digits and the capital letters without I, L, O and U, so
no two characters look alike. 15 characters are random (75 bits from `secrets`); the 16th is a check
character that catches every single wrong character and every swap of two neighbours, so a typo is
reported as a typo (see `InvalidCodeError.reason == "mistyped"`) instead of counting as a wrong guess.

The check character is a weighted sum over GF(32) (x^5 + x^2 + 1, a primitive polynomial) with the
weights alpha^1 … alpha^15 for the 15 random characters and 1 for the check character itself. The
weights are distinct and nonzero and alpha + 1 is nonzero, which is why substitutions and adjacent
swaps are always detected.

Input is forgiving: case, spaces and any kind of dash are ignored, full-width characters are folded
(NFKC), and O is read as 0, I and L as 1 (Crockford's rules).
"""

from __future__ import annotations

import secrets
import unicodedata

from .errors import InvalidCodeError

__all__ = [
    "ALPHABET",
    "CODE_LENGTH",
    "RANDOM_BITS",
    "format_code",
    "generate_code",
    "normalize_code",
]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base 32: no I, L, O or U."""

CODE_LENGTH = 16
"""Characters in a code, without the dashes: 15 random ones and a check character."""

GROUP = 4
RANDOM_CHARACTERS = CODE_LENGTH - 1
RANDOM_BITS = RANDOM_CHARACTERS * 5
"""Bits of randomness in a code (75)."""

_VALUES = {ch: i for i, ch in enumerate(ALPHABET)}
_CONFUSIONS = {"O": "0", "I": "1", "L": "1"}
_SEPARATORS = frozenset(" \t\r\n-_.·\u00a0\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_POLYNOMIAL = 0b100101  # x^5 + x^2 + 1


def _times_alpha(value: int) -> int:
    value <<= 1
    return value ^ _POLYNOMIAL if value & 0b100000 else value


def _multiply(a: int, b: int) -> int:
    """Product in GF(32)."""
    product = 0
    while b:
        if b & 1:
            product ^= a
        a = _times_alpha(a)
        b >>= 1
    return product


def _check_value(values: list[int]) -> int:
    """The check value of the random characters (weights alpha^1, alpha^2, …)."""
    check = 0
    weight = 2  # alpha
    for value in values:
        check ^= _multiply(weight, value)
        weight = _times_alpha(weight)
    return check


def format_code(code: str) -> str:
    """Group a normalised 16-character code in fours with dashes: "K7QF3MZD9XWA2PHD" -> "K7QF-3MZD-9XWA-2PHD"."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def generate_code() -> str:
    """A new random code, normalised (16 characters, no dashes); show it with `format_code`."""
    number = secrets.randbits(RANDOM_BITS)
    values = [(number >> (5 * i)) & 31 for i in range(RANDOM_CHARACTERS)]
    values.append(_check_value(values))
    return "".join(ALPHABET[v] for v in values)


def normalize_code(text: str) -> str:
    """The canonical 16-character form of a code typed by a person.

    Ignores case, spaces and dashes; reads O as 0 and I or L as 1.

    Raises:
        InvalidCodeError: with `reason` "empty", "wrong_length", "bad_character" or "mistyped".
    """
    folded = unicodedata.normalize("NFKC", text).upper()
    characters = [_CONFUSIONS.get(ch, ch) for ch in folded if ch not in _SEPARATORS]
    if not characters:
        raise InvalidCodeError("empty", "no code was given")
    bad = sorted({ch for ch in characters if ch not in _VALUES})
    if bad:
        shown = ", ".join(repr(ch) for ch in bad)
        raise InvalidCodeError("bad_character", f"a code uses only 0-9 and A-Z without U; not {shown}")
    if len(characters) != CODE_LENGTH:
        raise InvalidCodeError(
            "wrong_length", f"a code has {CODE_LENGTH} characters (without dashes); this has {len(characters)}"
        )
    values = [_VALUES[ch] for ch in characters]
    if _check_value(values[:-1]) != values[-1]:
        raise InvalidCodeError("mistyped", "this code has a typing mistake: please check each character")
    return "".join(characters)
