"""Whether two survivor records are likely the same person: names compared without accents,
case or order and with common nicknames (`resources/names/nicknames.txt`), dates of birth and
phone numbers; a score and the fields that matched.

The name decides whether two records are candidates at all. A date of birth or a phone alone
never makes a match: records from another caseload are only ever reported as "a possible
duplicate", and that answer depends on the names typed and nothing else, so no one can learn
another caseload's dates or numbers by trying them (`services/duplicates.py`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from casetracker.domain.survivors import Survivor

# Points for each kind of agreement; a pair scoring `LIKELY` or more is shown.
FULL_NAME, PART_NAME, DATE_OF_BIRTH, PHONE = 60, 25, 30, 25
LIKELY = 50
# Two spellings of one word this alike count as the same word (Guadalupe / Guadelupe).
SPELLING = 0.85
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

Nicknames = Mapping[str, frozenset[int]]
# The profile fields a merge fills in on the kept record when only the other record has them
# (the sync rules let a supervisor's merge change these and no others).
FILLED_FIELDS = ("legal_first_name", "legal_last_name", "date_of_birth", "pronouns",
                 "primary_language", "phone", "email", "address", "referral_source")


def fold(text: str) -> str:
    """Lower case without accents or marks: 'José' and 'JOSE' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(*texts: str) -> tuple[str, ...]:
    """The name words of `texts`, folded, each once, in order (initials left out)."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(fold(text)):
            if len(word) >= 2:
                seen.setdefault(word)
    return tuple(seen)


def parse_nicknames(text: str) -> dict[str, frozenset[int]]:
    """Each folded name to the groups it belongs to (one group a line; '#' starts a note)."""
    groups: dict[str, set[int]] = {}
    for number, line in enumerate(text.splitlines()):
        for name in words(line.split("#", 1)[0]):
            groups.setdefault(name, set()).add(number)
    return {name: frozenset(found) for name, found in groups.items()}


def variants(word: str, nicknames: Nicknames) -> set[str]:
    """The word and every name that shares a group with it (for finding candidates)."""
    groups = nicknames.get(word, frozenset())
    return {word} | {name for name, its in nicknames.items() if its & groups}


def phone_digits(phone: str) -> str:
    """The last ten digits of a phone number, '' when it has fewer than seven."""
    digits = "".join(c for c in phone if c.isdigit())
    return digits[-10:] if len(digits) >= 7 else ""


def name_words(survivor: Survivor) -> tuple[str, ...]:
    return words(survivor.preferred_name, survivor.legal_first_name, survivor.legal_last_name)


def _same_word(a: str, b: str, nicknames: Nicknames) -> bool:
    if a == b or nicknames.get(a, frozenset()) & nicknames.get(b, frozenset()):
        return True
    return min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= SPELLING


def words_in_common(a: Iterable[str], b: Iterable[str], nicknames: Nicknames) -> int:
    """How many words of `a` pair with a different word of `b` (same, nickname, near spelling)."""
    left, used = list(b), 0
    for word in a:
        match = next((other for other in left if _same_word(word, other, nicknames)), None)
        if match is not None:
            left.remove(match)
            used += 1
    return used


@dataclass(frozen=True, slots=True)
class Likeness:
    """How alike two records are: a score, and which fields agree (name, date_of_birth,
    phone); `full_name` when two or more name words agree."""

    score: int
    fields: tuple[str, ...]
    full_name: bool

    @property
    def likely(self) -> bool:
        return self.score >= LIKELY


NO_LIKENESS = Likeness(0, (), False)


def name_likeness(a: tuple[str, ...], b: tuple[str, ...], nicknames: Nicknames) -> int:
    """0, 1 (one name word agrees) or 2 (two or more do). One word is never a full match,
    even when it is all either record has: a first name alone names too many people."""
    return min(words_in_common(a, b, nicknames), 2)


def compare(a: Survivor, b: Survivor, nicknames: Nicknames) -> Likeness:
    """How alike two records are. Without a name word in common they are not alike at all,
    whatever their dates of birth or phones say."""
    names = name_likeness(name_words(a), name_words(b), nicknames)
    if names == 0:
        return NO_LIKENESS
    score, fields = (FULL_NAME if names == 2 else PART_NAME), ["name"]
    if _same_day(a.date_of_birth, b.date_of_birth):
        score += DATE_OF_BIRTH
        fields.append("date_of_birth")
    digits = phone_digits(a.phone)
    if digits and digits == phone_digits(b.phone):
        score += PHONE
        fields.append("phone")
    return Likeness(min(score, 100), tuple(fields), names == 2)


def _same_day(a: date | None, b: date | None) -> bool:
    return a is not None and a == b
