"""Small widgets and helpers the screens share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.messages import error_text


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def show_day(day: date | None) -> str:
    """A day as people read it, in the interface language ("5 Mar 2026", "5 mar 2026")."""
    return QLocale().toString(to_qdate(day), "d MMM yyyy") if day else "—"


class DateField(QWidget):
    """A date with a calendar pop-up; optional dates have a tick box that enables them."""

    def __init__(self, value: date | None = None, *, optional: bool = False,
                 label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(to_qdate(value or date.today()))
        self.edit.setAccessibleName(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled_box: QCheckBox | None = None
        if optional:
            self.enabled_box = QCheckBox(self)
            self.enabled_box.setAccessibleName(self.tr("{0} known").format(label))
            self.enabled_box.setChecked(value is not None)
            self.enabled_box.toggled.connect(self.edit.setEnabled)
            self.edit.setEnabled(value is not None)
            layout.addWidget(self.enabled_box)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)

    def value(self) -> date | None:
        if self.enabled_box is not None and not self.enabled_box.isChecked():
            return None
        return from_qdate(self.edit.date())

    def set_value(self, value: date | None) -> None:
        if self.enabled_box is not None:
            self.enabled_box.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))


class ErrorLabel(QLabel):
    """Red text under a form; empty and hidden when there is nothing wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("errorLabel")
        self.setStyleSheet("color: #b00020;")
        self.setAccessibleName(self.tr("Error"))
        self.hide()

    def show_error(self, error: Exception) -> None:
        text = error_text(error)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.setText("")
        self.hide()


class FormDialog(QDialog):
    """A dialog whose OK hands its `data()` to `submit`; an error keeps it open and shown.

    The dialog never touches the database: `submit` is the caller's (a service call).
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.submit: Callable[[Any], object] | None = None
        self.body = QVBoxLayout()
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def data(self) -> Any:  # pragma: no cover - each dialog defines it
        raise NotImplementedError

    def accept(self) -> None:
        try:
            value = self.data()
            if self.submit is not None:
                self.submit(value)
        except CaseTrackerError as exc:
            self.error.show_error(exc)
            return
        super().accept()


def passphrase_fields(parent: QWidget, first: str, second: str) -> tuple[QLineEdit, QLineEdit]:
    """A new passphrase and its repetition, never echoed."""
    fields = []
    for name in (first, second):
        field = QLineEdit(parent)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        fields.append(field)
    return fields[0], fields[1]


def error_box(parent: QWidget, message: str) -> QMessageBox:
    """The warning the program shows when something goes wrong (not yet shown)."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("app", "Case Tracker"), message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def report(parent: QWidget, error: CaseTrackerError) -> None:
    """Tell the person what went wrong, in the program's words."""
    error_box(parent, error_text(error)).exec()


def vbox(*widgets: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    return layout
