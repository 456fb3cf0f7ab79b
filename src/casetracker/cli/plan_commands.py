"""Commands for goals and SMART plans: goals, their milestones, and progress check-ins."""

from __future__ import annotations

from typing import Any

from casetracker.cli.common import AddCommand, Context, print_rows
from casetracker.cli.ids import chained
from casetracker.domain import clock
from casetracker.domain.plans import Goal, GoalDomain, GoalStatus
from casetracker.domain.validation import parse_date
from casetracker.services import plans


def _day_or_today(text: str | None, name: str) -> Any:
    return parse_date(text, name) if text else clock.today()


def cmd_goal_add(ctx: Context) -> int:
    a = ctx.args
    target = parse_date(a.target_date, "target_date")
    with ctx.unlock() as session:
        goal = plans.add_goal(session, a.case, domain=GoalDomain(a.domain),
                              specific=a.specific or "", measurable=a.measurable or "",
                              achievable=a.achievable or "", relevant=a.relevant or "",
                              target_date=target, survivor_wording=a.for_survivor or "")
    print(goal.id)
    return 0


def _goal_row(goal: Goal) -> dict[str, Any]:
    done, total = goal.progress
    following = goal.next_milestone()
    return {"id": goal.id, "domain": goal.domain.value, "specific": goal.specific,
            "measurable": goal.measurable, "achievable": goal.achievable,
            "relevant": goal.relevant, "target_date": goal.target_date.isoformat(),
            "status": goal.status.value, "progress": f"{done}/{total}",
            "for_survivor": goal.survivor_wording,
            "next_milestone": following.due_date.isoformat() if following else "-",
            "milestones": [{"id": m.id, "description": m.description,
                            "due_date": m.due_date.isoformat(),
                            "completed_on": m.completed_on.isoformat() if m.completed_on
                            else None, "for_survivor": m.survivor_wording}
                           for m in goal.milestones]}


def cmd_goal_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        rows = [_goal_row(g) for g in plans.goals(session, ctx.args.case)]
    print_rows(rows, ["id", "domain", "specific", "target_date", "status", "progress",
                      "next_milestone"], as_json=ctx.args.json)
    return 0


def cmd_goal_achieve(ctx: Context) -> int:
    with ctx.unlock() as session, chained("goal", ctx.args.goal, "goal list CASE"):
        plans.update_goal(session, ctx.args.goal, status=GoalStatus.ACHIEVED)
    return 0


def cmd_milestone_add(ctx: Context) -> int:
    due = parse_date(ctx.args.due, "milestone_due_date")
    with ctx.unlock() as session, chained("goal", ctx.args.goal, "goal list CASE"):
        milestone = plans.add_milestone(session, ctx.args.goal, ctx.args.text or "", due,
                                        ctx.args.for_survivor or "")
    print(milestone.id)
    return 0


def cmd_goal_reword(ctx: Context) -> int:
    with ctx.unlock() as session, chained("goal", ctx.args.goal, "goal list CASE"):
        plans.update_goal(session, ctx.args.goal, survivor_wording=ctx.args.for_survivor)
    return 0


def cmd_milestone_reword(ctx: Context) -> int:
    with ctx.unlock() as session, chained("milestone", ctx.args.milestone,
                                          "milestone list GOAL_ID"):
        plans.update_milestone(session, ctx.args.milestone,
                               survivor_wording=ctx.args.for_survivor)
    return 0


def cmd_milestone_list(ctx: Context) -> int:
    with ctx.unlock() as session, chained("goal", ctx.args.goal, "goal list CASE"):
        goal = plans.get_goal(session, ctx.args.goal)
    rows = [{"id": m.id, "description": m.description, "due_date": m.due_date.isoformat(),
             "completed_on": m.completed_on.isoformat() if m.completed_on else "-",
             "for_survivor": m.survivor_wording or "-"}
            for m in goal.milestones]
    print_rows(rows, ["id", "description", "due_date", "completed_on", "for_survivor"],
               as_json=ctx.args.json)
    return 0


def cmd_milestone_done(ctx: Context) -> int:
    on = _day_or_today(ctx.args.date, "completed_on")
    with ctx.unlock() as session, chained("milestone", ctx.args.milestone,
                                          "milestone list GOAL_ID"):
        plans.set_milestone_done(session, ctx.args.milestone, on)
    return 0


def cmd_milestone_delete(ctx: Context) -> int:
    with ctx.unlock() as session, chained("milestone", ctx.args.milestone,
                                          "milestone list GOAL_ID"):
        plans.delete_milestone(session, ctx.args.milestone)
    return 0


def cmd_checkin_add(ctx: Context) -> int:
    on = _day_or_today(ctx.args.date, "checked_on")
    with ctx.unlock() as session, chained("goal", ctx.args.goal, "goal list CASE"):
        checkin = plans.add_checkin(session, ctx.args.goal, ctx.args.text or "", on)
    print(checkin.id)
    return 0


def cmd_checkin_list(ctx: Context) -> int:
    with ctx.unlock() as session, chained("goal", ctx.args.goal, "goal list CASE"):
        found = plans.checkins(session, ctx.args.goal)
    rows = [{"id": c.id, "date": c.checked_on.isoformat(), "by": c.author or "-",
             "note": c.note} for c in found]
    print_rows(rows, ["id", "date", "by", "note"], as_json=ctx.args.json)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    """Add the `goal`, `milestone` and `checkin` commands to the parser."""
    group = commands.add_parser("goal", help="goals and SMART plans")
    actions = group.add_subparsers(dest="goal_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_goal_add,
              "add a SMART goal (the case manager): all five parts, a target date in the "
              "future; prints its id")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--domain", required=True, choices=[d.value for d in GoalDomain])
    for part, text in (("specific", "what exactly (S; required)"),
                       ("measurable", "how progress is counted (M; required)"),
                       ("achievable", "why it is within reach (A; required)"),
                       ("relevant", "why it matters to them (R; required)")):
        cmd.add_argument(f"--{part}", metavar="TEXT", help=text)
    cmd.add_argument("--target-date", required=True, metavar="YYYY-MM-DD",
                     help="when it is due (T)")
    cmd.add_argument("--for-survivor", metavar="TEXT",
                     help="the goal as the survivor reads it on their plan, in their language "
                          "(optional; the plan prints it instead of the staff wording)")
    cmd = add(actions, "list", cmd_goal_list,
              "a survivor's goals, with progress (milestones completed) and the next "
              "milestone; with --json, the SMART parts and milestones too")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "achieve", cmd_goal_achieve, "mark a goal achieved")
    cmd.add_argument("goal", metavar="GOAL_ID")
    cmd = add(actions, "reword", cmd_goal_reword,
              "set the goal's wording for the survivor's plan (empty: the staff wording)")
    cmd.add_argument("goal", metavar="GOAL_ID")
    cmd.add_argument("--for-survivor", required=True, metavar="TEXT",
                     help="the goal as the survivor reads it, in their language")

    group = commands.add_parser("milestone", help="the milestones of a goal")
    actions = group.add_subparsers(dest="milestone_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_milestone_add,
              "add a milestone, due on or before the goal's target date; prints its id")
    cmd.add_argument("goal", metavar="GOAL_ID")
    cmd.add_argument("--text", metavar="TEXT", help="the milestone (required)")
    cmd.add_argument("--due", required=True, metavar="YYYY-MM-DD")
    cmd.add_argument("--for-survivor", metavar="TEXT",
                     help="the step as the survivor reads it on their plan, in their language "
                          "(optional; the plan prints it instead of the staff wording)")
    cmd = add(actions, "reword", cmd_milestone_reword,
              "set the milestone's wording for the survivor's plan (empty: the staff wording)")
    cmd.add_argument("milestone", metavar="MILESTONE_ID")
    cmd.add_argument("--for-survivor", required=True, metavar="TEXT",
                     help="the step as the survivor reads it, in their language")
    cmd = add(actions, "list", cmd_milestone_list, "a goal's milestones")
    cmd.add_argument("goal", metavar="GOAL_ID")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "done", cmd_milestone_done, "mark a milestone completed")
    cmd.add_argument("milestone", metavar="MILESTONE_ID")
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    cmd = add(actions, "delete", cmd_milestone_delete,
              "remove a milestone added by mistake (the case manager)")
    cmd.add_argument("milestone", metavar="MILESTONE_ID")

    group = commands.add_parser("checkin", help="progress check-ins on a goal")
    actions = group.add_subparsers(dest="checkin_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_checkin_add, "record a progress check-in; prints its id")
    cmd.add_argument("goal", metavar="GOAL_ID")
    cmd.add_argument("--text", metavar="TEXT", help="what was said (required)")
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    cmd = add(actions, "list", cmd_checkin_list, "a goal's check-ins")
    cmd.add_argument("goal", metavar="GOAL_ID")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
