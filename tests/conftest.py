"""Fixtures shared by every test: a fresh vault per test, fast key derivation, a fixed day.

The program's clock stands still at one day for the whole run: today's date, or the day given in
`CASETRACKER_TEST_DATE` (YYYY-MM-DD), printed in the report's header so that a failure on one
day can be replayed on any other: `CASETRACKER_TEST_DATE=2028-02-29 python3 dev.py test`.
"""

from __future__ import annotations

import os

# Before anything imports Qt (the GUI tests), so no test ever needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from casetracker.domain import clock as program_clock
from casetracker.domain.accounts import Role
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import accounts
from casetracker.services.session import Session
from casetracker.services.vault import Vault
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    OTHER_CASE_MANAGER,
    OTHER_CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    FakeClock,
)


def _test_day() -> date:
    given = os.environ.get("CASETRACKER_TEST_DATE", "").strip()
    return date.fromisoformat(given) if given else program_clock.SystemClock().today()


def pytest_configure(config: pytest.Config) -> None:
    # Before collection: test modules read the day when they are imported.
    program_clock.install(program_clock.FixedClock(_test_day()))


def pytest_report_header(config: pytest.Config) -> str:
    day = program_clock.today().isoformat()
    return f"casetracker clock: {day} (set CASETRACKER_TEST_DATE to replay)"


@pytest.fixture(autouse=True)
def _own_data_directory(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own user data directory (platformdirs reads XDG_DATA_HOME), so the
    failed-attempt store kept there never touches the real one and no test slows another."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("user-data")))


@dataclass
class Created:
    vault: Vault
    session: Session
    recovery_key: str


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def vault(tmp_path: Path, clock: FakeClock) -> Vault:
    return Vault(tmp_path / "case.db", kdf=FAST_INSECURE, clock=clock)


@pytest.fixture
def created(vault: Vault) -> Iterator[Created]:
    """A new vault with its supervisor's session open."""
    session, recovery_key = vault.create(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    yield Created(vault, session, recovery_key)
    session.close()


class Team:
    """A vault with a supervisor, two case managers and a coordinator, each with a session."""

    def __init__(self, created: Created) -> None:
        self.vault = created.vault
        self.supervisor = created.session
        for name, role, passphrase in [
            (CASE_MANAGER, Role.CASE_MANAGER, CASE_MANAGER_PASSPHRASE),
            (OTHER_CASE_MANAGER, Role.CASE_MANAGER, OTHER_CASE_MANAGER_PASSPHRASE),
            (COORDINATOR, Role.COORDINATOR, COORDINATOR_PASSPHRASE),
        ]:
            accounts.add_account(self.supervisor, name, role, passphrase)
        self.case_manager = self.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
        self.other_case_manager = self.vault.unlock(OTHER_CASE_MANAGER,
                                                    OTHER_CASE_MANAGER_PASSPHRASE)
        self.coordinator = self.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE)

    def close(self) -> None:
        for session in (self.case_manager, self.other_case_manager, self.coordinator,
                        self.supervisor):
            session.close()


@pytest.fixture
def team(created: Created) -> Iterator[Team]:
    t = Team(created)
    yield t
    t.close()
