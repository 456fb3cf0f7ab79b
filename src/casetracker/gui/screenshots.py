"""Rendering every screen and dialog offscreen to PNG files, for the README and for review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from casetracker.gui.screens import walk
from casetracker.services.vault import Vault


def render_all(vault: Vault, name: str, passphrase: str, out: Path) -> list[Path]:
    """Write one PNG per screen and dialog into `out`; return their paths."""
    _app = QApplication.instance() or QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    session = vault.unlock(name, passphrase)
    try:
        for screen, widget in walk(vault, session):
            path = out / f"{len(written) + 1:02d}-{screen}.png"
            widget.grab().save(str(path))
            written.append(path)
    finally:
        session.close()
    return written
