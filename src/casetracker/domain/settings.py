"""Program-wide settings kept inside the encrypted database (never in plain settings files)."""

from __future__ import annotations

from dataclasses import dataclass

from casetracker.domain.employment import DEFAULT_TRACK, WorkshopTopic
from casetracker.domain.service_log import SERVICE_LABELS
from casetracker.domain.validation import Checker

DEFAULT_AUTO_LOCK_MINUTES = 5
DEFAULT_BACKUP_REMINDER_DAYS = 7


@dataclass(frozen=True, slots=True)
class ProgramSettings:
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES
    organisation_name: str = ""
    organisation_address: str = ""
    organisation_phone: str = ""
    # Supervisors are reminded at unlock when the newest backup is older than this.
    backup_reminder_days: int = DEFAULT_BACKUP_REMINDER_DAYS
    # The workshops a survivor completes to be "ready to match" (`WorkshopTopic` values).
    readiness_track: tuple[str, ...] = tuple(t.value for t in DEFAULT_TRACK)
    # Service types the program records beyond the built-in ones (their names, as shown).
    service_types_added: tuple[str, ...] = ()


MAX_SERVICE_TYPE_NAME = 60
MAX_SERVICE_TYPES_ADDED = 30


def validate_settings(settings: ProgramSettings) -> None:
    check = Checker()
    check.range("auto_lock_minutes", settings.auto_lock_minutes, 1, 60)
    check.length("organisation_name", settings.organisation_name, 200)
    check.length("organisation_address", settings.organisation_address, 400)
    check.length("organisation_phone", settings.organisation_phone, 40)
    check.range("backup_reminder_days", settings.backup_reminder_days, 1, 365)
    known = {t.value for t in WorkshopTopic}
    if not settings.readiness_track:
        check.fail("readiness_track", "choose at least one workshop for the readiness track")
    elif any(t not in known for t in settings.readiness_track):
        check.fail("readiness_track", "names a workshop that does not exist")
    names = [n.strip() for n in settings.service_types_added]
    for name in names:
        check.length("service_types_added", name, MAX_SERVICE_TYPE_NAME)
    built_in = {label.casefold() for label in SERVICE_LABELS.values()}
    if any(not n for n in names):
        check.fail("service_types_added", "a service type needs a name")
    elif any(len(n) > MAX_SERVICE_TYPE_NAME for n in names):
        check.fail("service_types_added",
                   f"a service type's name is at most {MAX_SERVICE_TYPE_NAME} characters")
    elif any(n.casefold() in built_in for n in names):
        check.fail("service_types_added", "is already a built-in service type")
    elif len({n.casefold() for n in names}) < len(names):
        check.fail("service_types_added", "the same service type is listed twice")
    elif len(names) > MAX_SERVICE_TYPES_ADDED:
        check.fail("service_types_added",
                   f"at most {MAX_SERVICE_TYPES_ADDED} service types can be added")
    check.done()
