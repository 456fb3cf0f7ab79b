"""The import wizard: survivors from a spreadsheet (CSV or Excel), all of them or none.

Choose the file (and sheet), say which column fills which field while watching the first rows
as they will be imported, see every problem as `row N: reason`, then import with a progress
bar that can be cancelled (nothing is imported then). The import itself is the service's, with
the acting account, audited; the wizard only gathers the choices.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.messages import file_description, import_problem
from casetracker.gui.progress import ServiceProgress
from casetracker.gui.theme import ErrorLabel
from casetracker.services import importer
from casetracker.services.import_mapping import FIELDS, Mapping, check_mapping, guess_mapping
from casetracker.services.session import Session
from casetracker.services.spreadsheet import Cell, SpreadsheetError, Table

PREVIEW_ROWS = 8


def field_labels() -> dict[str, str]:
    """Each field's name as a person reads it (translated)."""
    # Literal context and text in each call: lupdate reads them from here.
    return {
        "case_number": QCoreApplication.translate("ImportWizard", "Case number"),
        "preferred_name": QCoreApplication.translate("ImportWizard", "Preferred name"),
        "legal_first_name": QCoreApplication.translate("ImportWizard", "Legal first name"),
        "legal_last_name": QCoreApplication.translate("ImportWizard", "Legal last name"),
        "date_of_birth": QCoreApplication.translate("ImportWizard", "Date of birth"),
        "phone": QCoreApplication.translate("ImportWizard", "Phone"),
        "email": QCoreApplication.translate("ImportWizard", "Email"),
        "address": QCoreApplication.translate("ImportWizard", "Address"),
        "primary_language": QCoreApplication.translate("ImportWizard", "Primary language"),
        "gender": QCoreApplication.translate("ImportWizard", "Gender"),
        "skills": QCoreApplication.translate("ImportWizard", "Skills"),
        "availability_hours": QCoreApplication.translate("ImportWizard",
                                                         "Hours available a week"),
        "trafficking_type": QCoreApplication.translate("ImportWizard", "Trafficking type"),
        "history_notes": QCoreApplication.translate("ImportWizard", "History"),
        "immigration_status": QCoreApplication.translate("ImportWizard", "Immigration status"),
        "criminal_record_notes": QCoreApplication.translate("ImportWizard", "Criminal record"),
        "assigned_to": QCoreApplication.translate("ImportWizard", "Case manager"),
    }


class ImportWizard(QWizard):
    """Four pages: file, columns, check (then import), summary."""

    progressed = Signal(int)  # rows read so far, while checking or importing

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Import survivors from a spreadsheet"))
        self.setAccessibleName(self.tr("Import survivors from a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.path: Path | None = None
        self.sheet: str | None = None
        self.header: list[str] = []
        self.sample: list[tuple[int, list[Cell]]] = []
        self.description = ""
        self.sheets: list[str] = []
        self.mapping: Mapping = []
        self.date_order = importer.DATE_ORDERS[0]
        self.imported = 0
        self.progress_dialog: ServiceProgress | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.file_page, self.mapping_page, self.check_page, self.summary_page):
            self.addPage(page)
        self.resize(860, 600)

    def load(self, path: Path, sheet: str | None = None) -> None:
        """Read the header and the first rows (raises `SpreadsheetError`)."""
        table = importer.open_file(path, sheet)
        try:
            self.header = table.header
            self.sample = importer.first_rows(table, PREVIEW_ROWS)
            self.description = table.description
            self.sheets = list(getattr(table, "sheet_names", []))
            self.sheet = getattr(table, "sheet", None)
        finally:
            table.close()
        self.path = path
        self.mapping = guess_mapping(self.header)

    def open_table(self) -> Table:
        assert self.path is not None
        return importer.open_file(self.path, self.sheet)

    def progress(self, label: str) -> ServiceProgress:
        self.progress_dialog = ServiceProgress(label, self,
                                               keep_going=lambda: not self.session.closed)
        self.progress_dialog.progressed.connect(self.progressed)
        return self.progress_dialog


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Choose the spreadsheet"))
        self.setSubTitle(self.tr("A CSV file or an Excel workbook (.xlsx), one survivor a row, "
                                 "with a row of column headings on top."))
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Spreadsheet file"))
        self.path.setPlaceholderText(self.tr("File to import"))
        self.path.editingFinished.connect(self._typed)
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.setAccessibleName(self.tr("Browse for the spreadsheet"))
        self.browse.clicked.connect(self._browse)
        self.sheet = QComboBox(self)
        self.sheet.setAccessibleName(self.tr("Sheet"))
        self.sheet.setEnabled(False)
        self.sheet.activated.connect(lambda _i: self.choose(self.path.text(),
                                                            self.sheet.currentText()))
        self.about = QLabel(self)
        self.about.setAccessibleDescription(self.tr("What the file is"))
        self.about.setWordWrap(True)
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        sheet_row = QHBoxLayout()
        sheet_label = QLabel(self.tr("Sheet"), self)
        sheet_label.setBuddy(self.sheet)
        sheet_row.addWidget(sheet_label)
        sheet_row.addWidget(self.sheet, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(sheet_row)
        layout.addWidget(self.about)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _typed(self) -> None:
        # editingFinished also comes when focus leaves: keep the chosen sheet then.
        loaded = self.owner.path
        if loaded is None or str(loaded) != self.path.text():
            self.choose(self.path.text())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the spreadsheet"), "",
            self.tr("Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;All files (*)"))
        if path:
            self.choose(path)

    def choose(self, path: str, sheet: str | None = None) -> None:
        """Open `path` (and `sheet`), showing what it is or why it cannot be read."""
        self.path.setText(path)
        self.error.clear_error()
        self.about.clear()
        self.sheet.clear()
        if not path.strip():
            self.owner.path = None
            self.completeChanged.emit()
            return
        try:
            self.owner.load(Path(path), sheet)
        except (SpreadsheetError, OSError) as exc:
            self.owner.path = None
            self.error.show_error(exc if isinstance(exc, SpreadsheetError)
                                  else CaseTrackerError(exc.strerror or str(exc)))
        else:
            self.sheet.addItems(self.owner.sheets)
            if self.owner.sheet:
                self.sheet.setCurrentText(self.owner.sheet)
            self.about.setText(self.tr("{0}; {1} columns.").format(
                file_description(self.owner.description), len(self.owner.header)))
        self.sheet.setEnabled(len(self.owner.sheets) > 1)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return self.owner.path is not None


class MappingPage(QWizardPage):
    COL_HEADING, COL_FIELD, COL_EXAMPLE = range(3)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Match the columns to fields"))
        self.setSubTitle(self.tr("Columns left as “Do not import” are ignored. Below, the first "
                                 "rows as they will be imported."))
        self.columns = QTableWidget(0, 3, self)
        self.columns.setAccessibleName(self.tr("Columns and the fields they fill"))
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Fills the field"), self.tr("First value")])
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.columns.horizontalHeader().setSectionResizeMode(
            self.COL_EXAMPLE, QHeaderView.ResizeMode.Stretch)
        self.columns.setColumnWidth(self.COL_HEADING, 200)
        self.columns.setColumnWidth(self.COL_FIELD, 220)
        self.preview = QTableWidget(0, 0, self)
        self.preview.setAccessibleName(self.tr("Preview of the first rows"))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems = ErrorLabel(self)
        self.problems.setAccessibleDescription(self.tr("Problems with the matching"))
        self.combos: list[QComboBox] = []
        self.dates = QComboBox(self)
        self.dates.setAccessibleName(self.tr("Dates typed as text are written as"))
        for label, order in ((self.tr("year-month-day (1990-12-31)"), "YYYY-MM-DD"),
                             (self.tr("month/day/year (12/31/1990)"), "MM/DD/YYYY"),
                             (self.tr("day/month/year (31/12/1990)"), "DD/MM/YYYY")):
            self.dates.addItem(label, order)
        self.dates.currentIndexChanged.connect(self._dates_changed)
        dates_row = QHBoxLayout()
        dates_label = QLabel(self.tr("Dates typed as text are written as"), self)
        dates_label.setBuddy(self.dates)
        dates_row.addWidget(dates_label)
        dates_row.addWidget(self.dates, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns, 3)
        layout.addLayout(dates_row)
        preview_label = QLabel(self.tr("Preview"), self)
        preview_label.setBuddy(self.preview)
        layout.addWidget(preview_label)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.problems)

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        labels = field_labels()
        owner = self.owner
        self.combos = []
        self.columns.setRowCount(len(owner.header))
        first = owner.sample[0][1] if owner.sample else []
        for row, heading in enumerate(owner.header):
            self.columns.setItem(row, self.COL_HEADING,
                                 QTableWidgetItem(heading or self.tr("(no heading)")))
            combo = QComboBox(self.columns)
            combo.setAccessibleName(self.tr("Field for the column “{0}”").format(heading))
            combo.addItem(self.tr("Do not import"), None)
            for name in FIELDS:
                combo.addItem(labels[name], name)
            combo.setCurrentIndex(max(0, combo.findData(owner.mapping[row])))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.columns.setCellWidget(row, self.COL_FIELD, combo)
            self.combos.append(combo)
            example = first[row] if row < len(first) else ""
            self.columns.setItem(row, self.COL_EXAMPLE, QTableWidgetItem(
                example.isoformat() if not isinstance(example, str) else example))
        self._mapping_changed()

    def set_date_order(self, order: str) -> None:
        self.dates.setCurrentIndex(self.dates.findData(order))

    def _dates_changed(self) -> None:
        self.owner.date_order = self.dates.currentData()
        self._fill_preview()

    def set_field(self, heading: str, name: str | None) -> None:
        """Choose the field a column fills (by its heading)."""
        combo = self.combos[self.owner.header.index(heading)]
        combo.setCurrentIndex(combo.findData(name))

    def _mapping_changed(self) -> None:
        owner = self.owner
        owner.mapping = [combo.currentData() for combo in self.combos]
        problems = [import_problem(_readable(p))
                    for p in check_mapping(owner.header, owner.mapping)]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self._fill_preview()
        self.completeChanged.emit()

    def _fill_preview(self) -> None:
        labels = field_labels()
        owner = self.owner
        names = [name for name in owner.mapping if name is not None]
        self.preview.clear()
        self.preview.setColumnCount(len(names))
        self.preview.setRowCount(len(owner.sample))
        self.preview.setHorizontalHeaderLabels([labels[name] for name in names])
        self.preview.setVerticalHeaderLabels([str(number) for number, _ in owner.sample])
        for row, (_number, cells) in enumerate(owner.sample):
            values = importer.preview_row(owner.header, owner.mapping, cells, owner.date_order)
            for column, name in enumerate(names):
                self.preview.setItem(row, column, QTableWidgetItem(values.get(name, "")))
        self.preview.resizeColumnsToContents()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return bool(self.combos) and not check_mapping(self.owner.header, self.owner.mapping)


class CheckPage(QWizardPage):
    """Every row checked; Import (this page's Next) only when none has a problem."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Check every row"))
        self.setSubTitle(self.tr("Nothing is imported until every row is right; then all rows "
                                 "are imported at once."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleDescription(self.tr("Result of the check"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Problems, by spreadsheet row"))
        self.again = QPushButton(self.tr("Check again"), self)
        self.again.setAccessibleName(self.tr("Check the file again"))
        self.again.setToolTip(self.tr("After fixing the spreadsheet and saving it"))
        self.again.clicked.connect(self.check)
        self.problems: list[str] = []
        # Likely duplicates, each decided by the person: a new person, or the row left out.
        self.likely: list[importer.DuplicateRow] = []
        self.decided: importer.Decisions = {}
        self.decisions = QTableWidget(0, 2, self)
        self.decisions.setAccessibleName(self.tr("Likely duplicates, by spreadsheet row"))
        self.decisions.setHorizontalHeaderLabels([self.tr("Likely duplicate"),
                                                  self.tr("Decision")])
        self.decisions.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.decisions.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.decisions.verticalHeader().hide()
        self.decisions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows = 0
        self.checked = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.decisions, 1)
        layout.addWidget(self.again)
        layout.addStretch(0)

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        self.check()

    def check(self) -> None:
        """Read every row (with a progress dialog) and list the problems."""
        self.checked = False
        self.problems, self.likely, self.rows = [], [], 0
        progress = self.owner.progress(self.tr("Checking every row…"))

        def counting(done: int, fraction: float | None) -> bool:
            self.rows = done
            return progress(done, fraction)

        try:
            table = self.owner.open_table()
            try:
                found = importer.check_import(
                    self.owner.session, table, self.owner.mapping, counting,
                    date_order=self.owner.date_order)
                self.problems, self.likely = found.problems, found.duplicates
            finally:
                table.close()
            self.checked = True
        except SpreadsheetError as exc:
            self.problems = exc.problems
        except importer.ImportCancelledError:
            self.problems = []
        except (CaseTrackerError, OSError) as exc:
            self.problems = [str(exc)]
        except Exception:
            if not self.owner.session.closed:  # locked mid-check: nothing to show any more
                raise
        finally:
            progress.close()
        self._show()

    def _show(self, note: str = "") -> None:
        self.list.clear()
        labels = field_labels()  # a column without a heading is named by its field
        self.list.addItems([import_problem(p, labels) for p in self.problems])
        self.list.setVisible(bool(self.problems))
        self._show_likely()
        if self.problems:
            text = self.tr("Problems found: {0}. Nothing will be imported until every one is "
                           "fixed: go Back to change which column fills which field, or fix "
                           "the spreadsheet, save it and check again.").format(len(self.problems))
        elif not self.checked:
            text = self.tr("The check was cancelled. Check again to import.")
        elif self.likely:
            text = self.tr("Rows checked: {0}. Likely duplicates: {1}. Decide on each: import "
                           "it as a new person, or leave the row out (open the existing "
                           "record later to add to it).").format(self.rows, len(self.likely))
        else:
            text = self.tr("Rows checked: {0}. No problems: press Import to import them "
                           "all.").format(self.rows)
        self.summary.setText("\n".join(t for t in (note, text) if t))
        self.completeChanged.emit()

    def _show_likely(self) -> None:
        """One row per likely duplicate, with its decision (kept across checks)."""
        rows = {d.row for d in self.likely}
        self.decided = {row: choice for row, choice in self.decided.items() if row in rows}
        self.decisions.setRowCount(len(self.likely))
        choices = [(None, self.tr("Decide…")),
                   (importer.NEW_PERSON, self.tr("Import as a new person")),
                   (importer.LEAVE_OUT, self.tr("Leave this row out"))]
        for index, likely in enumerate(self.likely):
            self.decisions.setItem(index, 0, QTableWidgetItem(import_problem(likely.problem)))
            combo = QComboBox(self.decisions)
            combo.setAccessibleName(self.tr("Decision for row {0}").format(likely.row))
            for value, text in choices:
                combo.addItem(text, value)
            combo.setCurrentIndex(next(i for i, (value, _) in enumerate(choices)
                                       if value == self.decided.get(likely.row)))
            combo.currentIndexChanged.connect(
                lambda _i, row=likely.row, box=combo: self._decide(row, box.currentData()))
            self.decisions.setCellWidget(index, 1, combo)
        self.decisions.setVisible(bool(self.likely))

    def _decide(self, row: int, choice: str | None) -> None:
        if choice is None:
            self.decided.pop(row, None)
        else:
            self.decided[row] = choice
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return (self.checked and not self.problems
                and all(d.row in self.decided for d in self.likely))

    def validatePage(self) -> bool:  # noqa: N802 (Qt)
        """Import: all rows in one transaction, or none (cancelled or refused)."""
        progress = self.owner.progress(self.tr("Importing…"))
        try:
            table = self.owner.open_table()
            try:
                result = importer.import_survivors(self.owner.session, table,
                                                   self.owner.mapping, progress,
                                                   date_order=self.owner.date_order,
                                                   decisions=self.decided)
            finally:
                table.close()
        except importer.ImportCancelledError:
            self.checked = False
            self._show(self.tr("Cancelled: nothing was imported."))
            return False
        except SpreadsheetError as exc:
            self.checked, self.problems = True, exc.problems
            self._show()
            return False
        except (CaseTrackerError, OSError) as exc:
            self.checked, self.problems = True, [str(exc)]
            self._show()
            return False
        except Exception:
            if self.owner.session.closed:  # locked mid-import: rolled back with the database
                return False
            raise
        finally:
            progress.close()
        self.owner.imported = result.imported
        return True


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Imported"))
        self.setSubTitle(self.tr("The survivors are in the caseload now."))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAccessibleDescription(self.tr("Summary"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        ignored = [h for h, name in zip(self.owner.header, self.owner.mapping, strict=True)
                   if name is None and h]
        text = self.tr("Survivors imported: {0}, from {1}.").format(
            self.owner.imported, file_description(self.owner.description))
        if ignored:
            text += "\n" + self.tr("Columns not imported: {0}.").format(", ".join(ignored))
        self.text.setText(text)


def _readable(problem: str) -> str:
    """A mapping problem with field names as the wizard shows them."""
    for name, label in field_labels().items():
        problem = re.sub(rf"\b{name}\b", f"“{label}”", problem)
    return problem
