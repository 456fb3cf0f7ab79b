"""Constants and small helpers the tests share."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

SUPERVISOR = "sam"
SUPERVISOR_PASSPHRASE = "orange kettle under the stairs"
CASE_MANAGER = "ana"
CASE_MANAGER_PASSPHRASE = "violet bicycle near the harbour"
COORDINATOR = "cole"
COORDINATOR_PASSPHRASE = "seven quiet lanterns on a hill"
OTHER_CASE_MANAGER = "ben"
OTHER_CASE_MANAGER_PASSPHRASE = "copper teapot beside the window"
# Each test account's passphrase, by account name.
PASSPHRASES = {SUPERVISOR: SUPERVISOR_PASSPHRASE, CASE_MANAGER: CASE_MANAGER_PASSPHRASE,
               OTHER_CASE_MANAGER: OTHER_CASE_MANAGER_PASSPHRASE,
               COORDINATOR: COORDINATOR_PASSPHRASE}


class FakeClock:
    """Epoch seconds that only move when a test says so."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def snapshot(*paths: Path) -> dict[str, bytes | None]:
    """The bytes of each file (None when absent), to compare before and after."""
    return {p.name: (p.read_bytes() if p.exists() else None) for p in paths}


def load_build_script() -> ModuleType:
    """installer/build.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location(
        "casetracker_build", Path(__file__).resolve().parents[1] / "installer" / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def top_level_widgets() -> list:  # type: ignore[type-arg]
    """`QApplication.topLevelWidgets()` without the crash it can cause: making the list's Python
    wrappers can start a garbage collection that deletes an unreferenced window while Qt is
    still making the list (see `gui.safety.hide_every_window`). Collect first, then list with
    the collector paused."""
    import gc

    from PySide6.QtWidgets import QApplication

    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        return list(QApplication.topLevelWidgets())
    finally:
        if collecting:
            gc.enable()


def confirm_recovery_key(dialog: Any, qtbot: Any) -> None:
    """Do what a person does with a new recovery key's dialog: tick the box and type the
    groups it asks for, from the paper (here, from the key on screen)."""
    dialog.confirm.setChecked(True)
    groups = dialog.key_label.text().split("-")
    for field, index in zip(dialog.check_fields, dialog.asked, strict=True):
        qtbot.keyClicks(field, groups[index].lower())
