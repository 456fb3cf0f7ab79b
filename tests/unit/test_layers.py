"""The architecture of DESIGN.md, enforced: imports point down and Qt stays in `gui/`."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import casetracker

PACKAGE = Path(casetracker.__file__).parent
# Which first-party layers each layer may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "security": {"domain"},
    "storage": {"domain", "security"},
    "export": {"domain"},
    "sync": {"domain", "security", "storage"},
    "services": {"domain", "security", "storage", "export", "sync"},
    "gui": {"domain", "services", "security.kdf"},
    # The CLI starts the desktop application (and renders it) when asked: lazily, so that
    # scripts never load Qt. As the program's entry it also hardens the process first.
    "cli": {"domain", "services", "security.kdf", "security.process", "gui"},
    "__main__": {"cli"},
    "__init__": set(),
}
QT = {"PySide6", "shiboken6"}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_every_module_belongs_to_a_known_layer() -> None:
    assert {layer_of(p) for p in modules()} <= set(ALLOWED) | {"resources"}


def test_imports_point_down_only() -> None:
    problems = []
    for path in modules():
        layer = layer_of(path)
        for name in imports_of(path):
            if not name.startswith("casetracker."):
                continue
            target = name.removeprefix("casetracker.")
            if target.split(".")[0] == layer:
                continue
            allowed = ALLOWED[layer]
            if not any(target == a or target.startswith(a + ".") for a in allowed):
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []


def test_domain_uses_the_standard_library_only() -> None:
    for path in (PACKAGE / "domain").rglob("*.py"):
        for name in imports_of(path):
            top = name.split(".")[0]
            assert top in sys.stdlib_module_names or top in {"casetracker", "__future__"}, (
                f"{path.name} imports {name}")


def test_qt_is_imported_only_in_gui() -> None:
    offenders = [f"{p.relative_to(PACKAGE)}: {n}" for p in modules() if layer_of(p) != "gui"
                 for n in imports_of(p) if n.split(".")[0] in QT]
    assert offenders == []


def test_every_non_gui_module_imports_with_qt_blocked() -> None:
    names = []
    for path in modules():
        if layer_of(path) in {"gui", "__main__", "resources"}:
            continue
        rel = path.relative_to(PACKAGE).with_suffix("")
        parts = [p for p in rel.parts if p != "__init__"]
        names.append(".".join(["casetracker", *parts]))
    script = f"""
import importlib, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {sorted(QT)!r}:
            raise ImportError('Qt imported outside gui/: ' + name)
sys.meta_path.insert(0, Block())
for name in {names!r}:
    importlib.import_module(name)
assert not any(m.split('.')[0] in {sorted(QT)!r} for m in sys.modules)
print('ok', len({names!r}))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


# Reading the calendar anywhere but the clock module makes a rule that tests cannot set.
SYSTEM_CALENDAR = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"),
                   ("datetime", "today"), ("QDate", "currentDate"),
                   ("QDateTime", "currentDateTime"), ("QDateTime", "currentDateTimeUtc")}


def calendar_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and (node.value.id, node.attr) in SYSTEM_CALENDAR):
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: "
                         f"{node.value.id}.{node.attr}")
    return found


def test_only_the_clock_module_reads_the_calendar() -> None:
    clock_module = PACKAGE / "domain" / "clock.py"
    assert calendar_reads(clock_module)  # the check sees a read where there is one
    assert [found for path in modules() if path != clock_module
            for found in calendar_reads(path)] == []
