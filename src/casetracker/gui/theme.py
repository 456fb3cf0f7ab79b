"""Colours that keep their meaning, and their contrast, in light and dark system themes.

Text takes the palette's colours wherever it can. Where a colour carries meaning (an error,
an overdue date, a safety notice) it is chosen here, once for a light and once for a dark
palette, and `tests/gui/test_contrast.py` holds every pair to WCAG's 4.5:1 against the
palette it is drawn on.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from casetracker.gui.messages import error_text


class Tone(Enum):
    """Coloured text drawn on the window's or a list's own background."""

    ERROR = "error"
    WARNING = "warning"
    SUCCESS = "success"
    MUTED = "muted"


class Chip(Enum):
    """Text on a background of its own: a notice band, a button that must stand out."""

    NOTICE = "notice"
    INFO = "info"
    DANGER = "danger"


# (light palette, dark palette)
TEXT: dict[Tone, tuple[str, str]] = {
    Tone.ERROR: ("#b00020", "#ff8a80"),
    Tone.WARNING: ("#8a5100", "#ffb74d"),
    Tone.SUCCESS: ("#1f6f43", "#81c995"),
    Tone.MUTED: ("#555555", "#b8b8b8"),
}

# (text, background) for a light palette, then for a dark one
CHIPS: dict[Chip, tuple[tuple[str, str], tuple[str, str]]] = {
    Chip.NOTICE: (("#3b2f00", "#fff4ce"), ("#ffe8a3", "#453700")),
    Chip.INFO: (("#0b2e4f", "#e8f1fb"), ("#d6e8fa", "#12314d")),
    Chip.DANGER: (("#ffffff", "#b00020"), ("#ffffff", "#b00020")),
}

# Charts are the pictures the PDF reports print: dark ink, drawn on white paper on screen too.
CHART_PAPER = "#ffffff"

# The placement stepper's circles and lines: reached stages, stages still to come.
STEP_DONE = ("#1f6f43", "#81c995")
STEP_TODO = ("#b8c2cc", "#5b6670")


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette (the application's, by default) draws light text on dark."""
    palette = palette if palette is not None else QApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def pick(pair: tuple[str, str], palette: QPalette | None = None) -> QColor:
    return QColor(pair[1] if is_dark(palette) else pair[0])


def text_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    return pick(TEXT[tone], palette)


def chip_colours(chip: Chip, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(text, background) of a chip under the palette."""
    text, background = CHIPS[chip][1 if is_dark(palette) else 0]
    return QColor(text), QColor(background)


def tone_style(tone: Tone) -> str:
    return f"color: {text_colour(tone).name()};"


def chip_style(chip: Chip) -> str:
    text, background = chip_colours(chip)
    return f"color: {text.name()}; background: {background.name()};"


class ToneLabel(QLabel):
    """A label whose coloured text (or chip) follows the system theme when it changes."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 tone: Tone | None = None, chip: Chip | None = None, extra: str = "") -> None:
        super().__init__(text, parent)
        self._tone, self._chip, self._extra = tone, chip, extra
        self._restyle()

    def set_tone(self, tone: Tone | None) -> None:
        self._tone, self._chip = tone, None
        self._restyle()

    def tone(self) -> Tone | None:
        return self._tone

    def chip(self) -> Chip | None:
        return self._chip

    def _restyle(self) -> None:
        style = self._extra
        if self._chip is not None:
            style = chip_style(self._chip) + " " + style
        elif self._tone is not None:
            style = tone_style(self._tone) + " " + style
        # Setting a style sheet sends a palette change: only set it when it differs.
        if style.strip() != self.styleSheet():
            self.setStyleSheet(style.strip())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self._restyle()  # the theme may have changed while it was hidden
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                            QEvent.Type.ThemeChange):
            self._restyle()
        super().changeEvent(event)


class ErrorLabel(ToneLabel):
    """Red text under a form; empty and hidden when there is nothing wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent, tone=Tone.ERROR)
        self.setWordWrap(True)
        self.setObjectName("errorLabel")
        # Its text is what a screen reader must read: a name would replace it.
        self.setAccessibleDescription(self.tr("Error"))
        self.hide()

    def show_error(self, error: Exception) -> None:
        text = error_text(error)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.setText("")
        self.hide()
