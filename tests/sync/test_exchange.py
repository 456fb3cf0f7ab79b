"""Laptops of one program exchanging bundles through a folder: they converge, concurrent edits
of one field become one conflict everywhere, deletes win, and each bundle applies once."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.survivors import CaseStatus
from casetracker.services import conflicts, notes, retention, survivors
from casetracker.storage.sync_repo import SyncRepository
from tests.sync_laptops import Laptop, program_of, sync_all, take_in


def profile(laptop: Laptop, case_number: str) -> survivors.Survivor:
    return survivors.get_survivor(laptop.supervisor, case_number)


@pytest.fixture
def later() -> object:
    """Moves the program clock on a minute at each call, so edits have an order in time."""
    moment = [clock.now()]

    def step() -> clock.FixedClock:
        moment[0] += timedelta(minutes=1)
        return clock.FixedClock(moment[0].date(), moment[0].time())

    return step


def test_two_laptops_converge(tmp_path: Path) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-A-1")
        take_in(b, "CT-B-1", "Bea")
        sync_all([a, b])
        assert a.digest() == b.digest()
        assert profile(b, "CT-A-1").preferred_name == "Rosa"
        assert profile(a, "CT-B-1").preferred_name == "Bea"
        notes.add_note(b.case_manager, "CT-A-1", "met at the workshop")
        survivors.update_survivor(a.case_manager, "CT-B-1", pronouns="she")
        sync_all([a, b])
        assert a.digest() == b.digest()
        assert [n.text for n in notes.notes(a.case_manager, "CT-A-1")] == [
            "met at the workshop"]
        assert profile(b, "CT-B-1").pronouns == "she"


def test_three_partitioned_laptops_converge_whatever_the_order(tmp_path: Path,
                                                              later: object) -> None:
    with program_of(tmp_path, 3) as laptops:
        take_in(laptops[0], "CT-1")
        a, b, c = laptops
        sync_all(laptops)
        # Apart: each changes something, two change the same case's different fields (and
        # each its time of change, at different times).
        with clock.using(later()):  # type: ignore[operator]
            survivors.update_survivor(a.case_manager, "CT-1", pronouns="she")
        with clock.using(later()):  # type: ignore[operator]
            survivors.update_survivor(b.case_manager, "CT-1", primary_language="Spanish")
            notes.add_note(b.case_manager, "CT-1", "called back")
        take_in(c, "CT-3", "Cleo")
        for order in itertools.permutations(laptops):
            for laptop in order:
                report = laptop.sync()
                assert report.refused == []
        digests = {laptop.digest() for laptop in laptops}
        assert len(digests) == 1
        for laptop in laptops:
            record = profile(laptop, "CT-1")
            assert (record.pronouns, record.primary_language) == ("she", "Spanish")
            assert conflicts.waiting(laptop.supervisor) == []  # different fields merge
            assert SyncRepository(laptop.supervisor.conn).pending(0, 10) == []


def test_concurrent_edits_of_one_field_are_one_conflict_on_each_laptop(
        tmp_path: Path, later: object) -> None:
    with program_of(tmp_path, 3) as laptops:
        take_in(laptops[0], "CT-1")
        a, b, c = laptops
        sync_all(laptops)
        with clock.using(later()):  # type: ignore[operator]
            survivors.update_survivor(a.case_manager, "CT-1", phone="555-0101")
        with clock.using(later()):  # type: ignore[operator]
            survivors.update_survivor(b.case_manager, "CT-1", phone="555-0202")
        c.sync()  # c sees neither yet
        sync_all([b, c, a], rounds=2)
        for laptop in laptops:
            # The later edit is the interim value everywhere; the other waits in a conflict.
            assert profile(laptop, "CT-1").phone == "555-0202"
            found = conflicts.waiting(laptop.supervisor)
            assert [(x.table, x.field) for x in found] == [("survivors", "phone")]
            assert found[0].case_number == "CT-1"
        assert len({laptop.digest() for laptop in laptops}) == 1
        # The case's case manager sees it too; an edit that picks a value settles it.
        assert len(conflicts.waiting(a.case_manager)) == 1
        with clock.using(later()):  # type: ignore[operator]
            survivors.update_survivor(a.case_manager, "CT-1", phone="555-0101")
        assert conflicts.waiting(a.supervisor) == []
        sync_all(laptops)
        for laptop in laptops:
            assert profile(laptop, "CT-1").phone == "555-0101"
            assert conflicts.waiting(laptop.supervisor) == []


def test_an_edit_after_seeing_another_is_no_conflict(tmp_path: Path, later: object) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        sync_all([a, b])
        survivors.update_survivor(a.case_manager, "CT-1", phone="555-0101")
        sync_all([a, b])
        survivors.update_survivor(b.case_manager, "CT-1", phone="555-0303")
        sync_all([a, b])
        assert profile(a, "CT-1").phone == "555-0303"
        assert conflicts.waiting(a.supervisor) == conflicts.waiting(b.supervisor) == []


def test_the_same_value_typed_on_two_laptops_is_no_conflict(tmp_path: Path) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        sync_all([a, b])
        survivors.update_survivor(a.case_manager, "CT-1", pronouns="she")
        survivors.update_survivor(b.case_manager, "CT-1", pronouns="she")
        sync_all([a, b])
        assert conflicts.waiting(a.supervisor) == conflicts.waiting(b.supervisor) == []
        assert a.digest() == b.digest()


def test_a_purge_beats_a_concurrent_edit_everywhere(tmp_path: Path, later: object) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        sync_all([a, b])
        survivors.set_status(a.case_manager, "CT-1", CaseStatus.CLOSED)
        sync_all([a, b])
        with clock.using(later()):  # type: ignore[operator]
            retention.purge_case(a.supervisor, "CT-1", "CT-1")
        # b has not heard of the purge; a colleague there reopens the case and adds a note,
        # later in time than the purge.
        with clock.using(later()):  # type: ignore[operator]
            survivors.set_status(b.case_manager, "CT-1", CaseStatus.ACTIVE)
            notes.add_note(b.case_manager, "CT-1", "still here?")
        sync_all([b, a])
        for laptop in (a, b):
            assert survivors.caseload(laptop.supervisor, status=None) == []
            assert laptop.supervisor.conn.execute("SELECT count(*) FROM notes").fetchone() == (0,)
        assert a.digest() == b.digest()


def test_applied_changes_are_not_sent_back(tmp_path: Path) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        a.sync()
        received = b.sync()
        assert sum(received.received.values()) > 0
        assert SyncRepository(b.supervisor.conn).raw() == []  # nothing recorded by applying
        assert SyncRepository(b.supervisor.conn).pending(0, 10) == []
        again = b.sync()
        assert (again.sent_bundles, sum(again.received.values())) == (0, 0)
        assert list((tmp_path / "folder" / b.laptop_id).iterdir()) == []


def test_a_crash_before_the_high_water_mark_leaves_the_bundle_to_apply_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        a.sync()
        before = b.digest()

        def crash(*args: object) -> None:
            raise RuntimeError("power cut")

        with monkeypatch.context() as patch:
            patch.setattr(SyncRepository, "mark_applied", crash)
            with pytest.raises(RuntimeError, match="power cut"):
                b.sync()
        assert b.digest() == before
        assert SyncRepository(b.supervisor.conn).laptop(a.laptop_id).applied_seq == 0
        assert SyncRepository(b.supervisor.conn).capturing()
        report = b.sync()
        assert report.received == {a.laptop_id: report.received[a.laptop_id]}
        assert b.digest() == a.digest()
        assert b.sync().received == {}


def test_a_crash_after_writing_a_bundle_does_not_write_it_twice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        with monkeypatch.context() as patch:
            patch.setattr(SyncRepository, "mark_bundled",
                          lambda *args: (_ for _ in ()).throw(RuntimeError("power cut")))
            with pytest.raises(RuntimeError):
                a.sync()
        written = list((tmp_path / "folder" / a.laptop_id).iterdir())
        assert len(written) == 1
        take_in(a, "CT-2")
        report = a.sync()
        assert report.sent_bundles == 1
        names = sorted(p.name for p in (tmp_path / "folder" / a.laptop_id).iterdir())
        assert names[0] == written[0].name
        assert len(names) == 2
        b.sync()
        assert b.digest() == a.digest()


def test_a_missing_bundle_makes_the_later_ones_wait(tmp_path: Path) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        a.sync()
        take_in(a, "CT-2")
        a.sync()
        first = min((tmp_path / "folder" / a.laptop_id).iterdir(), key=lambda p: p.stat().st_mtime)
        kept = first.read_bytes()
        first.unlink()
        report = b.sync()
        assert report.received == {}
        assert len(report.waiting) == 1
        assert "waiting for its changes 1-" in report.waiting[0]
        first.write_bytes(kept)
        report = b.sync()
        assert report.waiting == []
        assert b.digest() == a.digest()


def test_a_bundle_waits_for_the_changes_its_author_had_seen(tmp_path: Path) -> None:
    """c gets b's note on a's case before a's case itself: it waits, then both apply."""
    with program_of(tmp_path, 3) as (a, b, c):
        take_in(a, "CT-1")
        a.sync()
        b.sync()
        notes.add_note(b.case_manager, "CT-1", "called")
        b.sync()
        hidden = tmp_path / "hidden"
        (tmp_path / "folder" / a.laptop_id).rename(hidden)
        report = c.sync()
        assert report.received == {}
        assert "needs changes of laptop" in report.waiting[0]
        hidden.rename(tmp_path / "folder" / a.laptop_id)
        c.sync()
        assert c.digest() == b.digest()
        a.sync()
        assert a.digest() == b.digest()


def test_an_exchange_is_audited_in_counts_only(tmp_path: Path) -> None:
    from casetracker.services import audit

    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1", "Wilhelmina")
        a.sync()
        report = b.sync()
        b.sync()  # nothing new: not worth an entry
        entries = [e for e in audit.recent_entries(b.supervisor, 50)
                   if e.action == "sync.round"]
        assert len(entries) == 1
        assert entries[0].details["received"] == report.received
        assert "Wilhelmina" not in repr(entries[0].details)


def test_a_case_of_an_account_made_on_another_laptop_arrives_with_it(tmp_path: Path) -> None:
    """Accounts travel in bundles (`team_accounts`): a case assigned to an account made on a
    arrives on b together with the account."""
    from casetracker.domain.accounts import Role
    from casetracker.services import accounts
    from casetracker.storage.repositories import UserRepository
    from tests.helpers import OTHER_CASE_MANAGER, OTHER_CASE_MANAGER_PASSPHRASE

    with program_of(tmp_path, 2) as (a, b):
        accounts.add_account(a.supervisor, OTHER_CASE_MANAGER, Role.CASE_MANAGER,
                             OTHER_CASE_MANAGER_PASSPHRASE)
        with a.vault.unlock(OTHER_CASE_MANAGER, OTHER_CASE_MANAGER_PASSPHRASE) as ben:
            survivors.create_survivor(ben, survivors.draft("CT-B-1", "Bo"))
        a.sync()
        report = b.sync()
        assert report.refused == []
        assert UserRepository(b.supervisor.conn).by_name(OTHER_CASE_MANAGER) is not None
        assert b.digest() == a.digest()


def test_a_case_of_an_account_this_laptop_lacks_waits_instead_of_vanishing(
        tmp_path: Path) -> None:
    """An account whose own row has not travelled (as from a laptop that had not yet sent
    it): a case assigned to it is not dropped as if deleted; its bundle waits until b has
    the account."""
    from casetracker.domain.accounts import Role
    from casetracker.services import accounts
    from casetracker.sync import signatures
    from tests.helpers import OTHER_CASE_MANAGER, OTHER_CASE_MANAGER_PASSPHRASE

    with program_of(tmp_path, 2) as (a, b):
        accounts.add_account(a.supervisor, OTHER_CASE_MANAGER, Role.CASE_MANAGER,
                             OTHER_CASE_MANAGER_PASSPHRASE)
        for log in ("sync_raw", "sync_changes"):  # the account's row is not sent
            a.supervisor.conn.execute(f"DELETE FROM {log} WHERE tbl = 'team_accounts'")
        with a.vault.unlock(OTHER_CASE_MANAGER, OTHER_CASE_MANAGER_PASSPHRASE) as ben:
            survivors.create_survivor(ben, survivors.draft("CT-B-1", "Bo"))
        a.sync()
        before = b.digest()
        report = b.sync()
        assert (report.received, report.refused) == ({}, [])
        assert f"changes by the account {OTHER_CASE_MANAGER!r}" in report.waiting[0]
        assert b.digest() == before
        accounts.add_account(b.supervisor, OTHER_CASE_MANAGER, Role.CASE_MANAGER,
                             OTHER_CASE_MANAGER_PASSPHRASE)
        # The same person's account, made on each laptop as `program_of` makes them: b is told
        # the signing key a's has, as that account's own row would have brought it.
        signatures.told_keys(b.supervisor.conn, signatures.known_keys(a.supervisor.conn))
        report = b.sync()
        assert report.refused == []
