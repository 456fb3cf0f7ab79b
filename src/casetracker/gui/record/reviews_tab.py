"""Case reviews: supervisors record findings and required actions (which become tasks)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.accounts import Role
from casetracker.gui.record.base import RecordTab
from casetracker.gui.widgets import FormDialog, show_day
from casetracker.services import reviews


@dataclass(frozen=True)
class ReviewInput:
    findings: str
    actions: list[str]
    signed_off: bool


class ReviewDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Case review"), parent)
        self.findings = QPlainTextEdit(self)
        self.findings.setAccessibleName(self.tr("Findings"))
        self.findings.setTabChangesFocus(True)
        self.actions = QPlainTextEdit(self)
        self.actions.setAccessibleName(self.tr("Required actions, one per line"))
        self.actions.setTabChangesFocus(True)
        self.sign_off = QCheckBox(self.tr("Signed off"), self)
        self.body.addWidget(QLabel(self.tr("Findings"), self))
        self.body.addWidget(self.findings)
        self.body.addWidget(QLabel(self.tr(
            "Required actions, one per line: each becomes a task for the case manager, due "
            "in 14 days, or by the date that ends its line (\"Request the state ID by "
            "2026-12-20\")"), self))
        self.body.addWidget(self.actions)
        self.body.addWidget(self.sign_off)
        self.resize(560, 460)

    def data(self) -> ReviewInput:
        return ReviewInput(self.findings.toPlainText(),
                           self.actions.toPlainText().splitlines(), self.sign_off.isChecked())


class ReviewsTab(RecordTab):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Case reviews"))
        self.list.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Record a review…"), self)
        self.add_button.clicked.connect(self.open_review_dialog)
        self.add_button.setVisible(self.session.account.role is Role.SUPERVISOR)
        layout = QVBoxLayout(self)
        layout.addWidget(self.add_button)
        layout.addWidget(self.list, 1)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for review in reviews.reviews(self.session, self.case_number):
            actions = "".join(f"\n  • {a}" for a in review.actions)
            signed = self.tr("signed off") if review.signed_off else self.tr("not signed off")
            self.list.addItem(f"{show_day(review.reviewed_on)} · {review.reviewer} · {signed}"
                              f"\n{review.findings}{actions}")

    def open_review_dialog(self) -> None:
        dialog = ReviewDialog(self)
        dialog.submit = self._save
        self.active_dialog = dialog
        dialog.open()

    def _save(self, data: ReviewInput) -> None:
        reviews.add_review(self.session, self.case_number, data.findings, data.actions,
                           signed_off=data.signed_off)
        self._saved()
