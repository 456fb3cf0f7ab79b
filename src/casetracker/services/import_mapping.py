"""Which spreadsheet column fills which survivor field: guessed from the headings, then checked.

Spreadsheets kept by programs head their columns in their own words ("First Name", "DOB",
"Phone #", "Fecha de nacimiento"); the guess knows the common ones in English and Spanish.
A column the guess does not know is left out (ignored), never forced into a field.
"""

from __future__ import annotations

import re
import unicodedata

from casetracker.domain.errors import UsageError

FIELDS = (
    "case_number", "preferred_name", "legal_first_name", "legal_last_name", "date_of_birth",
    "phone", "email", "address", "primary_language", "skills", "availability_hours",
    "trafficking_type", "history_notes", "immigration_status", "criminal_record_notes",
    "assigned_to",
)
REQUIRED = ("case_number", "preferred_name")

Mapping = list[str | None]  # for each column, the field it fills (None: ignored)

# Headings as `normalise` leaves them. A plain "Name" is deliberately absent: it may hold a legal
# name, and the preferred name is the one field that may be shared with employers.
_HEADINGS: dict[str, tuple[str, ...]] = {
    "case_number": (
        "case number", "case no", "case", "case id", "client id", "client number",
        "participant id", "participant number", "file number", "record number", "id",
        "numero de caso", "no de caso", "caso", "expediente", "numero de expediente",
        "id del caso", "id de caso"),
    "preferred_name": (
        "preferred name", "preferred first name", "goes by", "nickname", "alias",
        "nombre preferido", "apodo", "sobrenombre"),
    "legal_first_name": (
        "first name", "first", "given name", "given names", "forename", "legal first name",
        "nombre", "nombres", "primer nombre", "nombre legal", "nombre de pila"),
    "legal_last_name": (
        "last name", "last", "surname", "family name", "legal last name", "apellido",
        "apellidos", "primer apellido"),
    "date_of_birth": (
        "dob", "d o b", "date of birth", "birth date", "birthdate", "birthday", "born",
        "fecha de nacimiento", "fecha nacimiento", "nacimiento", "f nacimiento", "fdn"),
    "phone": (
        "phone", "phone number", "telephone", "telephone number", "tel", "cell", "cell phone",
        "mobile", "mobile number", "contact number", "telefono", "numero de telefono",
        "celular", "movil"),
    "email": (
        "email", "e mail", "email address", "e mail address", "correo",
        "correo electronico", "email correo"),
    "address": (
        "address", "home address", "street address", "mailing address", "direccion",
        "domicilio"),
    "primary_language": (
        "language", "primary language", "preferred language", "languages", "idioma",
        "idioma principal", "lengua", "lengua materna"),
    "skills": ("skills", "skill", "habilidades", "destrezas", "competencias"),
    "availability_hours": (
        "availability", "availability hours", "hours", "hours per week", "hours available",
        "weekly hours", "hours week", "horas", "horas por semana", "horas disponibles",
        "disponibilidad", "horas semanales"),
    "trafficking_type": (
        "trafficking type", "type of trafficking", "trafficking", "tipo de trata", "trata"),
    "history_notes": (
        "history", "history notes", "background", "notes", "historia", "notas",
        "antecedentes"),
    "immigration_status": (
        "immigration status", "immigration", "estatus migratorio", "situacion migratoria",
        "estatus migratorio", "estado migratorio"),
    "criminal_record_notes": (
        "criminal record", "criminal record notes", "criminal history", "record",
        "antecedentes penales"),
    "assigned_to": (
        "assigned to", "case manager", "caseworker", "case worker", "worker", "staff",
        "asignado a", "asignada a", "gestor de caso", "gestora de caso", "trabajador social",
        "trabajadora social"),
}
_BY_HEADING = {heading: name for name, headings in _HEADINGS.items() for heading in headings}
_BY_HEADING |= {name.replace("_", " "): name for name in FIELDS}


def normalise(heading: str) -> str:
    """Lower case, accents and punctuation gone, `#` and `nº` read as 'number'."""
    text = unicodedata.normalize("NFKD", heading.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("#", " number ").replace("nº", " numero ").replace("n°", " numero ")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def guess_mapping(header: list[str]) -> Mapping:
    """The field each column probably fills; each field goes to its first matching column."""
    taken: set[str] = set()
    mapping: Mapping = []
    for heading in header:
        name = _BY_HEADING.get(normalise(heading))
        if name is None or name in taken:
            mapping.append(None)
        else:
            taken.add(name)
            mapping.append(name)
    return mapping


def choose(header: list[str], mapping: Mapping, choices: list[str]) -> Mapping:
    """`mapping` with each `HEADING=FIELD` of `choices` applied, as the command line takes them.

    The column headed HEADING (compared as `normalise` leaves both) fills FIELD, and a column
    the guess had given that field gives it up; `HEADING=` leaves the column out.
    """
    chosen = list(mapping)
    fixed: set[int] = set()
    for choice in choices:
        heading, sign, name = choice.partition("=")
        name = name.strip()
        if not sign or not heading.strip():
            raise UsageError(f"{choice!r}: write HEADING=FIELD (or HEADING= to leave a column "
                             "out)")
        if name and name not in FIELDS:
            raise UsageError(f"{name!r} is not a field; the fields are {', '.join(FIELDS)}")
        columns = [i for i, h in enumerate(header) if normalise(h) == normalise(heading)]
        if len(columns) != 1:
            raise UsageError(f"columns headed {heading.strip()!r}: {len(columns)}, where one "
                             f"was expected; the headings are "
                             f"{', '.join(repr(h) for h in header)}")
        column = columns[0]
        if name:
            chosen = [None if field == name and i not in fixed else field
                      for i, field in enumerate(chosen)]
        chosen[column] = name or None
        fixed.add(column)
    return chosen


def check_mapping(header: list[str], mapping: Mapping) -> list[str]:
    """Problems with a mapping, as `row 1: reason` (the header is row 1)."""
    problems: list[str] = []
    if len(mapping) != len(header):
        return ["row 1: the mapping does not match the columns"]
    columns: dict[str, list[str]] = {}
    for heading, name in zip(header, mapping, strict=True):
        if name is not None:
            if name not in FIELDS:
                problems.append(f"row 1: {name!r} is not a field")
                continue
            columns.setdefault(name, []).append(heading or "(no heading)")
    problems += [f"row 1: columns {', '.join(repr(h) for h in headings)} all fill {name}; "
                 "choose one" for name, headings in columns.items() if len(headings) > 1]
    problems += [f"row 1: no column fills {name}, which is required" for name in REQUIRED
                 if name not in columns]
    return problems


def ignored_columns(header: list[str], mapping: Mapping) -> list[str]:
    """The headings of the columns that fill no field."""
    return [h for h, name in zip(header, mapping, strict=True) if name is None and h]
