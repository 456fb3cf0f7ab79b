"""The leak guard: read a produced PDF back and refuse it if anything withheld shows up.

It reads the file with an independent text extractor (pypdf), not what was fed to the
renderer, and looks for each withheld value whole, for each part of a name, and for every
run of three words of free text, ignoring case, accents and spacing.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Mapping

from pypdf import PdfReader

from casetracker.domain.errors import CaseTrackerError

_WORD = re.compile(r"\w+", re.UNICODE)
# Words too common to betray anything on their own (they still count inside a whole value).
_COMMON = frozenset("""only with from that this have will your they them their what when
where which about after before into over under than then there these those would could
should other street road lane avenue drive court apartment suite unit north south east west
weekday weekdays weekend mornings morning afternoon evening evenings night after before
days time times monday tuesday wednesday thursday friday saturday sunday""".split())  # noqa: SIM905


class LeakError(CaseTrackerError):
    """A withheld value appeared in a document about to be written."""

    def __init__(self, field: str) -> None:
        self.field = field
        super().__init__(f"nothing was written: the document would have shown the survivor's "
                         f"{field.replace('_', ' ')}, which is not shared")


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: how text is compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(plain.casefold()))


def pdf_text(pdf: bytes) -> str:
    """All text of the PDF's pages and its metadata, folded."""
    reader = PdfReader(io.BytesIO(pdf))
    parts = [page.extract_text() or "" for page in reader.pages]
    metadata: Mapping[str, object] = reader.metadata or {}
    parts += [str(value) for value in metadata.values()]
    return fold(" ".join(parts))


def needles(field: str, value: str, *, allowed: str, whole_only: bool = False) -> list[str]:
    """What to look for of one withheld value: the whole, its name parts or its word runs.

    Words that also appear in the shared text (a preferred name that is also the first
    name, a skill word) cannot betray the withheld field and are not looked for alone.
    """
    folded = fold(value)
    if not folded:
        return []
    words = folded.split()
    found = [folded] if len(folded) >= 3 else []
    shared = set(allowed.split())
    if whole_only:  # a date or a number: its parts (a month, a year) mean nothing alone
        pass
    elif len(words) <= 4:  # a name or an address line: every distinctive part
        found += [w for w in words if w not in shared and w not in _COMMON and (
            len(w) >= 5 if w.isdigit() else len(w) >= 3)]
    else:  # free text: every run of three words
        found += [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 7:  # phone numbers, dates of birth written without separators
        found.append(digits)
    # What the shared text itself says cannot betray a withheld field.
    return [n for n in found if not re.search(rf"(?<!\w){re.escape(n)}(?!\w)", allowed)]


def check(pdf: bytes, withheld: Mapping[str, Iterable[str]], *, allowed_text: str,
          whole_only: frozenset[str] = frozenset()) -> None:
    """Raise `LeakError` naming the first withheld field found in the PDF; fields in
    `whole_only` (dates, numbers) are looked for whole, not word by word."""
    text = pdf_text(pdf)
    compact = text.replace(" ", "")
    allowed = fold(allowed_text)
    for field, values in withheld.items():
        for value in values:
            for needle in needles(field, value, allowed=allowed,
                                  whole_only=field in whole_only):
                if needle.isdigit():
                    if needle in compact:
                        raise LeakError(field)
                elif re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
                    raise LeakError(field)
