"""The enrollment file: what a new laptop needs to join a program, sealed under a one-time
code that is shown once on the enrolling laptop and never written anywhere.

Layout: `MAGIC`, then one line of JSON (format, Argon2id parameters, salt, nonce, when the
file expires), then the AES-256-GCM ciphertext of the payload (JSON) with that line as
associated data: the expiry is readable before the code is asked for (so an expired file is
refused without the slow derivation) and cannot be changed without the code (a changed header
no longer opens). The key is
derived from the code with Argon2id. The code is 20 characters of Crockford's base32 (no I,
L, O or U), 100 random bits, shown in four groups of five: a stolen file is then out of reach
of offline guessing whatever the derivation costs, and the derivation makes each guess slower
still. A wrong code and a damaged ciphertext fail alike (GCM cannot tell them apart).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from typing import Any

from casetracker.domain.errors import CaseTrackerError
from casetracker.security.kdf import SALT_BYTES, KdfParams, derive_key

MAGIC = b"CASETRACKER-ENROLLMENT\n"
FORMAT = 1
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: 5 bits a character
CODE_CHARACTERS = 20
GROUP = 5
MAX_FILE_BYTES = 16 * 1024 * 1024
# What people mistype for the letters the alphabet leaves out.
_READ_AS = {"O": "0", "I": "1", "L": "1", "U": "V"}


class EnrollmentFileError(CaseTrackerError):
    """The enrollment file cannot be opened (not one, damaged, or the wrong code)."""


def new_code() -> str:
    """A fresh one-time code, `XXXXX-XXXXX-XXXXX-XXXXX` (100 bits)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_CHARACTERS))
    return "-".join(raw[i:i + GROUP] for i in range(0, CODE_CHARACTERS, GROUP))


def normalise_code(text: str) -> str:
    """The code as typed, without spaces or dashes, in capitals, common misreadings fixed;
    raise `EnrollmentFileError` when it cannot be a code."""
    cleaned = "".join(_READ_AS.get(c, c) for c in text.upper() if c not in " -\t\r\n")
    if len(cleaned) != CODE_CHARACTERS or any(c not in ALPHABET for c in cleaned):
        raise EnrollmentFileError(
            f"an enrollment code is {CODE_CHARACTERS} letters and digits in groups of "
            f"{GROUP} (as XXXXX-XXXXX-XXXXX-XXXXX); check what was typed")
    return cleaned


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(payload: dict[str, Any], code: str, kdf: KdfParams, *, expires_at: str) -> bytes:
    """The file's bytes: `payload` (JSON-able) encrypted under a key from `code`, with
    `expires_at` (ISO time, the program clock's) in the authenticated header."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(SALT_BYTES), os.urandom(12)
    header = json.dumps({"format": FORMAT, "kdf": kdf.to_dict(), "salt": _b64(salt),
                         "nonce": _b64(nonce), "expires_at": expires_at},
                        sort_keys=True, separators=(",", ":")).encode()
    key = derive_key(normalise_code(code).encode("ascii"), salt, kdf)
    body = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return MAGIC + header + b"\n" + AESGCM(key).encrypt(nonce, body, header)


def expires_at(data: bytes) -> str:
    """When the enrollment file expires, as its header says (authenticated only once the
    file is opened with its code); raise `EnrollmentFileError` when it cannot be read."""
    if len(data) > MAX_FILE_BYTES or not data.startswith(MAGIC):
        raise EnrollmentFileError("this is not a Case Tracker enrollment file")
    try:
        fields = json.loads(data[len(MAGIC):].partition(b"\n")[0])
        value = fields["expires_at"]
        if not isinstance(value, str):
            raise TypeError("not text")
    except (ValueError, KeyError, TypeError):
        raise EnrollmentFileError("the enrollment file is damaged (its header does not "
                                  "read), or was written by a Case Tracker that did not date "
                                  "enrollment files; ask for a new one") from None
    return value


def open_file(data: bytes, code: str) -> dict[str, Any]:
    """The payload of an enrollment file, with its header's `expires_at` added; raise
    `EnrollmentFileError` saying what is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    cleaned = normalise_code(code)
    if len(data) > MAX_FILE_BYTES or not data.startswith(MAGIC):
        raise EnrollmentFileError("this is not a Case Tracker enrollment file")
    header, newline, ciphertext = data[len(MAGIC):].partition(b"\n")
    try:
        fields = json.loads(header)
        if not isinstance(fields, dict):
            raise ValueError("not an object")
        if isinstance(fields.get("format"), int) and fields["format"] > FORMAT:
            raise EnrollmentFileError("the enrollment file was written by a newer Case "
                                      "Tracker; update Case Tracker on this laptop first")
        if fields.get("format") != FORMAT:
            raise ValueError("unknown format")
        kdf = KdfParams.from_dict(fields["kdf"])
        salt = base64.b64decode(fields["salt"], validate=True)
        nonce = base64.b64decode(fields["nonce"], validate=True)
        expiry = fields["expires_at"]
        if not isinstance(expiry, str):
            raise ValueError("no expiry")
        if len(salt) != SALT_BYTES or len(nonce) != 12 or not newline:
            raise ValueError("bad lengths")
    except EnrollmentFileError:
        raise
    except (ValueError, KeyError, TypeError, CaseTrackerError):
        raise EnrollmentFileError("the enrollment file is damaged (its header does not "
                                  "read); ask for a new one") from None
    key = derive_key(cleaned.encode("ascii"), salt, kdf)
    try:
        body = AESGCM(key).decrypt(nonce, ciphertext, header)
    except (InvalidTag, ValueError):
        raise EnrollmentFileError("the code does not open this enrollment file (a wrong code, "
                                  "or the file was changed or cut); nothing was written") from None
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise EnrollmentFileError("the enrollment file's content is malformed") from None
    if not isinstance(payload, dict):
        raise EnrollmentFileError("the enrollment file's content is malformed")
    return {**payload, "expires_at": expiry}
