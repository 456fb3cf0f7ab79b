"""Someone with the data key edits the audit trail directly: the verifier finds it."""

from __future__ import annotations

import json

import pytest

from casetracker.services import audit
from casetracker.services.session import Session
from tests.conftest import Created
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE


@pytest.fixture
def trail(created: Created) -> Created:
    for n in range(8):
        created.session.audit("record.view", f"CT-{n:04d}", n=n)
    return created


def sql(session: Session, statement: str, *params: object) -> None:
    session.conn.execute(statement, params)


def test_an_untouched_trail_verifies(trail: Created) -> None:
    report = audit.verify_chain(trail.session)
    assert report.ok
    assert report.entries >= 10


def test_edit_is_found(trail: Created) -> None:
    sql(trail.session, "UPDATE audit_log SET subject = 'CT-9999' WHERE seq = 5")
    report = audit.verify_chain(trail.session)
    assert (report.ok, report.first_bad_seq) == (False, 5)


def test_edited_details_are_found(trail: Created) -> None:
    sql(trail.session, "UPDATE audit_log SET details = ? WHERE seq = 6", json.dumps({"n": 99}))
    assert audit.verify_chain(trail.session).first_bad_seq == 6


def test_delete_is_found(trail: Created) -> None:
    sql(trail.session, "DELETE FROM audit_log WHERE seq = 4")
    report = audit.verify_chain(trail.session)
    assert (report.ok, report.first_bad_seq) == (False, 4)


def test_delete_and_renumber_is_found(trail: Created) -> None:
    sql(trail.session, "DELETE FROM audit_log WHERE seq = 4")
    sql(trail.session, "UPDATE audit_log SET seq = seq - 1 WHERE seq > 4")
    assert audit.verify_chain(trail.session).first_bad_seq == 4


def test_reorder_is_found(trail: Created) -> None:
    sql(trail.session, "UPDATE audit_log SET seq = -1 WHERE seq = 5")
    sql(trail.session, "UPDATE audit_log SET seq = 5 WHERE seq = 6")
    sql(trail.session, "UPDATE audit_log SET seq = 6 WHERE seq = -1")
    report = audit.verify_chain(trail.session)
    assert (report.ok, report.first_bad_seq) == (False, 5)


def test_truncation_is_found_through_the_head_in_the_key_file(trail: Created) -> None:
    last = trail.session.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    sql(trail.session, "DELETE FROM audit_log WHERE seq > ?", last - 3)
    report = audit.verify_chain(trail.session)
    assert (report.ok, report.first_bad_seq) == (False, last - 2)
    assert "truncated" in (report.problem or "")


def test_head_survives_a_reopen_and_a_failed_verification_is_reported(trail: Created) -> None:
    sql(trail.session, "UPDATE audit_log SET actor = 'someone' WHERE seq = 3")
    trail.session.close()
    with trail.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        report = audit.verify_chain(session)
        assert not report.ok
        assert "entry 3" in report.summary()
