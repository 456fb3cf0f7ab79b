"""The audit trail in words: every action the code audits has words a person can read."""

from __future__ import annotations

import re
from pathlib import Path

from casetracker.domain.audit import (
    ACTION_WORDS,
    PART_WORDS,
    AuditEntry,
    action_words,
    concerns,
    details_words,
    subject_case,
)
from casetracker.domain.consent import ExportKind

SRC = Path(__file__).resolve().parents[2] / "src" / "casetracker"
# The first argument of an audit call: a name, or `"a" if x else "b"`.
_CALL = re.compile(r"\.audit\(\s*((?:\"[a-z_.]+\"(?:\s+if\s+[\w.]+\s+else\s+)?)+)")
# Names handed to a helper that audits them: action="…", login_action="…", _audit(session, "…").
_INDIRECT = re.compile(r"\b(?:action|login_action)=\"([a-z_.]+)\"|_audit\(session, \"([a-z_.]+)\"")
_PART = re.compile(r"audit_view\([^,]+, \"([a-z_]+)\"\)")


def audited_actions() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in _CALL.finditer(text):
            found.update(re.findall(r"\"([a-z_.]+)\"", match.group(1)))
        for match in _INDIRECT.finditer(text):
            name = match.group(1) or match.group(2)
            if "." in name or name == "login":  # not argparse's action="store_true"
                found.add(name)
        found.update(re.findall(r"append_audit\(conn, audit_key, \w+, \"([a-z_.]+)\"", text))
        # Views audited once per session: audit_once((key), "action", ...).
        found.update(re.findall(r"audit_once\(\(.*?\),\s*\"([a-z_.]+)\"", text))
    # sharing.save audits "export." + the kind of document it wrote.
    found.discard("export.")
    found.update(f"export.{kind.value}" for kind in ExportKind)
    found.add("export.survivor_plan")
    return found


def test_the_scan_finds_the_actions_it_should() -> None:
    found = audited_actions()
    # A sample of each way an action is named, so that a broken pattern cannot pass quietly.
    assert {"survivor.view_part", "position.close", "account.passphrase_reset", "login",
            "account.remove_copies", "vault.create", "session.lock",
            "export.referral_letter", "caseload.view"} <= found
    assert len(found) > 80


def test_every_audited_action_has_words() -> None:
    missing = sorted(a for a in audited_actions() if a not in ACTION_WORDS)
    assert missing == []


def test_every_audited_part_has_words() -> None:
    parts = {m for p in SRC.rglob("*.py") for m in _PART.findall(p.read_text(encoding="utf-8"))}
    assert parts
    assert sorted(parts - PART_WORDS.keys()) == []


def test_a_view_of_part_of_a_record_reads_as_what_was_viewed() -> None:
    assert action_words("survivor.view_part", {"part": "documents"}) == "viewed documents"
    assert action_words("caseload.view") == "viewed the caseload"
    assert action_words("session.lock") == "locked"


def test_details_read_as_sentences_and_say_what_an_entry_concerns() -> None:
    entry = AuditEntry(7, "2026-03-01T10:00:00", "cole", "export.referral_letter", "CT-0007",
                       {"recipient": "Harbor Foods", "fields": ["alias", "work_history"],
                        "sha256": "ab12", "position": "Line cook"})
    assert subject_case(entry) == "CT-0007"
    assert concerns(entry) == "recipient Harbor Foods"
    words = details_words(entry.details)
    assert "{" not in words
    assert "Recipient: Harbor Foods." in words
    assert "Fields: alias, work history." in words
    assert "File hash (SHA-256): ab12." in words
    account = AuditEntry(8, "2026-03-01T10:00:00", "sam", "account.add", "ana",
                         {"role": "case_manager"})
    assert subject_case(account) == ""
    assert concerns(account) == "account ana"
    assert details_words(account.details) == "Role: case manager."
    employer = AuditEntry(9, "2026-03-01T10:00:00", "cole", "employer.add", "Harbor Foods",
                          {"industry": "hospitality"})
    assert subject_case(employer) == ""
    assert concerns(employer) == "employer Harbor Foods"
