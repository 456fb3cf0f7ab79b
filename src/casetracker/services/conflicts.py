"""Conflicts from team use: two people changed one field without seeing each other's change.

Every laptop shows the same interim value (the later change, `sync/merge.py`) and lists the
field here until someone settles it. A case's conflicts are its case manager's and the
supervisors' to see and settle; a conflict outside any case (an employer, a position, a
workshop) is the supervisors'. Coordinators see none. Settling is one change that has seen
every value waiting (`sync/settle.py`): it travels and closes the conflict on every laptop.
Listing and settling are audited, without any value.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from casetracker.domain import catalog
from casetracker.domain.accounts import Role
from casetracker.domain.errors import NotFoundError, UsageError
from casetracker.domain.validation import ValidationError
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.migrations.v011_change_capture import BY_TABLE
from casetracker.storage.migrations.v026_program_settings_travel import PRE_UPGRADE_HLC
from casetracker.storage.replica_repo import Conflict, ReplicaRepository
from casetracker.storage.survivors_repo import SurvivorRepository
from casetracker.storage.sync_repo import ORIGIN, Change, SyncRepository, Version
from casetracker.sync import capture, hlc, rules, settle

# How people call each table's rows, and the catalog entity naming its fields.
_TABLES: dict[str, tuple[str, str]] = {
    "survivors": ("survivor's profile", "survivor"),
    "survivor_sensitive": ("sensitive details", "sensitive"),
    "barriers": ("barrier", "barrier"),
    "goals": ("goal", "goal"),
    "milestones": ("milestone", "milestone"),
    "checkins": ("check-in", "checkin"),
    "documents": ("document", "document"),
    "attachments": ("scan", "attachment"),
    "notes": ("case note", "note"),
    "tasks": ("task", "task"),
    "workshop_attendance": ("workshop attendance", ""),
    "placement_steps": ("placement step", ""),
    "consents": ("consent", ""),
    "exports": ("export record", ""),
    "reviews": ("case review", ""),
    "review_actions": ("review action", ""),
    "employers": ("employer", ""),
    "positions": ("position", ""),
    "workshops": ("workshop", ""),
}

# Fields a new value may be typed for (`resolve(..., value=...)`): free text. Others (dates,
# numbers, choices from a list, links to other records) are settled by keeping one of the
# values waiting; the record's own screen changes them afterwards, with its checks.
FREE_TEXT: dict[str, frozenset[str]] = {
    "survivors": frozenset({
        "preferred_name", "legal_first_name", "legal_last_name", "pronouns",
        "gender_self_described", "primary_language", "phone", "email", "address",
        "safe_times", "referral_source", "skills", "transport", "accommodations"}),
    "survivor_sensitive": frozenset({"history_notes", "criminal_record_notes",
                                     "health_notes", "safety_plan"}),
    "barriers": frozenset({"description"}),
    "goals": frozenset({"specific", "measurable", "achievable", "relevant"}),
    "milestones": frozenset({"description"}),
    "checkins": frozenset({"note"}),
    "documents": frozenset({"label", "issuer", "original_location", "notes"}),
    "notes": frozenset({"text"}),
    "tasks": frozenset({"title"}),
    "employers": frozenset({"name", "contact_name", "contact_phone", "contact_email",
                            "restriction_notes"}),
    "positions": frozenset({"title", "skills_wanted"}),
    "workshops": frozenset({"facilitator", "partner_organisation"}),
    "reviews": frozenset({"findings"}),
}
MAX_TEXT = 20_000


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One value of a conflicted field: the one shown now, or one waiting beside it."""

    value_id: str
    value: Any  # None also when not shown (see `shown`)
    shown: bool  # False when this account may not see the field
    current: bool  # the interim value every laptop shows
    written_by: str | None  # the account, when known
    laptop: str  # the laptop it was written on (its id)
    written_at: datetime | None


@dataclass(frozen=True, slots=True)
class ConflictView:
    conflict_id: str
    case_number: str | None
    table: str
    field: str
    what: str  # the table and field in words
    found_at: str
    values: tuple[ConflictValue, ...]


def conflict_id(table: str, row_id: str, field: str) -> str:
    """The same short id on every laptop."""
    return hashlib.sha256(f"{table}\n{row_id}\n{field}".encode()).hexdigest()[:8]


def value_id(version: Version) -> str:
    return hashlib.sha256(f"{version[0]}\n{version[1]}".encode()).hexdigest()[:6]


def describe(table: str, field: str) -> str:
    """'Phone of the survivor's profile'."""
    words, entity = _TABLES.get(table, (table.replace("_", " "), ""))
    try:
        label = catalog.spec(f"{entity}.{field}").label
    except KeyError:
        label = field.replace("_", " ").capitalize()
    return f"{label} of the {words}"


def _what(conflict: Conflict) -> str:
    """The conflict's field in words; a program setting by its own name (its row's key)."""
    if conflict.table == "program_settings":
        return f"{conflict.row_id.replace('_', ' ').capitalize()} of the program settings"
    return describe(conflict.table, conflict.field)


def _visible(session: Session, found: list[Conflict]) -> list[tuple[Conflict, str | None]]:
    """The conflicts this account may see, with their case numbers."""
    survivors = SurvivorRepository(session.conn)
    shown: list[tuple[Conflict, str | None]] = []
    for conflict in found:
        case = None if conflict.survivor_id is None else survivors.by_id(conflict.survivor_id)
        if case is None:
            if session.account.role is Role.SUPERVISOR and conflict.survivor_id is None:
                shown.append((conflict, None))
            continue
        if session.account.role is Role.SUPERVISOR or access.owns(session, case):
            shown.append((conflict, case.case_number))
    return shown


def _may_see_values(session: Session, conflict: Conflict) -> bool:
    """Whether this account may read the field: a case's fields are its full readers' (its
    case manager and supervisors), the rest supervisors' (whom `_visible` limits it to)."""
    if session.account.role is Role.SUPERVISOR:
        return True
    return conflict.survivor_id is not None and session.account.role is Role.CASE_MANAGER


def _values(session: Session, conflict: Conflict) -> tuple[ConflictValue, ...]:
    replica = ReplicaRepository(session.conn)
    spec = BY_TABLE[conflict.table]
    shown = _may_see_values(session, conflict)
    version, actor = replica.writer(conflict.table, conflict.row_id, conflict.field)
    current = replica.read(spec, conflict.row_id, conflict.field)

    def one(version: Version, value: Any, actor: str | None, is_current: bool) -> ConflictValue:
        return ConflictValue(value_id(version), value if shown else None, shown, is_current,
                             actor, version[1],
                             # A value from before capture, or from before settings
                             # travelled (schema 26), has no time worth showing.
                             None if version[0] <= PRE_UPGRADE_HLC
                             else hlc.wall_time(version[0]))

    waiting = sorted(replica.heads(conflict.table, conflict.row_id, conflict.field),
                     key=lambda h: h.version, reverse=True)
    return (one(version, current, actor, True),
            *(one(h.version, h.value, h.actor, False) for h in waiting))


def _views(session: Session) -> list[ConflictView]:
    capture.flush(session.conn)  # an edit here may have settled one
    found = ReplicaRepository(session.conn).conflicts()
    return [ConflictView(conflict_id(c.table, c.row_id, c.field), case, c.table, c.field,
                         _what(c), c.found_at, _values(session, c))
            for c, case in _visible(session, found)]


def waiting(session: Session) -> list[ConflictView]:
    """The conflicts waiting that this account may settle: a supervisor's all, a case
    manager's those of their own cases; none for a coordinator (refused)."""
    session.require("listing sync conflicts", Role.SUPERVISOR, Role.CASE_MANAGER)
    views = _views(session)
    if views:
        session.audit("conflict.list", None, shown=len(views))
    return views


def count(session: Session) -> int:
    """How many conflicts wait for this account (0 for a coordinator, without refusing)."""
    if session.account.role is Role.COORDINATOR:
        return 0
    return len(_visible(session, ReplicaRepository(session.conn).conflicts()))


def resolve(session: Session, conflict: str, *, keep: str | None = None,
            value: str | None = None) -> ConflictView:
    """Settle a conflict by keeping one of its values (`keep`, a value id) or with a new
    value (`value`, for free-text fields); returns the conflict as it was."""
    session.require("settling a sync conflict", Role.SUPERVISOR, Role.CASE_MANAGER)
    if (keep is None) == (value is None):
        raise UsageError("settle a conflict either by keeping a value or with a new value")
    with session.changing():
        views = {v.conflict_id: v for v in _views(session)}
        view = views.get(conflict.strip().lower())
        if view is None:
            raise NotFoundError(f"there is no conflict {conflict!r} waiting for you")
        if keep is not None:
            chosen = next((v for v in view.values if v.value_id == keep.strip().lower()), None)
            if chosen is None:
                raise NotFoundError(f"conflict {view.conflict_id} has no value {keep!r}")
            new_value = _read_value(session, view, chosen)
        else:
            assert value is not None
            new_value = _typed_value(view, value)
        row_id = _row_of(session, view)
        # What the other laptops would refuse on arrival is refused here (a case manager
        # does not settle which case manager a case belongs to).
        settlement = Change(0, 0, session.account.name, view.table, row_id, "update",
                            view.field, new_value, (ORIGIN, ORIGIN))
        reason = rules.refusal(settlement, session.account.role)
        if reason is not None:
            session.deny("settling a sync conflict", view.case_number,
                         f"settling this conflict is not for you: {reason}")
        settle.settle(session.conn, view.table, row_id, view.field, new_value,
                      session.account.name)
        session.audit("conflict.resolve", view.case_number, table=view.table,
                      field=view.field, conflict=view.conflict_id,
                      kept=keep.strip().lower() if keep is not None else "new value")
    return view


def _row_of(session: Session, view: ConflictView) -> str:
    for c in ReplicaRepository(session.conn).conflicts():
        if conflict_id(c.table, c.row_id, c.field) == view.conflict_id:
            return c.row_id
    raise NotFoundError("that conflict was settled meanwhile")  # pragma: no cover


def _read_value(session: Session, view: ConflictView, chosen: ConflictValue) -> Any:
    """The chosen value itself (read again: a hidden value is not in the view)."""
    replica = ReplicaRepository(session.conn)
    row_id = _row_of(session, view)
    if chosen.current:
        return replica.read(BY_TABLE[view.table], row_id, view.field)
    head = next(h for h in replica.heads(view.table, row_id, view.field)
                if value_id(h.version) == chosen.value_id)
    return head.value


def _typed_value(view: ConflictView, text: str) -> str:
    if view.field not in FREE_TEXT.get(view.table, frozenset()):
        raise UsageError(f"{describe(view.table, view.field)} is not free text: keep one of the "
                         "values waiting (--keep VALUE_ID), then change it in the record")
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise ValidationError({view.field: f"is longer than {MAX_TEXT} characters"})
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise ValidationError({view.field: "holds control characters"})
    if not text:
        raise ValidationError({view.field: "is empty: keep one of the values waiting instead"})
    return text


def laptop_names(session: Session) -> dict[str, str]:
    """Laptop id -> the name it was enrolled under (this one: 'this laptop')."""
    repo = SyncRepository(session.conn)
    names = {lt.laptop_id: lt.name or lt.laptop_id[:8] for lt in repo.laptops()}
    names[repo.identity().laptop_id] = "this laptop"
    return names
