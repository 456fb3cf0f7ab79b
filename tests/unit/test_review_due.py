"""A review's required action carries its own due date in English or in Spanish."""

from __future__ import annotations

from datetime import date

import pytest

from casetracker.domain.validation import ValidationError
from casetracker.services.reviews import split_due

DEFAULT = date(2026, 12, 16)


@pytest.mark.parametrize(("line", "expected"), [
    ("Request the state ID by 2026-12-20", ("Request the state ID", date(2026, 12, 20))),
    ("Pedir la identificación estatal para el 2026-12-20",
     ("Pedir la identificación estatal", date(2026, 12, 20))),
    ("Llamar al empleador antes del 2027-01-05", ("Llamar al empleador", date(2027, 1, 5))),
    ("Revisar el plan", ("Revisar el plan", DEFAULT)),
    ("Llevarla para el taller", ("Llevarla para el taller", DEFAULT)),
])
def test_an_action_is_due_on_the_date_that_ends_its_line(line: str,
                                                         expected: tuple[str, date]) -> None:
    assert split_due(line, DEFAULT) == expected


def test_a_date_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValidationError):
        split_due("Pedir el acta para el 2026-02-30", DEFAULT)
