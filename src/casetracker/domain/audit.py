"""Audit trail entries and what the chain verifier reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One row of the audit trail; `mac` chains it to the row before."""

    seq: int
    at: str
    actor: str | None
    action: str
    subject: str | None
    details: dict[str, Any] = field(default_factory=dict)
    mac: bytes = b""


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The verifier's finding: `ok`, how many entries it checked, and the first problem."""

    ok: bool
    entries: int
    first_bad_seq: int | None = None
    problem: str | None = None

    def summary(self) -> str:
        if self.ok:
            return f"audit trail intact: {self.entries} entries, chain and head verified"
        if self.first_bad_seq is None:
            return f"audit trail damaged: {self.problem}"
        return f"audit trail damaged at entry {self.first_bad_seq}: {self.problem}"
