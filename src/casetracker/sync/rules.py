"""The role rules, checked on every change that arrives from another laptop.

Each laptop's services refuse what a role may not do (`services/access.py` and each
service's `session.require`); a laptop cannot trust that another laptop's services did, since
whoever holds a laptop's keys can write any bundle. So every incoming change is checked
against this one table before anything of its bundle is applied, by the role of the account
named on it. A change a role may not make refuses its whole bundle (`RoleRefusedError`); a
change by an account this laptop does not know yet makes its bundle wait (`ActorUnknownError`):
accounts arrive with enrollment.

The table says, per replicated table, which roles may insert, update (which fields) and
delete rows: what the services let each role do, and nothing more (tests/sync/test_rules.py
drives the services with each role and checks that the table agrees). It checks roles and the
fields they may change, not which case manager's caseload a case is in: a case moved to
another case manager on one laptop while its former case manager edits it on another must
not be refused on one laptop and applied on the next (the laptops would never agree again);
the audit trail records who changed whose case.

Two kinds of change are not ordinary edits:
- A settlement (`sync/settle.py`) replaces more than one value of a field; case managers and
  supervisors settle conflicts, so a supervisor's settlement of case content is accepted
  although supervisors do not otherwise change it.
- The records a laptop already held when it joined its program travel as inserts without an
  account (`SyncRepository.capture_existing_rows`), as the first changes of that laptop. Once
  a change with an account has arrived from a laptop, no change without one is accepted from it.
- The program settings a laptop held before they travelled (schema 26) arrive as inserts
  without an account at clock value 1 (`pre_upgrade`), at any time: no account is known for
  them. Left open, and said so: a laptop's key holder can send such a value too. It never
  beats a later edit, and where another laptop held a different value it is listed as a
  conflict for a supervisor; a setting no laptop had set before takes it until a supervisor
  changes it.

An account is judged as it stood when the change was made, by the hybrid logical clock: a
change made at or after its account's removal (the clock of the `removed_at` value in
`team_accounts`) is refused, and the role is the one `team_accounts` holds (which follows each
bundle as it is applied, so a demotion applied first counts for every bundle after it). A
removal or a role change earlier in the same bundle counts for the changes after it. A laptop
cannot date its changes before the ones it already sent (`exchange.py` refuses a bundle whose
clock goes back), so a laptop that had applied a removal cannot backdate a removed account's
change before it; one that never sent anything after can still date back to its last bundle:
the bundles carry no proof of which account was at the keyboard (an account unlocks on every
laptop of the program, so the laptop is no proof either).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from casetracker.domain.accounts import Role
from casetracker.domain.duplicates import FILLED_FIELDS
from casetracker.domain.errors import CaseTrackerError
from casetracker.storage.duplicates_repo import MOVED_TABLES
from casetracker.storage.migrations.v011_change_capture import BY_TABLE
from casetracker.storage.migrations.v026_program_settings_travel import (
    PRE_UPGRADE_HLC,
    PROGRAM_KEYS,
)
from casetracker.storage.sync_repo import Change

CM, CO, SU = Role.CASE_MANAGER, Role.COORDINATOR, Role.SUPERVISOR
EVERY = frozenset({"*"})  # every field


class RoleRefusedError(CaseTrackerError):
    """A change its account's role may not make: its bundle is refused."""


class ActorUnknownError(CaseTrackerError):
    """A change by an account this laptop does not have yet: its bundle waits."""


@dataclass(frozen=True, slots=True)
class Standing:
    """An account as incoming changes are judged: its role, and the clock value of its
    removal (None while it is not removed)."""

    role: Role
    removed: int | None = None


@dataclass(frozen=True, slots=True)
class TableRule:
    """Who may change one table's rows: roles that insert, the fields each role may update,
    roles that delete."""

    insert: frozenset[Role]
    update: Mapping[Role, frozenset[str]]
    delete: frozenset[Role] = frozenset({SU})  # purging a case (its rows go with it)
    # Inserts must name the acting account in this column (a case manager takes a survivor
    # into their own caseload).
    own_column: str | None = None


def _case(*roles: Role, update: Mapping[Role, frozenset[str]] | None = None,
          delete: frozenset[Role] = frozenset({SU})) -> TableRule:
    """Case content: the roles given insert (case managers always), and update every field;
    supervisors delete (a purge) unless told otherwise."""
    inserting = frozenset({CM, *roles})
    return TableRule(inserting, update if update is not None else
                     dict.fromkeys(inserting, EVERY), delete)


RULES: dict[str, TableRule] = {
    # Employer partners and positions: coordinators and supervisors (`employers.KEEPERS`).
    "employers": TableRule(frozenset({CO, SU}), {CO: EVERY, SU: EVERY}, frozenset()),
    "positions": TableRule(frozenset({CO, SU}), {CO: EVERY, SU: EVERY}, frozenset()),
    "employer_assessments": TableRule(frozenset({CO, SU}), {CO: EVERY, SU: EVERY},
                                      frozenset()),
    # A recorded session is taken back whole (`placement.remove_session`).
    "workshops": TableRule(frozenset({CO, CM}), {CO: EVERY, CM: EVERY}, frozenset({CO, CM})),
    # A case manager takes survivors into their own caseload and changes their record;
    # a supervisor moves a case to another case manager (`survivors.assign`).
    "survivors": TableRule(frozenset({CM}), {
        CM: frozenset({"*", "-assigned_to"}), SU: frozenset({"assigned_to", "updated_at"})},
        own_column="assigned_to"),
    "survivor_sensitive": _case(),
    "barriers": _case(),
    "goals": _case(),
    "milestones": _case(delete=frozenset({SU, CM})),  # an added milestone undone
    "checkins": _case(),
    "documents": _case(),
    "attachments": _case(),
    "notes": _case(),
    "consents": _case(),
    # A supervisor's review actions become tasks; a coordinator whose export was refused
    # asks the case manager for a review with a task, and ticks off tasks assigned to them.
    "tasks": _case(SU, CO, update={CM: EVERY, CO: frozenset({"done_on"})}),
    # Coordinators place people: attendance and the placement pipeline (active cases).
    "workshop_attendance": _case(CO, delete=frozenset({SU, CO, CM})),
    "placement_steps": _case(CO),
    # Whoever may export something about a case logs it.
    "exports": _case(CO, SU, update={}),
    "reviews": TableRule(frozenset({SU}), {SU: EVERY}),
    "review_actions": TableRule(frozenset({SU}), {SU: EVERY}),
    # Services given: the case manager records them and takes one back.
    "service_contacts": _case(delete=frozenset({SU, CM})),
    # Internships are kept like the pipeline that starts them.
    "internships": _case(CO),
    "internship_weeks": _case(CO),
    "apprenticeships": _case(CO),
    # The employer's supervisor and mentor at a placement: kept like the pipeline.
    "placement_people": _case(CO),
    # Coaching contacts with the employer: the case manager's, or a coordinator's on an
    # open case (as the pipeline).
    "employer_coaching": _case(CO),
    # A case manager's decision about a restricted employer, which they may withdraw.
    "restriction_clearances": _case(delete=frozenset({SU, CM})),
    # Retention: the policy, legal holds and purged cases' de-identified figures are a
    # supervisor's; a case manager closing or reopening a case records the day.
    "retention_policy": TableRule(frozenset({SU}), {SU: EVERY}, frozenset()),
    "case_closures": _case(),
    "legal_holds": TableRule(frozenset({SU}), {SU: EVERY}, frozenset({SU})),
    "kept_figures": TableRule(frozenset({SU}), {SU: EVERY}, frozenset({SU})),
    # Membership: `sync/membership.py` checks these rows more closely (who enrolls, revokes,
    # adds and resets accounts; an account changes only its own key slot), and
    # `sync/signatures.py` who vouched for an account's new key pair (a recovery).
    "team_laptops": TableRule(frozenset({SU}), {SU: EVERY}, frozenset()),
    # The program's recovery key: a supervisor makes a new one (`services/team_accounts.py`).
    "team_recovery": TableRule(frozenset({SU}), {SU: EVERY}, frozenset()),
    "team_accounts": TableRule(frozenset({SU}), {
        SU: EVERY, CM: frozenset({"slot", "must_change", "key_sha256", "sign_key"}),
        CO: frozenset({"slot", "must_change", "key_sha256", "sign_key"})}, frozenset()),
    # The program's settings (schema 26): a supervisor's (`services/settings.py`,
    # `sharing_support.set_logo`); the referral letter template also a coordinator's, who
    # writes the letters (`sharing_support.set_letter_template`): see `SETTING_KEEPERS`.
    "program_settings": TableRule(frozenset({SU}), {SU: EVERY}, frozenset()),
}

# Program settings a role besides supervisors may change, by row (the setting's name).
SETTING_KEEPERS: dict[str, frozenset[Role]] = {
    "referral_letter_template": frozenset({CO, SU}),
}



def _with_merges(rules: dict[str, TableRule]) -> dict[str, TableRule]:
    """What a supervisor's merge of two records of one person (`services/duplicates.merge`)
    changes besides deleting the other record: its rows move (their `survivor_id` changes),
    rows keyed by the survivor are copied to the kept record, and blank profile fields and
    sensitive details of the kept record are filled. These count only for an account whose
    changes in the same bundle delete a survivor record (`merging`): a supervisor's lone edit
    of a phone or a safety plan is still refused."""
    merged = dict(rules)

    def grant(table: str, fields: frozenset[str], *, insert: bool = False) -> None:
        rule = merged[table]
        update = dict(rule.update)
        update[SU] = update.get(SU, frozenset()) | fields
        merged[table] = TableRule(rule.insert | ({SU} if insert else set()), update,
                                  rule.delete, rule.own_column)

    for table in MOVED_TABLES:
        grant(table, frozenset({"survivor_id"}))
    grant("survivor_sensitive", EVERY, insert=True)
    grant("workshop_attendance", frozenset({"attended", "completed"}), insert=True)
    grant("restriction_clearances", frozenset(), insert=True)
    grant("survivors", frozenset(FILLED_FIELDS))
    return merged


MERGE_RULES = _with_merges(RULES)


def merging(changes: Sequence[Change]) -> set[str]:
    """The accounts (case-folded) whose changes among `changes` delete a survivor record."""
    return {c.actor.casefold() for c in changes
            if c.actor and c.table == "survivors" and c.op == "delete"}


_TABLE_WORDS = {"survivors": "survivor records", "survivor_sensitive": "sensitive details",
                "workshop_attendance": "workshop attendance",
                "placement_steps": "placement steps", "review_actions": "review actions"}


def _words(table: str) -> str:
    return _TABLE_WORDS.get(table, table.replace("_", " "))


def _may_update(rule: TableRule, role: Role, name: str) -> bool:
    fields = rule.update.get(role, frozenset())
    if f"-{name}" in fields:
        return False
    return "*" in fields or name in fields


def refusal(change: Change, role: Role, *, merge: bool = False) -> str | None:
    """Why an account of `role` may not make `change` (no value in the words); None if it may.
    `merge`: the account's changes alongside delete a survivor record (a merge's moves)."""
    rule = (MERGE_RULES if merge else RULES).get(change.table)
    who = role.value.replace("_", " ")
    if rule is None:
        return f"{change.table} does not travel between laptops"
    if change.table == "program_settings":
        return _setting_refusal(change, role, who)
    if change.op == "insert":
        if role not in rule.insert:
            return f"a {who} may not add {_words(change.table)}"
        if rule.own_column and isinstance(change.value, dict) and change.value.get(
                rule.own_column) != change.actor:
            return f"a {who} adds {_words(change.table)} only to their own caseload"
        return None
    if change.op == "delete":
        return None if role in rule.delete else f"a {who} may not delete {_words(change.table)}"
    name = str(change.field)
    if _may_update(rule, role, name):
        return None
    if len(change.replaced) > 1 and name != (rule.own_column or "") and (
            role is SU or (role is CM and BY_TABLE[change.table].case != "NULL")):
        return None  # settling a conflict (a case's, for a case manager): every value waiting
    return f"a {who} may not change {name} in {_words(change.table)}"


def _setting_refusal(change: Change, role: Role, who: str) -> str | None:
    """Program settings: only the settings that travel, changed by a supervisor (or by the
    roles `SETTING_KEEPERS` names for one), never deleted. A settlement of a settings
    conflict is a change like any other here: a case manager settles none."""
    if change.row_id not in PROGRAM_KEYS:
        return "that program setting does not travel between laptops"
    if change.op == "insert" and (not isinstance(change.value, dict)
                                  or change.value.get("key") != change.row_id):
        return "a program setting's row names another setting"
    if change.op == "delete":
        return f"a {who} may not delete program settings"
    if change.op == "update" and change.field != "value":
        return f"a {who} may not change {change.field} in program settings"
    if role not in SETTING_KEEPERS.get(change.row_id, frozenset({SU})):
        return f"a {who} may not change the program's settings"
    return None


def pre_upgrade(change: Change) -> bool:
    """A value a laptop held before program settings travelled (schema 26): an insert of a
    program setting at clock `PRE_UPGRADE_HLC`, without an account (none is known for it).
    Any later edit beats it; values that differ between laptops are listed as a conflict."""
    return (change.table == "program_settings" and change.op == "insert"
            and change.hlc == PRE_UPGRADE_HLC and change.actor is None
            and change.row_id in PROGRAM_KEYS and isinstance(change.value, dict)
            and change.value.get("key") == change.row_id)


def check(changes: Sequence[Change], roles: Mapping[str, Role | Standing], *,
          snapshot_over: bool, names: Mapping[str, str] | None = None) -> bool:
    """Raise unless every change may be made by its account as it stood when the change was
    made; True if the changes include one made by an account (the laptop's first records,
    sent without one, are then over). `roles`: account name (casefolded) -> its role or
    standing; `names`: `team_accounts` row id -> account name."""
    by_account = False
    # Accounts that arrive, change role or are removed earlier in the same bundle count so
    # for the changes after.
    standing = {name: r if isinstance(r, Standing) else Standing(r) for name, r in roles.items()}
    names = dict(names or {})
    merged_by = merging(changes)
    for change in changes:
        if change.actor is None and pre_upgrade(change):
            continue
        if change.actor is None:
            if by_account or snapshot_over or change.op != "insert":
                raise RoleRefusedError(
                    f"a change to {_words(change.table)} names no account (only the records a "
                    "laptop held when it joined travel without one, as its first changes)")
            continue
        by_account = True
        found = standing.get(change.actor.casefold())
        if found is None:
            raise ActorUnknownError(f"it holds changes by the account {change.actor!r}, which "
                                    "this laptop does not have yet (accounts come with "
                                    "enrollment); it waits until that account arrives")
        if found.removed is not None and change.hlc >= found.removed:
            raise RoleRefusedError(f"it holds a change by the account {change.actor}, made "
                                   "after that account was removed")
        reason = refusal(change, found.role, merge=change.actor.casefold() in merged_by)
        if reason is not None:
            raise RoleRefusedError(f"a change by {change.actor} breaks the role rules: {reason}")
        if change.table == "team_accounts":
            _follow(change, standing, names)
    return by_account


def _follow(change: Change, standing: dict[str, Standing], names: dict[str, str]) -> None:
    """Take a membership change (already allowed) into account for the changes after it."""
    if change.op == "insert" and isinstance(change.value, dict):
        name, new_role = change.value.get("name"), change.value.get("role")
        if isinstance(name, str) and new_role in {r.value for r in Role}:
            names[change.row_id] = name
            standing.setdefault(name.casefold(), Standing(
                Role(new_role), change.hlc if change.value.get("removed_at") else None))
        return
    name = names.get(change.row_id)
    found = None if name is None else standing.get(name.casefold())
    if name is None or found is None or change.op != "update":
        return
    if change.field == "role" and change.value in {r.value for r in Role}:
        standing[name.casefold()] = Standing(Role(change.value), found.removed)
    elif change.field == "removed_at":
        standing[name.casefold()] = Standing(
            found.role, None if change.value is None else change.hlc)
