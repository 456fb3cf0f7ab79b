"""What a Spanish-speaking survivor reads is in Spanish without anyone choosing it: their plan
(headings, dates, the way to reach the program) and the release form they sign. Checked by
extracting the PDFs' text."""

from __future__ import annotations

import os
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.catalog import Category
from casetracker.domain.employment import Industry
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import reading_language
from casetracker.export import leak_guard
from casetracker.services import consent, employers, notes, plans, settings, survivors
from tests.conftest import Team

SHOTS = os.environ.get("CASETRACKER_SHOTS")


def shot(pdf: bytes, name: str) -> None:
    """With CASETRACKER_SHOTS set, the first page as PNG, to look at."""
    if SHOTS:
        path = Path(SHOTS) / f"{name}.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path),
                        str(path.with_suffix(""))], check=False)


@pytest.mark.parametrize(("written", "language"), [
    ("Spanish", "es"), ("español", "es"), ("Espanol", "es"), ("es", "es"),
    ("Spanish, some English", "es"), ("English", "en"), ("", "en"), ("Estonian", "en"),
    ("Portuguese", "en")])
def test_the_reading_language_comes_from_the_primary_language(written: str,
                                                              language: str) -> None:
    assert reading_language(written) == language


@pytest.fixture
def lucia(team: Team) -> str:
    settings.update_settings(team.supervisor, organisation_name="Puentes al Empleo",
                             organisation_phone="555-0100")
    case = survivors.create_survivor(team.case_manager, survivors.draft(
        "", "Lucía", primary_language="Español")).case_number
    target = clock.today() + timedelta(days=90)
    plans.add_goal(team.case_manager, case, domain=GoalDomain.EMPLOYMENT,
                   specific="Trabajar en una cocina", measurable="Una oferta",
                   achievable="Sí", relevant="Ingresos", target_date=target,
                   milestones=[("Terminar el taller de currículum",
                                clock.today() + timedelta(days=20))])
    notes.add_task(team.case_manager, case, "Traer dos talones de pago",
                   clock.today() + timedelta(days=6), for_survivor=True)
    return case


def test_a_spanish_speakers_plan_is_in_spanish(team: Team, lucia: str) -> None:
    from casetracker.services import sharing

    pdf = sharing.prepare_plan(team.case_manager, lucia).pdf
    shot(pdf, "plan-es")
    text = leak_guard.pdf_text(pdf)
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre"]
    for words in ("mi plan", "preparado para lucia", "meta trabajar en una cocina",
                  "proximos pasos", "traer dos talones de pago",
                  "tiene preguntas hable con", "llame a puentes al empleo al 555 0100"):
        assert words in text, words
    assert any(f"de {month} de" in text for month in months)
    for english in ("my plan", " goal ", "next steps", "questions", "prepared for"):
        assert english not in text, english
    # Asked for in English, it is in English.
    assert "my plan" in leak_guard.pdf_text(sharing.prepare_plan(team.case_manager, lucia,
                                                                 "en").pdf)


def test_without_a_program_telephone_the_plan_gives_none(team: Team, lucia: str) -> None:
    from casetracker.services import sharing

    settings.update_settings(team.supervisor, organisation_phone="")
    text = leak_guard.pdf_text(sharing.prepare_plan(team.case_manager, lucia).pdf)
    assert "tiene preguntas hable con" in text
    assert "llame" not in text


def test_a_spanish_speakers_release_form_is_in_spanish(team: Team, lucia: str) -> None:
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    given = consent.add_consent(team.case_manager, lucia,
                                purpose="Referral for work",
                                categories=frozenset({Category.ALIAS, Category.READINESS}),
                                expires_on=clock.today() + timedelta(days=60),
                                recipient_employer="Harbor Hotel")
    pdf = consent.release_form_pdf(team.case_manager, given.id)
    shot(pdf, "release-es")
    text = leak_guard.pdf_text(pdf)
    for words in ("permiso para compartir informacion",
                  "yo lucia doy permiso a puentes al empleo para compartir lo siguiente "
                  "con harbor hotel", "su nombre preferido nunca su nombre legal",
                  "los talleres que completo sus habilidades y certificaciones",
                  "no se comparte nada mas", "firma", "testigo personal del programa",
                  "guarde una copia de este formulario"):
        assert words in text, words
    for english in ("permission", "signature", "nothing else", "your preferred"):
        assert english not in text, english
    assert "permission to share information" in leak_guard.pdf_text(
        consent.release_form_pdf(team.case_manager, given.id, "en"))
