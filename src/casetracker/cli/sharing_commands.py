"""Commands for sharing: releases of information (consents), employer profiles, referral
letters, the survivor's plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from casetracker.cli.common import PROG, AddCommand, Context, print_rows
from casetracker.domain.accounts import Role
from casetracker.domain.consent import HISTORY_NEVER_SHARED, ConsentMethod, Revocation
from casetracker.domain.errors import NotFoundError, UsageError
from casetracker.domain.validation import parse_date
from casetracker.services import consent, sharing

METHODS = {"paper": ConsentMethod.PAPER, "electronic": ConsentMethod.ELECTRONIC}


def cmd_consent_add(ctx: Context) -> int:
    expires = parse_date(ctx.args.expires, "expires") if ctx.args.expires else None
    signed = parse_date(ctx.args.signed, "signed") if ctx.args.signed else None
    with ctx.unlock() as session:
        record = consent.add_consent(
            session, ctx.args.survivor, categories=consent.parse_categories(ctx.args.categories),
            purpose=ctx.args.purpose, expires_on=expires, signed_on=signed,
            recipient_employer=ctx.args.recipient_employer,
            recipient_agency=ctx.args.recipient_agency, method=METHODS[ctx.args.method],
            may_share_further=ctx.args.recipient_may_share == "yes",
            guardian_name=ctx.args.guardian or "", guardian_signed=ctx.args.both_signed)
        if ctx.args.form:
            consent.write_release_form(session, record.id, Path(ctx.args.form))
    print(record.id)
    return 0


def cmd_consent_revoke(ctx: Context) -> int:
    on = parse_date(ctx.args.on, "on") if ctx.args.on else None
    with ctx.unlock() as session:
        consent.revoke(session, ctx.args.consent, on, Revocation(ctx.args.how))
    return 0


def cmd_consent_remind(ctx: Context) -> int:
    with ctx.unlock() as session:
        made = consent.remind_expiring(session)
    print(f"{PROG}: {made} task(s) made for releases ending within 14 days", file=sys.stderr)
    return 0


def cmd_consent_list(ctx: Context) -> int:
    if ctx.args.expiring == bool(ctx.args.survivor):
        raise UsageError("consent list needs either --survivor CASE (that survivor's consents) "
                         "or --expiring (those ending within 14 days), not both"
                         if ctx.args.expiring else
                         "consent list needs --survivor CASE (that survivor's consents) or "
                         "--expiring (those ending within 14 days)")
    with ctx.unlock() as session:
        if ctx.args.expiring:
            pairs = consent.expiring(session)
        else:
            pairs = [(ctx.args.survivor, c) for c in consent.consents(session, ctx.args.survivor)]
        # Coordinators are never shown a release's purpose or a minor's guardian (see
        # `consent._as_seen_by`): the columns are left out for the role, whatever the rows.
        coordinator = session.account.role is Role.COORDINATOR
    rows = [{"id": c.id, "case": case, "recipient": c.recipient_name,
             "purpose": c.purpose or "-",
             "categories": ",".join(sorted(x.value for x in c.categories)),
             "starts": c.signed_on.isoformat(), "expires": c.expires_on.isoformat(),
             "method": c.method.value,
             "shares_further": "yes" if c.may_share_further else "no",
             "guardian": (c.guardian_name + (" (both signed)" if c.guardian_signed else ""))
             or "-",
             "revoked": c.revoked_on.isoformat() if c.revoked_on else "-",
             "revoked_how": c.revoked_how.value if c.revoked_how else "-",
             "revoked_by": c.revoked_by or "-"} for case, c in pairs]
    columns = ["id", "case", "recipient", "purpose", "categories", "starts", "expires",
               "method", "shares_further", "guardian", "revoked", "revoked_how", "revoked_by"]
    if coordinator:
        columns = [c for c in columns if c not in ("purpose", "guardian", "revoked_by")]
        rows = [{k: v for k, v in row.items() if k in columns} for row in rows]
    print_rows(rows, columns, as_json=ctx.args.json)
    return 0


def cmd_consent_referrals(ctx: Context) -> int:
    with ctx.unlock() as session:
        found = consent.referrals(session, ctx.args.employer)
    rows = [{"employer": r.employer, "case": r.case_number, "name": r.preferred_name,
             "shares": ",".join(sorted(c.value for c in r.categories)),
             "expires": r.expires_on.isoformat()} for r in found]
    print_rows(rows, ["employer", "case", "name", "shares", "expires"], as_json=ctx.args.json)
    return 0


def _save(ctx: Context, prepared_for: Any) -> int:
    with ctx.unlock() as session:
        prepared = prepared_for(session)
        digest = sharing.save(session, prepared, Path(ctx.args.out))
    print(f"{PROG}: wrote {ctx.args.out} ({', '.join(prepared.fields)}); sha256 {digest}",
          file=sys.stderr)
    return 0


def cmd_export_profile(ctx: Context) -> int:
    return _save(ctx, lambda s: sharing.prepare_employer_profile(s, ctx.args.survivor,
                                                                 ctx.args.employer))


def cmd_letter(ctx: Context) -> int:
    return _save(ctx, lambda s: sharing.prepare_referral_letter(
        s, ctx.args.survivor, ctx.args.employer, ctx.args.position))


def cmd_plan(ctx: Context) -> int:
    a = ctx.args

    def prepared(session: Any) -> sharing.PreparedExport:
        chosen = None  # nothing named: what is shareable, as with --all-shareable
        if a.goal or a.task:
            items = sharing.plan_items(session, a.survivor)
            known = {i.id for i in items if i.kind in ("goal", "task")}
            for named in [*a.goal, *a.task]:
                if named not in known:
                    raise NotFoundError(f"{named} is not an open goal or a task for the survivor "
                                        f"on case {a.survivor} (see goal list, task list)")
            goals = set(a.goal)
            chosen = {i.id for i in items if i.id in goals or i.goal_id in goals
                      or i.id in a.task}
            if a.all_shareable:
                chosen |= sharing.default_plan_choice(items)
        return sharing.prepare_plan(session, a.survivor, a.lang, chosen)

    return _save(ctx, prepared)


def cmd_export_log(ctx: Context) -> int:
    with ctx.unlock() as session:
        rows = [{"at": r.at[:19], "actor": r.actor, "kind": r.kind, "recipient": r.recipient,
                 "fields": ",".join(r.fields), "sha256": r.sha256[:16]}
                for r in sharing.export_log(session, ctx.args.survivor)]
    print_rows(rows, ["at", "actor", "kind", "recipient", "fields", "sha256"],
               as_json=ctx.args.json)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    group = commands.add_parser("consent", help="releases of information (consents to share)")
    actions = group.add_subparsers(dest="consent_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_consent_add,
              "record a survivor's release of information to one recipient")
    cmd.add_argument("--survivor", required=True, metavar="CASE")
    who = cmd.add_mutually_exclusive_group(required=True)
    who.add_argument("--recipient-employer", metavar="NAME")
    who.add_argument("--recipient-agency", metavar="NAME")
    cmd.add_argument("--purpose", required=True, metavar="TEXT",
                     help="why it is shared, in the words written with the survivor")
    cmd.add_argument("--categories", required=True,
                     help="alias, readiness, availability, employment_goals, work_history, "
                          "accommodations, work_eligibility (comma-separated). "
                          + HISTORY_NEVER_SHARED)
    cmd.add_argument("--signed", metavar="YYYY-MM-DD",
                     help="the day it was signed, when it starts (default: today)")
    cmd.add_argument("--expires", metavar="YYYY-MM-DD",
                     help="when it ends (default: 90 days after it starts; at most a year)")
    cmd.add_argument("--method", choices=list(METHODS), default="paper",
                     help="how it was signed (default: paper)")
    cmd.add_argument("--recipient-may-share", choices=["yes", "no"], default="no",
                     help="whether the recipient may share it further (default: no)")
    cmd.add_argument("--guardian", metavar="NAME",
                     help="for a survivor under 18: the non-abusive parent or guardian who "
                          "signed with them")
    cmd.add_argument("--both-signed", action="store_true",
                     help="for a survivor under 18: they and the guardian both signed")
    cmd.add_argument("--form", metavar="FILE.pdf", help="also write the release form to sign")
    cmd = add(actions, "revoke", cmd_consent_revoke,
              "record that the survivor revoked a release (it stops at once)")
    cmd.add_argument("consent", metavar="CONSENT_ID")
    cmd.add_argument("--how", required=True, choices=[r.value for r in Revocation],
                     help="in writing, or orally (told to staff)")
    cmd.add_argument("--on", metavar="YYYY-MM-DD", help="when (default: today)")
    add(actions, "remind", cmd_consent_remind,
        "make a task for each release ending within 14 days (once per release)")
    cmd = add(actions, "list", cmd_consent_list, "a survivor's consents, or those expiring")
    cmd.add_argument("--survivor", metavar="CASE")
    cmd.add_argument("--expiring", action="store_true", help="ending within 14 days")
    cmd.add_argument("--json", action="store_true")
    cmd = add(actions, "referrals", cmd_consent_referrals,
              "who may be referred where: active consents to employer partners")
    cmd.add_argument("--employer", metavar="NAME", help="one employer partner only")
    cmd.add_argument("--json", action="store_true")

    group = commands.add_parser("export", help="documents that leave the program")
    actions = group.add_subparsers(dest="export_command", metavar="KIND", required=True)
    cmd = add(actions, "employer-profile", cmd_export_profile,
              "a redacted candidate profile for an employer the survivor consented to")
    cmd.add_argument("--survivor", required=True, metavar="CASE")
    cmd.add_argument("--employer", required=True, metavar="NAME")
    cmd.add_argument("--out", required=True, metavar="FILE.pdf")
    cmd = add(actions, "log", cmd_export_log, "what was shared, with whom, when")
    cmd.add_argument("--survivor", metavar="CASE")
    cmd.add_argument("--json", action="store_true")

    cmd = add(commands, "letter", cmd_letter, "a referral letter on the letterhead")
    cmd.add_argument("--survivor", required=True, metavar="CASE")
    cmd.add_argument("--employer", required=True, metavar="NAME")
    cmd.add_argument("--position", metavar="ID",
                     help="one of the employer's open positions (see position list)")
    cmd.add_argument("--out", required=True, metavar="FILE.pdf")

    cmd = add(commands, "plan", cmd_plan, "the survivor's own printable plan")
    cmd.add_argument("--survivor", required=True, metavar="CASE")
    cmd.add_argument("--lang", choices=["en", "es"],
                     help="the plan's language (default: the survivor's primary language, "
                          "Spanish or English)")
    cmd.add_argument("--goal", action="append", default=[], metavar="GOAL_ID",
                     help="an open goal to print, with its steps (repeat for more); legal and "
                          "health goals go on only when named")
    cmd.add_argument("--task", action="append", default=[], metavar="TASK_ID",
                     help="a task marked for the survivor to print (repeat for more)")
    cmd.add_argument("--all-shareable", action="store_true",
                     help="every open goal outside legal and health, its steps, and every task "
                          "marked for the survivor (the default when no --goal or --task is "
                          "named; with them, added to them)")
    cmd.add_argument("--out", required=True, metavar="FILE.pdf")
