"""Several laptops of one team program in one test: each its own database, sharing a folder.

Enrollment (the way a real laptop joins) comes later; here the first laptop starts the program
and the others are given its id and sync key, and every laptop trusts the others' keys.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from casetracker.domain.accounts import Role
from casetracker.domain.errors import NotFoundError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import accounts, survivors
from casetracker.services import sync as team
from casetracker.services.session import Session
from casetracker.services.vault import Vault
from casetracker.sync.exchange import RoundReport
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)


@dataclass
class Laptop:
    name: str
    vault: Vault
    supervisor: Session
    case_manager: Session
    folder: Path

    @property
    def laptop_id(self) -> str:
        return team.identity(self.supervisor).laptop_id

    def sync(self) -> RoundReport:
        return team.sync_folder(self.supervisor, self.folder)

    def digest(self) -> str:
        return team.content_digest(self.supervisor)

    def close(self) -> None:
        self.case_manager.close()
        self.supervisor.close()


def new_laptop(root: Path, name: str, folder: Path) -> Laptop:
    """A database with the same accounts as every other laptop of the test (a supervisor
    and a case manager), not yet in a program."""
    vault = Vault(root / name / "case.db", kdf=FAST_INSECURE)
    supervisor, _ = vault.create(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    accounts.add_account(supervisor, CASE_MANAGER, Role.CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    return Laptop(name, vault, supervisor, vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE),
                  folder)


def _start(laptops: list[Laptop]) -> None:
    program = team.start_program(laptops[0].supervisor)
    for laptop in laptops[1:]:
        team.join_program(laptop.supervisor, program)
    for laptop in laptops:
        for other in laptops:
            if other is not laptop:
                team.trust_laptop(laptop.supervisor, team.identity(other.supervisor),
                                  other.name)


_NAMES = "abc"


@functools.cache
def _template() -> Path:
    """Three laptops of one program, made once per test run (making a database and putting
    its capture triggers in place are the slow parts); each test works on copies."""
    root = Path(tempfile.mkdtemp(prefix="casetracker-sync-template-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    laptops = [new_laptop(root, name, root / "folder") for name in _NAMES]
    try:
        _start(laptops)
    finally:
        for laptop in laptops:
            laptop.close()
    return root


def _copy(root: Path, name: str, folder: Path) -> Laptop:
    source = _template() / name
    (root / name).mkdir(parents=True)
    for path in source.iterdir():
        if path.name.startswith("case.db") and not path.name.endswith(("-wal", "-shm")):
            shutil.copy2(path, root / name / path.name)
    vault = Vault(root / name / "case.db", kdf=FAST_INSECURE)
    return Laptop(name, vault, vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE),
                  vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE), folder)


@contextmanager
def program_of(root: Path, count: int, *,
               before_start: list[str] | None = None) -> Iterator[list[Laptop]]:
    """`count` (at most three) laptops of one program sharing `root/folder`, each trusting
    the others. `before_start`: case numbers the first laptop takes in before the program
    starts, captured when it starts (the laptops are then made afresh, which is slower)."""
    folder = root / "folder"
    folder.mkdir()
    laptops: list[Laptop] = []
    try:
        if before_start:
            laptops += [new_laptop(root, _NAMES[i], folder) for i in range(count)]
            for case_number in before_start:
                take_in(laptops[0], case_number)
            _start(laptops)
        else:
            for name in _NAMES[:count]:
                laptops.append(_copy(root, name, folder))
        yield laptops
    finally:
        for laptop in laptops:
            laptop.close()


def holds(laptop: Laptop, case_number: str) -> bool:
    """Whether the laptop has the case (its supervisor sees every case)."""
    try:
        survivors.get_survivor(laptop.supervisor, case_number)
    except NotFoundError:
        return False
    return True


def take_in(laptop: Laptop, case_number: str, name: str = "Rosa") -> str:
    return survivors.create_survivor(laptop.case_manager, survivors.draft(
        case_number, name, legal_last_name="Quintero")).case_number


def sync_all(laptops: list[Laptop], rounds: int = 2) -> None:
    """Every laptop exchanges with the folder, `rounds` times over."""
    for _ in range(rounds):
        for laptop in laptops:
            report = laptop.sync()
            assert report.refused == [], report.refused
