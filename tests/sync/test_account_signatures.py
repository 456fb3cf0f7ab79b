"""Each account signs its own changes: whoever holds a laptop (its data key, so its laptop
key) cannot make another account's change arrive anywhere.

The attacker here is a coordinator on an enrolled laptop who writes into that laptop's own
database by hand, as a tool would, and then syncs: changes made in a case manager's or a
supervisor's name, signed with a key of their own, altered after signing, or giving an account
a new key. Every other laptop refuses the bundle and applies nothing of it. The honest paths
that change keys still work: a supervisor's new account, a recovery on another laptop, a purge
that drops a signed change before it was sent, and a run of changes split across bundles.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casetracker.domain.accounts import Role
from casetracker.domain.survivors import CaseStatus
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import accounts, notes, retention, sensitive, survivors
from casetracker.services import sync as team
from casetracker.services.session import Session
from casetracker.services.vault import Vault
from casetracker.storage.sync_repo import Change
from casetracker.sync import bundle, exchange, signatures
from tests.helpers import CASE_MANAGER, COORDINATOR, COORDINATOR_PASSPHRASE, SUPERVISOR
from tests.sync.enrolled import enroll, join
from tests.sync_laptops import Laptop, new_laptop, sync_all, take_in

NEW_PASSPHRASE = "a lantern by the quiet river bend"


@contextmanager
def program_with_coordinator(root: Path) -> Iterator[tuple[Laptop, Laptop, Session]]:
    """Laptop a (the supervisor's, who made a coordinator) and laptop b, enrolled, with the
    coordinator unlocked on b; case CT-1 on both, with sensitive details."""
    folder = root / "folder"
    folder.mkdir()
    a = new_laptop(root, "a", folder)
    accounts.add_account(a.supervisor, COORDINATOR, Role.COORDINATOR, COORDINATOR_PASSPHRASE)
    take_in(a, "CT-1")
    sensitive.update_sensitive(a.case_manager, "CT-1", safety_plan="the shelter's number")
    file, code = enroll(a, "b", root)
    a.sync()
    b = join(root, "b", file, code, folder)
    cole = b.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE)
    try:
        sync_all([a, b])
        yield a, b, cole
    finally:
        cole.close()
        b.close()
        a.close()


def forge_as(session: Session, actor: str, sql: str, *args: object) -> None:
    """Write into the laptop's database by hand with the capture triggers naming `actor`."""
    with session.changing():  # the coordinator's own unit: the clock moves, then is reused
        pass
    conn = session.conn
    with conn:
        conn.execute("UPDATE sync_clock SET actor = ?", (actor,))
        conn.execute(sql, args)


def safety_plan(laptop: Laptop) -> str:
    return str(sensitive.get_sensitive(laptop.supervisor, "CT-1").safety_plan)


def refusals(laptop: Laptop) -> list[str]:
    return laptop.sync().refused


def test_a_change_forged_in_a_case_managers_name_is_refused(tmp_path: Path) -> None:
    with program_with_coordinator(tmp_path) as (a, b, cole):
        forge_as(cole, CASE_MANAGER, "UPDATE survivor_sensitive SET safety_plan = 'forged'")
        team.sync_folder(cole, b.folder)
        refused = refusals(a)
        assert len(refused) == 1
        assert f"made as {CASE_MANAGER} that {CASE_MANAGER}'s own key did not sign" in refused[0]
        assert safety_plan(a) == "the shelter's number"


def test_a_change_signed_with_a_key_the_account_never_had_is_refused(tmp_path: Path) -> None:
    with program_with_coordinator(tmp_path) as (a, b, cole):
        forge_as(cole, SUPERVISOR, "UPDATE team_accounts SET role = 'supervisor' "
                 "WHERE name = ?", COORDINATOR)
        with cole.conn:  # signed, but with a key of the coordinator's making
            signatures.attest(cole.conn, SUPERVISOR, os.urandom(32))
        team.sync_folder(cole, b.folder)
        refused = refusals(a)
        assert len(refused) == 1
        assert f"{SUPERVISOR}'s own key did not sign" in refused[0]
        assert {x.name: x.role for x in accounts.list_accounts(a.supervisor)}[COORDINATOR] \
            is Role.COORDINATOR


def test_a_signed_change_altered_before_it_is_sent_is_refused(tmp_path: Path) -> None:
    with program_with_coordinator(tmp_path) as (a, b, _cole):
        sensitive.update_sensitive(b.case_manager, "CT-1", safety_plan="call after six")
        with b.supervisor.conn as conn:  # the case manager's signed change, then changed
            conn.execute("UPDATE sync_changes SET value = 'forged' "
                         "WHERE tbl = 'survivor_sensitive' AND field = 'safety_plan'")
        b.sync()
        refused = refusals(a)
        assert len(refused) == 1
        assert "own key did not sign" in refused[0]
        assert safety_plan(a) == "the shelter's number"


def test_a_new_key_for_another_account_or_a_first_key_forged_later_is_refused(
        tmp_path: Path) -> None:
    with program_with_coordinator(tmp_path) as (a, b, cole):
        forged = signatures.public_of(os.urandom(32))
        # In the case manager's own name, signed with the key being planted.
        forge_as(cole, CASE_MANAGER, "UPDATE team_accounts SET sign_key = ? WHERE name = ?",
                 forged, CASE_MANAGER)
        with cole.conn:
            signatures.attest(cole.conn, CASE_MANAGER, os.urandom(32))
        team.sync_folder(cole, b.folder)
        refused = refusals(a)
        assert len(refused) == 1
        assert "own key did not sign" in refused[0]
        assert forged not in signatures.known_keys(a.supervisor.conn)[CASE_MANAGER]


def test_the_honest_paths_still_travel(tmp_path: Path) -> None:
    """A supervisor's new account, a recovery on another laptop (the new key pair vouched
    for by the recovery key), a purge that drops a signed change before it was sent, and a
    run of changes cut across bundles: all arrive, nothing refused."""
    with program_with_coordinator(tmp_path) as (a, b, _cole):
        key = accounts.replace_recovery_key(a.supervisor)
        accounts.add_account(a.supervisor, "ben", Role.CASE_MANAGER, NEW_PASSPHRASE)
        sync_all([a, b])
        ben = b.vault.unlock("ben", NEW_PASSPHRASE)
        try:
            take_in(Laptop("b", b.vault, b.supervisor, ben, b.folder), "CT-2")
        finally:
            ben.close()
        # The case manager forgot the passphrase: recovered on b, works on as before.
        b.case_manager.close()
        recovered, _next_key = Vault(b.vault.paths.db, kdf=FAST_INSECURE).recover(
            CASE_MANAGER, key, NEW_PASSPHRASE)
        b.case_manager = recovered
        take_in(b, "CT-3")
        # A case taken in and purged before it was ever sent: its signed changes are
        # dropped, the audit entries of the same units go on.
        take_in(b, "CT-4")
        notes.add_note(b.case_manager, "CT-4", "met at the library")
        survivors.set_status(b.case_manager, "CT-4", CaseStatus.CLOSED)
        retention.purge_case(b.supervisor, "CT-4", "CT-4")
        dropped = b.supervisor.conn.execute(
            "SELECT count(*) FROM sync_attestations WHERE salt IS NULL").fetchone()[0]
        assert dropped >= 1  # no salt kept from which a dropped change could be tested
        exchange.MAX_CHANGES, saved = 3, exchange.MAX_CHANGES  # runs cut across bundles
        try:
            sync_all([b, a])
        finally:
            exchange.MAX_CHANGES = saved
        numbers = {s.case_number for s in survivors.caseload(a.supervisor, status=None)}
        assert {"CT-2", "CT-3"} <= numbers
        assert "CT-4" not in numbers
        assert a.digest() == b.digest()
        # The new passphrase travelled with the new key pair.
        Vault(a.vault.paths.db, kdf=FAST_INSECURE).unlock(CASE_MANAGER, NEW_PASSPHRASE).close()


@pytest.mark.parametrize("moved", [1_000_000, 2])
def test_a_laptop_cannot_move_its_first_signed_change(tmp_path: Path, moved: int) -> None:
    """A laptop that declared where its signed changes begin cannot later claim that its
    forged changes came before: neither by writing them unsigned, as before signing began,
    nor signed from elsewhere."""
    with program_with_coordinator(tmp_path) as (a, b, cole):
        take_in(b, "CT-2")
        sync_all([b, a])
        with b.supervisor.conn as conn:
            conn.execute("UPDATE sync_identity SET signed_from = ?", (moved,))
        forge_as(cole, CASE_MANAGER, "UPDATE survivor_sensitive SET safety_plan = 'forged'")
        team.sync_folder(cole, b.folder)
        refused = refusals(a)
        assert len(refused) == 1
        assert "moves the laptop's first signed change" in refused[0]
        assert safety_plan(a) == "the shelter's number"


def test_an_unsigned_bundle_as_from_an_older_version_is_refused_after_signing_began(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The forger writes the bundle as a laptop not yet updated would (format 1, declaring
    nothing), re-encrypted and re-signed with the laptop's own keys: refused, since that laptop
    had declared its first signed change. (Had it declared nothing yet, the bundle would wait
    for that laptop to be updated, and apply nothing.)"""
    with program_with_coordinator(tmp_path) as (a, b, cole):
        take_in(b, "CT-2")  # b's first signed bundle declares where its signing began
        sync_all([b, a])
        seal = bundle.seal

        def as_before_schema_25(changes: list[Change], **kwargs: Any) -> bytes:
            kwargs["signed_from"] = kwargs["last"] + 1
            data = seal(changes, **kwargs)
            header, _body = bundle._header(data)[:2]
            program = kwargs["program"]
            plain = bundle.open_body(bundle.Verified(header, _body, bundle._header(data)[2],
                                                     ""), program.sync_key)
            fields = json.loads(_body)
            del fields["signed_from"]
            header_bytes = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()
            nonce = bytes.fromhex(fields["nonce"])
            ciphertext = AESGCM(program.sync_key).encrypt(
                nonce, zlib.compress(bundle.encode_changes(plain)), header_bytes)
            signed = bundle.MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes \
                + ciphertext
            return signed + Ed25519PrivateKey.from_private_bytes(
                kwargs["signing_key"]).sign(signed)

        monkeypatch.setattr(bundle, "seal", as_before_schema_25)
        forge_as(cole, CASE_MANAGER, "UPDATE survivor_sensitive SET safety_plan = 'forged'")
        team.sync_folder(cole, b.folder)
        refused = refusals(a)
        assert len(refused) == 1
        assert "own key did not sign" in refused[0]
        assert safety_plan(a) == "the shelter's number"


@pytest.mark.parametrize("entry", [
    "not a list", [{"a": CASE_MANAGER}], [{"a": CASE_MANAGER, "f": 1, "l": 5000, "s": "00"}],
])
def test_malformed_signatures_refuse_the_bundle(entry: object) -> None:
    with pytest.raises(signatures.SignatureRefusedError, match="malformed"):
        signatures.verify(entry, [], program_id="p", laptop_id="l", candidates={})
