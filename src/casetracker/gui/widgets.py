"""Small widgets and helpers the screens share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.messages import error_text
from casetracker.gui.theme import ErrorLabel


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
        self.edit.setDate(to_qdate(value or clock.today()))
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


# Controls Tab enters as one stop; their insides are Qt's business.
_ATOMIC = (QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar, QTextEdit, QPlainTextEdit)


def layout_order(container: QWidget) -> list[QWidget]:
    """The container's Tab-focusable controls in the order its layouts show them."""
    found: list[QWidget] = []

    def visit_widget(widget: QWidget) -> None:
        if isinstance(widget, QTabWidget):
            found.append(widget.tabBar())
            for index in range(widget.count()):
                visit_widget(widget.widget(index))
            return
        if isinstance(widget, QScrollArea) and widget.widget() is not None:
            visit_widget(widget.widget())
            return
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and (
                widget.layout() is None or isinstance(widget, _ATOMIC)):
            found.append(widget)
        elif widget.layout() is not None:
            visit_layout(widget.layout())

    def visit_layout(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item.widget() is not None:
                visit_widget(item.widget())
            elif item.layout() is not None:
                visit_layout(item.layout())

    if container.layout() is not None:
        visit_layout(container.layout())
    return found


def label_combo_boxes(root: QWidget) -> None:
    """Give each named combo box under `root` a buddy label that carries its name.

    On Linux Qt announces a combo box by its current item and takes its name from the
    label it is the buddy of, ignoring `setAccessibleName`; where the screen shows no
    label of its own, a hidden one tells the screen reader what the box is for.
    """
    for combo in root.findChildren(QComboBox):
        name, parent = combo.accessibleName(), combo.parentWidget()
        if not name or parent is None or any(
                label.buddy() is combo for label in parent.findChildren(
                    QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly)):
            continue
        label = QLabel(name, parent)
        label.setBuddy(combo)
        label.hide()


def follow_layout(container: QWidget) -> list[QWidget]:
    """Make Tab visit the container's controls in visual order, whatever order made them."""
    controls = layout_order(container)
    for first, second in pairwise(controls):
        QWidget.setTabOrder(first, second)
    return controls


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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        # Subclasses add their fields after the buttons exist: put Tab back in visual order,
        # and start typing in the first field rather than on OK.
        controls = follow_layout(self)
        label_combo_boxes(self)
        focused = self.focusWidget()
        if focused is None or self.buttons.isAncestorOf(focused):
            for control in controls:
                if (control.isVisibleTo(self) and control.isEnabled()
                        and not isinstance(control, QTabBar)):
                    control.setFocus()
                    break
        super().showEvent(event)

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
