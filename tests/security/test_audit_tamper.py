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


def test_rows_cut_off_stay_reported_after_later_logins(trail: Created) -> None:
    last = trail.session.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    sql(trail.session, "DELETE FROM audit_log WHERE seq > ?", last - 2)
    trail.session.close()
    for _ in range(3):  # each unlock appends entries; the evidence must not be overwritten
        trail.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE).close()
    with trail.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        report = audit.verify_chain(session)
    assert not report.ok
    assert report.first_bad_seq is not None
    assert report.first_bad_seq <= last


def test_database_rolled_back_to_an_older_copy_is_reported(trail: Created) -> None:
    trail.session.close()
    db_path = trail.vault.paths.db
    older = db_path.read_bytes()
    with trail.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        for n in range(5):
            session.audit("record.view", "CT-0100", n=n)
    db_path.write_bytes(older)  # someone puts back yesterday's copy of the database alone
    with trail.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        report = audit.verify_chain(session)
    assert not report.ok, report.summary()


def test_head_removed_from_the_key_file_is_reported(trail: Created) -> None:
    keys = trail.vault.paths.keys
    data = json.loads(keys.read_text())
    del data["audit_head"]
    keys.write_text(json.dumps(data))
    report = audit.verify_chain(trail.session)
    assert not report.ok
    assert "no audit head" in (report.problem or "")


@pytest.mark.parametrize(("column", "value"), [("details", "{not json"), ("details", "[1, 2]"),
                                               ("mac", "text instead of a MAC"), ("mac", 42)])
def test_malformed_rows_are_reported_not_crashed_on(trail: Created, column: str,
                                                    value: object) -> None:
    sql(trail.session, f"UPDATE audit_log SET {column} = ? WHERE seq = 4", value)
    assert audit.verify_chain(trail.session).first_bad_seq == 4
    trail.session.close()
    # The last row damaged the same way must not stop anyone from unlocking.
    with trail.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        last = session.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        sql(session, f"UPDATE audit_log SET {column} = ? WHERE seq = ?", value, last)
    with trail.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert not audit.verify_chain(session).ok
