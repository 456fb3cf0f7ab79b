"""Identity documents: the checklist, status in one click, dates, scans viewed in memory."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.document_needs import Requirement
from casetracker.domain.documents import DOCUMENT_LABELS, TRANSITIONS, Document, DocumentStatus
from casetracker.gui.labels import document_title, label
from casetracker.gui.record.base import RecordTab
from casetracker.gui.widgets import label_combo_boxes, show_day
from casetracker.services import documents

STATUS_LABELS = {
    DocumentStatus.MISSING: QT_TRANSLATE_NOOP("labels", "Missing"),
    DocumentStatus.REQUESTED: QT_TRANSLATE_NOOP("labels", "Requested"),
    DocumentStatus.RECOVERED: QT_TRANSLATE_NOOP("labels", "Recovered"),
    DocumentStatus.EXPIRED: QT_TRANSLATE_NOOP("labels", "Expired"),
    DocumentStatus.NOT_NEEDED: QT_TRANSLATE_NOOP("labels", "Not needed"),
}


def _requirement(requirement: Requirement) -> str:
    """A requirement as the screen names it: its documents, any one of which will do."""
    return " / ".join([*(label(DOCUMENT_LABELS[k]) for k in requirement.kinds),
                       *requirement.others])


class DocumentsTab(RecordTab):
    COL_DOCUMENT, COL_STATUS, COL_REQUESTED, COL_RECOVERED, COL_EXPIRES, COL_SCANS = range(6)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.readiness = QLabel(self)
        self.readiness.setAccessibleDescription(self.tr("Readiness for the I-9 employment check"))
        self.next_steps = QLabel(self)
        self.next_steps.setWordWrap(True)
        self.next_steps.setAccessibleDescription(self.tr("Which documents to work on first"))
        self.waiting = QLabel(self)
        self.waiting.setWordWrap(True)
        self.waiting.setAccessibleDescription(self.tr("What each document waits on"))
        self.table = QTableWidget(0, 6, self)
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Document"), self.tr("Status"), self.tr("Requested"), self.tr("Recovered"),
            self.tr("Expires"), self.tr("Scans")])
        # The document's name takes the room the others leave, wrapping if it must; the
        # dates and the count are as wide as what they show, so none is cut off.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_DOCUMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_STATUS, QHeaderView.ResizeMode.Fixed)
        for column in (self.COL_REQUESTED, self.COL_RECOVERED, self.COL_EXPIRES, self.COL_SCANS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(self.COL_STATUS, 120)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.attach_button = QPushButton(self.tr("Attach scan…"), self)
        self.attach_button.clicked.connect(self.attach_scan)
        self.attach_button.setVisible(self.editable)
        self.view_button = QPushButton(self.tr("View scan"), self)
        self.view_button.clicked.connect(self.view_scan)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.view_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.readiness)
        layout.addWidget(self.next_steps)
        layout.addWidget(self.waiting)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.status_boxes: dict[str, QComboBox] = {}
        self._documents: list[Document] = []
        self.refresh()

    def refresh(self) -> None:
        checklist = documents.checklist(self.session, self.case_number)
        self._documents = checklist.documents
        readiness = checklist.readiness
        missing = readiness.next_document
        self.readiness.setText(
            self.tr("Ready for I-9") if readiness.ready else
            self.tr("Not ready for I-9: recovering the {0} would make it so.").format(
                label(DOCUMENT_LABELS[missing]).lower() if missing else ""))
        ready_now = [(d, n) for d, n in checklist.next_steps if not checklist.waiting[d.id]]
        self.next_steps.setText(self.tr("Work on next: {0}").format(", ".join(
            document_title(d) + (" " + self.tr("(unblocks {0})").format(n) if n else "")
            for d, n in ready_now)) if ready_now else "")
        self.next_steps.setVisible(bool(ready_now))
        waiting = [self.tr("{0} waits on {1}.").format(
            document_title(d), self.tr(" and ").join(_requirement(r)
                                                     for r in checklist.waiting[d.id]))
            for d, _n in checklist.next_steps if checklist.waiting[d.id]]
        self.waiting.setText("\n".join(waiting))
        self.waiting.setVisible(bool(waiting))
        self.table.setRowCount(len(self._documents))
        self.status_boxes = {}
        for row, document in enumerate(self._documents):
            title = QTableWidgetItem(document_title(document))
            title.setToolTip(document_title(document))  # whole, if the column is narrow
            self.table.setItem(row, self.COL_DOCUMENT, title)
            box = QComboBox(self.table)
            box.setAccessibleName(self.tr("Status of {0}").format(document_title(document)))
            # Always in the same order (missing → requested → recovered, then expired and not
            # needed), whatever the status now: a list that reorders itself is misread.
            for status in DocumentStatus:
                if status is document.status or status in TRANSITIONS[document.status]:
                    box.addItem(label(STATUS_LABELS[status]), status)
            box.setCurrentIndex(box.findData(document.status))
            box.setEnabled(self.editable)
            box.activated.connect(lambda _i, d=document, b=box: self._status_chosen(d, b))
            self.table.setCellWidget(row, self.COL_STATUS, box)
            self.status_boxes[document.kind.value if not document.label else document.id] = box
            for column, day in ((self.COL_REQUESTED, document.requested_on),
                                (self.COL_RECOVERED, document.recovered_on),
                                (self.COL_EXPIRES, document.expires_on)):
                self.table.setItem(row, column, QTableWidgetItem(show_day(day)))
            count = len(documents.scans(self.session, document.id))
            self.table.setItem(row, self.COL_SCANS, QTableWidgetItem(str(count) if count else ""))
        label_combo_boxes(self.table)

    def _status_chosen(self, document: Document, box: QComboBox) -> None:
        status = DocumentStatus(box.currentData())
        if status is document.status:
            return
        before = replace(document)
        self.do(self.tr("Mark {0} {1}").format(document_title(document),
                                              label(STATUS_LABELS[status]).lower()),
                lambda: documents.set_status(self.session, document.id, status),
                lambda: documents.restore(self.session, before))

    def current_document(self) -> Document | None:
        row = self.table.currentRow()
        return self._documents[row] if 0 <= row < len(self._documents) else None

    def attach_scan(self) -> None:
        document = self.current_document()
        if document is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a scan"), "",
                                              self.tr("Scans (*.pdf *.png *.jpg *.jpeg)"))
        if path:
            from pathlib import Path

            content = Path(path).read_bytes()
            self.attempt(lambda: documents.attach_scan(self.session, document.id,
                                                       Path(path).name, content))

    def view_scan(self) -> None:
        document = self.current_document()
        if document is None:
            return
        scans = documents.scans(self.session, document.id)
        if not scans:
            return
        attachment, content = documents.read_scan(self.session, scans[-1].id)
        viewer = ScanViewer(attachment.filename, attachment.media_type, content, self)
        self.active_dialog = viewer
        viewer.open()


class ScanViewer(QDialog):
    """Shows a scan from memory; nothing is written to disk."""

    def __init__(self, name: str, media_type: str, content: bytes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scan"))  # the file name may hold a person's name
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        if media_type.startswith("image/"):
            image = QImage.fromData(content)
            label = QLabel(self)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(self.tr("Scanned image"))
            area = QScrollArea(self)
            area.setAccessibleName(self.tr("Scan"))
            area.setWidget(label)
            layout.addWidget(area)
        else:
            layout.addWidget(pdf_view(content, self))
        self.resize(700, 800)


def pdf_view(content: bytes, parent: QWidget) -> QWidget:
    """A PDF shown from memory: the document reads from a QBuffer, never from a file."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    # Children are deleted in the order they were made: the view first, then the document,
    # then (as the document's child) the buffer it reads. Any other order crashes on close.
    holder = QWidget(parent)
    view = QPdfView(holder)
    view.setAccessibleName(QCoreApplication.translate("DocumentsTab", "Document preview"))
    document = QPdfDocument(holder)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(content))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    view.setDocument(document)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(view)
    return holder
