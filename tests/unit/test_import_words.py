"""The trafficking-type words a spreadsheet import accepts are the labels the interface shows,
in English and in Spanish (read from the translation file), so that a sheet exported or typed
from what the screen says ("Laboral y sexual", "Sin registrar") imports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import casetracker
from casetracker.domain.survivors import TraffickingType
from casetracker.services.importer import trafficking_type

SPANISH = Path(casetracker.__file__).parent / "resources/translations/casetracker_es.ts"


def spanish_labels() -> dict[str, str]:
    """Each source text of the "labels" context and its Spanish translation."""
    root = ET.parse(SPANISH).getroot()  # noqa: S314 - our own file
    context = next(c for c in root.iter("context") if c.findtext("name") == "labels")
    return {m.findtext("source") or "": m.findtext("translation") or ""
            for m in context.iter("message")}


def test_every_label_the_interface_shows_imports_in_both_languages() -> None:
    from casetracker.gui.record.sensitive_tab import TRAFFICKING_LABELS

    spanish = spanish_labels()
    assert set(TRAFFICKING_LABELS) == set(TraffickingType)
    for kind, english in TRAFFICKING_LABELS.items():
        assert trafficking_type(english) is kind, english
        assert spanish.get(english), f"{english!r} has no Spanish translation"
        assert trafficking_type(spanish[english]) is kind, spanish[english]


@pytest.mark.parametrize(("typed", "kind"), [
    ("Laboral y sexual", TraffickingType.LABOR_AND_SEX),
    ("Sin registrar", TraffickingType.UNKNOWN),
    ("  LABOR   AND sex ", TraffickingType.LABOR_AND_SEX),
    ("labor_and_sex", TraffickingType.LABOR_AND_SEX),
    ("En riesgo", TraffickingType.AT_RISK), ("Not recorded", TraffickingType.UNKNOWN)])
def test_spreadsheet_words(typed: str, kind: TraffickingType) -> None:
    assert trafficking_type(typed) is kind


def test_other_words_are_refused() -> None:
    assert trafficking_type("trata") is None
    assert trafficking_type("sexo y trabajo forzado") is None
