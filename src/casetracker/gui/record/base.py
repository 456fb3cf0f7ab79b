"""What every record tab shares: the session, the case, whether it may be changed."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from casetracker.domain import clock
from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.survivors import Survivor
from casetracker.gui.widgets import follow_layout, label_combo_boxes, report
from casetracker.services.session import Session

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordTab(QWidget):
    """A tab of the record; `refresh()` reloads it from the services.

    `changed` is emitted after each change the tab makes to the record, so that what shows
    the record elsewhere (its caseload row) is brought up to date at once.
    """

    changed = Signal()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # A tab reads its part of the record (an audited view) when it is first opened, not
        # when the record is built: a record then logs the parts that were looked at, and what
        # a tab shows has always been read, and audited, by its own `refresh`.
        super().__init_subclass__(**kwargs)
        load = cls.__dict__.get("refresh")
        if load is None:
            return

        @functools.wraps(load)
        def refresh(self: RecordTab) -> None:
            if self.opened:
                load(self)
            else:
                self._load_waiting = True

        cls.refresh = refresh  # type: ignore[method-assign]

    def __init__(self, session: Session, survivor: Survivor, *, editable: bool,
                 undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.survivor = survivor
        self.editable = editable
        self.undo_stack = undo
        self.active_dialog: QWidget | None = None
        self._rebuild_later = False
        self.opened = False  # True once the tab was shown (or acted on): it then loads
        self._load_waiting = False

    def open_tab(self) -> None:
        """The tab is shown: read its part of the record the first time."""
        if not self.opened:
            self.opened = True
            if self._load_waiting:
                self._load_waiting = False
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        # Lists are made before the form above them: Tab follows what is seen instead.
        follow_layout(self)
        label_combo_boxes(self)
        super().showEvent(event)

    @property
    def case_number(self) -> str:
        return self.survivor.case_number

    def refresh(self) -> None:  # pragma: no cover - each tab defines it
        raise NotImplementedError

    def attempt(self, action: Callable[[], Any]) -> Any:
        """Run a service call; tell the person if it fails, and reload the tab either way."""
        self.open_tab()
        try:
            result = action()
        except CaseTrackerError as exc:
            report(self, exc)
            return None
        finally:
            self._reload()
        self.changed.emit()
        return result

    def _reload(self) -> None:
        if self._rebuild_later:
            QTimer.singleShot(0, self, self.refresh)
        else:
            self.refresh()

    def do_ticked(self, text: str, redo: Callable[[], Any], undo: Callable[[], Any]) -> None:
        """An undoable change made by ticking a box in a list or tree. The list is rebuilt
        once the tick is over: rebuilding it now would delete the item Qt is still changing
        (a crash, sooner or later)."""
        self._rebuild_later = True
        try:
            self.do(text, redo, undo)
        finally:
            self._rebuild_later = False

    def _saved(self, result: Any = None) -> Any:
        """After a dialog's change went through the services: show it, and say so."""
        self.open_tab()
        self.refresh()
        self.changed.emit()
        return result

    def do(self, text: str, redo: Callable[[], Any], undo: Callable[[], Any], *,
           done: bool = False) -> None:
        """A change that Edit ▸ Undo can take back; `done` when it has just been made (a
        dialog makes it first, so that a refusal keeps the dialog open with its reason)."""
        self.undo_stack.push(ServiceCommand(self, text, redo, undo, done=done))

    def add_checkable(self, listing: QListWidget, text: str, payload: object,
                      checked: bool) -> QListWidgetItem:
        """A list line with a tick box (greyed out when the record is read-only)."""
        item = QListWidgetItem(text)
        item.setData(ITEM_ROLE, payload)
        flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
        if not self.editable:
            flags &= ~Qt.ItemFlag.ItemIsEnabled
        item.setFlags(flags)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        listing.addItem(item)
        return item

    def toggle_dated(self, item: QListWidgetItem, was_on: bool, was_on_date: date | None,
                     change: Callable[[date | None], Any], on_text: str,
                     off_text: str) -> None:
        """A tick box that records today's date (ticked) or none (unticked), undoably."""
        now_on = item.checkState() == Qt.CheckState.Checked
        if now_on == was_on:
            return
        after = clock.today() if now_on else None
        self.do_ticked(on_text if now_on else off_text, lambda: change(after),
                       lambda: change(was_on_date))


class ServiceCommand(QUndoCommand):
    """An undoable change made through the services (which audit both directions)."""

    def __init__(self, tab: RecordTab, text: str, redo: Callable[[], Any],
                 undo: Callable[[], Any], *, done: bool = False) -> None:
        super().__init__(text)
        self._tab, self._redo, self._undo = tab, redo, undo
        self._skip_first = done

    def redo(self) -> None:
        if self._skip_first:  # QUndoStack.push redoes at once: the change is already made
            self._skip_first = False
            self._tab._saved()
            return
        self._tab.attempt(self._redo)

    def undo(self) -> None:
        self._tab.attempt(self._undo)
