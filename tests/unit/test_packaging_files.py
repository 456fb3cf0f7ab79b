"""The installer's files agree with each other and with the program: names, version, paths."""

from __future__ import annotations

import configparser
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import casetracker

INSTALLER = Path(__file__).resolve().parents[2] / "installer"
APP_ID = "org.casetracker.CaseTracker"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(INSTALLER / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_starts_the_bundled_program_with_its_icon() -> None:
    entry = _desktop_entry()
    spec = (INSTALLER / "casetracker.spec").read_text(encoding="utf-8")
    assert entry["Exec"] == "casetracker"
    assert 'name="casetracker"' in spec
    assert (INSTALLER / "linux" / f"{entry['Icon']}.svg").is_file()
    assert entry["Terminal"] == "false"


def test_the_appstream_metadata_names_this_program_and_release() -> None:
    root = ET.parse(INSTALLER / "linux" / f"{APP_ID}.metainfo.xml").getroot()  # noqa: S314
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == _desktop_entry()["Exec"]
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == casetracker.__version__


def test_the_windows_installer_packs_the_built_bundle() -> None:
    iss = (INSTALLER / "windows" / "casetracker.iss").read_text(encoding="utf-8")
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', iss))
    assert defines["AppVersion"] == casetracker.__version__
    # The script lives in installer/windows/; the bundle is where build.py leaves it.
    assert defines["BundleDir"] == r"..\..\build\installer\dist\CaseTracker"
    build_script = (INSTALLER / "build.py").read_text(encoding="utf-8")
    assert 'DIST = BUILD / "dist"' in build_script
    assert 'BUNDLE = DIST / "CaseTracker"' in build_script
    # The shortcut starts the windowed executable the spec makes on Windows.
    assert defines["GuiExe"] == "casetracker-gui.exe"
    assert 'name="casetracker-gui", console=False' in (
        INSTALLER / "casetracker.spec").read_text(encoding="utf-8")
