"""Importing survivors from a CSV file: every row checked, all imported or none.

Programs move here from spreadsheets; a bad row must be found, named and fixed, never half
imported. Each problem is reported as `line N: reason`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casetracker.domain.accounts import Role
from casetracker.domain.errors import AlreadyExistsError, CaseTrackerError
from casetracker.domain.survivors import (
    Availability,
    SensitiveDetails,
    Survivor,
    TraffickingType,
    validate_survivor,
)
from casetracker.domain.validation import ValidationError, parse_date
from casetracker.services import survivors
from casetracker.services.sensitive import validate_sensitive
from casetracker.services.session import Session
from casetracker.storage.repositories import UserRepository
from casetracker.storage.survivors_repo import SurvivorRepository

COLUMNS = (
    "case_number", "preferred_name", "legal_first_name", "legal_last_name", "date_of_birth",
    "phone", "email", "address", "primary_language", "skills", "availability_hours",
    "trafficking_type", "history_notes", "immigration_status", "criminal_record_notes",
    "assigned_to",
)
REQUIRED = ("case_number", "preferred_name")
MAX_BYTES = 50 * 1024 * 1024


class ImportRejectedError(CaseTrackerError):
    """The file has problems; nothing was imported. `problems` lists `line N: reason`."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(problems[:50])
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"nothing was imported; fix these and try again:\n{shown}{more}")


@dataclass(frozen=True, slots=True)
class ImportResult:
    imported: int


_TRAFFICKING = {t.value: t for t in TraffickingType} | {
    "labour": TraffickingType.LABOR, "sex trafficking": TraffickingType.SEX,
    "labor trafficking": TraffickingType.LABOR, "both": TraffickingType.LABOR_AND_SEX,
    "labor and sex": TraffickingType.LABOR_AND_SEX, "at risk": TraffickingType.AT_RISK,
    "unknown": TraffickingType.UNKNOWN,
}


def read_csv(path: Path) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark), or UTF-16 with its
    byte-order mark (what spreadsheets save as "Unicode text")."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise ImportRejectedError([f"line 1: the file is larger than {MAX_BYTES >> 20} MiB"])
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\0" in raw:
        # UTF-16 without its mark, or a binary file: NULs would otherwise pass for text.
        line = raw[: raw.index(b"\0")].count(b"\n") + 1
        raise ImportRejectedError([f"line {line}: holds NUL bytes, so it is not a text file in "
                                   "UTF-8 (save the spreadsheet as 'CSV UTF-8')"])
    try:
        text = raw.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportRejectedError(
            [f"line {line}: not UTF-8 text (save the spreadsheet as 'CSV UTF-8')"]) from None
    if "\0" in text:
        line = text[: text.index("\0")].count("\n") + 1
        raise ImportRejectedError([f"line {line}: holds a NUL character (save the spreadsheet "
                                   "as 'CSV UTF-8')"])
    return text


def import_survivors(session: Session, text: str) -> ImportResult:
    """Import every row of CSV `text`, or raise `ImportRejectedError` and import nothing."""
    session.require("importing survivors", Role.CASE_MANAGER, Role.SUPERVISOR)
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey="\0extra")
    header = [h.strip() for h in reader.fieldnames or []]
    problems = _check_header(header)
    if problems:
        raise ImportRejectedError(problems)
    reader.fieldnames = header
    today = date.today()
    existing = SurvivorRepository(session.conn).case_numbers()
    case_managers = {a.name.casefold(): a.name for a in UserRepository(session.conn).list()
                     if a.role is Role.CASE_MANAGER}
    seen: dict[str, int] = {}
    rows: list[tuple[Survivor, SensitiveDetails]] = []
    rows_iter = iter(reader)
    while True:
        try:
            row = next(rows_iter)
        except StopIteration:
            break
        except csv.Error as exc:
            # The DictReader's own count stops at the last good row; its reader's is the
            # line where reading failed.
            line = reader.reader.line_num
            if "field larger than field limit" in str(exc):
                problems.append(f"line {line}: a cell is longer than "
                                f"{csv.field_size_limit() >> 10} KiB; no field of a case "
                                "record is that long")
            else:
                problems.append(f"line {line}: the file cannot be read as CSV ({exc})")
            break
        line = reader.line_num
        try:
            parsed = _parse_row(session, row, case_managers)
            survivor = parsed[0]
            key = survivor.case_number.casefold()
            if key in existing:
                raise ValidationError({"case_number": f"{survivor.case_number} already exists"})
            if key in seen:
                raise ValidationError({"case_number": f"{survivor.case_number} repeats line "
                                                      f"{seen[key]}"})
            seen[key] = line
            validate_survivor(survivor, today)
            validate_sensitive(parsed[1])
            rows.append(parsed)
        except ValidationError as exc:
            problems += [f"line {line}: {field}: {reason}"
                         for field, reason in exc.problems.items()]
    if not rows and not problems:
        problems.append("line 2: the file has no rows to import")
    if problems:
        raise ImportRejectedError(problems)
    try:
        with session.changing():
            for survivor, sensitive in rows:
                survivors.insert(session, survivor, sensitive)
            session.audit("import.survivors", None, rows=len(rows))
    except AlreadyExistsError as exc:  # someone else took a number meanwhile
        raise ImportRejectedError([str(exc)]) from exc
    return ImportResult(len(rows))


def _check_header(header: list[str]) -> list[str]:
    problems = [f"line 1: unknown column {name!r}" for name in header if name not in COLUMNS]
    problems += [f"line 1: column {name!r} appears twice" for name in set(header)
                 if header.count(name) > 1]
    problems += [f"line 1: required column {name!r} is missing" for name in REQUIRED
                 if name not in header]
    return problems


def _parse_row(session: Session, row: dict[str, str | None],
               case_managers: dict[str, str]) -> tuple[Survivor, SensitiveDetails]:
    if "\0extra" in row:
        raise ValidationError({"row": "has more cells than the header has columns"})
    value = {k: (v or "").strip() for k, v in row.items()}
    problems: dict[str, str] = {}
    for name in REQUIRED:
        if not value.get(name):
            problems[name] = "is required"
    dob = None
    if value.get("date_of_birth"):
        try:
            dob = parse_date(value["date_of_birth"], "date_of_birth")
        except ValidationError as exc:
            problems.update(exc.problems)
    hours = None
    if value.get("availability_hours"):
        try:
            if not value["availability_hours"].isdigit():
                raise ValueError(value["availability_hours"])
            hours = int(value["availability_hours"])
        except ValueError:
            problems["availability_hours"] = f"{value['availability_hours']!r} is not a number"
    trafficking = _TRAFFICKING.get(value.get("trafficking_type", "").casefold())
    if trafficking is None:
        problems["trafficking_type"] = (f"{value['trafficking_type']!r} is not one of labor, "
                                        "sex, labor_and_sex, at_risk")
    assigned = _assignee(session, value.get("assigned_to", ""), case_managers, problems)
    if problems:
        raise ValidationError(problems)
    skills = tuple(s.strip() for s in value.get("skills", "").split(";") if s.strip())
    survivor = survivors.draft(
        value["case_number"], value["preferred_name"],
        legal_first_name=value.get("legal_first_name", ""),
        legal_last_name=value.get("legal_last_name", ""), date_of_birth=dob,
        phone=value.get("phone", ""), email=value.get("email", ""),
        address=value.get("address", ""), primary_language=value.get("primary_language", ""),
        skills=skills, availability=Availability(hours_per_week=hours), assigned_to=assigned)
    sensitive = SensitiveDetails(
        survivor.id, trafficking_type=trafficking or TraffickingType.UNKNOWN,
        history_notes=value.get("history_notes", ""),
        immigration_status=value.get("immigration_status", ""),
        criminal_record_notes=value.get("criminal_record_notes", ""))
    return survivor, sensitive


def _assignee(session: Session, name: str, case_managers: dict[str, str],
              problems: dict[str, str]) -> str | None:
    me = session.account
    if me.role is Role.CASE_MANAGER:
        if name and name.casefold() != me.name.casefold():
            problems["assigned_to"] = "a case manager imports into their own caseload only"
        return me.name
    if not name:
        return None
    if name.casefold() not in case_managers:
        problems["assigned_to"] = f"{name!r} is not a case manager's account"
        return None
    return case_managers[name.casefold()]
