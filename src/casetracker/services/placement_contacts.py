"""The employer's people at a placement and the case manager's coaching of the employer
(issue 21 §3).

Each placement at work (the newest internship, apprenticeship or job step of the pipeline)
names the onsite supervisor and a mentor at the employer, with their work contacts. They are
the employer's people, kept as employer data: in their own table (an internship's in its own
record), in no field-catalog category, so nothing exported about or for a survivor carries
them. The case manager records coaching contacts with the employer for the placement. Kept and
read like the pipeline (`access.require_pipeline_edit`, `require_employment_read`)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from casetracker.domain import clock
from casetracker.domain.apprenticeships import (
    CoachingContact,
    CoachingTopic,
    PlacementPeople,
    validate_coaching,
    validate_people,
)
from casetracker.domain.employment import WORKING_STAGES, PlacementStep, Stage
from casetracker.domain.errors import NotFoundError
from casetracker.domain.survivors import Survivor
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.apprenticeships_repo import ApprenticeshipRepository
from casetracker.storage.employment_repo import EmploymentRepository
from casetracker.storage.internships_repo import InternshipRepository


def _placement(session: Session, survivor: Survivor) -> PlacementStep | None:
    """The newest step that put the survivor to work (internship, apprenticeship or job)."""
    steps = EmploymentRepository(session.conn).steps(survivor.id)
    return next((s for s in reversed(steps) if s.stage in WORKING_STAGES), None)


def _required(session: Session, survivor: Survivor) -> PlacementStep:
    step = _placement(session, survivor)
    if step is None:
        raise NotFoundError(f"case {survivor.case_number} has no placement yet (an "
                            "internship, apprenticeship or job step)")
    return step


def _people_of(session: Session, step: PlacementStep) -> PlacementPeople:
    if step.stage is Stage.INTERNSHIP:
        found = next((i for i in InternshipRepository(session.conn).for_survivor(
            step.survivor_id) if i.step_id == step.id), None)
        if found is not None:
            return PlacementPeople(step.id, step.survivor_id, step.employer_id,
                                   found.employer_supervisor, found.employer_supervisor_contact,
                                   found.employer_mentor, found.employer_mentor_contact,
                                   found.updated_at)
    stored = ApprenticeshipRepository(session.conn).people(step.id)
    return stored or PlacementPeople(step.id, step.survivor_id, step.employer_id)


def placement(session: Session, case_number: str) -> PlacementStep | None:
    """The survivor's current placement at work, if any."""
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "reading a placement")
    return _placement(session, survivor)


def people(session: Session, case_number: str) -> PlacementPeople | None:
    """The onsite supervisor and mentor of the current placement (None without one)."""
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "reading a placement's contacts")
    step = _placement(session, survivor)
    if step is None:
        return None
    session.audit_view(survivor.case_number, "placement_contacts")
    return _people_of(session, step)


def set_people(session: Session, case_number: str, *, supervisor: str | None = None,
               supervisor_contact: str | None = None, mentor: str | None = None,
               mentor_contact: str | None = None) -> PlacementPeople:
    """Name the onsite supervisor and mentor at the employer for the current placement (an
    argument left out keeps its value)."""
    survivor = access.find(session, case_number)
    access.require_pipeline_edit(session, survivor, "naming a placement's supervisor and mentor")
    step = _required(session, survivor)
    before = _people_of(session, step)
    given = {"supervisor": supervisor, "supervisor_contact": supervisor_contact,
             "mentor": mentor, "mentor_contact": mentor_contact}
    changes = {k: v.strip() for k, v in given.items() if v is not None}
    updated = replace(before, **changes, updated_at=clock.now_iso())
    validate_people(updated)
    with session.changing():
        if step.stage is Stage.INTERNSHIP and InternshipRepository(session.conn).for_survivor(
                survivor.id):
            internships = InternshipRepository(session.conn)
            internship = next(i for i in internships.for_survivor(survivor.id)
                              if i.step_id == step.id)
            internships.save(replace(
                internship, employer_supervisor=updated.supervisor,
                employer_supervisor_contact=updated.supervisor_contact,
                employer_mentor=updated.mentor, employer_mentor_contact=updated.mentor_contact,
                updated_at=updated.updated_at))
        else:
            ApprenticeshipRepository(session.conn).save_people(updated)
        session.audit("placement.people", survivor.case_number, stage=step.stage.value,
                      fields=sorted(k for k, v in changes.items() if getattr(before, k) != v))
    return updated


def add_coaching(session: Session, case_number: str, with_whom: str, topic: CoachingTopic, *,
                 on: date | None = None, note: str = "") -> CoachingContact:
    """A coaching contact with the employer about the current placement."""
    survivor = access.find(session, case_number)
    access.require_pipeline_edit(session, survivor, "recording an employer coaching contact")
    step = _required(session, survivor)
    contact = CoachingContact(str(uuid.uuid4()), step.id, survivor.id, step.employer_id,
                              on or clock.today(), with_whom.strip(), topic, note.strip(),
                              session.account.name, clock.now_iso())
    validate_coaching(contact, step.on, clock.today())
    with session.changing():
        ApprenticeshipRepository(session.conn).add_coaching(contact)
        session.audit("placement.coaching", survivor.case_number, topic=topic.value,
                      contacted_on=contact.contacted_on.isoformat())
    return contact


def coaching(session: Session, case_number: str) -> list[CoachingContact]:
    """The coaching contacts of the current placement, oldest first."""
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "reading employer coaching contacts")
    step = _placement(session, survivor)
    if step is None:
        return []
    session.audit_view(survivor.case_number, "employer_coaching")
    return ApprenticeshipRepository(session.conn).coaching(step.id)
