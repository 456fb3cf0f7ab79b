"""Quick exit hides every window with Python's garbage collector held back: making the wrappers
for the window list can start a collection that deletes an unreferenced window the list is
still being made from (a segfault seen in the suite, at the worst moment for a person)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from casetracker.gui.safety import hide_every_window


@pytest.fixture
def collections() -> Iterator[list[str]]:
    """Every garbage collection that starts, and a collection at almost every allocation."""
    started: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            started.append(phase)

    threshold = gc.get_threshold()
    gc.callbacks.append(note)
    gc.set_threshold(1)
    try:
        yield started
    finally:
        gc.set_threshold(*threshold)
        gc.callbacks.remove(note)


def test_no_collection_runs_while_every_window_is_hidden(
        qapp: QApplication, collections: list[str]) -> None:
    windows = []
    for _ in range(5):
        window = QWidget()
        QComboBox(window).view()  # its pop-up: a window of its own, not yet wrapped
        window.show()
        windows.append(window)
    collections.clear()
    hide_every_window()
    assert collections == []
    assert not any(w.isVisible() for w in windows)
