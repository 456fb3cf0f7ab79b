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
from casetracker.domain.consent import ConsentMethod
from casetracker.domain.employment import Industry
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import reading_language
from casetracker.export import leak_guard
from casetracker.export.pdf_common import long_date
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


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text as poppler's pdftotext reads it, with whitespace folded."""
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.split())


def test_a_spanish_speakers_release_form_is_in_spanish(team: Team, lucia: str,
                                                       tmp_path: Path) -> None:
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    start = clock.today()
    given = consent.add_consent(team.case_manager, lucia,
                                purpose="Para que me entrevisten para un puesto en la cocina",
                                categories=frozenset({Category.ALIAS, Category.READINESS}),
                                recipient_employer="Harbor Hotel")
    pdf = consent.release_form_pdf(team.case_manager, given.id)
    shot(pdf, "release-es")
    text = pdftotext(pdf, tmp_path)
    end = start + timedelta(days=90)
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre"]
    for words in ("Autorización para compartir información",
                  "Yo, Lucía, autorizo a Puentes al Empleo a compartir la información marcada "
                  "abajo con Harbor Hotel, y con nadie más.",
                  "Para qué se comparte (escrito conmigo): Para que me entrevisten para un "
                  "puesto en la cocina",
                  "Su nombre preferido (nunca su nombre legal)",
                  "Los talleres que completó, sus habilidades y certificaciones",
                  "Mi historia de trata o de violencia doméstica nunca se comparte",
                  f"empieza el {start.day} de {months[start.month - 1]} de {start.year} y "
                  f"termina el {end.day} de {months[end.month - 1]} de {end.year}",
                  "Harbor Hotel no puede compartir esta información con nadie más.",
                  "Firmar esta autorización es voluntario. Nunca es una condición para recibir "
                  "servicios", "Puedo revocar (retirar) esta autorización en cualquier momento, "
                  "por escrito o diciéndoselo de palabra al personal. Se detiene en ese mismo "
                  "momento", "Firmada en papel.", "Firma", "Testigo (personal del programa)",
                  "Guarde una copia de este formulario."):
        assert words in text, words
    for english in ("Release", "Signature", "Nothing else", "preferred", "revoke", "voluntary"):
        assert english not in text, english
    assert "madre, el padre o tutor" not in text  # an adult signs alone


def test_without_a_program_name_the_spanish_form_says_al_programa(team: Team, lucia: str,
                                                                  tmp_path: Path) -> None:
    """Spanish contracts "a el" to "al": "autorizo al programa", never "autorizo a el"."""
    settings.update_settings(team.supervisor, organisation_name="")
    given = consent.add_consent(team.case_manager, lucia, purpose="Trabajo",
                                categories=frozenset({Category.ALIAS}),
                                recipient_employer=employers.add_employer(
                                    team.coordinator, "Harbor Hotel",
                                    Industry.HOSPITALITY).name)
    text = pdftotext(consent.release_form_pdf(team.case_manager, given.id), tmp_path)
    assert "Yo, Lucía, autorizo al programa a compartir" in text
    assert "a el programa" not in text
    assert "el programa me ayudará" in text
    from casetracker.services import sharing

    plan = leak_guard.pdf_text(sharing.prepare_plan(team.case_manager, lucia).pdf)
    assert "llame al programa al 555 0100" in plan


def test_the_english_release_form_says_what_a_release_must(team: Team, lucia: str,
                                                           tmp_path: Path) -> None:
    """Asked for in English; a minor's, to an agency, that may be shared further."""
    today = clock.today()
    dani = survivors.create_survivor(team.case_manager, survivors.draft(
        "", "Dani", date_of_birth=today.replace(year=today.year - 16, day=1))).case_number
    given = consent.add_consent(team.case_manager, dani, purpose="Apply for youth housing",
                                categories=frozenset({Category.ALIAS, Category.AVAILABILITY}),
                                recipient_agency="Casa Nueva Housing",
                                expires_on=today + timedelta(days=30),
                                method=ConsentMethod.ELECTRONIC, may_share_further=True,
                                guardian_name="Marta Ruiz", guardian_signed=True)
    pdf = consent.release_form_pdf(team.case_manager, given.id, "en")
    shot(pdf, "release-en-minor")
    text = pdftotext(pdf, tmp_path)
    for words in ("Release of information",
                  "I, Dani, allow Puentes al Empleo to share the information checked below "
                  "with Casa Nueva Housing, and with no one else.",
                  "Casa Nueva Housing is a partner agency.",
                  "Why it is shared (written with me): Apply for youth housing",
                  "Hours you can work, when you can start, how you travel",
                  "My history of trafficking or domestic violence is never shared",
                  f"ends on {long_date(today + timedelta(days=30))}",
                  "Casa Nueva Housing may share this information with others.",
                  "Signing this release is voluntary. It is never a condition of receiving "
                  "services", "I may revoke (take back) this release at any time, in writing "
                  "or by telling staff orally. It stops at once",
                  "Signed electronically.", "Signature of the young person",
                  "a parent or guardian who has not harmed them signs as well",
                  "Parent or guardian: Marta Ruiz", "Signature of parent or guardian"):
        assert words in text, words
    assert "Autorización" not in text
    # Lucía's form, asked for in English, is in English.
    mine = consent.add_consent(team.case_manager, lucia, purpose="Job fair",
                               categories=frozenset({Category.ALIAS}),
                               recipient_agency="Workforce Center")
    text = pdftotext(consent.release_form_pdf(team.case_manager, mine.id, "en"), tmp_path)
    assert "Release of information" in text
    assert "may not share this information with anyone else" in text
