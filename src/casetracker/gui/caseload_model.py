"""The caseload as a table model: pages fetched on demand, sorted and searched in the database.

Sorting and searching go to the services (SQL and FTS5) rather than a proxy model, so that a
list of 50,000 survivors never has to be loaded whole to be sorted or filtered.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTableView

from casetracker.domain import clock
from casetracker.domain.caseload import CaseloadRow
from casetracker.domain.employment import STAGE_LABELS, Stage
from casetracker.domain.survivors import CaseStatus
from casetracker.gui.labels import label
from casetracker.gui.theme import Tone, text_colour
from casetracker.gui.widgets import show_day
from casetracker.services import search, survivors
from casetracker.services.session import Session

PAGE = 200
AnyIndex = QModelIndex | QPersistentModelIndex


class CaseloadModel(QAbstractTableModel):
    COL_CASE, COL_NAME, COL_STAGE, COL_NEXT, COL_CONTACT, COL_DOCS = range(6)
    SORT_KEYS = ("case_number", "preferred_name", "stage", "next_milestone_due",
                 "last_contact", "documents_outstanding")
    RowRole = Qt.ItemDataRole.UserRole + 1
    PAGE = PAGE

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._rows: list[CaseloadRow] = []
        self._total = 0
        self._status: CaseStatus | None = CaseStatus.ACTIVE
        self._order = "case_number"
        self._descending = False
        self._query = ""
        self._hit_ids: list[str] = []  # the survivors the query found, best first
        # Headings on two lines, so that the columns are as wide as what they show.
        self._headers = [self.tr("Case"), self.tr("Preferred\nname"), self.tr("Stage"),
                         self.tr("Next\nmilestone"), self.tr("Last\ncontact"),
                         self.tr("Docs\nto get")]
        self._header_tips = {self.COL_DOCS: self.tr(
            "Documents still to get: missing, requested, or expired")}
        self.reload()

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Start again from the first page with the current filter, search and order (the
        search runs again, here, as the cases may have changed)."""
        if self._query:
            hits = search.search(self._session, self._query, limit=PAGE)
            self._hit_ids = [h.survivor_id for h in hits]
        self._load()

    def _load(self) -> None:
        self.beginResetModel()
        if self._query:
            ids = self._hit_ids
            rows = survivors.caseload(self._session, status=self._status, limit=PAGE,
                                      order_by=self._order, descending=self._descending,
                                      ids=ids)
            if self._order == "case_number" and not self._descending:
                rank = {survivor_id: i for i, survivor_id in enumerate(ids)}
                rows.sort(key=lambda r: rank.get(r.id, len(rank)))  # best match first
            self._rows, self._total = rows, len(rows)
        else:
            self._total = survivors.caseload_size(self._session, status=self._status)
            self._rows = survivors.caseload(self._session, status=self._status, limit=PAGE,
                                            order_by=self._order, descending=self._descending)
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or self._query:
            return
        more = survivors.caseload(self._session, status=self._status, limit=PAGE,
                                  offset=len(self._rows), order_by=self._order,
                                  descending=self._descending)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def refresh_row(self, survivor_id: str) -> None:
        """Read one survivor's row again after their record changed, in place: the list keeps
        its order, scroll position and selection (a reload would lose all three)."""
        number = next((n for n, row in enumerate(self._rows) if row.id == survivor_id), None)
        if number is None:
            return
        fresh = survivors.caseload(self._session, status=None, limit=1, ids=[survivor_id])
        if not fresh:
            return
        self._rows[number] = fresh[0]
        self.dataChanged.emit(self.index(number, 0),
                              self.index(number, self.columnCount() - 1))

    def set_status(self, status: CaseStatus | None) -> None:
        self._status = status
        self.reload()

    def set_query(self, text: str) -> None:
        """Search for `text` here, on the GUI thread, and show what it finds."""
        text = text.strip()
        hits = search.search(self._session, text, limit=PAGE) if text else []
        self._show(text, [h.survivor_id for h in hits])

    def show_hits(self, text: str, hits: list[search.SearchHit]) -> None:
        """Show what a search for `text` found elsewhere (`SearchRunner`), and audit it."""
        text = text.strip()
        if text:
            search.record_search(self._session, text, hits)
        self._show(text, [h.survivor_id for h in hits])

    def _show(self, text: str, ids: list[str]) -> None:
        self._query, self._hit_ids = text, ids
        self._load()

    @property
    def query(self) -> str:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    # -- the model ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(section)
        return None

    def row_at(self, row: int) -> CaseloadRow:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_DOCS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_NEXT:
            due = row.next_milestone_due
            if due is not None and due < clock.today():
                return self.tr("Overdue")
        return None

    def _display(self, row: CaseloadRow, column: int) -> str:
        stage = (self.tr("Ready to match") if row.ready_to_match
                 else label(STAGE_LABELS[Stage(row.stage)]))
        return [row.case_number, row.preferred_name,
                stage if row.status == "active" else self.tr("Closed"),
                show_day(row.next_milestone_due), show_day(row.last_contact),
                str(row.documents_outstanding)][column]

    def _colour(self, row: CaseloadRow, column: int) -> QBrush | None:
        today = clock.today()
        if column == self.COL_NEXT and row.next_milestone_due and row.next_milestone_due < today:
            return QBrush(text_colour(Tone.ERROR))
        if column == self.COL_CONTACT and (row.last_contact is None
                                           or (today - row.last_contact).days > 30):
            return QBrush(text_colour(Tone.WARNING))
        return None

    def column_widths(self, view: QTableView) -> dict[int, int]:
        """Widths at which every column shows its heading and what it holds uncut: the
        longest stage, a date, a case number; a name as long as most. The last column
        also takes what is left over."""
        metrics = view.fontMetrics()
        longest_day = show_day(date(2026, 9, 30))
        samples = {
            self.COL_CASE: ["CT-2026-00000", *(r.case_number for r in self._rows[:PAGE])],
            self.COL_NAME: ["Alexandrina"],
            self.COL_STAGE: [label(text) for text in STAGE_LABELS.values()]
            + [self.tr("Ready to match")],
            self.COL_NEXT: [longest_day],
            self.COL_CONTACT: [longest_day],
            self.COL_DOCS: ["00"],
        }
        for column, texts in samples.items():
            texts.extend(self._headers[column].split("\n"))
        # 16 pixels of cell margins (a heading's sort arrow shows on the sorted column only).
        return {column: max(metrics.horizontalAdvance(text) for text in texts) + 16
                for column, texts in samples.items()}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = self.SORT_KEYS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
