"""Small pieces the sharing services share: the letterhead, the letter template."""

from __future__ import annotations

import base64

from casetracker.domain.accounts import Role
from casetracker.domain.validation import ValidationError
from casetracker.export.documents import DEFAULT_LETTER, template_problems
from casetracker.export.projection import Letterhead
from casetracker.services.session import Session
from casetracker.services.settings import get_settings
from casetracker.services.staff_names import signature
from casetracker.storage.repositories import ProgramSettingsRepository

TEMPLATE_KEY = "referral_letter_template"
LOGO_KEY = "organisation_logo"
MAX_LOGO_BYTES = 1024 * 1024


def letterhead(session: Session) -> Letterhead:
    """The organisation's details, and the acting person's name and title to sign with."""
    program = get_settings(session)
    logo = ProgramSettingsRepository(session.conn).get(LOGO_KEY)
    name, title = signature(session)
    return Letterhead(program.organisation_name, program.organisation_address,
                      program.organisation_phone, name,
                      base64.b64decode(logo) if logo else b"", title)


LETTERHEAD_PARTS = (("organisation_name", "name"), ("organisation_address", "address"),
                    ("organisation_phone", "phone"))


def missing_letterhead(session: Session) -> list[str]:
    """What the letterhead still lacks ("name", "address", "phone"); empty when complete.
    Letters are written without those parts meanwhile (never with a placeholder)."""
    session.require("reading the letterhead")
    program = get_settings(session)
    return [word for setting, word in LETTERHEAD_PARTS
            if not str(getattr(program, setting)).strip()]


def logo(session: Session) -> bytes:
    """The letterhead's logo (PNG or JPEG), or no bytes."""
    session.require("reading the letterhead")
    stored = ProgramSettingsRepository(session.conn).get(LOGO_KEY)
    return base64.b64decode(stored) if stored else b""


def set_logo(session: Session, image: bytes) -> None:
    """The organisation's logo for letterheads: a PNG or JPEG of at most 1 MiB (or none)."""
    session.require("changing the letterhead logo", Role.SUPERVISOR)
    if image:
        if len(image) > MAX_LOGO_BYTES:
            raise ValidationError({"logo": "is larger than 1 MiB"})
        if not image.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
            raise ValidationError({"logo": "must be a PNG or JPEG image"})
    with session.changing():
        ProgramSettingsRepository(session.conn).set(LOGO_KEY, base64.b64encode(image).decode())
        session.audit("settings.logo", None, size=len(image))


def letter_template(session: Session) -> str:
    session.require("reading the letter template")
    return ProgramSettingsRepository(session.conn).get(TEMPLATE_KEY) or DEFAULT_LETTER


def usable_letter_template(session: Session) -> str:
    """The template, refused as a whole (the same for every survivor) if it was saved before
    templates were checked and breaks today's rules."""
    template = letter_template(session)
    problems = template_problems(template)
    if problems:
        raise ValidationError({"template": "the letter template needs fixing before letters "
                               "can be written: " + "; ".join(problems)})
    return template


def set_letter_template(session: Session, template: str) -> None:
    """Coordinators write the referral letters, so they keep the template."""
    session.require("editing the letter template", Role.COORDINATOR, Role.SUPERVISOR)
    problems = template_problems(template)
    if problems:
        raise ValidationError({"template": "; ".join(problems)})
    with session.changing():
        ProgramSettingsRepository(session.conn).set(TEMPLATE_KEY, template)
        session.audit("settings.letter_template", None, length=len(template))
