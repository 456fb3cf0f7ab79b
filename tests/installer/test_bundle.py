"""The one-folder bundle, built (or reused when fresh) and run: `python3 dev.py installer-test`.

Marked `installer`, so the normal suite deselects it: the build takes a minute or more.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from casetracker.services import selftest
from tests.helpers import load_build_script

pytestmark = pytest.mark.installer

# Measured at 164 MiB on Linux (installer/README.md); this catches a dependency or a Qt module
# that sneaks in, not a few kilobytes.
MAX_BUNDLE_MIB = 200


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_build_script()


@pytest.fixture(scope="module")
def bundle(build: ModuleType) -> Path:
    started = time.monotonic()
    folder = build.build()
    print(f"\nbundle: {folder} ({build.folder_size(folder) / 2**20:.0f} MiB), built or "
          f"checked in {time.monotonic() - started:.0f} s")
    return folder


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def _run_selftest(command: list[str], platform: str, tmp_path: Path) -> list[str]:
    """Run the bundle's selftest with its own home and temporary folders; check every line
    passed, nothing was left behind and the test person's name is in no file it wrote."""
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("CASETRACKER_", "XDG_", "QT_"))}
    env.update(HOME=str(home), TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp),
               USERPROFILE=str(home), QT_QPA_PLATFORM=platform)
    started = time.monotonic()
    result = subprocess.run([*command, "selftest"], env=env, capture_output=True, text=True,
                            timeout=300, check=False)
    print(f"selftest on {platform}: {time.monotonic() - started:.1f} s\n{result.stdout}")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0].split(None, 1)[1] for line in lines] == [
        "resources", "encrypted database", "write and read a record", "PDF",
        "demonstration data", "main window", "no plaintext on disk", "no network", "clean up"]
    assert all(line.startswith("ok ") for line in lines), lines
    assert f"on the {platform} platform" in result.stdout
    # xvfb-run leaves its own (empty) folder; the selftest leaves nothing.
    assert [p for p in temp.rglob("*") if p.is_file()] == []
    names = [n.encode() for n in (selftest.PREFERRED_NAME, *selftest.LEGAL_NAME)]
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(name in data for name in names), path
    return lines


def test_the_bundled_selftest_passes_offscreen(bundle: Path, build: ModuleType,
                                               tmp_path: Path) -> None:
    _run_selftest([str(build.executable(bundle))], "offscreen", tmp_path)


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="needs xvfb-run (Debian: xvfb)")
def test_the_bundled_selftest_passes_on_an_x_server(bundle: Path, build: ModuleType,
                                                    tmp_path: Path) -> None:
    """The xcb platform plugin and the libraries it needs load for real."""
    _run_selftest(["xvfb-run", "--auto-servernum", str(build.executable(bundle))], "xcb",
                  tmp_path)


def test_the_bundle_holds_what_the_app_needs_and_no_more(bundle: Path,
                                                         build: ModuleType) -> None:
    files = _files(bundle)
    text = "\n".join(files)
    # Compiled modules, reportlab, the app's resources.
    for needed in ("sqlcipher3/_sqlite3", "cryptography/hazmat/bindings/_rust",
                   "casetracker/resources/fonts/DejaVuSans.ttf",
                   "casetracker/resources/security/common-passphrases.txt",
                   "casetracker/resources/names/nicknames.txt"):
        assert needed in text, needed
    # The Qt plugins it uses, and not the ones it must not carry.
    prefix = "q" if os.name == "nt" else "libq"
    native = {"win32": "windows", "darwin": "cocoa"}.get(sys.platform, "xcb")
    for plugin in ("platforms/" + prefix + "offscreen", "platforms/" + prefix + native,
                   "imageformats/" + prefix + "pdf", "imageformats/" + prefix + "jpeg",
                   "imageformats/" + prefix + "svg"):
        assert "PySide6/Qt/plugins/" + plugin in text, plugin
    forbidden = ("qvnc", "qeglfs", "plugins/tls/", "networkinformation", "sqldrivers",
                 "qmltooling", "QtWebEngine", "QtQuick", "QtQml", "PySide6/QtNetwork",
                 "tkinter", "_imagingtk", "pytest", "libqgtk3", "libgtk", "libssl",
                 "faker/providers/person/ja_JP")
    assert [f for f in files if any(bad in f for bad in forbidden)] == []
    # A .qm file for each translation source, when there are any.
    sources = sorted(p.stem for p in build.TRANSLATION_SOURCES.glob("*.ts"))
    compiled = sorted(Path(f).stem for f in files
                      if f.startswith("_internal/casetracker/resources/translations/")
                      and f.endswith(".qm"))
    assert compiled == sources
    assert not any(f.endswith(".ts") for f in files)
    size_mib = build.folder_size(bundle) / 2**20
    assert size_mib < MAX_BUNDLE_MIB


def test_the_bundled_command_line_answers(bundle: Path, build: ModuleType) -> None:
    result = subprocess.run([str(build.executable(bundle)), "--version"], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"casetracker {__import__('casetracker').__version__}"
