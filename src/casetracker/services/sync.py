"""Team use for an unlocked session: starting or joining a program, trusting the other
laptops, and one exchange with the shared folder.

Starting, joining and trusting a laptop are a supervisor's; any account may run an exchange
(the desktop application will run one every few minutes for whoever is signed in). Each is
audited with counts only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.errors import AlreadyExistsError, UsageError
from casetracker.services import team_accounts
from casetracker.services.session import Session
from casetracker.storage.replica_repo import Conflict, ReplicaRepository
from casetracker.storage.survivors_repo import SurvivorRepository
from casetracker.storage.sync_repo import Program, SyncRepository
from casetracker.sync import capture, exchange, keys
from casetracker.sync.exchange import RoundReport


@dataclass(frozen=True, slots=True)
class LaptopIdentity:
    """What another laptop needs to trust this one's bundles."""

    laptop_id: str
    verify_key: bytes


def start_program(session: Session) -> Program:
    """Make this laptop the first of a new team program; its records are captured once."""
    session.require("starting team use", Role.SUPERVISOR)
    with session.changing():
        if SyncRepository(session.conn).program() is not None:
            raise AlreadyExistsError("this laptop already belongs to a team program")
        program = keys.new_program(clock.now_iso())
        rows = keys.join(session.conn, program, session.account.name)
        session.audit("sync.start", None, program=program.program_id, rows=rows)
    return program


def join_program(session: Session, program: Program) -> None:
    """Make this laptop a member of `program`, whose key it has been given. Enrollment will
    call this after opening the sealed key; tests call it to make laptops of one program."""
    session.require("joining a team program", Role.SUPERVISOR)
    with session.changing():
        if SyncRepository(session.conn).program() is not None:
            raise AlreadyExistsError("this laptop already belongs to a team program")
        rows = keys.join(session.conn, program, session.account.name)
        session.audit("sync.join", None, program=program.program_id, rows=rows)


def program(session: Session) -> Program:
    """The program this laptop belongs to, keys included (for enrollment; supervisors)."""
    session.require("reading the team program's keys", Role.SUPERVISOR)
    found = SyncRepository(session.conn).program()
    if found is None:
        raise UsageError("this laptop has not joined a team program")
    return found


def identity(session: Session) -> LaptopIdentity:
    laptop_id, verify_key = keys.public_identity(session.conn)
    return LaptopIdentity(laptop_id, verify_key)


def trust_laptop(session: Session, laptop: LaptopIdentity, name: str = "") -> None:
    """Accept bundles signed by `laptop` (enrollment will bring these; supervisors)."""
    session.require("adding a laptop to the team", Role.SUPERVISOR)
    if laptop.laptop_id == identity(session).laptop_id:
        raise UsageError("a laptop does not need to trust itself")
    with session.changing():
        keys.add_laptop(session.conn, laptop.laptop_id, laptop.verify_key, name)
        session.audit("sync.trust_laptop", None, laptop=laptop.laptop_id)


def sync_folder(session: Session, folder: Path) -> RoundReport:
    """One exchange: send this laptop's new changes into `folder`, apply the others'."""
    session.require("syncing with the team")
    report = exchange.run_round(session.conn, folder)
    if report.received:  # accounts added, changed or removed elsewhere take effect here
        team_accounts.adopt(session)
    # An exchange that moved nothing is not worth a line of the trail (the desktop runs one
    # every few minutes).
    if report.sent_bundles or report.received or report.refused:
        session.audit("sync.round", None, sent_bundles=report.sent_bundles,
                      sent_changes=report.sent_changes, received=dict(report.received),
                      dropped=report.dropped, conflicts=report.open_conflicts,
                      waiting=len(report.waiting), refused=len(report.refused))
    return report


def conflicts(session: Session) -> list[Conflict]:
    """Conflicts waiting to be settled that this account may settle: a supervisor's all, a
    case manager's those of their own cases."""
    session.require("listing sync conflicts", Role.SUPERVISOR, Role.CASE_MANAGER)
    capture.flush(session.conn)  # an edit here may have settled one
    found = ReplicaRepository(session.conn).conflicts()
    if session.account.role is Role.SUPERVISOR:
        return found
    survivors = SurvivorRepository(session.conn)
    return [c for c in found if c.survivor_id is not None
            and (case := survivors.by_id(c.survivor_id)) is not None
            and case.assigned_to == session.account.name]


def content_digest(session: Session) -> str:
    """A digest of the replicated records: equal on laptops that hold the same content."""
    session.require("comparing team content")
    return ReplicaRepository(session.conn).digest()
