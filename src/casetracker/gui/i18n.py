"""The interface language: which one, and loading its translations.

Each person chooses their own language (Settings); it is kept with their account, inside the
database, and used from their next unlock. The lock screen shows before anyone is known, so
the language last chosen on this computer is also kept in QSettings, as "en" or "es" only (no
case data); with none saved, the system's language decides. Translations are Qt Linguist
files (`resources/translations/casetracker_<lang>.ts`) compiled to `.qm` beside them by
`dev.py` or the installer's build. When a language cannot be loaded the program shows
English and says so, in that language's own words as well (its translation is what is
missing).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QSettings,
    QTranslator,
)

if TYPE_CHECKING:  # loaded when used: the lock screen shows before either is needed
    from PySide6.QtWidgets import QMessageBox, QWidget

    from casetracker.services.session import Session

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


def save_language(language: str | None, session: Session | None = None) -> None:
    """Keep a choice of language: for this computer's lock screen and, given the session, as
    the account's own."""
    if session is not None:
        from casetracker.services import settings

        settings.set_own_language(session, language)
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

    Returns the installed translators (keep them; `uninstall` removes them). English
    installs only its plural forms ("1 case", "2 cases": `casetracker_en.ts` holds nothing
    else); an unknown language or a missing `.qm` install nothing, and the interface stays
    in English.
    """
    app = QCoreApplication.instance()
    if app is None or language not in LANGUAGES or language == SOURCE_LANGUAGE:
        if language == SOURCE_LANGUAGE and QLocale.system().language() != LOCALES["en"].language():
            QLocale.setDefault(LOCALES["en"])  # English chosen on, say, a Spanish computer
        if app is None or language not in LANGUAGES:
            return []
    ours = QTranslator(app)
    if not ours.load(f"casetracker_{language}", str(folder or translations_folder())):
        ours.setParent(None)  # not kept: the app's translators are the ones that loaded
        return []
    if language == SOURCE_LANGUAGE:
        QCoreApplication.installTranslator(ours)
        return [ours]
    installed = [ours]
    from PySide6.QtCore import QLibraryInfo  # not needed for English, the usual start

    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    else:
        qt.setParent(None)
    for translator in installed:
        QCoreApplication.installTranslator(translator)
    QLocale.setDefault(LOCALES[language])
    return installed


def uninstall(translators: list[QTranslator]) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


# Said in the language that could not be loaded, since its translation is what is missing.
UNAVAILABLE_IN_ITS_OWN_WORDS = {
    "es": "No se pudo cargar la traducción al español, así que Case Tracker se muestra en "
          "inglés. Pida a quien instaló el programa que lo instale de nuevo (en una copia del "
          "código fuente: python3 dev.py app).",
}


def unavailable(language: str, translators: list[QTranslator]) -> str | None:
    """What to tell the person when `language` was wanted but its translation did not load
    (None when it loaded, or English was wanted)."""
    if language == SOURCE_LANGUAGE or language not in LANGUAGES or translators:
        return None
    english = (f"{LANGUAGES[language]} was chosen, but its translation "
               f"(casetracker_{language}.qm) could not be loaded, so Case Tracker is shown in "
               "English. Ask whoever installed it to install it again (in a source checkout: "
               "python3 dev.py app).")
    own = UNAVAILABLE_IN_ITS_OWN_WORDS.get(language)
    return f"{own}\n\n{english}" if own else english


def start(folder: Path | None = None) -> str | None:
    """Install the language this computer last chose (else the system's) as the program
    starts; what to tell the person if it could not be loaded."""
    language = preferred_language()
    return unavailable(language, install(language, folder))


def current_language() -> str:
    """The language the screens made now are shown in."""
    app = QCoreApplication.instance()
    loaded = bool(app is not None and app.findChildren(QTranslator))
    name = QLocale().name().split("_")[0]
    return name if loaded and name in LANGUAGES else SOURCE_LANGUAGE


def use_account_language(session: Session, folder: Path | None = None) -> str | None:
    """At unlock, before the main window is made: switch to the account's own language, if
    it chose one; what to tell the person if it could not be loaded. The choice also becomes
    this computer's, so that the lock screen speaks it next."""
    from casetracker.services import settings

    chosen = settings.own_language(session)
    if chosen is None or chosen not in LANGUAGES or chosen == current_language():
        return None
    app = QCoreApplication.instance()
    if app is not None:
        previous = app.findChildren(QTranslator)
        uninstall(previous)
        for translator in previous:
            translator.setParent(None)  # no longer the app's: freed with this list
    save_language(chosen)
    return unavailable(chosen, install(chosen, folder))


def tell(notice: str, parent: QWidget | None = None) -> QMessageBox:
    """Show what `unavailable` said, without stopping anything (returned shown)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("app", "Case Tracker"), notice,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("languageUnavailable")
    box.open()
    return box
