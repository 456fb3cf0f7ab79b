"""What goes on the survivor's own plan: the case manager ticks the goals, their steps and the
tasks for the survivor before the PDF is made. Legal and health goals start unticked (they are
worded for staff and may carry history); the leak guard still checks whatever is chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from casetracker.gui.dialogs.goal_dialog import DOMAIN_LABELS
from casetracker.gui.labels import label
from casetracker.gui.widgets import FormDialog, show_day
from casetracker.services.sharing import PlanItem, default_plan_choice

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class PlanChoiceDialog(FormDialog):
    """`items` from `sharing.plan_items`; `data()` is the set of ids ticked."""

    def __init__(self, items: list[PlanItem], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("What goes on the person’s plan"), parent)
        self.note = QLabel(self.tr(
            "Tick what the person will read. Legal and health goals start unticked: they are "
            "often worded for staff. A goal prints in the person’s own words when it has "
            "them."), self)
        self.note.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Goals and steps for the plan"))
        self.tree.setHeaderLabels([self.tr("Goal or step"), self.tr("In the person’s words"),
                                   self.tr("Due")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(1, 240)
        self.tree.setColumnWidth(2, 140)
        ticked = default_plan_choice(items)
        goals: dict[str, QTreeWidgetItem] = {}
        tasks: QTreeWidgetItem | None = None
        self._setting = False
        for item in items:
            if item.kind == "goal":
                assert item.domain is not None
                parent_item: QTreeWidget | QTreeWidgetItem = self.tree
                text = f"{label(DOMAIN_LABELS[item.domain])}: {item.text}"
            elif item.kind == "step":
                parent_item = goals[item.goal_id or ""]
                text = self.tr("{0} (done)").format(item.text) if item.done else item.text
            else:
                if tasks is None:
                    tasks = QTreeWidgetItem(self.tree, [self.tr("Steps for the person")])
                    tasks.setFlags(Qt.ItemFlag.ItemIsEnabled)
                parent_item = tasks
                text = item.text
            row = QTreeWidgetItem(parent_item, [text, item.survivor_wording,
                                                show_day(item.due)])
            row.setData(0, ITEM_ROLE, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Checked if item.id in ticked
                              else Qt.CheckState.Unchecked)
            if item.kind == "goal":
                goals[item.id] = row
        self.tree.expandAll()
        self.tree.itemChanged.connect(self._changed)
        self.body.addWidget(self.note)
        self.body.addWidget(self.tree)
        self.resize(860, 460)

    def rows(self) -> list[QTreeWidgetItem]:
        found = []
        for top in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(top)
            found.append(item)
            found += [item.child(i) for i in range(item.childCount())]
        return [row for row in found if row.data(0, ITEM_ROLE) is not None]

    def row(self, item_id: str) -> QTreeWidgetItem:
        return next(r for r in self.rows() if r.data(0, ITEM_ROLE) == item_id)

    def _changed(self, row: QTreeWidgetItem, column: int) -> None:
        """A goal ticked or unticked takes its steps with it; a step ticked ticks its goal."""
        if self._setting or column != 0:
            return
        self._setting = True
        try:
            state = row.checkState(0)
            if row.parent() is None:
                for i in range(row.childCount()):
                    row.child(i).setCheckState(0, state)
            elif (state == Qt.CheckState.Checked
                  and row.parent().data(0, ITEM_ROLE) is not None):
                row.parent().setCheckState(0, Qt.CheckState.Checked)
        finally:
            self._setting = False

    def data(self) -> frozenset[str]:
        return frozenset(str(r.data(0, ITEM_ROLE)) for r in self.rows()
                         if r.checkState(0) == Qt.CheckState.Checked)
