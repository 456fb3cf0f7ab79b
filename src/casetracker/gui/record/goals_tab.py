"""Goals and SMART plans: each goal with its five parts, milestones to tick, check-ins."""

from __future__ import annotations

from html import escape as _html

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from casetracker.domain import clock
from casetracker.domain.plans import Goal, GoalStatus, Milestone
from casetracker.domain.survivors import reading_language
from casetracker.gui.dialogs.goal_dialog import (
    DOMAIN_LABELS,
    GoalDialog,
    GoalInput,
    MilestoneDialog,
    MilestoneInput,
)
from casetracker.gui.dialogs.plan_dialog import PlanChoiceDialog
from casetracker.gui.labels import GOAL_STATUS_LABELS, label
from casetracker.gui.record.base import RecordTab
from casetracker.gui.theme import Tone, text_colour
from casetracker.gui.widgets import dated_name, save_file_name, show_day
from casetracker.services import plans, sharing

GOAL_ROLE = Qt.ItemDataRole.UserRole + 1
MILESTONE_ROLE = Qt.ItemDataRole.UserRole + 2


class GoalsTab(RecordTab):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Goals and milestones"))
        self.tree.setHeaderLabels([self.tr("Goal or milestone"), self.tr("Due"),
                                   self.tr("Progress")])
        self.tree.setColumnWidth(0, 420)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.setExpandsOnDoubleClick(False)  # a double-click opens it for a change
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.edit_selected())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.setToolTip(self.tr("Double-click a goal or a milestone to change it"))
        self.tree.currentItemChanged.connect(self._show_details)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAccessibleDescription(self.tr("SMART details"))
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.add_button = QPushButton(self.tr("New goal…"), self)
        self.add_button.clicked.connect(self.open_goal_dialog)
        self.milestone_button = QPushButton(self.tr("Add milestone…"), self)
        self.milestone_button.clicked.connect(self.add_milestone)
        self.checkin_button = QPushButton(self.tr("Record a check-in…"), self)
        self.checkin_button.clicked.connect(self.add_checkin)
        self.achieved_button = QPushButton(self.tr("Mark achieved"), self)
        self.achieved_button.clicked.connect(self.mark_achieved)
        self.plan_language = QComboBox(self)
        self.plan_language.setAccessibleName(self.tr("Plan language"))
        self.plan_language.addItem(self.tr("English"), "en")
        self.plan_language.addItem(self.tr("Spanish"), "es")
        # The survivor's own language first: a Spanish speaker's plan is printed in Spanish.
        self.plan_language.setCurrentIndex(self.plan_language.findData(
            reading_language(self.survivor.primary_language)))
        self.plan_button = QPushButton(self.tr("Print the plan…"), self)
        self.plan_button.setToolTip(self.tr("A PDF of the goals and next steps, for the person"))
        self.plan_button.clicked.connect(self.save_plan)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.milestone_button, self.checkin_button,
                       self.achieved_button):
            button.setVisible(self.editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.plan_language)
        buttons.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.details, 1)
        self._loading = False
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        self.tree.clear()
        for goal in plans.goals(self.session, self.case_number):
            done, total = goal.progress
            item = QTreeWidgetItem(self.tree, [
                f"{label(DOMAIN_LABELS[goal.domain])}: {goal.specific}",
                show_day(goal.target_date),
                self.tr("{0} of {1} milestones").format(done, total)
                + ("" if goal.status is GoalStatus.OPEN
                   else f" ({label(GOAL_STATUS_LABELS[goal.status])})")])
            item.setData(0, GOAL_ROLE, goal)
            bar = QProgressBar(self.tree)
            bar.setRange(0, max(total, 1))
            bar.setValue(done)
            bar.setFormat(self.tr("{0} of {1}").format(done, total))
            bar.setAccessibleName(self.tr("Progress"))
            self.tree.setItemWidget(item, 2, bar)
            for milestone in goal.milestones:
                child = QTreeWidgetItem(item, [milestone.description,
                                               show_day(milestone.due_date), ""])
                child.setData(0, MILESTONE_ROLE, milestone)
                flags = child.flags() | Qt.ItemFlag.ItemIsUserCheckable
                if not self.editable:
                    flags &= ~Qt.ItemFlag.ItemIsEnabled
                child.setFlags(flags)
                child.setCheckState(0, Qt.CheckState.Checked if milestone.done
                                    else Qt.CheckState.Unchecked)
                if not milestone.done and milestone.due_date < clock.today():
                    child.setForeground(1, text_colour(Tone.ERROR))
                    child.setToolTip(1, self.tr("Overdue"))
            item.setExpanded(True)
        self._loading = False

    def selected_goal(self) -> Goal | None:
        item = self.tree.currentItem()
        while item is not None and item.data(0, GOAL_ROLE) is None:
            item = item.parent()
        return None if item is None else item.data(0, GOAL_ROLE)

    def _show_details(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            self.details.clear()
            return
        checkins = plans.checkins(self.session, goal.id)
        last = checkins[-1] if checkins else None
        self.details.setText(self.tr(
            "<b>S</b>pecific: {0}<br><b>M</b>easurable: {1}<br><b>A</b>chievable: {2}<br>"
            "<b>R</b>elevant: {3}<br><b>T</b>ime-bound: by {4}<br>{5}").format(
            _html(goal.specific), _html(goal.measurable), _html(goal.achievable),
            _html(goal.relevant), show_day(goal.target_date),
            self.tr("Last check-in {0}: {1}").format(show_day(last.checked_on), _html(last.note))
            if last else self.tr("No check-ins yet."))
            + ("<br>" + self.tr("On the person’s plan: {0}").format(_html(goal.survivor_wording))
               if goal.survivor_wording else ""))

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        milestone: Milestone | None = item.data(0, MILESTONE_ROLE)
        if self._loading or milestone is None or column != 0:
            return
        done = item.checkState(0) == Qt.CheckState.Checked
        if done == milestone.done:
            return
        before = milestone.completed_on
        after = clock.today() if done else None
        self.do_ticked(self.tr("Tick off a milestone") if done else self.tr("Untick a milestone"),
                       lambda: plans.set_milestone_done(self.session, milestone.id, after),
                       lambda: plans.set_milestone_done(self.session, milestone.id, before))

    def open_goal_dialog(self) -> None:
        dialog = GoalDialog(self)
        dialog.submit = self._save_goal
        self.active_dialog = dialog
        dialog.open()

    def _save_goal(self, data: GoalInput) -> None:
        self._saved(plans.add_goal(self.session, self.case_number, domain=data.domain,
                                   specific=data.specific, measurable=data.measurable,
                                   achievable=data.achievable, relevant=data.relevant,
                                   target_date=data.target_date, milestones=data.milestones,
                                   survivor_wording=data.survivor_wording))

    def add_milestone(self) -> None:
        """Ask for the chosen goal's next step and its own due date."""
        goal = self.selected_goal()
        if goal is None:
            return
        dialog = MilestoneDialog(goal, parent=self)
        dialog.submit = lambda data: self._add_milestone(goal, data)
        self.active_dialog = dialog
        dialog.open()

    def _add_milestone(self, goal: Goal, data: MilestoneInput) -> None:
        """Add it (a refusal keeps the dialog open with its reason); Undo removes it and
        Redo adds it again, as a new milestone."""
        added = [plans.add_milestone(self.session, goal.id, data.description, data.due_date,
                                     data.survivor_wording)]

        def again() -> None:
            added.append(plans.add_milestone(self.session, goal.id, data.description,
                                             data.due_date, data.survivor_wording))

        self.do(self.tr("Add a milestone"), again,
                lambda: plans.delete_milestone(self.session, added[-1].id), done=True)

    def selected_milestone(self) -> Milestone | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, MILESTONE_ROLE)

    def edit_selected(self) -> None:
        """Change the chosen milestone, or else the chosen goal (double-click, or the menu)."""
        if not self.editable:
            return
        milestone = self.selected_milestone()
        if milestone is not None:
            self.edit_milestone(milestone)
        elif (goal := self.selected_goal()) is not None:
            self.edit_goal(goal)

    def edit_goal(self, goal: Goal) -> None:
        dialog = GoalDialog(self, goal=goal)
        dialog.submit = lambda data: self._change_goal(goal, data)
        self.active_dialog = dialog
        dialog.open()

    def _change_goal(self, before: Goal, data: GoalInput) -> None:
        def change_to(goal: Goal | GoalInput) -> Goal:
            return plans.update_goal(
                self.session, before.id, domain=goal.domain, specific=goal.specific,
                measurable=goal.measurable, achievable=goal.achievable,
                relevant=goal.relevant, target_date=goal.target_date,
                survivor_wording=goal.survivor_wording)

        change_to(data)  # a refusal keeps the dialog open with its reason
        self.do(self.tr("Change a goal"), lambda: change_to(data), lambda: change_to(before),
                done=True)

    def edit_milestone(self, milestone: Milestone) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        dialog = MilestoneDialog(goal, milestone, self)
        dialog.submit = lambda data: self._change_milestone(milestone, data)
        self.active_dialog = dialog
        dialog.open()

    def _change_milestone(self, before: Milestone, data: MilestoneInput) -> None:
        def change_to(step: Milestone | MilestoneInput) -> Milestone:
            return plans.update_milestone(self.session, before.id,
                                          description=step.description, due_date=step.due_date,
                                          survivor_wording=step.survivor_wording)

        change_to(data)
        self.do(self.tr("Change a milestone"), lambda: change_to(data),
                lambda: change_to(before), done=True)

    def _menu(self, position: QPoint) -> None:
        item = self.tree.itemAt(position)
        if item is None or not self.editable:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        if item.data(0, MILESTONE_ROLE) is not None:
            menu.addAction(self.tr("Change the milestone…"), self.edit_selected)
        else:
            menu.addAction(self.tr("Change the goal…"), self.edit_selected)
            menu.addAction(self.tr("Add milestone…"), self.add_milestone)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tree.viewport().mapToGlobal(position))

    def add_checkin(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        prompt = self.checkin_prompt()
        ok = prompt.exec() == QInputDialog.DialogCode.Accepted
        note = prompt.textValue()
        prompt.deleteLater()
        if ok and note.strip():
            self.attempt(lambda: plans.add_checkin(self.session, goal.id, note))

    def checkin_prompt(self) -> QInputDialog:
        """Asks how a goal is going (not yet shown)."""
        prompt = QInputDialog(self)
        prompt.setWindowTitle(self.tr("Check-in"))
        prompt.setLabelText(self.tr("How is it going?"))
        prompt.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        # Qt does not name the text box after the dialog's label when it is a plain text edit.
        for edit in prompt.findChildren(QPlainTextEdit):
            edit.setAccessibleName(self.tr("How is it going?"))
        return prompt

    def save_plan(self) -> None:
        """Ask what goes on the plan, then where to save it."""
        items = self.attempt(lambda: sharing.plan_items(self.session, self.case_number))
        if items is None:
            return
        dialog = PlanChoiceDialog(items, self)
        dialog.submit = self._plan_chosen
        self.active_dialog = dialog
        dialog.open()

    def _plan_chosen(self, chosen: frozenset[str]) -> None:
        # Checked first (the leak guard), so that a refusal keeps the choice open with why.
        language = self.plan_language.currentData()
        prepared = sharing.prepare_plan(self.session, self.case_number, language, chosen)
        path = save_file_name(self, self.tr("Save the plan"), dated_name(self.tr("plan")),
                              [(self.tr("PDF (*.pdf)"), "pdf")])
        if path:
            from pathlib import Path

            self.attempt(lambda: sharing.save(self.session, prepared, Path(path)))

    def write_plan(self, path: str, chosen: frozenset[str] | None = None) -> None:
        """Save the plan holding `chosen` (default: what is shareable) to `path`."""
        from pathlib import Path

        language = self.plan_language.currentData()
        self.attempt(lambda: sharing.save(
            self.session, sharing.prepare_plan(self.session, self.case_number, language,
                                               chosen),
            Path(path)))

    def mark_achieved(self) -> None:
        goal = self.selected_goal()
        if goal is not None:
            self.do(self.tr("Mark a goal achieved"),
                    lambda: plans.update_goal(self.session, goal.id, status=GoalStatus.ACHIEVED),
                    lambda: plans.update_goal(self.session, goal.id, status=goal.status))
