"""Audit details sealed under a key per subject (a case number), so that purging a case
destroys what its entries said while the chain, which covers the sealed form, still verifies.

The entry keeps its time, actor, action and subject in the clear: who did what to which case
number. What it said (the employer a profile went to, the consent's categories, a file's hash,
document kinds) is AES-256-GCM under the subject's key, bound to the subject and the entry's
sequence number so a sealed detail cannot be moved to another entry.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from typing import Any

SEALED = "sealed"
KEY_ID = "key"
# What a reader sees of an entry whose case was purged: its key is gone.
PURGED = {"details": "removed with the case"}


def _aad(subject: str, seq: int) -> bytes:
    return f"casetracker/audit-details/v1|{subject.casefold()}|{seq}".encode()


def new_key() -> bytes:
    return os.urandom(32)


def key_id(key: bytes) -> str:
    """Which key sealed a detail: a purge destroys one, and a later entry about the same case
    number gets another."""
    return hashlib.sha256(b"casetracker/audit-details-key\0" + key).hexdigest()[:16]


def seal(key: bytes, subject: str, seq: int, details: dict[str, Any]) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    plain = json.dumps(details, sort_keys=True, ensure_ascii=False).encode("utf-8")
    sealed = nonce + AESGCM(key).encrypt(nonce, plain, _aad(subject, seq))
    return {SEALED: base64.b64encode(sealed).decode("ascii"), KEY_ID: key_id(key)}


def is_sealed(details: dict[str, Any]) -> bool:
    return set(details) == {SEALED, KEY_ID} and isinstance(details[SEALED], str)


def open_sealed(key: bytes | None, subject: str, seq: int,
                details: dict[str, Any]) -> dict[str, Any]:
    """The details as written, `PURGED` when the subject's key is gone, or a note that they
    do not open (an edited entry: the chain's verification says which)."""
    if not is_sealed(details):
        return details
    if key is None or key_id(key) != details[KEY_ID]:
        return dict(PURGED)
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        raw = base64.b64decode(details[SEALED], validate=True)
        plain = AESGCM(key).decrypt(raw[:12], raw[12:], _aad(subject, seq))
        opened = json.loads(plain)
    except (InvalidTag, ValueError):
        return {"details": "unreadable (the entry was changed)"}
    return opened if isinstance(opened, dict) else {"details": opened}
