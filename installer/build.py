#!/usr/bin/env python3
"""Build Case Tracker's one-folder bundle with PyInstaller.

    python3 dev.py build [--force]        (or: .venv/bin/python installer/build.py)

Compiles the Qt translations (`src/casetracker/resources/translations/*.ts`, when there are
any) with `pyside6-lrelease`, runs PyInstaller on `installer/casetracker.spec`, and leaves the
bundle in `build/installer/dist/CaseTracker/`. A bundle already built from the same sources
and installed packages is reused unless `--force` is given. Prints the bundle's path, size
and how long the build took.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "casetracker.spec"
TRANSLATION_SOURCES = ROOT / "src" / "casetracker" / "resources" / "translations"
BUILD = ROOT / "build" / "installer"
COMPILED_TRANSLATIONS = BUILD / "translations"  # the spec reads them from here
DIST = BUILD / "dist"
BUNDLE = DIST / "CaseTracker"
STAMP = BUILD / "inputs.sha256"


def executable(bundle: Path = BUNDLE) -> Path:
    """The bundle's command-line program."""
    return bundle / ("casetracker.exe" if sys.platform == "win32" else "casetracker")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def inputs_digest() -> str:
    """What the bundle is made from: the sources, the packaging files, the installed packages
    and this Python."""
    digest = hashlib.sha256(sys.version.encode())
    files = [p for p in sorted((ROOT / "src" / "casetracker").rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts]
    files += [SPEC, Path(__file__).resolve(), ROOT / "pyproject.toml"]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    found = found or shutil.which("pyside6-lrelease")
    if not found:
        raise SystemExit("build.py: pyside6-lrelease not found (it comes with PySide6)")
    return found


def compile_translations(sources: Path = TRANSLATION_SOURCES,
                         out: Path = COMPILED_TRANSLATIONS) -> list[Path]:
    """Compile every `.ts` file in `sources` into a `.qm` file in `out` (emptied first).
    A missing or empty `sources` folder compiles nothing."""
    shutil.rmtree(out, ignore_errors=True)
    found = sorted(sources.glob("*.ts")) if sources.is_dir() else []
    if not found:
        return []
    out.mkdir(parents=True)
    tool = lrelease()
    compiled = []
    for source in found:
        target = out / source.with_suffix(".qm").name
        subprocess.run([tool, "-silent", str(source), "-qm", str(target)], check=True)
        compiled.append(target)
    return compiled


def build(*, force: bool = False) -> Path:
    """Build the bundle (unless an up-to-date one exists) and return its folder."""
    wanted = inputs_digest()
    if (not force and executable().exists() and STAMP.exists()
            and STAMP.read_text().strip() == wanted):
        print(f"build.py: {BUNDLE} is up to date", file=sys.stderr)
        return BUNDLE
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("build.py: PyInstaller is not installed; run 'python3 dev.py build', "
                         "which installs it") from None
    STAMP.unlink(missing_ok=True)
    compiled = compile_translations()
    print(f"build.py: compiled {len(compiled)} translation(s)", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "work"), str(SPEC)],
                   check=True, cwd=ROOT)
    STAMP.write_text(wanted + "\n")
    return BUNDLE


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = build(force=args.force)
    print(f"build.py: {bundle} ({folder_size(bundle) / 2**20:.0f} MiB) in "
          f"{time.monotonic() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
