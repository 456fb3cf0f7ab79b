"""A purge takes what the audit trail said about the case with it, and the chain still verifies."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE
from casetracker.domain.employment import Industry
from casetracker.domain.survivors import SensitiveDetails
from casetracker.services import audit, consent, employers, retention, sharing, survivors
from tests.conftest import Team

EMPLOYER = "Gildersleeve Marine Supply"


def test_purge_leaves_no_detail_of_the_case_in_the_audit_trail(team: Team,
                                                               tmp_path: Path) -> None:
    cm = team.case_manager
    case = survivors.create_survivor(cm, survivors.draft("", "Rosa", skills=("welding",)),
                                     SensitiveDetails("")).case_number
    employers.add_employer(team.coordinator, EMPLOYER, Industry.MARITIME)
    consent.add_consent(cm, case, purpose="Referral for work", categories=SHAREABLE,
                        expires_on=clock.today() + timedelta(days=30),
                        recipient_employer=EMPLOYER)
    prepared = sharing.prepare_employer_profile(cm, case, EMPLOYER)
    sharing.save(cm, prepared, tmp_path / "profile.pdf")
    before = [e.details for e in audit.search(team.supervisor, subject=case)]
    assert any(d.get("recipient") == EMPLOYER for d in before)  # readable until the purge

    survivors.set_status(cm, case, survivors.CaseStatus.CLOSED)
    retention.purge_case(team.supervisor, case, case)

    raw = team.supervisor.conn.execute(
        "SELECT details FROM audit_log WHERE subject = ? COLLATE NOCASE", (case,)).fetchall()
    stored = " ".join(row[0] for row in raw)
    for secret in (EMPLOYER, "Gildersleeve", prepared.sha256, "work_history"):
        assert secret not in stored
    after = {e.action: e.details for e in audit.search(team.supervisor, subject=case)}
    assert after["consent.add"] == {"details": "removed with the case"}
    assert after["survivor.purge"]["rows"]  # the purge itself says how much went
    assert audit.verify_chain(team.supervisor).ok
    assert len(raw) >= 5  # the entries stay: who did what, when, to which case number
