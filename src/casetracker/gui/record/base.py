"""What every record tab shares: the session, the case, whether it may be changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.survivors import Survivor
from casetracker.gui.widgets import report
from casetracker.services.session import Session


class RecordTab(QWidget):
    """A tab of the record; `refresh()` reloads it from the services."""

    def __init__(self, session: Session, survivor: Survivor, *, editable: bool,
                 undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.survivor = survivor
        self.editable = editable
        self.undo_stack = undo
        self.active_dialog: QWidget | None = None

    @property
    def case_number(self) -> str:
        return self.survivor.case_number

    def refresh(self) -> None:  # pragma: no cover - each tab defines it
        raise NotImplementedError

    def attempt(self, action: Callable[[], Any]) -> Any:
        """Run a service call; tell the person if it fails, and reload the tab either way."""
        try:
            return action()
        except CaseTrackerError as exc:
            report(self, exc)
            return None
        finally:
            self.refresh()

    def do(self, text: str, redo: Callable[[], Any], undo: Callable[[], Any]) -> None:
        """A change that Edit ▸ Undo can take back."""
        self.undo_stack.push(ServiceCommand(self, text, redo, undo))


class ServiceCommand(QUndoCommand):
    """An undoable change made through the services (which audit both directions)."""

    def __init__(self, tab: RecordTab, text: str, redo: Callable[[], Any],
                 undo: Callable[[], Any]) -> None:
        super().__init__(text)
        self._tab, self._redo, self._undo = tab, redo, undo

    def redo(self) -> None:
        self._tab.attempt(self._redo)

    def undo(self) -> None:
        self._tab.attempt(self._undo)
