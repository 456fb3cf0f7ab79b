"""An enrollment is also enforced by the enrolling laptop's clock: a laptop it enrolled and
has not heard from within the week (no bundle of it applied there) is revoked as unused, at
unlock and before each exchange reads anything, and that revocation travels, so a laptop that
joined late with its clock set back is refused everywhere. A laptop that joined in time is
never revoked, even with nothing of its own to send and the enroller's clock far ahead."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock as program_clock
from casetracker.domain.errors import NotFoundError
from casetracker.services import devices, survivors
from casetracker.services import sync as team
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE
from tests.sync.enrolled import enroll, join
from tests.sync_laptops import Laptop, holds, new_laptop, take_in

WEEK = timedelta(days=devices.ENROLLMENT_DAYS)


def revoked(laptop: Laptop) -> dict[str, str | None]:
    return {row.name: row.reason for row in devices.laptops(laptop.supervisor)
            if row.revoked_at}


@contextmanager
def laptops_at(clock: program_clock.FixedClock) -> Iterator[list[Laptop]]:
    made: list[Laptop] = []
    with program_clock.using(clock):
        try:
            yield made
        finally:
            for laptop in made:
                laptop.close()


def b_enrolled_c_joined(root: Path, made: list[Laptop]) -> tuple[Laptop, Laptop, Path, str]:
    """Laptop a enrolls b and c; c joins and both exchange. (a, c, b's file, b's code)"""
    folder = root / "folder"
    folder.mkdir()
    a = new_laptop(root, "a", folder)
    made.append(a)
    file_b, code_b = enroll(a, "b", root)
    file_c, code_c = enroll(a, "c", root)
    a.sync()
    c = join(root, "c", file_c, code_c, folder)
    made.append(c)
    c.sync()
    a.sync()
    return a, c, file_b, code_b


def test_a_laptop_joining_late_with_its_clock_set_back_is_revoked_and_refused_everywhere(
        tmp_path: Path) -> None:
    real = program_clock.FixedClock(date(2031, 3, 3))
    with laptops_at(real) as made:
        a, c, file_b, code_b = b_enrolled_c_joined(tmp_path, made)
        folder = a.folder
        real.advance(WEEK + timedelta(hours=1))
        # b's file, used after its week on a computer whose clock says it is still in it.
        with program_clock.using(program_clock.FixedClock(date(2031, 3, 5))):
            b = join(tmp_path, "b", file_b, code_b, folder)
            made.append(b)
            take_in(b, "CT-B-1", "Bea")
            assert b.sync().sent_bundles == 1
        # c, past b's week by its own clock, does not apply b's bundle before a (which
        # enrolled b) is known to have heard from b in time.
        report = c.sync()
        assert not holds(c, "CT-B-1")
        assert any(line.startswith(b.laptop_id) and "has not yet been heard" in line
                   for line in report.waiting), report.waiting
        report = a.sync()
        assert report.expired == ["b"]
        assert set(revoked(a)) == {"b"}
        assert "expired unused" in str(revoked(a)["b"])
        assert "Bea" not in str(revoked(a)["b"])
        assert "CT-B" not in str(revoked(a)["b"])
        assert any(line.startswith(f"{b.laptop_id}/") and "revoked" in line
                   for line in report.refused), report.refused
        assert not holds(a, "CT-B-1")
        # c learns of it from a's bundle, whatever order it reads the folder in, and never
        # applies b's bundle (which waits until a is heard to have heard from b).
        report = c.sync()
        assert set(revoked(c)) == {"b"}
        assert "expired unused" in str(revoked(c)["b"])
        assert not holds(c, "CT-B-1")
        assert any(line.startswith(f"{b.laptop_id}/") and "revoked" in line
                   for line in report.refused), report.refused
        # b can read nothing written after: the sync key was rotated without it.
        take_in(a, "CT-A-1", "Ada")
        a.sync()
        with program_clock.using(program_clock.FixedClock(date(2031, 3, 5))):
            b.sync()
            assert not holds(b, "CT-A-1")
        c.sync()
        assert holds(c, "CT-A-1")
        assert set(revoked(a)) == {"b"}  # and c, heard from in time, stays


def test_only_a_supervisor_revokes_and_until_then_the_enroller_holds_the_late_laptop_back(
        tmp_path: Path) -> None:
    real = program_clock.FixedClock(date(2031, 3, 3))
    with laptops_at(real) as made:
        a, c, file_b, code_b = b_enrolled_c_joined(tmp_path, made)
        folder = a.folder
        a.close()
        made.remove(a)
        real.advance(WEEK)
        with program_clock.using(program_clock.FixedClock(date(2031, 3, 5))):
            b = join(tmp_path, "b", file_b, code_b, folder)
            made.append(b)
            take_in(b, "CT-B-1", "Bea")
            b.sync()
        # A case manager unlocks and syncs: no revocation is made as anyone else, but b's
        # bundle is not applied either.
        session = a.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
        try:
            report = team.sync_folder(session, folder)
            assert report.expired == []
            assert any(line.startswith(b.laptop_id) and "revokes it as unused" in line
                       for line in report.waiting), report.waiting
            assert not [r for r in devices.laptops(session) if r.revoked_at]
            with pytest.raises(NotFoundError):
                survivors.get_survivor(session, "CT-B-1")
        finally:
            session.close()
        # A supervisor's unlock revokes it (before any sync).
        a = Laptop("a", a.vault, *[a.vault.unlock(*who) for who in _accounts()], folder)
        made.append(a)
        assert set(revoked(a)) == {"b"}
        assert a.sync().expired == []  # done already, at unlock
        assert not holds(a, "CT-B-1")
        c.sync()
        assert set(revoked(c)) == {"b"}
        assert "expired unused" in str(revoked(c)["b"])
        assert not holds(c, "CT-B-1")


def _accounts() -> list[tuple[str, str]]:
    from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE

    return [(SUPERVISOR, SUPERVISOR_PASSPHRASE), (CASE_MANAGER, CASE_MANAGER_PASSPHRASE)]


@pytest.mark.parametrize("days_before_joining", [0, 6])
def test_a_laptop_that_joined_in_time_is_never_revoked(tmp_path: Path,
                                                       days_before_joining: int) -> None:
    """b joins within its week and syncs with nothing of its own to send; a hears from it in
    time; a's clock then moves 400 days ahead: b stays a member everywhere."""
    real = program_clock.FixedClock(date(2031, 3, 3))
    with laptops_at(real) as made:
        a, c, file_b, code_b = b_enrolled_c_joined(tmp_path, made)
        folder = a.folder
        real.advance(timedelta(days=days_before_joining, hours=20))
        b = join(tmp_path, "b", file_b, code_b, folder)
        made.append(b)
        assert b.sync().sent_bundles == 1  # its note that it joined, though it made nothing
        assert a.sync().received.get(b.laptop_id) == 1
        take_in(a, "CT-A-1", "Ada")
        a.sync()
        real.advance(timedelta(days=400))
        for laptop in (a, b, c, a, b, c):
            report = laptop.sync()
            assert report.expired == []
            assert report.refused == [], report.refused
        a.close()
        made.remove(a)
        a = Laptop("a", a.vault, *[a.vault.unlock(*who) for who in _accounts()], folder)
        made.append(a)
        for laptop in (a, b, c):
            assert revoked(laptop) == {}, laptop.name
        take_in(b, "CT-B-1", "Bea")
        b.sync()
        a.sync()
        report = c.sync()
        assert holds(a, "CT-B-1"), report
        assert report.waiting == [], report.waiting
        assert holds(c, "CT-B-1")
        assert holds(b, "CT-A-1")


def test_enrollments_whose_week_ended_before_the_laptop_judged_any_are_left_alone(
        tmp_path: Path) -> None:
    """An older release sent no note that a laptop joined: a laptop enrolled then, whose week
    ended before the enrolling laptop began to judge enrollments, may have joined quietly."""
    from casetracker.storage.connection import transaction
    from casetracker.storage.repositories import MetaRepository

    real = program_clock.FixedClock(date(2031, 3, 3))
    folder = tmp_path / "folder"
    folder.mkdir()
    with laptops_at(real) as made:
        a = new_laptop(tmp_path, "a", folder)
        made.append(a)
        enroll(a, "b", tmp_path)
        enroll(a, "c", tmp_path)
        with transaction(a.supervisor.conn):  # as an older release left it
            MetaRepository(a.supervisor.conn).delete("sync.expiry_judged_since")
        real.advance(WEEK + timedelta(days=1))
        assert a.sync().expired == []
        assert revoked(a) == {}
        enroll(a, "d", tmp_path)
        real.advance(WEEK)
        assert a.sync().expired == ["d"]
