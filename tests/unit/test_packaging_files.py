"""The installer's files agree with each other and with the program: names, version, paths.

Each file is read the way its own tool reads it: the .desktop entry as an INI file, the
AppStream metadata as XML, the PyInstaller spec by running it against a stand-in PyInstaller
that records what would be built, build.py by loading it, and the Inno Setup script's
preprocessor definitions.
"""

from __future__ import annotations

import configparser
import re
import shlex
import sys
import types
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest

import casetracker
from tests.helpers import load_build_script

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
APP_ID = "org.casetracker.CaseTracker"
DESKTOP_FILE = INSTALLER / "linux" / f"{APP_ID}.desktop"
METAINFO = INSTALLER / "linux" / f"{APP_ID}.metainfo.xml"
SVG = "{http://www.w3.org/2000/svg}svg"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # case-sensitive keys
    assert parser.read(DESKTOP_FILE, encoding="utf-8") == [str(DESKTOP_FILE)]
    return parser["Desktop Entry"]


def _command(entry: configparser.SectionProxy) -> str:
    """The program an Exec line starts (field codes such as %f are arguments)."""
    return shlex.split(entry["Exec"])[0]


@dataclass
class Built:
    """What the spec asked PyInstaller to build."""

    executables: list[dict[str, Any]] = field(default_factory=list)
    collect: dict[str, Any] = field(default_factory=dict)
    analysis: dict[str, Any] = field(default_factory=dict)


class _Tree(list):  # type: ignore[type-arg]
    def __init__(self, root: str, prefix: str | None = None,
                 excludes: list[str] | None = None) -> None:
        super().__init__()
        self.append((root, prefix, tuple(excludes or ())))


def run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> Built:
    """Execute installer/casetracker.spec as PyInstaller would on `platform`, recording the
    executables and the folder it asks for instead of building them."""
    built = Built()

    class Analysis:
        def __init__(self, scripts: list[str], **options: Any) -> None:
            built.analysis = {"scripts": scripts, **options}
            self.scripts = scripts
            self.pure: list[Any] = []
            self.binaries: list[Any] = []
            self.datas: list[Any] = []

    def exe(*_parts: Any, **options: Any) -> dict[str, Any]:
        built.executables.append(options)
        return options

    def collect(*_parts: Any, **options: Any) -> None:
        built.collect = options

    datastruct = types.ModuleType("PyInstaller.building.datastruct")
    datastruct.Tree = _Tree  # type: ignore[attr-defined]
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda _path: []  # type: ignore[attr-defined]
    for name, module in {"PyInstaller": types.ModuleType("PyInstaller"),
                         "PyInstaller.building": types.ModuleType("PyInstaller.building"),
                         "PyInstaller.building.datastruct": datastruct,
                         "PyInstaller.depend": types.ModuleType("PyInstaller.depend"),
                         "PyInstaller.depend.bindepend": bindepend}.items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys, "platform", platform)
    spec = INSTALLER / "casetracker.spec"
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), {  # noqa: S102
        "__name__": "__main__", "SPECPATH": str(INSTALLER), "Analysis": Analysis,
        "PYZ": lambda *_a, **_k: object(), "EXE": exe, "COLLECT": collect})
    return built


def _iss_defines() -> dict[str, str]:
    """The Inno Setup preprocessor's `#define NAME "value"` lines (the first of each)."""
    text = (INSTALLER / "windows" / "casetracker.iss").read_text(encoding="utf-8")
    defines: dict[str, str] = {}
    for name, value in re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, re.MULTILINE):
        defines.setdefault(name, value)
    return defines


def test_the_desktop_entry_starts_the_program_the_linux_bundle_holds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry.getboolean("Terminal") is False
    built = run_spec("linux", monkeypatch)
    # One executable on Linux, the one the menu entry runs, and the one build.py tests.
    assert [e["name"] for e in built.executables] == [_command(entry)]
    build = load_build_script()
    monkeypatch.setattr(sys, "platform", "linux")
    assert build.executable(build.BUNDLE).name == _command(entry)
    assert built.analysis["scripts"] == [str(ROOT / "src" / "casetracker" / "__main__.py")]


def test_the_desktop_entry_names_an_icon_that_is_an_svg_file() -> None:
    icon = INSTALLER / "linux" / f"{_desktop_entry()['Icon']}.svg"
    assert ET.parse(icon).getroot().tag == SVG  # noqa: S314 - our own file


def test_the_appstream_metadata_names_this_program_and_release() -> None:
    root = ET.parse(METAINFO).getroot()  # noqa: S314 - our own file
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == _command(_desktop_entry())
    releases = root.findall("releases/release")
    assert releases, "no release listed"
    # AppStream lists the newest release first, and it is the version being packaged.
    assert releases[0].get("version") == casetracker.__version__
    categories = [c.text for c in root.findall("categories/category")]
    assert categories == [c for c in _desktop_entry()["Categories"].split(";") if c]


def test_the_windows_installer_packs_the_bundle_build_py_makes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    defines = _iss_defines()
    assert defines["AppVersion"] == casetracker.__version__
    build = load_build_script()
    # BundleDir is relative to the script's own folder, as the Inno Setup compiler reads it.
    bundle_dir = (INSTALLER / "windows").joinpath(*PureWindowsPath(defines["BundleDir"]).parts)
    assert bundle_dir.resolve() == build.BUNDLE.resolve()
    # PyInstaller puts the folder the spec collects into the --distpath build.py gives it.
    built = run_spec("win32", monkeypatch)
    assert build.DIST / built.collect["name"] == build.BUNDLE


def test_the_windows_shortcut_starts_the_windowed_executable(
        monkeypatch: pytest.MonkeyPatch) -> None:
    built = run_spec("win32", monkeypatch)
    by_name = {e["name"]: e for e in built.executables}
    gui = by_name[PureWindowsPath(_iss_defines()["GuiExe"]).stem]
    assert gui["console"] is False  # no console window behind the application
    assert by_name["casetracker"]["console"] is True  # the command line keeps its console
    # Built only on Windows: the Linux bundle has the one command-line executable.
    assert "casetracker-gui" not in {e["name"] for e in run_spec("linux", monkeypatch)
                                    .executables}
