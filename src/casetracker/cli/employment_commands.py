"""Commands for the Safe Jobs work: employers, positions, workshops, placement, matching."""

from __future__ import annotations

from typing import Any

from casetracker.cli.common import AddCommand, Context, print_rows
from casetracker.cli.field_options import FieldOption, FieldParser, declare, flags, given
from casetracker.domain import clock
from casetracker.domain.employment import (
    STAGE_LABELS,
    WORKSHOP_LABELS,
    ApprenticeshipTrack,
    PositionKind,
    Practice,
    Restriction,
    Shift,
    Stage,
    Standing,
    WorkshopTopic,
    assessment_due,
    parse_wage,
    parse_wage_steps,
    show_wage,
    show_wage_steps,
    standing,
)
from casetracker.domain.errors import UsageError
from casetracker.domain.validation import parse_date
from casetracker.services import employers, matching, placement


def _choices(enum: Any, text: str, what: str) -> frozenset[Any]:
    values = [v.strip() for v in text.split(",") if v.strip()]
    try:
        return frozenset(enum(v) for v in values)
    except ValueError:
        raise UsageError(f"unknown {what} in {text!r}; choose from "
                         + ", ".join(e.value for e in enum)) from None


def cmd_employer_add(ctx: Context) -> int:
    industry = employers.parse_industry(ctx.args.industry)
    with ctx.unlock() as session:
        employers.add_employer(
            session, ctx.args.name, industry, contact_name=ctx.args.contact or "",
            contact_phone=ctx.args.phone or "", contact_email=ctx.args.email or "",
            practices=_choices(Practice, ctx.args.practices or "", "practice"),
            restrictions=_choices(Restriction, ctx.args.restrictions or "", "restriction"),
            restriction_notes=ctx.args.restriction_notes or "")
    return 0


def _practices(text: str) -> frozenset[Practice]:
    return _choices(Practice, text, "practice")


def _restrictions(text: str) -> frozenset[Restriction]:
    return _choices(Restriction, text, "restriction")


# The employer's fields as `employer edit` takes them: the options of `employer add`.
EMPLOYER_FIELDS: tuple[FieldOption, ...] = (
    FieldOption("name", "the employer's name"),
    FieldOption("industry", "hospitality, aviation, maritime, retail, warehouse_logistics, "
                "legal, healthcare or other", employers.parse_industry),
    FieldOption("contact_name", "the contact person", option="--contact"),
    FieldOption("contact_phone", "the contact's phone", option="--phone"),
    FieldOption("contact_email", "the contact's email", option="--email"),
    FieldOption("practices", "comma-separated, replacing the list ('' for none): "
                + ", ".join(p.value for p in Practice), _practices),
    FieldOption("restrictions", "comma-separated, replacing the list ('' for none): "
                + ", ".join(r.value for r in Restriction), _restrictions),
    FieldOption("restriction_notes", "notes on the restrictions"),
)


def cmd_employer_edit(ctx: Context) -> int:
    changes, _ = given(ctx.args, EMPLOYER_FIELDS)
    if not changes:
        raise UsageError(f"say which fields to change: {flags(EMPLOYER_FIELDS)}")
    with ctx.unlock() as session:
        employer = employers.find_employer(session, ctx.args.employer)
        employers.update_employer(session, employer.id, **changes)
    return 0


def cmd_employer_list(ctx: Context) -> int:
    standing = employers.parse_standing(ctx.args.standing) if ctx.args.standing else None
    industry = employers.parse_industry(ctx.args.industry) if ctx.args.industry else None
    with ctx.unlock() as session:
        last = employers.last_assessed(session)
        today = clock.today()
        rows = [{"name": e.name, "industry": e.industry.value, "standing": e.standing.value,
                 "practices": len(e.practices),
                 "assessed": last[e.id].isoformat() if e.id in last else "-",
                 "assessment_due": "yes" if assessment_due(last.get(e.id), today) else "no",
                 "restrictions": ",".join(sorted(r.value for r in e.restrictions)) or "-"}
                for e in employers.employers(session, standing=standing, industry=industry)]
    print_rows(rows, ["name", "industry", "standing", "practices", "assessed", "assessment_due",
                      "restrictions"], as_json=ctx.args.json)
    return 0


def cmd_employer_assess(ctx: Context) -> int:
    on = parse_date(ctx.args.date, "assessed_on") if ctx.args.date else None
    with ctx.unlock() as session:
        employers.record_assessment(session, ctx.args.employer, _practices(ctx.args.practices),
                                    on=on, note=ctx.args.note or "")
    return 0


def cmd_employer_assessments(ctx: Context) -> int:
    with ctx.unlock() as session:
        rows = [{"date": a.assessed_on.isoformat(), "practices": len(a.practices),
                 "standing": standing(a.practices).value, "by": a.recorded_by or "-",
                 "checked": ",".join(sorted(p.value for p in a.practices)) or "-",
                 "note": a.note or "-"}
                for a in employers.assessments(session, ctx.args.employer)]
    print_rows(rows, ["date", "practices", "standing", "by", "checked", "note"],
               as_json=ctx.args.json)
    return 0


def cmd_position_add(ctx: Context) -> int:
    kind = PositionKind(ctx.args.kind)
    start = parse_date(ctx.args.start, "start") if ctx.args.start else None
    with ctx.unlock() as session:
        position = employers.add_position(
            session, ctx.args.employer, ctx.args.title, kind, hours_per_week=ctx.args.hours,
            hourly_wage_cents=parse_wage(ctx.args.wage or ""), start_date=start,
            skills_wanted=tuple(s.strip() for s in (ctx.args.skills or "").split(";")
                                if s.strip()),
            track=ApprenticeshipTrack(ctx.args.track or ""), term_months=ctx.args.term_months,
            sponsor=ctx.args.sponsor or "",
            wage_steps=parse_wage_steps(ctx.args.wage_steps or ""),
            shift=Shift(ctx.args.shift or ""), location_area=ctx.args.area or "")
    print(position.id)
    return 0


def cmd_position_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        names = {e.id: e.name for e in employers.employers(session)}
        rows = [{"id": p.id, "employer": names.get(p.employer_id, "?"), "kind": p.kind.value,
                 "title": p.title, "hours": p.hours_per_week, "shift": p.shift.value or "-",
                 "area": p.location_area or "-",
                 "wage": show_wage(p.hourly_wage_cents) or "-",
                 "open": "yes" if p.is_open else "no",
                 "apprenticeship": (f"{p.track.value}, {p.term_months} months, sponsor "
                                    f"{p.sponsor or '-'}, wage steps "
                                    f"{show_wage_steps(p.wage_steps) or '-'}")
                 if p.kind is PositionKind.APPRENTICESHIP else "-"}
                for p in employers.positions(session, open_only=not ctx.args.all)]
    print_rows(rows, ["id", "employer", "kind", "title", "hours", "shift", "area", "wage",
                      "open", "apprenticeship"], as_json=ctx.args.json)
    return 0


def cmd_position_open(ctx: Context) -> int:
    is_open = ctx.args.position_command == "reopen"
    with ctx.unlock() as session:
        employers.set_position_open(session, ctx.args.position, is_open)
    return 0


def cmd_placement_advance(ctx: Context) -> int:
    on = parse_date(ctx.args.date, "date") if ctx.args.date else None
    with ctx.unlock() as session:
        placement.advance(session, ctx.args.case, Stage(ctx.args.stage), on=on,
                          employer=ctx.args.employer, position=ctx.args.position,
                          hours_per_week=ctx.args.hours,
                          hourly_wage_cents=parse_wage(ctx.args.wage or ""),
                          reason=ctx.args.reason or "")
    return 0


def cmd_placement_show(ctx: Context) -> int:
    with ctx.unlock() as session:
        names = {e.id: e.name for e in employers.employers(session)}
        rows = [{"date": s.on.isoformat(), "stage": STAGE_LABELS[s.stage],
                 "employer": names.get(s.employer_id or "", "-"),
                 "hours": s.hours_per_week or "-", "wage": show_wage(s.hourly_wage_cents) or "-",
                 "reason": s.reason or "-"}
                for s in placement.steps(session, ctx.args.case)]
    print_rows(rows, ["date", "stage", "employer", "hours", "wage", "reason"],
               as_json=ctx.args.json)
    return 0


FLAG_WORDS = {matching.RESTRICTION_FLAG: "check restrictions",
              matching.ASK_FLAG: "ask the case manager",
              matching.CLEARED_FLAG: "cleared", matching.NOT_SUITABLE_FLAG: "not suitable"}


def cmd_match(ctx: Context) -> int:
    with ctx.unlock() as session:
        rows = [{"case": m.case_number, "name": m.preferred_name, "score": m.score,
                 "i9": "yes" if m.ready_for_i9 else "no",
                 "flag": FLAG_WORDS.get(m.restriction_flag or "", "-"),
                 "why": "; ".join(m.reasons) or "-"}
                for m in matching.rank(session, ctx.args.position, limit=ctx.args.limit)]
    print_rows(rows, ["case", "name", "score", "i9", "flag", "why"], as_json=ctx.args.json)
    return 0


def cmd_workshop_add(ctx: Context) -> int:
    held = parse_date(ctx.args.date, "date") if ctx.args.date else clock.today()
    completed = [c.strip() for c in (ctx.args.completed or "").split(",") if c.strip()]
    attended = [c.strip() for c in (ctx.args.attended or "").split(",") if c.strip()]
    entries = [placement.AttendanceEntry(c, True, True) for c in completed] + [
        placement.AttendanceEntry(c, True, False) for c in attended if c not in completed]
    with ctx.unlock() as session:
        workshop = placement.record_session(
            session, WorkshopTopic(ctx.args.topic), held, entries,
            facilitator=ctx.args.facilitator or "", partner_organisation=ctx.args.partner or "")
    print(workshop.id)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    """Add the employment commands to the parser."""
    group = commands.add_parser("employer", help="employer partners")
    actions = group.add_subparsers(dest="employer_command", metavar="ACTION", required=True,
                                   parser_class=FieldParser)
    cmd = add(actions, "add", cmd_employer_add, "add an employer partner")
    cmd.add_argument("--name", required=True)
    cmd.add_argument("--industry", required=True,
                     help="hospitality, aviation, maritime, retail, warehouse_logistics, "
                          "legal, healthcare or other")
    cmd.add_argument("--contact")
    cmd.add_argument("--phone")
    cmd.add_argument("--email")
    cmd.add_argument("--practices", help="comma-separated: " + ", ".join(p.value
                                                                          for p in Practice))
    cmd.add_argument("--restrictions", help="comma-separated: " + ", ".join(
        r.value for r in Restriction))
    cmd.add_argument("--restriction-notes")
    cmd = add(actions, "list", cmd_employer_list, "list employer partners")
    cmd.add_argument("--standing", help="only those of a standing: "
                     + ", ".join(s.value for s in Standing))
    cmd.add_argument("--industry", help="only those of an industry")
    cmd.add_argument("--json", action="store_true")
    cmd = add(actions, "assess", cmd_employer_assess,
              "record the employer's yearly self-assessment: the practices it has (they become "
              "its practices, and its standing follows)")
    cmd.add_argument("employer", metavar="NAME")
    cmd.add_argument("--practices", required=True,
                     help="comma-separated ('' for none): " + ", ".join(p.value
                                                                        for p in Practice))
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    cmd.add_argument("--note")
    cmd = add(actions, "assessments", cmd_employer_assessments,
              "an employer's self-assessments, newest first")
    cmd.add_argument("employer", metavar="NAME")
    cmd.add_argument("--json", action="store_true")
    cmd = add(actions, "edit", cmd_employer_edit,
              "change an employer partner's fields (coordinators and supervisors); give only "
              "the fields to change")
    cmd.add_argument("employer", metavar="NAME")
    declare(cmd, EMPLOYER_FIELDS)

    group = commands.add_parser("position", help="internships, jobs and apprenticeships")
    actions = group.add_subparsers(dest="position_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_position_add,
              "add an open position; internships default to 12 weeks at 20 h/week, paid")
    cmd.add_argument("--employer", required=True, metavar="NAME")
    cmd.add_argument("--title", required=True)
    cmd.add_argument("--kind", required=True, choices=[k.value for k in PositionKind])
    cmd.add_argument("--hours", type=int)
    cmd.add_argument("--wage", help="hourly, e.g. 16.50")
    cmd.add_argument("--start", metavar="YYYY-MM-DD")
    cmd.add_argument("--skills", help="separated by ;")
    cmd.add_argument("--track", choices=[t.value for t in ApprenticeshipTrack if t.value],
                     help="an apprenticeship's kind (required for one)")
    cmd.add_argument("--term-months", type=int, metavar="N",
                     help="an apprenticeship's term in months (required for one)")
    cmd.add_argument("--sponsor", metavar="NAME",
                     help="an apprenticeship's sponsor (required for a registered one)")
    cmd.add_argument("--wage-steps", metavar="MONTHS:WAGE,...",
                     help="an apprenticeship's raises after the starting --wage, such as "
                          "'6:17.50,12:19'")
    cmd.add_argument("--shift", choices=[s.value for s in Shift if s.value],
                     help="when its hours fall")
    cmd.add_argument("--area", help="the part of town or site, e.g. 'Port terminal'")
    cmd = add(actions, "list", cmd_position_list, "list open positions")
    cmd.add_argument("--all", action="store_true", help="closed ones too")
    cmd.add_argument("--json", action="store_true")
    for name, text in (("close", "close a position: no new interviews, internships or offers "
                                 "for it (coordinators and supervisors)"),
                       ("reopen", "open a closed position again")):
        cmd = add(actions, name, cmd_position_open, text)
        cmd.add_argument("position", metavar="ID", help="the id from 'position list'")

    group = commands.add_parser("placement", help="the placement pipeline")
    actions = group.add_subparsers(dest="placement_command", metavar="ACTION", required=True)
    cmd = add(actions, "advance", cmd_placement_advance, "record the next step of a case")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("stage", choices=[s.value for s in Stage], metavar="STAGE",
                     help=", ".join(s.value for s in Stage))
    cmd.add_argument("--employer", metavar="NAME")
    cmd.add_argument("--position", metavar="ID")
    cmd.add_argument("--date", metavar="YYYY-MM-DD")
    cmd.add_argument("--hours", type=int)
    cmd.add_argument("--wage")
    cmd.add_argument("--reason", help="why, for an exit")
    cmd = add(actions, "show", cmd_placement_show, "a case's steps so far")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true")

    cmd = add(commands, "match", cmd_match, "rank survivors for an open position")
    cmd.add_argument("position", metavar="POSITION_ID")
    cmd.add_argument("--limit", type=int, default=20)
    cmd.add_argument("--json", action="store_true")

    group = commands.add_parser("workshop", help="readiness workshops")
    actions = group.add_subparsers(dest="workshop_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_workshop_add,
              "record a workshop session and who attended and completed it")
    cmd.add_argument("--topic", required=True, choices=[t.value for t in WorkshopTopic],
                     help="; ".join(f"{t.value}: {label}" for t, label in WORKSHOP_LABELS.items()))
    cmd.add_argument("--date", metavar="YYYY-MM-DD")
    cmd.add_argument("--facilitator")
    cmd.add_argument("--partner")
    cmd.add_argument("--completed", metavar="CASE,CASE")
    cmd.add_argument("--attended", metavar="CASE,CASE", help="attended without completing")
