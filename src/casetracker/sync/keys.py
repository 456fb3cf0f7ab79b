"""The keys of team use, all kept inside each laptop's encrypted database.

- The program's sync key (32 random bytes, AES-256-GCM) encrypts every bundle; its `key_id`
  travels in bundle headers so a rotated key can be told apart.
- Each laptop's Ed25519 signing key (made with the database, schema 11) signs its bundles;
  the other laptops keep its public half in `sync_laptops`.

- Each laptop's X25519 key pair (schema 12): a rotated sync key is sealed to it.

Here: make a program (`new_program`), join one whose key is known (`join`), record another
laptop's public key (`add_laptop`), rotate the sync key to the laptops that remain
(`rotate`) and take a rotated key from a bundle header's grant (`open_grant`). Enrollment
(`services/devices.py`) hands a new laptop the program, every key and the laptops' public
keys in a file sealed under a one-time code; the others learn the new laptop from a
`team_laptops` row that travels in the enrolling laptop's signed bundles.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from typing import Any

from casetracker.domain import clock
from casetracker.storage.connection import Connection, transaction
from casetracker.storage.sync_repo import Laptop, Program, SyncKey, SyncRepository
from casetracker.sync import hlc

SYNC_KEY_BYTES = 32


def new_program(joined_at: str) -> Program:
    """A new team program: a random id and sync key."""
    return Program(uuid.uuid4().hex, uuid.uuid4().hex[:16], os.urandom(SYNC_KEY_BYTES),
                   joined_at)


def join(conn: Connection, program: Program, actor: str | None) -> int:
    """Make this laptop a member of `program` (inside the caller's transaction): keep its key,
    start capturing changes, and capture once the records already here; returns how many."""
    if len(program.sync_key) != SYNC_KEY_BYTES:
        raise ValueError("a sync key is 32 bytes")
    repo = SyncRepository(conn)
    repo.set_program(program)
    return repo.start_capture(hlc.physical(clock.now()), actor)


def add_laptop(conn: Connection, laptop_id: str, verify_key: bytes, name: str = "") -> None:
    """Trust bundles signed with `verify_key` from the laptop `laptop_id`."""
    if len(verify_key) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    SyncRepository(conn).add_laptop(laptop_id, verify_key, name)


def public_identity(conn: Connection) -> tuple[str, bytes]:
    """This laptop's id and the public key its bundles verify with."""
    identity = SyncRepository(conn).identity()
    return identity.laptop_id, identity.verify_key


# -- rotation ------------------------------------------------------------------------------

def _grant_aad(program_id: str, key_id: str, laptop_id: str) -> bytes:
    return f"casetracker/sync-key-grant/v1|{program_id}|{key_id}|{laptop_id}".encode()


def rotate(conn: Connection, recipients: dict[str, bytes]) -> SyncKey:
    """A new sync key, sealed to each recipient laptop's X25519 public key (laptop id ->
    key) and signed with this laptop's signing key, kept as the key to write with from now
    on (inside the caller's transaction). Its grant travels in the headers of this laptop's
    bundles sealed under it; a laptop left out cannot read them."""
    from casetracker.security.envelope import seal

    repo = SyncRepository(conn)
    program = repo.program()
    if program is None:
        raise ValueError("not in a program")
    identity = repo.identity()
    key_id, key = uuid.uuid4().hex[:16], os.urandom(SYNC_KEY_BYTES)
    ordinal = max([repo.clock(), *(k.ord + 1 for k in repo.sync_keys())])
    sealed = {
        laptop_id: [base64.b64encode(part).decode("ascii") for part in (
            s.ephemeral, s.nonce, s.ciphertext, s.signature)]
        for laptop_id, public in recipients.items()
        for s in [seal(public, key, _grant_aad(program.program_id, key_id, laptop_id),
                       identity.signing_key)]}
    grant = json.dumps({"ord": ordinal, "to": sealed}, sort_keys=True)
    made = SyncKey(key_id, key, ordinal, grant)
    repo.add_sync_key(made)
    return made


def grant_of(conn: Connection, key_id: str) -> dict[str, Any]:
    """The grant to put in the header of a bundle sealed under `key_id` (empty unless this
    laptop made that key by rotating)."""
    found = next((k for k in SyncRepository(conn).sync_keys() if k.key_id == key_id), None)
    if found is None or not found.grant_json:
        return {}
    grant: dict[str, Any] = json.loads(found.grant_json)
    return grant


def open_grant(conn: Connection, program: Program, key_id: str, grant: dict[str, Any],
               sender: Laptop) -> bytes | None:
    """The sync key `key_id` from a bundle header's grant, if it was sealed to this laptop
    (signed by the sending laptop); kept, and written with from now on when it is the
    latest. None when this laptop was left out (revoked) or the grant does not open."""
    opened = unseal_grant(conn, program, key_id, grant, sender)
    if opened is None:
        return None
    key, ordinal = opened
    with transaction(conn):
        SyncRepository(conn).add_sync_key(SyncKey(key_id, key, ordinal, None))
    return key


def unseal_grant(conn: Connection, program: Program, key_id: str, grant: dict[str, Any],
                 sender: Laptop) -> tuple[bytes, int] | None:
    """The sync key `key_id` and its order from a grant sealed to this laptop, not kept (a
    revoked laptop's key is read with, never written with)."""
    from casetracker.security.envelope import SealError, open_sealed
    from casetracker.security.sealed import Sealed

    repo = SyncRepository(conn)
    identity = repo.identity()
    mine = grant.get("to", {}).get(identity.laptop_id) if isinstance(grant.get("to"),
                                                                     dict) else None
    ordinal = grant.get("ord")
    if not isinstance(mine, list) or len(mine) != 4 or not isinstance(ordinal, int) \
            or not identity.box_private:
        return None
    try:
        parts = [base64.b64decode(p, validate=True) for p in mine]
        key = open_sealed(identity.box_private, Sealed(*parts),
                          _grant_aad(program.program_id, key_id, identity.laptop_id),
                          sender.verify_key)
    except (SealError, ValueError, TypeError):
        return None
    if len(key) != SYNC_KEY_BYTES:
        return None
    return key, ordinal
