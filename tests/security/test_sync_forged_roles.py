"""A change a role may not make, forged by hand with the program's keys, is refused on
arrival: every laptop checks the role rules on incoming changes, not only on its own user's.
The bundle is refused whole, nothing of it applied, and the refusal names the laptop and the
bundle but no value."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.services import accounts, sensitive, survivors
from casetracker.storage.migrations import schema_version
from casetracker.storage.sync_repo import ORIGIN, Change, SyncRepository
from casetracker.sync import bundle, hlc, signatures
from tests.helpers import CASE_MANAGER, COORDINATOR, COORDINATOR_PASSPHRASE
from tests.sync_laptops import Laptop, program_of, sync_all, take_in

CANARY = "Xylophone-Marmot-5521"


@dataclass
class Team:
    a: Laptop
    b: Laptop
    case_id: str

    def forge(self, *changes: tuple[Any, ...], signer: bytes | None = None) -> Path:
        """Write a bundle of a's, signed with a's key and sealed with the program's key, as
        a's services would never have written it: (actor, table, row_id, op, field, value).
        `signer`: the account key that signs the changes (all by one account), if any."""
        repo = SyncRepository(self.a.supervisor.conn)
        identity, program = repo.identity(), repo.program()
        assert program is not None
        first = identity.bundled_seq + 1
        stamp = hlc.physical(clock.now()) + 1000
        made = [Change(first + i, stamp + i, actor, table, row_id, op, field, value,
                       ((ORIGIN,) if op == "update" else ()))
                for i, (actor, table, row_id, op, field, value) in enumerate(changes)]
        last = first + len(made) - 1
        attestations = []
        if signer is not None:
            salt, _digests, signature = signatures.sign_run(
                made, made[0].actor, Ed25519PrivateKey.from_private_bytes(signer),
                program.program_id, identity.laptop_id)
            attestations.append({"a": made[0].actor, "f": first, "l": last,
                                 "salt": salt.hex(), "s": signature.hex()})
        data = bundle.seal(made, program=program, laptop_id=identity.laptop_id,
                           signing_key=identity.signing_key, first=first, last=last,
                           schema=schema_version(self.a.supervisor.conn),
                           previous=identity.bundled_hash, requires={},
                           attestations=attestations)
        path = self.a.folder / identity.laptop_id / bundle.bundle_name(first, last)
        path.write_bytes(data)
        return path

    def refused(self, path: Path) -> str:
        before = self.b.digest()
        applied = SyncRepository(self.b.supervisor.conn).laptop(self.a.laptop_id)
        report = self.b.sync()
        assert report.received == {}
        assert self.b.digest() == before
        assert SyncRepository(self.b.supervisor.conn).laptop(self.a.laptop_id) == applied
        (message,) = report.refused
        assert message.startswith(f"{self.a.laptop_id}/{path.name}: ")
        assert CANARY not in message
        assert path.exists()  # kept for inspection
        return message


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    with program_of(tmp_path, 2) as (a, b):
        for laptop in (a, b):
            accounts.add_account(laptop.supervisor, COORDINATOR, Role.COORDINATOR,
                                 COORDINATOR_PASSPHRASE)
        take_in(a, "CT-1")
        sync_all([a, b])
        yield Team(a, b, survivors.get_survivor(b.supervisor, "CT-1").id)


def test_a_coordinator_change_to_sensitive_details_is_refused(team: Team) -> None:
    path = team.forge((COORDINATOR, "survivor_sensitive", team.case_id, "insert", None,
                       {"survivor_id": team.case_id, "safety_plan": CANARY}))
    message = team.refused(path)
    assert "a change by cole breaks the role rules: a coordinator may not add sensitive " \
           "details" in message
    assert CANARY not in (sensitive.get_sensitive(team.b.supervisor, "CT-1").safety_plan
                          or "")


@pytest.mark.parametrize(("table", "op", "field", "words"), [
    ("survivors", "update", "legal_last_name", "may not change legal_last_name"),
    ("survivors", "delete", None, "may not delete survivor records"),
    ("goals", "insert", None, "may not add goals"),
    ("notes", "insert", None, "may not add notes"),
])
def test_a_coordinator_may_not_touch_the_case_record(team: Team, table: str, op: str,
                                                     field: str | None, words: str) -> None:
    row_id = team.case_id if table == "survivors" else str(uuid.uuid4())
    value: Any = CANARY if op == "update" else None
    if op == "insert":
        value = {"id": row_id, "survivor_id": team.case_id, "text": CANARY,
                 "specific": CANARY}
    path = team.forge((COORDINATOR, table, row_id, op, field, value))
    assert words in team.refused(path)


def test_one_forged_change_refuses_the_whole_bundle(team: Team) -> None:
    """A forged change hidden behind a lawful one: neither is applied."""
    path = team.forge(
        (CASE_MANAGER, "survivors", team.case_id, "update", "pronouns", "they"),
        (COORDINATOR, "survivors", team.case_id, "update", "legal_first_name", CANARY))
    team.refused(path)
    assert survivors.get_survivor(team.b.supervisor, "CT-1").pronouns != "they"


def test_a_supervisor_may_not_rewrite_case_content_but_may_move_a_case(team: Team) -> None:
    from tests.helpers import SUPERVISOR

    path = team.forge((SUPERVISOR, "survivors", team.case_id, "update", "phone", CANARY))
    assert "a supervisor may not change phone" in team.refused(path)


def test_a_case_taken_in_for_someone_else_is_refused(team: Team) -> None:
    new_id = str(uuid.uuid4())
    path = team.forge((CASE_MANAGER, "survivors", new_id, "insert", None, {
        "id": new_id, "case_number": "CT-9", "preferred_name": CANARY, "assigned_to": "ben",
        "intake_date": clock.today().isoformat(), "status": "active"}))
    assert "only to their own caseload" in team.refused(path)


def test_a_change_without_an_account_after_the_first_records_is_refused(team: Team) -> None:
    path = team.forge((None, "notes", str(uuid.uuid4()), "insert", None,
                       {"survivor_id": team.case_id, "text": CANARY}))
    assert "names no account" in team.refused(path)


def test_a_change_by_an_account_not_yet_here_waits(team: Team) -> None:
    path = team.forge(("zed", "survivors", team.case_id, "update", "pronouns", "they"))
    report = team.b.sync()
    assert (report.received, report.refused) == ({}, [])
    (message,) = report.waiting
    assert message.startswith(f"{team.a.laptop_id}/{path.name}: waits: ")
    assert "account 'zed'" in message
    accounts.add_account(team.b.supervisor, "zed", Role.CASE_MANAGER,
                         "eleven paper boats on the pond")
    # The account that arrives has its own signing key: the change it waited for is one that
    # key signed (the same account, made here as `program_of` makes them).
    with team.b.vault.unlock("zed", "eleven paper boats on the pond") as zed:
        path = team.forge(("zed", "survivors", team.case_id, "update", "pronouns", "they"),
                          signer=zed.account_signing_key)
    report = team.b.sync()
    assert report.received == {team.a.laptop_id: 1}
    assert survivors.get_survivor(team.b.supervisor, "CT-1").pronouns == "they"
