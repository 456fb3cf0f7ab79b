"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from casetracker.domain.errors import DatabaseInUseError
from casetracker.gui import i18n
from casetracker.gui.controller import AppController
from casetracker.gui.messages import error_text
from casetracker.security.kdf import KdfParams
from casetracker.services.vault import Vault

# The demonstration database opened when no database is named shares this public passphrase;
# it holds only synthetic people.
DEMO_PASSPHRASE = "try the demo safely"  # noqa: S105 - public by design, synthetic data only
DEMO_SURVIVORS = 150


def demo_notice() -> str:
    return QCoreApplication.translate(
        "app",
        "This is the demonstration database: every person in it is made up. Every demo "
        "account's passphrase is “{0}”. To set up your program's own database, choose "
        "“Set up your program's database…” below.").format(DEMO_PASSPHRASE)


def choose_database(db: Path | None, default: Path, kdf: KdfParams,
                    remembered: Path | None = None) -> tuple[Path, str]:
    """The database to open and a notice for the lock screen (only the demo has one).

    A named database is opened (or set up, if new). With none named, the database last
    unlocked here (`remembered`, never a demo) or else the program's own database is opened
    if it exists; otherwise the demonstration database, made on first run.
    """
    if db is not None:
        return db, ""
    if remembered is not None and remembered.exists():
        return remembered, ""
    if default.exists():
        return default, ""
    demo_path = default.with_name("demo.db")
    if not demo_path.exists():
        # Only making the demonstration loads its generator (and the modules behind it).
        from casetracker.services import demo

        staff = demo.create_demo(demo_path, DEMO_SURVIVORS, passphrase=DEMO_PASSPHRASE, kdf=kdf)
        for account in staff:
            print(f"account {account.name} ({account.role.value}): {account.passphrase}")
    return demo_path, demo_notice()


def run(db: Path | None, default: Path, *, kdf: KdfParams) -> int:
    """Show the lock screen (or first-run set-up) and run until the last window closes."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Case Tracker")
    app.setOrganizationName("CaseTracker")
    language_notice = i18n.start()  # the translators live as children of the app
    from casetracker.gui import error_dialog
    from casetracker.gui.lock_screen import remembered_database

    path, notice = choose_database(db, default, kdf, remembered_database())
    vault = Vault(path, kdf=kdf)
    try:
        controller = AppController(vault, notice=notice, demo=bool(notice), default_db=default)
        with controller.holding(), error_dialog.installed(controller):
            # Quick exit ends the program once every window is hidden and the database closed;
            # exit(), not quit(), which would ask each window to close and might be refused.
            controller.quick_exited.connect(lambda: app.exit(0))
            controller.start()
            if language_notice:  # the language chosen could not be loaded: say so
                i18n.tell(language_notice, controller.lock_screen)
            code = app.exec()
            if controller.session is not None:
                controller.session.close()
            return int(code)
    except DatabaseInUseError as exc:
        from PySide6.QtWidgets import QMessageBox  # only here: it costs start-up 1 ms

        QMessageBox.warning(None, QCoreApplication.translate("app", "Case Tracker"),
                            error_text(exc))
        return 1
