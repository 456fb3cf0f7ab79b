"""The keys of team use, all kept inside each laptop's encrypted database.

- The program's sync key (32 random bytes, AES-256-GCM) encrypts every bundle; its `key_id`
  travels in bundle headers so a rotated key can be told apart.
- Each laptop's Ed25519 signing key (made with the database, schema 11) signs its bundles;
  the other laptops keep its public half in `sync_laptops`.

What this module does now: make a program (`new_program`), join one whose key is known
(`join`), and record another laptop's public key (`add_laptop`). Enrollment builds on these:
an enrolled laptop will seal the sync key to the new laptop's X25519 public key (as
`security.envelope.seal` does for data keys) and hand over the program id, the key and the
laptops' public keys in the enrollment file; the new laptop opens it and calls `join` and
`add_laptop`, and the others learn its public key from a record signed by the enrolling
laptop. Revoking a laptop will mark it in `sync_laptops.revoked_at` (its bundles are then
refused, `bundle.verify`) and rotate the sync key, sealed to the remaining laptops only.
"""

from __future__ import annotations

import os
import uuid

from casetracker.domain import clock
from casetracker.storage.connection import Connection
from casetracker.storage.sync_repo import Program, SyncRepository
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
