"""Field-level validation shared by every record: errors name the field and say what is wrong."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from casetracker.domain.errors import CaseTrackerError


class ValidationError(CaseTrackerError):
    """One or more fields are not acceptable; `problems` maps field name to reason."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in problems.items()))


_EMAIL = re.compile(r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+\.[^@\s\x00-\x1f\x7f]+$")
# Dates a case can plausibly hold: nothing before 1900 (a birth date or a record), nothing
# past 2199 (a target, a due date, an expiry); outside that, a slip of the keyboard.
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
_PHONE = re.compile(r"^[0-9+()\-.\s]{7,25}(\s*(x|ext\.?)\s*\d{1,6})?$", re.IGNORECASE)
_CASE_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,31}$")
# Unicode's bidirectional controls (the Bidi_Control property): invisible, they reorder the
# text around them, so "Ana\u202eusoR" shows as "AnaRosu" and a case number or a name can
# pass for another on screen and in every export. No field a person types needs one.
BIDI_CONTROLS: dict[str, str] = {
    "\u061c": "ARABIC LETTER MARK",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}


def bidi_control(value: str | None) -> str | None:
    """The first bidirectional control character in `value`, written `U+202E (NAME)`."""
    for ch in value or "":
        if ch in BIDI_CONTROLS:
            return f"U+{ord(ch):04X} ({BIDI_CONTROLS[ch]})"
    return None


# Words that reveal a survivor's history, legal situation or health, in English and Spanish.
# Text that may be shared with an employer (the accommodations a person needs at work) is
# written in neutral words: "needs a set afternoon off each week", never why. Matched as whole
# words (or phrases) after folding case and accents, so "courteous" and "legally" pass
# "court" and "legal" but "Court" and "corte" do not.
REVEALING_WORDS: frozenset[str] = frozenset({
    # courts, police and the law
    "court", "courts", "courtroom", "judge", "judges", "hearing date", "hearing dates",
    "lawyer", "lawyers", "attorney", "attorneys", "legal", "probation", "parole", "police",
    "arrest", "arrested", "jail", "prison", "conviction", "convicted", "criminal",
    "vacatur", "testify", "testimony", "prosecutor", "caseworker", "case manager",
    "tribunal", "tribunales", "corte", "cortes", "juzgado", "juez", "jueza", "audiencia",
    "audiencias", "abogado", "abogada", "abogados", "libertad condicional", "policia",
    "carcel", "prision", "arresto", "antecedentes penales",
    # immigration
    "immigration", "visa", "visas", "t-visa", "deportation", "asylum", "uscis",
    "continued presence", "inmigracion", "migracion", "deportacion", "asilo",
    # trafficking and abuse
    "trafficking", "trafficked", "trafficker", "victim", "victims", "survivor", "survivors",
    "exploitation", "exploited", "abuse", "abused", "prostitution", "sex work", "shelter",
    "trata de personas", "tratante", "victima", "victimas", "sobreviviente", "explotacion",
    "abuso", "prostitucion", "refugio", "albergue",
    # health
    "therapy", "therapist", "counseling", "counselling", "counselor", "psychiatric",
    "psychiatrist", "psychologist", "mental health", "health", "medical", "medication",
    "hospital", "clinic", "doctor", "diagnosis", "trauma", "ptsd", "rehab", "addiction",
    "methadone", "pregnancy", "pregnant", "hiv",
    "terapia", "terapeuta", "psicologo", "psicologa", "psiquiatra", "salud", "medico",
    "medica", "medicamento", "medicamentos", "clinica", "adiccion",
    "embarazo", "embarazada",
})
_LONGEST_PHRASE = max(len(w.split()) for w in REVEALING_WORDS)


def _folded_words(text: str) -> list[str]:
    """Lower-case words without accents; a hyphen joins ("t-visa"), other marks split."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold())
                    if not unicodedata.combining(ch))
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", plain)


def revealing_words(text: str) -> list[str]:
    """The words or phrases of `REVEALING_WORDS` that `text` uses."""
    words = _folded_words(text)
    candidates = [" ".join(words[start:start + size]) for start in range(len(words))
                  for size in range(1, min(_LONGEST_PHRASE, len(words) - start) + 1)]
    candidates += [part for word in words if "-" in word for part in word.split("-")]
    return list(dict.fromkeys(c for c in candidates if c in REVEALING_WORDS))


def parse_date(text: str, field: str) -> date:
    """Read an ISO date (YYYY-MM-DD), or raise `ValidationError` naming `field`."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError({field: f"{text!r} is not a date (use YYYY-MM-DD)"}) from None


class Checker:
    """Collects problems so a person sees all of them at once, not one per attempt."""

    def __init__(self) -> None:
        self.problems: dict[str, str] = {}

    def fail(self, field: str, reason: str) -> None:
        self.problems.setdefault(field, reason)

    def required(self, field: str, value: str | None, *, max_length: int = 200) -> None:
        if value is None or not value.strip():
            self.fail(field, "is required")
        else:
            self.length(field, value, max_length)

    def length(self, field: str, value: str | None, max_length: int) -> None:
        if value and len(value) > max_length:
            self.fail(field, f"is longer than {max_length} characters")
        elif value and any(ord(ch) < 32 and ch not in "\n\t" for ch in value):
            self.fail(field, "holds control characters")
        else:
            self.no_bidi_controls(field, value)

    def no_bidi_controls(self, field: str, value: str | None) -> None:
        """Refuse the invisible characters that reorder text (`BIDI_CONTROLS`)."""
        found = bidi_control(value)
        if found is not None:
            self.fail(field, f"holds an invisible character that reorders text ({found}), "
                             "which can disguise it on screen and in exports; type it again "
                             "without it")

    def neutral(self, field: str, value: str) -> None:
        """Text an employer may read says what helps, never why (`REVEALING_WORDS`)."""
        found = revealing_words(value or "")
        if found:
            self.fail(field, "may be shared with employers, so it is written in neutral words; "
                             "it says " + ", ".join(repr(w) for w in found)
                             + " (say what helps at work, not why)")

    def email(self, field: str, value: str) -> None:
        self.no_bidi_controls(field, value)
        if value and not _EMAIL.match(value):
            self.fail(field, f"{value!r} is not an email address")

    def phone(self, field: str, value: str) -> None:
        self.no_bidi_controls(field, value)
        if value and not _PHONE.match(value):
            self.fail(field, f"{value!r} is not a phone number")

    def case_number(self, field: str, value: str) -> None:
        self.no_bidi_controls(field, value)
        if not _CASE_NUMBER.match(value or ""):
            self.fail(field, "use 1-32 letters, digits, '-', '_', '/' or '.'")

    def not_future(self, field: str, value: date | None, today: date) -> None:
        if value is not None and value > today:
            self.fail(field, "is in the future")
        self.plausible(field, value)

    def plausible(self, field: str, value: date | None) -> None:
        if value is not None and value < EARLIEST:
            self.fail(field, f"is before {EARLIEST.year}")
        elif value is not None and value > LATEST:
            self.fail(field, f"is after {LATEST.year}")

    def range(self, field: str, value: int | None, low: int, high: int) -> None:
        if value is not None and not (low <= value <= high):
            self.fail(field, f"must be between {low} and {high}")

    def done(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)
