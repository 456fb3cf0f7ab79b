"""The desktop app shows its lock screen before loading what only an unlock needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import Created

# Loaded on demand: the dialogs of first run, recovery and settings, the main window and the
# record screens, and the libraries behind unlocking, PDFs and spreadsheets.
DEFERRED = ("casetracker.gui.first_run", "casetracker.gui.recovery_dialog",
            "casetracker.gui.dialogs", "casetracker.gui.main_window", "casetracker.gui.record",
            "casetracker.services.accounts", "casetracker.services.settings",
            "casetracker.services.spreadsheet", "casetracker.services.audit_anchor",
            "casetracker.storage.migrations", "cryptography", "sqlcipher3", "reportlab",
            "openpyxl", "faker")

_SCRIPT = """
import json, sys
from casetracker.gui.controller import AppController
print(json.dumps(sorted(sys.modules)))
"""


def test_the_controller_loads_only_what_the_lock_screen_needs() -> None:
    result = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True,
                            check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert "casetracker.gui.lock_screen" in loaded  # the check can see what it looks for
    early = [name for name in loaded if name.startswith(DEFERRED)]
    assert early == []


# The program as its entry point starts it with no command: the command line's own modules,
# the demo generator and the interface's labels wait too.
_START = """
import json, sys
from casetracker.cli import main
from PySide6 import QtCore
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
shown = []

def leave():
    shown.extend(w.objectName() for w in app.topLevelWidgets() if w.isVisible())
    app.quit()

QtCore.QTimer.singleShot(0, leave)
code = main(["--db", sys.argv[1]])
print(json.dumps({
    "code": code, "modules": sorted(sys.modules), "shown": shown,
    # Building PySide6's `Qt` namespace costs 15 ms (gui/lock_screen.py).
    "qt_namespace_built": "Qt" in vars(QtCore)}))
"""


def test_starting_the_program_shows_the_lock_screen_with_only_what_it_needs(
        created: Created) -> None:
    created.session.close()
    result = subprocess.run([sys.executable, "-c", _START, str(created.vault.paths.db)],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0
    assert report["shown"] == ["lockScreen"]
    later = (*DEFERRED, "casetracker.cli.case_commands", "casetracker.cli.report_commands",
             "casetracker.services.demo", "casetracker.gui.labels", "pypdf")
    assert [name for name in report["modules"] if name.startswith(later)] == []
    assert not report["qt_namespace_built"]
