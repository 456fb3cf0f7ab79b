"""Rows of the audit trail's anchors: signers, their seals, endorsements and checkpoints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casetracker.security.audit_signing import Checkpoint
from casetracker.storage.connection import Connection


@dataclass(frozen=True, slots=True)
class Signer:
    id: str
    public_key: bytes
    previous_id: str | None
    succession: bytes | None
    created_at: str


def _bytes(value: Any) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "replace")


class AnchorRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add_signer(self, signer: Signer) -> None:
        self._conn.execute(
            "INSERT INTO audit_signers (id, public_key, previous_id, succession, created_at) "
            "VALUES (?, ?, ?, ?, ?)", (signer.id, signer.public_key, signer.previous_id,
                                       signer.succession, signer.created_at))

    def signers(self) -> dict[str, Signer]:
        rows = self._conn.execute("SELECT id, public_key, previous_id, succession, created_at "
                                  "FROM audit_signers ORDER BY rowid").fetchall()
        return {r[0]: Signer(r[0], _bytes(r[1]), r[2], None if r[3] is None else _bytes(r[3]),
                             r[4]) for r in rows}

    def current(self) -> Signer | None:
        """The newest signer: the one no other signer names as its previous."""
        row = self._conn.execute(
            "SELECT id, public_key, previous_id, succession, created_at FROM audit_signers "
            "WHERE id NOT IN (SELECT previous_id FROM audit_signers "
            "WHERE previous_id IS NOT NULL) ORDER BY rowid DESC LIMIT 1").fetchone()
        return None if row is None else Signer(row[0], _bytes(row[1]), row[2],
                                               None if row[3] is None else _bytes(row[3]),
                                               row[4])

    def seal_for(self, signer_id: str, slot_public_key: bytes) -> str | None:
        row = self._conn.execute(
            "SELECT sealed FROM audit_signer_seals WHERE signer_id = ? AND slot_public_key = ?",
            (signer_id, slot_public_key)).fetchone()
        return None if row is None else str(row[0])

    def save_seal(self, signer_id: str, slot_public_key: bytes, sealed: str) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO audit_signer_seals (signer_id, slot_public_key, sealed) "
            "VALUES (?, ?, ?)", (signer_id, slot_public_key, sealed))

    def endorsement(self, slot_public_key: bytes, signer_id: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT mac FROM audit_endorsements WHERE slot_public_key = ? AND signer_id = ?",
            (slot_public_key, signer_id)).fetchone()
        return None if row is None else _bytes(row[0])

    def has_endorsed_any(self, slot_public_key: bytes) -> bool:
        return self._conn.execute("SELECT 1 FROM audit_endorsements WHERE slot_public_key = ?",
                                  (slot_public_key,)).fetchone() is not None

    def endorse(self, slot_public_key: bytes, signer_id: str, mac: bytes) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO audit_endorsements (slot_public_key, signer_id, mac) "
            "VALUES (?, ?, ?)", (slot_public_key, signer_id, mac))

    def add_checkpoint(self, checkpoint: Checkpoint) -> None:
        self._conn.execute(
            "INSERT INTO audit_checkpoints (seq, mac, at, account, signer_id, signature) "
            "VALUES (?, ?, ?, ?, ?, ?)", (checkpoint.seq, checkpoint.mac, checkpoint.at,
                                          checkpoint.account, checkpoint.signer_id,
                                          checkpoint.signature))

    def checkpoints(self) -> list[Checkpoint]:
        """Every checkpoint, newest first."""
        rows = self._conn.execute(
            "SELECT seq, mac, at, account, signer_id, signature FROM audit_checkpoints "
            "ORDER BY seq DESC, rowid DESC").fetchall()
        return [Checkpoint(int(r[0]), _bytes(r[1]), str(r[2]), str(r[3]), str(r[4]),
                           _bytes(r[5])) for r in rows]
