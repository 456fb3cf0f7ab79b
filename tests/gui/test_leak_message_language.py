"""The leak guard's refusal names the field and where it showed in the interface's language;
the command line keeps its English words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from casetracker.export.leak_guard import LeakError
from casetracker.gui import labels
from casetracker.gui.messages import LEAK, LEAK_IN, error_text
from tests.conftest import Team

WORDS = {
    LEAK_IN: "no se escribió nada: {0} de la persona aparece en {1}, que se comparte; "
             "corríjalo primero en el expediente",
    LEAK: "no se escribió nada: {0} de la persona aparece, y eso se comparte; corríjalo "
          "primero en el expediente",
    "legal last name": "el apellido legal",
    "skills and certifications": "sus habilidades y certificaciones",
    "step for the survivor": "un paso para la persona",
}


class Words(QTranslator):
    """A translator from a dict, standing in for the lead's translated .qm file."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return WORDS.get(source, "")

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


@pytest.fixture
def translated(qapp: object) -> Iterator[None]:
    translator = Words()
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_field_names_go_through_the_translation(translated: None) -> None:
    error = LeakError("legal_last_name", "Skills and certifications")
    assert error_text(error) == ("No se escribió nada: el apellido legal de la persona aparece "
                                 "en sus habilidades y certificaciones, que se comparte; "
                                 "corríjalo primero en el expediente")
    assert "un paso para la persona" in error_text(LeakError("legal_last_name", "task"))
    assert error_text(LeakError("legal_last_name")).startswith(
        "No se escribió nada: el apellido legal")
    # What the command line prints is the service's English, unchanged.
    assert str(error) == ("nothing was written: the survivor's legal last name shows in its "
                          "Skills and certifications, which is shared; change that on the "
                          "record first")
    # A coordinator's refusal names nothing, in any language.
    hidden = LeakError("legal_last_name", "Skills and certifications", reveal=False)
    assert "apellido" not in error_text(hidden)


def test_every_field_the_guard_can_name_has_a_label(qapp: object, team: Team) -> None:
    """Every withheld field the sharing service hands the guard, for an employer export and
    for the survivor's plan, and every shared value it checks, has a label."""
    from casetracker.domain import clock
    from casetracker.export.projection import Projection
    from casetracker.services import sharing, survivors

    rosa = survivors.create_survivor(team.case_manager, survivors.draft("CT-1", "Rosa"))
    today = clock.today()
    candidates = sharing._candidates(team.case_manager, rosa, today)
    nothing_shared = Projection("Harbor Hotel", today, today, ())
    fields = {w.field for w in sharing.withheld_values(team.case_manager, rosa, nothing_shared,
                                                       candidates)}
    fields |= {w.field for w in sharing.plan_withheld(team.case_manager, rosa)}
    # The shareable values a consent leaves out are withheld under their catalog key.
    fields |= {i.key.replace(".", "_") for i in candidates}
    assert fields - set(labels.WITHHELD_FIELD_NAMES) == set()
    assert {i.label for i in candidates} | {"goal", "step", "task"} <= set(
        labels.SHARED_VALUE_NAMES)
