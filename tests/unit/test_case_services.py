"""Every case service, with its role checks: allowed and denied, both audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from casetracker.domain import clock
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.errors import AlreadyExistsError, PermissionDeniedError
from casetracker.domain.notes import ContactType
from casetracker.domain.plans import GoalDomain, GoalStatus
from casetracker.domain.survivors import BarrierKind, CaseStatus, SensitiveDetails, Survivor
from casetracker.domain.validation import ValidationError
from casetracker.services import audit, documents, notes, plans, sensitive, survivors
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, OTHER_CASE_MANAGER

TODAY = clock.today()


def take_in(session: Session, name: str = "Rosa", **values: object) -> Survivor:
    return survivors.create_survivor(
        session, survivors.draft("", name, legal_first_name="Rosa María",
                                 legal_last_name="Quintero", **values),
        SensitiveDetails("", history_notes="Recruited with a false job offer"))


def actions(team: Team, who: str | None = None) -> list[tuple[str | None, str, str | None]]:
    return [(e.actor, e.action, e.subject) for e in audit.recent_entries(team.supervisor, 500)
            if who is None or e.actor == who]


def test_intake_assigns_to_the_case_manager_and_starts_the_checklist(team: Team) -> None:
    rosa = take_in(team.case_manager)
    assert rosa.assigned_to == CASE_MANAGER
    assert rosa.case_number == f"CT-{TODAY.year}-0001"
    checklist = documents.documents(team.case_manager, rosa.case_number)
    assert {d.kind for d in checklist} == set(DocumentKind) - {DocumentKind.OTHER}
    assert all(d.status is DocumentStatus.MISSING for d in checklist)
    assert (CASE_MANAGER, "survivor.create", rosa.case_number) in actions(team)


def test_duplicate_case_numbers_are_refused(team: Team) -> None:
    survivors.create_survivor(team.case_manager, survivors.draft("A-1", "Rosa"))
    with pytest.raises(AlreadyExistsError):
        survivors.create_survivor(team.case_manager, survivors.draft("a-1", "Lena"))


@pytest.mark.parametrize("who", ["supervisor", "coordinator"])
def test_only_case_managers_take_survivors_in(team: Team, who: str) -> None:
    session = getattr(team, who)
    with pytest.raises(PermissionDeniedError):
        take_in(session)
    assert (session.account.name, "access.denied", None) in actions(team)


def test_views_are_audited_and_limited_to_the_caseload(team: Team) -> None:
    rosa = take_in(team.case_manager)
    survivors.get_survivor(team.case_manager, rosa.case_number)
    survivors.get_survivor(team.supervisor, rosa.case_number)
    with pytest.raises(PermissionDeniedError, match="not in your caseload"):
        survivors.get_survivor(team.other_case_manager, rosa.case_number)
    with pytest.raises(PermissionDeniedError, match="employment profile"):
        survivors.get_survivor(team.coordinator, rosa.case_number)
    log = actions(team)
    assert (CASE_MANAGER, "survivor.view", rosa.case_number) in log
    assert (team.supervisor.account.name, "survivor.view", rosa.case_number) in log
    assert (OTHER_CASE_MANAGER, "access.denied", rosa.case_number) in log
    assert (team.coordinator.account.name, "access.denied", rosa.case_number) in log


def test_coordinator_sees_only_the_employment_profile(team: Team) -> None:
    rosa = take_in(team.case_manager, skills=("forklift",))
    plans.add_goal(team.case_manager, rosa.case_number, domain=GoalDomain.EMPLOYMENT,
                   specific="Get a warehouse job", measurable="An offer letter",
                   achievable="Has forklift training", relevant="Steady income",
                   target_date=TODAY + timedelta(days=90))
    profile = survivors.get_employment_profile(team.coordinator, rosa.case_number)
    assert profile.preferred_name == "Rosa"
    assert profile.employment_goals == ("Get a warehouse job",)
    assert profile.skills == ("forklift",)
    assert not profile.ready_for_i9
    shown = repr(profile)
    for withheld in ("Quintero", "Rosa María", "Recruited"):
        assert withheld not in shown
    for read in (sensitive.get_sensitive, notes.notes, documents.documents, plans.goals):
        with pytest.raises(PermissionDeniedError):
            read(team.coordinator, rosa.case_number)


def test_sensitive_details_for_the_case_staff_only(team: Team) -> None:
    rosa = take_in(team.case_manager)
    assert sensitive.get_sensitive(team.case_manager, rosa.case_number).history_notes
    sensitive.update_sensitive(team.case_manager, rosa.case_number,
                               criminal_record_notes="Charged while trafficked")
    assert sensitive.get_sensitive(team.supervisor, rosa.case_number).criminal_record_notes
    with pytest.raises(PermissionDeniedError):
        sensitive.update_sensitive(team.supervisor, rosa.case_number, safety_plan="x")
    with pytest.raises(PermissionDeniedError):
        sensitive.get_sensitive(team.other_case_manager, rosa.case_number)
    update = [a for a in actions(team) if a[1] == "survivor.update_sensitive"]
    assert update == [(CASE_MANAGER, "survivor.update_sensitive", rosa.case_number)]
    details = next(e.details for e in audit.recent_entries(team.supervisor, 200)
               if e.action == "survivor.update_sensitive")
    assert details == {"fields": ["criminal_record_notes"]}  # names, never values


EDITS: dict[str, Callable[[Session, str], object]] = {
    "profile": lambda s, c: survivors.update_survivor(s, c, phone="(555) 555-0100"),
    "barrier": lambda s, c: sensitive.add_barrier(s, c, BarrierKind.CHILDCARE),
    "goal": lambda s, c: plans.add_goal(
        s, c, domain=GoalDomain.HOUSING, specific="Move out", measurable="Lease signed",
        achievable="Voucher", relevant="Safety", target_date=TODAY + timedelta(days=30)),
    "note": lambda s, c: notes.add_note(s, c, "Called", ContactType.PHONE),
    "task": lambda s, c: notes.add_task(s, c, "Call DMV", TODAY + timedelta(days=3)),
    "document": lambda s, c: documents.add_document(s, c, DocumentKind.OTHER, "Lease"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_edits_belong_to_the_assigned_case_manager(team: Team, edit: str) -> None:
    rosa = take_in(team.case_manager)
    EDITS[edit](team.case_manager, rosa.case_number)
    for other in (team.supervisor, team.other_case_manager, team.coordinator):
        with pytest.raises(PermissionDeniedError):
            EDITS[edit](other, rosa.case_number)
    denied = [a for a in actions(team) if a[1] == "access.denied"]
    assert len(denied) == 3


def test_closed_cases_are_read_only_until_reopened(team: Team) -> None:
    rosa = take_in(team.case_manager)
    survivors.set_status(team.case_manager, rosa.case_number, CaseStatus.CLOSED)
    with pytest.raises(PermissionDeniedError, match="closed"):
        notes.add_note(team.case_manager, rosa.case_number, "After closing")
    survivors.set_status(team.case_manager, rosa.case_number, CaseStatus.ACTIVE)
    notes.add_note(team.case_manager, rosa.case_number, "Reopened")


def test_profile_update_validates_and_audits_field_names(team: Team) -> None:
    rosa = take_in(team.case_manager)
    with pytest.raises(ValidationError, match="email"):
        survivors.update_survivor(team.case_manager, rosa.case_number, email="not an email")
    updated = survivors.update_survivor(team.case_manager, rosa.case_number,
                                        email="rosa@example.org", pronouns="she/her")
    assert updated.email == "rosa@example.org"
    entry = [e for e in audit.recent_entries(team.supervisor, 100)
             if e.action == "survivor.update"][-1]
    assert entry.details == {"fields": ["email", "pronouns"]}


def test_goals_milestones_and_checkins(team: Team) -> None:
    rosa = take_in(team.case_manager)
    target = TODAY + timedelta(days=84)
    goal = plans.add_goal(
        team.case_manager, rosa.case_number, domain=GoalDomain.EMPLOYMENT,
        specific="Complete a 12-week paid internship", measurable="12 weekly timesheets",
        achievable="20 hours a week", relevant="Hospitality career", target_date=target,
        milestones=[("Finish readiness workshops", TODAY + timedelta(days=14)),
                    ("Start the internship", TODAY + timedelta(days=21))])
    first = goal.milestones[0]
    plans.set_milestone_done(team.case_manager, first.id, TODAY)
    plans.add_checkin(team.case_manager, goal.id, "Going well; liked the feedback workshop")
    stored = plans.goals(team.case_manager, rosa.case_number)[0]
    assert stored.progress == (1, 2)
    assert stored.next_milestone() is not None
    assert [c.note for c in plans.checkins(team.supervisor, goal.id)] == [
        "Going well; liked the feedback workshop"]
    with pytest.raises(ValidationError, match="after the goal's target date"):
        plans.add_milestone(team.case_manager, goal.id, "Too late", target + timedelta(days=1))
    with pytest.raises(ValidationError):
        plans.add_goal(team.case_manager, rosa.case_number, domain=GoalDomain.LEGAL,
                       specific="Vacatur", measurable="", achievable="x", relevant="y",
                       target_date=TODAY)
    plans.update_goal(team.case_manager, goal.id, status=GoalStatus.ACHIEVED)
    caseload = survivors.caseload(team.case_manager)
    assert caseload[0].next_milestone_due is None  # achieved goals no longer count


def test_documents_status_dates_and_scans(team: Team) -> None:
    rosa = take_in(team.case_manager)
    ssc = next(d for d in documents.documents(team.case_manager, rosa.case_number)
               if d.kind is DocumentKind.SOCIAL_SECURITY_CARD)
    requested = documents.set_status(team.case_manager, ssc.id, DocumentStatus.REQUESTED,
                                     TODAY - timedelta(days=10))
    assert requested.requested_on == TODAY - timedelta(days=10)
    with pytest.raises(ValidationError, match="cannot go from"):
        documents.set_status(team.case_manager, ssc.id, DocumentStatus.EXPIRED)
    documents.set_status(team.case_manager, ssc.id, DocumentStatus.RECOVERED)
    documents.update_details(team.case_manager, ssc.id, issuer="SSA",
                             original_location="Office safe, drawer 2")
    scan = documents.attach_scan(team.case_manager, ssc.id, "../../ssc.png",
                                 b"\x89PNG\r\n\x1a\n" + b"pixels" * 100)
    assert scan.filename == "ssc.png"
    meta, content = documents.read_scan(team.supervisor, scan.id)
    assert content.startswith(b"\x89PNG")
    assert meta.sha256 == scan.sha256
    with pytest.raises(PermissionDeniedError):
        documents.read_scan(team.other_case_manager, scan.id)
    readiness = documents.readiness(team.case_manager, rosa.case_number)
    assert readiness.next_document is DocumentKind.STATE_ID
    assert ("ana", "document.scan_view", rosa.case_number) not in actions(team)
    assert (team.supervisor.account.name, "document.scan_view", rosa.case_number) in actions(
        team)


def test_caseload_columns_and_scope(team: Team) -> None:
    rosa = take_in(team.case_manager)
    take_in(team.other_case_manager, "Lena")
    notes.add_note(team.case_manager, rosa.case_number, "Met", ContactType.IN_PERSON,
                   TODAY - timedelta(days=2))
    notes.add_note(team.case_manager, rosa.case_number, "No answer", ContactType.NO_CONTACT)
    mine = survivors.caseload(team.case_manager)
    assert [r.preferred_name for r in mine] == ["Rosa"]
    assert mine[0].last_contact == TODAY - timedelta(days=2)
    assert mine[0].documents_outstanding == 8
    assert {r.preferred_name for r in survivors.caseload(team.supervisor)} == {"Rosa", "Lena"}
    assert survivors.caseload_size(team.coordinator) == 2


def test_tasks_and_assignment(team: Team) -> None:
    rosa = take_in(team.case_manager)
    task = notes.add_task(team.case_manager, rosa.case_number, "Call the DMV",
                          TODAY + timedelta(days=2))
    assert [t.title for t in notes.my_open_tasks(team.case_manager)] == ["Call the DMV"]
    notes.set_task_done(team.case_manager, task.id, TODAY)
    assert notes.my_open_tasks(team.case_manager) == []
    survivors.assign(team.supervisor, rosa.case_number, OTHER_CASE_MANAGER)
    with pytest.raises(PermissionDeniedError):
        notes.add_note(team.case_manager, rosa.case_number, "Not mine any more")
    notes.add_note(team.other_case_manager, rosa.case_number, "Taking over")
    with pytest.raises(PermissionDeniedError):
        survivors.assign(team.case_manager, rosa.case_number, CASE_MANAGER)


def test_every_write_keeps_the_audit_chain_intact(team: Team) -> None:
    rosa = take_in(team.case_manager)
    for edit in EDITS.values():
        edit(team.case_manager, rosa.case_number)
    assert audit.verify_chain(team.supervisor).ok
