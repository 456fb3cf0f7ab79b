"""Laptops of one program made the way a real program makes them: the first starts the
program by enrolling the next, each new laptop joins with the file and its code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import devices
from casetracker.services.vault import Vault
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)
from tests.sync_laptops import Laptop, new_laptop


def enroll(laptop: Laptop, name: str, root: Path) -> tuple[Path, str]:
    """`laptop` enrolls `name`; the file and the code."""
    out = root / f"{name}.enrollment"
    enrolled = devices.enroll(laptop.supervisor, name, out, kdf=FAST_INSECURE)
    return out, enrolled.code


def join(root: Path, name: str, file: Path, code: str, folder: Path) -> Laptop:
    db = root / name / "case.db"
    devices.join(db, file.read_bytes(), code)
    vault = Vault(db, kdf=FAST_INSECURE)
    return Laptop(name, vault, vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE),
                  vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE), folder)


@contextmanager
def enrolled_program(root: Path, count: int) -> Iterator[list[Laptop]]:
    """`count` laptops: 'a' made as a standalone database, the others enrolled by 'a' and
    joined; 'a' syncs once after enrolling them (so its membership records are out)."""
    folder = root / "folder"
    folder.mkdir()
    laptops = [new_laptop(root, "a", folder)]
    try:
        made = [enroll(laptops[0], name, root) for name in "bcd"[:count - 1]]
        laptops[0].sync()
        for name, (file, code) in zip("bcd", made, strict=False):
            laptops.append(join(root, name, file, code, folder))
        yield laptops
    finally:
        for laptop in laptops:
            laptop.close()
