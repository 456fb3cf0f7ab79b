"""Small pieces the sharing services share: the letterhead, the letter template."""

from __future__ import annotations

from casetracker.domain.accounts import Role
from casetracker.export.documents import DEFAULT_LETTER
from casetracker.export.projection import Letterhead
from casetracker.services.session import Session
from casetracker.services.settings import get_settings
from casetracker.storage.repositories import SettingsRepository

TEMPLATE_KEY = "referral_letter_template"


def letterhead(session: Session) -> Letterhead:
    program = get_settings(session)
    return Letterhead(program.organisation_name, program.organisation_address,
                      program.organisation_phone, session.account.name)


def letter_template(session: Session) -> str:
    session.require("reading the letter template")
    return SettingsRepository(session.conn).all().get(TEMPLATE_KEY) or DEFAULT_LETTER


def set_letter_template(session: Session, template: str) -> None:
    """Coordinators write the referral letters, so they keep the template."""
    session.require("editing the letter template", Role.COORDINATOR, Role.SUPERVISOR)
    with session.changing():
        SettingsRepository(session.conn).set(TEMPLATE_KEY, template)
        session.audit("settings.letter_template", None, length=len(template))
