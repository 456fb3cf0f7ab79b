"""Program-wide settings kept inside the encrypted database (never in plain settings files)."""

from __future__ import annotations

from dataclasses import dataclass

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


def validate_settings(settings: ProgramSettings) -> None:
    check = Checker()
    check.range("auto_lock_minutes", settings.auto_lock_minutes, 1, 60)
    check.length("organisation_name", settings.organisation_name, 200)
    check.length("organisation_address", settings.organisation_address, 400)
    check.length("organisation_phone", settings.organisation_phone, 40)
    check.range("backup_reminder_days", settings.backup_reminder_days, 1, 365)
    check.done()
