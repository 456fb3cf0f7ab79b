"""Reading a spreadsheet row by row: CSV in the encodings spreadsheets save, and Excel workbooks.

Nothing here knows about survivors. A `Table` streams rows from disk (a file of any size is
never held in memory), numbered as the user sees them in their spreadsheet, the header being
row 1. Cells come back as text, or as a `date` where the workbook holds a date. Formulas are
never evaluated: a formula cell arrives as its text (`=...`).
"""

from __future__ import annotations

import codecs
import csv
import io
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any, Protocol

from casetracker.domain.errors import CaseTrackerError

Cell = str | date
MAX_BYTES = 50 * 1024 * 1024
# A workbook is a zip: what it unpacks to is bounded too. Shared strings are read whole by
# openpyxl even in read-only mode, so they get the tighter bound.
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024
_SCAN_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


class SpreadsheetError(CaseTrackerError):
    """The file cannot be read as a spreadsheet; `problems` lists `row N: reason`."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(problems[:50])
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"nothing was imported; fix these and try again:\n{shown}{more}")


class WorkbookError(SpreadsheetError):
    """An Excel file that cannot be read: not a workbook, damaged (a broken zip, XML that is
    not well-formed, a part missing, a cell the format does not allow), or without the sheet
    asked for. Said in one line, `row N: reason` (row 1 when it is the whole file, else the row
    where reading stopped), also as the import's one problem. The reason never quotes a cell:
    openpyxl's own message may hold one, so it is not shown."""

    def __init__(self, reason: str, row: int = 1) -> None:
        self.problems = [f"row {row}: {reason}"]
        CaseTrackerError.__init__(self, f"{self.problems[0]}; nothing was imported")


@dataclass(frozen=True, slots=True)
class Encoding:
    codec: str   # Python's codec name
    label: str   # what to tell the user


UTF8 = Encoding("utf-8", "UTF-8")
UTF8_BOM = Encoding("utf-8-sig", "UTF-8 with BOM")
UTF16_LE = Encoding("utf-16-le", "UTF-16 (little-endian)")
UTF16_BE = Encoding("utf-16-be", "UTF-16 (big-endian)")
CP1252 = Encoding("cp1252", "Windows-1252")


class Table(Protocol):
    """One sheet, read from the top: its header and then its rows."""

    header: list[str]
    description: str

    def rows(self) -> Iterator[tuple[int, list[Cell]]]: ...
    def fraction_read(self) -> float | None: ...
    def close(self) -> None: ...


def detect_encoding(path: Path) -> Encoding:
    """The encoding of a text file: a byte-order mark says; else UTF-8 if every byte of the file
    decodes as UTF-8 (read in chunks), else Windows-1252, the encoding Excel saves 'CSV' in on
    Windows. A small fixed rule, rather than a statistical guesser, because cp1252 is the only
    single-byte encoding spreadsheets here are saved in, and a guesser may name a cousin."""
    with path.open("rb") as f:
        head = f.read(4096)
        if head.startswith(codecs.BOM_UTF8):
            return UTF8_BOM
        if head.startswith(codecs.BOM_UTF16_LE):
            return Encoding("utf-16", UTF16_LE.label)
        if head.startswith(codecs.BOM_UTF16_BE):
            return Encoding("utf-16", UTF16_BE.label)
        # UTF-16 without a mark: text in Latin script has a zero byte in every other place.
        even, odd = head[0::2], head[1::2]
        if len(head) >= 4 and odd.count(0) > len(odd) // 2 and even.count(0) == 0:
            return UTF16_LE
        if len(head) >= 4 and even.count(0) > len(even) // 2 and odd.count(0) == 0:
            return UTF16_BE
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := f.read(_SCAN_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return UTF8
        except UnicodeDecodeError:
            pass
        f.seek(0)
        single = codecs.getincrementaldecoder("cp1252")()
        done = 0
        while chunk := f.read(_SCAN_CHUNK):
            try:
                single.decode(chunk)
            except UnicodeDecodeError as exc:
                f.seek(0)
                line = f.read(done + exc.start).count(b"\n") + 1
                raise SpreadsheetError([
                    f"row {line}: the file is not text in UTF-8, UTF-16 or Windows-1252 (save "
                    "the spreadsheet as 'CSV UTF-8')"]) from None
            done += len(chunk)
        return CP1252


class CsvTable:
    """A CSV (or tab-separated) file, decoded as it is read."""

    def __init__(self, stream: IO[str], encoding_label: str, size: int | None = None,
                 raw: IO[bytes] | None = None) -> None:
        self._stream, self._raw, self._size = stream, raw, size
        first = stream.readline()
        skipped = 0
        # Excel writes and honours a first line `sep=;` naming the delimiter.
        if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
            delimiter = first.strip()[4]
            first = stream.readline()
            skipped = 1
        else:
            delimiter = _guess_delimiter(first)
        self._skipped = skipped
        self._reader = csv.reader(_chain(first, stream), delimiter=delimiter)
        try:
            self.header = [h.strip() for h in next(self._reader, [])]
        except csv.Error as exc:
            raise SpreadsheetError([_unreadable(1, exc)]) from None
        self.encoding = encoding_label
        self.description = f"CSV, {encoding_label}, {_DELIMITER_NAMES[delimiter]}-separated"

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        number = 1
        while True:
            number += 1
            try:
                cells = next(self._reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise SpreadsheetError([_unreadable(number, exc)]) from None
            yield number, list(cells)

    def fraction_read(self) -> float | None:
        if self._raw is None or not self._size:
            return None
        return min(1.0, self._raw.tell() / self._size)

    def close(self) -> None:
        self._stream.close()


def _chain(first: str, rest: IO[str]) -> Iterator[str]:
    yield first
    yield from rest


def _guess_delimiter(line: str) -> str:
    """The delimiter the header line uses most, outside quotes (comma when none)."""
    outside = "".join(part for i, part in enumerate(line.split('"')) if i % 2 == 0)
    counts = {d: outside.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass
class XlsxTable:
    """One worksheet of an Excel workbook, streamed by openpyxl's read-only mode."""

    path: Path
    sheet: str | None = None
    header: list[str] = field(default_factory=list)
    description: str = ""
    sheet_names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Imported here: only workbooks need it. The reader is openpyxl's own `load_workbook`
        # without the wrapper, so that the sheets the workbook lists can be compared with the
        # sheets it holds: openpyxl skips a listed sheet whose part is missing, which would
        # make another sheet the first and import the wrong one without a word.
        from openpyxl.reader.excel import ExcelReader

        _check_unpacked_size(self.path)
        reader: ExcelReader | None = None
        try:
            with warnings.catch_warnings():  # e.g. "no default style": not the user's concern
                warnings.simplefilter("ignore")
                # data_only=False: a formula arrives as its text, never as a computed value.
                reader = ExcelReader(self.path, read_only=True, data_only=False)
                reader.read()
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            if reader is not None:
                reader.archive.close()
            if isinstance(exc, OSError):  # the disk's error, not the file's content
                raise
            raise WorkbookError(_unreadable_workbook(exc)) from None
        self._book = reader.wb
        missing = [s.name for s in reader.parser.sheets if s.name not in self._book.sheetnames]
        if missing:
            self._book.close()
            raise WorkbookError(_damaged(f"it lists the sheet {missing[0]!r} but holds no "
                                         "such sheet"))
        self.sheet_names = [ws.title for ws in self._book.worksheets]
        if not self.sheet_names:
            self._book.close()
            raise WorkbookError("the workbook has no worksheet")
        name = self.sheet if self.sheet is not None else self.sheet_names[0]
        if name not in self.sheet_names:
            self._book.close()
            raise WorkbookError(f"the workbook has no sheet {name!r} (it has "
                                f"{', '.join(repr(s) for s in self.sheet_names)})")
        self.sheet = name
        self._sheet = self._book[name]
        self._done = 0
        try:
            self._total = self._guarded(lambda: self._sheet.max_row or 0)
            self._rows = self._read()
            self._header_row = 0
            for values in self._rows:
                self._header_row += 1
                cells = [_cell(v) for v in values]
                if any(cells):
                    self.header = [str(c).strip() for c in cells]
                    break
        except WorkbookError:
            self._book.close()
            raise
        self.description = f"Excel workbook, sheet {name!r}"

    def _guarded(self, read: Callable[[], int]) -> int:
        try:
            return read()
        except OSError:
            raise
        except Exception as exc:
            raise WorkbookError(_unreadable_workbook(exc, sheet=self.sheet)) from None

    def _read(self) -> Iterator[tuple[Any, ...]]:
        """The sheet's rows as openpyxl reads them (lazily, from the zip), where a damaged
        sheet (XML cut short, a cell the format does not allow, a shared string that is not
        there) is a `WorkbookError` naming the row where reading stopped."""
        number = 0
        try:
            for values in self._sheet.iter_rows(values_only=True):
                number += 1
                yield values
        except OSError:
            raise
        except Exception as exc:
            raise WorkbookError(_unreadable_workbook(exc, sheet=self.sheet),
                                number + 1) from None

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        number = self._header_row
        for values in self._rows:
            number += 1
            self._done = number
            yield number, [_cell(v) for v in values]

    def fraction_read(self) -> float | None:
        return min(1.0, self._done / self._total) if self._total else None

    def close(self) -> None:
        self._book.close()


def _check_unpacked_size(path: Path) -> None:
    """Refuse a workbook that would unpack to far more than any real caseload (a zip bomb)."""
    import zipfile  # here, not above: the lock screen imports this module for its error

    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise WorkbookError(_unreadable_workbook(exc)) from None
    shared = sum(e.file_size for e in entries if e.filename.lower().endswith("sharedstrings.xml"))
    if (sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES
            or shared > MAX_SHARED_STRINGS_BYTES):
        raise WorkbookError("the workbook unpacks to more than a caseload could hold; save the "
                            "sheet as CSV and import that")


def _unreadable_workbook(exc: Exception, sheet: str | None = None) -> str:
    """Why a workbook cannot be read, in words: never openpyxl's own message, which may quote
    a cell."""
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError

    where = f"the sheet {sheet!r}" if sheet is not None else "the file"
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, ParseError):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, ParseError):
        line, column = cause.position
        return _damaged(f"{where} holds damaged XML at line {line}, column {column}")
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return _damaged("it is not an .xlsx file, or it is damaged" if sheet is None
                        else f"{where} is damaged")
    if isinstance(exc, KeyError):
        return _damaged(f"a part of {where} is missing")
    return _damaged(f"{where} does not follow the Excel format")


def _damaged(what: str) -> str:
    # One of the import's messages the desktop app translates: "… workbook ({0})".
    return (f"the file cannot be read as an Excel workbook ({what}; open it in Excel or "
            "LibreOffice and save it again, or save the sheet as CSV)")


def _cell(value: Any) -> Cell:
    """A workbook cell as text, or as a date."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_names(path: Path) -> list[str]:
    """The worksheets of an Excel workbook, in order (empty for a CSV file)."""
    if not is_workbook(path):
        return []
    table = XlsxTable(path)
    table.close()
    return table.sheet_names


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in {".xlsx", ".xlsm"}


def open_table(path: Path, sheet: str | None = None) -> Table:
    """Open a CSV file or a sheet of an Excel workbook (the first sheet unless named)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SpreadsheetError([f"row 1: the file is larger than {MAX_BYTES >> 20} MiB"])
    if is_workbook(path):
        return XlsxTable(path, sheet)
    if path.suffix.lower() == ".xls":
        raise SpreadsheetError(["row 1: old Excel files (.xls) cannot be read; save the "
                                "spreadsheet as .xlsx or CSV"])
    encoding = detect_encoding(path)
    raw = path.open("rb")
    text = io.TextIOWrapper(raw, encoding=encoding.codec, newline="")
    try:
        return CsvTable(text, encoding.label, size, raw)
    except BaseException:
        text.close()
        raise


def text_table(text: str) -> Table:
    """A table over CSV text already in memory (scripts and tests)."""
    return CsvTable(io.StringIO(text.removeprefix("\ufeff"), newline=""), "text")


def _unreadable(number: int, exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        # csv's own limit (128 KiB by default): far longer than any field of a case record.
        return (f"row {number}: a cell is longer than {csv.field_size_limit() >> 10} KiB; "
                "no field of a case record is that long")
    return f"row {number}: the file cannot be read as CSV ({exc})"
