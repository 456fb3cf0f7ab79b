"""Retention: a purged case leaves nothing of the survivor in the database file, even decrypted.

SQLCipher encrypts each page, so a plain scan of the file proves nothing about what a purge
removed. These tests decrypt every page themselves (SQLCipher 4: 4096-byte pages, the last 80
bytes of each a 16-byte IV and a 64-byte HMAC, AES-256-CBC under the raw data key; page 1 starts
with the 16-byte salt) and look for the canaries in the plaintext, free pages included.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from casetracker.cli import main
from casetracker.domain import clock
from casetracker.domain.apprenticeships import CoachingTopic
from casetracker.domain.catalog import SHAREABLE
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.employment import (
    ApprenticeshipTrack,
    ClearanceDecision,
    Industry,
    PositionKind,
    Restriction,
    Stage,
    WorkshopTopic,
)
from casetracker.domain.errors import NotFoundError, PermissionDeniedError, UsageError
from casetracker.domain.notes import ContactType
from casetracker.domain.plans import GoalDomain
from casetracker.domain.service_log import ServiceType
from casetracker.domain.survivors import BarrierKind, CaseStatus, Gender, SensitiveDetails
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import (
    audit,
    clearances,
    consent,
    documents,
    employers,
    internships,
    notes,
    placement,
    placement_contacts,
    plans,
    retention,
    reviews,
    search,
    sensitive,
    service_log,
    sharing,
    survivors,
)
from casetracker.services.session import Session
from casetracker.storage.retention_repo import PURGED_TABLES
from tests.conftest import Team
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)

PAGE = 4096
RESERVE = 80  # 16-byte IV + 64-byte HMAC-SHA512 at the end of every page
SALT = 16
WAL_HEADER, FRAME_HEADER = 32, 24
TODAY = clock.today()

# One made-up word per place a survivor's words are kept; none shares a prefix with another
# word the database holds (the search index stores words prefix-compressed).
CANARIES = {
    "preferred_name": "Zyquorith",
    "legal_last_name": "Quaxmortlebee",
    "address": "Vorpelhaven Lane",
    "sensitive": "Brindlequack",
    "barrier": "Xylofrumbis",
    "goal": "Jorvantiqueness",
    "milestone": "Plimsquattery",
    "checkin": "Wembrosquidge",
    "document": "Grelthimore",
    "scan": "Snorklefrazz",
    "scan_name": "Oxblotterwick",
    "note": "Kwibbledorf",
    "task": "Frumwhistlery",
    "placement": "Yarrowblunk",
    "consent_recipient": "Thistlewhump",
    "review": "Gobbleschnitz",
    "review_action": "Mingleborrow",
    "clearance": "Quillfendrax",
    "gender": "Vellumorphic",
    "coaching": "Dromblewhisk",
}


def decrypt_page(page: bytes, key: bytes, *, first: bool) -> bytes:
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    body = page[SALT if first else 0:PAGE - RESERVE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def database_plaintext(path: Path, key: bytes) -> list[bytes]:
    """Every page of the database file, decrypted (free pages too)."""
    data = path.read_bytes()
    assert len(data) % PAGE == 0
    pages = [decrypt_page(data[i:i + PAGE], key, first=i == 0) for i in range(0, len(data), PAGE)]
    # Page 1 decrypted: the header's page size (4096) and SQLCipher's reserve (80) show the
    # decryption is right; a wrong key or layout would give noise here.
    assert pages[0][:2] == PAGE.to_bytes(2, "big")
    assert pages[0][20 - SALT] == RESERVE
    return pages


def wal_plaintext(path: Path, key: bytes) -> list[bytes]:
    """Every frame's page in a write-ahead log, decrypted."""
    if not path.exists():
        return []
    data = path.read_bytes()
    pages = []
    for offset in range(WAL_HEADER, len(data) - FRAME_HEADER - PAGE + 1, FRAME_HEADER + PAGE):
        number = int.from_bytes(data[offset:offset + 4], "big")
        frame = data[offset + FRAME_HEADER:offset + FRAME_HEADER + PAGE]
        pages.append(decrypt_page(frame, key, first=number == 1))
    return pages


def forms(word: str) -> list[bytes]:
    """The word as rows hold it, and as the search index does (folded to lower case, and
    without its first letter, which a prefix-compressed index entry may share)."""
    folded = word.lower()
    return [word.encode(), folded.encode(), folded[1:].encode()]


def found(pages: list[bytes], canaries: dict[str, str] = CANARIES) -> set[str]:
    blob = b"\x00".join(pages)
    return {place for place, word in canaries.items()
            if any(form in blob for form in forms(word))}


def take_in_everywhere(team: Team, tmp_path: Path) -> str:
    """A survivor with a canary in every table that holds their rows; returns the case."""
    cm = team.case_manager
    rosa = survivors.create_survivor(cm, survivors.draft(
        "CT-PURGE-1", CANARIES["preferred_name"], legal_last_name=CANARIES["legal_last_name"],
        address=f"12 {CANARIES['address']}", date_of_birth=date(1990, 3, 4),
        gender=Gender.SELF_DESCRIBED, gender_self_described=CANARIES["gender"]),
        SensitiveDetails("", history_notes=f"Recruited by {CANARIES['sensitive']}"))
    case = rosa.case_number
    sensitive.add_barrier(cm, case, BarrierKind.HOUSING, f"Sleeps at {CANARIES['barrier']}")
    goal = plans.add_goal(cm, case, domain=GoalDomain.EMPLOYMENT,
                          specific=f"Work at {CANARIES['goal']}", measurable="An offer",
                          achievable="Has training", relevant="Income",
                          target_date=TODAY + timedelta(days=90))
    plans.add_milestone(cm, goal.id, f"Visit {CANARIES['milestone']}",
                        TODAY + timedelta(days=30))
    plans.add_checkin(cm, goal.id, f"Talked about {CANARIES['checkin']}")
    passport = next(d for d in documents.documents(cm, case)
                    if d.kind is DocumentKind.BIRTH_CERTIFICATE)
    documents.set_status(cm, passport.id, DocumentStatus.RECOVERED)
    documents.update_details(cm, passport.id, notes=f"Number {CANARIES['document']}")
    documents.attach_scan(cm, passport.id, f"{CANARIES['scan_name']}.png",
                          b"\x89PNG\r\n\x1a\n" + f"tEXt {CANARIES['scan']}".encode())
    notes.add_note(cm, case, f"Met at {CANARIES['note']}", ContactType.IN_PERSON)
    notes.add_task(cm, case, f"Call {CANARIES['task']}", TODAY + timedelta(days=3))
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY,
                           restrictions=frozenset({Restriction.BACKGROUND_CHECK}))
    clearances.record(cm, case, "Harbor Hotel", ClearanceDecision.CLEARED,
                      f"Talked about {CANARIES['clearance']}")
    position = employers.add_position(team.coordinator, "Harbor Hotel", "Kitchen intern",
                                      PositionKind.INTERNSHIP)
    placement.advance(cm, case, Stage.MATCHING)
    placement.advance(cm, case, Stage.INTERVIEW, position=position.id)
    placement.advance(cm, case, Stage.INTERNSHIP)  # starts an internship, kept week by week
    internships.update(cm, case, employer_mentor=f"Mentor {CANARIES['placement']}")
    internships.record_week(cm, case, 12, note=f"Week at {CANARIES['placement']}")
    service_log.record(cm, case, ServiceType.ACCOMPANIMENT, note=f"To {CANARIES['note']}")
    # Then an apprenticeship, with the employer's people and a coaching contact.
    apprentice = employers.add_position(
        team.coordinator, "Harbor Hotel", "Cook apprentice", PositionKind.APPRENTICESHIP,
        hourly_wage_cents=1600, track=ApprenticeshipTrack.REGISTERED, term_months=12,
        sponsor="Culinary Council")
    placement.advance(cm, case, Stage.MATCHING)
    placement.advance(cm, case, Stage.INTERVIEW, position=apprentice.id)
    placement.advance(cm, case, Stage.APPRENTICESHIP)
    placement_contacts.set_people(cm, case, supervisor=f"Chef {CANARIES['coaching']}")
    placement_contacts.add_coaching(cm, case, f"Chef {CANARIES['coaching']}",
                                    CoachingTopic.ONBOARDING, note=CANARIES["coaching"])
    placement.advance(cm, case, Stage.EXITED, reason=f"Moved to {CANARIES['placement']}")
    placement.record_session(cm, WorkshopTopic.SMART_GOALS, TODAY,
                             [placement.AttendanceEntry(case, True, True)])
    consent.add_consent(cm, case, purpose="Referral for work",
                        categories=SHAREABLE, expires_on=TODAY + timedelta(days=60),
                        recipient_agency=f"{CANARIES['consent_recipient']} Legal Aid")
    consent.add_consent(cm, case, purpose="Referral for work",
                        categories=SHAREABLE, expires_on=TODAY + timedelta(days=60),
                        recipient_employer="Harbor Hotel")
    prepared = sharing.prepare_employer_profile(cm, case, "Harbor Hotel")
    sharing.save(cm, prepared, tmp_path / "exports" / "profile.pdf")
    reviews.add_review(team.supervisor, case, f"Findings about {CANARIES['review']}",
                       [f"Ask {CANARIES['review_action']}"], signed_off=True)
    return case


def keep_other(team: Team) -> str:
    return survivors.create_survivor(team.case_manager, survivors.draft(
        "CT-KEEP-1", "Lena", legal_last_name="Ortega")).case_number


def table_counts(session: Session) -> dict[str, int]:
    tables = [r[0] for r in session.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%' "
        "AND name NOT LIKE 'search_index_%'")]
    return {t: session.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_every_table_that_leads_to_a_survivor_is_purged(team: Team) -> None:
    """A table added later with a foreign key to a survivor's rows must join the purge."""
    conn = team.supervisor.conn
    parents = {"survivors"}
    grew = True
    while grew:
        grew = False
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            keys = conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
            # A link that is set to NULL on delete (a review action's task) does not hold
            # the survivor's words; every other link does.
            if table not in parents and any(k[2] in parents and k[6] != "SET NULL"
                                            for k in keys):
                parents.add(table)
                grew = True
    assert parents == {table for table, _ in PURGED_TABLES}


def test_purge_leaves_no_canary_in_the_decrypted_file(team: Team, tmp_path: Path) -> None:
    case = take_in_everywhere(team, tmp_path)
    other = keep_other(team)
    survivors.set_status(team.case_manager, case, CaseStatus.CLOSED)
    db = team.vault.paths.db
    key = team.supervisor.data_key
    before_counts = table_counts(team.supervisor)
    # The decryption works: before the purge every canary is readable in the plaintext of the
    # file and its log (rows, index entries, the scan's bytes).
    assert found(database_plaintext(db, key) + wal_plaintext(team.vault.paths.wal, key)) \
        == set(CANARIES)
    # And after a checkpoint, in the database file alone.
    team.supervisor.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert found(database_plaintext(db, key)) == set(CANARIES)

    for session in (team.case_manager, team.other_case_manager, team.coordinator):
        session.close()  # the other sessions' open connections would keep the log alive
    report = retention.purge_case(team.supervisor, case, case.lower())

    assert report.checkpointed
    assert report.rows["survivors"] == 1
    # Every table but the legal holds: a held case is never purged.
    assert set(report.rows) == {t for t, _ in PURGED_TABLES} - {"legal_holds"}
    after_counts = table_counts(team.supervisor)
    for table, removed in report.rows.items():
        assert before_counts[table] - after_counts[table] == removed, table
    # Nothing of it in any page of the file, free pages included, nor in the log or -shm.
    pages = database_plaintext(db, key)
    assert found(pages) == set()
    assert team.vault.paths.wal.stat().st_size == 0
    assert found(wal_plaintext(team.vault.paths.wal, key)) == set()
    shm = team.vault.paths.shm
    raw = (db.read_bytes() + (shm.read_bytes() if shm.exists() else b""))
    assert all(f not in raw for word in CANARIES.values() for f in forms(word))
    # The rest of the database is whole and still works.
    assert survivors.get_survivor(team.supervisor, other).preferred_name == "Lena"
    assert [h.case_number for h in search.search(team.supervisor, "Lena")] == [other]
    assert search.search(team.supervisor, CANARIES["note"]) == []
    with pytest.raises(NotFoundError):
        survivors.get_survivor(team.supervisor, case)
    assert team.supervisor.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert audit.verify_chain(team.supervisor).ok


def test_the_audit_keeps_a_content_free_record(team: Team, tmp_path: Path) -> None:
    case = take_in_everywhere(team, tmp_path)
    survivors.set_status(team.case_manager, case, CaseStatus.CLOSED)
    retention.purge_case(team.supervisor, case, case)
    entries = audit.recent_entries(team.supervisor, 10_000)
    purge = [e for e in entries if e.action == "survivor.purge"]
    assert len(purge) == 1
    assert purge[0].actor == SUPERVISOR
    assert purge[0].subject == case
    assert set(purge[0].details) == {"record", "rows"}
    assert all(isinstance(n, int) for n in purge[0].details["rows"].values())
    # No entry the trail keeps for good names the survivor or repeats what was typed.
    text = json.dumps([[e.subject, e.details] for e in entries], ensure_ascii=False)
    for place, word in CANARIES.items():
        assert word.lower() not in text.lower(), f"the audit trail keeps the {place}"


def test_only_a_supervisor_purges_a_closed_case_confirmed_by_its_number(
        team: Team, tmp_path: Path) -> None:
    case = keep_other(team)
    with pytest.raises(UsageError, match="still active"):
        retention.purge_case(team.supervisor, case, case)
    survivors.set_status(team.case_manager, case, CaseStatus.CLOSED)
    for session in (team.case_manager, team.coordinator):
        with pytest.raises(PermissionDeniedError):
            retention.purge_case(session, case, case)
    for wrong in ("", "CT-KEEP-2", "yes"):
        with pytest.raises(UsageError, match="type its case number"):
            retention.purge_case(team.supervisor, case, wrong)
    with pytest.raises(NotFoundError):
        retention.purge_case(team.supervisor, "CT-NONE", "CT-NONE")
    assert survivors.get_survivor(team.supervisor, case).status is CaseStatus.CLOSED
    denied = [e for e in audit.recent_entries(team.supervisor, 200)
              if e.action == "access.denied" and e.details.get("attempted") == "purging a case"]
    assert len(denied) == 2


def test_cli_close_and_purge(team: Team, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    case = keep_other(team)
    team.close()
    secret = tmp_path / "pp.txt"
    secret.write_text(SUPERVISOR_PASSPHRASE)
    common = ["--db", str(team.vault.paths.db), "--user", SUPERVISOR,
              "--passphrase-file", str(secret)]
    manager_secret = tmp_path / "cm.txt"
    manager_secret.write_text(CASE_MANAGER_PASSPHRASE)
    manager = ["--db", str(team.vault.paths.db), "--user", CASE_MANAGER,
               "--passphrase-file", str(manager_secret)]
    assert main(["survivor", "close", case, *common], kdf=FAST_INSECURE) == 1
    assert "supervisors read case records but do not change them" in capsys.readouterr().err
    for command in ("close", "reopen", "close"):
        assert main(["survivor", command, case, *manager], kdf=FAST_INSECURE) == 0
    assert main(["survivor", "purge", case, "--confirm", case, *manager],
                kdf=FAST_INSECURE) == 1
    assert "needs a supervisor account" in capsys.readouterr().err
    # Without the confirmation, and with no terminal to ask on, it is a usage mistake.
    assert main(["survivor", "purge", case, *common], kdf=FAST_INSECURE) == 2
    assert "--confirm" in capsys.readouterr().err
    assert main(["survivor", "purge", case, "--confirm", "CT-OTHER", *common],
                kdf=FAST_INSECURE) == 2
    assert main(["survivor", "show", case, *common], kdf=FAST_INSECURE) == 0
    capsys.readouterr()
    assert main(["survivor", "purge", case, "--confirm", case, *common], kdf=FAST_INSECURE) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert main(["survivor", "show", case, *common], kdf=FAST_INSECURE) == 1
    assert "no case" in capsys.readouterr().err
