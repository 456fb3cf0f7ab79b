"""The lock screen starts without the crypto, database and PDF libraries (issue 8).

Listing the accounts needs only the key file's JSON; `cryptography`, `sqlcipher3` and
`reportlab` take long to load and wait for an unlock. Each check runs in a fresh interpreter,
since this test process has long since imported all of them.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import Created
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE

HEAVY = ("cryptography", "sqlcipher3", "reportlab")

# What the desktop controller imports from below `gui/` before it shows the lock screen.
_LOCK_SCREEN = """
import json, sys
from casetracker.services import accounts, session, settings
from casetracker.services.vault import Vault
from casetracker.security.kdf import FAST_INSECURE

def loaded():
    return sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))

HEAVY = json.loads(sys.argv[2])
report = {"imported": loaded()}
vault = Vault(sys.argv[1], kdf=FAST_INSECURE)  # the test's slots: the shipped one refuses them
report["names"] = vault.account_names()
report["listed"] = loaded()
if len(sys.argv) > 3:
    vault.unlock(report["names"][0], sys.argv[3]).close()
    report["unlocked"] = loaded()
print(json.dumps(report))
"""


def _run(*args: str) -> dict[str, list[str]]:
    result = subprocess.run([sys.executable, "-c", _LOCK_SCREEN, args[0], json.dumps(HEAVY),
                             *args[1:]], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    report: dict[str, list[str]] = json.loads(result.stdout)
    return report


def test_lock_screen_path_loads_no_heavy_library(created: Created) -> None:
    created.session.close()
    report = _run(str(created.vault.paths.db))
    assert report["names"] == [SUPERVISOR]
    assert report["imported"] == []
    assert report["listed"] == []


def test_unlocking_loads_them(created: Created) -> None:
    """The check above would pass vacuously if these modules had changed their names."""
    created.session.close()
    report = _run(str(created.vault.paths.db), SUPERVISOR_PASSPHRASE)
    assert report["listed"] == []
    assert {"cryptography", "sqlcipher3"} <= set(report["unlocked"])
