"""`user set-name`: the display name and job title that sign a person's letters."""

from __future__ import annotations

from typing import Any

from casetracker.cli.common import AddCommand, Context
from casetracker.domain.errors import UsageError
from casetracker.services import staff_names


def cmd_user_set_name(ctx: Context) -> int:
    if ctx.args.display is None and ctx.args.title is None:
        raise UsageError("give --display NAME, --title TITLE or both ('' clears one)")
    with ctx.unlock() as session:
        target = ctx.args.name or session.account.name
        current = staff_names.staff_name(session, target)
        staff_names.set_staff_name(
            session, target,
            current.display_name if ctx.args.display is None else ctx.args.display,
            current.job_title if ctx.args.title is None else ctx.args.title)
    return 0


def register(users: Any, add: AddCommand) -> None:
    """Actions added to the `user` command."""
    cmd = add(users, "set-name", cmd_user_set_name,
              "set the display name and job title that sign letters (your own; a supervisor "
              "may set anyone's)")
    cmd.add_argument("name", nargs="?", help="the account (default: your own)")
    cmd.add_argument("--display", metavar="NAME", help='the name people read, "Ana Reyes"')
    cmd.add_argument("--title", metavar="TITLE", help='the job title, "Case manager"')
