"""Staff accounts, for supervisors: list, add, reset a passphrase, change a role, remove.

Every change goes through `services.accounts`, like `casetracker user …`, and is audited
there. Removing an account rekeys the database on a worker thread (`gui.jobs`), by a copy
under the new key swapped in when complete (`services.rekey_copy`), so Cancel undoes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.accounts import Account, Role, StaffName, validate_username
from casetracker.domain.errors import CaseTrackerError, UsageError
from casetracker.gui import jobs
from casetracker.gui.labels import label
from casetracker.gui.main_window import ROLE_LABELS
from casetracker.gui.widgets import FormDialog, error_box, passphrase_fields
from casetracker.services import accounts, staff_names
from casetracker.services.session import Session

_Index = QModelIndex | QPersistentModelIndex


class AccountsModel(QAbstractTableModel):
    """Active accounts: name, the name and title that sign their letters, role, last unlock,
    status."""

    COL_NAME, COL_SIGNS, COL_ROLE, COL_LAST, COL_STATUS = range(5)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.accounts: list[Account] = []
        self.last: dict[str, str] = {}
        self.names: dict[str, StaffName] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.accounts = accounts.list_accounts(self.session)
        self.last = accounts.last_unlocks(self.session)
        self.names = staff_names.staff_names(self.session)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.accounts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Account"), self.tr("Signs letters as"), self.tr("Role"),
                self.tr("Last unlock"), self.tr("Status"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        account = self.accounts[index.row()]
        column = index.column()
        if column == self.COL_NAME:
            return account.name
        if column == self.COL_SIGNS:
            named = self.names.get(account.name)
            parts = [p for p in (named.display_name, named.job_title) if p] if named else []
            return ", ".join(parts) or "—"
        if column == self.COL_ROLE:
            return label(ROLE_LABELS[account.role])
        if column == self.COL_LAST:
            at = self.last.get(account.name)
            return at[:16].replace("T", " ") if at else self.tr("never")
        if account.must_change_passphrase:
            return self.tr("must choose a new passphrase")
        return self.tr("active")


@dataclass(frozen=True)
class NewAccount:
    name: str
    role: Role
    passphrase: str | None  # None: a one-time passphrase is made for the supervisor to hand on


def role_combo(parent: QWidget, current: Role | None = None) -> QComboBox:
    combo = QComboBox(parent)
    for role in Role:
        combo.addItem(label(ROLE_LABELS[role]), role.value)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current.value))
    return combo


class AddAccountDialog(FormDialog):
    """A new account: its name and role, and either the passphrase its owner types now or a
    one-time passphrase they must change at their first unlock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a staff account"), parent)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Account name"))
        self.role = role_combo(self, Role.CASE_MANAGER)
        self.role.setAccessibleName(self.tr("Role"))
        self.typed = QRadioButton(self.tr("The new person types their own passphrase here, now"),
                                  self)
        self.one_time = QRadioButton(self.tr(
            "Give me a one-time passphrase to hand on; it must be changed at the first unlock"),
            self)
        self.typed.setChecked(True)
        self.passphrase, self.repeat = passphrase_fields(
            self, self.tr("Passphrase"), self.tr("Repeat the passphrase"))
        self.one_time.toggled.connect(lambda on: (self.passphrase.setEnabled(not on),
                                                  self.repeat.setEnabled(not on)))
        form = QFormLayout()
        form.addRow(self.tr("Account name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        intro = QLabel(self.tr(
            "Passphrases are at least 15 characters: a few unrelated words are easy to type and "
            "hard to guess. Nobody else should watch the screen while they type."), self)
        intro.setWordWrap(True)
        self.body.addLayout(form)
        self.body.addWidget(self.typed)
        self.body.addWidget(self.one_time)
        passphrases = QFormLayout()
        passphrases.addRow(self.tr("Passphrase"), self.passphrase)
        passphrases.addRow(self.tr("Repeat it"), self.repeat)
        self.body.addLayout(passphrases)
        self.body.addWidget(intro)

    def data(self) -> NewAccount:
        name = validate_username(self.name.text().strip())
        role = Role(self.role.currentData())
        if self.one_time.isChecked():
            return NewAccount(name, role, None)
        if self.passphrase.text() != self.repeat.text():
            raise UsageError(self.tr("The two passphrases differ."))
        return NewAccount(name, role, self.passphrase.text())


class RoleDialog(FormDialog):
    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change the role of {0}").format(account.name), parent)
        self.role = role_combo(self, account.role)
        self.role.setAccessibleName(self.tr("Role"))
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        self.body.addLayout(form)

    def data(self) -> Role:
        return Role(self.role.currentData())


class StaffNameDialog(FormDialog):
    """The name and job title that sign an account's letters (blank: the account name and the
    role's words)."""

    def __init__(self, name: StaffName, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("How {0} signs letters").format(name.account), parent)
        self.display_name = QLineEdit(name.display_name, self)
        self.display_name.setAccessibleName(self.tr("Name on letters"))
        self.job_title = QLineEdit(name.job_title, self)
        self.job_title.setAccessibleName(self.tr("Job title"))
        form = QFormLayout()
        form.addRow(self.tr("Name on letters"), self.display_name)
        form.addRow(self.tr("Job title"), self.job_title)
        self.body.addLayout(form)

    def data(self) -> tuple[str, str]:
        return self.display_name.text(), self.job_title.text()


class OneTimePassphraseDialog(QDialog):
    """Shows a one-time passphrase once, to hand to its owner (not on a note on the laptop)."""

    def __init__(self, name: str, passphrase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("One-time passphrase"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        explain = QLabel(self.tr(
            "Give this passphrase to {0} in person. It works once: at their first unlock Case "
            "Tracker asks them to choose their own. It is shown only now.").format(name), self)
        explain.setWordWrap(True)
        self.passphrase = QLabel(passphrase, self)
        self.passphrase.setAccessibleDescription(self.tr("One-time passphrase"))
        font = self.passphrase.font()
        font.setFamily("monospace")
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.passphrase.setFont(font)
        self.passphrase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (explain, self.passphrase, buttons):
            layout.addWidget(widget)


class AccountsWindow(QDialog):
    """Tools → Staff accounts…"""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Staff accounts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog: QWidget | None = None
        self.job: jobs.Job | None = None
        self.model = AccountsModel(session, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Staff accounts"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(AccountsModel.COL_NAME, 140)
        self.table.setColumnWidth(AccountsModel.COL_SIGNS, 220)
        self.table.setColumnWidth(AccountsModel.COL_ROLE, 140)
        self.table.setColumnWidth(AccountsModel.COL_LAST, 140)
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.reset_button = QPushButton(self.tr("&Reset passphrase…"), self)
        self.role_button = QPushButton(self.tr("Change r&ole…"), self)
        self.name_button = QPushButton(self.tr("&Name on letters…"), self)
        self.name_button.clicked.connect(self.open_name)
        self.remove_button = QPushButton(self.tr("Re&move…"), self)
        self.own_button = QPushButton(self.tr("Change &my passphrase…"), self)
        self.own_button.clicked.connect(self.open_own_passphrase)
        self.add_button.clicked.connect(self.open_add)
        self.reset_button.clicked.connect(self.reset_selected)
        self.role_button.clicked.connect(self.open_role)
        self.remove_button.clicked.connect(self.remove_selected)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.role_button,
                       self.name_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.own_button)
        explain = QLabel(self.tr(
            "Every account opens the same encrypted database; the audit log records what each "
            "one does. Removing an account re-encrypts the database so that its old key opens "
            "nothing written afterwards."), self)
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(close)
        self.resize(860, 480)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.accounts[rows[0].row()] if rows else None

    def select(self, name: str) -> None:
        for row, account in enumerate(self.model.accounts):
            if account.name == name:
                self.table.selectRow(row)

    def _selection_changed(self, *_args: object) -> None:
        account = self.selected()
        other = account is not None and account.name != self.session.account.name
        for button in (self.reset_button, self.role_button, self.remove_button):
            button.setEnabled(other and self.job is None)
        if account is not None and not other:
            supervisors = [a for a in self.model.accounts if a.role is Role.SUPERVISOR]
            if len(supervisors) <= 1:
                self.notice.setText(self.tr(
                    "You are the program's only supervisor: your account cannot be removed or "
                    "given another role. Add a second supervisor first, so that the program is "
                    "never left without one."))
            else:
                self.notice.setText(self.tr(
                    "This is your own account: another supervisor changes its role or removes "
                    "it. Change your own passphrase with Change my passphrase."))
        else:
            self.notice.clear()

    def _reloaded(self, select: str | None = None) -> None:
        self.model.reload()
        if select:
            self.select(select)
        self._selection_changed()

    # -- add --------------------------------------------------------------------------------

    def open_add(self) -> None:
        dialog = AddAccountDialog(self)
        dialog.submit = self._add
        self.active_dialog = dialog
        dialog.open()

    def _add(self, data: NewAccount) -> None:
        passphrase = data.passphrase or accounts.one_time_passphrase()
        accounts.add_account(self.session, data.name, data.role, passphrase,
                             one_time=data.passphrase is None)
        self._reloaded(data.name)
        if data.passphrase is None:
            self.show_one_time(data.name, passphrase)

    def show_one_time(self, name: str, passphrase: str) -> None:
        dialog = OneTimePassphraseDialog(name, passphrase, self)
        self.active_dialog = dialog
        dialog.open()

    def open_own_passphrase(self) -> None:
        from casetracker.gui.dialogs.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(self.tr(
            "Choose a new passphrase for your own account ({0}). The old one stops working."
        ).format(self.session.account.name), self)
        dialog.submit = lambda new: accounts.change_own_passphrase(self.session, new)
        self.active_dialog = dialog
        dialog.open()

    # -- reset, role --------------------------------------------------------------------------

    def reset_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        answer = QMessageBox.question(self, self.tr("Reset passphrase"), self.tr(
            "Give {0} a one-time passphrase? Their current passphrase stops working at once, "
            "and they choose a new one at their next unlock.").format(account.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.reset(account.name)

    def reset(self, name: str) -> None:
        passphrase = accounts.one_time_passphrase()
        try:
            accounts.reset_passphrase(self.session, name, passphrase)
        except CaseTrackerError as exc:
            self._report(exc)
            return
        self._reloaded(name)
        self.show_one_time(name, passphrase)

    def open_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = RoleDialog(account, self)
        dialog.submit = lambda role: self._change_role(account.name, role)
        self.active_dialog = dialog
        dialog.open()

    def open_name(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = StaffNameDialog(self.model.names.get(account.name, StaffName(account.name)),
                                 self)
        dialog.submit = lambda data: self._set_name(account.name, *data)
        self.active_dialog = dialog
        dialog.open()

    def _set_name(self, name: str, display_name: str, job_title: str) -> None:
        staff_names.set_staff_name(self.session, name, display_name, job_title)
        self._reloaded(name)

    def _change_role(self, name: str, role: Role) -> None:
        accounts.change_role(self.session, name, role)
        self._reloaded(name)

    # -- remove ---------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove account"), self.tr(
            "Remove {0}? They can no longer unlock, and the database is re-encrypted so that "
            "their old key opens nothing. This takes a while on a large database; until it is "
            "done, Cancel leaves the account and the database as they were.").format(
                account.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(account.name)

    def remove(self, name: str) -> jobs.Job:
        """Remove `name` and rekey on a worker thread, on a connection of its own."""
        session = self.session
        session.require("removing an account", Role.SUPERVISOR)

        open_copy = session.copy_opener()

        def work(job: jobs.Job) -> list[str]:
            copy = open_copy()
            # Cancel is heard between steps of the copy (`keep_going`), never after the swap.
            try:
                return accounts.remove_account(copy, name, job.keep_going).lines()
            finally:
                # Whatever happened, the GUI's session reopens under the key the database
                # now has (a failure after the rekey leaves the new one).
                job.keys = (copy.data_key, copy.slot_secrets)  # type: ignore[attr-defined]
                copy.close()

        for button in (self.add_button, self.reset_button, self.role_button,
                       self.name_button, self.remove_button):
            button.setEnabled(False)
        self.job = jobs.start(self, self.tr("Removing {0} and re-encrypting the database…")
                              .format(name), work, lambda job: self._removed(job, name))
        return self.job

    def _removed(self, job: jobs.Job, name: str) -> None:
        self.job = None
        keys = getattr(job, "keys", None)
        if keys is not None and keys[0] and keys[0] != self.session.data_key:
            self.session.reconnect(*keys)
        if self.session.closed or not shiboken6.isValid(self) or not self.isVisible():
            return  # locked meanwhile: the window is gone with the session
        self.add_button.setEnabled(True)
        self._reloaded()  # first: a new selection clears the notice
        if job.cancelled:
            self.notice.setText(self.tr("Stopped: {0} was not removed, and the database is as "
                                        "it was.").format(name))
        elif job.error is not None:
            self._report(job.error)
        else:
            lines = job.result
            self.notice.setText(self.tr("Removed. Backups made before still hold data their "
                                        "old key opens:") + "\n" + "\n".join(lines)
                                if lines else self.tr("Removed."))

    def _report(self, error: BaseException) -> None:
        box = error_box(self, jobs.failure_text(error))
        self.active_dialog = box
        box.open()
