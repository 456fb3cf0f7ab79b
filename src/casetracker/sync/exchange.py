"""One exchange with the shared folder: write this laptop's new changes as bundles, then
apply the other laptops' bundles that are ready.

The folder holds one sub-folder per laptop, named by its id, with its bundles
`<first>-<last>.ctsync`; a laptop writes only into its own. Names that do not match (such as
Syncthing's `.syncthing.*.tmp` files while it copies) are not read. A laptop's bundles are
applied in sequence order, each after the bundles of other laptops that its author had
applied (the header's `requires`), so every change arrives after the changes it saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.errors import CaseTrackerError
from casetracker.security.atomic import atomic_write
from casetracker.storage.connection import Connection, transaction
from casetracker.storage.migrations import schema_version
from casetracker.storage.replica_repo import ReplicaRepository
from casetracker.storage.sync_repo import Change, Identity, Laptop, Program, SyncRepository
from casetracker.sync import bundle, capture, keys, rules, signatures
from casetracker.sync.apply import ApplyError, apply_bundle

BUNDLE_FILE = re.compile(r"^([1-9][0-9]{0,17})-([1-9][0-9]{0,17})\.ctsync$")
# What Syncthing calls a bundle while it is still copying it: never read, but reported when
# it is the bundle an exchange waits for.
COPYING_FILE = re.compile(r"^(?:\.syncthing\.|~syncthing~)(.*)\.tmp$")
# Changes per bundle: a bundle is read into memory whole, and applied in one transaction.
MAX_CHANGES = 10_000
# And bytes of scans per bundle: a scan (at most 10 MiB) travels hex-encoded before
# compression, and a reader refuses a file over `bundle.MAX_BUNDLE_BYTES` (256 MiB), so a week of
# scans sent at once must be split, not written as one file every laptop refuses.
MAX_SCAN_BYTES_PER_BUNDLE = 64 * 1024 * 1024


class NotInProgramError(CaseTrackerError):
    """This laptop has not joined a team program (it has no sync key)."""


class IdentityTakenError(CaseTrackerError):
    """The folder holds bundles under this laptop's id that this laptop did not write."""


@dataclass
class RoundReport:
    """What one exchange did, in counts and messages that hold no record's value."""

    sent_bundles: int = 0
    sent_changes: int = 0
    received: dict[str, int] = field(default_factory=dict)  # laptop id -> changes applied
    dropped: int = 0
    new_conflicts: int = 0
    open_conflicts: int = 0
    waiting: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: bundles sent, changes received per laptop, conflicts waiting."""
        sent = (f"sent {self.sent_bundles} bundle{_s(self.sent_bundles)} "
                f"({self.sent_changes} change{_s(self.sent_changes)})")
        total = sum(self.received.values())
        received = f"received {total} change{_s(total)}"
        if self.received:
            received += " (" + ", ".join(f"laptop {laptop[:8]}: {n}" for laptop, n in
                                         sorted(self.received.items())) + ")"
        waiting = f"{self.open_conflicts} conflict{_s(self.open_conflicts)} waiting"
        return f"{sent}; {received}; {waiting}"


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _program(repo: SyncRepository) -> Program:
    program = repo.program()
    if program is None:
        raise NotInProgramError("this laptop has not joined a team program yet")
    return program


def run_round(conn: Connection, folder: Path) -> RoundReport:
    """Write this laptop's new changes into `folder`, then apply the others' bundles."""
    if not folder.is_dir():
        raise NotADirectoryError(f"the sync folder {folder} does not exist")
    report = RoundReport()
    report.sent_bundles, report.sent_changes = write_bundles(conn, folder)
    read_bundles(conn, folder, report)
    report.open_conflicts = ReplicaRepository(conn).conflict_count()
    return report


# -- writing -------------------------------------------------------------------------------

def write_bundles(conn: Connection, folder: Path) -> tuple[int, int]:
    """Write every change not yet sent, one bundle per `MAX_CHANGES`; (bundles, changes)."""
    repo = SyncRepository(conn)
    program = _program(repo)
    capture.flush(conn)
    own = folder / repo.identity().laptop_id
    own.mkdir(exist_ok=True)
    bundles = changes_sent = 0
    while True:
        with transaction(conn):
            identity = _adopt_written(repo, own, program)
            changes = _within_size(repo.pending(identity.bundled_seq, MAX_CHANGES))
            if not changes:
                return bundles, changes_sent
            first, last = identity.bundled_seq + 1, changes[-1].seq
            requires = {lt.laptop_id: lt.applied_seq for lt in repo.laptops()
                        if lt.applied_seq}
            data = bundle.seal(changes, program=program, laptop_id=identity.laptop_id,
                               signing_key=identity.signing_key, first=first, last=last,
                               schema=schema_version(conn), previous=identity.bundled_hash,
                               requires=requires,
                               grant=keys.grant_of(conn, program.key_id),
                               attestations=signatures.for_bundle(conn, changes),
                               signed_from=signatures.signed_from(conn))
            atomic_write(own / bundle.bundle_name(first, last), data)
            repo.mark_bundled(last, bundle.file_hash(data))
            signatures.forget_sent(conn, last)
        bundles += 1
        changes_sent += len(changes)


def _blob_bytes(change: Change) -> int:
    values = change.value.values() if isinstance(change.value, dict) else [change.value]
    return sum(len(v) for v in values if isinstance(v, bytes))


def _within_size(changes: list[Change]) -> list[Change]:
    """The first of `changes` whose scans fit in one bundle (always at least one)."""
    total = 0
    for index, change in enumerate(changes):
        total += _blob_bytes(change)
        if total > MAX_SCAN_BYTES_PER_BUNDLE and index:
            return changes[:index]
    return changes


def _adopt_written(repo: SyncRepository, own: Path, program: Program) -> Identity:
    """Take as sent the bundles this laptop wrote and then failed to record (a crash
    between writing the file and committing): their changes are already in the folder."""
    identity = repo.identity()
    me = Laptop(identity.laptop_id, "", identity.verify_key, 0, "", None, None)
    while True:
        found = [p for p in _bundles(own) if p[0] == identity.bundled_seq + 1]
        adopted = False
        for _first, _last, path in found:
            try:
                verified = bundle.verify(path.read_bytes(), folder_laptop=me.laptop_id,
                                         name=path.name, program=program,
                                         laptop_of=lambda _id: me, schema=1 << 30)
            except CaseTrackerError:
                continue
            if verified.header.previous == identity.bundled_hash:
                if not _written_here(repo, program, verified, identity.bundled_seq):
                    raise IdentityTakenError(
                        "the sync folder already holds bundles signed as this laptop that "
                        "this laptop did not write: another laptop joined with the same "
                        "enrollment file (or is a copy of this database). Nothing was sent. "
                        "Ask a supervisor to revoke this laptop and enroll it again")
                repo.mark_bundled(verified.header.last, verified.hash)
                identity = repo.identity()
                adopted = True
                break
        if not adopted:
            return identity


def _written_here(repo: SyncRepository, program: Program, verified: bundle.Verified,
                  bundled_seq: int) -> bool:
    """Whether a bundle signed as this laptop holds the changes this laptop has waiting to
    be sent (it wrote the file and then failed to record it). Changes dropped since (a
    purge drops a purged case's waiting changes) are not compared, but their numbers must
    be ones this laptop gave out."""
    key = program.key_for(verified.header.key_id)
    if key is None:
        return False
    try:
        changes = bundle.open_body(verified, key)
    except CaseTrackerError:
        return False

    def shape(c: Change) -> tuple[object, ...]:
        return c.seq, c.hlc, c.actor, c.table, c.row_id, c.op, c.field

    mine = {c.seq: shape(c) for c in repo.pending(bundled_seq, len(changes))}
    if any(c.seq in mine and mine[c.seq] != shape(c) for c in changes):
        return False
    return verified.header.last <= repo.last_seq_given()


# -- reading -------------------------------------------------------------------------------

def _bundles(folder: Path) -> list[tuple[int, int, Path]]:
    """The bundle files in one laptop's folder, by sequence range."""
    found = []
    for path in folder.iterdir():
        match = BUNDLE_FILE.match(path.name)
        if match and path.is_file():
            found.append((int(match[1]), int(match[2]), path))
    return sorted(found)


def last_in_folder(folder: Path, laptop_id: str) -> int:
    """The last sequence number of the bundles of `laptop_id` in the sync folder (0: none)."""
    path = folder / laptop_id
    return max((last for _first, last, _path in _bundles(path)), default=0) \
        if path.is_dir() else 0


def read_bundles(conn: Connection, folder: Path, report: RoundReport) -> None:
    """Apply every bundle of the other laptops that is ready, laptop by laptop, until none
    is; note in `report` what waits and what was refused."""
    repo = SyncRepository(conn)
    program = _program(repo)
    own = repo.identity().laptop_id
    folders = sorted(p for p in folder.iterdir()
                     if p.is_dir() and not p.name.startswith(".") and p.name != own)
    blocked: dict[str, list[str]] = {}
    progress = True
    while progress:
        progress = False
        blocked.clear()
        # Asked again each pass: a bundle just applied may have enrolled a laptop.
        known = {lt.laptop_id for lt in repo.laptops()}
        for path in folders:
            if path.name in known and _next_bundle(conn, path, program, own, report,
                                                   blocked.setdefault(path.name, [])):
                progress = True
    for path in folders:
        if path.name not in known and _bundles(path):
            report.refused.append(f"{path.name}: bundles from a laptop this one does not "
                                  "know (not enrolled in this program, or its enrollment "
                                  "has not arrived yet); not read")
    for messages in blocked.values():
        for message in messages:
            (report.refused if message.startswith("refused ") else report.waiting).append(
                message.removeprefix("refused "))


def _next_bundle(conn: Connection, folder: Path, program: Program, own: str,
                 report: RoundReport, blocked: list[str]) -> bool:
    """Apply the laptop's next bundle if it is there and ready; True if one was applied."""
    repo = SyncRepository(conn)
    laptop = repo.laptop(folder.name)
    assert laptop is not None
    files = _bundles(folder)
    expected = laptop.applied_seq + 1
    for first, last, path in files:
        if first <= laptop.applied_seq < last:
            blocked.append(f"refused {folder.name}/{path.name}: it overlaps bundles already "
                           "applied from that laptop")
    candidates = [(first, last, path) for first, last, path in files if first == expected]
    if not candidates:
        later = [first for first, _last, _path in files if first > expected]
        if later:
            blocked.append(f"{folder.name}: waiting for its changes {expected}-{min(later) - 1}"
                           " (a bundle not yet in the folder)")
        copying = sorted(p.name for p in folder.iterdir()
                         if (m := COPYING_FILE.match(p.name)) and (b := BUNDLE_FILE.match(m[1]))
                         and int(b[1]) == expected)
        if copying:
            blocked.append(f"{folder.name}: waiting for {copying[0]}, a file still being "
                           "copied into the folder (not read until it is complete)")
        return False
    for _first, _last, path in candidates:
        where = f"{folder.name}/{path.name}"
        try:
            # The keys held now: a bundle applied earlier in this exchange may have given one.
            verified = bundle.verify(path.read_bytes(), folder_laptop=folder.name,
                                     name=path.name, program=repo.program() or program,
                                     laptop_of=repo.laptop,
                                     schema=schema_version(conn))
            header = verified.header
            if header.previous != laptop.applied_hash:
                raise bundle.BundleRefusedError("it does not follow the last bundle applied from "
                                                "that laptop (reordered, or a forked history)")
            # A revoked laptop's changes are not waited for: those not applied here never
            # will be (a laptop that applied them before it learned of the revocation still
            # sends on).
            missing = sorted(other for other, seq in header.requires.items()
                             if other != own and _applied(repo, other) < seq
                             and not _revoked(repo, other))
            if missing:
                raise bundle.BundleWaitingError("it needs changes of laptop(s) "
                                                f"{', '.join(m[:8] for m in missing)} "
                                         "not yet applied here")
            unsigned_before = _signed_from(conn, folder, verified, program)
            changes, attestations = bundle.open_contents(
                verified, _key_of(conn, program, verified, laptop))
            try:
                applied = apply_bundle(conn, folder.name, changes, last_seq=header.last,
                                       bundle_hash=verified.hash, at=clock.now_iso(),
                                       attestations=attestations, program_id=header.program,
                                       unsigned_before=unsigned_before or 0)
            except signatures.SignatureRefusedError as exc:
                if header.format == bundle.UNSIGNED_FORMAT and unsigned_before is None:
                    raise bundle.BundleWaitingError(
                        "it was written without its accounts' signatures, by an older Case "
                        "Tracker; it waits until that laptop is updated") from None
                raise bundle.BundleRefusedError(str(exc)) from None
        except (bundle.BundleWaitingError, rules.ActorUnknownError) as exc:
            blocked.append(f"{where}: waits: {exc}")
            continue
        except (bundle.BundleRefusedError, ApplyError, rules.RoleRefusedError) as exc:
            blocked.append(f"refused {where}: {exc}")
            continue
        report.received[folder.name] = report.received.get(folder.name, 0) + applied.changes
        report.dropped += applied.dropped
        report.new_conflicts += applied.conflicts
        return True
    return False


def _key_of(conn: Connection, program: Program, verified: bundle.Verified,
            sender: Laptop) -> bytes:
    """The sync key a bundle is sealed under: one held, or one its header grants."""
    header = verified.header
    key = SyncRepository(conn).program() or program
    found = key.key_for(header.key_id)
    if found is None:
        found = keys.open_grant(conn, program, header.key_id, header.grant, sender)
    if found is None:
        raise bundle.BundleWaitingError("it is sealed under a sync key this laptop was not "
                                        "given (a laptop revoked from the program is never "
                                        "given the keys made after)")
    return found


def _signed_from(conn: Connection, folder: Path, verified: bundle.Verified,
                 program: Program) -> int | None:
    """The laptop's first change that carries its account's signature (the changes before
    it travel on the laptop's signature alone), if known: recorded from an earlier bundle,
    declared by this one, or by a later one already in the folder (a laptop's bundles written
    before schema 25 declare nothing). A laptop cannot change what it declared."""
    repo = SyncRepository(conn)
    header = verified.header
    recorded = repo.laptop_signed_from(header.laptop)
    if header.signed_from:
        if recorded is not None and recorded != header.signed_from:
            raise bundle.BundleRefusedError("it moves the laptop's first signed change "
                                            "(a forged or replayed history)")
        if recorded is None:
            repo.set_laptop_signed_from(header.laptop, header.signed_from)
        return header.signed_from
    if recorded is not None:
        return recorded
    for first, _last, path in _bundles(folder):
        if first <= header.last:
            continue
        try:
            later = bundle.verify(path.read_bytes(), folder_laptop=folder.name,
                                  name=path.name, program=program,
                                  laptop_of=repo.laptop, schema=1 << 30)
        except CaseTrackerError:
            continue
        if later.header.signed_from:
            repo.set_laptop_signed_from(header.laptop, later.header.signed_from)
            return later.header.signed_from
    return None


def _revoked(repo: SyncRepository, laptop_id: str) -> bool:
    laptop = repo.laptop(laptop_id)
    return laptop is not None and laptop.revoked_at is not None


def _applied(repo: SyncRepository, laptop_id: str) -> int:
    laptop = repo.laptop(laptop_id)
    return 0 if laptop is None else laptop.applied_seq
