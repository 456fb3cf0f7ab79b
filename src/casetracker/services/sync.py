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
from casetracker.storage.replica_repo import ReplicaRepository
from casetracker.storage.repositories import SettingsRepository
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
    from casetracker.services import devices

    # Before anything is read: a laptop that joins after its week is refused here.
    expired = devices.expire_unused(session)
    before = _revoked(session)
    team_accounts.publish_signing_key(session)
    report = exchange.run_round(session.conn, folder)
    report.expired = expired
    if report.received:  # accounts added, changed or removed elsewhere take effect here
        team_accounts.adopt(session)
    after = _revoked(session)
    if after != before:
        _rotate_after_revocations(session, before, after)
    # An exchange that moved nothing is not worth a line of the trail (the desktop runs one
    # every few minutes).
    if report.sent_bundles or report.received or report.refused:
        session.audit("sync.round", None, sent_bundles=report.sent_bundles,
                      sent_changes=report.sent_changes, received=dict(report.received),
                      dropped=report.dropped, conflicts=report.open_conflicts,
                      waiting=len(report.waiting), refused=len(report.refused))
    return report


@dataclass(frozen=True, slots=True)
class LaptopStatus:
    """Another laptop as this one knows it."""

    laptop_id: str
    name: str
    applied_seq: int  # its changes applied here, up to this sequence number
    last_heard: str | None  # when its last bundle was applied here
    revoked_at: str | None
    in_folder: int | None  # the last sequence number of its bundles in the folder


@dataclass(frozen=True, slots=True)
class SyncStatus:
    laptop_id: str
    sent_seq: int  # this laptop's changes written into bundles, up to this number
    unsent: int  # changes made here not yet in a bundle
    laptops: tuple[LaptopStatus, ...]
    # Of the replicated content: equal on laptops that saw the same bundles (None when not
    # asked for: it reads every replicated row, seconds at 50,000 survivors).
    digest: str | None


def status(session: Session, folder: Path | None = None, *,
           digest: bool = True) -> SyncStatus:
    """Where this laptop stands: what it sent, what it applied of each other laptop (and,
    given the folder, what is there), and (unless `digest` is False) a digest of the
    replicated content."""
    session.require("reading the team's sync status")
    repo = SyncRepository(session.conn)
    if repo.program() is None:
        raise exchange.NotInProgramError("this laptop has not joined a team program yet")
    capture.flush(session.conn)
    identity = repo.identity()
    laptops = tuple(LaptopStatus(
        lt.laptop_id, lt.name, lt.applied_seq, lt.last_heard, lt.revoked_at,
        None if folder is None else exchange.last_in_folder(folder, lt.laptop_id))
        for lt in repo.laptops())
    return SyncStatus(identity.laptop_id, identity.bundled_seq, repo.pending_count(), laptops,
                      ReplicaRepository(session.conn).digest() if digest else None)


def _revoked(session: Session) -> frozenset[str]:
    return frozenset(lt.laptop_id for lt in SyncRepository(session.conn).laptops()
                     if lt.revoked_at is not None)


def _rotate_after_revocations(session: Session, before: frozenset[str],
                              after: frozenset[str]) -> None:
    """A revocation made elsewhere arrived (or one was taken back): a new sync key, sealed to
    the laptops that remain, so that a key made concurrently by another revoking laptop
    (sealed to a laptop revoked here) is not the one written with from now on."""
    repo = SyncRepository(session.conn)
    remaining = {lt.laptop_id: lt.box_public for lt in repo.laptops()
                 if lt.revoked_at is None and lt.box_public}
    with session.changing():
        made = keys.rotate(session.conn, {k: v for k, v in remaining.items() if v})
        session.audit("sync.key_rotated", None, key=made.key_id, revoked=len(after - before),
                      restored=len(before - after), remaining=len(remaining))


def content_digest(session: Session) -> str:
    """A digest of the replicated records: equal on laptops that hold the same content."""
    session.require("comparing team content")
    return ReplicaRepository(session.conn).digest()


# This laptop's sync folder, in its settings (which stay on each laptop): a path, no case data.
FOLDER_SETTING = "sync.folder"


def in_program(session: Session) -> bool:
    """Whether this laptop has joined a team program."""
    return SyncRepository(session.conn).program() is not None


def folder_setting(session: Session) -> Path | None:
    """The sync folder set for this laptop, if any."""
    session.require("reading the sync folder")
    stored = SettingsRepository(session.conn).all().get(FOLDER_SETTING) or ""
    return Path(stored) if stored else None


def set_folder_setting(session: Session, folder: Path | None) -> None:
    """Set (or clear, with None) the folder this laptop syncs through; any account, since it
    is this laptop's own. The folder must exist."""
    session.require("setting the sync folder")
    if folder is not None and not folder.is_dir():
        raise UsageError(f"the sync folder {folder} does not exist or is not a folder")
    if folder_setting(session) == folder:
        return
    with session.changing():
        SettingsRepository(session.conn).set(FOLDER_SETTING, "" if folder is None
                                             else str(folder))
        session.audit("sync.folder", None, set=folder is not None)


def sync_now(session: Session) -> RoundReport:
    """One exchange with the folder set for this laptop."""
    folder = folder_setting(session)
    if folder is None:
        raise UsageError("no sync folder is set for this laptop (Settings)")
    if not folder.is_dir():
        raise UsageError(f"the sync folder {folder} cannot be reached (a USB stick not in, "
                         "a share not mounted?)")
    return sync_folder(session, folder)
