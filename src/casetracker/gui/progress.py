"""A progress dialog driven by a service's progress callback, in the GUI thread.

The database connection belongs to the GUI thread, so long imports and exports run there and
call back now and then; the callback updates the dialog, lets Qt paint and answers whether to
go on (False once the person pressed Cancel).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

STEPS = 1000


class ServiceProgress(QProgressDialog):
    """`progress(done, fraction)` for the services; shown only when the work takes a while."""

    progressed = Signal(int)

    def __init__(self, label: str, parent: QWidget | None = None, *,
                 cancellable: bool = True, keep_going: Callable[[], bool] | None = None) -> None:
        super().__init__(label, "", 0, STEPS, parent)
        self.setWindowTitle(self.tr("Case Tracker"))
        self.setAccessibleName(self.tr("Progress"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(400)
        self.setMinimumWidth(360)
        self.setAutoClose(False)
        self.setAutoReset(False)
        if cancellable:
            self.setCancelButtonText(self.tr("Cancel"))
        else:
            self.setCancelButton(None)
        self._label = label
        self._keep_going = keep_going
        self.setValue(0)

    def __call__(self, done: int, fraction: float | None) -> bool:
        if fraction is None:
            self.setRange(0, 0)  # a busy bar: how much is left is unknown
        else:
            if self.maximum() == 0:
                self.setRange(0, STEPS)
            self.setValue(min(STEPS, round(fraction * STEPS)))
        self.setLabelText(self.tr("{0}\n{1} rows so far").format(self._label, done))
        self.progressed.emit(done)
        QCoreApplication.processEvents()
        # The app may have locked meanwhile (idle time, quick exit): stop then, too.
        return not self.wasCanceled() and (self._keep_going is None or self._keep_going())
