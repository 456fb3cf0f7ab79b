#!/usr/bin/env python3
"""Set up a private virtual environment and run Case Tracker or its tests.

    python3 dev.py app [ARGS...]    launch the application
    python3 dev.py test [ARGS...]   lint, type-check and run the whole test suite
    python3 dev.py translations     update the Qt Linguist .ts files from the GUI sources
    python3 dev.py build [--force]  build the one-folder bundle (installer/README.md)
    python3 dev.py installer-test   build the bundle and run its selftest
    python3 dev.py lock             refresh packaging/constraints.txt from the newest releases

Needs only Python 3.11+ and pip. The environment lives in `.venv/` and is
reinstalled when `pyproject.toml` or `packaging/constraints.txt` (the exact
versions tested) changes; PyInstaller is added to it only by the two bundle
commands. Debian packages the tests need are listed in
`packaging/debian-packages.txt` and installed with apt-get when missing and
this runs as root.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".casetracker-installed"
DEBIAN_PACKAGES = ROOT / "packaging" / "debian-packages.txt"
GUI = ROOT / "src" / "casetracker" / "gui"
TRANSLATIONS = ROOT / "src" / "casetracker" / "resources" / "translations"
DEBIAN_INSTALLER_PACKAGES = ROOT / "packaging" / "debian-installer-packages.txt"
# The exact versions tested, for every package the app, the tests and the build install (pip,
# setuptools and build back-ends included), so that a new release of a linter or of Qt cannot
# turn a green commit red. pyproject keeps lower bounds for people who install the package.
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(CONSTRAINTS.read_bytes() if CONSTRAINTS.exists() else b"")
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_venv(*extras: str) -> Path:
    """Create `.venv` and install the project with its test extras (and `extras`), once per
    pyproject; extras installed earlier are kept."""
    python = _venv_python()
    if not python.exists():
        print("dev.py: creating .venv", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = _wanted_stamp()
    # The stamp is the pyproject's digest, then the extras installed with it.
    digest, *installed = (STAMP.read_text().split() if STAMP.exists() else []) or [""]
    needed = sorted({"test", *extras} | (set(installed) if digest == wanted else set()))
    if digest != wanted or not set(needed) <= set(installed):
        print("dev.py: installing Case Tracker and its dependencies into .venv", file=sys.stderr)
        # PIP_CONSTRAINT also reaches the isolated environment that builds the project.
        env = dict(os.environ, PIP_CONSTRAINT=str(CONSTRAINTS)) if CONSTRAINTS.exists() else None
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True,
            env=env)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-e",
             f"{ROOT}[{','.join(needed)}]"], check=True, env=env)
        STAMP.write_text(" ".join([wanted, *needed]))
    return python


def ensure_debian_packages(*lists: Path) -> None:
    """Install the Debian packages the tests use (and those in `lists`), when missing and
    we may."""
    if not shutil.which("dpkg-query"):
        return
    wanted = [
        line.split("#", 1)[0].strip()
        for path in (DEBIAN_PACKAGES, *lists)
        if path.exists()
        for line in path.read_text().splitlines()
        if line.split("#", 1)[0].strip()
    ]
    missing = [
        name
        for name in wanted
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        ).stdout.strip()
        != "install ok installed"
    ]
    if not missing:
        return
    if os.geteuid() != 0:
        print(f"dev.py: please install: apt-get install {' '.join(missing)}", file=sys.stderr)
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def _qt_tool(python: Path, name: str) -> str:
    return str(python.with_name(name + (".exe" if os.name == "nt" else "")))


def lupdate_command(python: Path, ts_file: Path) -> list[str]:
    """Collect every translatable string of the GUI into `ts_file`, keeping its translations."""
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    # English, the source language, needs only its plural forms ("%n case(s)": 1 case).
    english = ["-pluralonly", "-target-language", "en"] if ts_file.stem.endswith("_en") else []
    return [_qt_tool(python, "pyside6-lupdate"), *sources, "-locations", "none",
            "-no-obsolete", *english, "-source-language", "en", "-ts", str(ts_file)]


def update_translations(python: Path) -> int:
    for ts_file in sorted(TRANSLATIONS.glob("*.ts")):
        code = subprocess.run(lupdate_command(python, ts_file)).returncode
        if code != 0:
            return code
    return 0


def compile_translations(python: Path) -> None:
    """Compile each .ts into the .qm the program loads (not kept in git), when out of date."""
    for ts_file in sorted(TRANSLATIONS.glob("*.ts")):
        qm_file = ts_file.with_suffix(".qm")
        if qm_file.exists() and qm_file.stat().st_mtime >= ts_file.stat().st_mtime:
            continue
        subprocess.run([_qt_tool(python, "pyside6-lrelease"), "-silent", str(ts_file),
                        "-qm", str(qm_file)], check=True)


def run_app(python: Path, args: list[str]) -> int:
    return subprocess.run([str(python), "-m", "casetracker", *args]).returncode


def test_groups() -> list[list[str]]:
    """The suite as separate pytest runs: the tests without windows in one process, then each
    GUI test file in a process of its own, so that what one file's windows leave behind in Qt
    (a widget freed under a wrapper, a render thread still running) cannot crash another."""
    gui = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "gui").glob("test_*.py"))
    return [["tests/unit", "tests/security", "tests/sync"], *([f] for f in gui), ["tests/x11"]]


def run_tests(python: Path, args: list[str]) -> int:
    ensure_debian_packages()
    pytest = [str(python), "-m", "pytest"]
    runs = ([[*pytest, *args]] if args else
            [[*pytest, "-q", *group] for group in test_groups() if (ROOT / group[0]).exists()])
    steps = [
        [str(python), "-m", "ruff", "check", "src", "tests", "benchmarks", "installer", "dev.py"],
        [str(python), "-m", "mypy"],
        *runs,
    ]
    failed = []
    for step in steps:
        shown = " ".join([Path(step[0]).name, *step[1:]])
        print(f"dev.py: {shown}", file=sys.stderr)
        if subprocess.run(step, cwd=ROOT).returncode != 0:
            if step in runs:  # every test run is made, then the failed ones are named
                failed.append(shown)
            else:
                return 1
    for shown in failed:
        print(f"dev.py: FAILED: {shown}", file=sys.stderr)
    return 1 if failed else 0


def run_build(python: Path, args: list[str]) -> int:
    ensure_debian_packages(DEBIAN_INSTALLER_PACKAGES)
    return subprocess.run([str(python), str(ROOT / "installer" / "build.py"), *args]).returncode


def run_installer_test(python: Path, args: list[str]) -> int:
    """The tests marked `installer`: build (or reuse) the bundle and run its selftest."""
    ensure_debian_packages(DEBIAN_INSTALLER_PACKAGES)
    step = [str(python), "-m", "pytest", "-m", "installer", "-s", "tests/installer", *args]
    print(f"dev.py: {' '.join([Path(step[0]).name, *step[1:]])}", file=sys.stderr)
    return subprocess.run(step, cwd=ROOT).returncode


def run_lock(_python: Path, _args: list[str]) -> int:
    """Install the newest releases the pyproject allows into a scratch environment and record
    their exact versions in packaging/constraints.txt (review the diff, run the tests, commit)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="casetracker-lock-") as scratch:
        env_dir = Path(scratch) / "venv"
        venv.EnvBuilder(with_pip=True).create(env_dir)
        python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        pip = [str(python), "-m", "pip"]
        subprocess.run([*pip, "install", "--quiet", "--upgrade", "pip", "setuptools"], check=True)
        subprocess.run([*pip, "install", "--quiet", f"{ROOT}[test,installer]"], check=True)
        frozen = subprocess.run([*pip, "freeze", "--all", "--exclude", "casetracker"],
                                check=True, capture_output=True, text=True).stdout
    header = ("# Exact versions `python3 dev.py` installs (app, tests, build), made by\n"
              f"# `python3 dev.py lock` with Python {sys.version.split()[0]}; "
              "refresh it the same way.\n")
    CONSTRAINTS.write_text(header + frozen)
    print(f"dev.py: wrote {CONSTRAINTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


def run_translations(python: Path, _args: list[str]) -> int:
    return update_translations(python)


COMMANDS = {"app": ((), run_app), "test": ((), run_tests),
            "translations": ((), run_translations),
            "build": (("installer",), run_build),
            "installer-test": (("installer",), run_installer_test),
            "lock": ((), run_lock)}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    extras, command = COMMANDS[argv[0]]
    if argv[0] == "lock":
        return command(Path(sys.executable), argv[1:])
    python = ensure_venv(*extras)
    if argv[0] in {"app", "test"}:
        compile_translations(python)  # the build compiles its own into the bundle
    return command(python, argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
