"""Audit trail entries and what the chain verifier reports."""

from __future__ import annotations

from collections.abc import Callable
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


# -- the audit trail in words ---------------------------------------------------------------------
# Every action the program audits, as a person would say it. The trail keeps the short names
# (searchable, stable); the audit log viewer and `casetracker audit` show these words beside them.
# tests/unit/test_audit_words.py checks that every action audited in src has words here.
ACTION_WORDS: dict[str, str] = {
    # Added with team use, retention, clearances and plan steps (session 5).
    "account.changed_elsewhere": "received an account's change from another laptop",
    "account.key_arrived": "received an account's key from another laptop",
    "account.removed_elsewhere": "received an account's removal from another laptop",
    "account.role_changed": "changed an account's role",
    "apprenticeship.finish": "ended an apprenticeship",
    "backup.prune": "removed backups that held purged cases",
    "clearance.record": "recorded a decision about an employer's restrictions",
    "clearance.withdraw": "withdrew a decision about an employer's restrictions",
    "conflict.list": "listed sync conflicts",
    "conflict.resolve": "settled a sync conflict",
    "device.enroll": "enrolled a laptop",
    "device.join": "joined this laptop to a program",
    "device.revoke": "revoked a laptop",
    "milestone.delete": "removed a milestone",
    "retention.due": "listed what is due for purge",
    "retention.hold": "placed a legal hold",
    "retention.policy": "changed the retention policy",
    "retention.purge_copies": "removed copies that held purged cases",
    "retention.purge_due": "purged what was due",
    "retention.release": "lifted a legal hold",
    "survivor.purge_part": "purged part of a record",
    "sync.folder": "set the sync folder",
    "task.for_survivor": "put a task on the survivor's plan",
    "task.staff_only": "took a task off the survivor's plan",
    "access.denied": "was refused",
    "account.add": "added an account",
    "account.key_cost_raised": "strengthened an account's passphrase protection",
    "account.language": "chose a language",
    "account.name": "changed an account's display name",
    "account.passphrase_changed": "changed a passphrase",
    "account.passphrase_reset": "reset a passphrase",
    "account.remove": "removed an account",
    "account.remove_copies": "removed an account's old copies",
    "audit.checkpoint": "countersigned the audit trail",
    "audit.signer_replaced": "replaced an audit signing key",
    "audit.signer_untrusted": "found an untrusted audit signature",
    "audit.verify": "verified the audit trail",
    "audit.view": "read the audit trail",
    "backup.create": "made a backup",
    "backup.restore": "restored a backup",
    "barrier.add": "added a barrier",
    "barrier.reopen": "reopened a barrier",
    "barrier.resolve": "resolved a barrier",
    "caseload.view": "viewed the caseload",
    "consent.add": "recorded a consent",
    "consent.referrals": "listed who may be referred",
    "consent.release_form": "printed a release form",
    "consent.revoke": "recorded a consent's withdrawal",
    "dashboard.drill_down": "looked behind a dashboard figure",
    "dashboard.view": "viewed the dashboard",
    "demo.generate": "made demonstration data",
    "document.add": "added a document",
    "document.scan_add": "attached a scan",
    "document.scan_view": "viewed a scan",
    "document.status": "changed a document's status",
    "document.undo": "undid a document change",
    "document.update": "updated a document",
    "employer.add": "added an employer",
    "employer.assess": "recorded an employer's self-assessment",
    "employer.update": "updated an employer",
    "export.blocked": "was stopped from exporting",
    "export.employer_profile": "exported an employer profile",
    "export.referral_letter": "exported a referral letter",
    "export.refused": "was refused an export",
    "export.survivor_plan": "exported the survivor's plan",
    "export.write_failed": "could not write an export",
    "goal.add": "added a goal",
    "goal.checkin": "checked in on a goal",
    "goal.update": "updated a goal",
    "import.survivors": "imported survivors",
    "internship.finish": "ended an internship",
    "internship.update": "updated an internship",
    "internship.week": "recorded an internship week",
    "login": "unlocked",
    "login.failed": "failed to unlock",
    "login.recovery_key": "unlocked with a recovery key",
    "matching.rank": "ranked candidates for a position",
    "milestone.add": "added a milestone",
    "milestone.done": "completed a milestone",
    "milestone.undone": "reopened a milestone",
    "milestone.update": "updated a milestone",
    "note.add": "wrote a note",
    "placement.advance": "moved a placement along",
    "placement.coaching": "recorded a coaching contact with an employer",
    "placement.people": "named a placement's supervisor and mentor",
    "position.add": "added a position",
    "position.close": "closed a position",
    "position.open": "opened a position",
    "recovery_key.replaced": "replaced the recovery key",
    "recovery_key.arrived": "took the recovery key made on another laptop",
    "report.caseload": "made a caseload report",
    "report.funder": "made a funder report",
    "report.outcomes": "made an outcomes report",
    "review.add": "recorded a case review",
    "reviews.view": "viewed the reviews due",
    "search": "searched",
    "service.record": "recorded a service",
    "service.remove": "removed a service",
    "session.lock": "locked",
    "settings.letter_template": "changed the letter template",
    "settings.logo": "changed the logo",
    "settings.update": "changed the settings",
    "survivor.assign": "assigned a case",
    "survivor.create": "took in a new case",
    "survivor.duplicate_check": "checked a new record for duplicates",
    "survivor.duplicates_view": "looked for duplicates of a case",
    "survivor.merge": "merged another record into this case",
    "survivor.merged_into": "merged this record into another case",
    "survivor.not_a_duplicate": "saved a new case despite a likely duplicate",
    "survivor.purge": "purged a case",
    "survivor.purge_copies": "removed a purged case's old copies",
    "survivor.status": "changed a case's status",
    "survivor.update": "updated a record",
    "survivor.update_sensitive": "updated sensitive details",
    "survivor.view": "opened a record",
    "survivor.view_employment": "viewed an employment profile",
    "survivor.view_part": "viewed part of a record",
    "survivor.view_sensitive": "viewed sensitive details",
    "sync.join": "joined a team",
    "sync.key_rotated": "made a new sync key after a laptop was revoked elsewhere",
    "sync.round": "synchronised with the team",
    "sync.start": "started team use",
    "sync.trust_laptop": "trusted a laptop",
    "task.add": "added a task",
    "task.done": "completed a task",
    "task.reopen": "reopened a task",
    "tasks.view": "viewed the tasks",
    "vault.check": "checked the database",
    "vault.create": "created the database",
    "vault.mark_demonstration": "marked the database as a demonstration",
    "vault.rekey_completed": "finished changing the database key",
    "vault.rekey_discarded": "discarded an unfinished key change",
    "vault.rekey_started": "started changing the database key",
    "vault.upgrade_copy_kept": "kept the copy made before an upgrade",
    "vault.upgrade_copy_removed": "removed the copy made before an upgrade",
    "workshop.add": "added a workshop",
    "workshop.attendance": "recorded workshop attendance",
    "workshop.remove": "removed a workshop",
}

# The parts of a record whose views are audited (Session.audit_view), in words.
PART_WORDS: dict[str, str] = {
    "barriers": "barriers", "consents": "consents", "documents": "documents",
    "goals": "goals and plans", "internships": "internships", "notes": "notes",
    "placement": "placement", "apprenticeships": "apprenticeships",
    "placement_contacts": "a placement's supervisor and mentor",
    "employer_coaching": "coaching contacts with an employer", "reviews": "case reviews",
    "services": "services",
    "clearances": "decisions about employers' restrictions",
    "tasks": "tasks", "workshops": "workshops",
}

# Actions whose subject is an account's name, or an employer's, rather than a case number.
_ACCOUNT_SUBJECT = ("account.", "login")
_EMPLOYER_SUBJECT = ("employer.", "position.add")

# Detail keys, in words; a key not here is shown with its underscores as spaces.
_DETAIL_WORDS: dict[str, str] = {
    "sha256": "file hash (SHA-256)", "attempted": "tried", "fields": "fields",
    "first_bad": "first damaged entry", "case_manager": "case manager",
    "sent_bundles": "bundles sent", "week_of": "week of", "uncounted": "attempts not counted",
}


# The interface shows these words in its own language: it hands each function `say`, which
# turns an English word or pattern ("viewed {0}", "yes", "file hash (SHA-256)") into the
# interface's; here (and on the command line) they stay in English.
Say = Callable[[str], str]
VIEWED = "viewed {0}"
CONCERN_WORDS = {"account": "account {0}", "employer": "employer {0}",
                 "recipient": "recipient {0}", "case_manager": "case manager {0}"}
VALUE_WORDS = ("yes", "no", "none")


def _same(text: str) -> str:
    return text


def detail_label(key: str) -> str:
    """A detail's key in words ("sha256" is "file hash (SHA-256)", "week_of" "week of")."""
    return _DETAIL_WORDS.get(key, key.replace("_", " "))


def action_words(action: str, details: dict[str, Any] | None = None, say: Say = _same) -> str:
    """What an audit entry's action means, in words ("viewed documents")."""
    details = details or {}
    if action == "survivor.view_part" and isinstance(details.get("part"), str):
        part = details["part"]
        return say(VIEWED).format(say(PART_WORDS.get(part, part.replace("_", " "))))
    words = ACTION_WORDS.get(action)
    return say(words) if words else action.replace("_", " ").replace(".", ": ")


def subject_case(entry: AuditEntry) -> str:
    """The case an entry concerns ("" when its subject is an account or an employer)."""
    if entry.subject is None or entry.action.startswith(_ACCOUNT_SUBJECT + _EMPLOYER_SUBJECT):
        return ""
    return entry.subject


def concerns(entry: AuditEntry, say: Say = _same) -> str:
    """What else the entry concerns besides a case: an account, an employer, a recipient."""
    parts: list[str] = []
    if entry.subject and entry.action.startswith(_ACCOUNT_SUBJECT):
        parts.append(say(CONCERN_WORDS["account"]).format(entry.subject))
    elif entry.subject and entry.action.startswith(_EMPLOYER_SUBJECT):
        parts.append(say(CONCERN_WORDS["employer"]).format(entry.subject))
    for key in ("employer", "recipient", "case_manager"):
        value = entry.details.get(key)
        if isinstance(value, str) and value:
            parts.append(say(CONCERN_WORDS[key]).format(value))
    return "; ".join(parts)


def _value_words(value: Any, say: Say = _same) -> str:
    if isinstance(value, bool):
        return say("yes") if value else say("no")
    if value is None:
        return say("none")
    if isinstance(value, list | tuple):
        return ", ".join(_value_words(v, say) for v in value) if value else say("none")
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if v not in (None, "", [])}
        return ", ".join(f"{say(k.replace('_', ' '))} {_value_words(v, say)}"
                         for k, v in sorted(shown.items())) or say("none")
    text = str(value)
    return say(text.replace("_", " ") if text.isidentifier() else text)


def details_words(details: dict[str, Any], say: Say = _same) -> str:
    """An entry's details as a sentence ("Recipient: Harbor Foods. Fields: alias, skills.")."""
    sentences = []
    for key in sorted(details):
        if key == "part":
            continue  # said by action_words
        label = say(detail_label(key))
        sentences.append(f"{label[:1].upper()}{label[1:]}: {_value_words(details[key], say)}.")
    return " ".join(sentences)
