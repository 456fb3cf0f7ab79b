"""The program's settings travel (schema 26): a supervisor's change reaches every laptop, the
readiness track agrees everywhere, a forged change from another role is refused on arrival,
values laptops held before they upgraded meet as a conflict (the same interim value on every
laptop) that a later edit beats, and a laptop that joins takes the program's settings."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.employment import WorkshopTopic
from casetracker.domain.errors import NotFoundError, PermissionDeniedError
from casetracker.services import accounts, conflicts, settings, sharing_support
from casetracker.services.session import Session
from casetracker.storage.migrations import migrate
from casetracker.storage.repositories import ProgramSettingsRepository, SettingsRepository
from casetracker.sync import settle
from tests.helpers import COORDINATOR, COORDINATOR_PASSPHRASE
from tests.sync.enrolled import enroll, enrolled_program, join
from tests.sync_laptops import Laptop, new_laptop, program_of, sync_all, take_in

PNG = b"\x89PNG\r\n\x1a\n" + b"logo"
TRACK = (WorkshopTopic.FEEDBACK, WorkshopTopic.RESUME_BUILDING)


def later(minutes: int) -> clock.FixedClock:
    moment = clock.now() + timedelta(minutes=minutes)
    return clock.FixedClock(moment.date(), moment.time())


def test_a_supervisors_change_reaches_every_laptop(tmp_path: Path) -> None:
    with program_of(tmp_path, 3) as laptops:
        a = laptops[0]
        settings.update_settings(a.supervisor, organisation_name="Harbor Project",
                                 auto_lock_minutes=12, backup_reminder_days=3,
                                 service_types_added=("Bus passes",))
        sharing_support.set_logo(a.supervisor, PNG)
        sharing_support.set_letter_template(
            a.supervisor, "Dear $employer_contact, please meet $preferred_name.")
        sync_all(laptops)
        wanted = settings.get_settings(a.supervisor)
        for laptop in laptops[1:]:
            assert settings.get_settings(laptop.case_manager) == wanted
            assert sharing_support.logo(laptop.case_manager) == PNG
            assert sharing_support.letter_template(laptop.case_manager).startswith(
                "Dear $employer_contact")
        assert wanted.organisation_name == "Harbor Project"
        assert wanted.auto_lock_minutes == 12
        assert all(laptop.digest() == a.digest() for laptop in laptops)


def test_the_readiness_track_agrees_everywhere_after_sync(tmp_path: Path) -> None:
    with program_of(tmp_path, 3) as laptops:
        a, b = laptops[0], laptops[1]
        settings.set_readiness_track(a.supervisor, TRACK)
        sync_all(laptops)
        assert {settings.readiness_track(lt.case_manager) for lt in laptops} == {TRACK}
        # Two supervisors change it on two laptops without seeing each other's change: the
        # later one is every laptop's, and the other waits as a conflict for a supervisor.
        with clock.using(later(1)):
            settings.set_readiness_track(a.supervisor, [WorkshopTopic.STRESS_MANAGEMENT])
        with clock.using(later(2)):
            settings.set_readiness_track(b.supervisor, [WorkshopTopic.SMART_GOALS])
        sync_all(laptops)
        assert {settings.readiness_track(lt.case_manager) for lt in laptops} == {
            (WorkshopTopic.SMART_GOALS,)}
        for laptop in laptops:
            (view,) = conflicts.waiting(laptop.supervisor)
            assert view.what == "Readiness track of the program settings"
            assert conflicts.waiting(laptop.case_manager) == []  # not a case's


def _forge_setting(session: Session, key: str, value: str) -> None:
    """What a laptop whose services were bypassed writes: the row itself, captured under the
    account at the keyboard."""
    with session.changing() as conn:
        ProgramSettingsRepository(conn).set(key, value)


@pytest.mark.parametrize("key", ["readiness_track", "auto_lock_minutes"])
def test_a_forged_settings_change_from_a_case_manager_is_refused(tmp_path: Path,
                                                                 key: str) -> None:
    with program_of(tmp_path, 2) as (a, b):
        settings.set_readiness_track(a.supervisor, TRACK)
        sync_all([a, b])
        before = settings.get_settings(a.supervisor)
        with pytest.raises(PermissionDeniedError):
            settings.update_settings(b.case_manager, auto_lock_minutes=60)
        _forge_setting(b.case_manager, key, '["feedback"]' if key == "readiness_track"
                       else "60")
        b.sync()
        report = a.sync()
        assert report.refused, "the forged change was applied"
        assert "may not change the program's settings" in str(report.refused)
        assert settings.get_settings(a.supervisor) == before


def test_a_forged_settings_change_from_a_coordinator_is_refused(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):  # so that an account unlocks everywhere
        accounts.add_account(a.supervisor, COORDINATOR, Role.COORDINATOR,
                             COORDINATOR_PASSPHRASE)
        sync_all([a, b])
        with b.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as coordinator:
            # The letter template is a coordinator's to keep; it travels.
            sharing_support.set_letter_template(
                coordinator, "Dear $employer_contact, meet $preferred_name.")
            sync_all([a, b])
            assert sharing_support.letter_template(a.supervisor).startswith("Dear")
            _forge_setting(coordinator, "organisation_name", "Not the program")
            b.sync()
        report = a.sync()
        assert "may not change the program's settings" in str(report.refused)
        assert settings.get_settings(a.supervisor).organisation_name == ""


def _as_before_the_upgrade(laptop: Laptop, values: dict[str, str]) -> None:
    """Put `laptop` back at schema 25 holding `values` in its own settings, as a laptop of
    the program was before settings travelled, and upgrade it."""
    conn = laptop.supervisor.conn
    with laptop.supervisor.changing():
        for trigger in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER sync_program_settings_{trigger}")
        conn.execute("DROP TABLE program_settings")
        conn.execute("DELETE FROM sync_versions WHERE tbl = 'program_settings'")
        conn.execute("DELETE FROM sync_changes WHERE tbl = 'program_settings'")
        for key, value in values.items():
            SettingsRepository(conn).set(key, value)
    conn.execute("PRAGMA user_version = 25")
    migrate(conn)


def _two_old_names(laptops: list[Laptop]) -> None:
    """a and b held different organisation names (and the same auto-lock time) before they
    upgraded; c held none. Then every laptop syncs."""
    a, b = laptops[0], laptops[1]
    take_in(a, "CT-1")  # the laptops have exchanged changes: their clocks are well past 1
    with clock.using(later(5)):
        take_in(b, "CT-2")
    sync_all(laptops)
    _as_before_the_upgrade(a, {"organisation_name": "Harbor A", "auto_lock_minutes": "9"})
    _as_before_the_upgrade(b, {"organisation_name": "Harbor B", "auto_lock_minutes": "9"})
    assert SettingsRepository(a.supervisor.conn).all().get("organisation_name") is None
    sync_all(laptops)


def test_differing_values_from_before_the_upgrade_become_a_conflict(tmp_path: Path) -> None:
    with program_of(tmp_path, 3) as laptops:
        c = laptops[2]
        _two_old_names(laptops)
        shown = {settings.get_settings(lt.supervisor).organisation_name for lt in laptops}
        assert len(shown) == 1  # the same interim value everywhere, c's too
        assert shown <= {"Harbor A", "Harbor B"}
        assert {settings.get_settings(lt.supervisor).auto_lock_minutes for lt in laptops} == {9}
        views = [conflicts.waiting(lt.supervisor) for lt in laptops]
        for found in views:  # one conflict (the equal auto-lock times are none)
            (view,) = found
            assert view.what == "Organisation name of the program settings"
            assert sorted(v.value for v in view.values) == ["Harbor A", "Harbor B"]
            # Held before the upgrade: no account and no time is known for them.
            assert all(v.written_by is None and v.written_at is None for v in view.values)
        assert len({f[0].conflict_id for f in views}) == 1
        for laptop in laptops:  # a case manager neither sees nor settles it
            assert conflicts.waiting(laptop.case_manager) == []
            with pytest.raises(NotFoundError):
                conflicts.resolve(laptop.case_manager, views[0][0].conflict_id,
                                  keep=views[0][0].values[0].value_id)
        # A supervisor settles it on the laptop that held neither: it closes everywhere.
        keep = next(v for v in views[2][0].values if v.value == "Harbor A")
        conflicts.resolve(c.supervisor, views[2][0].conflict_id, keep=keep.value_id)
        sync_all(laptops)
        assert {settings.get_settings(lt.case_manager).organisation_name
                for lt in laptops} == {"Harbor A"}
        assert all(conflicts.waiting(lt.supervisor) == [] for lt in laptops)


def test_a_case_managers_forged_settlement_of_a_settings_conflict_is_refused(
        tmp_path: Path) -> None:
    with program_of(tmp_path, 3) as laptops:
        a, b, _c = laptops
        _two_old_names(laptops)
        shown = settings.get_settings(a.supervisor).organisation_name
        # Written as the services write a settlement (they refuse it to a case manager:
        # the conflict is not in their cases), under b's case manager's account.
        with b.case_manager.changing() as conn:
            settle.settle(conn, "program_settings", "organisation_name", "value", "Forged",
                          b.case_manager.account.name)
        b.sync()
        assert "may not change the program's settings" in str(a.sync().refused)
        assert settings.get_settings(a.supervisor).organisation_name == shown
        assert len(conflicts.waiting(a.supervisor)) == 1


def test_a_later_edit_beats_values_from_before_the_upgrade(tmp_path: Path) -> None:
    with program_of(tmp_path, 3) as laptops:
        a, b, _c = laptops
        sync_all(laptops)
        _as_before_the_upgrade(b, {"readiness_track": '["smart_goals"]'})
        # b's supervisor changes the track on the upgraded b; a upgrades only later (with
        # its own old value) and syncs after: the deliberate edit wins everywhere.
        with clock.using(later(1)):
            settings.set_readiness_track(b.supervisor, TRACK)
        with clock.using(later(10)):
            _as_before_the_upgrade(a, {"readiness_track": '["feedback"]'})
        sync_all(laptops)
        assert {settings.readiness_track(lt.case_manager) for lt in laptops} == {TRACK}


def test_a_laptop_that_joins_takes_the_programs_settings(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    a = new_laptop(tmp_path, "a", folder)
    laptops = [a]
    try:
        # Set while 'a' was used alone: they go with its records when it starts the program.
        settings.update_settings(a.supervisor, organisation_name="Harbor Project")
        settings.set_readiness_track(a.supervisor, TRACK)
        sharing_support.set_logo(a.supervisor, PNG)
        b_file, b_code = enroll(a, "b", tmp_path)
        a.sync()
        laptops.append(join(tmp_path, "b", b_file, b_code, folder))
        b = laptops[1]
        assert settings.get_settings(b.supervisor).organisation_name == ""
        sync_all(laptops)
        assert settings.get_settings(b.case_manager) == settings.get_settings(a.supervisor)
        assert settings.readiness_track(b.case_manager) == TRACK
        assert sharing_support.logo(b.case_manager) == PNG
        # A change after it joined follows too.
        settings.update_settings(a.supervisor, auto_lock_minutes=15)
        sync_all(laptops)
        assert settings.get_settings(b.supervisor).auto_lock_minutes == 15
    finally:
        for laptop in laptops:
            laptop.close()
