"""Importing survivors from a spreadsheet (CSV or Excel): every row checked, all imported or none.

Programs move here from spreadsheets; a bad row must be found, named and fixed, never half
imported. Each problem is reported as `row N: reason`, N being the row number the user sees in
their spreadsheet (the header is row 1). The CLI and the import wizard both come through here.

Rows are streamed: one pass reads, checks and (when importing) inserts inside one transaction,
so a large file is never held in memory; any problem, or a cancel, rolls the whole pass back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.duplicates import Likeness, compare, name_words
from casetracker.domain.errors import AlreadyExistsError, CaseTrackerError, UsageError
from casetracker.domain.survivors import (
    Availability,
    Gender,
    SensitiveDetails,
    Survivor,
    TraffickingType,
    validate_survivor,
)
from casetracker.domain.validation import ValidationError, parse_date
from casetracker.services import duplicates, survivors
from casetracker.services.import_mapping import (
    FIELDS,
    REQUIRED,
    Mapping,
    check_mapping,
    guess_mapping,
    ignored_columns,
)
from casetracker.services.sensitive import validate_sensitive
from casetracker.services.session import Session
from casetracker.services.spreadsheet import (
    MAX_BYTES,
    Cell,
    SpreadsheetError,
    Table,
    WorkbookError,
    detect_encoding,
    open_table,
    text_table,
)
from casetracker.storage.dashboard_totals import new_cases_in_bulk
from casetracker.storage.survivors_repo import SurvivorRepository

COLUMNS = FIELDS
# Importing creates case records, sensitive details and all: a case manager's work, into their
# own caseload (a supervisor then assigns cases to others, as with any case). Supervisors read
# everything and change no case content, with no exception for a spreadsheet.
IMPORT_ROLES = (Role.CASE_MANAGER,)
# How dates typed as text are written; a real date cell in a workbook needs none of these.
DATE_ORDERS = ("YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMERIC_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
PROGRESS_EVERY = 100

ImportRejectedError = SpreadsheetError
# Called now and then with the rows read so far and the fraction of the file read (None when
# unknown); returning False cancels, and nothing is imported.
Progress = Callable[[int, float | None], bool]


class ImportCancelledError(CaseTrackerError):
    """The person cancelled; nothing was imported."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    imported: int
    ignored_columns: tuple[str, ...] = ()
    skipped: int = 0


# What a person decided about a row that looks like someone already kept (or an earlier row):
# import it as a new person, or leave the row out.
NEW_PERSON, LEAVE_OUT = "new", "skip"
Decisions = dict[int, str]


@dataclass(frozen=True, slots=True)
class DuplicateRow:
    """A row that may be a person already kept, or an earlier row: `row N: reason`."""

    row: int
    problem: str


@dataclass(frozen=True, slots=True)
class ImportCheck:
    """What a check found: the problems to fix in the file, and the likely duplicates a
    person decides on (`decisions` by row number)."""

    problems: list[str]
    duplicates: list[DuplicateRow]


# The words a spreadsheet may use for the trafficking type: the stored values, the labels the
# interface shows in English and in Spanish (gui/record/sensitive_tab.TRAFFICKING_LABELS and
# their translations; a test keeps them in step), and a few common variants.
_TRAFFICKING = {t.value: t for t in TraffickingType} | {
    # The interface's labels, English then Spanish.
    "not recorded": TraffickingType.UNKNOWN, "labor": TraffickingType.LABOR,
    "sex": TraffickingType.SEX, "labor and sex": TraffickingType.LABOR_AND_SEX,
    "at risk": TraffickingType.AT_RISK,
    "sin registrar": TraffickingType.UNKNOWN, "laboral": TraffickingType.LABOR,
    "sexual": TraffickingType.SEX, "laboral y sexual": TraffickingType.LABOR_AND_SEX,
    "en riesgo": TraffickingType.AT_RISK,
    # Variants.
    "labour": TraffickingType.LABOR, "sex trafficking": TraffickingType.SEX,
    "labor trafficking": TraffickingType.LABOR, "both": TraffickingType.LABOR_AND_SEX,
    "labour and sex": TraffickingType.LABOR_AND_SEX, "sex and labor": TraffickingType.LABOR_AND_SEX,
    "unknown": TraffickingType.UNKNOWN, "ambos": TraffickingType.LABOR_AND_SEX,
    "sexual y laboral": TraffickingType.LABOR_AND_SEX, "desconocido": TraffickingType.UNKNOWN,
}


def trafficking_type(text: str) -> TraffickingType | None:
    """The trafficking type a spreadsheet cell names, in English or Spanish, or None."""
    return _TRAFFICKING.get(" ".join(text.split()).casefold())


_GENDER = {g.value: g for g in Gender if g.value} | {
    "": Gender.NOT_RECORDED, "not recorded": Gender.NOT_RECORDED, "unknown": Gender.NOT_RECORDED,
    "female": Gender.WOMAN, "f": Gender.WOMAN, "mujer": Gender.WOMAN, "femenino": Gender.WOMAN,
    "male": Gender.MAN, "m": Gender.MAN, "hombre": Gender.MAN, "masculino": Gender.MAN,
    "non-binary": Gender.NON_BINARY, "nonbinary": Gender.NON_BINARY,
    "non binary": Gender.NON_BINARY, "no binario": Gender.NON_BINARY,
    "trans": Gender.TRANSGENDER, "transgénero": Gender.TRANSGENDER,
    "transgenero": Gender.TRANSGENDER, "prefers not to say": Gender.DECLINED,
    "prefer not to say": Gender.DECLINED, "declined": Gender.DECLINED,
}


def _gender(text: str) -> tuple[Gender, str]:
    """A gender cell as recorded: a known word, or the person's own words (self-described)."""
    known = _GENDER.get(" ".join(text.casefold().split()))
    return (known, "") if known is not None else (Gender.SELF_DESCRIBED, text.strip())


def may_import(session: Session) -> bool:
    """Whether this account may import (the wizard is offered to these roles only)."""
    return session.account.role in IMPORT_ROLES


def read_csv(path: Path) -> str:
    """A whole CSV file's text, its encoding detected (small files, scripts and tests)."""
    if path.stat().st_size > MAX_BYTES:
        raise ImportRejectedError([f"row 1: the file is larger than {MAX_BYTES >> 20} MiB"])
    return path.read_bytes().decode(detect_encoding(path).codec).removeprefix("\ufeff")


def open_file(path: Path, sheet: str | None = None) -> Table:
    """Open a CSV file or a workbook's sheet for `check_survivors` / `import_survivors`."""
    return open_table(path, sheet)


def check_survivors(session: Session, table: Table, mapping: Mapping | None = None,
                    progress: Progress | None = None, *, date_order: str = "YYYY-MM-DD",
                    decisions: Decisions | None = None) -> list[str]:
    """Every problem the import would meet, as `row N: reason`, likely duplicates not yet
    decided on among them; nothing is written."""
    found = check_import(session, table, mapping, progress, date_order=date_order,
                         decisions=decisions)
    return sorted([*found.problems, *(d.problem for d in found.duplicates)], key=_row_number)


def check_import(session: Session, table: Table, mapping: Mapping | None = None,
                 progress: Progress | None = None, *, date_order: str = "YYYY-MM-DD",
                 decisions: Decisions | None = None) -> ImportCheck:
    """`check_survivors`, with the likely duplicates apart from the other problems."""
    session.require("importing survivors", *IMPORT_ROLES)
    mapping = guess_mapping(table.header) if mapping is None else mapping
    problems = check_mapping(table.header, mapping)
    if problems:
        return ImportCheck(problems, [])
    run = _Pass(session, table, mapping, progress, date_order, decisions)
    problems = run.run(write=False)
    likely = {d.problem for d in run.duplicates}
    return ImportCheck([p for p in problems if p not in likely], run.duplicates)


def _row_number(problem: str) -> int:
    match = re.match(r"row (\d+):", problem)
    return int(match.group(1)) if match else 0


def import_survivors(session: Session, source: str | Table, mapping: Mapping | None = None,
                     progress: Progress | None = None, *, date_order: str = "YYYY-MM-DD",
                     decisions: Decisions | None = None) -> ImportResult:
    """Import every row, or raise `ImportRejectedError` (or `ImportCancelledError`) and import
    nothing. `source` is an open table or CSV text; `mapping` defaults to the guess;
    `date_order` (one of `DATE_ORDERS`) is how dates typed as text are written. A likely
    duplicate is a problem until `decisions` says, by row number, `NEW_PERSON` or
    `LEAVE_OUT`."""
    session.require("importing survivors", *IMPORT_ROLES)
    table = text_table(source) if isinstance(source, str) else source
    mapping = guess_mapping(table.header) if mapping is None else mapping
    problems = check_mapping(table.header, mapping)
    if problems:
        raise ImportRejectedError(problems)
    run = _Pass(session, table, mapping, progress, date_order, decisions)
    try:
        with session.changing(), new_cases_in_bulk(session.conn):
            problems = run.run(write=True)
            if problems:
                raise ImportRejectedError(problems)
            session.audit("import.survivors", None, rows=run.imported, left_out=run.skipped,
                          not_duplicates=run.new_despite_likeness)
    except AlreadyExistsError as exc:  # someone else took a number meanwhile
        raise ImportRejectedError([str(exc)]) from exc
    return ImportResult(run.imported, tuple(ignored_columns(table.header, mapping)),
                        run.skipped)


def first_rows(table: Table, limit: int) -> list[tuple[int, list[Cell]]]:
    """Up to `limit` non-blank rows from the top, for a preview."""
    rows: list[tuple[int, list[Cell]]] = []
    for number, cells in table.rows():
        if _blank(cells):
            continue
        rows.append((number, cells))
        if len(rows) >= limit:
            break
    return rows


def preview_row(header: list[str], mapping: Mapping, cells: list[Cell],
                date_order: str = "YYYY-MM-DD") -> dict[str, str]:
    """A row's values as they will be imported, by field (dates as YYYY-MM-DD)."""
    values = _values(mapping, cells)
    dob = values.get("date_of_birth")
    if isinstance(dob, str) and dob:
        with suppress(ValidationError):  # else shown as written; the check names the problem
            values["date_of_birth"] = parse_day(dob, date_order)
    return {name: value.isoformat() if isinstance(value, date) else value
            for name, value in values.items()}


class _Pass:
    """One read of the file: check each row and, when writing, insert it."""

    def __init__(self, session: Session, table: Table, mapping: Mapping,
                 progress: Progress | None, date_order: str,
                 decisions: Decisions | None = None) -> None:
        if date_order not in DATE_ORDERS:
            raise UsageError(f"dates are written as one of {', '.join(DATE_ORDERS)}")
        self.decisions = dict(decisions or {})
        if set(self.decisions.values()) - {NEW_PERSON, LEAVE_OUT}:
            raise UsageError(f"a row is imported as a new person ({NEW_PERSON}) or left out "
                             f"({LEAVE_OUT})")
        self.duplicates: list[DuplicateRow] = []
        self.in_file = _FileIndex()
        self.skipped = self.new_despite_likeness = 0
        self.session, self.table, self.mapping, self.progress = session, table, mapping, progress
        self.date_order = date_order
        self.labels = {name: heading or name
                       for heading, name in zip(table.header, mapping, strict=True) if name}
        self.imported = 0

    def run(self, *, write: bool) -> list[str]:
        today = clock.today()
        session = self.session
        existing = SurvivorRepository(session.conn).case_numbers()
        seen: dict[str, int] = {}
        problems: list[str] = []
        rows = 0
        for number, cells in self._rows(problems):
            rows += 1
            if rows % PROGRESS_EVERY == 0:
                self._report(rows, self.table.fraction_read())
            found: dict[str, str] = {}
            try:
                values = self._checked(cells)
                case = values.get("case_number")
                key = case.casefold() if isinstance(case, str) else ""
                if key in existing:
                    found["case_number"] = f"{case} already exists"
                elif key in seen:
                    found["case_number"] = f"{case} repeats row {seen[key]}"
                elif key:
                    seen[key] = number
                survivor, sensitive = _parse_row(session, values, today, self.date_order)
            except ValidationError as exc:
                found = {**exc.problems, **found}
            if found:
                problems += [self._say(number, name, reason) for name, reason in found.items()]
                continue
            decision = self.decisions.get(number)
            if decision == LEAVE_OUT:
                self.skipped += 1
                continue
            if decision == NEW_PERSON:
                self.new_despite_likeness += 1
            else:
                likely = self._likely_duplicate(number, survivor)
                if likely:
                    self.duplicates.append(DuplicateRow(number, f"row {number}: {likely}"))
                    problems.append(f"row {number}: {likely}")
            self.in_file.add(number, survivor)
            if write and not problems:
                survivors.insert(session, survivor, sensitive)
                self.imported += 1
        self._report(rows, 1.0)
        if not seen and not problems:
            problems.append("row 2: the file has no rows to import")
        return problems

    def _likely_duplicate(self, number: int, survivor: Survivor) -> str:
        """Why the row may be someone already kept or an earlier row ('' when not)."""
        reasons = []
        check = duplicates.check_quietly(self.session, survivor)
        for match in check.matches:
            reasons.append(f"likely the same person as {match.survivor.case_number} "
                           f"({_fields(match.likeness.fields)})")
        for row, likeness in self.in_file.likely(survivor):
            reasons.append(f"likely the same person as row {row} ({_fields(likeness.fields)})")
        if check.elsewhere:
            reasons.append(duplicates.ELSEWHERE)
        return "; ".join(reasons)

    def _rows(self, problems: list[str]) -> Iterator[tuple[int, list[Cell]]]:
        try:
            for number, cells in self.table.rows():
                if not _blank(cells):
                    yield number, cells
        except WorkbookError:  # a damaged workbook: the one problem worth telling
            raise
        except SpreadsheetError as exc:  # unreadable from here on
            problems += exc.problems

    def _checked(self, cells: list[Cell]) -> dict[str, Cell]:
        if any(_text(c) for c in cells[len(self.mapping):]):
            raise ValidationError({"row": "has more cells than the header has columns"})
        return _values(self.mapping, cells)

    def _say(self, number: int, name: str, reason: str) -> str:
        if name == "row":
            return f"row {number}: {reason}"
        return f"row {number}: {self.labels.get(name, name)}: {reason}"

    def _report(self, rows: int, fraction: float | None) -> None:
        if self.progress is not None and self.progress(rows, fraction) is False:
            raise ImportCancelledError("the import was cancelled; nothing was imported")


def _fields(names: tuple[str, ...]) -> str:
    return ", ".join(duplicates.FIELD_WORDS[name] for name in names)


class _FileIndex:
    """The rows read so far, by name word and nickname group, to find a row that repeats an
    earlier one (names, dates and phones only: a large file is not held in memory)."""

    def __init__(self) -> None:
        self._rows: dict[int, Survivor] = {}
        self._by_key: dict[str, list[int]] = {}

    def _keys(self, survivor: Survivor) -> set[str]:
        names = duplicates.nicknames()
        keys = set()
        for word in name_words(survivor):
            keys.add(word)
            keys.update(f"#{group}" for group in names.get(word, ()))
        return keys

    def likely(self, survivor: Survivor) -> list[tuple[int, Likeness]]:
        rows = sorted({row for key in self._keys(survivor) for row in self._by_key.get(key, ())})
        found = [(row, compare(survivor, self._rows[row], duplicates.nicknames()))
                 for row in rows]
        return [(row, likeness) for row, likeness in found if likeness.likely]

    def add(self, number: int, survivor: Survivor) -> None:
        self._rows[number] = Survivor(
            id=survivor.id, case_number="", preferred_name=survivor.preferred_name,
            intake_date=survivor.intake_date, legal_first_name=survivor.legal_first_name,
            legal_last_name=survivor.legal_last_name, date_of_birth=survivor.date_of_birth,
            phone=survivor.phone)
        for key in self._keys(survivor):
            self._by_key.setdefault(key, []).append(number)


def parse_day(text: str, order: str) -> date:
    """A date typed as text: YYYY-MM-DD always, or day and month in the order the sheet uses."""
    if order == "YYYY-MM-DD" or _ISO.match(text.strip()):
        return parse_date(text, "date_of_birth")
    match = _NUMERIC_DAY.match(text.strip())
    try:
        if match is None:
            raise ValueError(text)
        first, second, year = (int(g) for g in match.groups())
        month, day = (first, second) if order == "MM/DD/YYYY" else (second, first)
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            {"date_of_birth": f"{text!r} is not a date (use {order})"}) from None


def _blank(cells: list[Cell]) -> bool:
    return not any(_text(c) for c in cells)


def _text(cell: Cell) -> str:
    return cell.strip() if isinstance(cell, str) else cell.isoformat()


def _values(mapping: Mapping, cells: list[Cell]) -> dict[str, Cell]:
    values: dict[str, Cell] = {}
    for index, name in enumerate(mapping):
        if name is not None:
            cell = cells[index] if index < len(cells) else ""
            values[name] = cell if name == "date_of_birth" and isinstance(cell, date) \
                else _text(cell)
    return values


def _parse_row(session: Session, value: dict[str, Cell], today: date,
               date_order: str) -> tuple[Survivor, SensitiveDetails]:
    """The row as a survivor, or `ValidationError` with every problem the row has."""
    text = {k: v for k, v in value.items() if isinstance(v, str)}
    problems: dict[str, str] = {}
    for name in REQUIRED:
        if not text.get(name):
            problems[name] = "is required"
    dob = value.get("date_of_birth") or None
    if isinstance(dob, str):
        try:
            dob = parse_day(dob, date_order)
        except ValidationError as exc:
            problems.update(exc.problems)
            dob = None
    hours = None
    if text.get("availability_hours"):
        if text["availability_hours"].isdigit():
            hours = int(text["availability_hours"])
        else:
            problems["availability_hours"] = f"{text['availability_hours']!r} is not a number"
    trafficking = trafficking_type(text.get("trafficking_type", ""))
    if trafficking is None:
        problems["trafficking_type"] = (f"{text['trafficking_type']!r} is not one of Labor, "
                                        "Sex, Labor and sex, At risk, Not recorded")
    gender, own_words = _gender(text.get("gender", ""))
    assigned = _assignee(session, text.get("assigned_to", ""), problems)
    skills = tuple(s.strip() for s in text.get("skills", "").split(";") if s.strip())
    survivor = survivors.draft(
        text.get("case_number", ""), text.get("preferred_name", ""),
        legal_first_name=text.get("legal_first_name", ""),
        legal_last_name=text.get("legal_last_name", ""), date_of_birth=dob,
        phone=text.get("phone", ""), email=text.get("email", ""),
        address=text.get("address", ""), primary_language=text.get("primary_language", ""),
        gender=gender, gender_self_described=own_words, skills=skills,
        availability=Availability(hours_per_week=hours), assigned_to=assigned)
    sensitive = SensitiveDetails(
        survivor.id, trafficking_type=trafficking or TraffickingType.UNKNOWN,
        history_notes=text.get("history_notes", ""),
        immigration_status=text.get("immigration_status", ""),
        criminal_record_notes=text.get("criminal_record_notes", ""))
    checks: tuple[Callable[[], None], ...] = (lambda: validate_survivor(survivor, today),
                                              lambda: validate_sensitive(sensitive))
    for check in checks:
        try:
            check()
        except ValidationError as exc:
            for name, reason in exc.problems.items():
                problems.setdefault(name, reason)  # the reason read from the cell comes first
    if problems:
        raise ValidationError(problems)
    return survivor, sensitive


def _assignee(session: Session, name: str, problems: dict[str, str]) -> str:
    """The importing case manager: an `assigned_to` cell may name them, or no one."""
    me = session.account
    if name and name.casefold() != me.name.casefold():
        problems["assigned_to"] = "a case manager imports into their own caseload only"
    return me.name
