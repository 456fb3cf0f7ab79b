"""`casetracker selftest` with its window check: the main window opens offscreen and is gone
afterwards."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from casetracker.cli import main
from casetracker.gui.main_window import MainWindow


def test_selftest_opens_and_closes_the_main_window(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert main(["selftest"]) == 0
    lines = capsys.readouterr().out.splitlines()
    window_line = next(line for line in lines if "main window" in line)
    assert window_line.startswith("ok    main window: opened and closed on the offscreen "
                                  "platform (1 case in the caseload, its record with ")
    assert all(line.startswith("ok ") for line in lines), lines
    assert [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)] == []
    assert list(tmp_path.iterdir()) == []
