"""Case notes (newest first) with quick entry, and tasks and follow-ups."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from casetracker.domain import clock
from casetracker.domain.notes import ContactType, Task, note_problems
from casetracker.domain.validation import ValidationError
from casetracker.gui.labels import label, task_text
from casetracker.gui.record.base import ITEM_ROLE, RecordTab
from casetracker.gui.theme import ErrorLabel, Tone, text_colour
from casetracker.gui.widgets import DateField, show_day
from casetracker.services import notes

CONTACT_LABELS = {
    ContactType.IN_PERSON: QT_TRANSLATE_NOOP("labels", "In person"),
    ContactType.PHONE: QT_TRANSLATE_NOOP("labels", "Phone"),
    ContactType.TEXT: QT_TRANSLATE_NOOP("labels", "Text"),
    ContactType.EMAIL: QT_TRANSLATE_NOOP("labels", "Email"),
    ContactType.VIDEO: QT_TRANSLATE_NOOP("labels", "Video"),
    ContactType.COLLATERAL: QT_TRANSLATE_NOOP("labels", "With another agency"),
    ContactType.NO_CONTACT: QT_TRANSLATE_NOOP("labels", "Attempt, no contact"),
    ContactType.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
}


class NotesTab(RecordTab):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Case notes"))
        self.list.setWordWrap(True)
        self.contact = QComboBox(self)
        self.contact.setAccessibleName(self.tr("Contact"))
        for value, text in CONTACT_LABELS.items():
            self.contact.addItem(label(text), value)
        self.written_on = DateField(clock.today(), label=self.tr("Date"), parent=self)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Note"))
        self.text.setPlaceholderText(self.tr("What happened, what was agreed, what is next"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(100)
        self.add_button = QPushButton(self.tr("Add note"), self)
        self.add_button.clicked.connect(self.add_note)
        self.services_button = QPushButton(self.tr("Services given…"), self)
        self.services_button.clicked.connect(self.show_services)
        self.error = ErrorLabel(self)
        # A message about the note goes as soon as what it complained of is put right.
        self.text.textChanged.connect(self._recheck)
        self.written_on.changed.connect(self._recheck)
        entry = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.contact)
        row.addWidget(self.written_on)
        entry.addRow(self.tr("Contact and date"), row)
        entry.addRow(self.tr("Note"), self.text)
        layout = QVBoxLayout(self)
        if self.editable:
            layout.addLayout(entry)
            layout.addWidget(self.error)
            buttons = QHBoxLayout()
            buttons.addWidget(self.services_button)
            buttons.addStretch(1)
            buttons.addWidget(self.add_button)
            layout.addLayout(buttons)
        else:
            for widget in (self.contact, self.written_on, self.text, self.add_button,
                           self.error):
                widget.hide()
            layout.addWidget(self.services_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.list, 1)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for note in notes.notes(self.session, self.case_number):
            item = QListWidgetItem(f"{show_day(note.written_on)} · "
                                   f"{label(CONTACT_LABELS[note.contact_type])} · "
                                   f"{note.author or ''}\n{note.text}")
            self.list.addItem(item)

    def show_services(self) -> None:
        """The services given to the survivor, and a row to record one (funders count them)."""
        from casetracker.gui.dialogs.services_dialog import ServicesDialog

        dialog = ServicesDialog(self.session, self.case_number, editable=self.editable,
                                parent=self)
        self.active_dialog = dialog
        dialog.show()

    def _recheck(self) -> None:
        if self.error.isHidden():
            return
        today = clock.today()
        problems = note_problems(self.text.toPlainText(), self.written_on.value() or today,
                                 today)
        if problems:
            self.error.show_error(ValidationError(problems))
        else:
            self.error.clear_error()

    def add_note(self) -> None:
        from casetracker.domain.errors import CaseTrackerError

        try:
            notes.add_note(self.session, self.case_number, self.text.toPlainText(),
                           ContactType(self.contact.currentData()), self.written_on.value())
        except CaseTrackerError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.text.clear()
        self._saved()


class TasksTab(RecordTab):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Tasks and follow-ups"))
        self.list.itemChanged.connect(self._toggled)
        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("New task"))
        self.title.setPlaceholderText(self.tr("New task or follow-up"))
        self.title.returnPressed.connect(self.add_task)
        self.due = DateField(clock.today() + timedelta(days=7), label=self.tr("Due"), parent=self)
        self.for_survivor = QCheckBox(self.tr("A step for the survivor"), self)
        self.for_survivor.setToolTip(self.tr("Steps for the survivor are printed on their own "
                                             "plan; other tasks stay with staff."))
        self.add_button = QPushButton(self.tr("Add task"), self)
        self.add_button.clicked.connect(self.add_task)
        self.plan_button = QPushButton(self.tr("On the survivor's plan"), self)
        self.plan_button.setCheckable(True)
        self.plan_button.setEnabled(False)
        self.plan_button.setToolTip(self.tr("Print the chosen task on the survivor's plan as "
                                            "their step, or take it off"))
        self.plan_button.clicked.connect(self._plan_clicked)
        self.list.currentItemChanged.connect(self._selected)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.due)
        row.addWidget(self.for_survivor)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        if self.editable:
            layout.addLayout(row)
        else:
            for widget in (self.title, self.due, self.for_survivor, self.add_button,
                           self.plan_button):
                widget.hide()
        layout.addWidget(self.list, 1)
        if self.editable:
            layout.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignRight)
        self._loading = False
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        self.list.clear()
        for task in notes.tasks(self.session, self.case_number):
            overdue = task.overdue_on(clock.today())
            parts = [self.tr("{0} — due {1}").format(task_text(task), show_day(task.due_date))]
            if overdue:
                parts.append(self.tr("overdue"))
            parts.append(task.assignee or "")
            if task.for_survivor:
                parts.append(self.tr("on the survivor’s plan"))
            item = self.add_checkable(self.list, " · ".join(parts), task, task.done)
            if overdue:
                item.setForeground(text_colour(Tone.ERROR))
        self._loading = False

    def _toggled(self, item: QListWidgetItem) -> None:
        task: Task | None = item.data(ITEM_ROLE)
        if self._loading or task is None:
            return
        self.toggle_dated(item, task.done, task.done_on,
                          lambda day: notes.set_task_done(self.session, task.id, day),
                          self.tr("Tick off a task"), self.tr("Reopen a task"))

    def _selected(self, item: QListWidgetItem | None) -> None:
        task: Task | None = item.data(ITEM_ROLE) if item is not None else None
        self.plan_button.setEnabled(task is not None)
        self.plan_button.setChecked(bool(task and task.for_survivor))

    def _plan_clicked(self) -> None:
        item = self.list.currentItem()
        task: Task | None = item.data(ITEM_ROLE) if item is not None else None
        if task is None:
            return
        wanted = not task.for_survivor
        self.do(self.tr("Put a task on the survivor's plan") if wanted
                else self.tr("Take a task off the survivor's plan"),
                lambda: notes.set_task_for_survivor(self.session, task.id, wanted),
                lambda: notes.set_task_for_survivor(self.session, task.id, not wanted))

    def add_task(self) -> None:
        due = self.due.value()
        if not self.title.text().strip() or due is None:
            return
        for_survivor = self.for_survivor.isChecked()
        self.attempt(lambda: notes.add_task(self.session, self.case_number, self.title.text(),
                                            due, for_survivor=for_survivor))
        self.title.clear()
        self.for_survivor.setChecked(False)
