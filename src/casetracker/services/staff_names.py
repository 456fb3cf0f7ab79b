"""Each account's display name and job title: how letters are signed, and how the program
names a member of staff to people outside it (never the login name when a name is set).

Everyone may name themselves; a supervisor may name anyone (the staff accounts window
calls `set_staff_name` and `staff_names`)."""

from __future__ import annotations

from casetracker.domain.accounts import ROLE_TITLES, Role, StaffName, validate_staff_name
from casetracker.domain.errors import NotFoundError
from casetracker.services.session import Session
from casetracker.storage.repositories import UserRepository
from casetracker.storage.staff_repo import StaffNameRepository


def staff_name(session: Session, account: str | None = None) -> StaffName:
    """The display name and job title of `account` (default: the acting account)."""
    session.require("reading a staff name", allow_pending_change=True)
    found = StaffNameRepository(session.conn).get(account or session.account.name)
    if found is None:
        raise NotFoundError(f"there is no account named {account!r}")
    return found


def staff_names(session: Session) -> dict[str, StaffName]:
    """Every account's display name and job title, by account name (supervisors)."""
    session.require("listing staff names", Role.SUPERVISOR)
    return {n.account: n for n in StaffNameRepository(session.conn).all()}


def set_staff_name(session: Session, account: str, display_name: str,
                   job_title: str) -> StaffName:
    """Set how `account` is named and titled; a person may set their own, a supervisor
    anyone's. Blank values go back to the account name and the role's words."""
    own = account.casefold() == session.account.name.casefold()
    if own:
        session.require("setting your name and title", allow_pending_change=True)
    else:
        session.require("setting another person's name and title", Role.SUPERVISOR)
    target = UserRepository(session.conn).by_name(account)
    if target is None or not target.active:
        raise NotFoundError(f"there is no active account named {account!r}")
    display, title = validate_staff_name(display_name, job_title)
    current = StaffNameRepository(session.conn).get(target.name)
    if current is not None and (current.display_name, current.job_title) == (display, title):
        return current
    with session.changing():
        StaffNameRepository(session.conn).set(target.name, display, title)
        session.audit("account.name", target.name,
                      changed=[what for what, old, new in (
                          ("display name", current.display_name if current else "", display),
                          ("job title", current.job_title if current else "", title))
                               if old != new])
    return StaffName(target.name, display, title)


def signature(session: Session) -> tuple[str, str]:
    """(name, title) that sign the acting person's letters: their display name, else their
    account name; their job title, else the role's words."""
    own = StaffNameRepository(session.conn).get(session.account.name)
    name = own.shown if own is not None else session.account.name
    title = (own.job_title if own is not None else "") or ROLE_TITLES[session.account.role]
    return name, title
