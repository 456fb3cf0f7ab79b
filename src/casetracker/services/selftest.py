"""The installation's self-test: each part a packaged build can lose, tried on a throwaway vault.

Everything happens in a private temporary folder that is removed at the end. The person in it
is synthetic, the PDF never leaves memory, and before the folder goes its files are searched
for the person's name, so a build that wrote case data in plaintext fails. A socket opened
from Python during the test fails it too.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.catalog import Category
from casetracker.domain.employment import Industry
from casetracker.security.kdf import FAST_INSECURE, KdfParams
from casetracker.services import (
    accounts,
    consent,
    demo,
    employers,
    sharing,
    survivors,
)
from casetracker.services.session import Session
from casetracker.services.vault import Vault

# Synthetic. The accent checks that the fonts embedded in PDFs print Spanish names; the legal
# name must never appear in the letter (the leak guard and this test both look).
PREFERRED_NAME = "Zoë"
LEGAL_NAME = ("Selftestia", "Quarrington")
CASE_NUMBER = "CT-0001"
EMPLOYER = "Selftest Bakery Cooperative"
SUPERVISOR = "selftest-supervisor"
CASE_MANAGER = "selftest-manager"
_SQLITE_HEADER = b"SQLite format 3\x00"
# Python's audit events for opening the network (PEP 578); Qt's own sockets are not seen here.
_NETWORK_EVENTS = frozenset({"socket.connect", "socket.bind", "socket.getaddrinfo",
                             "socket.sendto", "socket.sendmsg"})

# Opens the main window on an unlocked session and closes it again; returns what it saw.
WindowCheck = Callable[[Session], str]


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One line of the self-test: `status` is "ok", "FAIL" or "skip"."""

    name: str
    status: str
    detail: str

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def line(self) -> str:
        return f"{self.status:<4}  {self.name}: {self.detail}"


class CheckFailed(Exception):  # noqa: N818 - reads as the line it becomes
    """A check found something wrong (as opposed to crashing on an unexpected error)."""


class _NetworkWatch:
    """Records network audit events while active. Audit hooks cannot be removed, so the hook
    stays installed and only counts while a self-test runs."""

    installed: _NetworkWatch | None = None

    def __init__(self) -> None:
        self.active = False
        self.seen: list[str] = []

    @classmethod
    def get(cls) -> _NetworkWatch:
        if cls.installed is None:
            watch = cls()
            sys.addaudithook(watch.hook)
            cls.installed = watch
        return cls.installed

    def hook(self, event: str, _args: tuple[Any, ...]) -> None:
        if self.active and event in _NETWORK_EVENTS:
            self.seen.append(event)


class _SelfTest:
    def __init__(self, folder: Path, kdf: KdfParams, window_check: WindowCheck | None) -> None:
        self.folder = folder
        self.kdf = kdf
        self.vault = Vault(folder / "selftest.db", kdf=kdf)
        self.window_check = window_check
        self.manager_passphrase = _passphrase()
        self.sessions: list[Session] = []
        self.manager: Session | None = None  # the case manager's, once the record is read

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        steps = [("resources", self.resources),
                 ("encrypted database", self.create_database),
                 ("write and read a record", self.write_and_read),
                 ("PDF", self.render_letter),
                 ("demonstration data", self.demonstration)]
        if self.window_check is not None:
            steps.append(("main window", self.main_window))
        steps.append(("no plaintext on disk", self.no_plaintext))
        return steps

    def unlock(self) -> Session:
        session = self.vault.unlock(CASE_MANAGER, self.manager_passphrase)
        self.sessions.append(session)
        return session

    def _manager(self) -> Session:
        if self.manager is None or self.manager.closed:
            raise CheckFailed("the case manager's session is not open")
        return self.manager

    def close_sessions(self) -> None:
        for session in self.sessions:
            session.close()
        self.sessions.clear()

    # -- the checks: each returns its detail or raises ----------------------------------------

    def resources(self) -> str:
        root = resources.files("casetracker.resources")
        fonts = [f.name for f in (root / "fonts").iterdir() if f.name.endswith(".ttf")]
        blocklist = (root / "security" / "common-passphrases.txt").read_text(encoding="utf-8")
        nicknames = (root / "names" / "nicknames.txt").read_text(encoding="utf-8")
        groups = [line for line in nicknames.splitlines() if line.strip()
                  and not line.startswith("#")]
        if not fonts:
            raise CheckFailed("no fonts in casetracker/resources/fonts")
        return (f"{len(fonts)} fonts, {len(blocklist.splitlines())} refused passphrases, "
                f"{len(groups)} nickname groups")

    def create_database(self) -> str:
        if os.name != "nt" and stat.S_IMODE(self.folder.stat().st_mode) & 0o077:
            raise CheckFailed(f"the temporary folder {self.folder} is readable by others")
        supervisor, _recovery = self.vault.create(SUPERVISOR, _passphrase())
        self.sessions.append(supervisor)
        accounts.add_account(supervisor, CASE_MANAGER, Role.CASE_MANAGER,
                             self.manager_passphrase)
        employers.add_employer(supervisor, EMPLOYER, Industry.RETAIL)
        cipher = supervisor.conn.execute("PRAGMA cipher_version").fetchone()[0]
        self.close_sessions()
        with self.vault.paths.db.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
        if header == _SQLITE_HEADER:
            raise CheckFailed("the database file is plain SQLite, not encrypted")
        return (f"SQLCipher {cipher} (sqlcipher3 {metadata.version('sqlcipher3')}), "
                "2 accounts, no readable header")

    def write_and_read(self) -> str:
        session = self.unlock()
        survivors.create_survivor(session, survivors.draft(
            CASE_NUMBER, PREFERRED_NAME, legal_first_name=LEGAL_NAME[0],
            legal_last_name=LEGAL_NAME[1]))
        self.close_sessions()
        self.manager = self.unlock()
        again = survivors.get_survivor(self.manager, CASE_NUMBER)
        read = (again.preferred_name, again.legal_first_name, again.legal_last_name)
        if read != (PREFERRED_NAME, *LEGAL_NAME):
            raise CheckFailed(f"read back {read!r} after reopening")
        return f"{CASE_NUMBER} written, locked, unlocked and read back"

    def render_letter(self) -> str:
        session = self._manager()
        consent.add_consent(session, CASE_NUMBER, purpose="Referral for work",
                            categories=frozenset({Category.ALIAS}),
                            expires_on=clock.today() + timedelta(days=30),
                            recipient_employer=EMPLOYER)
        prepared = sharing.prepare_referral_letter(session, CASE_NUMBER, EMPLOYER)
        text = " ".join(page.extract_text() or "" for page in
                        PdfReader(io.BytesIO(prepared.pdf)).pages)
        if PREFERRED_NAME not in text or EMPLOYER not in text:
            raise CheckFailed("the letter's text lacks the preferred name or the employer")
        if any(name in text for name in LEGAL_NAME):
            raise CheckFailed("the letter shows the withheld legal name")
        return (f"referral letter of {len(prepared.pdf) // 1024} KiB rendered in memory; "
                "its text names the survivor by preferred name only")

    def demonstration(self) -> str:
        """What a first start without a database makes (Faker's locales are in the bundle)."""
        staff = demo.create_demo(self.folder / "demo.db", 3, kdf=self.kdf)
        with Vault(self.folder / "demo.db", kdf=self.kdf).unlock(
                staff[0].name, staff[0].passphrase) as session:
            count = survivors.caseload_size(session, status=None)
        if count != 3:
            raise CheckFailed(f"the demonstration database holds {count} survivors, not 3")
        return f"a second database with {count} synthetic survivors and {len(staff)} accounts"

    def main_window(self) -> str:
        assert self.window_check is not None
        return self.window_check(self._manager())

    def no_plaintext(self) -> str:
        self.close_sessions()
        needles = [n.encode(enc) for n in (PREFERRED_NAME, *LEGAL_NAME)
                   for enc in ("utf-8", "utf-16-le")]
        files = [p for p in self.folder.rglob("*") if p.is_file()]
        for path in files:
            data = path.read_bytes()
            if any(needle in data for needle in needles):
                raise CheckFailed(f"{path.name} holds the test person's name in plaintext")
        return f"{len(files)} files in the temporary folder hold no name in plaintext"


def _passphrase() -> str:
    return "selftest " + secrets.token_hex(12)


def run(window_check: WindowCheck | None = None, *,
        kdf: KdfParams = FAST_INSECURE) -> Iterator[CheckResult]:
    """Run every check in order, yielding a result as each finishes. After a failure the
    remaining checks are skipped; the temporary folder is removed whatever happens, and that
    is checked last."""
    watch = _NetworkWatch.get()
    watch.seen.clear()
    folder = Path(tempfile.mkdtemp(prefix="casetracker-selftest-"))
    failed = False
    try:
        test = _SelfTest(folder, kdf, window_check)
        watch.active = True
        try:
            for name, check in test.checks():
                if failed:
                    yield CheckResult(name, "skip", "an earlier check failed")
                    continue
                try:
                    detail = check()
                except CheckFailed as exc:
                    failed = True
                    yield CheckResult(name, "FAIL", str(exc))
                except Exception as exc:  # a crash, too, becomes a line of the report
                    failed = True
                    yield CheckResult(name, "FAIL", f"{type(exc).__name__}: {exc}")
                else:
                    yield CheckResult(name, "ok", detail)
        finally:
            watch.active = False
            test.close_sessions()
    finally:
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(folder)
    if watch.seen:
        yield CheckResult("no network", "FAIL", "opened: " + ", ".join(sorted(set(watch.seen))))
    else:
        yield CheckResult("no network", "ok", "no socket opened from Python")
    if folder.exists():
        yield CheckResult("clean up", "FAIL", f"{folder} is still there")
    else:
        yield CheckResult("clean up", "ok", "temporary folder removed")
