"""The supervisor's figures on a hand-built caseload, suppression, reviews and reports."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from casetracker.domain import clock
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.employment import Industry, PositionKind, Stage, WorkshopTopic
from casetracker.domain.errors import PermissionDeniedError
from casetracker.domain.notes import ContactType
from casetracker.domain.plans import GoalDomain
from casetracker.domain.reports import (
    PeriodKind,
    period_containing,
    shown,
    suppress_chain,
    suppress_partition,
)
from casetracker.services import (
    audit,
    consent,
    dashboard,
    documents,
    employers,
    notes,
    placement,
    plans,
    reviews,
    survivors,
)
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, OTHER_CASE_MANAGER

TODAY = clock.today()


def test_chain_suppression_hides_small_counts_and_small_differences() -> None:
    assert suppress_chain([40, 18, 14, 12, 7, 2]) == [False, False, True, False, False, True]
    assert suppress_chain([33, 32]) == [False, True]
    assert suppress_chain([10, 10, 0]) == [False, False, False]
    assert [shown(c, h) for c, h in zip([33, 32, 3], [False, True, True], strict=True)] == [
        "33", "*", "<5"]


def test_partition_suppression_protects_a_lone_small_part() -> None:
    assert suppress_partition([12, 3, 9, 20], 44) == [False, True, True, False]
    assert suppress_partition([12, 3, 2, 20], 37) == [False, True, True, False]
    assert suppress_partition([12, 9, 20], 41) == [False, False, False]


@pytest.fixture
def built(team: Team) -> Team:
    """ana: two cases, one overdue everything; ben: one quiet case; one closed case."""
    ana, ben = team.case_manager, team.other_case_manager
    old = TODAY - timedelta(days=60)
    busy = survivors.create_survivor(ana, survivors.draft("A-1", "Busy", intake_date=old))
    calm = survivors.create_survivor(ana, survivors.draft("A-2", "Calm", intake_date=old))
    survivors.create_survivor(ben, survivors.draft("B-1", "Quiet", intake_date=old))
    closed = survivors.create_survivor(ben, survivors.draft("B-2", "Closed", intake_date=old))
    survivors.set_status(ben, closed.case_number, __import__(
        "casetracker.domain.survivors", fromlist=["CaseStatus"]).CaseStatus.CLOSED)
    goal = plans.add_goal(ana, busy.case_number, domain=GoalDomain.EMPLOYMENT,
                          specific="Job", measurable="Offer", achievable="Yes", relevant="Yes",
                          target_date=TODAY + timedelta(days=60),
                          milestones=[("One", TODAY + timedelta(days=5)),
                                      ("Two", TODAY + timedelta(days=6))])
    conn = ana.conn  # make the milestones overdue, as time would
    conn.execute("UPDATE milestones SET due_date = ? WHERE goal_id = ?",
                 ((TODAY - timedelta(days=3)).isoformat(), goal.id))
    notes.add_note(ana, calm.case_number, "Called", ContactType.PHONE, TODAY)
    notes.add_note(ana, busy.case_number, "Tried", ContactType.NO_CONTACT, TODAY)
    task = notes.add_task(ana, busy.case_number, "Follow up", TODAY + timedelta(days=1))
    conn.execute("UPDATE tasks SET due_date = ? WHERE id = ?",
                 ((TODAY - timedelta(days=1)).isoformat(), task.id))
    for case in ("A-2",):
        for document in documents.documents(ana, case):
            documents.set_status(ana, document.id, DocumentStatus.NOT_NEEDED)
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    consent.add_consent(ana, "A-1", purpose="Referral for work", categories=frozenset(
        {__import__("casetracker.domain.catalog", fromlist=["Category"]).Category.ALIAS}),
        expires_on=TODAY + timedelta(days=10), recipient_employer="Harbor Hotel")
    for document in documents.documents(ben, "B-1"):
        if document.kind is not DocumentKind.PASSPORT:
            documents.set_status(ben, document.id, DocumentStatus.NOT_NEEDED)
    return team


def test_every_figure_matches_the_hand_built_caseload(built: Team) -> None:
    figures = {f.case_manager: f for f in dashboard.manager_figures(built.supervisor)}
    ana, ben = figures[CASE_MANAGER], figures[OTHER_CASE_MANAGER]
    assert (ana.active_cases, ana.overdue_milestones, ana.no_contact_30_days,
            ana.documents_outstanding, ana.consents_expiring, ana.tasks_overdue) == (
        2, 2, 1, 8, 1, 1)
    assert (ben.active_cases, ben.overdue_milestones, ben.no_contact_30_days,
            ben.documents_outstanding, ben.consents_expiring, ben.tasks_overdue) == (
        1, 0, 1, 1, 0, 0)
    assert dashboard.cases_behind(built.supervisor, CASE_MANAGER, "no_contact_30_days") == [
        ("A-1", "Busy")]
    assert dashboard.cases_behind(built.supervisor, CASE_MANAGER, "overdue_milestones") == [
        ("A-1", "Busy")]
    assert dashboard.cases_behind(built.supervisor, OTHER_CASE_MANAGER,
                                  "documents_outstanding") == [("B-1", "Quiet")]


def test_the_overdue_milestones_drill_down_names_each_milestone_the_figure_counts(
        built: Team) -> None:
    figures = {f.case_manager: f for f in dashboard.manager_figures(built.supervisor)}
    overdue = (TODAY - timedelta(days=3)).isoformat()
    listed = dashboard.milestones_behind(built.supervisor, CASE_MANAGER)
    assert listed == [("A-1", "Busy", "One", overdue), ("A-1", "Busy", "Two", overdue)]
    assert len(listed) == figures[CASE_MANAGER].overdue_milestones
    assert dashboard.milestones_behind(built.supervisor, OTHER_CASE_MANAGER) == []
    with pytest.raises(PermissionDeniedError):
        dashboard.milestones_behind(built.case_manager, CASE_MANAGER)


class Explaining:
    """A connection stand-in that records SQLite's plan for each statement it runs."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.plans: list[str] = []

    def execute(self, sql: str, params: object = ()) -> Any:
        self.plans.append(" / ".join(
            str(row[-1]) for row in self.conn.execute("EXPLAIN QUERY PLAN " + sql, params)))
        return self.conn.execute(sql, params)


def test_the_figures_read_running_totals_not_the_caseload(built: Team) -> None:
    """What keeps a 50,000-case dashboard under half a second (benchmarks/README.md): the
    figures read only the totals the triggers keep, in key order, with nothing to sort."""
    from casetracker.storage.reports_repo import ReportsRepository

    explaining = Explaining(built.supervisor.conn)
    ReportsRepository(explaining).manager_figures(TODAY)
    ReportsRepository(explaining).funnel()
    steps = [step for plan in explaining.plans for step in plan.split(" / ")]
    assert {step.split()[1] for step in steps if step.startswith(("SCAN", "SEARCH"))} == {
        "dashboard_counts"}
    assert not any("TEMP B-TREE" in step for step in steps)


_DAYS = [(TODAY + timedelta(days=d)).isoformat() for d in (-90, -40, -31, -30, -29, -1, 0, 1)]
_REACHED = ["phone", "in_person", "no_contact", "text"]
_SOON = [(TODAY + timedelta(days=d)).isoformat() for d in (-1, 0, 1, 29, 30, 31, 90)]


def _random_change(conn: Any, rng: Any, step: int) -> bool:
    """One random insert, update or delete on a table the running totals depend on."""

    def pick(table: str, column: str = "id") -> Any:
        rows = conn.execute(f"SELECT {column} FROM {table} ORDER BY rowid").fetchall()
        return rng.choice(rows)[0] if rows else None

    day, now = rng.choice(_DAYS), "2026-01-01T00:00:00"
    survivor, goal = pick("survivors"), pick("goals")
    manager = rng.choice([CASE_MANAGER, OTHER_CASE_MANAGER, None])
    changes = 2 * [
        ("INSERT INTO survivors (id, case_number, preferred_name, intake_date, assigned_to, "
         "status, created_at, updated_at) VALUES (?, ?, 'R', ?, ?, ?, ?, ?)",
         (f"s{step}", f"R-{step}", day, manager, rng.choice(["active", "closed"]), now, now)),
    ] + [
        ("UPDATE survivors SET status = ?, assigned_to = ?, intake_date = ? WHERE id = ?",
         (rng.choice(["active", "closed"]), manager, day, survivor)),
        ("UPDATE survivors SET preferred_name = 'Renamed' WHERE id = ?", (survivor,)),
        ("DELETE FROM survivors WHERE id = ?", (pick("survivors"),)),
        ("INSERT INTO goals (id, survivor_id, domain, specific, measurable, achievable, "
         "relevant, target_date, status, created_at) VALUES (?, ?, 'employment', 'a', 'b', "
         "'c', 'd', ?, ?, ?)",
         (f"g{step}", survivor, day, rng.choice(["open", "open", "met"]), now)),
        ("UPDATE goals SET status = ?, survivor_id = ? WHERE id = ?",
         (rng.choice(["open", "met"]), survivor, goal)),
        ("DELETE FROM goals WHERE id = ?", (goal,)),
        *2 * [("INSERT INTO milestones (id, goal_id, description, due_date, completed_on) "
               "VALUES (?, ?, 'm', ?, ?)", (f"m{step}", goal, day, rng.choice([None, day])))],
        ("UPDATE milestones SET due_date = ?, completed_on = ?, goal_id = ? WHERE id = ?",
         (day, rng.choice([None, day]), goal, pick("milestones"))),
        ("DELETE FROM milestones WHERE id = ?", (pick("milestones"),)),
        ("INSERT INTO documents (id, survivor_id, kind, status, expires_on, updated_at) "
         "VALUES (?, ?, 'passport', ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
         "status = excluded.status, expires_on = excluded.expires_on",
         (rng.choice([f"d{step}", pick("documents") or f"d{step}"]), survivor,
          rng.choice(["missing", "requested", "expired", "recovered", "not_needed"]),
          rng.choice([None, day]), now)),
        ("DELETE FROM documents WHERE id = ?", (pick("documents"),)),
        ("INSERT INTO tasks (id, survivor_id, title, due_date, done_on, created_at) "
         "VALUES (?, ?, 't', ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
         "due_date = excluded.due_date, done_on = excluded.done_on",
         (rng.choice([f"t{step}", pick("tasks") or f"t{step}"]), survivor, day,
          rng.choice([None, day]), now)),
        ("UPDATE tasks SET survivor_id = ? WHERE id = ?", (survivor, pick("tasks"))),
        ("INSERT INTO notes (id, survivor_id, written_on, contact_type, text, created_at) "
         "VALUES (?, ?, ?, ?, 'n', ?)", (f"n{step}", survivor, day, rng.choice(_REACHED), now)),
        ("UPDATE notes SET written_on = ?, contact_type = ?, survivor_id = ? WHERE id = ?",
         (day, rng.choice(_REACHED), survivor, pick("notes"))),
        ("DELETE FROM notes WHERE id = ?", (pick("notes"),)),
        ("INSERT INTO consents (id, survivor_id, recipient_kind, recipient_name, categories, "
         "signed_on, expires_on, method, revoked_on, created_at) VALUES "
         "(?, ?, 'employer', 'E', '[]', ?, ?, 'written', NULL, ?) ON CONFLICT (id) DO UPDATE "
         "SET revoked_on = ?",
         (rng.choice([f"c{step}", pick("consents") or f"c{step}"]), survivor, _DAYS[0],
          rng.choice(_SOON), now, rng.choice([None, day]))),
        ("UPDATE consents SET expires_on = ?, survivor_id = ? WHERE id = ?",
         (rng.choice(_SOON), survivor, pick("consents"))),
        ("DELETE FROM consents WHERE id = ?", (pick("consents"),)),
        ("INSERT INTO placement_steps (id, survivor_id, stage, on_date, created_at) "
         "VALUES (?, ?, ?, ?, ?)", (f"p{step}", survivor, rng.choice(
             [stage.value for stage in Stage]), day, now)),
        ("UPDATE placement_steps SET stage = ?, survivor_id = ? WHERE id = ?",
         (rng.choice([stage.value for stage in Stage]), survivor, pick("placement_steps"))),
        ("DELETE FROM placement_steps WHERE id = ?", (pick("placement_steps"),)),
    ]
    sql, params = rng.choice(changes)
    if None in params[-1:] or (survivor is None and "survivor_id" in sql):
        return False
    try:
        conn.execute(sql, params)
    except sqlcipher.IntegrityError:  # a random change may break a constraint: nothing changes
        return False
    return True


def _totals_and_a_count_from_scratch(conn: Any) -> tuple[list[Any], list[Any]]:
    """The running totals kept so far, and the same counted afresh from the cases."""
    from casetracker.storage.migrations import v009_dashboard_counts as counts

    conn.execute("CREATE TEMP TABLE IF NOT EXISTS fresh "
                 "(figure TEXT, manager TEXT, on_date TEXT, n INT, "
                 "PRIMARY KEY (figure, manager, on_date))")
    conn.execute("DELETE FROM fresh")
    counts.recount(conn, "fresh")
    kept = conn.execute("SELECT figure, manager, on_date, n FROM dashboard_counts "
                        "WHERE n != 0 ORDER BY 1, 2, 3").fetchall()
    return kept, conn.execute("SELECT * FROM fresh ORDER BY 1, 2, 3").fetchall()


def test_running_totals_match_a_count_from_scratch_after_random_changes(built: Team) -> None:
    import random

    from casetracker.storage.migrations import v009_dashboard_counts as counts

    conn = built.supervisor.conn
    seen: set[str] = set()

    def compare() -> None:
        kept, fresh = _totals_and_a_count_from_scratch(conn)
        assert kept == fresh
        seen.update(row[0] for row in kept)

    now = "2026-01-01T00:00:00"
    conn.execute("INSERT INTO survivors (id, case_number, preferred_name, intake_date, "
                 "assigned_to, created_at, updated_at) VALUES ('s', 'R', 'R', ?, ?, ?, ?)",
                 (_DAYS[0], CASE_MANAGER, now, now))
    conn.execute("INSERT INTO goals (id, survivor_id, domain, specific, measurable, achievable, "
                 "relevant, target_date, created_at) VALUES ('g', 's', 'employment', 'a', 'b', "
                 "'c', 'd', ?, ?)", (_DAYS[0], now))
    conn.execute("INSERT INTO milestones (id, goal_id, description, due_date) "
                 "VALUES ('m', 'g', 'm', ?)", (_DAYS[0],))
    compare()
    rng, made = random.Random(9), 0  # noqa: S311 - a repeatable test, not a secret
    for step in range(400):
        made += _random_change(conn, rng, step)
        if step % 50 == 49:
            compare()
    assert made > 250
    assert seen == set(counts.FIGURES)
    assert conn.execute("SELECT count(*) FROM dashboard_counts WHERE n < 0").fetchone()[0] == 0


def test_the_cases_behind_each_figure_agree_with_it_after_random_changes(built: Team) -> None:
    """The drill-down counts from the case tables, the figures from the running totals: two
    definitions of each figure, which must name the same cases."""
    import random

    from casetracker.domain.reports import METRICS
    from casetracker.storage.reports_repo import ReportsRepository

    conn = built.supervisor.conn
    repo = ReportsRepository(conn)
    rng = random.Random(17)  # noqa: S311 - a repeatable test, not a secret
    shown: set[str] = set()

    def compare() -> None:
        for figures_of in repo.manager_figures(TODAY):
            for metric in METRICS:
                value = getattr(figures_of, metric)
                cases = repo.cases_behind(figures_of.case_manager, metric, TODAY)
                where = (figures_of.case_manager, metric)
                if metric in ("active_cases", "no_contact_30_days"):  # one per case
                    assert len(cases) == value, where
                else:  # one or more items per case
                    assert (len(cases) > 0) == (value > 0), where
                    assert len(cases) <= value, where
                if value:
                    shown.add(metric)

    compare()
    for step in range(300):
        _random_change(conn, rng, step)
        if step % 30 == 29:
            compare()
    assert shown == set(METRICS)


def test_an_import_counts_its_cases_in_one_pass_and_keeps_the_triggers(built: Team) -> None:
    """Imports and demos drop the triggers while they add cases, then count them at once."""
    from casetracker.services import importer

    conn, ana = built.supervisor.conn, built.case_manager
    triggers = conn.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                            "AND name LIKE 'dash%'").fetchone()[0]
    header = "case_number,preferred_name,intake_date,assigned_to"
    old = (TODAY - timedelta(days=90)).isoformat()
    importer.import_survivors(ana, "\n".join(
        [header, f"I-1,Ines,{old},{CASE_MANAGER}", f"I-2,Ivo,{TODAY.isoformat()},"]) + "\n")
    kept, fresh = _totals_and_a_count_from_scratch(conn)
    assert kept == fresh
    figures = {f.case_manager: f for f in dashboard.manager_figures(built.supervisor)}
    assert figures[CASE_MANAGER].active_cases == 4  # two of hers, and the two imported
    with pytest.raises(importer.ImportRejectedError):
        importer.import_survivors(ana, f"{header}\nI-3,Iris,{old},\nI-1,Again,{old},\n")
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                        "AND name LIKE 'dash%'").fetchone()[0] == triggers
    survivors.set_status(ana, "I-1", __import__(
        "casetracker.domain.survivors", fromlist=["CaseStatus"]).CaseStatus.CLOSED)
    kept, fresh = _totals_and_a_count_from_scratch(conn)
    assert kept == fresh
    figures = {f.case_manager: f for f in dashboard.manager_figures(built.supervisor)}
    assert figures[CASE_MANAGER].active_cases == 3


def test_a_caseload_page_in_case_number_order_needs_no_sort(built: Team) -> None:
    """The dashboard's indexes must not take the caseload page away from the index that
    streams it in order (found by the benchmark: 13 ms became 150 ms at 50,000 cases)."""
    from casetracker.storage.survivors_repo import SurvivorRepository

    explaining = Explaining(built.supervisor.conn)
    for manager in (None, CASE_MANAGER):
        SurvivorRepository(explaining).caseload(assigned_to=manager, limit=200, today=TODAY)
    assert len(explaining.plans) == 2
    for plan in explaining.plans:
        assert "TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_funnel_counts_everyone_who_reached_each_step(built: Team) -> None:
    position = employers.add_position(built.coordinator, "Harbor Hotel", "Intern",
                                      PositionKind.INTERNSHIP)
    day = TODAY - timedelta(days=40)
    for stage in (Stage.MATCHING, Stage.INTERVIEW, Stage.INTERNSHIP, Stage.OFFER,
                  Stage.PLACED):
        placement.advance(built.case_manager, "A-1", stage, on=day,
                          position=position.id if stage is Stage.INTERVIEW else None)
    placement.advance(built.case_manager, "A-1", Stage.RETAINED_30)
    placement.advance(built.case_manager, "A-2", Stage.MATCHING)
    funnel = dashboard.funnel(built.supervisor)
    assert [count for _, count in funnel.steps()] == [4, 1, 1, 1, 0, 0]
    assert funnel.retention_rate(30) == 1.0


def test_outcome_report_lists_no_person_and_suppresses(built: Team) -> None:
    last_month = period_containing(PeriodKind.MONTH, TODAY).previous()
    entries = [placement.AttendanceEntry(c, True, c != "A-2") for c in ("A-1", "A-2", "B-1")]
    placement.record_session(built.coordinator, WorkshopTopic.SMART_GOALS, last_month.end,
                             entries)
    data = dashboard.outcome_report(built.supervisor, last_month.label, "csv")
    rows = list(csv.reader(io.StringIO(data.decode())))
    assert rows[0] == ["period", f"{last_month.label}: {last_month.start.isoformat()} to "
                                 f"{last_month.end.isoformat()}"]
    table = {r[0]: r[1] for r in rows[1:]}
    assert table["Took part in readiness workshops"] == "<5"
    assert table["Completed at least one workshop"] == "<5"
    assert "Busy" not in data.decode()
    assert "A-1" not in data.decode()
    pdf = dashboard.outcome_report(built.supervisor, last_month.label, "pdf")
    assert pdf.startswith(b"%PDF")
    with pytest.raises(PermissionDeniedError):
        dashboard.outcome_report(built.case_manager, last_month.label, "csv")


def test_review_actions_become_tasks_for_the_case_manager(built: Team) -> None:
    review = reviews.add_review(built.supervisor, "A-2", "Plan is thin.",
                                ["Add an employment goal", "Request the birth certificate"],
                                signed_off=True)
    tasks = [t for t in notes.tasks(built.case_manager, "A-2") if t.from_review]
    # The action's own words, in no language of the program's (each interface says that the
    # task comes from a case review, in its own words).
    assert sorted(t.title for t in tasks) == ["Add an employment goal",
                                              "Request the birth certificate"]
    assert all(t.assignee == CASE_MANAGER for t in tasks)
    assert reviews.reviews(built.case_manager, "A-2")[0].actions == review.actions
    with pytest.raises(PermissionDeniedError):
        reviews.add_review(built.case_manager, "A-2", "Self review", [], signed_off=False)
    assert "review.add" in [e.action for e in audit.recent_entries(built.supervisor, 10)]


def test_audit_search_filters_and_a_tampered_chain_shows_broken(built: Team) -> None:
    mine = audit.search(built.supervisor, actor=CASE_MANAGER, action="note.")
    assert [e.action for e in mine] == ["note.add", "note.add"]
    assert {e.subject for e in audit.search(built.supervisor, subject="A-1")} >= {"A-1"}
    assert audit.search(built.supervisor, since=TODAY + timedelta(days=1)) == []
    built.supervisor.conn.execute("UPDATE audit_log SET action = 'note.edit' WHERE seq = 5")
    assert not audit.verify_chain(built.supervisor).ok


def test_figures_agree_with_their_drill_down_and_the_status_bar(built: Team) -> None:
    """A figure of milestones drills down to the cases holding them, with each case's share
    adding up to the figure; the status bar's expiring consents are the dashboard's."""
    from casetracker.domain.catalog import Category
    from casetracker.domain.survivors import CaseStatus

    ana = built.case_manager
    consent.add_consent(ana, "A-2", purpose="Referral for work",
                        categories=frozenset({Category.ALIAS}),
                        expires_on=TODAY + timedelta(days=20), recipient_employer="Harbor Hotel")
    survivors.set_status(ana, "A-2", CaseStatus.CLOSED)  # its consent lapses with the case
    figures = {f.case_manager: f for f in dashboard.manager_figures(built.supervisor)}
    behind = dashboard.counts_behind(built.supervisor, CASE_MANAGER, "overdue_milestones")
    assert behind == [("A-1", "Busy", 2)]
    assert sum(n for _case, _name, n in behind) == figures[CASE_MANAGER].overdue_milestones
    column = sum(f.consents_expiring for f in figures.values())
    assert len(consent.expiring(built.supervisor)) == column == 1
    assert [case for case, _ in consent.expiring(ana)] == ["A-1"]
