"""The desktop app shows its lock screen before loading what only an unlock needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Loaded on demand: the dialogs of first run, recovery and settings, the main window and the
# record screens, and the libraries behind unlocking, PDFs and spreadsheets.
DEFERRED = ("casetracker.gui.first_run", "casetracker.gui.recovery_dialog",
            "casetracker.gui.dialogs", "casetracker.gui.main_window", "casetracker.gui.record",
            "casetracker.services.accounts", "casetracker.services.settings",
            "casetracker.services.spreadsheet",
            "cryptography", "sqlcipher3", "reportlab", "openpyxl", "faker")

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
