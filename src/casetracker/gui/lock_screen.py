"""The lock screen: choose an account, type the passphrase. It shows no survivor data.

It is also where a person without a terminal sets up their program's database or opens
another one, and where this computer can be told not to list the account names.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
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

from casetracker.gui.demo_banner import DemoBanner
from casetracker.gui.theme import Chip, ErrorLabel, Tone, ToneLabel

# Kept in QSettings, outside the database: the lock screen needs them before anything is
# unlocked, and none holds case data (a yes/no and the paths of database files).
HIDE_NAMES_KEY = "lock/hide_account_names"
DATABASE_KEY = "lock/database"
DEMO_PATHS_KEY = "lock/demonstration_databases"


def names_hidden() -> bool:
    """Whether this computer's lock screen asks people to type their account name."""
    return QSettings().value(HIDE_NAMES_KEY, False, type=bool) is True


def set_names_hidden(hidden: bool) -> None:
    QSettings().setValue(HIDE_NAMES_KEY, hidden)


def remembered_database() -> Path | None:
    """The last database unlocked here that is not a demonstration, if any."""
    value = QSettings().value(DATABASE_KEY)
    return Path(value) if isinstance(value, str) and value else None


def remember_database(path: Path) -> None:
    QSettings().setValue(DATABASE_KEY, str(path.resolve()))


def known_demo(path: Path) -> bool:
    """Whether `path` was unlocked here and found to be a demonstration database (its mark
    is inside the encrypted file, out of the lock screen's reach)."""
    return str(path.resolve()) in _demo_paths()


def note_demo(path: Path) -> None:
    paths = [p for p in _demo_paths() if p != str(path.resolve())]
    QSettings().setValue(DEMO_PATHS_KEY, [str(path.resolve()), *paths][:20])


def _demo_paths() -> list[str]:
    value = QSettings().value(DEMO_PATHS_KEY, [])
    if isinstance(value, str):  # QSettings hands back a list of one as a plain string
        value = [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


class LockScreen(QWidget):
    """Emits `unlock_requested(name, passphrase)`, `recovery_requested()`,
    `setup_requested()`, `join_requested()` and `open_requested(path)`."""

    unlock_requested = Signal(str, str)
    recovery_requested = Signal()
    setup_requested = Signal()
    join_requested = Signal()
    open_requested = Signal(str)

    def __init__(self, accounts: list[str], *, notice: str = "", demo: bool = False,
                 location: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts = list(accounts)
        self.location = location
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
        self.account.setAccessibleName(self.tr("Account"))
        # With the names hidden, people type their account name here instead.
        self.account_name = QLineEdit(self)
        self.account_name.setAccessibleName(self.tr("Account"))
        self.account_name.setPlaceholderText(self.tr("Type your account name"))
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
        self.account_name.returnPressed.connect(self.passphrase.setFocus)

        self.database_label = ToneLabel(
            self.tr("Database: {0}").format(Path(location).name) if location else "", self,
            tone=Tone.MUTED)
        self.database_label.setToolTip(location)
        self.database_label.setVisible(bool(location))
        self.setup_button = QPushButton(self)
        self.setup_button.setText(self.tr("Set up your program's database…"))
        self.setup_button.clicked.connect(self.setup_requested)
        self.join_button = QPushButton(self)
        self.join_button.setText(self.tr("Join a program…"))
        self.join_button.setToolTip(self.tr("Make this laptop's database from an enrollment "
                                            "file and its one-time code"))
        self.join_button.clicked.connect(self.join_requested)
        self.open_button = QPushButton(self)
        self.open_button.setText(self.tr("Open another database…"))
        self.open_button.clicked.connect(self.choose_other_database)
        self.hide_names = QCheckBox(self)
        self.hide_names.setText(self.tr("Don't list account names on this computer"))
        self.hide_names.setToolTip(self.tr("Each person types their account name instead."))
        self.hide_names.setChecked(names_hidden())

        self.form = QFormLayout()
        self.form.addRow(self.tr("Account"), self.account)
        self.form.addRow(self.tr("Account"), self.account_name)
        self.form.addRow(self.tr("Passphrase"), self.passphrase)
        panel = QFrame(self)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(460)
        inner = QVBoxLayout(panel)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(12)
        inner.addLayout(self.form)
        inner.addWidget(self.error)
        inner.addWidget(self.unlock_button)
        inner.addWidget(self.recovery_button)
        self.notice = ToneLabel(notice, self, chip=Chip.NOTICE, extra="padding: 8px;")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))
        inner.addWidget(self.notice)
        line = QFrame(panel)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        inner.addWidget(line)
        inner.addWidget(self.database_label)
        inner.addWidget(self.setup_button)
        inner.addWidget(self.join_button)
        inner.addWidget(self.open_button)
        inner.addWidget(self.hide_names)

        outer = QVBoxLayout(self)
        self.demo_banner: DemoBanner | None = None
        if demo:
            self.demo_banner = DemoBanner(self)
            outer.addWidget(self.demo_banner)
        outer.addStretch(1)
        # Centred between stretches, not by alignment: an aligned widget gets its size hint's
        # height, which is too short once the wrapped notice and errors need more lines.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        for first, second in ((self.account, self.account_name),
                              (self.account_name, self.passphrase),
                              (self.passphrase, self.unlock_button),
                              (self.unlock_button, self.recovery_button),
                              (self.recovery_button, self.setup_button),
                              (self.setup_button, self.join_button),
                              (self.join_button, self.open_button),
                              (self.open_button, self.hide_names)):
            self.setTabOrder(first, second)
        self._show_names(not self.hide_names.isChecked())
        self.hide_names.toggled.connect(self._names_setting_changed)

        self._wait_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    def _show_names(self, listed: bool) -> None:
        # Hidden names are not even loaded into the list, so nothing on screen reveals them.
        self.account.clear()
        if listed:
            self.account.addItems(self._accounts)
        self.form.setRowVisible(self.account, listed)
        self.form.setRowVisible(self.account_name, not listed)
        (self.passphrase if listed else self.account_name).setFocus()

    def _names_setting_changed(self, hidden: bool) -> None:
        set_names_hidden(hidden)
        self._show_names(not hidden)

    def account_text(self) -> str:
        """The account chosen from the list, or typed when the names are hidden."""
        if self.hide_names.isChecked():
            return self.account_name.text().strip()
        return self.account.currentText()

    def _submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        self.error.clear_error()
        if not self.account_text():
            self.error.setText(self.tr("Type your account name."))
            self.error.show()
            self.account_name.setFocus()
            return
        self.unlock_requested.emit(self.account_text(), self.passphrase.text())

    def choose_other_database(self) -> None:
        """Ask for an existing database file; `open_requested` carries the choice."""
        from PySide6.QtWidgets import QFileDialog  # only when asked: start-up stays lean

        start = str(Path(self.location).parent) if self.location else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a Case Tracker database"), start,
            self.tr("Case Tracker databases (*.db);;All files (*)"))
        if path:
            # The key file sits beside the database and is easily picked by mistake.
            self.open_requested.emit(path.removesuffix(".keys"))

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
