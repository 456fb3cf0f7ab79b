"""Fixtures shared by every test: a fresh vault per test, fast key derivation, a fake clock."""

from __future__ import annotations

import os

# Before anything imports Qt (the GUI tests), so no test ever needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from casetracker.security.kdf import FAST_INSECURE
from casetracker.services.session import Session
from casetracker.services.vault import Vault
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE, FakeClock


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
