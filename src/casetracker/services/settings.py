"""Program settings: everyone reads them; supervisors change them.

In a team program they are the program's, the same on every laptop: they travel in
`program_settings` (schema 26), a supervisor's change reaches every laptop, and laptops
that held different values before they upgraded meet as a conflict for a supervisor to
settle. What stays on each laptop: its sync folder (`services/sync.py`) and each account's
interface language chosen there (below)."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import fields, replace
from typing import Any

from casetracker.domain.accounts import Role
from casetracker.domain.employment import WorkshopTopic, parse_track
from casetracker.domain.errors import UsageError
from casetracker.domain.settings import ProgramSettings, validate_settings
from casetracker.services.session import Session
from casetracker.storage.repositories import ProgramSettingsRepository, SettingsRepository


def get_settings(session: Session) -> ProgramSettings:
    stored = ProgramSettingsRepository(session.conn).all()
    values: dict[str, Any] = {}
    for field in fields(ProgramSettings):
        if field.name in stored:
            raw = stored[field.name]
            # A value that does not read (only a forged change could bring one) leaves the
            # default in its place rather than stopping every screen that reads settings.
            with contextlib.suppress(ValueError, TypeError):
                if field.type in ("int", int):
                    values[field.name] = int(raw)
                elif str(field.type).startswith("tuple"):  # a list, kept as JSON
                    values[field.name] = tuple(str(v) for v in json.loads(raw))
                else:
                    values[field.name] = raw
    return ProgramSettings(**values)


def update_settings(session: Session, **changes: Any) -> ProgramSettings:
    session.require("changing program settings", Role.SUPERVISOR)
    known = {f.name for f in fields(ProgramSettings)}
    if set(changes) - known:
        raise UsageError(f"unknown setting: {', '.join(sorted(set(changes) - known))}")
    changes = {name: tuple(value) if isinstance(value, list) else value
               for name, value in changes.items()}
    if isinstance(changes.get("readiness_track"), tuple):  # in the workshops' own order
        order = [t.value for t in WorkshopTopic]
        changes["readiness_track"] = tuple(sorted(
            dict.fromkeys(str(t).strip() for t in changes["readiness_track"]),
            key=lambda t: order.index(t) if t in order else len(order)))
    if isinstance(changes.get("service_types_added"), tuple):
        changes["service_types_added"] = tuple(
            n.strip() for n in changes["service_types_added"])
    current = get_settings(session)
    updated = replace(current, **changes)
    validate_settings(updated)
    # Only what differs is written and named in the audit (the Settings dialog hands over
    # every field, changed or not).
    changed = {name: value for name, value in changes.items()
               if getattr(current, name) != getattr(updated, name)}
    if not changed:
        return updated
    repo = ProgramSettingsRepository(session.conn)
    with session.changing():
        for name, value in changed.items():
            repo.set(name, json.dumps(list(value)) if isinstance(value, tuple) else str(value))
        session.audit("settings.update", None, fields=sorted(changed))
    return updated


def readiness_track(session: Session) -> tuple[WorkshopTopic, ...]:
    """The workshops a survivor completes to be "ready to match" (the program's choice)."""
    return parse_track(get_settings(session).readiness_track)


def set_readiness_track(session: Session, topics: list[WorkshopTopic] | tuple[WorkshopTopic, ...]
                        ) -> ProgramSettings:
    """Change the readiness track (supervisors; audited as a settings change)."""
    return update_settings(session, readiness_track=tuple(
        t.value for t in WorkshopTopic if t in set(topics)))


# Each account's own interface language, kept with this laptop's own settings (encrypted; it
# does not travel: the same person may read Spanish on one laptop and English on another).
# Not a program setting: anyone sets their own.
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def _language_key(session: Session) -> str:
    return f"language.{session.account.id}"


def own_language(session: Session) -> str | None:
    """The interface language the acting account chose ("es"), or None to follow the
    computer's choice."""
    session.require("reading your language")
    return SettingsRepository(session.conn).all().get(_language_key(session)) or None


def set_own_language(session: Session, language: str | None) -> None:
    """Keep the acting account's choice of interface language (None: the computer's)."""
    session.require("choosing your language")
    if language is not None and not _LANGUAGE.fullmatch(language):
        raise UsageError(f"{language!r} is not a language code such as 'en' or 'es'")
    if own_language(session) == language:
        return
    with session.changing():
        SettingsRepository(session.conn).set(_language_key(session), language or "")
        session.audit("account.language", None, language=language or "computer")
