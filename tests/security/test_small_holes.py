"""Issue 17, section 6: the smaller holes, each attacked the way it was found.

1. A damaged workbook must be one clear line, never a traceback (CLI, service, wizard).
2. Invisible bidirectional controls must not disguise a name or a case number.
3. The outcome report must not let two chosen ranges be subtracted to undo a "<5".
4. Supervisors change no case content, and importing creates case content.
5. The running program is not dumpable and writes no core file.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from casetracker.cli import main
from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.employment import Industry, PositionKind, WorkshopTopic
from casetracker.domain.errors import CaseTrackerError, PermissionDeniedError, UsageError
from casetracker.domain.reports import (
    PeriodKind,
    ended_periods,
    parse_period,
    period_containing,
)
from casetracker.domain.validation import BIDI_CONTROLS, ValidationError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import (
    accounts,
    audit,
    dashboard,
    employers,
    importer,
    placement,
    survivors,
)
from casetracker.services.session import Session
from casetracker.services.spreadsheet import WorkbookError
from tests.conftest import Team
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    OTHER_CASE_MANAGER,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)
from tests.security.test_malformed_input import database_state

TODAY = clock.today()
SHEET = "xl/worksheets/sheet1.xml"


def as_user(tmp_path: Path, team: Team, name: str, passphrase: str) -> list[str]:
    """The options that run a command as `name` on the team's database."""
    secret = tmp_path / f"{name}.pp"
    secret.write_text(passphrase)
    return ["--db", str(team.vault.paths.db), "--user", name, "--passphrase-file", str(secret)]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), kdf=FAST_INSECURE)
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err, err
    assert "ParseError" not in err, err
    assert lines[0].startswith("casetracker: error: "), err
    return lines[0]


# -- 1. damaged workbooks ----------------------------------------------------------------------

def _workbook_parts(rows: int = 1200) -> dict[str, bytes]:
    """A good workbook's zip parts: a header and `rows` survivors on 'Intake', then 'Other'."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Intake"
    sheet.append(["case_number", "preferred_name"])
    for n in range(rows):
        sheet.append([f"CT-{n:04d}", f"Person {n}"])
    book.create_sheet("Other").append(["nothing"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _changed(change: Callable[[dict[str, bytes]], None]) -> bytes:
    parts = _workbook_parts()
    change(parts)
    return _zip(parts)


def _cut_sheet(fraction: float) -> Callable[[dict[str, bytes]], None]:
    def cut(parts: dict[str, bytes]) -> None:
        parts[SHEET] = parts[SHEET][:int(len(parts[SHEET]) * fraction)]
    return cut


def _bad_cell(parts: dict[str, bytes]) -> None:
    # Row 700 gets a number cell that holds a word; openpyxl fails converting it.
    parts[SHEET] = parts[SHEET].replace(b'<c r="A700" t="inlineStr">',
                                        b'<c r="C700" t="n"><v>Maria</v></c>'
                                        b'<c r="A700" t="inlineStr">', 1)


def _missing_shared_string(parts: dict[str, bytes]) -> None:
    parts[SHEET] = re.sub(rb'<c r="A900" t="inlineStr"><is><t>[^<]*</t></is></c>',
                          b'<c r="A900" t="s"><v>4242</v></c>', parts[SHEET])


def _bad_checksum() -> bytes:
    """Stored (not compressed) parts, one byte of the sheet flipped: the XML still reads,
    the zip's CRC-32 does not match."""
    raw = bytearray(_zip(_workbook_parts(), zipfile.ZIP_STORED))
    at = raw.index(b"CT-0600")
    raw[at + 3] = ord("9")
    return bytes(raw)


DAMAGED: dict[str, Callable[[], bytes]] = {
    "not a zip": lambda: b"case_number,preferred_name\nCT-1,Rosa\n",
    "empty file": lambda: b"",
    "zip cut short": lambda: _zip(_workbook_parts())[:3000],
    "bad XML in the content types": lambda: _changed(
        lambda p: p.__setitem__("[Content_Types].xml", b"<Types")),
    "bad XML in the workbook part": lambda: _changed(
        lambda p: p.__setitem__("xl/workbook.xml", b"<workbook><sheets>")),
    "bad XML in the styles": lambda: _changed(lambda p: p.__setitem__("xl/styles.xml", b"<<")),
    "bad XML at the sheet's top": lambda: _changed(_cut_sheet(0.001)),
    "bad XML far down the sheet": lambda: _changed(_cut_sheet(0.6)),
    "the first sheet's part missing": lambda: _changed(lambda p: p.pop(SHEET)),
    "the second sheet's part missing": lambda: _changed(
        lambda p: p.pop("xl/worksheets/sheet2.xml")),
    "a word in a number cell": lambda: _changed(_bad_cell),
    "a shared string that is not there": lambda: _changed(_missing_shared_string),
    "a checksum that does not match": _bad_checksum,
}


@pytest.fixture(params=sorted(DAMAGED), ids=lambda name: name.replace(" ", "-"))
def damaged(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / "people.xlsx"
    path.write_bytes(DAMAGED[request.param]())
    return path


def test_the_good_workbook_the_damage_is_made_from_imports(team: Team, tmp_path: Path) -> None:
    """Not vacuous: undamaged, the same workbook imports every row."""
    path = tmp_path / "people.xlsx"
    path.write_bytes(_zip(_workbook_parts()))
    table = importer.open_file(path)
    assert importer.import_survivors(team.case_manager, table).imported == 1200
    table.close()


def _read_through(session: Session, path: Path) -> None:
    """What the CLI and the wizard do with a file: open it, check every row, import."""
    table = importer.open_file(path)
    try:
        assert importer.check_survivors(session, table) == []
    finally:
        table.close()
    table = importer.open_file(path)
    try:
        importer.import_survivors(session, table)
    finally:
        table.close()


def test_a_damaged_workbook_is_one_clear_error_in_the_service(team: Team, damaged: Path) -> None:
    before = database_state(team.case_manager, with_audit=False)
    with pytest.raises(WorkbookError) as info:
        _read_through(team.case_manager, damaged)
    message = str(info.value)
    assert isinstance(info.value, CaseTrackerError)
    assert "\n" not in message
    assert re.fullmatch(r"row \d+: the file cannot be read as an Excel workbook \(.+\); "
                        r"nothing was imported", message), message
    # openpyxl's own words may quote a cell ("could not convert 'Maria'"): never shown.
    assert "Maria" not in message
    assert info.value.problems == [message.removesuffix("; nothing was imported")]
    assert database_state(team.case_manager, with_audit=False) == before


def test_damage_far_down_the_sheet_names_the_row_where_reading_stopped(
        team: Team, tmp_path: Path) -> None:
    path = tmp_path / "people.xlsx"
    path.write_bytes(_changed(_bad_cell))
    with pytest.raises(WorkbookError) as info:
        _read_through(team.case_manager, path)
    assert str(info.value).startswith("row 700: the file cannot be read as an Excel workbook "
                                      "(the sheet 'Intake' does not follow the Excel format")
    # The part openpyxl would skip without a word: the wrong sheet is never imported.
    path.write_bytes(_changed(lambda p: p.pop(SHEET)))
    with pytest.raises(WorkbookError, match="it lists the sheet 'Intake' but holds no such"):
        importer.open_file(path)


@pytest.mark.parametrize("check", [False, True], ids=["import", "check"])
def test_a_damaged_workbook_is_one_line_at_the_command_line(
        team: Team, damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        check: bool) -> None:
    before = database_state(team.case_manager, with_audit=False)
    team.close()
    common = as_user(tmp_path, team, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    code, _out, err = run(capsys, "import", "survivors", str(damaged),
                          *(["--check"] if check else []), *common)
    assert code == 1
    line = one_line(err)
    assert "the file cannot be read as an Excel workbook (" in line
    assert line.endswith("; nothing was imported")
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        assert database_state(session, with_audit=False) == before


def test_a_damaged_workbook_is_a_message_in_the_import_wizard(
        qtbot: object, team: Team, damaged: Path) -> None:
    """Before, a sheet damaged past its first rows escaped the wizard as a traceback."""
    from casetracker.gui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(team.case_manager)
    wizard.show()
    try:
        page = wizard.file_page
        page.choose(str(damaged))
        if page.error.text():  # damaged where the first rows are read
            assert page.error.isVisible()
            assert "cannot be read as an Excel workbook" in page.error.text()
            assert not page.isComplete()
            return
        # Damaged further down: the check lists it as the problem, and Import stays off.
        wizard.next()
        wizard.next()
        assert wizard.currentPage() is wizard.check_page
        problems = wizard.check_page.problems
        assert len(problems) == 1
        assert "cannot be read as an Excel workbook" in problems[0]
        assert not wizard.check_page.isComplete()
        assert survivors.caseload_size(team.case_manager) == 0
    finally:
        wizard.close()
        wizard.deleteLater()


# -- 2. bidirectional controls -----------------------------------------------------------------

# "Ana" + RLO + "ozoR": shown as "AnaRozo". Each control, in each field a person types.
SURVIVOR_FIELDS = ("preferred_name", "legal_first_name", "legal_last_name", "pronouns",
                   "primary_language", "address", "referral_source", "accommodations")


def _disguised(control: str) -> str:
    return f"Ana{control}ozoR"


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS), ids=lambda c: f"U+{ord(c):04X}")
def test_every_bidi_control_is_refused_in_a_name_naming_the_field(team: Team,
                                                                  control: str) -> None:
    code = f"U+{ord(control):04X}"
    with pytest.raises(ValidationError) as info:
        survivors.create_survivor(team.case_manager, survivors.draft(
            "CT-1", _disguised(control)))
    assert list(info.value.problems) == ["preferred_name"]
    assert code in info.value.problems["preferred_name"]
    assert "reorders text" in info.value.problems["preferred_name"]
    assert survivors.caseload_size(team.case_manager) == 0


def test_a_disguised_case_number_says_why(team: Team) -> None:
    with pytest.raises(ValidationError) as info:
        survivors.create_survivor(team.case_manager, survivors.draft("CT-\u202e1-TC", "Ana"))
    assert "U+202E" in info.value.problems["case_number"]


@pytest.mark.parametrize("name", SURVIVOR_FIELDS)
def test_every_text_field_of_a_survivor_refuses_them(team: Team, name: str) -> None:
    case = survivors.create_survivor(team.case_manager, survivors.draft("CT-1", "Ana"))
    with pytest.raises(ValidationError) as info:
        survivors.update_survivor(team.case_manager, case.case_number,
                                  **{name: _disguised("\u2067")})
    assert "U+2067" in info.value.problems[name]
    for name_, value in (("skills", ("fork\u202dlift",)), ("email", "ana\u202e@example.org"),
                         ("phone", "\u202a+1 555 0100\u202c")):
        with pytest.raises(ValidationError) as info:
            survivors.update_survivor(team.case_manager, case.case_number, **{name_: value})
        assert re.search(r"U\+202[ADE]", info.value.problems[name_]), name_


def test_employers_positions_and_consent_recipients_refuse_them(team: Team) -> None:
    coordinator = team.coordinator
    with pytest.raises(ValidationError, match=r"name: .*U\+202E"):
        employers.add_employer(coordinator, "Harbor \u202eHotel", Industry.HOSPITALITY)
    with pytest.raises(ValidationError, match=r"contact_name: .*U\+2066"):
        employers.add_employer(coordinator, "Harbor Hotel", Industry.HOSPITALITY,
                               contact_name="Lee \u2066Park\u2069")
    employers.add_employer(coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    with pytest.raises(ValidationError, match=r"title: .*U\+200F"):
        employers.add_position(coordinator, "Harbor Hotel", "Front \u200fdesk",
                               PositionKind.JOB)
    # Account names were plain ASCII already.
    with pytest.raises(UsageError):
        accounts.add_account(team.supervisor, "ana\u202e", Role.CASE_MANAGER,
                             "a long enough passphrase here")


def test_an_imported_row_with_one_is_refused_by_row_and_field(team: Team) -> None:
    with pytest.raises(importer.ImportRejectedError) as info:
        importer.import_survivors(team.case_manager, "case_number,preferred_name\n"
                                                     f"CT-1,Rosa\nCT-2,{_disguised(chr(0x61c))}\n")
    assert len(info.value.problems) == 1
    assert info.value.problems[0].startswith("row 3: preferred_name: holds an invisible "
                                             "character that reorders text (U+061C")
    assert survivors.caseload_size(team.case_manager) == 0


def test_names_in_right_to_left_scripts_are_welcome(team: Team) -> None:
    """Arabic and Hebrew need no control character: the refusal is of the controls only."""
    for case, name in (("CT-1", "مريم"), ("CT-2", "שרה"), ("CT-3", "José Núñez")):
        survivors.create_survivor(team.case_manager, survivors.draft(case, name,
                                                                     legal_last_name=name))
    assert survivors.caseload_size(team.case_manager) == 3


# -- 3. the outcome report's periods -----------------------------------------------------------

@pytest.fixture
def small_group(team: Team) -> tuple[Team, date]:
    """Six people in readiness workshops in the last quarter that is over: five early in it,
    one on its last day. A report of the whole quarter says 6; one that stopped a day
    earlier would say 5, and the one who came last is the difference."""
    quarter = period_containing(PeriodKind.QUARTER, TODAY).previous()
    cases = [survivors.create_survivor(team.case_manager, survivors.draft(
        f"CT-{n}", f"Person {n}")).case_number for n in range(6)]
    placement.record_session(team.coordinator, WorkshopTopic.SMART_GOALS,
                             quarter.start + timedelta(days=1),
                             [placement.AttendanceEntry(c, True, True) for c in cases[:5]])
    placement.record_session(team.coordinator, WorkshopTopic.STRESS_MANAGEMENT, quarter.end,
                             [placement.AttendanceEntry(cases[5], True, True)])
    return team, quarter.end


def _participants(data: bytes) -> str:
    rows = {line.split(",")[0]: line.split(",")[1] for line in data.decode().splitlines()}
    return rows["Took part in readiness workshops"]


def test_no_range_of_dates_can_be_chosen_in_the_service(
        small_group: tuple[Team, date]) -> None:
    team, last_day = small_group
    quarter = period_containing(PeriodKind.QUARTER, last_day)
    # The quarter's 6 less its first month's 5 would be the one who came last: the quarter
    # withholds it (tests/security/test_report_periods.py).
    assert _participants(dashboard.outcome_report(team.supervisor, quarter.label, "csv")) == "*"
    # The attacker's second report, ending a day earlier, in every shape a range could take.
    for attempt in (f"{quarter.start.isoformat()}/{(last_day - timedelta(days=1)).isoformat()}",
                    f"{quarter.start.isoformat()}..{last_day.isoformat()}",
                    (last_day - timedelta(days=1)).isoformat(), quarter.start.isoformat(),
                    f"{last_day.year}-W05", f"{last_day.year}-Q0", f"{last_day.year}-H3",
                    "FY26", f"{last_day.year}-13", ""):
        with pytest.raises(UsageError, match="is not a reporting period"):
            dashboard.outcome_report(team.supervisor, attempt, "csv")
    # Every period the program accepts is whole months: none ends a day before another.
    for kind in PeriodKind:
        for period in ended_periods(kind, TODAY, 30):
            assert period.start.day == 1
            assert (period.end + timedelta(days=1)).day == 1
            assert parse_period(period.label) == period
    month = period_containing(PeriodKind.MONTH, last_day)
    assert _participants(dashboard.outcome_report(team.supervisor, month.label, "csv")) == "<5"


def test_a_period_not_yet_over_cannot_be_reported_twice(small_group: tuple[Team, date]) -> None:
    """The same period reported on two days would tell who came in between."""
    team, _ = small_group
    for kind in PeriodKind:
        running = period_containing(kind, TODAY)
        with pytest.raises(UsageError, match=f"the period {running.label} is not over"):
            dashboard.outcome_report(team.supervisor, running.label, "csv")
    # Once over, a period's report is the same whichever later day it is made on.
    last = period_containing(PeriodKind.MONTH, TODAY).previous()
    first = dashboard.outcome_report(team.supervisor, last.label, "csv")
    with clock.using(clock.FixedClock(TODAY + timedelta(days=40))):
        assert dashboard.outcome_report(team.supervisor, last.label, "csv") == first


def test_the_periods_are_the_calendar_and_the_federal_fiscal_year() -> None:
    assert [(p.label, p.start, p.end) for p in map(parse_period, (
        "2026-05", "2026-q2", "2026-H1", "fy2026", "FY2025"))] == [
        ("2026-05", date(2026, 5, 1), date(2026, 5, 31)),
        ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
        ("FY2026", date(2025, 10, 1), date(2026, 9, 30)),
        ("FY2025", date(2024, 10, 1), date(2025, 9, 30))]
    assert parse_period("2024-02").end == date(2024, 2, 29)
    assert [p.label for p in ended_periods(PeriodKind.FISCAL_YEAR, date(2026, 10, 1), 2)] == [
        "FY2026", "FY2025"]
    assert [p.label for p in ended_periods(PeriodKind.QUARTER, date(2026, 9, 30), 2)] == [
        "2026-Q2", "2026-Q1"]


def test_the_command_line_takes_a_period_and_refuses_a_range(
        small_group: tuple[Team, date], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    team, last_day = small_group
    team.close()
    common = as_user(tmp_path, team, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    out = tmp_path / "outcomes.csv"
    for options in (["--from", "2020-01-01", "--to", last_day.isoformat()],
                    ["--from", "2020-01-01"], ["--to", last_day.isoformat()],
                    ["--period", "2026-Q2", "--from", "2020-01-01"]):
        code, _, err = run(capsys, "report", "outcomes", *options, "--out", str(out), *common)
        assert code == 2
        assert "takes --period, not --from and --to" in one_line(err)
        assert not out.exists()
    code, _, err = run(capsys, "report", "outcomes", "--out", str(out), *common)
    assert (code, not out.exists()) == (2, True)
    assert "needs --period" in one_line(err)
    code, _, err = run(capsys, "report", "outcomes", "--period", "last week", "--out",
                       str(out), *common)
    assert (code, not out.exists()) == (2, True)
    assert "'last week' is not a reporting period" in one_line(err)
    quarter = period_containing(PeriodKind.QUARTER, last_day)
    code, _, err = run(capsys, "report", "outcomes", "--period", quarter.label.lower(),
                       "--out", str(out), *common)
    assert (code, err) == (0, "")
    assert out.read_text().splitlines()[0] == (f"period,{quarter.label}: "
                                               f"{quarter.start.isoformat()} to "
                                               f"{quarter.end.isoformat()}")
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        entry = next(e for e in audit.recent_entries(session, 20)
                     if e.action == "report.outcomes")
        assert quarter.label in json.dumps(entry.details)


def test_the_dashboard_offers_periods_not_dates(qtbot: object, small_group: tuple[Team, date],
                                                tmp_path: Path) -> None:
    from casetracker.gui.dashboard_window import DashboardWindow
    from casetracker.gui.widgets import DateField

    team, last_day = small_group
    board = DashboardWindow(team.supervisor, lambda _case: None)
    try:
        assert board.findChildren(DateField) == []
        kinds = [board.period_kind.itemData(i) for i in range(board.period_kind.count())]
        assert kinds == [k.value for k in PeriodKind]
        for index in range(board.period_kind.count()):
            board.period_kind.setCurrentIndex(index)
            labels = [board.period.itemData(i) for i in range(board.period.count())]
            assert labels, kinds[index]
            for label in labels:
                period = parse_period(label)
                assert period.kind.value == kinds[index]
                assert period.end < TODAY
        quarter = period_containing(PeriodKind.QUARTER, last_day)
        board.period_kind.setCurrentIndex(board.period_kind.findData("quarter"))
        board.period.setCurrentIndex(board.period.findData(quarter.label))
        out = tmp_path / "outcomes.csv"
        board.write(board.outcomes_producer(), str(out))
        assert out.read_text().startswith(f"period,{quarter.label}: ")
        assert _participants(out.read_bytes()) == "*"  # the last month alone holds one person
    finally:
        board.close()
        board.deleteLater()


# -- 4. who imports ----------------------------------------------------------------------------

ROWS = ("case_number,preferred_name,immigration_status,history_notes,assigned_to\n"
        f"CT-1,Rosa,T-visa pending,Recruited abroad,{CASE_MANAGER}\n")


def test_a_supervisor_cannot_create_case_content_by_import(team: Team, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str],
                                                           ) -> None:
    supervisor = team.supervisor
    before = database_state(supervisor, with_audit=False)
    assert not importer.may_import(supervisor)
    for attempt in (lambda: importer.import_survivors(supervisor, ROWS),
                    lambda: importer.check_survivors(supervisor, importer.text_table(ROWS))):
        with pytest.raises(PermissionDeniedError, match="needs a case manager account"):
            attempt()
    assert database_state(supervisor, with_audit=False) == before
    assert [e.action for e in audit.recent_entries(supervisor, 5)].count("access.denied") == 2
    path = tmp_path / "people.csv"
    path.write_text(ROWS)
    team.close()
    code, _, err = run(capsys, "import", "survivors", str(path),
                       *as_user(tmp_path, team, SUPERVISOR, SUPERVISOR_PASSPHRASE))
    assert code == 1
    assert "needs a case manager account" in one_line(err)
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert database_state(session, with_audit=False) == before


def test_a_case_manager_imports_into_their_own_caseload_only(team: Team) -> None:
    with pytest.raises(importer.ImportRejectedError, match="own caseload only"):
        importer.import_survivors(team.case_manager, ROWS.replace(CASE_MANAGER,
                                                                  OTHER_CASE_MANAGER))
    assert importer.import_survivors(team.case_manager, ROWS).imported == 1
    assert survivors.get_survivor(team.supervisor, "CT-1").assigned_to == CASE_MANAGER


# -- 5. the process ----------------------------------------------------------------------------

# Runs the program's entry point with the desktop application swapped for a probe that says
# what the kernel thinks of the process at the moment the program would show its window.
_PROBE = """
import ctypes, json, resource, runpy, sys
from casetracker.cli import gui_commands

def probe(_ctx):
    status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
    libc = ctypes.CDLL(None, use_errno=True)
    print(json.dumps({
        "dumpable": libc.prctl(3, 0, 0, 0, 0),
        "core": list(resource.getrlimit(resource.RLIMIT_CORE)),
        "core_dumping": status.get("CoreDumping", "").strip(),
    }))
    return 0

gui_commands.launch = probe
entry = sys.argv[1]
sys.argv = ["casetracker"]
if entry == "module":        # python -m casetracker, and the frozen bundle
    runpy.run_module("casetracker", run_name="__main__")
elif entry == "script":      # the installed `casetracker` command: casetracker.cli:main
    from casetracker.cli import main
    sys.exit(main())
else:                        # a caller that passes its own arguments (a test, a script)
    from casetracker.cli import main
    sys.exit(main(["--db", sys.argv[0] + ".nowhere.db"]))
"""


def _probe(entry: str) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", _PROBE, entry], capture_output=True,
                            text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
@pytest.mark.parametrize("entry", ["module", "script"])
def test_the_running_program_is_not_dumpable_and_writes_no_core(entry: str) -> None:
    assert _probe(entry) == {"dumpable": 0, "core": [0, 0], "core_dumping": "0"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_caller_passing_its_own_arguments_keeps_its_process() -> None:
    """Not vacuous, and the rule for embedding: the check above can see a dumpable process,
    and `main(argv)` (how the tests call it) leaves the caller's process as it was."""
    report = _probe("caller")
    assert report["dumpable"] == 1
    assert report["core"] != [0, 0] or _system_core_limit_is_zero()


def _system_core_limit_is_zero() -> bool:
    import resource

    return resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
