"""Fixtures shared by every test: a fresh vault per test, fast key derivation, a fake clock."""

from __future__ import annotations

import os

# Before anything imports Qt (the GUI tests), so no test ever needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from casetracker.security.kdf import FAST_INSECURE  # noqa: E402
from casetracker.services.session import Session  # noqa: E402
from casetracker.services.vault import Vault  # noqa: E402
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE, FakeClock  # noqa: E402

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
