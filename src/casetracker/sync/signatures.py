"""Each account signs the changes it makes, so a laptop's key cannot speak for an account.

Whoever can unlock a laptop holds the laptop's key, and every account unlocks on every laptop
of the program; so the laptop's signature on a bundle proves where it was written, not who
made its changes. A coordinator's laptop could otherwise send a supervisor's change. Here:

- **The key.** Each account's Ed25519 signing key is derived from its key slot's X25519
  private key (HKDF), so only the account's passphrase, or the recovery key that resets it,
  opens it, on any laptop. A passphrase change keeps it; a reset or a recovery makes a new
  one. The public half travels in `team_accounts.sign_key`, published by the supervisor who
  made the account (who made the slot), or by the account itself the first time it unlocks.
- **Attestations.** At the end of each unit of work (`Session.changing`), the changes just
  logged are signed by the account that made them, in runs of at most `RUN` changes: the
  signature covers the program, the laptop, the account, the run's sequence numbers and a
  digest of each change. A digest is salted per change (`_change_key`), so when a purge drops
  a change from the log before it is sent, its digest travels in its place without letting
  anyone test a guess at what it said.
- **On arrival** (`check`), every change by an account whose signing key this laptop knows
  must be covered by that account's signature, made with a key the account had (any it ever
  had: a laptop may not have heard of a newer one), or with the recovery key's (which can
  reset any account's passphrase anyway). A new key for an account is accepted from a
  supervisor, from the account itself the first time, or when the recovery key signed it
  (a recovery on another laptop). Anything else refuses the bundle.

Left open, and said so: an account that has never unlocked since it had a key to publish
(made before schema 25, and not since on any laptop) is trusted on its laptop's signature
until its key arrives, and its first key is taken on trust; and the changes a laptop had
logged before schema 25 (`signed_from`) travel on the laptop's signature, as before.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from casetracker.domain.accounts import Role
from casetracker.domain.errors import CaseTrackerError
from casetracker.storage.connection import Connection
from casetracker.storage.migrations.v025_account_signatures import RECOVERY_HOLDER
from casetracker.storage.sync_repo import Change, SyncRepository

RUN = 1000  # changes per signature at most: a run split across bundles sends its digests
DIGEST_BYTES = 32
KEY_BYTES = 16
_INFO = b"casetracker/account-signing/v1"
_CONTEXT = b"casetracker/attestation/v1\0"
_RAW = serialization.Encoding.Raw


class SignatureRefusedError(CaseTrackerError):
    """A change not signed by its account (or a new key no one vouched for)."""


# -- keys --------------------------------------------------------------------------------------

def signing_key_of(slot_private: bytes) -> bytes:
    """The account's Ed25519 private key (raw), derived from its slot's X25519 private key."""
    return HKDF(hashes.SHA256(), 32, salt=None, info=_INFO).derive(slot_private)


def public_of(signing_key: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(signing_key).public_key().public_bytes(
        _RAW, serialization.PublicFormat.Raw)


def fingerprint(sign_key: bytes) -> str:
    """A signing key as people compare it: 16 hex digits in groups of four."""
    digest = hashlib.sha256(sign_key).hexdigest()[:16]
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def remember_slot(conn: Connection, key_sha256: str, slot_private: bytes) -> bytes:
    """Note the signing public key of a slot this laptop made or opened; return it."""
    public = public_of(signing_key_of(slot_private))
    conn.execute("INSERT INTO slot_signing_keys (key_sha256, sign_key) VALUES (?, ?) "
                 "ON CONFLICT (key_sha256) DO NOTHING", (key_sha256, public))
    return public


def slot_key(conn: Connection, key_sha256: str) -> bytes | None:
    """The signing public key of the slot with that fingerprint, if this laptop knows it."""
    row = conn.execute("SELECT sign_key FROM slot_signing_keys WHERE key_sha256 = ?",
                       (key_sha256,)).fetchone()
    return None if row is None else bytes(row[0])


def known_keys(conn: Connection) -> dict[str, set[bytes]]:
    """Every signing key accepted here, by holder (an account's lower-case name, or
    `RECOVERY_HOLDER`)."""
    found: dict[str, set[bytes]] = {}
    for holder, key in conn.execute("SELECT holder, sign_key FROM sync_signing_keys"):
        found.setdefault(str(holder), set()).add(bytes(key))
    return found


def told_keys(conn: Connection, given: Mapping[str, Iterable[bytes]]) -> None:
    """Take signing keys as known for accounts (by name), as if their rows had arrived: for a
    laptop given its accounts by hand (tests, the benchmark), never by the services."""
    for name, keys in given.items():
        for key in keys:
            conn.execute("INSERT OR IGNORE INTO sync_signing_keys (holder, sign_key) "
                         "VALUES (lower(?), ?)", (name, key))


# -- signing -----------------------------------------------------------------------------------

def encode_change(change: Change) -> bytes:
    """One change as the bundle body holds it (`bundle.encode_changes`), the bytes digested."""
    from casetracker.sync.bundle import encode_changes

    return encode_changes([change])


def _change_key(salt: bytes, seq: int) -> bytes:
    return hmac.new(salt, seq.to_bytes(8, "big"), hashlib.sha256).digest()[:KEY_BYTES]


def _digest(key: bytes, change: Change) -> bytes:
    return hashlib.sha256(key + encode_change(change)).digest()


def _message(program_id: str, laptop_id: str, actor: str, first: int, last: int,
             digests: bytes) -> bytes:
    head = json.dumps([program_id, laptop_id, actor, first, last], separators=(",", ":"))
    return _CONTEXT + head.encode("utf-8") + b"\0" + hashlib.sha256(digests).digest()


def capturing(conn: Connection) -> bool:
    row = conn.execute("SELECT capturing FROM sync_clock").fetchone()
    return row is not None and bool(row[0])


def attest(conn: Connection, actor: str, signing_key: bytes) -> int:
    """Sign every logged change of `actor` not yet signed (call `capture.flush` first);
    returns how many were signed. Inside the caller's transaction."""
    repo = SyncRepository(conn)
    program = repo.program()
    if program is None:
        return 0
    identity = repo.identity()
    marker = _ATTESTED + actor.lower()
    start = max(_meta_int(conn, marker), identity.bundled_seq, _signed_from(conn) - 1)
    signer = Ed25519PrivateKey.from_private_bytes(signing_key)
    signed = 0
    while True:
        changes = repo.pending_by(actor, start, 20 * RUN)
        if not changes:
            break
        for run in _runs(changes):
            salt, digests, signature = sign_run(run, actor, signer, program.program_id,
                                                identity.laptop_id)
            first, last = run[0].seq, run[-1].seq
            conn.execute("INSERT INTO sync_attestations (first_seq, last_seq, actor, salt, "
                         "digests, signature) VALUES (?, ?, ?, ?, ?, ?)",
                         (first, last, actor, salt, digests, signature))
            signed += len(run)
        start = changes[-1].seq
    _set_meta_int(conn, marker, max(start, repo.last_seq_given()))
    return signed


def sign_run(run: Sequence[Change], actor: str, signer: Ed25519PrivateKey, program_id: str,
             laptop_id: str) -> tuple[bytes, bytes, bytes]:
    """Sign one run of consecutive changes: (salt, digests, signature)."""
    salt = os.urandom(16)
    digests = b"".join(_digest(_change_key(salt, c.seq), c) for c in run)
    message = _message(program_id, laptop_id, actor, run[0].seq, run[-1].seq, digests)
    return salt, digests, signer.sign(message)


def _runs(changes: Sequence[Change]) -> list[list[Change]]:
    """Consecutive changes (one account's, numbers without a gap), in runs of at most `RUN`."""
    runs: list[list[Change]] = []
    current: list[Change] = []
    for change in changes:
        if len(current) >= RUN or (current and change.seq != current[-1].seq + 1):
            runs.append(current)
            current = []
        current.append(change)
    if current:
        runs.append(current)
    return runs


# The meta key (followed by an account's lower-case name) of the last change examined for
# that account's signature.
_ATTESTED = "sync_attested_through:"


def _meta_int(conn: Connection, key: str) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return 0 if row is None else int(bytes(row[0]).decode("ascii"))


def _set_meta_int(conn: Connection, key: str, value: int) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                 "value = excluded.value", (key, str(value).encode("ascii")))


def _signed_from(conn: Connection) -> int:
    return _meta_int(conn, "sync_signed_from") or 1


def signed_from(conn: Connection) -> int:
    """This laptop's first change that carries its account's signature."""
    return _signed_from(conn)


# -- in a bundle -------------------------------------------------------------------------------

def for_bundle(conn: Connection, changes: Sequence[Change]) -> list[dict[str, Any]]:
    """The attestations covering `changes` (one bundle's), as the bundle body carries them:
    each run's salt when the bundle holds the whole run, else the keys of the changes it
    holds and the digests of those it does not (dropped, or in another bundle)."""
    if not changes:
        return []
    forget_dropped(conn)
    first, last = changes[0].seq, changes[-1].seq
    present = {c.seq for c in changes}
    rows = conn.execute(
        "SELECT first_seq, last_seq, actor, salt, keys, digests, signature "
        "FROM sync_attestations WHERE last_seq >= ? AND first_seq <= ? ORDER BY first_seq",
        (first, last)).fetchall()
    entries = []
    for run_first, run_last, actor, salt, keys, digests, signature in rows:
        digests = bytes(digests)
        entry: dict[str, Any] = {"a": actor, "f": run_first, "l": run_last,
                                 "s": bytes(signature).hex()}
        seqs = range(run_first, run_last + 1)

        def key_of(seq: int, salt: Any = salt, keys: Any = keys, run_first: int = run_first
                   ) -> bytes:
            if salt is not None:
                return _change_key(bytes(salt), seq)
            at = (seq - run_first) * KEY_BYTES
            return bytes(keys)[at:at + KEY_BYTES]

        if salt is not None and all(seq in present for seq in seqs):
            entry["salt"] = bytes(salt).hex()
        else:
            entry["k"] = {str(seq): key_of(seq).hex() for seq in seqs if seq in present}
            entry["d"] = {str(seq): digests[(seq - run_first) * DIGEST_BYTES:
                                            (seq - run_first + 1) * DIGEST_BYTES].hex()
                          for seq in seqs if seq not in present}
        entries.append(entry)
    return entries


def forget_dropped(conn: Connection) -> int:
    """Runs with a change dropped before it was sent (a purged case's) give up their salt,
    from which a dropped change's key could be made again and a guess at what it said tested
    against its digest: the kept changes' keys stay instead. Returns how many runs."""
    rows = conn.execute(
        "SELECT a.first_seq, a.last_seq, a.salt FROM sync_attestations AS a "
        "WHERE a.salt IS NOT NULL AND (SELECT count(*) FROM sync_changes AS c "
        "WHERE c.seq BETWEEN a.first_seq AND a.last_seq) < a.last_seq - a.first_seq + 1"
    ).fetchall()
    for first, last, salt in rows:
        kept = {int(r[0]) for r in conn.execute(
            "SELECT seq FROM sync_changes WHERE seq BETWEEN ? AND ?", (first, last))}
        keys = b"".join(_change_key(bytes(salt), seq) if seq in kept else bytes(KEY_BYTES)
                        for seq in range(first, last + 1))
        conn.execute("UPDATE sync_attestations SET salt = NULL, keys = ? WHERE first_seq = ?",
                     (keys, first))
    return len(rows)


def forget_sent(conn: Connection, through: int) -> None:
    """Runs wholly sent (up to `through`) are no longer needed here."""
    conn.execute("DELETE FROM sync_attestations WHERE last_seq <= ?", (through,))


@dataclass(frozen=True, slots=True)
class Signed:
    """A change covered by a valid signature: whose, and with which key."""

    actor: str
    key: bytes


def _hex(value: Any, size: int) -> bytes:
    if not isinstance(value, str):
        raise ValueError
    raw = bytes.fromhex(value)
    if len(raw) != size:
        raise ValueError
    return raw


def verify(entries: Any, changes: Sequence[Change], *, program_id: str, laptop_id: str,
           candidates: Mapping[str, set[bytes]]) -> dict[int, Signed]:
    """The changes of a bundle that a valid account signature covers (seq -> who, which
    key). `candidates`: the keys each account (lower-case name) might have signed with; an
    attestation whose signature verifies with none of them covers nothing. A malformed
    attestation raises `SignatureRefusedError`."""
    by_seq = {c.seq: c for c in changes}
    covered: dict[int, Signed] = {}
    if not isinstance(entries, list):
        raise SignatureRefusedError("its account signatures are malformed")
    for entry in entries:
        try:
            actor, first, last = entry["a"], entry["f"], entry["l"]
            if not (isinstance(actor, str) and isinstance(first, int)
                    and isinstance(last, int) and 1 <= first <= last
                    and last - first < RUN):
                raise ValueError
            signature = _hex(entry["s"], 64)
            salt = _hex(entry["salt"], 16) if "salt" in entry else None
            keys = entry.get("k", {}) if salt is None else {}
            dropped = entry.get("d", {}) if salt is None else {}
            if not isinstance(keys, dict) or not isinstance(dropped, dict):
                raise ValueError
            digests = []
            for seq in range(first, last + 1):
                change = by_seq.get(seq)
                if change is not None:
                    if change.actor != actor:
                        raise ValueError
                    key = _change_key(salt, seq) if salt is not None else \
                        _hex(keys.get(str(seq)), KEY_BYTES)
                    digests.append(_digest(key, change))
                else:
                    if salt is not None:
                        raise ValueError
                    digests.append(_hex(dropped.get(str(seq)), DIGEST_BYTES))
        except (KeyError, TypeError, ValueError):
            raise SignatureRefusedError("its account signatures are malformed") from None
        message = _message(program_id, laptop_id, actor, first, last, b"".join(digests))
        for key in candidates.get(actor.lower(), set()) | candidates.get(RECOVERY_HOLDER,
                                                                          set()):
            try:
                Ed25519PublicKey.from_public_bytes(key).verify(signature, message)
            except (InvalidSignature, ValueError):
                continue
            for seq in range(first, last + 1):
                if seq in by_seq:
                    covered[seq] = Signed(actor, key)
            break
    return covered


def candidates(known: Mapping[str, set[bytes]], changes: Sequence[Change],
               names: Mapping[str, str]) -> dict[str, set[bytes]]:
    """The keys known here, and those the bundle itself sets (checked in order by `check`)."""
    found = {holder: set(keys) for holder, keys in known.items()}
    for change in changes:
        key, holder = _sets_key(change, names)
        if key is not None and holder is not None:
            found.setdefault(holder, set()).add(key)
    return found


def _sets_key(change: Change, names: Mapping[str, str]) -> tuple[bytes | None, str | None]:
    """(new signing key, its holder) when `change` sets an account's or the recovery key's
    signing key."""
    if change.table not in ("team_accounts", "team_recovery") or change.op == "delete":
        return None, None
    if change.op == "insert":
        value = change.value.get("sign_key") if isinstance(change.value, dict) else None
        name = change.value.get("name") if isinstance(change.value, dict) else None
    else:
        value = change.value if change.field == "sign_key" else None
        name = names.get(change.row_id)
    if not isinstance(value, bytes):
        return None, None
    if change.table == "team_recovery":
        return value, RECOVERY_HOLDER
    return value, name.lower() if isinstance(name, str) else None


def check(changes: Sequence[Change], covered: Mapping[int, Signed], *,
          known: Mapping[str, set[bytes]], roles: Mapping[str, Role],
          names: Mapping[str, str], signed_from: int) -> None:
    """Raise `SignatureRefusedError` unless every change after `signed_from` by an account
    whose key is known here is signed by that account, and every new signing key is vouched
    for (see the module's docstring). `roles`: account (lower case) -> role; `names`:
    `team_accounts` row id -> name."""
    keys = {holder: set(found) for holder, found in known.items()}
    names = dict(names)
    recovery = keys.get(RECOVERY_HOLDER, set())
    for change in changes:
        if change.table == "team_accounts" and change.op == "insert" \
                and isinstance(change.value, dict) and isinstance(change.value.get("name"), str):
            names[change.row_id] = change.value["name"]
        if change.actor is None:
            continue
        actor = change.actor.lower()
        mine = keys.get(actor, set())
        signed = covered.get(change.seq)
        exempt = change.seq < signed_from
        if not exempt and mine and (signed is None or signed.actor.lower() != actor
                                    or signed.key not in mine | recovery):
            raise SignatureRefusedError(
                f"it holds a change made as {change.actor} that {change.actor}'s own key did "
                "not sign (written without that account at the keyboard, or forged)")
        by_supervisor = roles.get(actor) is Role.SUPERVISOR
        by_recovery = not exempt and signed is not None and signed.key in recovery
        if change.table == "team_accounts" and change.op == "update" \
                and change.field == "key_sha256" and not by_supervisor and not by_recovery:
            raise SignatureRefusedError(
                f"it gives {change.actor} a new key pair that neither a supervisor nor the "
                "recovery key vouched for")
        new_key, holder = _sets_key(change, names)
        if exempt or new_key is None or holder is None:
            continue
        theirs = keys.setdefault(holder, set())
        if new_key in theirs:
            continue
        first_own = holder == actor and not theirs and holder != RECOVERY_HOLDER
        if not (by_supervisor or first_own or (by_recovery and holder == actor)):
            who = "the recovery key" if holder == RECOVERY_HOLDER else holder
            raise SignatureRefusedError(
                f"it gives {who} a new signing key that neither a supervisor nor the recovery "
                "key vouched for")
        theirs.add(new_key)
        if holder == RECOVERY_HOLDER:
            recovery = theirs
