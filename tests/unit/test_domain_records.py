"""Validation and rules of the case-record domain (no database, no Qt)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from casetracker.domain import catalog
from casetracker.domain.documents import (
    Attachment,
    Document,
    DocumentKind,
    DocumentStatus,
    check_transition,
    sniff_scan_type,
)
from casetracker.domain.eligibility import i9_readiness
from casetracker.domain.notes import CaseNote, Task
from casetracker.domain.plans import CheckIn, Goal, GoalDomain, Milestone, validate_goal
from casetracker.domain.survivors import (
    Availability,
    Barrier,
    SensitiveDetails,
    Survivor,
    validate_survivor,
)
from casetracker.domain.validation import ValidationError

TODAY = date(2026, 11, 23)


def survivor(**changes: object) -> Survivor:
    base = Survivor(id="s1", case_number="CT-1", preferred_name="Rosa", intake_date=TODAY)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_a_minimal_survivor_is_valid() -> None:
    validate_survivor(survivor(), TODAY)


def test_every_problem_is_reported_at_once() -> None:
    bad = survivor(case_number="CT 1!", preferred_name=" ", email="rosa(at)example",
                   phone="call me", date_of_birth=TODAY + timedelta(days=1),
                   availability=Availability(hours_per_week=200))
    with pytest.raises(ValidationError) as info:
        validate_survivor(bad, TODAY)
    assert set(info.value.problems) == {"case_number", "preferred_name", "email", "phone",
                                        "date_of_birth", "availability_hours"}


def goal(**changes: object) -> Goal:
    base = Goal("g1", "s1", GoalDomain.EMPLOYMENT, "Complete a 12-week paid internship",
                "12 weeks of timesheets", "20 hours a week fits childcare",
                "Leads to a hospitality job", TODAY + timedelta(days=120))
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_smart_goal_needs_all_five_parts() -> None:
    validate_goal(goal(), TODAY, new=True)
    with pytest.raises(ValidationError) as info:
        validate_goal(goal(measurable="", relevant="  "), TODAY, new=True)
    assert set(info.value.problems) == {"measurable", "relevant"}


def test_new_goal_target_date_must_be_in_the_future() -> None:
    with pytest.raises(ValidationError, match="target_date"):
        validate_goal(goal(target_date=TODAY), TODAY, new=True)
    validate_goal(goal(target_date=TODAY - timedelta(days=3)), TODAY, new=False)


def test_milestones_sit_inside_the_target_date_and_count_progress() -> None:
    target = TODAY + timedelta(days=60)
    inside = Milestone("m1", "g1", "Finish workshops", target, completed_on=TODAY)
    later = Milestone("m2", "g1", "Start internship", target + timedelta(days=1))
    with pytest.raises(ValidationError, match="after the goal's target date"):
        validate_goal(goal(target_date=target, milestones=(inside, later)), TODAY, new=True)
    open_one = Milestone("m3", "g1", "Interview", target - timedelta(days=10))
    g = goal(target_date=target, milestones=(inside, open_one))
    assert g.progress == (1, 2)
    assert g.next_milestone() == open_one


@pytest.mark.parametrize(("current", "new", "ok"), [
    (DocumentStatus.MISSING, DocumentStatus.REQUESTED, True),
    (DocumentStatus.REQUESTED, DocumentStatus.RECOVERED, True),
    (DocumentStatus.RECOVERED, DocumentStatus.EXPIRED, True),
    (DocumentStatus.MISSING, DocumentStatus.NOT_NEEDED, True),
    (DocumentStatus.NOT_NEEDED, DocumentStatus.RECOVERED, False),
    (DocumentStatus.RECOVERED, DocumentStatus.REQUESTED, False),
])
def test_document_transitions(current: DocumentStatus, new: DocumentStatus, ok: bool) -> None:
    if ok:
        check_transition(current, new)
    else:
        with pytest.raises(ValidationError, match="cannot go from"):
            check_transition(current, new)


def doc(kind: DocumentKind, status: DocumentStatus = DocumentStatus.RECOVERED,
        expires: date | None = None) -> Document:
    return Document(kind.value, "s1", kind, status, expires_on=expires)


def test_i9_one_list_a_document_is_enough() -> None:
    assert i9_readiness([doc(DocumentKind.WORK_AUTHORIZATION)], TODAY).ready


def test_i9_list_b_needs_a_list_c_and_says_so() -> None:
    result = i9_readiness([doc(DocumentKind.STATE_ID)], TODAY)
    assert (result.ready, result.next_document) == (False, DocumentKind.SOCIAL_SECURITY_CARD)
    assert i9_readiness([doc(DocumentKind.STATE_ID), doc(DocumentKind.BIRTH_CERTIFICATE)],
                        TODAY).ready
    only_c = i9_readiness([doc(DocumentKind.SOCIAL_SECURITY_CARD)], TODAY)
    assert only_c.next_document is DocumentKind.STATE_ID


def test_i9_expired_or_unrecovered_documents_do_not_count() -> None:
    expired = doc(DocumentKind.PASSPORT, expires=TODAY - timedelta(days=1))
    requested = doc(DocumentKind.WORK_AUTHORIZATION, DocumentStatus.REQUESTED)
    result = i9_readiness([expired, requested], TODAY)
    assert not result.ready
    assert result.next_document is DocumentKind.WORK_AUTHORIZATION
    assert "not ready" in result.explain().lower()


def test_scans_are_sniffed_and_limited() -> None:
    assert sniff_scan_type(b"%PDF-1.7 rest") == "application/pdf"
    assert sniff_scan_type(b"\xff\xd8\xff\xe0 jpeg") == "image/jpeg"
    with pytest.raises(ValidationError, match="PDF, PNG or JPEG"):
        sniff_scan_type(b"MZ\x90\x00 an executable")
    with pytest.raises(ValidationError, match="MiB"):
        sniff_scan_type(b"%PDF-" + bytes(11 * 1024 * 1024))


ENTITIES = {
    "survivor": Survivor, "sensitive": SensitiveDetails, "goal": Goal, "milestone": Milestone,
    "checkin": CheckIn, "document": Document, "attachment": Attachment, "barrier": Barrier,
    "note": CaseNote, "task": Task,
}


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_every_field_is_declared_once_in_the_catalog(entity: str) -> None:
    declared = {f.attribute for f in catalog.CATALOG if f.entity == entity}
    fields = {f.name for f in dataclasses.fields(ENTITIES[entity])}
    assert fields - declared == set(), "add these fields to the catalog"
    computed = {"ready_for_i9"}
    assert declared - fields - computed == set(), "the catalog declares fields that do not exist"


def test_only_the_consentable_categories_are_shareable() -> None:
    assert {c.value for c in catalog.SHAREABLE} == {
        "alias", "readiness", "availability", "employment_goals", "work_history",
        "accommodations", "work_eligibility"}
    never = {"legal_first_name", "legal_last_name", "date_of_birth", "phone", "email",
             "address", "safe_contact", "case_number"}
    assert catalog.attributes("survivor", catalog.SHAREABLE) & never == set()
    assert catalog.attributes("sensitive", catalog.SHAREABLE) == set()
    assert catalog.attributes("sensitive", catalog.COORDINATOR_VISIBLE) == set()
    with pytest.raises(KeyError):
        catalog.spec("survivor.favourite_colour")
