"""The lock screen: choose an account, type the passphrase. It shows no survivor data."""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.theme import Chip, ErrorLabel, ToneLabel


class LockScreen(QWidget):
    """Emits `unlock_requested(name, passphrase)` and `recovery_requested()`."""

    unlock_requested = Signal(str, str)
    recovery_requested = Signal()

    def __init__(self, accounts: list[str], *, notice: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case Tracker"))
        self.setObjectName("lockScreen")
        title = QLabel(self.tr("Case Tracker"), self)
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("Locked. Choose your account and enter your passphrase."),
                          self)
        subtitle.setWordWrap(True)
        # Centred by a style sheet property rather than `Qt.AlignmentFlag`: the first use of
        # PySide6's `Qt` namespace builds its 94 enum types, 15 ms, a tenth of the start-up a
        # bare window takes (benchmarks/README.md). Nothing before this screen shows uses it.
        for label in (title, subtitle):
            label.setStyleSheet("qproperty-alignment: AlignCenter;")

        self.account = QComboBox(self)
        self.account.addItems(accounts)
        self.account.setAccessibleName(self.tr("Account"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._submit)
        # Text set after construction: resolving QPushButton(text, parent) makes PySide6 build
        # QIcon (one constructor takes an icon), 2 ms this screen does not need.
        self.unlock_button = QPushButton(self)
        self.unlock_button.setText(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.recovery_button = QPushButton(self)
        self.recovery_button.setText(self.tr("Forgot the passphrase? Use the recovery key"))
        self.recovery_button.setFlat(True)
        self.recovery_button.clicked.connect(self.recovery_requested)
        self.error = ErrorLabel(self)

        form = QFormLayout()
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        panel = QFrame(self)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(460)
        inner = QVBoxLayout(panel)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.unlock_button)
        inner.addWidget(self.recovery_button)
        self.notice = ToneLabel(notice, self, chip=Chip.NOTICE, extra="padding: 8px;")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))
        inner.addWidget(self.notice)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        # Centred between stretches, not by alignment: an aligned widget gets its size hint's
        # height, which is too short once the wrapped notice and errors need more lines.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setTabOrder(self.account, self.passphrase)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.recovery_button)
        self.passphrase.setFocus()

        self._wait_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    def _submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        self.error.clear_error()
        self.unlock_requested.emit(self.account.currentText(), self.passphrase.text())

    def show_error(self, message: str) -> None:
        self.passphrase.clear()
        self.error.setText(message)
        self.error.show()
        self.passphrase.setFocus()

    def wait(self, seconds: float) -> None:
        """Disable unlocking for `seconds`, counting down on the button."""
        self._wait_left = math.ceil(seconds)
        self.unlock_button.setEnabled(False)
        self._tick(count=False)
        self._countdown.start()

    def _tick(self, count: bool = True) -> None:
        if count:
            self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self.unlock_button.setEnabled(True)
            self.unlock_button.setText(self.tr("Unlock"))
            return
        self.unlock_button.setText(self.tr("Wait %n second(s)", "", self._wait_left))

    def clear(self) -> None:
        self.passphrase.clear()
        self.error.clear_error()
