"""The leak guard: refuse a document if a withheld value reached it through what it shares.

What decides a refusal is the survivor's own record and nothing else. The values a document
shares (the projection, typed by the survivor's case manager) are checked against everything
withheld about the survivor before rendering; the finished PDF is read back with an independent
extractor (pypdf) and checked again, where a match that the document's frame (the template,
the employer, the position, the letterhead: text that staff other than the case manager
control) could have helped to form is let pass. So no text a coordinator writes can turn a
letter from written to refused, and a refusal never confirms a guess about a survivor.

Text is compared after removing invisible characters, folding look-alike letters, accents and
case. What it looks for depends on the kind of value:

- identity (legal names, address): the whole value and every part of it, even glued to
  digits or other words inside one shared value;
- exact (date of birth, phone, email, case number...): the whole value in its usual
  spellings, and its digits;
- text (sensitive details, notes, other parts of the case): the whole value, and every run of
  three words of a longer text.

Only the preferred name excuses a match. Identity, exact and sensitive values are never excused
by what the document shares; ordinary case text may overlap with shared text (a note that
repeats a goal) without blocking.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from pypdf import PdfReader

from casetracker.domain.errors import CaseTrackerError

_WORD = re.compile(r"\w+", re.UNICODE)
# Latin look-alikes from other scripts, folded before comparing (a Cyrillic 'і' in a name).
_CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ɡ": "g", "ո": "n", "ս": "u", "α": "a", "ο": "o", "ρ": "p", "ν": "v", "τ": "t",
    "ι": "i", "κ": "k", "ϲ": "c", "ѵ": "v", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w",
})
# Words too common to betray anything alone (they still count inside a whole value).
_COMMON = frozenset("""only with from that this have will your they them their what when
where which about after before into over under than then there these those would could
should other street road lane avenue drive court apartment suite unit north south east west
weekday weekdays weekend mornings morning afternoon evening evenings night days time times
monday tuesday wednesday thursday friday saturday sunday""".split())  # noqa: SIM905


class Kind(Enum):
    IDENTITY = "identity"
    EXACT = "exact"
    SENSITIVE = "sensitive"
    CASE_TEXT = "case_text"


@dataclass(frozen=True, slots=True)
class Withheld:
    field: str
    kind: Kind
    values: tuple[str, ...]


class LeakError(CaseTrackerError):
    """A withheld value reached one of the survivor's shared values. `field` is the withheld
    field and `shared` the shared value it was found in, for the audit trail and for the
    survivor's own staff; the message names them only to people who may see the record."""

    def __init__(self, field: str, shared: str = "", *, reveal: bool = True) -> None:
        self.field, self.shared, self.revealed = field, shared, reveal
        if reveal:
            where = f" in its {shared}" if shared else ""
            message = (f"nothing was written: the survivor's {field.replace('_', ' ')} shows"
                       f"{where}, which is shared; change that on the record first")
        else:
            message = ("nothing was written: this survivor's shared profile needs a review by "
                       "their case manager before it can be shared; they have been asked to "
                       "review it")
        super().__init__(message)


def fold(text: str) -> str:
    """No invisible characters, look-alikes folded, no accents, lower case, single spaces."""
    visible = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cf", "Mn", "Me"})
    decomposed = unicodedata.normalize("NFKD", visible.translate(_CONFUSABLES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.casefold().translate(_CONFUSABLES)
    return " ".join(_WORD.findall(plain.replace("_", " ")))


def pdf_text(pdf: bytes) -> str:
    """All text of the PDF's pages and its metadata, folded."""
    reader = PdfReader(io.BytesIO(pdf))
    parts = [page.extract_text() or "" for page in reader.pages]
    metadata: Mapping[str, object] = reader.metadata or {}
    parts += [str(value) for value in metadata.values()]
    return fold(" ".join(parts))


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def needles(item: Withheld, value: str, excused: str) -> list[str]:
    """What to look for of one withheld value (folded), minus what `excused` says itself."""
    folded = fold(value)
    if not folded:
        return []
    words = folded.split()
    found = [folded] if len(folded) >= 2 else []
    if item.kind is Kind.IDENTITY:
        found += [w for w in words if len(w) >= 2 and w not in _COMMON and not w.isdigit()]
    elif item.kind in (Kind.SENSITIVE, Kind.CASE_TEXT) and len(words) >= 5:
        found += [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]
    digits = _digits(value)
    if item.kind in (Kind.EXACT, Kind.IDENTITY) and len(digits) >= 7:
        found.append(digits)
        if len(digits) > 7:
            found.append(digits[-7:])  # a phone's local number
    return [n for n in dict.fromkeys(found) if not _says(excused, n)]


def _says(text: str, needle: str) -> bool:
    if needle.isdigit():
        return needle in text.replace(" ", "")
    # A needle counts where it is not part of a longer word; digits and underscores next
    # to it do not protect it ('miller1992').
    return re.search(rf"(?<![^\W\d_]){re.escape(needle)}(?![^\W\d_])", text) is not None


def _found(text: str, needle: str) -> bool:
    if _says(text, needle):
        return True
    # Names glued to other words ('williammiller'): look in the text without spaces too.
    return (len(needle) >= 5 and " " not in needle and not needle.isdigit()
            and needle in text.replace(" ", ""))


def check_shared(shared: Iterable[tuple[str, str]], withheld: Iterable[Withheld], *,
                 preferred_name: str, reveal: bool = True) -> None:
    """Raise `LeakError` for the first withheld value found in a shared value.

    `shared` is (label, text) for each value the document shares; each is searched on its
    own, so two values side by side never form a match that neither holds. The preferred name
    excuses any match; the shared values excuse only ordinary case text.
    """
    texts = [(label, fold(text)) for label, text in shared]
    name, everything = fold(preferred_name), " ".join(text for _label, text in texts)
    for item in withheld:
        excused = name + (" " + everything if item.kind is Kind.CASE_TEXT else "")
        for value in item.values:
            for needle in needles(item, value, excused):
                for label, text in texts:
                    if _found(text, needle):
                        raise LeakError(item.field, label, reveal=reveal)


def check(pdf: bytes, withheld: Iterable[Withheld], *, preferred_name: str, frame: str,
          shared: str = "", reveal: bool = True) -> None:
    """The finished PDF (its text and metadata): a withheld value must not show, unless the
    frame could have formed it.

    A match is let pass when the frame says the whole match, or any word or run of digits of
    it: such a match may have been made, in part, by text the survivor's record does not
    decide, and refusing it would answer a question about the survivor. What the shared
    values alone could show was refused by `check_shared` before rendering.
    """
    haystack = pdf_text(pdf)
    frame_folded, shared_folded = fold(frame), fold(shared)
    for item in withheld:
        excused = fold(preferred_name) + (" " + shared_folded if item.kind is Kind.CASE_TEXT
                                          else "")
        for value in item.values:
            for needle in needles(item, value, excused):
                if _says(haystack, needle) and not _framed(frame_folded, needle):
                    raise LeakError(item.field, reveal=reveal)


def _framed(frame: str, needle: str) -> bool:
    if _found(frame, needle):
        return True
    parts = re.findall(r"\d+", needle) if needle.isdigit() else needle.split()
    digit_runs = re.findall(r"\d+", frame)
    return any(_says(frame, part) for part in parts if not part.isdigit()) or any(
        run in needle for run in digit_runs if len(run) >= 2)
