"""The band across every window of a demonstration database.

A demonstration database's passphrase is printed in the README, so anyone can open it: the band
stays on every screen that shows it, so that no one types a real survivor into it. It is its own
small module because the lock screen shows it too and must start without `widgets.py` (which
builds PySide6's `Qt` namespace, see gui/lock_screen.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QMainWindow, QSizePolicy, QVBoxLayout, QWidget

from casetracker.gui.theme import Chip, ToneLabel

if TYPE_CHECKING:
    from casetracker.services.session import Session

OBJECT_NAME = "demoBanner"


class DemoBanner(ToneLabel):
    """Dark text on a yellow band: this database holds made-up people only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr(
            "DEMONSTRATION DATA. Everyone in this database is made up and its passphrases are "
            "public. Never enter a real person here."), parent, chip=Chip.NOTICE,
            extra="font-weight: bold; padding: 6px 10px; qproperty-alignment: AlignCenter;")
        self.setObjectName(OBJECT_NAME)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Demonstration data"))
        # As tall as its text at the width it has, never stretched by the window.
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        # A wrapped label's own hint is for a narrow block of text, two or three lines tall,
        # and not every layout asks heightForWidth: give the height its present width needs.
        hint = super().sizeHint()
        if self.width() > hint.width():
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


def add_demo_banner(window: QWidget, session: Session) -> DemoBanner | None:
    """Put the band at the top of `window` when `session`'s database is a demonstration.

    A main window's central widget is wrapped under the band; any other window gets the band
    as the first item of its top-level box layout.
    """
    from casetracker.services import demo_mark

    if not demo_mark.is_demo(session):
        return None
    banner = DemoBanner(window)
    if isinstance(window, QMainWindow):
        central = window.takeCentralWidget()
        holder = QWidget(window)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(banner)
        if central is not None:
            column.addWidget(central, 1)
        window.setCentralWidget(holder)
        return banner
    layout = window.layout()
    if not isinstance(layout, QBoxLayout):  # a window built another way needs its own place
        raise TypeError(f"{type(window).__name__} has no box layout for the demo band")
    layout.insertWidget(0, banner)
    return banner
