"""Recovery keys: 160 random bits with a 16-bit checksum, written as six groups of base32.

The checksum lets the program tell a typing mistake ("check the key for a typo") from a key
that belongs to another database.
"""

from __future__ import annotations

import base64
import hashlib
import os

from casetracker.domain.errors import AuthenticationError

SECRET_BYTES = 20
_CHECK_BYTES = 2
_GROUP = 6


def _checksum(secret: bytes) -> bytes:
    return hashlib.sha256(b"casetracker-recovery" + secret).digest()[:_CHECK_BYTES]


def generate() -> tuple[str, bytes]:
    """Return (the key as shown to a person, the secret the slot is derived from)."""
    secret = os.urandom(SECRET_BYTES)
    text = base64.b32encode(secret + _checksum(secret)).decode("ascii").rstrip("=")
    groups = [text[i:i + _GROUP] for i in range(0, len(text), _GROUP)]
    return "-".join(groups), secret


def parse(text: str) -> bytes:
    """Return the secret in a recovery key as typed (any case, spaces or dashes)."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    # People read 0 and 1 where base32 has O and I.
    compact = compact.replace("0", "O").replace("1", "I").replace("8", "B")
    padded = compact + "=" * (-len(compact) % 8)
    try:
        raw = base64.b32decode(padded)
    except ValueError:
        raw = b""
    secret, check = raw[:SECRET_BYTES], raw[SECRET_BYTES:]
    if len(raw) != SECRET_BYTES + _CHECK_BYTES or _checksum(secret) != check:
        raise AuthenticationError(
            "that is not a valid recovery key; check it for a typo (it has six groups of "
            "letters and digits)"
        )
    return secret
