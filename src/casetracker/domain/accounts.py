"""Staff accounts and their roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from casetracker.domain.errors import UsageError


class Role(StrEnum):
    """What a staff account may do; enforced in `services/`."""

    CASE_MANAGER = "case_manager"
    COORDINATOR = "coordinator"
    SUPERVISOR = "supervisor"

    @classmethod
    def parse(cls, text: str) -> Role:
        """Read a role name as typed (`case-manager`, `Case manager`, `case_manager`)."""
        key = re.sub(r"[\s-]+", "_", text.strip().lower())
        try:
            return cls(key)
        except ValueError:
            choices = ", ".join(r.value for r in cls)
            raise UsageError(f"unknown role {text!r}; choose one of {choices}") from None


_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def validate_username(name: str) -> str:
    """Return the account name if it is usable, else raise `UsageError`."""
    if not _USERNAME.fullmatch(name):
        raise UsageError(
            f"account name {name!r} is not usable: use 1-64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    return name


@dataclass(frozen=True, slots=True)
class Account:
    """A staff account as the services see it."""

    id: str
    name: str
    role: Role
    created_at: str
    must_change_passphrase: bool = False
    removed_at: str | None = None

    @property
    def active(self) -> bool:
        return self.removed_at is None


@dataclass(frozen=True, slots=True)
class StaffName:
    """How a person is named to others: on letters they sign, and where the program names
    them to a survivor. Empty parts fall back to the account name and the role's words."""

    account: str
    display_name: str = ""
    job_title: str = ""

    @property
    def shown(self) -> str:
        return self.display_name.strip() or self.account


# What a letter says under a signature when the person gave no job title.
ROLE_TITLES = {Role.CASE_MANAGER: "Case manager", Role.COORDINATOR: "Employment coordinator",
               Role.SUPERVISOR: "Program supervisor"}
MAX_DISPLAY_NAME = 100
MAX_JOB_TITLE = 100


def validate_staff_name(display_name: str, job_title: str) -> tuple[str, str]:
    """The display name and job title, trimmed; `UsageError` if too long or on several lines."""
    cleaned = (" ".join(display_name.split()), " ".join(job_title.split()))
    for what, value, most in (("display name", cleaned[0], MAX_DISPLAY_NAME),
                              ("job title", cleaned[1], MAX_JOB_TITLE)):
        if len(value) > most:
            raise UsageError(f"the {what} is longer than {most} characters")
        if any(ord(ch) < 32 for ch in value):
            raise UsageError(f"the {what} holds a control character")
    return cleaned
