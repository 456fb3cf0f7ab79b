"""The audit trail's MAC chain: each entry's HMAC covers its content and the MAC before it."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable

from casetracker.domain.audit import AuditEntry, ChainReport

GENESIS = bytes(32)


def derive_audit_key(data_key: bytes, vault_id: str) -> bytes:
    """The chain's HMAC key, derived from the data key with HKDF-SHA256."""
    # Imported here: the session module, which the lock screen imports, needs only the
    # standard library's HMAC from this module; `cryptography` is slow to load.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt=vault_id.encode("utf-8"),
                info=b"casetracker/audit-chain/v1").derive(data_key)


def entry_mac(key: bytes, previous_mac: bytes, entry: AuditEntry) -> bytes:
    """HMAC-SHA256 over the previous MAC and the entry's canonical content."""
    content = json.dumps(
        [entry.seq, entry.at, entry.actor, entry.action, entry.subject, entry.details],
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    ).encode("utf-8")
    return hmac.new(key, previous_mac + content, hashlib.sha256).digest()


def verify(key: bytes, entries: Iterable[AuditEntry],
           head: tuple[int, bytes] | None) -> ChainReport:
    """Check the chain entry by entry, then against the head kept outside the database.

    Finds an edited entry (its MAC fails), a deleted one (a gap in the sequence), a
    reordered pair (the chain breaks), and truncation (the head names a later entry).
    """
    previous = GENESIS
    expected_seq = 1
    count = 0
    head_seen = head is None
    for entry in entries:
        if entry.seq != expected_seq:
            problem = (f"entry {expected_seq} is missing (deleted)" if entry.seq > expected_seq
                       else f"entry {entry.seq} is out of order")
            return ChainReport(False, count, expected_seq, problem)
        if not hmac.compare_digest(entry_mac(key, previous, entry), entry.mac):
            return ChainReport(False, count, entry.seq,
                               "its content or position was changed (MAC does not match)")
        if head is not None and entry.seq == head[0]:
            if not hmac.compare_digest(entry.mac, head[1]):
                return ChainReport(False, count, entry.seq,
                                   "it differs from the head kept in the key file")
            head_seen = True
        previous = entry.mac
        expected_seq += 1
        count += 1
    if head is None and count:
        return ChainReport(False, count, None,
                           "the key file holds no audit head (it was replaced or edited)")
    if not head_seen and head is not None:
        return ChainReport(False, count, count + 1,
                           f"entries {count + 1} to {head[0]} are missing (truncated)")
    return ChainReport(True, count)
