"""The PySide6 desktop application: the only package allowed to import Qt."""

from casetracker.gui import qt_fixes

qt_fixes.install()  # before any screen emits a signal (see qt_fixes)
