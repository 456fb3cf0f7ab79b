"""The placement pipeline as a stepper, its history, and the next step."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.employment import (
    PIPELINE,
    STAGE_LABELS,
    WORKING_STAGES,
    WORKSHOP_LABELS,
    PlacementStep,
    Stage,
    ready_to_match,
    show_wage,
)
from casetracker.domain.internships import InternshipOutcome
from casetracker.gui.dialogs.placement_dialog import PlacementDialog, StepInput
from casetracker.gui.labels import label
from casetracker.gui.record.base import RecordTab
from casetracker.gui.theme import STEP_DONE, STEP_TODO, Tone, pick, text_colour
from casetracker.gui.widgets import show_day
from casetracker.services import employers, internships, placement, settings


class Stepper(QWidget):
    """Readiness → … → retained 90 days, the current stage filled in; red when exited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = Stage.READINESS
        self.exited = False
        self.setMinimumHeight(78)
        self.setAccessibleName(self.tr("Placement stage"))

    def set_stage(self, stage: Stage, *, exited_from: Stage | None = None) -> None:
        self.exited = stage is Stage.EXITED
        self.current = exited_from if self.exited and exited_from else stage
        text = label(STAGE_LABELS[stage])
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        count = len(PIPELINE)
        width = self.width() / count
        reached = PIPELINE.index(self.current) if self.current in PIPELINE else 0
        palette = self.palette()
        done, todo = pick(STEP_DONE, palette), pick(STEP_TODO, palette)
        alert = text_colour(Tone.ERROR, palette)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        for index, stage in enumerate(PIPELINE):
            centre_x = width * index + width / 2
            colour = done if index <= reached else todo
            if self.exited and index == reached:
                colour = alert
            if index > 0:
                painter.setPen(QPen(done if index <= reached else todo, 3))
                painter.drawLine(int(centre_x - width), 22, int(centre_x), 22)
            painter.setPen(QPen(colour, 2))
            painter.setBrush(colour if index <= reached
                             else palette.color(QPalette.ColorRole.Base))
            painter.drawEllipse(QRectF(centre_x - 9, 13, 18, 18))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText) if index == reached
                           else text_colour(Tone.MUTED, palette))
            text = label(STAGE_LABELS[stage])
            painter.setFont(_fitting(small, text, width - 4))
            painter.drawText(QRectF(centre_x - width / 2, 36, width, 40),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
                             text)
        painter.end()


def _fitting(font: QFont, text: str, width: float) -> QFont:
    """`font`, made smaller (down to 6 points) until the longest word of `text` fits in
    `width`: a long word ("Apprenticeship") cannot wrap, and would lose its ends."""
    fitted = QFont(font)
    while fitted.pointSizeF() > 6.0 and max(
            QFontMetricsF(fitted).horizontalAdvance(word) for word in text.split()) > width:
        fitted.setPointSizeF(fitted.pointSizeF() - 0.5)
    return fitted


class PlacementTab(RecordTab):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.stepper = Stepper(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.history = QTableWidget(0, 5, self)
        self.history.setAccessibleName(self.tr("Placement history"))
        self.history.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Stage"),
                                                self.tr("Employer"), self.tr("Hours and wage"),
                                                self.tr("Note")])
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.workshops = QLabel(self)
        self.workshops.setWordWrap(True)
        self.workshops.setAccessibleDescription(self.tr("Readiness workshops completed"))
        self.next_button = QPushButton(self.tr("Record the next step…"), self)
        self.next_button.clicked.connect(self.open_step_dialog)
        self.next_button.setVisible(self.editable)
        self.internship = QLabel(self)
        self.internship.setWordWrap(True)
        self.internship.setAccessibleDescription(self.tr("The newest internship"))
        self.internship_button = QPushButton(self.tr("Internship…"), self)
        self.internship_button.clicked.connect(self.open_internship)
        self.work_button = QPushButton(self.tr("Placement at work…"), self)
        self.work_button.setToolTip(self.tr("The employer's supervisor and mentor, coaching "
                                            "contacts, and an apprenticeship's end"))
        self.work_button.clicked.connect(self.open_work)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.internship_button)
        buttons.addWidget(self.work_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stepper)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.internship)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.workshops)
        self.steps: list[PlacementStep] = []
        self.refresh()

    def refresh(self) -> None:
        self.steps = placement.steps(self.session, self.case_number)
        current = self.steps[-1].stage if self.steps else Stage.READINESS
        before_exit = next((s.stage for s in reversed(self.steps) if s.stage is not Stage.EXITED),
                           None)
        self.stepper.set_stage(current, exited_from=before_exit)
        self.status.setText(self.tr("Now: {0}").format(label(STAGE_LABELS[current])))
        names = {e.id: e.name for e in employers.employers(self.session)}
        self.history.setRowCount(len(self.steps))
        for row, step in enumerate(reversed(self.steps)):
            pay = ", ".join(p for p in [
                self.tr("{0} h/week").format(step.hours_per_week) if step.hours_per_week else "",
                show_wage(step.hourly_wage_cents)] if p)
            for column, text in enumerate([show_day(step.on), label(STAGE_LABELS[step.stage]),
                                           names.get(step.employer_id or "", ""), pay,
                                           step.reason]):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self._show_internship()
        self.work_button.setVisible(any(s.stage in WORKING_STAGES for s in self.steps))
        topics = placement.completed_workshops(self.session, self.case_number)
        text = self.tr("Readiness workshops completed: {0}").format(
            ", ".join(label(WORKSHOP_LABELS[t]) for t in sorted(topics)) or self.tr("none yet"))
        if ready_to_match(topics, settings.readiness_track(self.session)):
            text += " · " + self.tr("Ready to match: the readiness track is complete")
        self.workshops.setText(text)

    def _show_internship(self) -> None:
        found = internships.internships(self.session, self.case_number)
        self.internship_button.setVisible(bool(found))
        self.internship.setVisible(bool(found))
        if not found:
            return
        newest = found[0]
        state = {InternshipOutcome.RUNNING: self.tr("running"),
                 InternshipOutcome.COMPLETED: self.tr("completed"),
                 InternshipOutcome.ENDED_EARLY: self.tr("ended early")}[newest.outcome]
        text = self.tr("Internship: {0} to {1}, {2}").format(
            show_day(newest.starts_on), show_day(newest.ends_on), state)
        if newest.ending_soon(clock.today()):
            text += " · " + self.tr("ends within two weeks")
        self.internship.setText(text)

    def open_internship(self) -> None:
        from casetracker.gui.dialogs.internship_dialog import InternshipDialog

        dialog = InternshipDialog(self.session, self.case_number, editable=self.editable,
                                  parent=self)
        dialog.finished.connect(lambda _result: self._reload())
        self.active_dialog = dialog
        dialog.show()

    def open_work(self) -> None:
        from casetracker.gui.dialogs.placement_work_dialog import PlacementWorkDialog

        dialog = PlacementWorkDialog(self.session, self.case_number, editable=self.editable,
                                     parent=self)
        dialog.finished.connect(lambda _result: self._reload())
        self.active_dialog = dialog
        dialog.show()

    def current_stage(self) -> Stage:
        return self.steps[-1].stage if self.steps else Stage.READINESS

    def open_step_dialog(self) -> None:
        dialog = PlacementDialog(self.current_stage(), employers.employers(self.session),
                                 employers.positions(self.session, open_only=True), self)
        dialog.submit = self._save
        self.active_dialog = dialog
        dialog.open()

    def _save(self, data: StepInput) -> None:
        placement.advance(self.session, self.case_number, data.stage, on=data.on,
                          employer=data.employer_id, position=data.position_id,
                          hours_per_week=data.hours_per_week,
                          hourly_wage_cents=data.hourly_wage_cents, reason=data.reason)
        self._saved()
