"""Keys and sealing: the database never holds a readable answer, nor the code that opens it.

From a normalised resume code, HKDF-SHA256 derives two independent 32-byte keys:

- the lookup key, stored as the row's primary key. HKDF is one-way, so the row does not reveal
  the code; finding a code from a lookup key means trying about 2^74 codes.
- the encryption key, never stored: AES-256-GCM with a fresh random 96-bit nonce per save.

The associated data binds the ciphertext to its row: a fixed label, the format version, the
lookup key and the expiry time. A ciphertext moved to another row, a changed expiry, a flipped bit
or a truncated value all fail authentication (CorruptSessionError), never decrypt to something else.

The JSON plaintext is padded with spaces to a multiple of 4 KiB, so the length of a row does
not tell how much was written (JSON ignores trailing whitespace).

Client identifiers (for the rate limit) are stored only as SHA-256 hashes.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import CorruptSessionError, InvalidPayloadError

__all__ = [
    "FORMAT_VERSION",
    "MAX_PLAINTEXT_BYTES",
    "CodeKeys",
    "client_key",
    "derive_keys",
    "open_payload",
    "seal_payload",
]

FORMAT_VERSION = 1
"""Version of the key derivation and sealing format; part of the associated data."""

MAX_PLAINTEXT_BYTES = 64 * 1024
"""The largest payload accepted, as JSON (answers are a few kilobytes at most)."""

PAD_TO = 4096
NONCE_BYTES = 12
_SALT = b"decision-aid saved-session salt v1"
_LOOKUP_INFO = b"decision-aid/lookup-key/v1"
_ENCRYPTION_INFO = b"decision-aid/encryption-key/v1"
_AAD_LABEL = b"decision-aid/saved-session"
_CLIENT_LABEL = b"decision-aid/client-id/v1\x00"


@dataclass(frozen=True, slots=True)
class CodeKeys:
    """The two keys derived from one code. `repr` never shows them."""

    lookup_key: bytes
    encryption_key: bytes

    def __repr__(self) -> str:
        return "CodeKeys(<hidden>)"


def _hkdf(code: str, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=info).derive(code.encode("ascii"))


def derive_keys(code: str) -> CodeKeys:
    """The lookup and encryption keys of a normalised code (see codes.normalize_code)."""
    return CodeKeys(lookup_key=_hkdf(code, _LOOKUP_INFO), encryption_key=_hkdf(code, _ENCRYPTION_INFO))


def client_key(client_id: str) -> bytes:
    """The stored form of a client identifier: its SHA-256, never the identifier itself."""
    if not isinstance(client_id, str) or not client_id:
        raise ValueError("client_id must be a non-empty string (for example the client's address)")
    return hashlib.sha256(_CLIENT_LABEL + client_id.encode("utf-8", "surrogatepass")).digest()


def _associated_data(version: int, lookup_key: bytes, expires_at: int) -> bytes:
    return b"%s\x00%d\x00%s\x00%d" % (_AAD_LABEL, version, lookup_key.hex().encode("ascii"), expires_at)


def _encode(payload: Mapping[str, Any]) -> bytes:
    if not isinstance(payload, Mapping):
        raise InvalidPayloadError(f"a saved session is a JSON object (a dict), not {type(payload).__name__}")
    try:
        text = json.dumps(dict(payload), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:  # the message names a type, never a value
        raise InvalidPayloadError(f"a saved session holds only JSON values: {type(exc).__name__}") from None
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > MAX_PLAINTEXT_BYTES:
        raise InvalidPayloadError(f"a saved session is at most {MAX_PLAINTEXT_BYTES} bytes as JSON")
    padded = max(1, math.ceil(len(data) / PAD_TO)) * PAD_TO
    return data + b" " * (padded - len(data))


def seal_payload(payload: Mapping[str, Any], keys: CodeKeys, expires_at: int, nonce: bytes) -> bytes:
    """Encrypt a payload for the row (keys.lookup_key, expires_at); returns ciphertext + tag.

    Raises:
        InvalidPayloadError: not a mapping of JSON values, or over MAX_PLAINTEXT_BYTES.
    """
    aad = _associated_data(FORMAT_VERSION, keys.lookup_key, expires_at)
    return AESGCM(keys.encryption_key).encrypt(nonce, _encode(payload), aad)


def open_payload(keys: CodeKeys, version: int, nonce: bytes, ciphertext: bytes, expires_at: int) -> dict[str, Any]:
    """Decrypt and authenticate a row found under keys.lookup_key.

    Raises:
        CorruptSessionError: wrong version, nonce or tag, a row moved or edited, or not a JSON object.
    """
    if version != FORMAT_VERSION or len(nonce) != NONCE_BYTES:
        raise CorruptSessionError()
    aad = _associated_data(version, keys.lookup_key, expires_at)
    try:
        plaintext = AESGCM(keys.encryption_key).decrypt(bytes(nonce), bytes(ciphertext), aad)
        value = json.loads(plaintext.decode("utf-8", "surrogatepass"))
    except (InvalidTag, ValueError, TypeError):
        raise CorruptSessionError() from None
    if not isinstance(value, dict):
        raise CorruptSessionError()
    return value
