"""Small widgets and helpers the screens share."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.errors import CaseTrackerError

# The date field's home is date_field.py; the screens have always found it here.
from casetracker.gui.date_field import DateField as DateField
from casetracker.gui.date_field import from_qdate as from_qdate
from casetracker.gui.date_field import show_day as show_day
from casetracker.gui.date_field import to_qdate as to_qdate
from casetracker.gui.messages import error_text
from casetracker.gui.theme import ErrorLabel

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


def grow_to_fit(window: QWidget) -> None:
    """Make `window` as tall as its rows need at its width. Wrapped labels ask for their
    height only once the width is known, so a dialog sized before that cuts its notes off or
    lets fixed-height fields overlap (Spanish runs longer). Never taller than the screen."""
    layout = window.layout()
    needed = layout.totalHeightForWidth(window.width()) if layout is not None else -1
    screen = window.screen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().height())
    if needed > window.height():
        window.resize(window.width(), needed)


class FormDialog(QDialog):
    """A dialog whose OK hands its `data()` to `submit`; an error keeps it open and shown.

    The dialog never touches the database: `submit` is the caller's (a service call).
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.submit: Callable[[Any], object] | None = None
        self._watching = False
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
        self._watch_fields()
        super().showEvent(event)
        grow_to_fit(self)

    def _watch_fields(self) -> None:
        """Once shown, any change to a field re-reads the form (see `_edited`)."""
        if self._watching:
            return
        self._watching = True
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._edited)
        for text in self.findChildren(QPlainTextEdit):
            text.textChanged.connect(self._edited)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self._edited)
        for box in self.findChildren(QAbstractButton):
            if box.isCheckable():
                box.toggled.connect(self._edited)
        for spin in self.findChildren(QAbstractSpinBox):
            spin.editingFinished.connect(self._edited)
        for table in self.findChildren(QTableWidget):
            table.itemChanged.connect(self._edited)
            table.model().rowsRemoved.connect(self._edited)
        for field in self.findChildren(DateField):
            field.changed.connect(self._edited)

    def _edited(self) -> None:
        """A red message goes once what it complains of is changed: what the form itself can
        read is read again (and still shown if still wrong); what only saving can check is
        checked again at OK."""
        if self.error.isHidden():
            return
        try:
            self.data()
        except CaseTrackerError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()

    def accept(self) -> None:
        try:
            value = self.data()
            if self.submit is not None:
                self.submit(value)
        except CaseTrackerError as exc:
            self.error.show_error(exc)
            return
        super().accept()


class TypeToConfirmDialog(FormDialog):
    """Confirms an action that cannot be undone: the person types `expected` (a case number, a
    laptop's name, a count) before the OK button, named for the action, can be pressed, and
    Cancel is the default. Subclasses pass their own translated words; `data()` is what was
    typed, which the service checks again."""

    def __init__(self, parent: QWidget | None, *, title: str, warning: str, prompt: str,
                 typed_name: str, expected: str, action: str) -> None:
        super().__init__(title, parent)
        self.expected = expected
        text = QLabel(warning, self)
        text.setWordWrap(True)
        label = QLabel(prompt, self)
        self.typed = QLineEdit(self)
        self.typed.setAccessibleName(typed_name)
        label.setBuddy(self.typed)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action)
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.typed.textChanged.connect(
            lambda typed: self.ok_button.setEnabled(self.matches(typed)))
        self.body.addWidget(text)
        self.body.addSpacing(8)
        self.body.addWidget(label)
        self.body.addWidget(self.typed)
        self.body.addStretch(1)  # extra height goes below the field, not between its rows
        self.resize(480, 220)

    def matches(self, typed: str) -> bool:
        return typed.strip().casefold() == self.expected.casefold()

    def data(self) -> str:
        return self.typed.text().strip()


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


def save_file_name(parent: QWidget, title: str, suggested: str,
                   kinds: list[tuple[str, str]]) -> str:
    """Ask where to save a file; "" if the person cancels.

    `suggested` is the name offered (it must name no survivor: file names show in folders,
    recent-file lists and e-mail). `kinds` are (filter, extension) pairs such as
    ("PDF (*.pdf)", "pdf"); the extension of the kind chosen is added when the name typed
    has none of them, as "candidate-profile" becomes "candidate-profile.pdf".
    """
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    extension = kinds[0][1]
    path, chosen = QFileDialog.getSaveFileName(
        parent, title, f"{suggested}.{extension}", ";;".join(f for f, _ in kinds))
    if not path:
        return ""
    extension = next((e for f, e in kinds if f == chosen), extension)
    if Path(path).suffix.lower().lstrip(".") not in {e for _, e in kinds}:
        path = f"{path}.{extension}"
        # The dialog asked about replacing the name typed, not this one.
        if Path(path).exists() and QMessageBox.question(
                parent, title, QCoreApplication.translate(
                    "widgets", "{0} already exists. Replace it?").format(Path(path).name),
        ) != QMessageBox.StandardButton.Yes:
            return ""
    return path


def dated_name(stem: str) -> str:
    """A file name of what a file is and the day it was made ("candidate-profile-2026-03-05"),
    never whom it is about."""
    from casetracker.domain import clock

    return f"{stem}-{clock.today().isoformat()}"


def vbox(*widgets: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    return layout
