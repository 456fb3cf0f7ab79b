"""Text keeps WCAG's 4.5:1 contrast in a light and in a dark system theme.

The offscreen platform has no colour scheme of its own, so each theme is its palette
(and `QStyleHints.setColorScheme`, which a desktop platform follows). Colours are checked
twice: as declared in `gui/theme.py`, and as drawn, measured on grabbed pixels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from coloraide import Color
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui import theme
from casetracker.gui.first_run import FirstRunDialog
from casetracker.gui.screens import walk
from casetracker.gui.theme import Chip, Tone, ToneLabel
from casetracker.services import dashboard, demo
from tests.conftest import Team
from tests.helpers import CASE_MANAGER

TEXT = 4.5  # WCAG 2.1 AA, normal text


def dark_palette() -> QPalette:
    """A dark system theme, as a desktop in dark mode hands it to Qt."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#2b2b2b"), (roles.WindowText, "#f0f0f0"),
                         (roles.Base, "#1e1e1e"), (roles.AlternateBase, "#2a2a2a"),
                         (roles.Text, "#f0f0f0"), (roles.Button, "#353535"),
                         (roles.ButtonText, "#f0f0f0"), (roles.ToolTipBase, "#3c3c3c"),
                         (roles.ToolTipText, "#f0f0f0"), (roles.PlaceholderText, "#a0a0a0"),
                         (roles.Highlight, "#2f65ca"), (roles.HighlightedText, "#ffffff"),
                         (roles.Link, "#8ab4f8"), (roles.BrightText, "#ff6e6e"),
                         (roles.Light, "#505050"), (roles.Midlight, "#404040"),
                         (roles.Mid, "#303030"), (roles.Dark, "#202020"),
                         (roles.Shadow, "#101010")):
        palette.setColor(role, QColor(colour))
    for role, colour in ((roles.WindowText, "#8a8a8a"), (roles.Text, "#8a8a8a"),
                         (roles.ButtonText, "#8a8a8a")):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    return QApplication.style().standardPalette()


def use_theme(name: str) -> None:
    scheme = Qt.ColorScheme.Dark if name == "dark" else Qt.ColorScheme.Light
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):  # PySide6 6.8 and later
        hints.setColorScheme(scheme)
    QApplication.setPalette(dark_palette() if name == "dark" else light_palette())
    QApplication.processEvents()  # widgets hear of a new palette through posted events


@pytest.fixture(params=["light", "dark"])
def system_theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QApplication.palette()
    use_theme(request.param)
    yield request.param
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "unsetColorScheme"):
        hints.unsetColorScheme()
    QApplication.setPalette(before)


def contrast(first: QColor, second: QColor) -> float:
    return float(Color(first.name()).contrast(Color(second.name()), method="wcag21"))


def test_declared_colours_hold_in_each_theme(system_theme: str) -> None:
    palette = QApplication.palette()
    assert theme.is_dark(palette) is (system_theme == "dark")
    backgrounds = [palette.color(r) for r in (QPalette.ColorRole.Window,
                                              QPalette.ColorRole.Base,
                                              QPalette.ColorRole.AlternateBase)]
    low = {}
    for tone in Tone:
        for background in backgrounds:
            ratio = contrast(theme.text_colour(tone, palette), background)
            if ratio < TEXT:
                low[f"{tone.value} on {background.name()}"] = round(ratio, 2)
    for chip in Chip:
        text, background = theme.chip_colours(chip, palette)
        if contrast(text, background) < TEXT:
            low[chip.value] = round(contrast(text, background), 2)
    assert low == {}


def test_the_dashboard_chart_keeps_its_ink_on_paper(team: Team) -> None:
    svg = dashboard.funnel_picture(team.supervisor).decode()
    inks = set(re.findall(r'fill="(#[0-9a-fA-F]{6}|black|rgb\([^)]*\))"', svg))
    text_inks = {ink for ink in inks if ink != "#ffffff"} or {"black"}
    for ink in text_inks:
        colour = QColor(ink) if not ink.startswith("rgb") else QColor(
            *(round(float(v) * (2.55 if v.endswith("%") else 1)) for v in
              re.findall(r"[\d.]+%?", ink)))
        assert contrast(colour, QColor(theme.CHART_PAPER)) >= 3.0, ink  # bars: 3:1


def drawn_contrast(widget: QWidget) -> float:
    """Contrast between the commonest colour of the widget as drawn (its background) and
    the colour that stands out most from it (its text)."""
    image = widget.grab().toImage()
    counts: Counter[int] = Counter(
        image.pixel(x, y) for y in range(image.height()) for x in range(image.width()))
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(pixel), background) for pixel in counts)


def coloured_items(view: QAbstractItemView) -> Iterator[tuple[str, QColor]]:
    model = view.model()

    def visit(parent: QModelIndex) -> Iterator[tuple[str, QColor]]:
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(64):  # columnCount() is private on list models
                index = model.index(row, column, parent)
                if not index.isValid():
                    break
                brush = index.data(Qt.ItemDataRole.ForegroundRole)
                if brush is not None:
                    colour = brush.color() if isinstance(brush, QBrush) else QColor(brush)
                    yield str(index.data(Qt.ItemDataRole.DisplayRole)), colour
            first = model.index(row, 0, parent)
            if model.rowCount(first) > 0:
                yield from visit(first)

    yield from visit(QModelIndex())


@pytest.fixture
def caseload(team: Team) -> Team:
    demo.populate(team.supervisor, 8, [CASE_MANAGER], seed=5)
    return team


@pytest.mark.parametrize("role", ["case_manager", "supervisor"])
def test_coloured_text_on_every_screen_holds_contrast(qtbot: QtBot, caseload: Team,
                                                      system_theme: str, role: str) -> None:
    low: dict[str, float] = {}
    labels = items = 0
    for name, widget in walk(caseload.vault, getattr(caseload, role)):
        window = widget.window()
        for label in window.findChildren(ToneLabel):
            if label.isVisible() and label.text():
                labels += 1
                ratio = drawn_contrast(label)
                if ratio < TEXT:
                    low[f"{name}: {label.text()[:40]}"] = round(ratio, 2)
        for view in window.findChildren(QAbstractItemView):
            if not view.isVisible():
                continue
            base = view.palette().color(QPalette.ColorRole.Base)
            alternate = view.palette().color(QPalette.ColorRole.AlternateBase)
            for text, colour in coloured_items(view):
                items += 1
                ratio = min(contrast(colour, base), contrast(colour, alternate))
                if ratio < TEXT:
                    low[f"{name}: {text[:40]}"] = round(ratio, 2)
    assert low == {}
    assert labels >= 1  # the safe-contact band, the sensitive warning, ...
    assert items >= 1  # overdue dates in the caseload, overdue tasks, ...


def test_an_error_under_a_form_is_readable(qtbot: QtBot, system_theme: str) -> None:
    dialog = FirstRunDialog("/tmp/case.db")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "sam")
    qtbot.keyClicks(dialog.passphrase, "orange kettle under the stairs")
    qtbot.keyClicks(dialog.repeat, "orange kettle under the stars")
    dialog.accept()  # refused, and said why
    assert dialog.error.isVisible()
    assert drawn_contrast(dialog.error) >= TEXT


def test_a_label_follows_the_theme_when_it_changes(qtbot: QtBot, qapp: QApplication) -> None:
    before = QApplication.palette()
    try:
        use_theme("light")
        shown = ToneLabel("Overdue", tone=Tone.ERROR)
        hidden = ToneLabel("Not shown yet", tone=Tone.ERROR)
        for label in (shown, hidden):
            qtbot.addWidget(label)
        shown.show()
        assert theme.TEXT[Tone.ERROR][0] in shown.styleSheet()
        use_theme("dark")
        assert theme.TEXT[Tone.ERROR][1] in shown.styleSheet()
        hidden.show()
        assert theme.TEXT[Tone.ERROR][1] in hidden.styleSheet()
        use_theme("light")
        assert theme.TEXT[Tone.ERROR][0] in shown.styleSheet()
    finally:
        QApplication.setPalette(before)
