"""An insider who can unlock cannot rewrite the audit trail quietly: supervisors countersign it
with a key no other account holds, and a rewrite, a forged checkpoint or a swapped signer shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.domain.accounts import Role
from casetracker.security import audit_chain, audit_signing
from casetracker.security.keyslots import AuditHead, KeyFile
from casetracker.services import accounts, audit, audit_anchor
from casetracker.services.session import Session
from casetracker.storage.audit_anchor_repo import AnchorRepository, Signer
from casetracker.storage.repositories import AuditRepository
from tests.conftest import Team
from tests.helpers import OTHER_CASE_MANAGER, SUPERVISOR, SUPERVISOR_PASSPHRASE

SECOND_SUPERVISOR = "sol"
SECOND_PASSPHRASE = "marmalade under a paper lantern"


def rewrite_entry(session: Session, seq: int, action: str) -> None:
    """What an insider with the data key can do: change an entry and re-chain every MAC."""
    conn = session.conn
    conn.execute("UPDATE audit_log SET action = ? WHERE seq = ?", (action, seq))
    key = session._audit_key
    previous = audit_chain.GENESIS
    for entry in list(AuditRepository(conn).iter_all()):
        mac = audit_chain.entry_mac(key, previous, entry)
        conn.execute("UPDATE audit_log SET mac = ? WHERE seq = ?", (mac, entry.seq))
        previous = mac
    conn.commit()
    keys = KeyFile.load(session.paths.keys)  # and the head kept outside, a file they can write
    keys.audit_head = AuditHead(*previous_last(conn))
    keys.save(session.paths.keys)


def previous_last(conn: object) -> tuple[int, bytes]:
    last = AuditRepository(conn).last()  # type: ignore[arg-type]
    assert last is not None
    return last


def test_a_supervisor_countersigns_and_verify_reports_what_came_after(team: Team) -> None:
    made = audit_anchor.checkpoint(team.supervisor)
    assert made is not None
    audit.recent_entries(team.supervisor, 5)  # one more entry after the checkpoint
    report = audit_anchor.verify(team.supervisor)
    assert report.ok, report.problem
    assert report.signed_through == made.seq
    assert report.not_yet_countersigned >= 1
    assert "not yet countersigned" in report.summary()


def test_a_case_manager_cannot_countersign(team: Team) -> None:
    with pytest.raises(Exception, match="supervisor"):
        audit_anchor.checkpoint(team.case_manager)


def test_a_rewritten_chain_contradicts_the_checkpoint(team: Team) -> None:
    made = audit_anchor.checkpoint(team.supervisor)
    assert made is not None
    rewrite_entry(team.case_manager, 2, "nothing.happened")
    assert audit.verify_chain(team.supervisor).ok  # the MAC chain alone is fooled
    report = audit_anchor.verify(team.supervisor)
    assert not report.ok
    assert "rewritten" in (report.problem or "")


def test_a_forged_checkpoint_does_not_verify(team: Team) -> None:
    audit_anchor.checkpoint(team.supervisor)
    conn = team.case_manager.conn
    conn.execute("UPDATE audit_checkpoints SET seq = seq - 1")
    conn.commit()
    assert not audit_anchor.verify(team.supervisor).ok


def test_a_swapped_signer_is_refused(team: Team) -> None:
    audit_anchor.checkpoint(team.supervisor)
    repo = AnchorRepository(team.case_manager.conn)
    private, public = audit_signing.new_signer()
    # The insider adds a signer of their own as the newest and seals it to every supervisor,
    # which needs only public keys and the vault's signing key, which every account holds.
    insider = Signer("insider", public, None, None, "2026-01-01T00:00:00")
    repo.add_signer(insider)
    audit_anchor._seal_to_supervisors(team.case_manager, repo, insider, private)
    team.case_manager.conn.commit()
    with pytest.raises(audit_anchor.UntrustedSignerError):
        audit_anchor.checkpoint(team.supervisor)


def test_removing_an_account_hands_on_a_successor_the_others_trust(team: Team,
                                                                   tmp_path: Path) -> None:
    accounts.add_account(team.supervisor, SECOND_SUPERVISOR, Role.SUPERVISOR, SECOND_PASSPHRASE)
    first = audit_anchor.checkpoint(team.supervisor)  # seals the signer to both supervisors
    assert first is not None
    second = team.vault.unlock(SECOND_SUPERVISOR, SECOND_PASSPHRASE)
    try:
        assert audit_anchor.checkpoint(second) is not None
        before = audit_anchor.current_fingerprint(team.supervisor)
        audit_anchor.replace_signer(team.supervisor)
        assert audit_anchor.current_fingerprint(team.supervisor) != before
        # The other supervisor follows the signed succession and keeps countersigning.
        assert audit_anchor.checkpoint(second) is not None
        assert audit_anchor.verify(second).ok
    finally:
        second.close()


def test_the_fingerprint_is_short_and_stable(team: Team) -> None:
    audit_anchor.checkpoint(team.supervisor)
    shown = audit_anchor.current_fingerprint(team.supervisor)
    assert len(shown) == 19
    assert shown.count("-") == 3
    assert shown == audit_anchor.current_fingerprint(team.case_manager)



def test_a_supervisors_unlock_countersigns_and_a_removal_replaces_the_signer(
        team: Team) -> None:
    assert audit_anchor.verify(team.supervisor).signed_through is None
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        signed = audit_anchor.verify(session)
        assert signed.signed_through is not None
        before = audit_anchor.current_fingerprint(session)
        accounts.remove_account(session, OTHER_CASE_MANAGER)
        assert audit_anchor.current_fingerprint(session) != before
        assert audit_anchor.verify(session).ok


def test_the_caseload_report_prints_the_head_and_the_signer(team: Team) -> None:
    from casetracker.export.leak_guard import pdf_text
    from casetracker.services import dashboard

    made = audit_anchor.checkpoint(team.supervisor)
    assert made is not None
    text = pdf_text(dashboard.caseload_report(team.supervisor, "pdf"))
    assert f"countersigned through entry {made.seq}" in text
    fingerprint = audit_anchor.current_fingerprint(team.supervisor)
    assert fingerprint.replace("-", " ") in text  # the extractor folds the dashes
