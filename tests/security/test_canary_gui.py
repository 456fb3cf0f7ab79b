"""Nothing plaintext anywhere: a whole desktop session and the command line's exports, then a
search of every place the program could have written for the survivor's words.

Case data with a distinctive word in each field is worked through the real widgets (offscreen):
unlock, open the record and its sensitive details, edit, search, preview and save a share,
view a scan, lock. Then the command line writes reports, an employer profile, a letter, the
survivor's plan and a backup. The database directory, a private temp directory, the Qt
settings, the XDG config/cache/data/runtime directories and any log file must hold none of the
words in UTF-8 or UTF-16; the intended exports hold only what they may (checked by their text);
no window title names anyone.
"""

from __future__ import annotations

import io
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casetracker.cli import main
from casetracker.domain import clock
from casetracker.domain.catalog import Category
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.employment import Industry
from casetracker.domain.plans import GoalDomain
from casetracker.domain.reports import PeriodKind, period_containing
from casetracker.domain.survivors import SensitiveDetails
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.dialogs.goal_dialog import GoalDialog
from casetracker.gui.dialogs.survivor_dialog import SurvivorDialog
from casetracker.gui.record.documents_tab import ScanViewer
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import consent, documents, employers, notes, plans, survivors
from tests.conftest import Team
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    top_level_widgets,
)

TODAY = clock.today()
# Never to leave the database, in any file (the employer profile leaves these out).
WITHHELD = {
    "legal_last_name": "Quimbleforth",
    "address": "Ostrovane Crescent",
    "note": "Pellucidarion",
    "note_typed": "Wistlebrook",
    "sensitive": "Marrowquist",
    "sensitive_typed": "Dravenholt",
    "document_number": "ZQ7781X",
    "consent_recipient": "Fenwhistle",
    "search_only": "Kestrelmoor",
}
# Shared where the survivor consented (the profile, the letter) and in their own plan.
SHAREABLE_CANARIES = {
    "preferred_name": "Ysolabeth",
    "goal": "Calderwynd",
    "goal_typed": "Brassington",
    "employer": "Thornquill",
}
CANARIES = WITHHELD | SHAREABLE_CANARIES


def encodings(word: str) -> list[bytes]:
    forms = {word, word.lower(), word.upper()}
    return [f.encode(codec) for f in forms for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def hits_in_files(root: Path, skip: tuple[Path, ...] = ()) -> list[str]:
    hits = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or any(path.is_relative_to(s) for s in skip):
            continue
        content = path.read_bytes()
        hits += [f"{place} in {path.relative_to(root)}" for place, word in CANARIES.items()
                 if any(form in content for form in encodings(word))]
    return hits


def titles() -> list[str]:
    return [w.windowTitle() for w in top_level_widgets() if w.windowTitle()]


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           qapp: QApplication) -> dict[str, Path]:
    """Private directories for everything the program might write, set before it runs."""
    found = {name: tmp_path / name for name in (
        "exports", "input", "temp", "config", "cache", "data", "runtime")}
    for folder in found.values():
        folder.mkdir(mode=0o700)
    found["vault"] = tmp_path  # where the `vault` fixture keeps case.db
    monkeypatch.setenv("TMPDIR", str(found["temp"]))
    monkeypatch.setattr(tempfile, "tempdir", str(found["temp"]))
    for variable, name in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                           ("XDG_DATA_HOME", "data"), ("XDG_RUNTIME_DIR", "runtime")):
        monkeypatch.setenv(variable, str(found[name]))
    QCoreApplication.setOrganizationName("CaseTrackerCanary")
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(found["config"]))
    return found


def seed(team: Team) -> str:
    """A survivor with a canary in every field a person types, an employer and consents."""
    cm = team.case_manager
    employers.add_employer(team.coordinator, f"{CANARIES['employer']} Hotel",
                           Industry.HOSPITALITY)
    survivor = survivors.create_survivor(cm, survivors.draft(
        "CT-CANARY-1", CANARIES["preferred_name"], legal_first_name="Rosa",
        legal_last_name=CANARIES["legal_last_name"],
        address=f"4 {CANARIES['address']}", phone="(555) 010-2233", skills=("forklift",)),
        SensitiveDetails("", history_notes=f"Recruited through {CANARIES['sensitive']}"))
    case = survivor.case_number
    survivors.create_survivor(cm, survivors.draft("CT-OTHER-1", "Lena"))
    plans.add_goal(cm, case, domain=GoalDomain.EMPLOYMENT,
                   specific=f"Work at the {CANARIES['goal']} kitchen", measurable="An offer",
                   achievable="Has training", relevant="Steady income",
                   target_date=TODAY + timedelta(days=90))
    passport = next(d for d in documents.documents(cm, case)
                    if d.kind is DocumentKind.PASSPORT)
    documents.set_status(cm, passport.id, DocumentStatus.RECOVERED)
    documents.update_details(cm, passport.id, label=f"No. {CANARIES['document_number']}",
                             notes=f"Number {CANARIES['document_number']}",
                             expires_on=TODAY + timedelta(days=3000))
    documents.attach_scan(cm, passport.id, f"{CANARIES['preferred_name']}-passport.png",
                          _png())
    notes.add_note(cm, case, f"Met at {CANARIES['note']} shelter; {CANARIES['search_only']}")
    consent.add_consent(cm, case, purpose="Referral for work", categories=frozenset(
        {Category.ALIAS, Category.EMPLOYMENT_GOALS, Category.READINESS}),
        expires_on=TODAY + timedelta(days=90),
        recipient_employer=f"{CANARIES['employer']} Hotel")
    consent.add_consent(cm, case, purpose="Referral for work",
                        categories=frozenset({Category.ALIAS}),
                        expires_on=TODAY + timedelta(days=90),
                        recipient_agency=f"{CANARIES['consent_recipient']} Legal Aid")
    return case


def _png() -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def desktop_session(qtbot: QtBot, team: Team, case: str, places: dict[str, Path],
                    seen_titles: list[str]) -> None:
    controller = AppController(team.vault)
    controller.start()
    screen = controller.lock_screen
    assert screen is not None
    screen.account.setCurrentText(CASE_MANAGER)
    qtbot.keyClicks(screen.passphrase, CASE_MANAGER_PASSPHRASE)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    window = controller.window
    assert window is not None, screen.error.text()
    qtbot.addWidget(window)

    # Search for a word only a note holds, then open the record it finds.
    qtbot.keyClicks(window.search, CANARIES["search_only"].lower()[:7])
    qtbot.waitUntil(lambda: window.model.total == 1 and window.model.rowCount() == 1)
    window.table.selectRow(0)
    record = window.record
    assert record is not None
    assert record.survivor.case_number == case
    seen_titles += titles()

    # Edit: the profile, a goal and a note through their widgets, the sensitive details.
    record.profile.open_editor()
    editor = record.profile.active_dialog
    assert isinstance(editor, SurvivorDialog)
    editor.address.setPlainText(f"9 {CANARIES['address']}")
    seen_titles += [*titles(), editor.windowTitle()]
    editor.accept()
    record.tabs.setCurrentWidget(record.goals)  # each tab reads its part when opened
    qtbot.mouseClick(record.goals.add_button, Qt.MouseButton.LeftButton)
    goal_dialog = record.goals.active_dialog
    assert isinstance(goal_dialog, GoalDialog)
    qtbot.keyClicks(goal_dialog.specific, f"Train at {CANARIES['goal_typed']}")
    for field in (goal_dialog.measurable, goal_dialog.achievable, goal_dialog.relevant):
        qtbot.keyClicks(field, "Yes")
    seen_titles.append(goal_dialog.windowTitle())
    goal_dialog.accept()
    record.tabs.setCurrentWidget(record.notes)
    qtbot.keyClicks(record.notes.text, f"Called about {CANARIES['note_typed']}")
    qtbot.mouseClick(record.notes.add_button, Qt.MouseButton.LeftButton)
    record.tabs.setCurrentIndex(record.sensitive_index)
    assert record.sensitive is not None
    record.sensitive.safety_plan.setPlainText(f"Code word {CANARIES['sensitive_typed']}")
    record.sensitive.save()

    # A scan viewed from memory.
    record.tabs.setCurrentWidget(record.documents)
    record.documents.table.selectRow(next(
        i for i in range(record.documents.table.rowCount())
        if record.documents._documents[i].kind is DocumentKind.PASSPORT))
    record.documents.view_scan()
    viewer = record.documents.active_dialog
    assert isinstance(viewer, ScanViewer)
    seen_titles.append(viewer.windowTitle())
    viewer.close()

    # Share: preview the employer profile in the app, then save it (through the services).
    record.tabs.setCurrentWidget(record.consent)
    record.consent.open_export_dialog()
    share = record.consent.active_dialog
    assert isinstance(share, ExportDialog)
    share.employer.setCurrentText(f"{CANARIES['employer']} Hotel")
    share.preview()
    assert share.prepared is not None, share.error.text()
    seen_titles += [*titles(), share.windowTitle()]
    share.save_to(str(places["exports"] / "gui-profile.pdf"))
    share.close()
    seen_titles += titles()

    controller.lock()
    seen_titles += titles()
    if controller.lock_screen is not None:
        controller.lock_screen.close()


def cli_exports(case: str, places: dict[str, Path], db: Path) -> None:
    secrets = {}
    for name, passphrase in ((SUPERVISOR, SUPERVISOR_PASSPHRASE),
                             (CASE_MANAGER, CASE_MANAGER_PASSPHRASE),
                             (COORDINATOR, COORDINATOR_PASSPHRASE)):
        secrets[name] = places["input"] / f"{name}.txt"
        secrets[name].write_text(passphrase)
    out = places["exports"]
    employer = f"{CANARIES['employer']} Hotel"
    last_month = period_containing(PeriodKind.MONTH, TODAY).previous().label
    commands = [
        (SUPERVISOR, ["report", "caseload", "--out", str(out / "caseload.csv")]),
        (SUPERVISOR, ["report", "caseload", "--out", str(out / "caseload.pdf")]),
        (SUPERVISOR, ["report", "outcomes", "--period", last_month,
                      "--out", str(out / "outcomes.csv")]),
        (SUPERVISOR, ["report", "outcomes", "--period", last_month,
                      "--out", str(out / "outcomes.pdf")]),
        (CASE_MANAGER, ["export", "employer-profile", "--survivor", case, "--employer",
                        employer, "--out", str(out / "profile.pdf")]),
        (COORDINATOR, ["letter", "--survivor", case, "--employer", employer,
                       "--out", str(out / "letter.pdf")]),
        (CASE_MANAGER, ["plan", "--survivor", case, "--out", str(out / "plan.pdf")]),
        (SUPERVISOR, ["backup", "--out", str(places["vault"] / "backup.db")]),
    ]
    for user, command in commands:
        assert main([*command, "--db", str(db), "--user", user, "--passphrase-file",
                     str(secrets[user])], kdf=FAST_INSECURE) == 0, command


def export_text(path: Path) -> str:
    if path.suffix == ".pdf":
        reader = PdfReader(io.BytesIO(path.read_bytes()))
        return " ".join([*(p.extract_text() or "" for p in reader.pages),
                         *(str(v) for v in (reader.metadata or {}).values())])
    return path.read_text(encoding="utf-8")


def test_no_case_data_in_plaintext_after_a_desktop_session_and_exports(
        qtbot: QtBot, places: dict[str, Path], team: Team, tmp_path: Path,
        capfd: pytest.CaptureFixture[str]) -> None:
    case = seed(team)
    team.close()
    db = team.vault.paths.db
    assert db.parent == places["vault"]
    seen_titles: list[str] = []

    desktop_session(qtbot, team, case, places, seen_titles)
    cli_exports(case, places, db)

    # Everything the program may have written (the database directory, temp, settings, XDG
    # directories), except the exports meant to leave it and the passphrase files.
    assert hits_in_files(tmp_path, skip=(places["exports"], places["input"])) == []
    assert list(places["temp"].iterdir()) == [], "nothing may be written to the temp directory"
    logs = [p for p in tmp_path.rglob("*") if p.suffix in {".log", ".txt"} and
            not p.is_relative_to(places["input"])]
    assert logs == []
    assert {p.name for p in places["vault"].iterdir()} >= {"case.db", "backup.db"}
    # The session was real: what it typed reached the database.
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert CANARIES["address"] in survivors.get_survivor(session, case).address
        assert any(CANARIES["goal_typed"] in g.specific for g in plans.goals(session, case))
    settings_files = list(places["config"].rglob("*"))
    assert any(p.is_file() for p in settings_files), "the window geometry was saved"

    # No window title, and nothing the program printed, names anyone or anything typed.
    assert seen_titles
    for title in seen_titles:
        assert not [p for p, w in CANARIES.items() if w.lower() in title.lower()], title
    printed = capfd.readouterr()
    for place, word in CANARIES.items():
        assert word.lower() not in (printed.out + printed.err).lower(), place

    # The intended exports carry only what they may.
    exports = {p.name: export_text(p).lower() for p in places["exports"].iterdir()}
    assert set(exports) == {"gui-profile.pdf", "caseload.csv", "caseload.pdf", "outcomes.csv",
                            "outcomes.pdf", "profile.pdf", "letter.pdf", "plan.pdf"}
    for name, text in exports.items():
        for place, word in WITHHELD.items():
            assert word.lower() not in text, f"{place} in {name}"
        if name.startswith(("caseload", "outcomes")):  # counts, never people
            for place, word in SHAREABLE_CANARIES.items():
                assert word.lower() not in text, f"{place} in {name}"
    assert CANARIES["preferred_name"].lower() in exports["profile.pdf"]
    assert CANARIES["goal"].lower() in exports["plan.pdf"]
