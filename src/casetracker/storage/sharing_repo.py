"""Rows of consents and of the export log."""

from __future__ import annotations

import json
from typing import Any

from casetracker.domain.catalog import Category
from casetracker.domain.consent import (
    Consent,
    ConsentMethod,
    ExportRecord,
    RecipientKind,
    Revocation,
)
from casetracker.storage.codec import to_date, to_text
from casetracker.storage.connection import Connection

_CONSENT = ("id, survivor_id, recipient_kind, recipient_name, recipient_employer_id, "
            "categories, signed_on, expires_on, method, revoked_on, created_by, created_at, "
            "purpose, may_share_further, guardian_name, guardian_signed, revoked_how, "
            "revoked_by, reminder_task_id")


def _consent(r: tuple[Any, ...]) -> Consent:
    signed, expires = to_date(r[6]), to_date(r[7])
    assert signed is not None
    assert expires is not None
    return Consent(r[0], r[1], RecipientKind(r[2]), r[3],
                   frozenset(Category(c) for c in json.loads(r[5])), signed, expires,
                   ConsentMethod.read(r[8]), r[4], to_date(r[9]), r[10], r[11], r[12] or "",
                   bool(r[13]), r[14] or "", bool(r[15]),
                   Revocation(r[16]) if r[16] else None, r[17], r[18])


class SharingRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save_consent(self, c: Consent) -> None:
        self._conn.execute(
            f"INSERT INTO consents ({_CONSENT}) VALUES ({', '.join('?' * 19)}) "
            # What a release said never changes once signed: only its revocation and the
            # renewal task are written again.
            "ON CONFLICT (id) DO UPDATE SET revoked_on = excluded.revoked_on, "
            "revoked_how = excluded.revoked_how, revoked_by = excluded.revoked_by, "
            "reminder_task_id = excluded.reminder_task_id",
            (c.id, c.survivor_id, c.recipient_kind.value, c.recipient_name,
             c.recipient_employer_id, json.dumps(sorted(x.value for x in c.categories)),
             c.signed_on.isoformat(), c.expires_on.isoformat(), c.method.value,
             to_text(c.revoked_on), c.created_by, c.created_at, c.purpose,
             int(c.may_share_further), c.guardian_name, int(c.guardian_signed),
             c.revoked_how.value if c.revoked_how else None, c.revoked_by,
             c.reminder_task_id))

    def consents(self, survivor_id: str) -> list[Consent]:
        rows = self._conn.execute(
            f"SELECT {_CONSENT} FROM consents WHERE survivor_id = ? ORDER BY signed_on DESC",
            (survivor_id,))
        return [_consent(r) for r in rows]

    def consent(self, consent_id: str) -> Consent | None:
        row = self._conn.execute(f"SELECT {_CONSENT} FROM consents WHERE id = ?",
                                 (consent_id,)).fetchone()
        return None if row is None else _consent(row)

    def employer_consents(self, employer_id: str | None = None) -> list[Consent]:
        """Unrevoked consents to employer partners (to one, when given)."""
        where = "recipient_kind = 'employer' AND revoked_on IS NULL"
        args: tuple[str, ...] = ()
        if employer_id is not None:
            where += " AND recipient_employer_id = ?"
            args = (employer_id,)
        rows = self._conn.execute(
            f"SELECT {_CONSENT} FROM consents WHERE {where} ORDER BY expires_on", args)
        return [_consent(r) for r in rows]

    def expiring(self, until: str, today: str) -> list[Consent]:
        rows = self._conn.execute(
            f"SELECT {_CONSENT} FROM consents WHERE revoked_on IS NULL AND expires_on >= ? "
            "AND expires_on <= ? ORDER BY expires_on", (today, until))
        return [_consent(r) for r in rows]

    def log_export(self, record: ExportRecord) -> None:
        self._conn.execute(
            "INSERT INTO exports (id, at, actor, survivor_id, kind, recipient, fields, sha256, "
            "consent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.id, record.at, record.actor, record.survivor_id, record.kind,
             record.recipient, json.dumps(list(record.fields)), record.sha256,
             record.consent_id))

    def exports(self, survivor_id: str | None = None) -> list[ExportRecord]:
        where, params = ("WHERE survivor_id = ?", (survivor_id,)) if survivor_id else ("", ())
        rows = self._conn.execute(
            "SELECT id, at, actor, survivor_id, kind, recipient, fields, sha256, consent_id "
            f"FROM exports {where} ORDER BY at DESC", params)
        return [ExportRecord(r[0], r[1], r[2], r[3], r[4], r[5], tuple(json.loads(r[6])), r[7],
                             r[8]) for r in rows]
