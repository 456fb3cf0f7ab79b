"""The laptops of a team program: enrolling one, joining with an enrollment file, listing
them, revoking one.

Enrolling (a supervisor, on a laptop of the program; the first enrollment starts the program)
writes a file sealed under a one-time code (`security.enrollment_file`) holding the program,
its sync keys, the laptops' public keys, the identity assigned to the new laptop and the
accounts as they unlock (public key and passphrase-wrapped private key). The others learn the
new laptop from a `team_laptops` row that travels in the enrolling laptop's signed bundles.

Joining makes the new laptop's own database: its own random data key, sealed to every
account's public key, so each account unlocks there with its usual passphrase. All laptops
of a program share the key slots' vault id and the key that signs sealed data keys (both
travel in the file): a slot wrapped on one laptop then opens on every other.

An enrollment file expires `ENROLLMENT_DAYS` after it was made, by the program clock of the
laptop that made it (the time is inside the file, under the code); joining refuses it after
that. A file is used once: this operating-system account keeps the ids of the files it joined
with (a second join with the same file is refused here), and a laptop that joined with a file
another laptop already used is refused at its first exchange (`sync.exchange`), since the
folder then holds bundles under its id that it did not write.

Revoking marks the laptop revoked (the mark travels, signed, and every laptop refuses its
bundles from then on) and rotates the sync key to the remaining laptops only.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from casetracker.domain import clock
from casetracker.domain.accounts import Account, Role
from casetracker.domain.errors import (
    AlreadyExistsError,
    CaseTrackerError,
    NotFoundError,
    UsageError,
)
from casetracker.security import audit_chain, enrollment_file, envelope, keyslots
from casetracker.security.atomic import atomic_write
from casetracker.security.enrollment_file import EnrollmentFileError
from casetracker.security.kdf import PRODUCTION, KdfParams
from casetracker.security.keyslots import AuditHead, KeyFile, KeySlot
from casetracker.services import keyring, team_accounts
from casetracker.services.session import Session, VaultPaths, append_audit, fingerprint
from casetracker.storage import connection as db
from casetracker.storage.repositories import MetaRepository, UserRepository
from casetracker.storage.sync_repo import Identity, Program, SyncKey, SyncRepository
from casetracker.storage.team_repo import TeamLaptop, TeamRepository
from casetracker.sync import capture, keys

FIRST_LAPTOP = "first laptop"
ENROLLMENT_DAYS = 7
USED_STORE_NAME = "used-enrollments"
_NAME = re.compile(r"^[^\x00-\x1f\x7f]{1,40}$")


@dataclass(frozen=True, slots=True)
class Enrolled:
    laptop_id: str
    name: str
    code: str  # shown once; never stored
    started_program: bool


@dataclass(frozen=True, slots=True)
class Joined:
    laptop_id: str
    name: str
    program_id: str
    accounts: list[str]


@dataclass(frozen=True, slots=True)
class DeviceRow:
    laptop_id: str
    name: str
    this_laptop: bool
    last_heard: str | None
    revoked_at: str | None


@dataclass(frozen=True, slots=True)
class Revoked:
    laptop_id: str
    name: str
    key_id: str
    not_given: list[str]  # remaining laptops without an X25519 key, left without the new key


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _bytes(text: Any, length: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    raw = base64.b64decode(text, validate=True)
    if length is not None and len(raw) != length:
        raise ValueError("wrong length")
    return raw


def laptop_name(name: str) -> str:
    name = name.strip()
    if not _NAME.fullmatch(name):
        raise UsageError("a laptop's name is 1 to 40 characters, without control characters")
    return name


# -- enrolling -----------------------------------------------------------------------------

def enroll(session: Session, name: str, out: Path, *, this_laptop: str | None = None,
           kdf: KdfParams | None = None) -> Enrolled:
    """Enroll a new laptop named `name`: write its enrollment file to `out` and return the
    one-time code that opens it. On a laptop not yet in a program, this starts one (the
    laptop becomes the program's first, named `this_laptop` or 'first laptop')."""
    session.require("enrolling a laptop", Role.SUPERVISOR)
    name = laptop_name(name)
    if out.exists():
        raise AlreadyExistsError(f"{out} already exists; refusing to overwrite it")
    conn, repo, team = session.conn, SyncRepository(session.conn), TeamRepository(session.conn)
    started = False
    with session.changing():
        if repo.program() is None:
            program = keys.new_program(clock.now_iso())
            rows = keys.join(conn, program, session.account.name)
            session.audit("sync.start", None, program=program.program_id, rows=rows)
            started = True
        me = repo.identity()
        if this_laptop is not None or not me.name:
            repo.set_name(laptop_name(this_laptop or me.name or FIRST_LAPTOP))
            me = repo.identity()
        if team.laptop(me.laptop_id) is None:
            team.add(TeamLaptop(me.laptop_id, me.name, me.verify_key, me.box_public,
                                clock.now_iso(), None, None, None))
        taken = {lt.name.casefold() for lt in repo.laptops() if lt.revoked_at is None}
        if name.casefold() in taken | {me.name.casefold()}:
            raise UsageError(f"a laptop of this program is already named {name!r}; "
                             "choose another name")
        signing_key, verify_key = envelope.new_signing_key()
        box_private, box_public = envelope.new_key_pair()
        new = Identity(uuid.uuid4().hex, signing_key, verify_key, 0, "", name, box_private,
                       box_public)
        team.add(TeamLaptop(new.laptop_id, name, verify_key, box_public, clock.now_iso(),
                            me.laptop_id, None, None))
        code = enrollment_file.new_code()
        expires = (clock.now() + timedelta(days=ENROLLMENT_DAYS)).isoformat(
            timespec="milliseconds")
        data = enrollment_file.seal(_payload(session, new), code,
                                    kdf or (session.kdf if session.kdf.costs_less_than(
                                        PRODUCTION) else PRODUCTION), expires_at=expires)
        team_accounts.publish(session)  # the accounts travel from now on
        team_accounts.publish_recovery(session)  # and the recovery key that vouches for them
        session.audit("device.enroll", None, laptop=new.laptop_id, name=name)
        atomic_write(out, data)  # inside the transaction: a failed write enrolls nothing
    return Enrolled(new.laptop_id, name, code, started)


def _payload(session: Session, new: Identity) -> dict[str, Any]:
    repo = SyncRepository(session.conn)
    program = repo.program()
    assert program is not None
    me = repo.identity()
    keyfile = KeyFile.load(session.paths.keys)
    accounts = []
    for account in UserRepository(session.conn).list():
        slot = keyfile.user_slot(account.name)
        if slot is not None:
            accounts.append({"id": account.id, "name": account.name,
                             "role": account.role.value, "created_at": account.created_at,
                             "must_change": account.must_change_passphrase,
                             "slot": team_accounts.slot_text(slot)})
    recovery = keyfile.recovery_slot()
    laptops = [{"id": me.laptop_id, "name": me.name, "verify_key": _b64(me.verify_key),
                "box_public": _b64(me.box_public), "revoked_at": None}]
    laptops += [{"id": lt.laptop_id, "name": lt.name, "verify_key": _b64(lt.verify_key),
                 "box_public": None if lt.box_public is None else _b64(lt.box_public),
                 "revoked_at": lt.revoked_at}
                for lt in repo.laptops() if lt.laptop_id != new.laptop_id]
    return {
        "program": {"id": program.program_id, "current_key": program.key_id},
        "keys": [{"id": k.key_id, "key": _b64(k.sync_key), "ord": k.ord}
                 for k in repo.sync_keys()],
        "laptops": laptops,
        "you": {"id": new.laptop_id, "name": new.name, "signing_key": _b64(new.signing_key),
                "verify_key": _b64(new.verify_key), "box_private": _b64(new.box_private),
                "box_public": _b64(new.box_public)},
        "enrolled_by": {"laptop": me.laptop_id, "account": session.account.name},
        "vault": {"id": session.vault_id, "seal_signing_key": _b64(session.signing_key)},
        "accounts": accounts,
        "recovery": None if recovery is None else team_accounts.slot_text(recovery),
        "issued_at": clock.now_iso(),
        "file_id": uuid.uuid4().hex,
    }


# -- joining -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Plan:
    """An enrollment file's payload, checked."""

    program: Program
    keys: list[SyncKey]
    laptops: list[dict[str, Any]]
    you: Identity
    vault_id: str
    seal_signing_key: bytes
    accounts: list[tuple[Account, KeySlot]]
    recovery: KeySlot | None
    enrolled_by: str
    file_id: str


def _slot(data: Any) -> KeySlot:
    if not isinstance(data, str):
        raise ValueError("a slot is not text")
    return team_accounts.slot_from_text(data)


def _plan(payload: dict[str, Any]) -> _Plan:
    try:
        found = [SyncKey(str(k["id"]), _bytes(k["key"], 32), int(k["ord"]), None)
                 for k in payload["keys"]]
        current = str(payload["program"]["current_key"])
        key = next(k for k in found if k.key_id == current)
        program = Program(str(payload["program"]["id"]), key.key_id, key.sync_key,
                          clock.now_iso())
        you = payload["you"]
        identity = Identity(str(you["id"]), _bytes(you["signing_key"], 32),
                            _bytes(you["verify_key"], 32), 0, "", laptop_name(you["name"]),
                            _bytes(you["box_private"], 32), _bytes(you["box_public"], 32))
        laptops = [{"id": str(lt["id"]), "name": str(lt["name"]),
                    "verify_key": _bytes(lt["verify_key"], 32),
                    "box_public": None if lt["box_public"] is None else _bytes(
                        lt["box_public"], 32),
                    "revoked_at": lt["revoked_at"]} for lt in payload["laptops"]]
        accounts = [(Account(str(a["id"]), str(a["name"]), Role(a["role"]),
                             str(a["created_at"]), bool(a["must_change"])), _slot(a["slot"]))
                    for a in payload["accounts"]]
        recovery = None if payload["recovery"] is None else _slot(payload["recovery"])
        plan = _Plan(program, found, laptops, identity, str(payload["vault"]["id"]),
                     _bytes(payload["vault"]["seal_signing_key"], 32), accounts, recovery,
                     str(payload["enrolled_by"]["laptop"]), str(payload["file_id"]))
    except (KeyError, TypeError, ValueError, StopIteration, CaseTrackerError) as exc:
        raise EnrollmentFileError("the enrollment file's content is incomplete or malformed"
                                  ) from exc
    if not plan.accounts or not any(a.role is Role.SUPERVISOR for a, _ in plan.accounts):
        raise EnrollmentFileError("the enrollment file holds no supervisor account")
    if any(slot.kind != "user" or slot.name != account.name for account, slot in plan.accounts):
        raise EnrollmentFileError("the enrollment file's accounts do not match their key slots")
    return plan


def join(db_path: Path, data: bytes, code: str) -> Joined:
    """Make this laptop's database at `db_path` from an enrollment file and its code. Nothing
    is written unless all of it succeeds; an existing database is never touched."""
    paths = VaultPaths(db_path)
    for path in (paths.db, paths.keys, paths.wal):
        if path.exists():
            raise AlreadyExistsError(f"{path} already exists; joining makes a new database "
                                     "and never replaces one")
    _refuse_expired(enrollment_file.expires_at(data))  # before the slow derivation
    payload = enrollment_file.open_file(data, code)
    _refuse_expired(payload["expires_at"])
    plan = _plan(payload)
    used = used_store_path()
    if _used(used, plan.file_id):
        raise EnrollmentFileError("this enrollment file was already used to join a laptop; "
                                  "an enrollment file works once. Ask a supervisor to enroll "
                                  "this laptop again (a new file and code)")
    data_key = os.urandom(db.KEY_BYTES)
    from casetracker.storage.migrations import migrate

    slots: list[KeySlot] = []
    for _account, slot in plan.accounts:
        slots.append(keyslots.reseal_slot(slot, plan.vault_id, data_key, plan.seal_signing_key,
                                          as_next=False))
    if plan.recovery is not None:
        slots.append(keyslots.reseal_slot(plan.recovery, plan.vault_id, data_key,
                                          plan.seal_signing_key, as_next=False))
    paths.db.parent.mkdir(parents=True, exist_ok=True)
    conn = None
    try:
        conn = db.connect(paths.db, data_key, create=True)
        migrate(conn)
        audit_key = audit_chain.derive_audit_key(data_key, plan.vault_id)
        with db.transaction(conn):
            meta = MetaRepository(conn)
            meta.set("vault_id", plan.vault_id.encode())
            meta.set("audit_key", audit_key)
            meta.set("seal_signing_key", plan.seal_signing_key)
            if plan.recovery is not None:
                meta.set(keyring.RECOVERY_CURRENT,
                         fingerprint(plan.recovery.public_key).encode())
            users = UserRepository(conn)
            for account, slot in plan.accounts:
                users.add(account, fingerprint(slot.public_key))
            repo = SyncRepository(conn)
            repo.set_identity(plan.you)
            keys.join(conn, plan.program, None)
            for key in plan.keys:
                repo.add_sync_key(key)
            for laptop in plan.laptops:
                if laptop["id"] != plan.you.laptop_id:
                    repo.add_laptop(laptop["id"], laptop["verify_key"], laptop["name"],
                                    laptop["box_public"], laptop["revoked_at"])
            last = append_audit(conn, audit_key, None, "device.join", None, {
                "laptop": plan.you.laptop_id, "program": plan.program.program_id,
                "enrolled_by": plan.enrolled_by, "accounts": len(plan.accounts)})
        KeyFile(plan.vault_id, slots, AuditHead(last.seq, last.mac)).save(paths.keys)
        _mark_used(used, plan.file_id)
    except BaseException:
        if conn is not None:
            conn.close()
            conn = None
        for path in (paths.db, paths.wal, paths.shm, paths.keys):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        raise
    finally:
        if conn is not None:
            conn.close()
    return Joined(plan.you.laptop_id, plan.you.name, plan.program.program_id,
                  [a.name for a, _ in plan.accounts])


def _refuse_expired(expires_at: Any) -> None:
    try:
        expires = datetime.fromisoformat(str(expires_at))
        if expires.tzinfo is None:
            raise ValueError("no time zone")
    except ValueError:
        raise EnrollmentFileError("the enrollment file's expiry does not read; ask for a new "
                                  "one") from None
    if clock.now() >= expires:
        raise EnrollmentFileError(
            f"this enrollment file expired on {expires.date().isoformat()} (an enrollment "
            f"file works for {ENROLLMENT_DAYS} days); nothing was written. Ask a supervisor "
            "to enroll this laptop again (a new file and code)")


def used_store_path() -> Path:
    """The ids (hashed) of the enrollment files this operating-system account joined with,
    in its data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("CaseTracker", appauthor=False)) / USED_STORE_NAME


def _used_tag(file_id: str) -> str:
    import hashlib

    return hashlib.sha256(f"casetracker/used-enrollment/v1|{file_id}".encode()).hexdigest()


def _used(store: Path, file_id: str) -> bool:
    try:
        return _used_tag(file_id) in store.read_text("ascii").split()
    except FileNotFoundError:
        return False


def _mark_used(store: Path, file_id: str) -> None:
    store.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with store.open("a", encoding="ascii") as out:
        out.write(_used_tag(file_id) + "\n")
        out.flush()
        os.fsync(out.fileno())


# -- listing and revoking --------------------------------------------------------------------

def laptops(session: Session) -> list[DeviceRow]:
    """This laptop and the others it knows, with when each was last heard from."""
    session.require("listing the program's laptops")
    repo = SyncRepository(session.conn)
    if repo.program() is None:
        raise UsageError("this laptop is not in a team program (a supervisor starts one with "
                         "'casetracker device enroll NAME --out FILE')")
    me = repo.identity()
    rows = [DeviceRow(me.laptop_id, me.name or FIRST_LAPTOP, True, None, None)]
    rows += [DeviceRow(lt.laptop_id, lt.name, False, lt.last_heard, lt.revoked_at)
             for lt in repo.laptops()]
    return rows


def revoke(session: Session, name: str) -> Revoked:
    """Make every laptop refuse `name`'s bundles from now on, and rotate the sync key to the
    laptops that remain, so the revoked one can read nothing written after."""
    session.require("revoking a laptop", Role.SUPERVISOR)
    repo, team = SyncRepository(session.conn), TeamRepository(session.conn)
    if repo.program() is None:
        raise UsageError("this laptop is not in a team program")
    me = repo.identity()
    if name.strip().casefold() == me.name.casefold():
        raise UsageError("a laptop cannot revoke itself; revoke it from another laptop")
    found = [lt for lt in repo.laptops() if lt.name.casefold() == name.strip().casefold()]
    live = [lt for lt in found if lt.revoked_at is None]
    if not live:
        if found:
            raise UsageError(f"the laptop {name!r} is already revoked")
        raise NotFoundError(f"no laptop of this program is named {name!r}")
    target = live[0]
    now = clock.now_iso()
    with session.changing():
        if team.laptop(me.laptop_id) is None:
            team.add(TeamLaptop(me.laptop_id, me.name or FIRST_LAPTOP, me.verify_key,
                                me.box_public, now, None, None, None))
        if team.laptop(target.laptop_id) is None:  # trusted before membership travelled
            team.add(TeamLaptop(target.laptop_id, target.name, target.verify_key,
                                target.box_public or b"", now, me.laptop_id, None, None))
        team.revoke(target.laptop_id, now, me.laptop_id, target.applied_seq)
        remaining = [lt for lt in repo.laptops() if lt.revoked_at is None]
        given = {lt.laptop_id: lt.box_public for lt in remaining if lt.box_public}
        made = keys.rotate(session.conn, {k: v for k, v in given.items() if v is not None})
        session.audit("device.revoke", None, laptop=target.laptop_id, name=target.name,
                      key=made.key_id, remaining=len(given))
        # Kept like a revocation that arrives: it counts for nothing if this laptop was
        # itself revoked before it (as the others will judge).
        capture.flush(session.conn)
        team.record_revocation(target.laptop_id, me.laptop_id, repo.last_change_of(
            "team_laptops", target.laptop_id), target.applied_seq)
    return Revoked(target.laptop_id, target.name, made.key_id,
                   [lt.name for lt in remaining if not lt.box_public])
