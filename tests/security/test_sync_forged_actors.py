"""A laptop's valid signature does not make its changes' account trustworthy: a change by an
account made after that account was removed, or beyond the role it was given since, is
refused on arrival, even in a bundle a program laptop signed; a laptop cannot backdate such a
change before what it already sent. Each forged bundle here is signed with laptop b's real
key and sealed with the program's key (b itself never reads them: it would refuse to go on
with bundles under its id that it did not write)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.employment import Industry
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import accounts, employers
from casetracker.services.vault import Vault
from casetracker.storage.migrations import schema_version
from casetracker.storage.repositories import UserRepository
from casetracker.storage.sync_repo import ORIGIN, Change, SyncRepository
from casetracker.storage.team_repo import TeamRepository
from casetracker.sync import bundle, hlc
from tests.helpers import COORDINATOR, COORDINATOR_PASSPHRASE, SUPERVISOR
from tests.sync.enrolled import enrolled_program
from tests.sync_laptops import Laptop, sync_all

SUE = "sue"
SUE_PASSPHRASE = "nine green herons over the marsh"


@dataclass
class Team:
    a: Laptop
    b: Laptop
    employer_id: str

    def contact(self) -> str:
        return employers.find_employer(self.a.supervisor, self.employer_id).contact_name

    def account_id(self, name: str) -> str:
        return next(r.account_id for r in TeamRepository(self.a.supervisor.conn).accounts()
                    if r.name == name)

    def forge(self, *changes: tuple[Any, ...], stamp: int | None = None) -> Path:
        """A bundle of b's, signed with b's key: (actor, table, row_id, op, field, value),
        dated from `stamp` (by default later than anything b has seen)."""
        conn = self.b.supervisor.conn
        repo = SyncRepository(conn)
        identity, program = repo.identity(), repo.program()
        assert program is not None
        first = identity.bundled_seq + 1
        if stamp is None:
            stamp = max(repo.clock(), hlc.physical(clock.now())) + 1000
        made = [Change(first + i, stamp + i, actor, table, row_id, op, field, value,
                       ((ORIGIN,) if op == "update" else ()))
                for i, (actor, table, row_id, op, field, value) in enumerate(changes)]
        last = first + len(made) - 1
        requires = {lt.laptop_id: lt.applied_seq for lt in repo.laptops() if lt.applied_seq}
        data = bundle.seal(made, program=program, laptop_id=identity.laptop_id,
                           signing_key=identity.signing_key, first=first, last=last,
                           schema=schema_version(conn), previous=identity.bundled_hash,
                           requires=requires)
        path = self.b.folder / identity.laptop_id / bundle.bundle_name(first, last)
        path.write_bytes(data)
        return path

    def refused(self, path: Path) -> str:
        before = (self.a.digest(), self.contact())
        report = self.a.sync()
        assert report.received == {}
        assert (self.a.digest(), self.contact()) == before
        (message,) = report.refused
        assert message.startswith(f"{self.b.laptop_id}/{path.name}: ")
        assert path.exists()
        return message


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    with enrolled_program(tmp_path, 2) as (a, b):
        accounts.add_account(a.supervisor, COORDINATOR, Role.COORDINATOR,
                             COORDINATOR_PASSPHRASE)
        accounts.add_account(a.supervisor, SUE, Role.SUPERVISOR, SUE_PASSPHRASE)
        employer = employers.add_employer(a.supervisor, "Harbor Foods", Industry.HOSPITALITY)
        sync_all([a, b])
        yield Team(a, b, employer.id)


def _update_contact(team: Team, actor: str, value: str) -> tuple[Any, ...]:
    return (actor, "employers", team.employer_id, "update", "contact_name", value)


def test_a_removed_accounts_change_is_refused_though_its_laptop_signed_it(team: Team) -> None:
    accounts.remove_account(team.a.supervisor, COORDINATOR)
    sync_all([team.a, team.b])
    path = team.forge(_update_contact(team, COORDINATOR, "After"))
    assert "a change by the account cole, made after that account was removed" in \
        team.refused(path)
    assert team.contact() != "After"


def test_a_removal_earlier_in_the_same_bundle_counts_for_the_changes_after(team: Team) -> None:
    path = team.forge(
        (SUPERVISOR, "team_accounts", team.account_id(COORDINATOR), "update", "removed_at",
         clock.now_iso()),
        _update_contact(team, COORDINATOR, "After"))
    assert "made after that account was removed" in team.refused(path)
    assert UserRepository(team.a.supervisor.conn).by_name(COORDINATOR).active  # type: ignore[union-attr]


def test_a_laptop_cannot_backdate_a_removed_accounts_change(team: Team) -> None:
    accounts.remove_account(team.a.supervisor, COORDINATOR)
    sync_all([team.a, team.b])
    removed_at = SyncRepository(team.a.supervisor.conn).clock()
    # b sends something after it saw the removal: its clock is past the removal's.
    team.b.sync()
    employers.update_employer(team.b.supervisor, team.employer_id, contact_email="x@y.org")
    team.b.sync()
    assert team.a.sync().refused == []
    path = team.forge(_update_contact(team, COORDINATOR, "Backdated"), stamp=removed_at - 5)
    assert "dated before changes that laptop had already sent" in team.refused(path)


def test_a_demoted_supervisor_acts_only_as_what_they_became(team: Team) -> None:
    accounts.change_role(team.a.supervisor, SUE, Role.COORDINATOR)
    sync_all([team.a, team.b])
    # The demotion travelled: b holds sue as a coordinator too.
    assert UserRepository(team.b.supervisor.conn).by_name(SUE).role is Role.COORDINATOR  # type: ignore[union-attr]
    path = team.forge((SUE, "team_accounts", team.account_id(COORDINATOR), "update", "role",
                       Role.SUPERVISOR.value))
    assert "a change by sue breaks the role rules: a coordinator may not change role" in \
        team.refused(path)
    assert UserRepository(team.a.supervisor.conn).by_name(COORDINATOR).role is \
        Role.COORDINATOR  # type: ignore[union-attr]


def test_a_demotion_earlier_in_the_same_bundle_counts_for_the_changes_after(
        team: Team) -> None:
    path = team.forge(
        (SUPERVISOR, "team_accounts", team.account_id(SUE), "update", "role",
         Role.CASE_MANAGER.value),
        (SUE, "team_accounts", team.account_id(COORDINATOR), "update", "role",
         Role.SUPERVISOR.value))
    assert "a case manager may not change role" in team.refused(path)


def test_a_change_made_before_a_concurrent_removal_still_arrives(team: Team) -> None:
    """Honest offline work: cole edits on b, and later (by the clock) a supervisor removes
    cole on a without having seen it. The edit was made before the removal: applied on
    every laptop, which agree."""
    cole = Vault(team.b.vault.paths.db, kdf=FAST_INSECURE).unlock(COORDINATOR,
                                                                  COORDINATOR_PASSPHRASE)
    try:
        employers.update_employer(cole, team.employer_id, contact_name="Offline")
    finally:
        cole.close()
    later = clock.FixedClock(clock.today())
    later.moment = clock.now() + timedelta(minutes=5)
    with clock.using(later):
        accounts.remove_account(team.a.supervisor, COORDINATOR)
        team.a.sync()
        assert team.b.sync().refused == []
        assert team.a.sync().refused == []
        sync_all([team.a, team.b])
    assert team.contact() == "Offline"
    assert team.a.digest() == team.b.digest()
