"""Conflicts a person settles: the same interim value on every laptop, listed for the case's
case manager and supervisors only, settled by one change that travels and closes the conflict
on every laptop."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.errors import NotFoundError, PermissionDeniedError, UsageError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import accounts, audit, conflicts, sensitive, survivors
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    OTHER_CASE_MANAGER,
    OTHER_CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)
from tests.sync_laptops import Laptop, program_of, sync_all, take_in

Later = Callable[[], clock.FixedClock]


@pytest.fixture
def later() -> Later:
    """Moves the program clock on a minute at each call, so edits have an order in time."""
    moment = [clock.now()]

    def step() -> clock.FixedClock:
        moment[0] += timedelta(minutes=1)
        return clock.FixedClock(moment[0].date(), moment[0].time())

    return step


def phone(laptop: Laptop) -> str | None:
    return survivors.get_survivor(laptop.supervisor, "CT-1").phone


def two_phones(laptops: list[Laptop], later: Later) -> None:
    """a and b change CT-1's phone without seeing each other's change; b's is later."""
    a, b = laptops[0], laptops[1]
    take_in(a, "CT-1")
    sync_all(laptops)
    with clock.using(later()):
        survivors.update_survivor(a.case_manager, "CT-1", phone="555-0101")
    with clock.using(later()):
        survivors.update_survivor(b.case_manager, "CT-1", phone="555-0202")


def test_every_laptop_shows_the_same_interim_value_and_lists_the_same_conflict(
        tmp_path: Path, later: Later) -> None:
    with program_of(tmp_path, 3) as laptops:
        two_phones(laptops, later)
        sync_all(laptops)
        views = [conflicts.waiting(laptop.supervisor) for laptop in laptops]
        for laptop, found in zip(laptops, views, strict=True):
            assert phone(laptop) == "555-0202"  # the later change, everywhere
            (view,) = found
            assert (view.case_number, view.what) == ("CT-1", "Phone of the survivor's profile")
            assert [(v.value, v.current, v.written_by) for v in view.values] == [
                ("555-0202", True, CASE_MANAGER), ("555-0101", False, CASE_MANAGER)]
            assert all(v.written_at is not None for v in view.values)
        # The same ids everywhere, so that people on two laptops can speak of one conflict.
        assert len({(f[0].conflict_id, tuple(v.value_id for v in f[0].values))
                    for f in views}) == 1


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_the_interim_value_does_not_depend_on_the_order_of_exchanges(
        tmp_path: Path, later: Later, order: tuple[int, ...]) -> None:
    with program_of(tmp_path, 3) as laptops:
        two_phones(laptops, later)
        sync_all([laptops[i] for i in order])
        assert {phone(laptop) for laptop in laptops} == {"555-0202"}
        assert len({laptop.digest() for laptop in laptops}) == 1


@pytest.mark.parametrize("keep_shown", [False, True])
def test_settling_travels_and_closes_the_conflict_on_every_laptop(
        tmp_path: Path, later: Later, keep_shown: bool) -> None:
    with program_of(tmp_path, 3) as laptops:
        a, b, c = laptops
        two_phones(laptops, later)
        sync_all(laptops)
        (view,) = conflicts.waiting(c.supervisor)
        kept = next(v for v in view.values if v.current is keep_shown)
        # Settled on the third laptop, whose people made neither change.
        with clock.using(later()):
            conflicts.resolve(c.supervisor, view.conflict_id, keep=kept.value_id)
        assert conflicts.waiting(c.supervisor) == []
        assert phone(c) == kept.value
        sync_all([c, a, b])
        for laptop in laptops:
            assert phone(laptop) == kept.value
            assert conflicts.waiting(laptop.supervisor) == []
        assert len({laptop.digest() for laptop in laptops}) == 1


def test_a_new_value_settles_a_free_text_field_only(tmp_path: Path, later: Later) -> None:
    with program_of(tmp_path, 2) as laptops:
        a, b = laptops
        two_phones(laptops, later)
        sync_all(laptops)
        (view,) = conflicts.waiting(a.case_manager)
        with clock.using(later()):
            conflicts.resolve(a.case_manager, view.conflict_id, value=" 555-0303 ")
        sync_all([a, b])
        assert phone(a) == phone(b) == "555-0303"
        assert conflicts.waiting(b.supervisor) == []
        # A date is settled by keeping one of its values.
        with clock.using(later()):
            survivors.update_survivor(a.case_manager, "CT-1",
                                      date_of_birth=clock.today() - timedelta(days=9000))
        with clock.using(later()):
            survivors.update_survivor(b.case_manager, "CT-1",
                                      date_of_birth=clock.today() - timedelta(days=9100))
        sync_all([a, b])
        (view,) = conflicts.waiting(a.supervisor)
        with pytest.raises(UsageError, match="not free text"):
            conflicts.resolve(a.supervisor, view.conflict_id, value="1990-01-01")
        with pytest.raises(NotFoundError):
            conflicts.resolve(a.supervisor, view.conflict_id, keep="nosuch")
        with pytest.raises(NotFoundError):
            conflicts.resolve(a.supervisor, "00000000", keep=view.values[0].value_id)
        assert len(conflicts.waiting(a.supervisor)) == 1


def test_who_sees_and_settles_a_conflict(tmp_path: Path, later: Later) -> None:
    with program_of(tmp_path, 2) as laptops:
        a, b = laptops
        take_in(a, "CT-1")
        sync_all(laptops)
        with clock.using(later()):
            sensitive.update_sensitive(a.case_manager, "CT-1", safety_plan="plan A")
        with clock.using(later()):
            sensitive.update_sensitive(b.case_manager, "CT-1", safety_plan="plan B")
        sync_all(laptops)
        accounts.add_account(a.supervisor, COORDINATOR, Role.COORDINATOR,
                             COORDINATOR_PASSPHRASE)
        accounts.add_account(a.supervisor, OTHER_CASE_MANAGER, Role.CASE_MANAGER,
                             OTHER_CASE_MANAGER_PASSPHRASE)
        (view,) = conflicts.waiting(a.case_manager)
        assert view.what == "Safety plan of the sensitive details"
        assert [v.value for v in view.values] == ["plan B", "plan A"]
        with a.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as cole:
            with pytest.raises(PermissionDeniedError):
                conflicts.waiting(cole)
            with pytest.raises(PermissionDeniedError):
                conflicts.resolve(cole, view.conflict_id, keep=view.values[1].value_id)
            assert conflicts.count(cole) == 0
        with a.vault.unlock(OTHER_CASE_MANAGER, OTHER_CASE_MANAGER_PASSPHRASE) as ben:
            assert conflicts.waiting(ben) == []  # not ben's case
            with pytest.raises(NotFoundError):
                conflicts.resolve(ben, view.conflict_id, keep=view.values[1].value_id)
        assert conflicts.count(a.case_manager) == 1
        with clock.using(later()):
            conflicts.resolve(a.case_manager, view.conflict_id, keep=view.values[1].value_id)
        entries = [e for e in audit.recent_entries(a.supervisor, 50)
                   if e.action == "conflict.resolve"]
        assert len(entries) == 1
        assert entries[0].actor == CASE_MANAGER
        assert "plan A" not in repr(entries[0].details)
        sync_all(laptops)
        assert sensitive.get_sensitive(b.case_manager, "CT-1").safety_plan == "plan A"
        assert conflicts.waiting(b.supervisor) == []


def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], laptop: Laptop, user: str,
        *argv: str) -> tuple[int, str, str]:
    secret = tmp_path / f"{user}.txt"
    secret.write_text({SUPERVISOR: SUPERVISOR_PASSPHRASE,
                       CASE_MANAGER: CASE_MANAGER_PASSPHRASE}[user] + "\n", encoding="utf-8")
    laptop.close()  # the CLI opens the database itself
    try:
        code = main(["conflicts", *argv, "--db", str(laptop.vault.paths.db), "--user", user,
                     "--passphrase-file", str(secret)], kdf=FAST_INSECURE)
    except SystemExit as exc:  # argparse's usage errors
        code = int(str(exc.code))
    out, err = capsys.readouterr()
    laptop.supervisor = laptop.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    laptop.case_manager = laptop.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    return code, out, err


def test_the_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                      later: Later) -> None:
    with program_of(tmp_path, 2) as laptops:
        a, b = laptops
        two_phones(laptops, later)
        sync_all(laptops)
        code, out, err = cli(tmp_path, capsys, a, CASE_MANAGER, "list")
        assert (code, err) == (0, "")
        header, shown, waiting = out.splitlines()
        assert header.split() == ["ID", "CASE", "WHAT", "VALUE_ID", "NOW", "VALUE", "BY",
                                  "LAPTOP", "WRITTEN"]
        assert "Phone of the survivor's profile" in shown
        assert "555-0202" in shown
        assert "*" in shown
        assert "b " in shown
        assert "555-0101" in waiting
        assert "this laptop" in waiting
        assert CASE_MANAGER in waiting
        conflict_id, value_id = waiting.split()[0], waiting.split()[7]
        code, out, err = cli(tmp_path, capsys, a, SUPERVISOR, "list", "--json")
        assert code == 0
        assert len(out.splitlines()) == 2
        assert '"555-0101"' in out
        code, out, err = cli(tmp_path, capsys, a, SUPERVISOR, "resolve", conflict_id,
                             "--keep", "zzz")
        assert code == 1
        assert "has no value" in err
        code, out, err = cli(tmp_path, capsys, a, SUPERVISOR, "resolve", conflict_id)
        assert code == 2
        with clock.using(later()):
            code, out, err = cli(tmp_path, capsys, a, SUPERVISOR, "resolve", conflict_id,
                                 "--keep", value_id)
        assert (code, out) == (0, "")
        assert "settled" in err
        assert "555" not in err
        sync_all(laptops)
        assert phone(a) == phone(b) == "555-0101"
        code, out, err = cli(tmp_path, capsys, b, SUPERVISOR, "list")
        assert out.splitlines()[1:] == []
