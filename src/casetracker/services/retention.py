"""Retention: purging a closed case for good.

A case manager closes a case; a supervisor, who decides what the program keeps, purges it,
typing its case number to confirm. Every row of the survivor goes, the search index and the
write-ahead log are compacted so the words do not linger in the file, and the audit trail keeps
an entry that holds only the case number, the record id and how many rows went.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.errors import UsageError
from casetracker.domain.retention import (
    DuePart,
    Part,
    RetentionPolicy,
    add_months,
    cases_of,
    due_parts,
    figure_contributions,
    figures_kept_after,
    validate_policy,
)
from casetracker.domain.survivors import CaseStatus
from casetracker.domain.validation import Checker
from casetracker.services import access, copies, duplicates, funder_report
from casetracker.services.session import Session
from casetracker.storage.connection import transaction
from casetracker.storage.repositories import AuditSubjectKeys
from casetracker.storage.retention_repo import RetentionRepository, RetentionScheduleRepository

# How a purge's summary names each table's rows, in the order it lists them: (singular,
# plural). A table missing here is still counted, under its own name.
_ROW_NAMES: dict[str, tuple[str, str]] = {
    "survivor_sensitive": ("its sensitive details", "its sensitive details"),
    "goals": ("goal", "goals"),
    "milestones": ("milestone", "milestones"),
    "checkins": ("progress check-in", "progress check-ins"),
    "barriers": ("barrier", "barriers"),
    "documents": ("document", "documents"),
    "attachments": ("scan", "scans"),
    "notes": ("case note", "case notes"),
    "tasks": ("task", "tasks"),
    "placement_steps": ("placement step", "placement steps"),
    "workshop_attendance": ("workshop attendance", "workshop attendances"),
    "consents": ("consent", "consents"),
    "exports": ("export log entry", "export log entries"),
    "reviews": ("case review", "case reviews"),
    "review_actions": ("review action", "review actions"),
    "restriction_clearances": ("clearance for a restricted employer",
                               "clearances for restricted employers"),
}


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What a purge removed (rows per table), whether the log was emptied at once, and the
    program's copies that still hold the case (`copies.lines()` names each file)."""

    case_number: str
    rows: dict[str, int]
    checkpointed: bool
    copies: copies.CopiesReport = field(default_factory=lambda: copies.CopiesReport(""))

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def summary(self) -> str:
        """One line saying what went, in counts (no value of the record): "purged CT-1: the
        record, 3 goals, 9 documents and its search entries"."""
        parts = ["the record"] if self.rows.get("survivors") else []
        # The closing date and any lifted hold are bookkeeping, not part of the record.
        others = {table: n for table, n in self.rows.items()
                  if n and table not in ("survivors", "case_closures", "legal_holds")}
        for table, (one, many) in _ROW_NAMES.items():
            count = others.pop(table, 0)
            if table == "survivor_sensitive":
                parts += [one] if count else []
            elif count:
                parts.append(f"{count} {one if count == 1 else many}")
        parts += [f"{n} {table} row{'' if n == 1 else 's'}" for table, n in others.items()]
        return f"purged {self.case_number}: {', '.join(parts)} and its search entries"


def purge_case(session: Session, case_number: str, confirmation: str) -> PurgeReport:
    """Remove a closed case and everything recorded about the survivor (supervisors only).

    `confirmation` must repeat the case number; anything else removes nothing. A case under
    legal hold is refused. Its contribution to past reports is kept as de-identified counts.
    """
    session.require("purging a case", Role.SUPERVISOR)
    survivor = access.find(session, case_number)
    if confirmation.strip().casefold() != survivor.case_number.casefold():
        raise UsageError(f"to purge case {survivor.case_number}, type its case number exactly; "
                         "nothing was removed")
    if survivor.status is not CaseStatus.CLOSED:
        raise UsageError(f"case {survivor.case_number} is still active: its case manager "
                         "closes it first; nothing was removed")
    _refuse_held(session, survivor.id, survivor.case_number)
    with session.changing():
        rows = purge_whole(session, survivor.id, survivor.case_number)
    checkpointed = finish_purge(session)
    return PurgeReport(survivor.case_number, rows, checkpointed,
                       copies.after_purge(session, survivor.case_number))


def _refuse_held(session: Session, survivor_id: str, case_number: str) -> None:
    if RetentionScheduleRepository(session.conn).holds(survivor_id):
        raise UsageError(f"case {case_number} is under legal hold: a supervisor lifts the hold "
                         "first ('retention release'); nothing was removed")


def purge_whole(session: Session, survivor_id: str, case_number: str) -> dict[str, int]:
    """Inside the caller's unit of work: keep the case's contribution to reports as
    de-identified counts, remove every row of it, destroy its audit subject key and audit
    the purge. The caller has checked the role, the confirmation and the hold."""
    schedule = RetentionScheduleRepository(session.conn)
    schedule.keep_figures(figure_contributions(*schedule.activity(survivor_id)))
    with funder_report.keeping_figures(session.conn, survivor_id):
        rows = RetentionRepository(session.conn).delete_survivor(survivor_id)
    # What earlier entries said about the case (employers, categories, hashes) goes with
    # its key; the chain still verifies, and the purge's own entry gets a new key.
    merged = duplicates.merged_case_numbers(session, case_number)
    for number in (case_number, *merged):  # records merged into it went with it
        AuditSubjectKeys(session.conn).destroy(number)
    session.audit("survivor.purge", case_number, record=survivor_id, rows=rows)
    return rows


def finish_purge(session: Session) -> bool:
    """After purging: compact the search index and empty the write-ahead log (False when
    another connection's reading kept part of it)."""
    from casetracker.sync import signatures

    repo = RetentionRepository(session.conn)
    with transaction(session.conn):
        repo.compact_search_index()
        signatures.forget_dropped(session.conn)  # no salt of a purged change stays
    return repo.checkpoint()


# -- the written policy, legal holds, and the scheduled purge ---------------------------------


def policy(session: Session) -> RetentionPolicy:
    """The program's retention policy (the defaults until a supervisor writes one)."""
    session.require("reading the retention policy")
    return RetentionScheduleRepository(session.conn).policy() or RetentionPolicy()


def set_policy(session: Session, **changes: int) -> RetentionPolicy:
    """Change the policy (supervisors; audited). Names: the fields of `RetentionPolicy`."""
    session.require("changing the retention policy", Role.SUPERVISOR)
    known = {f.name for f in fields(RetentionPolicy)}
    if set(changes) - known:
        raise UsageError(f"unknown policy setting: {', '.join(sorted(set(changes) - known))}")
    before = policy(session)
    updated = replace(before, **changes)
    validate_policy(updated)
    if updated == before:
        return updated
    with session.changing():
        RetentionScheduleRepository(session.conn).save_policy(updated, clock.now_iso())
        session.audit("retention.policy", None, **{
            f.name: getattr(updated, f.name) for f in fields(RetentionPolicy)})
    return updated


def hold(session: Session, case_number: str, reason: str) -> None:
    """Place a legal hold on a case: no purge of it, by any path, until it is lifted."""
    session.require("placing a legal hold", Role.SUPERVISOR)
    check = Checker()
    check.required("reason", reason, max_length=500)
    check.done()
    survivor = access.find(session, case_number)
    repo = RetentionScheduleRepository(session.conn)
    if repo.holds(survivor.id):
        raise UsageError(f"case {survivor.case_number} is already under legal hold")
    with session.changing():
        repo.add_hold(survivor.id, reason.strip(), session.account.name, clock.today())
        session.audit("retention.hold", survivor.case_number, reason=reason.strip())


def release(session: Session, case_number: str) -> None:
    """Lift a case's legal hold; its purges follow the policy again."""
    session.require("lifting a legal hold", Role.SUPERVISOR)
    survivor = access.find(session, case_number)
    repo = RetentionScheduleRepository(session.conn)
    if not repo.holds(survivor.id):
        raise UsageError(f"case {survivor.case_number} is not under legal hold")
    with session.changing():
        repo.remove_holds(survivor.id)
        session.audit("retention.release", survivor.case_number)


@dataclass(frozen=True, slots=True)
class LegalHold:
    case_number: str
    reason: str
    placed_by: str
    placed_on: date


def legal_holds(session: Session) -> list[LegalHold]:
    """Every legal hold, oldest first, with its reason and who placed it (supervisors)."""
    session.require("listing legal holds", Role.SUPERVISOR)
    return [LegalHold(case, reason, by, date.fromisoformat(on))
            for case, reason, by, on in RetentionScheduleRepository(session.conn).all_holds()]


def held_cases(session: Session) -> list[str]:
    """The case numbers under legal hold (supervisors)."""
    session.require("listing legal holds", Role.SUPERVISOR)
    return sorted(RetentionScheduleRepository(session.conn).held_cases(), key=str.casefold)


def record_closure(session: Session, survivor_id: str, closed: bool) -> None:
    """Inside the caller's unit of work: remember the day a case was closed (None when it is
    reopened), from which the policy counts."""
    RetentionScheduleRepository(session.conn).set_closed_on(
        survivor_id, clock.today() if closed else None)


def _due(session: Session) -> list[DuePart]:
    repo = RetentionScheduleRepository(session.conn)
    return due_parts(policy(session), clock.today(), repo.closed_cases(),
                     repo.recovered_scans(), repo.held_cases())


def due(session: Session) -> list[DuePart]:
    """The cases, or parts of them, past the policy today and since when (supervisors; case
    numbers and dates only)."""
    session.require("listing what is due for purge", Role.SUPERVISOR)
    listed = _due(session)
    session.audit("retention.due", None, cases=len(cases_of(listed)))
    return listed


def due_count(session: Session) -> int:
    """How many cases have something due for purge (the dashboard's figure)."""
    session.require("listing what is due for purge", Role.SUPERVISOR)
    return len(cases_of(_due(session)))


@dataclass(frozen=True, slots=True)
class ScheduledPurge:
    """What a scheduled purge removed: per case, the part and the rows."""

    parts: tuple[DuePart, ...]
    rows: dict[str, int]
    figures_dropped: int
    checkpointed: bool
    copies: copies.CopiesReport

    def summary(self) -> str:
        cases = cases_of(self.parts)
        whole = sum(1 for p in self.parts if p.part is Part.RECORD)
        partial = len(cases) - len({p.case_number for p in self.parts if p.part is Part.RECORD})
        words = [f"purged {len(cases)} case{'' if len(cases) == 1 else 's'}: "
                 f"{whole} whole, {partial} in part"]
        if self.figures_dropped:
            words.append(f"{self.figures_dropped} de-identified figures past the policy dropped")
        return "; ".join(words)


def purge_due(session: Session, confirm_cases: int) -> ScheduledPurge:
    """Purge everything due today (supervisors). `confirm_cases` must equal the number of
    cases `due` lists, else nothing is removed. Whole records go as `purge_case` removes
    them; a partial purge removes only the parts whose time has come."""
    session.require("purging what is due", Role.SUPERVISOR)
    parts = _due(session)
    cases = cases_of(parts)
    if confirm_cases != len(cases):
        raise UsageError(f"cases due for purge: {len(cases)}, not {confirm_cases}; list them "
                         "with 'retention due' and confirm with that number; nothing was "
                         "removed")
    repo = RetentionScheduleRepository(session.conn)
    today, rules = clock.today(), policy(session)
    total: dict[str, int] = {}
    with session.changing():
        for part in parts:
            survivor = access.find(session, part.case_number)
            if part.part is Part.RECORD:
                rows = purge_whole(session, survivor.id, survivor.case_number)
            elif part.part is Part.SENSITIVE:
                # Its kind of trafficking counts in the funder report: keep what it was.
                with funder_report.keeping_figures(session.conn, survivor.id):
                    rows = {"survivor_sensitive": repo.delete_sensitive(survivor.id)}
            else:
                cutoff = add_months(today, -rules.scans_months)
                rows = {"attachments": repo.delete_recovered_scans(survivor.id, cutoff)}
            if part.part is not Part.RECORD:
                session.audit("survivor.purge_part", survivor.case_number,
                              part=part.part.value, rows=rows)
            for table, n in rows.items():
                total[table] = total.get(table, 0) + n
        dropped = repo.drop_figures_before(figures_kept_after(rules, today))
        session.audit("retention.purge_due", None, cases=len(cases),
                      whole=sum(1 for p in parts if p.part is Part.RECORD),
                      figures_dropped=dropped)
    checkpointed = finish_purge(session)
    whole_cases = [p.case_number for p in parts if p.part is Part.RECORD]
    remaining = copies.after_scheduled_purge(session, whole_cases) if parts else \
        copies.CopiesReport("")
    return ScheduledPurge(tuple(parts), total, dropped, checkpointed, remaining)
