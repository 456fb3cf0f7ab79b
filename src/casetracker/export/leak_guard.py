"""The leak guard: read a produced PDF back and refuse it if anything withheld shows up.

It reads the file with an independent text extractor (pypdf), not what was fed to the
renderer. Text is compared after removing invisible characters, folding look-alike letters,
accents and case. What it looks for depends on the kind of value:

- identity (legal names, address): the whole value and every part of it, even glued to
  digits or other words;
- exact (date of birth, phone, email, case number...): the whole value in its usual
  spellings, and its digits;
- text (sensitive details, notes, other parts of the case): the whole value, and every run of
  three words of a longer text.

Only the preferred name and the document's own frame (recipient, letterhead, signer) excuse a
match. Identity, exact and sensitive values are never excused by what the document shares;
ordinary case text may overlap with shared text (a note that repeats a goal) without blocking.
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
    """A withheld value appeared in a document about to be written. `field` is for the audit
    trail; the message names it only to people who may see that field."""

    def __init__(self, field: str, *, reveal: bool = True) -> None:
        self.field = field
        what = (f"the survivor's {field.replace('_', ' ')}" if reveal
                else "something about the survivor")
        super().__init__(f"nothing was written: the document would have shown {what}, which "
                         "is not shared; check the template, the position and the shared "
                         "fields")


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


def check_text(texts: Iterable[str], withheld: Iterable[Withheld], *, frame: str,
               shared: str = "", reveal: bool = True) -> None:
    """Raise `LeakError` for the first withheld value found in `texts`.

    `frame` (preferred name, recipient, letterhead) excuses any match; `shared` (the values
    the document shares) excuses only ordinary case text.
    """
    haystack = fold(" ".join(texts))
    frame_folded, shared_folded = fold(frame), fold(shared)
    for item in withheld:
        excused = frame_folded + (" " + shared_folded if item.kind is Kind.CASE_TEXT else "")
        for value in item.values:
            for needle in needles(item, value, excused):
                if _found(haystack, needle):
                    raise LeakError(item.field, reveal=reveal)


def check(pdf: bytes, withheld: Iterable[Withheld], *, frame: str, shared: str = "",
          reveal: bool = True) -> None:
    """The same check on the finished PDF (its text and metadata)."""
    check_text([pdf_text(pdf)], withheld, frame=frame, shared=shared, reveal=reveal)
