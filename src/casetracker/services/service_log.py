"""Recording the services a survivor receives (issue 21: funders count them).

The survivor's case manager records them on an open case; whoever may read the case notes may
read them (their notes can say as much as a case note). Each is audited without its note.
"""

from __future__ import annotations

import uuid
from datetime import date

from casetracker.domain import clock
from casetracker.domain.errors import NotFoundError, UsageError
from casetracker.domain.service_log import (
    ServiceContact,
    ServiceType,
    added_kind,
    kind_label,
    validate_service,
)
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.services.settings import get_settings
from casetracker.storage.service_log_repo import ServiceLogRepository


def service_types(session: Session) -> list[tuple[str, str]]:
    """(kind, name) of every service type that can be recorded: the built-in ones, then those
    the program added in Settings."""
    return ([(t.value, kind_label(t.value)) for t in ServiceType]
            + [(added_kind(name), name) for name in get_settings(session).service_types_added])


def parse_kind(session: Session, text: str) -> str:
    """A service type given as its built-in value ("transportation"), its name, or the name
    of a type the program added; `UsageError` naming the choices otherwise."""
    wanted = text.strip().casefold()
    for kind, name in service_types(session):
        if wanted in (kind.casefold(), name.casefold()):
            return kind
    raise UsageError(f"unknown service type {text!r}; choose one of "
                     + ", ".join(k if k in set(ServiceType) else n
                                 for k, n in service_types(session)))


def record(session: Session, case_number: str, kind: ServiceType | str, *,
           on: date | None = None, minutes: int | None = None,
           note: str = "") -> ServiceContact:
    """Record one service given to the survivor (today unless `on` says otherwise): a
    built-in type, or one the program added in Settings."""
    kind = str(kind)
    if kind not in {k for k, _name in service_types(session)}:
        raise UsageError(f"{kind_label(kind)!r} is not a service type of this program")
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "recording a service")
    service = ServiceContact(str(uuid.uuid4()), survivor.id, on or clock.today(), kind,
                             minutes, note.strip(), session.account.name, clock.now_iso())
    validate_service(service, clock.today(), survivor.intake_date)
    with session.changing():
        ServiceLogRepository(session.conn).add(service)
        session.audit("service.record", survivor.case_number, kind=kind,
                      minutes=minutes)
    return service


def services(session: Session, case_number: str) -> list[ServiceContact]:
    """The survivor's services, newest first."""
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading the services given")
    session.audit_view(survivor.case_number, "services")
    return ServiceLogRepository(session.conn).for_survivor(survivor.id)


def remove(session: Session, service_id: str) -> ServiceContact:
    """Take back a service recorded by mistake (the undo of `record`)."""
    repo = ServiceLogRepository(session.conn)
    service = repo.get(service_id)
    if service is None:
        raise NotFoundError("that service is not recorded")
    survivor = access.find_by_id(session, service.survivor_id)
    access.require_case_edit(session, survivor, "removing a recorded service")
    with session.changing():
        repo.delete(service_id)
        session.audit("service.remove", survivor.case_number, kind=service.kind)
    return service
