"""The revocations inside bundles refused because their laptop is revoked.

Two laptops that revoke each other, neither having seen the other's revocation: a laptop that
applies one of the revocations first refuses the other revoked laptop's bundles, and so would
never see the second revocation; laptops would then disagree on who is revoked depending on
the order bundles came in. So the bundles of a revoked laptop that were not applied here are
still read (checked with the revoked laptop's known key, opened with a sync key this laptop
holds or is granted in the header), once each, and only the revocations in them are applied,
nothing else: `sync/membership.py` then judges them all alike on every laptop (`valid`): a
revocation the revoked laptop made after what its own revoker had seen of it counts for
nothing, unless the two revoked each other unseen, when both count.

A laptop that was itself left out of the revoked laptop's new sync key cannot read them; it
is revoked everywhere else, and can read nothing written after.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from casetracker.domain import clock
from casetracker.domain.errors import CaseTrackerError
from casetracker.storage.connection import Connection, transaction
from casetracker.storage.migrations import schema_version
from casetracker.storage.repositories import MetaRepository
from casetracker.storage.sync_repo import Change, Laptop, SyncRepository
from casetracker.sync import bundle, capture, keys, membership, rules, signatures

_READ = "sync.revoked_read."  # meta key + laptop id: its refused bundles read up to this seq
_REVOKING = ("revoked_at", "revoked_by", "revoked_after")


def revocations_in(changes: list[Change]) -> list[Change]:
    """The changes that revoke a laptop, and nothing else."""
    return [c for c in changes if c.table == "team_laptops" and c.op == "update"
            and c.field in _REVOKING and c.value is not None]


def read(conn: Connection, laptop: Laptop, files: list[tuple[int, int, Path]]) -> int:
    """Read the revoked `laptop`'s bundles (`files`: first, last, path, in order) not applied
    nor read here before, and apply the revocations in them; returns how many changes."""
    repo, meta = SyncRepository(conn), MetaRepository(conn)
    program = repo.program()
    if program is None or laptop.revoked_at is None:
        return 0
    stored = meta.get(_READ + laptop.laptop_id)
    mark = max(laptop.applied_seq, int(stored.decode("ascii")) if stored else 0)
    known = replace(laptop, revoked_at=None)  # its key still says what it signed
    taken = 0
    for first, last, path in files:
        if last <= mark:
            continue
        if first != mark + 1:
            break  # one not in the folder yet: read in order, so none is passed over
        try:
            verified = bundle.verify(path.read_bytes(), folder_laptop=laptop.laptop_id,
                                     name=path.name, program=repo.program() or program,
                                     laptop_of=lambda _id: known, schema=schema_version(conn))
            header = verified.header
            key = (repo.program() or program).key_for(header.key_id)
            if key is None:  # a key granted by a revoked laptop: read with, never kept
                granted = keys.unseal_grant(conn, program, header.key_id, header.grant, known)
                key = None if granted is None else granted[0]
            if key is None:
                break  # sealed under a key this laptop was left out of: it never will be
            changes, attestations = bundle.open_contents(verified, key)
        except (CaseTrackerError, OSError):
            break
        if revocations_in(changes):
            taken += _apply(conn, laptop.laptop_id, header, changes, attestations)
        mark = last
        with transaction(conn):
            meta.set(_READ + laptop.laptop_id, str(mark).encode("ascii"))
    return taken


def _apply(conn: Connection, laptop_id: str, header: bundle.Header, everything: list[Change],
           attestations: list[Any]) -> int:
    """Apply the revocations among a revoked laptop's changes by the usual rules (made by a
    supervisor's account, signed by its own key), then take back those that count for
    nothing; 0 if they are refused."""
    from casetracker.sync.apply import ApplyError, apply_changes, standings

    changes = revocations_in(everything)
    roles, names = standings(conn)
    repo = SyncRepository(conn)
    try:
        rules.check(changes, roles, snapshot_over=True, names=names)
        known = signatures.known_keys(conn)
        covered = signatures.verify(attestations, everything, program_id=header.program,
                                    laptop_id=laptop_id, candidates=signatures.candidates(
                                        known, everything, names))
        signed_from = (repo.laptop_signed_from(laptop_id) or 0) \
            if header.format == bundle.UNSIGNED_FORMAT else header.signed_from
        signatures.check(changes, covered, known=known, names=names,
                         roles={name: found.role for name, found in roles.items()},
                         signed_from=signed_from)
        with transaction(conn):
            capture.flush(conn)
            was_capturing = repo.capturing()
            repo.set_capturing(False)
            try:
                applied = apply_changes(conn, laptop_id, changes, at=clock.now_iso())
                membership.void_revoked_revokers(conn)
                repo.receive_clock(max(c.hlc for c in changes))
            finally:
                repo.set_capturing(was_capturing)
    except (ApplyError, rules.RoleRefusedError, rules.ActorUnknownError,
            signatures.SignatureRefusedError):
        return 0
    return applied.changes
