"""The interface language: which one, and loading its translations at start-up.

The choice lives in QSettings as "en" or "es" only (no case data), because the lock screen
needs it before the database is open; with no choice saved, the system's language decides.
It takes effect the next time the program starts. Translations are Qt Linguist files
(`resources/translations/casetracker_<lang>.ts`) compiled to `.qm` beside them by
`dev.py` or the installer's build; without a `.qm` the program simply stays in English.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QSettings,
    QTranslator,
)

LANGUAGES = {"en": "English", "es": "Español"}
SOURCE_LANGUAGE = "en"
SETTINGS_KEY = "ui/language"
LOCALES = {"en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
           "es": QLocale(QLocale.Language.Spanish, QLocale.Country.LatinAmerica)}


def translations_folder() -> Path:
    return Path(str(resources.files("casetracker.resources") / "translations"))


def saved_language() -> str | None:
    """The language chosen in Settings, or None to follow the system."""
    value = QSettings().value(SETTINGS_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


def save_language(language: str | None) -> None:
    if language is None:
        QSettings().remove(SETTINGS_KEY)
    elif language in LANGUAGES:
        QSettings().setValue(SETTINGS_KEY, language)


def system_language() -> str:
    for name in QLocale.system().uiLanguages():
        code = name.split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def preferred_language() -> str:
    return saved_language() or system_language()


def install(language: str, folder: Path | None = None) -> list[QTranslator]:
    """Load the program's and Qt's own translations for `language` into the application.

    Returns the installed translators (keep them; `uninstall` removes them). English, an
    unknown language or a missing `.qm` install nothing, and the interface stays in English.
    """
    app = QCoreApplication.instance()
    if app is None or language not in LANGUAGES or language == SOURCE_LANGUAGE:
        if language == SOURCE_LANGUAGE and QLocale.system().language() != LOCALES["en"].language():
            QLocale.setDefault(LOCALES["en"])  # English chosen on, say, a Spanish computer
        return []
    ours = QTranslator(app)
    if not ours.load(f"casetracker_{language}", str(folder or translations_folder())):
        return []
    installed = [ours]
    from PySide6.QtCore import QLibraryInfo  # not needed for English, the usual start

    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    for translator in installed:
        QCoreApplication.installTranslator(translator)
    QLocale.setDefault(LOCALES[language])
    return installed


def uninstall(translators: list[QTranslator]) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
