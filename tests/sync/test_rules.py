"""The role rules applied to incoming changes agree with the services: for each role, what a
service lets it do passes the rules, and what a service refuses it, the rules refuse (the
same changes, made by a role allowed to and relabelled with the refused role's account)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.catalog import Category
from casetracker.domain.documents import DocumentStatus
from casetracker.domain.employment import Industry, Stage, WorkshopTopic
from casetracker.domain.errors import PermissionDeniedError
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import BarrierKind
from casetracker.services import (
    access,
    accounts,
    consent,
    documents,
    duplicates,
    employers,
    notes,
    placement,
    plans,
    reviews,
    sensitive,
    settings,
    sharing,
    sharing_support,
    survivors,
)
from casetracker.services.session import Session
from casetracker.storage.migrations.v011_change_capture import BY_TABLE
from casetracker.storage.sync_repo import Change, SyncRepository
from casetracker.sync import capture, rules
from tests.helpers import (
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    OTHER_CASE_MANAGER,
    OTHER_CASE_MANAGER_PASSPHRASE,
)
from tests.sync_laptops import program_of, take_in

Probe = Callable[[Session], object]


def _probes(ids: dict[str, str]) -> list[tuple[str, Probe]]:
    today = clock.today()
    return [
        # CT-4 has no phone, legal first name or sensitive details: the merge fills them
        # from CT-3 (allowed only beside the delete of a record). Moves of rows are left to
        # tests/sync/test_merge_records.py: the table lets a case manager change every field
        # of their rows, so a moved note's forged twin would pass as theirs.
        ("merge two records", lambda s: duplicates.merge(s, "CT-4", "CT-3", "CT-3")),
        ("take in a survivor", lambda s: survivors.create_survivor(
            s, survivors.draft(f"CT-{s.account.name}", "Pia"))),
        ("change the profile", lambda s: survivors.update_survivor(s, "CT-1", phone="555-0101")),
        ("change the legal name", lambda s: survivors.update_survivor(
            s, "CT-1", legal_first_name=f"Rosa {s.account.name}")),
        ("close the case", lambda s: survivors.set_status(
            s, "CT-2", survivors.CaseStatus.CLOSED)),
        ("sensitive details", lambda s: sensitive.update_sensitive(
            s, "CT-1", safety_plan=f"plan {s.account.name}")),
        ("barrier", lambda s: sensitive.add_barrier(s, "CT-1", BarrierKind.HOUSING)),
        ("goal", lambda s: plans.add_goal(
            s, "CT-1", domain=GoalDomain.EMPLOYMENT, specific="a job", measurable="hired",
            achievable="yes", relevant="yes", target_date=today + timedelta(days=90))),
        ("milestone", lambda s: plans.add_milestone(s, ids["goal"], "resume",
                                                    today + timedelta(days=10))),
        ("check-in", lambda s: plans.add_checkin(s, ids["goal"], "on track")),
        ("note", lambda s: notes.add_note(s, "CT-1", "called")),
        ("task", lambda s: notes.add_task(s, "CT-1", "call back", today)),
        ("tick a coordinator's task", lambda s: notes.set_task_done(s, ids["task"], today)),
        ("document", lambda s: documents.set_status(s, ids["document"],
                                                    DocumentStatus.REQUESTED)),
        ("consent", lambda s: consent.add_consent(
            s, "CT-1", purpose="Referral for work", categories=frozenset({Category.ALIAS}),
            expires_on=today + timedelta(days=30), recipient_employer="Acme")),
        ("placement step", lambda s: placement.advance(
            s, "CT-1", Stage.READINESS if placement.current_stage(s, "CT-1") is Stage.MATCHING
            else Stage.MATCHING)),
        ("employer", lambda s: employers.add_employer(s, f"Firm {s.account.name}",
                                                      Industry.HOSPITALITY)),
        ("workshop", lambda s: placement.add_workshop(s, WorkshopTopic.FEEDBACK, today)),
        ("review", lambda s: reviews.add_review(s, "CT-1", "fine", ["update the plan"],
                                                    signed_off=True)),
        ("ask for a review of what is shared", lambda s: sharing._ask_for_review(
            s, access.find_by_id(s, ids["survivor"]))),
        ("assign the case", lambda s: survivors.assign(s, "CT-1", OTHER_CASE_MANAGER)),
        # The program's settings (schema 26): a supervisor's; the letter template also a
        # coordinator's.
        ("program settings", lambda s: settings.update_settings(
            s, organisation_name=f"Harbor Project ({s.account.name})")),
        ("readiness track", lambda s: settings.set_readiness_track(
            s, [WorkshopTopic.FEEDBACK, WorkshopTopic.RESUME_BUILDING])),
        ("letterhead logo", lambda s: sharing_support.set_logo(
            s, b"\x89PNG\r\n\x1a\n" + s.account.name.encode())),
        ("letter template", lambda s: sharing_support.set_letter_template(
            s, f"Dear $employer_contact, please meet $preferred_name. ({s.account.name})")),
    ]


def _changes_made(session: Session, probe: Probe) -> list[Change] | None:
    """The changes `probe` logs when `session` runs it; None when the service refuses."""
    repo = SyncRepository(session.conn)
    capture.flush(session.conn)
    mark = max([c.seq for c in repo.pending(0, 1_000_000)], default=0)
    try:
        probe(session)
    except PermissionDeniedError:
        return None
    capture.flush(session.conn)
    return repo.pending(mark, 1_000_000)


def test_the_rules_cover_every_replicated_table() -> None:
    assert set(rules.RULES) == set(BY_TABLE)


def test_the_rules_agree_with_the_services(tmp_path: Path) -> None:
    with program_of(tmp_path, 1) as (laptop,):
        sup, cm = laptop.supervisor, laptop.case_manager
        accounts.add_account(sup, COORDINATOR, Role.COORDINATOR, COORDINATOR_PASSPHRASE)
        accounts.add_account(sup, OTHER_CASE_MANAGER, Role.CASE_MANAGER,
                             OTHER_CASE_MANAGER_PASSPHRASE)
        take_in(laptop, "CT-1")
        take_in(laptop, "CT-2")
        take_in(laptop, "CT-3")
        survivors.update_survivor(cm, "CT-3", phone="555-0199", legal_first_name="Rosa")
        sensitive.update_sensitive(cm, "CT-3", health_notes="asthma")
        take_in(laptop, "CT-4")
        employers.add_employer(sup, "Acme", Industry.HOSPITALITY)
        goal = plans.add_goal(cm, "CT-1", domain=GoalDomain.HOUSING, specific="a flat",
                              measurable="keys", achievable="yes", relevant="yes",
                              target_date=clock.today() + timedelta(days=60))
        task = notes.add_task(cm, "CT-1", "send the letter", clock.today(), COORDINATOR)
        ids = {"goal": goal.id, "survivor": survivors.get_survivor(cm, "CT-1").id, "task": task.id,
               "document": documents.documents(cm, "CT-1")[0].id}
        with laptop.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as coord:
            # The coordinator first: some things are done once (asking for a review).
            sessions = {Role.COORDINATOR: coord, Role.CASE_MANAGER: cm, Role.SUPERVISOR: sup}
            outcomes: dict[str, dict[Role, list[Change] | None]] = {}
            for name, probe in _probes(ids):
                outcomes[name] = {role: _changes_made(session, probe)
                                  for role, session in sessions.items()}
        # What the services let each role do, table by table (field by field for updates).
        allowed = {(role, c.table, c.op, c.field) for by_role in outcomes.values()
                   for role, made in by_role.items() for c in made or ()}
        checked = 0
        for name, by_role in outcomes.items():
            reference = next((c for c in by_role.values() if c), None)
            assert reference, f"no role may {name}: the probe is wrong"
            for role, made in by_role.items():
                merge = bool(rules.merging(made or []))
                for change in made or ():  # the service allowed it: so do the rules
                    assert rules.refusal(change, role, merge=merge) is None, (name, role, change)
                if made is not None:
                    continue
                # Refused by the service: the same changes under this role's account are
                # refused, unless another service lets this role make that kind of change.
                merge = bool(rules.merging(reference))
                for change in reference:
                    forged = replace(change, actor=sessions[role].account.name)
                    if (role, change.table, change.op, change.field) not in allowed:
                        assert rules.refusal(forged, role, merge=merge), (
                            name, role, change.table, change.field)
                        checked += 1
        assert checked > 40
        # The probes reach both answers for each role.
        for role in sessions:
            answers = {by_role[role] is None for by_role in outcomes.values()}
            assert answers == {True, False}, role


def test_a_supervisors_merge_moves_count_only_beside_a_deleted_record() -> None:
    """A supervisor's lone edit of a phone or move of a note to another case is refused; the
    same change in a bundle that also deletes a survivor record (a merge) is accepted."""
    fill = Change(1, 10, "sam", "survivors", "x", "update", "phone", "1", ((5, "a"),))
    move = Change(2, 11, "sam", "notes", "n", "update", "survivor_id", "x", ((5, "a"),))
    gone = Change(3, 12, "sam", "survivors", "y", "delete", None, None, ((5, "a"),))
    for change in (fill, move):
        assert rules.refusal(change, Role.SUPERVISOR) is not None
        assert rules.refusal(change, Role.SUPERVISOR, merge=True) is None
    assert rules.merging([fill, move]) == set()
    assert rules.merging([fill, move, gone]) == {"sam"}
    with pytest.raises(rules.RoleRefusedError):
        rules.check([fill, move], {"sam": Role.SUPERVISOR}, snapshot_over=True)
    assert rules.check([fill, move, gone], {"sam": Role.SUPERVISOR}, snapshot_over=True)
    # Not for anyone else: a preferred name is never filled in.
    rename = replace(fill, field="preferred_name")
    assert rules.refusal(rename, Role.SUPERVISOR, merge=True) is not None


def test_a_settlement_passes_for_a_supervisor_and_an_edit_does_not() -> None:
    edit = Change(1, 10, "sam", "survivors", "x", "update", "phone", "1", ((5, "a"),))
    settled = replace(edit, replaced=((5, "a"), (6, "b")))
    assert rules.refusal(edit, Role.SUPERVISOR) is not None
    assert rules.refusal(settled, Role.SUPERVISOR) is None
    assert rules.refusal(settled, Role.COORDINATOR) is not None


def test_program_settings_are_a_supervisors_and_no_case_manager_settles_them() -> None:
    edit = Change(1, 10, "x", "program_settings", "readiness_track", "update", "value",
                  '["feedback"]', ((5, "a"),))
    settled = replace(edit, replaced=((5, "a"), (6, "b")))
    for change in (edit, settled):
        assert rules.refusal(change, Role.SUPERVISOR) is None
        assert rules.refusal(change, Role.CASE_MANAGER) is not None
        assert rules.refusal(change, Role.COORDINATOR) is not None
    template = replace(edit, row_id="referral_letter_template")
    assert rules.refusal(template, Role.COORDINATOR) is None
    assert rules.refusal(template, Role.CASE_MANAGER) is not None
    # What stays on each laptop never arrives, not even from a supervisor.
    folder = replace(edit, row_id="sync.folder")
    assert rules.refusal(folder, Role.SUPERVISOR) is not None
    inserted = Change(1, 10, "x", "program_settings", "auto_lock_minutes", "insert",
                      value={"key": "sync.folder", "value": "/tmp"})
    assert rules.refusal(inserted, Role.SUPERVISOR) is not None


def test_a_case_manager_settles_no_conflict_outside_a_case() -> None:
    settled = Change(1, 10, "ana", "employers", "x", "update", "name", "Acme",
                     ((5, "a"), (6, "b")))
    assert rules.refusal(settled, Role.CASE_MANAGER) is not None
    assert rules.refusal(replace(settled, table="notes", field="text"),
                         Role.CASE_MANAGER) is None


def test_a_case_manager_does_not_settle_who_a_case_belongs_to() -> None:
    """The conflicts service asks the same rules first, so a case manager's settlement of a
    reassignment is refused on their own laptop instead of by every other one."""
    settled = Change(1, 10, "ana", "survivors", "x", "update", "assigned_to", "ben",
                     ((5, "a"), (6, "b")))
    assert rules.refusal(settled, Role.CASE_MANAGER) is not None
    assert rules.refusal(settled, Role.SUPERVISOR) is None
