"""Commands whose options are a record's fields (`survivor add|edit`, `sensitive set`,
`employer edit`): one option per field, named after it, and an unknown option answered with
the names of the valid ones instead of argparse's bare "unrecognized arguments"."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from casetracker.domain.errors import UsageError
from casetracker.domain.validation import ValidationError, parse_date

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class FieldOption:
    """One field as an option: `--legal-first-name TEXT` sets `legal_first_name`."""

    attribute: str
    help: str
    parse: Callable[[str], Any] = str
    # The record's attribute this is one part of (`safe_contact`, `availability`), if any.
    part_of: str | None = None
    choices: Sequence[str] | None = None
    option: str = ""  # when the option is not named after the attribute
    metavar: str | None = None

    @property
    def flag(self) -> str:
        return self.option or "--" + self.attribute.replace("_", "-")


class FieldParser(argparse.ArgumentParser):
    """A sub-command's parser. Once `declare` has given it field options, an option it does
    not know makes the command a usage mistake (exit 2) that names the fields."""

    field_flags: tuple[str, ...] = ()

    def parse_known_args(  # type: ignore[override]
            self, args: Sequence[str] | None = None,
            namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        unknown = [a.split("=", 1)[0] for a in extras if a.startswith("--")]
        if not self.field_flags or not unknown:
            return parsed, extras
        message = (f"unknown field {', '.join(unknown)} for '{self.prog}'; the fields are "
                   + ", ".join(self.field_flags))

        # Raised when the command runs, so that it is one line on stderr like every other
        # mistake (argparse's own errors print the usage too).
        def refuse(_: object) -> int:
            raise UsageError(message)

        parsed.handler = refuse
        return parsed, []  # the unknown option's value goes with it


def declare(parser: argparse.ArgumentParser, options: Sequence[FieldOption]) -> None:
    """Add one option per field to `parser` (a `FieldParser`)."""
    if not isinstance(parser, FieldParser):
        raise TypeError("field options need a FieldParser (add_subparsers(parser_class=...))")
    # Exact names only: with several fields sharing a prefix, a shortened one is a guess.
    parser.allow_abbrev = False
    group = parser.add_argument_group("fields")
    for option in options:
        group.add_argument(option.flag, dest=option.attribute, default=None,
                           choices=option.choices,
                           metavar=option.metavar or (None if option.choices else "TEXT"),
                           help=option.help)
    parser.field_flags = tuple(o.flag for o in options)


def given(args: argparse.Namespace,
          options: Sequence[FieldOption]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The fields given on the command line, parsed: whole attributes, and the parts of
    composite ones by the attribute they belong to."""
    whole: dict[str, Any] = {}
    parts: dict[str, dict[str, Any]] = {}
    for option in options:
        raw = getattr(args, option.attribute, None)
        if raw is None:
            continue
        value = option.parse(raw)
        if option.part_of:
            parts.setdefault(option.part_of, {})[option.attribute] = value
        else:
            whole[option.attribute] = value
    return whole, parts


def flags(options: Sequence[FieldOption]) -> str:
    return ", ".join(o.flag for o in options)


# -- reading values ---------------------------------------------------------------------------

def day(name: str) -> Callable[[str], date]:
    return lambda text: parse_date(text, name)


def day_or_none(name: str) -> Callable[[str], date | None]:
    """A date, or an empty value to clear it."""
    return lambda text: parse_date(text, name) if text.strip() else None


def whole_number_or_none(name: str) -> Callable[[str], int | None]:
    def parse(text: str) -> int | None:
        if not text.strip():
            return None
        try:
            return int(text)
        except ValueError:
            raise ValidationError({name: f"{text!r} is not a whole number"}) from None
    return parse


def yes_no(text: str) -> bool:
    return text == "yes"


def listed(separator: str) -> Callable[[str], tuple[str, ...]]:
    return lambda text: tuple(p.strip() for p in text.split(separator) if p.strip())


def enum_names(enum: type[E], blank: str) -> list[str]:
    """The words a person types for each member; `blank` for the member whose value is ''."""
    return [m.value or blank for m in enum]


def enum_value(enum: type[E], blank: str) -> Callable[[str], E]:
    return lambda text: enum("" if text == blank else text)


def text_or_stdin(text: str) -> str:
    """The value, or `-` for standard input (long or private text kept out of the shell's
    history and the process list)."""
    return read_text("-") if text == "-" else text


def read_text(path: str) -> str:
    """The text of a file, or of standard input for `-`; a file that is not UTF-8 text is
    a usage mistake, said in one line."""
    where = "standard input" if path == "-" else path
    try:
        if path == "-":
            return sys.stdin.read()
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{where} is not UTF-8 text") from None


def one_from_stdin(args: argparse.Namespace, options: Sequence[FieldOption]) -> None:
    """Standard input can be read once: refuse two fields given as `-`."""
    from_stdin = [o.flag for o in options if getattr(args, o.attribute, None) == "-"]
    if len(from_stdin) > 1:
        raise UsageError(f"only one field can be read from standard input ('-'); "
                         f"{', '.join(from_stdin)} all ask for it")
