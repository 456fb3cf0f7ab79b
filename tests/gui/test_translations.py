"""Spanish: the translation file is complete, and every window and dialog shows it.

The walk (gui/screens.py) opens every screen with the Spanish translators installed; any
visible text that is still an English source string of the translation file, or that still
reads like one of its English patterns ("{0} of {1} milestones"), fails the test.
"""

from __future__ import annotations

import ast
import contextlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casetracker.domain.accounts import Role
from casetracker.domain.apprenticeships import COACHING_LABELS
from casetracker.domain.audit import (
    ACTION_WORDS,
    CONCERN_WORDS,
    PART_WORDS,
    VALUE_WORDS,
    VIEWED,
    detail_label,
)
from casetracker.domain.consent import CATEGORY_DESCRIPTIONS
from casetracker.domain.documents import DOCUMENT_LABELS
from casetracker.domain.employment import STAGE_LABELS, TRACK_LABELS, WORKSHOP_LABELS
from casetracker.domain.errors import CaseTrackerError, ThrottledError, UsageError
from casetracker.domain.reports import METRIC_LABELS
from casetracker.domain.retention import RetentionPolicy
from casetracker.domain.survivors import GENDER_LABELS, CaseStatus
from casetracker.domain.validation import ValidationError
from casetracker.gui import audit_words, i18n, labels
from casetracker.gui.audit_window import AuditWindow
from casetracker.gui.audit_words import trail_words
from casetracker.gui.messages import error_text, import_problem
from casetracker.gui.screens import walk
from casetracker.services import accounts, demo, importer, retention, survivors
from casetracker.services.import_mapping import check_mapping
from casetracker.services.spreadsheet import SpreadsheetError, text_table
from tests.conftest import Team
from tests.helpers import CASE_MANAGER

TS_FILE = i18n.translations_folder() / "casetracker_es.ts"
GUI = Path(i18n.__file__).parent
# Qt's own buttons: translated by qtbase_es, so an English one means it did not load.
QT_ENGLISH = {"OK", "&OK", "Cancel", "&Cancel", "Close", "&Close", "&Yes", "&No", "Apply"}
PLACEHOLDER = re.compile(r"\{\d+\}|%n")


def qt_tool(name: str) -> str:
    tool = Path(sys.executable).with_name(name)
    return str(tool) if tool.exists() else shutil.which(name) or name


@dataclass
class Catalog:
    sources: set[str]
    translations: set[str]
    patterns: list[tuple[re.Pattern[str], re.Pattern[str]]]  # English, Spanish

    def untranslated(self, text: str) -> bool:
        if text in i18n.LANGUAGES.values():  # each language is named in its own words
            return False
        if text in QT_ENGLISH:
            return True
        if text in self.translations:
            return False
        if text in self.sources:
            return True
        return any(english.fullmatch(text) and not spanish.fullmatch(text)
                   for english, spanish in self.patterns)


def messages(path: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def as_pattern(text: str) -> re.Pattern[str] | None:
    """"{0} of {1} milestones" as a pattern, when enough words are left to recognise it."""
    parts = PLACEHOLDER.split(text)
    if len(parts) < 2 or len(re.sub(r"[^A-Za-zÀ-ÿ]", "", "".join(parts))) < 4:
        return None
    return re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)


def load_catalog() -> Catalog:
    sources, translations, patterns = set(), set(), []
    for _context, message in messages(TS_FILE):
        source = message.findtext("source") or ""
        sources.add(source)
        forms = translations_of(message)
        translations.update(forms)
        english = as_pattern(source)
        if english is not None:
            spanish = [p for p in map(as_pattern, forms) if p is not None]
            patterns += [(english, s) for s in spanish] or [(english, re.compile(r"(?!)"))]
    return Catalog(sources, translations, patterns)


# -- the translation file -----------------------------------------------------------------------


def test_the_translation_file_matches_the_sources(tmp_path: Path) -> None:
    """A fresh lupdate finds no new English string and none that is gone: run
    `python3 dev.py translations` and translate what it marks unfinished."""
    fresh = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, fresh)
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    subprocess.run([qt_tool("pyside6-lupdate"), *sources, "-locations", "none",
                    "-source-language", "en", "-ts", str(fresh)],
                   check=True, capture_output=True)
    problems = [f"{context}: {message.findtext('source')!r} is "
                f"{message.find('translation').get('type')}"  # type: ignore[union-attr]
                for context, message in messages(fresh)
                if message.find("translation").get("type")]  # type: ignore[union-attr]
    assert problems == []
    assert len(list(messages(fresh))) > 400


def test_every_translation_keeps_the_placeholders_and_markup() -> None:
    problems = []
    for context, message in messages(TS_FILE):
        source = message.findtext("source") or ""
        for form in translations_of(message):
            if not form.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            for pattern in (PLACEHOLDER, re.compile(r"</?\w+")):
                if sorted(pattern.findall(source)) != sorted(pattern.findall(form)):
                    problems.append(f"{context}: {source!r} -> {form!r}")
    assert problems == []


def test_every_domain_label_is_listed_for_translation() -> None:
    """The domain (no Qt) names stages, workshops, figures and documents in English."""
    listed = set(labels.DOMAIN_LABELS)
    for table in (STAGE_LABELS, WORKSHOP_LABELS, METRIC_LABELS, DOCUMENT_LABELS,
                  CATEGORY_DESCRIPTIONS, TRACK_LABELS, COACHING_LABELS, GENDER_LABELS):
        assert set(table.values()) <= listed


def audited_detail_keys() -> set[str]:
    """Every detail an audit entry can carry: the keywords of audit calls in src
    (`session.audit(..., reason=…)`), the keys of the entries written directly, and those
    handed over in a dict (a refusal's, a consent's recipient, the retention policy's)."""
    keys = {"attempted", "role", "consent", "recipient_kind",
            *(f.name for f in fields(RetentionPolicy))}
    for path in GUI.parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in ("audit", "audit_once", "replace_user_slot"):
                keys.update(k.arg for k in node.keywords if k.arg is not None)
            elif name == "append_audit":
                keys.update(key.value for arg in node.args if isinstance(arg, ast.Dict)
                            for key in arg.keys if isinstance(key, ast.Constant))
    return keys - {"actor", "must_change", "action", "part"}


def test_every_word_of_the_audit_log_is_listed_for_translation() -> None:
    """The audit log viewer says what each entry did in the interface language."""
    listed = set(audit_words.AUDIT_WORDS)
    keys = audited_detail_keys()
    assert {"reason", "sha256", "case_manager", "cases", "by", "schema", "enrolled_by"} <= keys
    for words in (ACTION_WORDS.values(), PART_WORDS.values(), CONCERN_WORDS.values(),
                  VALUE_WORDS, [VIEWED], map(detail_label, keys)):
        assert sorted(set(words) - listed) == []


class Marking(QTranslator):
    """A translator that marks every word of the audit log and of the services' messages."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return f"«{source}»" if context in ("audit", "errors") else ""


def test_the_audit_log_says_what_happened_in_the_interface_language(
        qtbot: QtBot, team: Team) -> None:
    survivors.create_survivor(team.case_manager, survivors.draft("CT-1", "Ana"))
    accounts.add_account(team.supervisor, "nuevo", Role.CASE_MANAGER,
                         "a long enough passphrase here")
    marking = Marking()
    QCoreApplication.installTranslator(marking)
    try:
        viewer = AuditWindow(team.supervisor)
        qtbot.addWidget(viewer)
        rows = [[viewer.table.item(r, c).text()  # type: ignore[union-attr]
                 for c in range(viewer.table.columnCount())]
                for r in range(viewer.table.rowCount())]
        viewer.verify()
        verified = viewer.result.text()
        damaged = trail_words("audit trail damaged at entry 3: its content or position was "
                              "changed (MAC does not match)\naudit checkpoints: entries after 2 "
                              "are missing: dana countersigned entry 4 on 2026-03-01")
    finally:
        QCoreApplication.removeTranslator(marking)
    what, concerned, details, action = 3, 5, 6, 7
    assert rows
    assert all(row[what].startswith("«") for row in rows)
    created = next(row for row in rows if row[action] == "survivor.create")
    assert created[what] == "«took in a new case»"
    added = next(row for row in rows if row[action] == "account.add" and "nuevo" in row[concerned])
    assert added[concerned] == "«account {0}»".replace("{0}", "nuevo")
    assert "«role»: «case manager»." in added[details]  # the detail's label, and its value
    assert all(detail.count("«") >= detail.count(": ") for detail in (r[details] for r in rows))
    assert verified.startswith("«audit trail intact: ")
    assert all(line.startswith("«") for line in verified.splitlines())  # checkpoints too
    assert damaged == ("«audit trail damaged at entry 3: «its content or position was changed "
                       "(MAC does not match)»»\n«audit checkpoints: «entries after 2 are "
                       "missing: dana countersigned entry 4 on 2026-03-01»»")


def test_the_language_setting_holds_only_a_language_code(qapp: object) -> None:
    from PySide6.QtCore import QSettings

    assert i18n.saved_language() is None
    i18n.save_language("es")
    assert i18n.preferred_language() == "es"
    assert QSettings().value(i18n.SETTINGS_KEY) == "es"
    i18n.save_language(None)
    assert i18n.saved_language() is None
    assert i18n.preferred_language() in i18n.LANGUAGES


def test_without_a_compiled_translation_the_program_stays_in_english(tmp_path: Path,
                                                                      qapp: object) -> None:
    assert i18n.install("es", folder=tmp_path) == []
    assert QCoreApplication.translate("LockScreen", "Unlock") == "Unlock"


# -- every window and dialog, in Spanish --------------------------------------------------------


@contextlib.contextmanager
def spanish_installed(folder: Path) -> Iterator[None]:
    """The Spanish translators installed, from a .qm compiled into `folder`."""
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(TS_FILE), "-qm",
                    str(folder / "casetracker_es.qm")], check=True)
    translators = i18n.install("es", folder=folder)
    assert len(translators) == 2, "the program's and Qt's own Spanish translations"
    try:
        yield
    finally:
        i18n.uninstall(translators)


@pytest.fixture
def spanish(tmp_path: Path, qapp: object) -> Iterator[None]:
    with spanish_installed(tmp_path):
        yield


AUDIT_WORD_COLUMNS = (3, 5, 6)  # What, Concerns, Details


def visible_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of interface text a person sees or hears."""
    yield "window title", window.windowTitle()
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        kind = type(widget).__name__
        yield f"{kind} accessible name", widget.accessibleName()
        yield f"{kind} accessible description", widget.accessibleDescription()
        yield f"{kind} tooltip", widget.toolTip()
        for action in QWidget.actions(widget):  # a dialog may name a field "actions"
            yield "action", action.text().replace("&", "")
            yield "action tooltip", action.toolTip()
        if isinstance(widget, QLabel):
            # A label a person can select holds the record's data (a profile value such as
            # a primary language of "Spanish"), not interface text.
            if not widget.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse:
                yield "label", widget.text()
        elif isinstance(widget, QAbstractButton):
            yield "button", widget.text()
        elif isinstance(widget, QGroupBox):
            yield "group box", widget.title()
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield "placeholder", widget.placeholderText()
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield "tab", widget.tabText(index)
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield "choice", widget.itemText(index)
        elif isinstance(widget, QTableView | QTreeView):
            header = (QTableView.horizontalHeader(widget) if isinstance(widget, QTableView)
                      else QTreeView.header(widget))
            for column in range(header.count()):
                yield "column header", str(header.model().headerData(
                    column, Qt.Orientation.Horizontal) or "")
        if isinstance(widget, QMessageBox):
            yield "message", widget.text()
    if isinstance(window, AuditWindow):
        # What each entry did, what else it concerns and its details: the trail's words.
        for row in range(min(window.table.rowCount(), 60)):
            for column in AUDIT_WORD_COLUMNS:
                item = window.table.item(row, column)
                yield "audit words", item.text() if item is not None else ""


def screen_texts(team: Team, *, every_role: bool = True) -> list[tuple[str, str, str]]:
    """(screen, where, text) for every screen of the walk, for each role."""
    found = []
    roles = [team.case_manager, team.supervisor, team.coordinator]
    for session in roles if every_role else roles[:1]:
        for name, window in walk(team.vault, session):
            found += [(name, where, text.strip()) for where, text in visible_texts(window)
                      if text.strip()]
    return found


def untranslated_on_screens(team: Team, catalog: Catalog, *,
                            every_role: bool = True) -> tuple[list[str], set[str]]:
    found = screen_texts(team, every_role=every_role)
    problems = {f"{name}: {where} {text!r}" for name, where, text in found
                if catalog.untranslated(text)}
    return sorted(problems), {text for _name, _where, text in found}


# Interface text (not data) that must change with the language.
CHROME = ("window title", "button", "group box", "placeholder", "tab", "column header",
          "action", "accessible name", "audit words")


def test_every_window_and_dialog_is_in_spanish(qtbot: QtBot, team: Team, tmp_path: Path) -> None:
    demo.populate(team.supervisor, 6, [CASE_MANAGER], seed=7)
    catalog = load_catalog()
    english = {(where, text) for _name, where, text in screen_texts(team)
               if where.endswith(CHROME)}
    with spanish_installed(tmp_path):
        problems, seen = untranslated_on_screens(team, catalog)
        # Interface text the same in both languages is English that never went through
        # tr() (a hard-coded or service-made string), unless its translation is the same.
        same = sorted({f"{where} {text!r}" for _name, where, text in screen_texts(team)
                       if (where, text) in english and text not in catalog.translations
                       and any(c.islower() for c in text)})  # not "#", "XXXXXX-…"
    assert problems == []
    assert same == []
    # Not vacuous: the Spanish interface was on screen, Qt's own buttons included.
    for text in ("Desbloquear", "Casos activos", "Metas y planes", "Empleadores aliados",
                 "Registro de auditoría", "Panel de supervisión", "Perfil de empleo",
                 "Configuración", "Cancelar"):
        assert text in seen, text
    assert len(seen & catalog.translations) > 250


def test_the_check_catches_an_english_string(qtbot: QtBot, team: Team) -> None:
    """Without translators the same walk reports the English it sees."""
    catalog = load_catalog()
    problems, _seen = untranslated_on_screens(team, catalog, every_role=False)
    assert any("'Unlock'" in p for p in problems)
    assert any("'Cancel'" in p for p in problems)
    assert catalog.untranslated("3 of 5 milestones")
    assert not catalog.untranslated("3 de 5 pasos")


# -- the services' messages, shown in Spanish ---------------------------------------------------


def raised(call: Callable[[], object]) -> CaseTrackerError:
    with pytest.raises(CaseTrackerError) as caught:
        call()
    return caught.value


def test_the_messages_people_meet_are_shown_in_spanish(team: Team, spanish: None) -> None:
    wrong = raised(lambda: team.vault.unlock(CASE_MANAGER, "not the right passphrase at all"))
    assert error_text(wrong) == f"La frase de acceso no es correcta para {CASE_MANAGER}"
    short = raised(lambda: accounts.add_account(team.supervisor, "nuevo", Role.CASE_MANAGER,
                                                "corta"))
    assert error_text(short).startswith("La frase de acceso tiene 5 caracteres; use al menos")
    empty = raised(lambda: survivors.create_survivor(team.case_manager,
                                                     survivors.draft("CT-9", "")))
    assert isinstance(empty, ValidationError)
    assert error_text(empty) == "Nombre preferido: es obligatorio"
    assert error_text(ThrottledError("too many failed attempts; wait 3 seconds and try again",
                                     2.6)) == ("Demasiados intentos fallidos. Espere 3 segundos "
                                               "e intente de nuevo.")
    # A message without a translation is shown as the service wrote it, with a capital.
    assert error_text(UsageError("something new went wrong")) == "Something new went wrong"


SHEET = ("Case number,Preferred name,DOB\n"
         "CT-1,Rosa,1990-02-03\n"
         "CT-7,,31/12/1990\n"
         "CT-7,Eva,\n")


def test_the_import_wizard_lists_its_problems_in_spanish(team: Team, spanish: None) -> None:
    survivors.create_survivor(team.case_manager, survivors.draft("CT-1", "Ana"))
    problems = importer.check_survivors(team.case_manager, text_table(SHEET))
    assert [import_problem(p) for p in problems] == [
        "fila 2: Case number: CT-1 ya existe",
        "fila 3: Preferred name: es obligatorio",
        "fila 3: DOB: '31/12/1990' no es una fecha (use AAAA-MM-DD)",
        "fila 4: Case number: CT-7 ya aparece en la fila 3",
    ]
    # A column without a heading is named by the field it fills.
    assert import_problem("row 5: date_of_birth: '1/2' is not a date (use DD/MM/YYYY)",
                          {"date_of_birth": "Fecha de nacimiento"}) == (
        "fila 5: Fecha de nacimiento: '1/2' no es una fecha (use DD/MM/AAAA)")
    assert [import_problem(p) for p in check_mapping(["Name"], [None])] == [
        "fila 1: ninguna columna llena el campo case_number, que es obligatorio",
        "fila 1: ninguna columna llena el campo preferred_name, que es obligatorio"]
    unreadable = SpreadsheetError(["row 1: old Excel files (.xls) cannot be read; save the "
                                   "spreadsheet as .xlsx or CSV"])
    assert error_text(unreadable) == (
        "No se importó nada; corrija esto e intente de nuevo:\n"
        "fila 1: los archivos antiguos de Excel (.xls) no se pueden leer; guarde la hoja de "
        "cálculo como .xlsx o CSV")


def test_the_purge_messages_are_shown_in_spanish(team: Team, spanish: None) -> None:
    survivors.create_survivor(team.case_manager, survivors.draft("CT-1", "Ana"))
    active = raised(lambda: retention.purge_case(team.supervisor, "CT-1", "CT-1"))
    assert error_text(active) == ("El caso CT-1 todavía está activo: primero su gestor/a de "
                                  "casos debe cerrarlo; no se eliminó nada")
    survivors.set_status(team.case_manager, "CT-1", CaseStatus.CLOSED)
    wrong = raised(lambda: retention.purge_case(team.supervisor, "CT-1", "CT-2"))
    assert error_text(wrong) == ("Para eliminar definitivamente el caso CT-1, escriba su número "
                                 "de caso tal como aparece; no se eliminó nada")


def test_the_messages_read_as_before_in_english(team: Team) -> None:
    empty = raised(lambda: survivors.create_survivor(team.case_manager,
                                                     survivors.draft("CT-9", "")))
    assert error_text(empty) == "Preferred name is required"
    wrong = raised(lambda: team.vault.unlock(CASE_MANAGER, "not the right passphrase at all"))
    assert error_text(wrong) == f"Wrong passphrase for {CASE_MANAGER}"
    throttled = "too many failed attempts; wait 3 seconds and try again"
    assert error_text(ThrottledError(throttled, 2.6)) == throttled.capitalize()
    survivors.create_survivor(team.case_manager, survivors.draft("CT-1", "Ana"))
    problems = importer.check_survivors(team.case_manager, text_table(SHEET))
    assert problems[0] == "row 2: Case number: CT-1 already exists"
    assert [import_problem(p) for p in problems] == problems
    unreadable = SpreadsheetError(["row 1: the workbook has no worksheet"])
    assert error_text(unreadable) == str(unreadable).capitalize()
