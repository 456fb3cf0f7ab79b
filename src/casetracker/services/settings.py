"""Program settings: everyone reads them; supervisors change them."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from casetracker.domain.accounts import Role
from casetracker.domain.errors import UsageError
from casetracker.domain.settings import ProgramSettings, validate_settings
from casetracker.services.session import Session
from casetracker.storage.repositories import SettingsRepository


def get_settings(session: Session) -> ProgramSettings:
    stored = SettingsRepository(session.conn).all()
    values: dict[str, Any] = {}
    for field in fields(ProgramSettings):
        if field.name in stored:
            raw = stored[field.name]
            values[field.name] = int(raw) if field.type in ("int", int) else raw
    return ProgramSettings(**values)


def update_settings(session: Session, **changes: Any) -> ProgramSettings:
    session.require("changing program settings", Role.SUPERVISOR)
    known = {f.name for f in fields(ProgramSettings)}
    if set(changes) - known:
        raise UsageError(f"unknown setting: {', '.join(sorted(set(changes) - known))}")
    updated = replace(get_settings(session), **changes)
    validate_settings(updated)
    repo = SettingsRepository(session.conn)
    with session.changing():
        for name, value in changes.items():
            repo.set(name, str(value))
        session.audit("settings.update", None, fields=sorted(changes))
    return updated
