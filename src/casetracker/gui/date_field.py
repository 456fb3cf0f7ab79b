"""A date typed as people type it: ISO (1995-03-14) or the interface language's own order
(03/14/1995 in US English, 14/03/1995 in Spanish), shown back in words, refused when unreadable.

A QDateEdit reads typed digits section by section and silently saves something else
(1995-03-14 became 1995-12-03); this field reads the whole text at once and says what it
understood, so a wrong reading is seen before it is saved.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from casetracker.domain import clock
from casetracker.domain.validation import ValidationError
from casetracker.gui.theme import Tone, ToneLabel

# Day, month and year in some order, split by one of these; the year has four digits.
_PARTS = re.compile(r"(\d{1,4})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,4})")


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def show_day(day: date | None) -> str:
    """A day as people read it, in the interface language ("5 Mar 2026", "5 mar 2026")."""
    return QLocale().toString(to_qdate(day), "d MMM yyyy") if day else "—"


def local_order(locale: QLocale | None = None) -> str:
    """"MDY", "DMY" or "YMD": the order of a short date in the locale ("M/d/yy" is MDY)."""
    pattern = re.sub(r"'[^']*'", "", (locale or QLocale()).dateFormat(
        QLocale.FormatType.ShortFormat))
    found = {letter: pattern.find(letter) for letter in "dMy"}
    if -1 in found.values():
        return "YMD"
    return "".join(sorted("DMY", key=lambda p: found["dMy"["DMY".index(p)]]))


def local_separator(locale: QLocale | None = None) -> str:
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    match = re.search(r"[dMy]+([^dMy'])", pattern)
    return match.group(1) if match and match.group(1) in "/.-" else "/"


def read_date(text: str, order: str) -> date | None:
    """The day `text` names, year first (ISO) or in `order`; None if it names no day."""
    match = _PARTS.fullmatch(text.strip())
    if match is None:
        return None
    first, second, third = match.groups()
    if len(first) == 4:  # year first is never ambiguous: 1995-03-14, 1995/3/14
        year, month, day = first, second, third
    elif len(third) == 4 and order in ("MDY", "DMY"):
        month, day = (first, second) if order == "MDY" else (second, first)
        year = third
    else:  # a two-digit year (14/3/95) could be 1995 or 2095: ask for all four digits
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:  # 1995-02-30, month 13
        return None


def formats(locale: QLocale | None = None) -> list[str]:
    """The ways a date may be typed, as the interface language writes them."""
    shown = [QCoreApplication.translate("DateField", "YYYY-MM-DD")]
    order = local_order(locale)
    if order in ("MDY", "DMY"):
        pattern = (QCoreApplication.translate("DateField", "MM/DD/YYYY") if order == "MDY"
                   else QCoreApplication.translate("DateField", "DD/MM/YYYY"))
        shown.append(pattern.replace("/", local_separator(locale)))
    return shown


def unreadable(text: str, locale: QLocale | None = None) -> str:
    """Why `text` was refused, naming the formats that are read."""
    shown = formats(locale)
    if len(shown) == 1:
        return QCoreApplication.translate(
            "DateField", "“{0}” is not a date; type it as {1}").format(text.strip(), shown[0])
    return QCoreApplication.translate(
        "DateField", "“{0}” is not a date; type it as {1} or {2}").format(
        text.strip(), shown[0], shown[1])


def in_words(day: date) -> str:
    """The day in full words ("Tuesday, March 14, 1995"), so a misreading shows."""
    return QLocale().toString(to_qdate(day), QLocale.FormatType.LongFormat)


class DateField(QWidget):
    """A typed date with a calendar pop-up, and beside it what was understood.

    An optional date is left empty when it is not known; a required one starts filled in.
    `value()` raises `ValidationError` naming the field when the text is not a date.
    """

    changed = Signal()

    def __init__(self, value: date | None = None, *, optional: bool = False,
                 label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.label = label
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(label)
        self.edit.setPlaceholderText(" · ".join(formats()))
        self.edit.setMaxLength(40)
        # Wide enough for any date typed, and (where it may be left empty) for the formats
        # it shows while empty; a required date is never empty.
        metrics = self.edit.fontMetrics()
        self.edit.setMinimumWidth(max(
            metrics.horizontalAdvance(self.edit.placeholderText()) if optional else 0,
            metrics.horizontalAdvance("00/00/0000")) + 16)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setAccessibleName(self.tr("Choose {0} from a calendar").format(
            label) if label else self.tr("Choose from a calendar"))
        self.calendar_button.setToolTip(self.tr("Choose from a calendar (Alt+Down)"))
        # Keyboard users reach the calendar from the field (Alt+Down), as in a combo box.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.setFocusProxy(self.edit)
        self.calendar_button.clicked.connect(self.open_calendar)
        open_action = QAction(self.edit)
        open_action.setShortcut(QKeySequence("Alt+Down"))
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self.open_calendar)
        self.edit.addAction(open_action)
        self.understood = ToneLabel("", self, tone=Tone.MUTED)
        self.understood.setAccessibleDescription(self.tr("The date as read"))
        self.understood.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # Room for a date in words; a long refusal wraps there rather than widening the form.
        self.understood.setWordWrap(True)
        self.understood.setSizePolicy(QSizePolicy.Policy.Ignored,
                                      QSizePolicy.Policy.Preferred)
        self.understood.setMinimumWidth(
            self.understood.fontMetrics().horizontalAdvance(in_words(date(2026, 9, 30))) + 4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.understood, 1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._read)
        self.edit.editingFinished.connect(self._tidy)
        self.calendar: QCalendarWidget | None = None
        self._menu: QMenu | None = None
        start = value if value is not None or optional else clock.today()
        self.set_value(start)

    # -- reading ----------------------------------------------------------------------------

    def _parse(self) -> tuple[date | None, str]:
        """(the day, "") or (None, why not); an empty field is (None, "")."""
        text = self.edit.text()
        if not text.strip():
            return None, ""
        day = read_date(text, local_order())
        return (day, "") if day is not None else (None, unreadable(text))

    def _read(self) -> None:
        day, problem = self._parse()
        if problem:
            self.understood.set_tone(Tone.ERROR)
            self.understood.setText(problem)
        elif day is None:
            self.understood.set_tone(Tone.MUTED)
            self.understood.setText(self.tr("Not known") if self.optional
                                    else self.tr("Required"))
        else:
            self.understood.set_tone(Tone.MUTED)
            self.understood.setText(in_words(day))
        # A screen reader hears what was understood when it reads the field.
        self.edit.setAccessibleDescription(self.understood.text())
        self.changed.emit()

    def _tidy(self) -> None:
        """Once typing ends, a readable date is shown in one unambiguous form (ISO)."""
        day, _ = self._parse()
        if day is not None and self.edit.text() != day.isoformat():
            self.edit.setText(day.isoformat())

    def is_valid(self) -> bool:
        day, problem = self._parse()
        return not problem and (day is not None or self.optional)

    def value(self) -> date | None:
        """The date typed; None for an optional field left empty."""
        day, problem = self._parse()
        if problem:
            raise ValidationError({self.label or "date": problem})
        if day is None and not self.optional:
            raise ValidationError({self.label or "date": "is required"})
        return day

    def set_value(self, value: date | None) -> None:
        self.edit.setText(value.isoformat() if value is not None else "")
        self._read()

    # -- the calendar -----------------------------------------------------------------------

    def open_calendar(self) -> None:
        """A month to click a day in; it starts on the typed date, or on today."""
        if self._menu is None:
            self._menu = QMenu(self)
            self.calendar = QCalendarWidget(self._menu)
            self.calendar.setAccessibleName(self.tr("Calendar"))
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._chosen)
            self.calendar.activated.connect(self._chosen)
            holder = QWidgetAction(self._menu)
            holder.setDefaultWidget(self.calendar)
            self._menu.addAction(holder)
        assert self.calendar is not None
        day, _ = self._parse()
        self.calendar.setSelectedDate(to_qdate(day or clock.today()))
        self._menu.popup(self.mapToGlobal(self.edit.geometry().bottomLeft()))
        self.calendar.setFocus()

    def _chosen(self, day: QDate) -> None:
        self.set_value(from_qdate(day))
        if self._menu is not None:
            self._menu.close()
        self.edit.setFocus()
