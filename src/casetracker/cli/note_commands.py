"""Commands for case notes, and tasks and follow-ups."""

from __future__ import annotations

from typing import Any

from casetracker.cli.common import AddCommand, Context, print_rows
from casetracker.cli.field_options import read_text
from casetracker.cli.ids import chained
from casetracker.domain import clock
from casetracker.domain.notes import ContactType, Task
from casetracker.domain.validation import parse_date
from casetracker.services import notes

_SHOWN = 60  # characters of a note in the table (--json has all of it)


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _SHOWN else line[:_SHOWN - 1] + "…"


def cmd_note_add(ctx: Context) -> int:
    text = ctx.args.text if ctx.args.text is not None else read_text(ctx.args.file)
    on = parse_date(ctx.args.date, "written_on") if ctx.args.date else None
    with ctx.unlock() as session:
        note = notes.add_note(session, ctx.args.case, text, ContactType(ctx.args.contact), on)
    print(note.id)
    return 0


def cmd_note_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        found = notes.notes(session, ctx.args.case)
    rows = [{"id": n.id, "date": n.written_on.isoformat(), "contact": n.contact_type.value,
             "by": n.author or "-", "text": n.text if ctx.args.json else _one_line(n.text)}
            for n in found]
    print_rows(rows, ["id", "date", "contact", "by", "text"], as_json=ctx.args.json)
    return 0


def cmd_task_add(ctx: Context) -> int:
    due = parse_date(ctx.args.due, "due_date")
    with ctx.unlock() as session:
        task = notes.add_task(session, ctx.args.case, ctx.args.text or "", due,
                              assignee=ctx.args.assignee,
                              for_survivor=ctx.args.for_survivor)
    print(task.id)
    return 0


def _task_row(case: str, task: Task) -> dict[str, Any]:
    return {"id": task.id, "case": case, "due": task.due_date.isoformat(),
            "assignee": task.assignee or "-",
            "done": task.done_on.isoformat() if task.done_on else "-",
            "plan": "yes" if task.for_survivor else "-",
            "task": f"Case review: {task.title}" if task.from_review else task.title}


def cmd_task_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        if ctx.args.case is None:
            found = notes.my_open_tasks_by_case(session)
        else:
            found = [(ctx.args.case, t) for t in notes.tasks(session, ctx.args.case)]
    today = clock.today()
    rows = [_task_row(case, t) for case, t in found
            if not ctx.args.overdue or t.overdue_on(today)]
    print_rows(rows, ["id", "case", "due", "assignee", "done", "plan", "task"],
               as_json=ctx.args.json)
    return 0


def cmd_task_done(ctx: Context) -> int:
    on = parse_date(ctx.args.date, "done_on") if ctx.args.date else clock.today()
    with ctx.unlock() as session, chained("task", ctx.args.task, "task list [CASE]"):
        notes.set_task_done(session, ctx.args.task, on)
    return 0


def cmd_task_plan(ctx: Context) -> int:
    with ctx.unlock() as session, chained("task", ctx.args.task, "task list [CASE]"):
        notes.set_task_for_survivor(session, ctx.args.task, not ctx.args.off)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    """Add the `note` and `task` commands to the parser."""
    group = commands.add_parser("note", help="case notes")
    actions = group.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_note_add,
              "write a case note (the case manager); prints its id")
    cmd.add_argument("case", metavar="CASE")
    text = cmd.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", metavar="TEXT")
    text.add_argument("--file", metavar="FILE",
                      help="read the note from a UTF-8 file, or '-' for standard input (kept "
                           "out of the shell's history)")
    cmd.add_argument("--contact", choices=[c.value for c in ContactType],
                     default=ContactType.IN_PERSON.value,
                     help="how the contact happened (default: in_person)")
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    cmd = add(actions, "list", cmd_note_list, "a survivor's case notes, newest first")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line, with "
                     "each note's whole text")

    group = commands.add_parser("task", help="tasks and follow-ups")
    actions = group.add_subparsers(dest="task_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_task_add,
              "add a task or follow-up (the case manager); prints its id")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--text", metavar="TEXT", help="what is to be done (required)")
    cmd.add_argument("--due", required=True, metavar="YYYY-MM-DD")
    cmd.add_argument("--assignee", metavar="NAME",
                     help="another staff account to do it (default: you)")
    cmd.add_argument("--for-survivor", action="store_true",
                     help="a step for the survivor: it goes on their printed plan")
    cmd = add(actions, "list", cmd_task_list,
              "a survivor's tasks (open first), or without CASE your own open tasks")
    cmd.add_argument("case", metavar="CASE", nargs="?")
    cmd.add_argument("--overdue", action="store_true", help="only those past their due date")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "done", cmd_task_done,
              "tick a task off (the case manager, or the account it is assigned to)")
    cmd.add_argument("task", metavar="TASK_ID")
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    cmd = add(actions, "plan", cmd_task_plan,
              "put a task on the survivor's printed plan as their step (the case manager)")
    cmd.add_argument("task", metavar="TASK_ID")
    cmd.add_argument("--off", action="store_true", help="take it off the plan again")
