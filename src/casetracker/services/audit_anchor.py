"""Signed checkpoints of the audit chain, which only supervisors can make (see
`security.audit_signing` for why and how trust in a signer is kept).

A supervisor's unlock makes a checkpoint (and `audit checkpoint` makes one on demand);
`audit verify` reports the newest checkpoint that holds and how many entries came after it;
removing an account replaces the signer with a successor it signs.
"""

from __future__ import annotations

import base64
import contextlib
import json
import uuid
from dataclasses import dataclass

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.errors import CaseTrackerError
from casetracker.security import audit_signing
from casetracker.security.audit_signing import Checkpoint
from casetracker.security.keyslots import KeyFile
from casetracker.security.sealed import Sealed, SealError
from casetracker.services.session import Session
from casetracker.storage.audit_anchor_repo import AnchorRepository, Signer
from casetracker.storage.repositories import AuditRepository, UserRepository


class UntrustedSignerError(CaseTrackerError):
    """The audit signer descends from none this supervisor endorsed: it may have been swapped."""


@dataclass(frozen=True, slots=True)
class AnchorReport:
    """How far the chain is countersigned, as the verifying supervisor can tell."""

    ok: bool
    entries: int
    signed_through: int | None = None
    signed_at: str = ""
    signed_by: str = ""
    fingerprint: str = ""
    problem: str | None = None

    @property
    def not_yet_countersigned(self) -> int:
        return self.entries - (self.signed_through or 0)

    def summary(self) -> str:
        if self.problem:
            return f"audit checkpoints: {self.problem}"
        if self.signed_through is None:
            return (f"audit checkpoints: none yet; all {self.entries} entries are not yet "
                    "countersigned (a supervisor's unlock makes one)")
        return (f"countersigned through entry {self.signed_through} ({self.signed_at[:10]}, "
                f"{self.signed_by}; signer {self.fingerprint}); {self.not_yet_countersigned} "
                "entries after it are not yet countersigned")


def _aad(session: Session, signer_id: str) -> bytes:
    return f"casetracker/audit-signer-seal/v1|{session.vault_id}|{signer_id}".encode()


def _encode(sealed: Sealed) -> str:
    return json.dumps([base64.b64encode(part).decode("ascii") for part in
                       (sealed.ephemeral, sealed.nonce, sealed.ciphertext, sealed.signature)])


def _decode(text: str) -> Sealed:
    parts = [base64.b64decode(p) for p in json.loads(text)]
    return Sealed(parts[0], parts[1], parts[2], parts[3])


def _my_slot(session: Session) -> tuple[bytes, bytes]:
    from casetracker.security.envelope import public_key_of

    private = session.slot_secrets.private_key
    return private, public_key_of(private)


def _supervisor_slots(session: Session) -> list[bytes]:
    keys = KeyFile.load(session.paths.keys)
    found = []
    for account in UserRepository(session.conn).list():
        slot = keys.user_slot(account.name) if account.role is Role.SUPERVISOR else None
        if slot is not None:
            found.append(slot.public_key)
    return found


def _seal_to_supervisors(session: Session, repo: AnchorRepository, signer: Signer,
                         private: bytes) -> None:
    from casetracker.security.envelope import seal

    for public in _supervisor_slots(session):
        if repo.seal_for(signer.id, public) is None:
            repo.save_seal(signer.id, public, _encode(seal(
                public, private, _aad(session, signer.id), session.signing_key)))


def _open(session: Session, repo: AnchorRepository, signer: Signer) -> bytes | None:
    from casetracker.security.envelope import open_sealed

    private, public = _my_slot(session)
    text = repo.seal_for(signer.id, public)
    if text is None:
        return None
    try:
        return open_sealed(private, _decode(text), _aad(session, signer.id),
                           session.slot_secrets.verify_key)
    except (SealError, ValueError, IndexError):
        return None


def _trusted(session: Session, repo: AnchorRepository, signers: dict[str, Signer],
             signer: Signer) -> bool:
    """Whether this supervisor trusts `signer`: endorsed it, or endorsed one it descends from
    through signed successions. Endorses what it newly trusts."""
    private, public = _my_slot(session)
    mac = audit_signing.endorsement(private, session.vault_id, signer.public_key)
    told = repo.endorsement(public, signer.id)
    if told is not None:
        return told == mac
    previous = signers.get(signer.previous_id or "")
    succeeded = (previous is not None and signer.succession is not None
                 and audit_signing.verifies(previous.public_key, signer.succession,
                                            audit_signing.succession_content(
                                                session.vault_id, previous.public_key,
                                                signer.public_key))
                 and _trusted(session, repo, signers, previous))
    if succeeded or not repo.has_endorsed_any(public):  # descends from trust, or first use
        repo.endorse(public, signer.id, mac)
        return True
    return False


def _new_signer(session: Session, repo: AnchorRepository,
                previous: tuple[Signer, bytes] | None) -> tuple[Signer, bytes]:
    private, public = audit_signing.new_signer()
    succession = None if previous is None else audit_signing.sign(
        previous[1], audit_signing.succession_content(session.vault_id, previous[0].public_key,
                                                      public))
    signer = Signer(str(uuid.uuid4()), public, None if previous is None else previous[0].id,
                    succession, clock.now_iso())
    repo.add_signer(signer)
    _seal_to_supervisors(session, repo, signer, private)
    return signer, private


def _usable_signer(session: Session, repo: AnchorRepository) -> tuple[Signer, bytes] | None:
    signer = repo.current()
    if signer is None:
        made = _new_signer(session, repo, None)
        _trusted(session, repo, repo.signers(), made[0])
        return made
    private = _open(session, repo, signer)
    if private is None:
        return None  # not yet sealed to this supervisor: another supervisor's unlock does it
    if not _trusted(session, repo, repo.signers(), signer):
        session.audit("audit.signer_untrusted", None,
                      signer=audit_signing.fingerprint(signer.public_key))
        raise UntrustedSignerError(
            "the audit trail's signing key is not one you endorsed and does not descend from "
            "one: it may have been replaced; compare its fingerprint with the one on your last "
            "printed caseload report, and restore a backup if they differ")
    _seal_to_supervisors(session, repo, signer, private)
    return signer, private


def checkpoint(session: Session) -> Checkpoint | None:
    """Countersign the chain's head (supervisors). None when this supervisor does not hold the
    signer yet (a new supervisor, until another supervisor unlocks)."""
    session.require("countersigning the audit trail", Role.SUPERVISOR)
    repo = AnchorRepository(session.conn)
    with session.changing():
        usable = _usable_signer(session, repo)
        if usable is None:
            return None
        signer, private = usable
        session.audit("audit.checkpoint", None,
                      signer=audit_signing.fingerprint(signer.public_key))
        last = AuditRepository(session.conn).last()
        assert last is not None  # the entry just written
        unsigned = Checkpoint(last[0], last[1], clock.now_iso(), session.account.name,
                              signer.id, b"")
        made = Checkpoint(unsigned.seq, unsigned.mac, unsigned.at, unsigned.account, signer.id,
                          audit_signing.sign(private, unsigned.content(session.vault_id)))
        repo.add_checkpoint(made)
    return made


def checkpoint_at_unlock(session: Session) -> None:
    """A supervisor's unlock countersigns the chain. A signer this supervisor cannot trust is
    audited and reported by `audit verify`; it does not stop them from working."""
    with contextlib.suppress(UntrustedSignerError):  # audited in `_usable_signer`
        checkpoint(session)


def replace_signer(session: Session) -> None:
    """A new signer, signed by the current one and sealed to today's supervisors only (after
    an account is removed). A supervisor who does not hold the signer changes nothing."""
    session.require("replacing the audit signer", Role.SUPERVISOR)
    repo = AnchorRepository(session.conn)
    with session.changing():
        usable = _usable_signer(session, repo)
        if usable is None:
            return
        signer, _private = _new_signer(session, repo, usable)
        _trusted(session, repo, repo.signers(), signer)
        session.audit("audit.signer_replaced", None,
                      signer=audit_signing.fingerprint(signer.public_key))


def paper_line(session: Session) -> str:
    """The trail's head and countersigning in one line for printed reports."""
    last = AuditRepository(session.conn).last()
    if last is None:
        return ""
    checkpoints = AnchorRepository(session.conn).checkpoints()
    signed = (f"countersigned through entry {checkpoints[0].seq}" if checkpoints
              else "not yet countersigned")
    return (f"Audit trail: {last[0]} entries, head {last[1].hex()[:16]}; {signed}; "
            f"signer {current_fingerprint(session)}")


def current_fingerprint(session: Session) -> str:
    signer = AnchorRepository(session.conn).current()
    return "none yet" if signer is None else audit_signing.fingerprint(signer.public_key)


def verify(session: Session) -> AnchorReport:
    """The newest checkpoint that holds, checked against the chain; every older checkpoint
    must still match the chain too (supervisors)."""
    session.require("verifying the audit trail", Role.SUPERVISOR)
    repo = AnchorRepository(session.conn)
    audit_rows = AuditRepository(session.conn)
    last = audit_rows.last()
    entries = 0 if last is None else last[0]
    signers = repo.signers()
    newest: Checkpoint | None = None
    with session.changing():
        for cp in repo.checkpoints():
            signer = signers.get(cp.signer_id)
            if signer is None or not audit_signing.verifies(
                    signer.public_key, cp.signature, cp.content(session.vault_id)):
                return AnchorReport(False, entries, problem=(
                    f"the checkpoint at entry {cp.seq} does not verify (it was changed)"))
            if not _trusted(session, repo, signers, signer):
                return AnchorReport(False, entries, problem=(
                    f"the checkpoint at entry {cp.seq} is signed by a key you never endorsed "
                    f"(fingerprint {audit_signing.fingerprint(signer.public_key)})"))
            if audit_rows.mac_at(cp.seq) != cp.mac:
                return AnchorReport(False, entries, problem=(
                    f"entry {cp.seq} differs from what {cp.account} countersigned on "
                    f"{cp.at[:10]}: the trail was rewritten"))
            if cp.seq > entries:
                return AnchorReport(False, entries, problem=(
                    f"entries after {entries} are missing: {cp.account} countersigned "
                    f"entry {cp.seq} on {cp.at[:10]}"))
            newest = newest or cp
    if newest is None:
        return AnchorReport(True, entries, fingerprint=current_fingerprint(session))
    return AnchorReport(True, entries, newest.seq, newest.at, newest.account,
                        audit_signing.fingerprint(signers[newest.signer_id].public_key))
