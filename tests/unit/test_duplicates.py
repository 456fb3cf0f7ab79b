"""Likely duplicates: how two records are scored (accents, order, nicknames, near spellings,
date of birth, phone), and the check a case manager meets when taking someone in."""

from __future__ import annotations

from datetime import date

import pytest

from casetracker.domain.duplicates import (
    DATE_OF_BIRTH,
    FULL_NAME,
    PART_NAME,
    PHONE,
    compare,
    fold,
    parse_nicknames,
    phone_digits,
    words,
)
from casetracker.domain.survivors import Survivor
from casetracker.services import audit, duplicates, survivors
from casetracker.services.duplicates import LikelyDuplicateError
from tests.conftest import Team

NAMES = duplicates.nicknames()


def person(preferred: str, first: str = "", last: str = "", *, dob: date | None = None,
           phone: str = "") -> Survivor:
    return survivors.draft("", preferred, legal_first_name=first, legal_last_name=last,
                           date_of_birth=dob, phone=phone)


def test_accents_and_case_fold_away() -> None:
    assert fold("José Núñez") == "jose nunez"
    assert words("  MARÍA-josé  O'Brien ", "j.") == ("maria", "jose", "brien")


def test_the_order_of_names_does_not_matter() -> None:
    a = person("María", "María", "García López")
    b = person("Lopez", "Garcia", "Maria")
    likeness = compare(a, b, NAMES)
    assert likeness.full_name
    assert likeness.fields == ("name",)
    assert likeness.score == FULL_NAME


def test_nicknames_are_the_same_name() -> None:
    assert compare(person("Pepe", "", "Hernández"), person("José", "José", "Hernandez"),
                   NAMES).full_name
    assert compare(person("Bill Carter"), person("William Carter"), NAMES).full_name
    assert compare(person("Lupe", "", "Ruiz"), person("Guadalupe Ruiz"), NAMES).full_name
    # Different people with one surname in common are not the same name.
    assert not compare(person("Rosa", "", "Ruiz"), person("Guadalupe Ruiz"), NAMES).full_name


def test_a_name_may_belong_to_two_groups() -> None:
    groups = parse_nicknames("alberto beto\nroberto beto bob\n# a note\n")
    assert compare(person("Beto Diaz"), person("Alberto Diaz"), groups).full_name
    assert compare(person("Beto Diaz"), person("Roberto Diaz"), groups).full_name
    assert not compare(person("Alberto Diaz"), person("Roberto Diaz"), groups).full_name


def test_a_typo_is_a_near_spelling() -> None:
    assert compare(person("Guadelupe Martinez"), person("Guadalupe Martínez"), NAMES).full_name
    assert not compare(person("Ana Mora"), person("Ada Mira"), NAMES).full_name  # short words


def test_date_of_birth_and_phone_add_to_a_name() -> None:
    dob = date(1990, 4, 2)
    a = person("Rosa", "Rosa", "Diaz", dob=dob, phone="(555) 010-4477")
    b = person("Rosa", "", "Diaz", dob=dob, phone="+1 555 010 4477")
    likeness = compare(a, b, NAMES)
    assert likeness.fields == ("name", "date_of_birth", "phone")
    assert likeness.score == min(100, FULL_NAME + DATE_OF_BIRTH + PHONE)
    # One name word and the same date of birth is likely; one name word alone is not.
    one = compare(person("Rosa", "", "Diaz", dob=dob), person("Rosa", "", "Vega", dob=dob),
                  NAMES)
    assert one.score == PART_NAME + DATE_OF_BIRTH
    assert one.likely
    assert not one.full_name
    assert not compare(person("Rosa Diaz"), person("Rosa Vega"), NAMES).likely


def test_without_a_name_in_common_nothing_matches() -> None:
    dob = date(1990, 4, 2)
    likeness = compare(person("Rosa Diaz", dob=dob, phone="555-010-4477"),
                       person("Kim Park", dob=dob, phone="555-010-4477"), NAMES)
    assert likeness.score == 0
    assert not likeness.likely


def test_phone_digits() -> None:
    assert phone_digits("+1 (555) 010-4477") == "5550104477"
    assert phone_digits("12") == ""


def test_adding_a_likely_duplicate_in_my_caseload_shows_it(team: Team) -> None:
    cm = team.case_manager
    kept = survivors.create_survivor(cm, survivors.draft(
        "CT-1", "Lupita", legal_first_name="Guadalupe", legal_last_name="Núñez",
        date_of_birth=date(1995, 3, 1), phone="555-010-2000"))
    new = survivors.draft("", "Lupe", legal_last_name="Nunez", date_of_birth=date(1995, 3, 1))
    with pytest.raises(LikelyDuplicateError) as caught:
        survivors.create_survivor(cm, new, check_duplicates=True)
    check = caught.value.check
    assert [m.survivor.case_number for m in check.matches] == [kept.case_number]
    assert check.matches[0].likeness.fields == ("name", "date_of_birth")
    assert not check.elsewhere
    assert survivors.caseload_size(cm) == 1  # nothing saved
    saved = survivors.create_survivor(cm, new, check_duplicates=True, not_a_duplicate=True)
    assert survivors.caseload_size(cm) == 2
    overridden = audit.search(team.supervisor, action="survivor.not_a_duplicate")
    assert [e.subject for e in overridden] == [saved.case_number]
    assert saved.case_number != kept.case_number


def test_a_new_name_is_not_a_duplicate(team: Team) -> None:
    survivors.create_survivor(team.case_manager, survivors.draft("CT-1", "Rosa Diaz"))
    check = duplicates.check_new(team.case_manager, person("Kim", "Kim", "Park"))
    assert not check.found


def test_saying_not_a_duplicate_is_audited_only_when_one_was_found(team: Team) -> None:
    cm = team.case_manager
    survivors.create_survivor(cm, survivors.draft("CT-1", "Rosa Diaz"), check_duplicates=True,
                              not_a_duplicate=True)
    assert audit.search(team.supervisor, action="survivor.not_a_duplicate") == []
    survivors.create_survivor(cm, survivors.draft("CT-2", "Rosa Díaz"), check_duplicates=True,
                              not_a_duplicate=True)
    found = audit.search(team.supervisor, action="survivor.not_a_duplicate")
    assert [e.subject for e in found] == ["CT-2"]
