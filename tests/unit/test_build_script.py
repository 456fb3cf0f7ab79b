"""installer/build.py's translation step, without running PyInstaller."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import load_build_script

# The first bytes of every compiled Qt translation.
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context><name>MainWindow</name>
<message><source>Case Tracker</source><translation>Seguimiento de casos</translation></message>
</context>
</TS>
"""


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_build_script()


def test_translation_sources_are_compiled_to_qm_files(build: ModuleType,
                                                      tmp_path: Path) -> None:
    sources, out = tmp_path / "translations", tmp_path / "out"
    sources.mkdir()
    (sources / "casetracker_es.ts").write_text(TS, encoding="utf-8")
    (out / "stale").mkdir(parents=True)
    compiled = build.compile_translations(sources, out)
    assert compiled == [out / "casetracker_es.qm"]
    assert compiled[0].read_bytes().startswith(QM_MAGIC)
    assert sorted(p.name for p in out.iterdir()) == ["casetracker_es.qm"]


def test_no_translations_folder_compiles_nothing(build: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert build.compile_translations(tmp_path / "missing", out) == []
    assert not out.exists()  # no .qm left over from an earlier build

