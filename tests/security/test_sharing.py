"""Sharing with employers: exactly what the survivor agreed to, with whom, and nothing else."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from casetracker.domain import clock
from casetracker.domain.audit import AuditEntry
from casetracker.domain.catalog import SHAREABLE, Category
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.employment import Industry, PositionKind, Stage
from casetracker.domain.errors import NotFoundError, PermissionDeniedError
from casetracker.domain.notes import ContactType
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import Availability, SafeContact, SensitiveDetails
from casetracker.domain.validation import ValidationError
from casetracker.export import leak_guard
from casetracker.services import (
    audit,
    consent,
    documents,
    employers,
    notes,
    placement,
    plans,
    sensitive,
    sharing,
    sharing_support,
    survivors,
)
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, COORDINATOR, OTHER_CASE_MANAGER, SUPERVISOR

TODAY = clock.today()
CANARIES = {
    "legal_first_name": "Wilhelmina",
    "legal_last_name": "Zanzibarova",
    "phone": "(555) 013-4477",
    "email": "canary.person@example.org",
    "address": "77 Marigold Canary Lane",
    "case_number": "CASE-CANARY-9",
    "history_notes": "Recruited through Vexillum Staffing with a forged contract",
    "criminal_record_notes": "Loitering citation in Okonkwo county 2019",
    "immigration_status": "Quillfeather visa pending",
    "health_notes": "Takes Zorbatrex daily for migraines",
    "safety_plan": "Code word is periwinkle umbrella",
    "note": "Met at the Gildersleeve shelter about the Brannigan situation",
    "document_issuer": "Registrar of Pemberton Falls",
}

# One word (or number) from each withheld value that nothing else in a document would say.
DISTINCTIVE = ["Wilhelmina", "Zanzibarova", "0134477", "canary.person", "Marigold",
               "CASE-CANARY-9", "Vexillum", "Okonkwo", "Quillfeather", "Zorbatrex",
               "periwinkle", "Gildersleeve", "Brannigan", "Pemberton", "weekday mornings"]


def pdf_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text as two independent extractors read it, plus the metadata."""
    reader = PdfReader(__import__("io").BytesIO(pdf))
    texts = [" ".join(page.extract_text() or "" for page in reader.pages),
             " ".join(str(v) for v in (reader.metadata or {}).values())]
    if shutil.which("pdftotext"):
        path = tmp_path / "out.pdf"
        path.write_bytes(pdf)
        texts.append(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                    text=True, check=True).stdout)
    return texts


@pytest.fixture
def canary(team: Team) -> str:
    cm = team.case_manager
    rosa = survivors.create_survivor(cm, survivors.draft(
        CANARIES["case_number"], "Rosa", legal_first_name=CANARIES["legal_first_name"],
        legal_last_name=CANARIES["legal_last_name"], phone=CANARIES["phone"],
        email=CANARIES["email"], address=CANARIES["address"], date_of_birth=date(1991, 7, 14),
        safe_contact=SafeContact(True, True, False, "weekday mornings only"),
        skills=("forklift", "customer service"), accommodations="Needs a predictable schedule",
        availability=Availability(20, TODAY + timedelta(days=10))),
        SensitiveDetails("", history_notes=CANARIES["history_notes"],
                         criminal_record_notes=CANARIES["criminal_record_notes"],
                         immigration_status=CANARIES["immigration_status"],
                         health_notes=CANARIES["health_notes"],
                         safety_plan=CANARIES["safety_plan"]))
    case = rosa.case_number
    notes.add_note(cm, case, CANARIES["note"], ContactType.IN_PERSON)
    plans.add_goal(cm, case, domain=GoalDomain.EMPLOYMENT,
                   specific="Work in a hotel kitchen", measurable="An offer letter",
                   achievable="Has food handling training", relevant="Steady income",
                   target_date=TODAY + timedelta(days=90))
    for kind in (DocumentKind.WORK_AUTHORIZATION, DocumentKind.BIRTH_CERTIFICATE):
        doc = next(d for d in documents.documents(cm, case) if d.kind is kind)
        documents.set_status(cm, doc.id, DocumentStatus.RECOVERED)
        documents.update_details(cm, doc.id, issuer=CANARIES["document_issuer"])
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    employers.add_employer(team.coordinator, "Bayside Logistics", Industry.WAREHOUSE_LOGISTICS)
    position = employers.add_position(team.coordinator, "Harbor Hotel", "Kitchen intern",
                                      __import__("casetracker.domain.employment",
                                                 fromlist=["PositionKind"]).PositionKind.INTERNSHIP)
    placement.advance(cm, case, Stage.MATCHING)
    placement.advance(cm, case, Stage.INTERVIEW, position=position.id)
    placement.advance(cm, case, Stage.INTERNSHIP)
    return case


def kitchen_intern(team: Team) -> str:
    """The id of the internship the canary fixture opens at Harbor Hotel."""
    [position] = sharing.open_positions(team.coordinator, "Harbor Hotel")
    assert position.title == "Kitchen intern"
    return position.id


def audited(team: Team, action: str, case: str) -> list[AuditEntry]:
    return audit.search(team.supervisor, action=action, subject=case)


def consent_to(session: Session, case: str, employer: str,
               categories: frozenset[Category] = SHAREABLE, **kwargs: object) -> str:
    return consent.add_consent(session, case, purpose="Referral for work", categories=categories,
                               expires_on=kwargs.pop("expires_on", TODAY + timedelta(days=90)),
                               recipient_employer=employer, **kwargs).id  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["profile", "letter"])
def test_withheld_canaries_never_reach_the_pdf(team: Team, canary: str, kind: str,
                                               tmp_path: Path) -> None:
    consent_to(team.case_manager, canary, "Harbor Hotel")
    prepared = (sharing.prepare_employer_profile(team.case_manager, canary, "Harbor Hotel")
                if kind == "profile" else
                sharing.prepare_referral_letter(team.coordinator, canary, "Harbor Hotel",
                                                kitchen_intern(team)))
    texts = pdf_texts(prepared.pdf, tmp_path)
    joined = leak_guard.fold(" ".join(texts))
    compact = joined.replace(" ", "")
    for token in DISTINCTIVE:
        assert leak_guard.fold(token).replace(" ", "") not in compact, f"{token} leaked"
    assert "1991" not in joined
    assert "rosa" in joined  # the preferred name, which consent allows
    assert "forklift" in joined
    for metadata_text in texts[1:2]:
        assert "rosa" not in metadata_text.lower()


def test_categories_outside_the_consent_are_left_out(team: Team, canary: str,
                                                     tmp_path: Path) -> None:
    consent_to(team.case_manager, canary, "Harbor Hotel",
               frozenset({Category.ALIAS, Category.EMPLOYMENT_GOALS}))
    prepared = sharing.prepare_employer_profile(team.case_manager, canary, "Harbor Hotel")
    assert set(prepared.fields) == {"survivor.preferred_name", "goal.specific"}
    joined = leak_guard.fold(" ".join(pdf_texts(prepared.pdf, tmp_path)))
    assert "hotel kitchen" in joined
    for withheld in ("forklift", "predictable schedule", "20 hours", "ready for i 9"):
        assert withheld not in joined


@pytest.mark.parametrize("situation", ["none", "other_employer", "expired", "revoked",
                                       "not_yet"])
def test_without_an_active_consent_nothing_is_shared(team: Team, canary: str, tmp_path: Path,
                                                     situation: str) -> None:
    cm = team.case_manager
    if situation == "other_employer":
        consent_to(cm, canary, "Bayside Logistics")
    elif situation == "expired":
        consent_to(cm, canary, "Harbor Hotel", signed_on=TODAY - timedelta(days=60),
                   expires_on=TODAY - timedelta(days=1))
    elif situation == "revoked":
        consent.revoke(cm, consent_to(cm, canary, "Harbor Hotel"))
    elif situation == "not_yet":
        consent_to(cm, canary, "Harbor Hotel", signed_on=TODAY,
                   expires_on=TODAY + timedelta(days=30))
        consent.revoke(cm, consent.consents(cm, canary)[0].id, TODAY)
    with pytest.raises(sharing.ConsentRequiredError, match="no active consent"):
        sharing.prepare_employer_profile(cm, canary, "Harbor Hotel")
    assert sharing.export_log(team.supervisor) == []
    refused = [e for e in audit.recent_entries(team.supervisor, 20)
               if e.action == "export.refused"]
    assert refused


def test_a_field_missing_from_the_catalog_is_never_exported(team: Team, canary: str) -> None:
    from casetracker.export.projection import Item

    consent_to(team.case_manager, canary, "Harbor Hotel")
    record = consent.consents(team.case_manager, canary)[0]
    candidates = [Item("survivor.preferred_name", Category.ALIAS, "Name", "Rosa"),
                  Item("survivor.favourite_colour", Category.ALIAS, "Colour", "teal"),
                  Item("survivor.legal_last_name", Category.ALIAS, "Sneaky", "Zanzibarova")]
    projection = sharing.project(candidates, SHAREABLE, "Harbor Hotel", record)
    assert projection.keys() == ("survivor.preferred_name",)


def test_a_template_naming_a_withheld_field_is_refused_when_saved(
        team: Team, canary: str, tmp_path: Path) -> None:
    consent_to(team.case_manager, canary, "Harbor Hotel")
    sharing_support.set_letter_template(team.coordinator,
                                        "Dear $employer_contact, please meet $preferred_name.")
    for template in ["Dear $employer_contact, please meet $preferred_name ($legal_last_name).",
                     "Hello $legal_last_name and $phone"]:
        with pytest.raises(ValidationError, match="legal_last_name"):
            sharing_support.set_letter_template(team.coordinator, template)
    # The template in use is still the last good one, and its letter holds no withheld value.
    assert sharing_support.letter_template(team.coordinator) == (
        "Dear $employer_contact, please meet $preferred_name.")
    texts = pdf_texts(sharing.prepare_referral_letter(team.coordinator, canary,
                                                      "Harbor Hotel").pdf, tmp_path)
    joined = leak_guard.fold(" ".join(texts))
    assert "please meet rosa" in joined
    for token in DISTINCTIVE:
        assert leak_guard.fold(token) not in joined, f"{token} leaked"


def test_a_template_stored_before_templates_were_checked_writes_no_letter(
        team: Team, canary: str) -> None:
    from casetracker.storage.repositories import ProgramSettingsRepository

    consent_to(team.case_manager, canary, "Harbor Hotel")
    with team.supervisor.changing() as conn:  # as an older version would have saved it
        ProgramSettingsRepository(conn).set(sharing_support.TEMPLATE_KEY,
                                            "Hello $legal_last_name, call $phone")
    with pytest.raises(ValidationError, match="needs fixing"):
        sharing.prepare_referral_letter(team.coordinator, canary, "Harbor Hotel")
    # Refused as a whole, the same for every survivor: nothing about this one was looked at.
    assert audited(team, "export.blocked", canary) == []
    assert sharing.export_log(team.supervisor) == []


def test_saved_exports_are_logged_and_audited(team: Team, canary: str, tmp_path: Path) -> None:
    consent_id = consent_to(team.case_manager, canary, "Harbor Hotel")
    prepared = sharing.prepare_employer_profile(team.coordinator, canary, "Harbor Hotel")
    out = tmp_path / "profile.pdf"
    digest = sharing.save(team.coordinator, prepared, out)
    assert out.read_bytes() == prepared.pdf
    [logged] = sharing.export_log(team.supervisor)
    assert (logged.actor, logged.recipient, logged.sha256, logged.consent_id) == (
        team.coordinator.account.name, "Harbor Hotel", digest, consent_id)
    assert "survivor.preferred_name" in logged.fields
    entry = audit.recent_entries(team.supervisor, 5)[-2]
    assert entry.action == "export.employer_profile"
    assert entry.details["sha256"] == digest


def test_who_may_share(team: Team, canary: str) -> None:
    consent_to(team.case_manager, canary, "Harbor Hotel")
    for outsider in (team.supervisor, team.other_case_manager):
        with pytest.raises(PermissionDeniedError):
            sharing.prepare_employer_profile(outsider, canary, "Harbor Hotel")
    with pytest.raises(PermissionDeniedError):
        consent_to(team.coordinator, canary, "Harbor Hotel")
    denied = [(e.actor, e.details["attempted"])
              for e in audited(team, "access.denied", canary)]
    assert denied == [(SUPERVISOR, "preparing an employer profile"),
                      (OTHER_CASE_MANAGER, "preparing an employer profile"),
                      (COORDINATOR, "recording a consent")]
    # Nothing was prepared for anyone, and the coordinator's consent was not recorded.
    assert sharing.export_log(team.supervisor) == []
    assert [c.created_by for c in consent.consents(team.supervisor, canary)] == [CASE_MANAGER]


def test_consents_validate_and_expiring_ones_are_listed(team: Team, canary: str) -> None:
    cm = team.case_manager
    with pytest.raises(ValidationError, match="never be shared"):
        consent_to(cm, canary, "Harbor Hotel", frozenset({Category.SENSITIVE}))
    with pytest.raises(ValidationError, match="at most a year"):
        consent_to(cm, canary, "Harbor Hotel", expires_on=TODAY + timedelta(days=400))
    soon = consent_to(cm, canary, "Harbor Hotel", expires_on=TODAY + timedelta(days=10))
    consent_to(cm, canary, "Bayside Logistics", expires_on=TODAY + timedelta(days=200))
    assert [c.id for _, c in consent.expiring(cm)] == [soon]
    assert consent.expiring(team.other_case_manager) == []
    form = consent.release_form_pdf(cm, soon)
    text = " ".join(PdfReader(__import__("io").BytesIO(form)).pages[0].extract_text().split())
    assert "Harbor Hotel" in text
    assert "Zanzibarova" not in text


def test_the_survivors_plan_in_spanish(team: Team, canary: str, tmp_path: Path) -> None:
    prepared = sharing.prepare_plan(team.case_manager, canary, "es")
    text = " ".join(pdf_texts(prepared.pdf, tmp_path))
    assert "Mi plan" in text
    assert "Work in a hotel kitchen" in text
    assert CANARIES["history_notes"].split()[2] not in text
    with pytest.raises(PermissionDeniedError):
        sharing.prepare_plan(team.coordinator, canary)


def test_the_letterhead_carries_the_logo_and_organisation(team: Team, canary: str,
                                                          tmp_path: Path) -> None:
    import io

    from PIL import Image

    from casetracker.services import settings

    settings.update_settings(team.supervisor, organisation_name="Safe Harbor Jobs",
                             organisation_address="120 Harbor Street\nOakland, CA 94607")
    png = io.BytesIO()
    Image.new("RGB", (64, 64), (31, 111, 67)).save(png, "PNG")
    sharing_support.set_logo(team.supervisor, png.getvalue())
    with pytest.raises(ValidationError, match="PNG or JPEG"):
        sharing_support.set_logo(team.supervisor, b"GIF89a not allowed")
    with pytest.raises(PermissionDeniedError):
        sharing_support.set_logo(team.coordinator, png.getvalue())
    consent_to(team.case_manager, canary, "Harbor Hotel")
    prepared = sharing.prepare_referral_letter(team.coordinator, canary, "Harbor Hotel")
    reader = PdfReader(io.BytesIO(prepared.pdf))
    assert len(reader.pages[0].images) == 1
    text = " ".join(pdf_texts(prepared.pdf, tmp_path))
    assert "Safe Harbor Jobs" in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Referral letter"
    assert reader.metadata.author == "Safe Harbor Jobs"



@pytest.mark.parametrize("trick", [
    "Wilhelmina", "Zanzi\u200bbarova", "Zanzib\u0430rova", "Zanzibarova1991",
    "WilhelminaZanzibarova", "born 07/14/91", "born 14 July 1991", "call 013-4477",
    "Recruited through Vexillum Staffing",
])
def test_tricks_in_typed_text_are_caught(team: Team, canary: str, trick: str) -> None:
    """A withheld value disguised in a shared value (skills are in every export)."""
    consent_to(team.case_manager, canary, "Harbor Hotel")
    survivors.update_survivor(team.case_manager, canary, skills=("forklift", trick))
    with pytest.raises(leak_guard.LeakError):
        sharing.prepare_employer_profile(team.case_manager, canary, "Harbor Hotel")
    with pytest.raises(leak_guard.LeakError) as told_coordinator:
        sharing.prepare_referral_letter(team.coordinator, canary, "Harbor Hotel")
    # Both refusals are on the trail for the supervisor; the coordinator is told no field,
    # the case manager is asked to review, and no export exists.
    blocked = audited(team, "export.blocked", canary)
    assert [(e.actor, e.details["kind"]) for e in blocked] == [
        (CASE_MANAGER, "employer_profile"), (COORDINATOR, "referral_letter")]
    assert all(e.details["field"] for e in blocked)
    assert blocked[1].details["field"] not in str(told_coordinator.value)
    assert [t.title for t in notes.tasks(team.case_manager, canary)] == [sharing.REVIEW_TASK]
    assert sharing.export_log(team.supervisor) == []


def test_withheld_values_typed_into_shared_fields_or_the_position_are_caught(
        team: Team, canary: str) -> None:
    consent_to(team.case_manager, canary, "Harbor Hotel")
    survivors.update_survivor(team.case_manager, canary,
                              accommodations="Payroll must use Zanzibarova as the surname")
    with pytest.raises(leak_guard.LeakError, match="legal last name"):
        sharing.prepare_employer_profile(team.case_manager, canary, "Harbor Hotel")
    survivors.update_survivor(team.case_manager, canary, accommodations="A quiet workspace")
    # A letter's position is one of the employer's, never free text typed at the letter.
    with pytest.raises(NotFoundError):
        sharing.prepare_referral_letter(team.coordinator, canary, "Harbor Hotel",
                                        "Kitchen intern, ask for Wilhelmina")
    bayside = employers.add_position(team.coordinator, "Bayside Logistics", "Picker",
                                     PositionKind.JOB)
    with pytest.raises(ValidationError, match="not a position with Harbor Hotel"):
        sharing.prepare_referral_letter(team.coordinator, canary, "Harbor Hotel", bayside.id)
    blocked = audited(team, "export.blocked", canary)
    assert [e.details["field"] for e in blocked] == ["legal_last_name"]
    assert blocked[0].details["shared"] == "Supports at work"
    letter = sharing.prepare_referral_letter(team.coordinator, canary, "Harbor Hotel",
                                             kitchen_intern(team))
    text = leak_guard.pdf_text(letter.pdf)
    assert "kitchen intern" in text
    assert "wilhelmina" not in text
    assert "zanzibarova" not in text


def test_ordinary_words_in_short_notes_do_not_block_clean_documents(team: Team,
                                                                    canary: str) -> None:
    consent_to(team.case_manager, canary, "Harbor Hotel")
    for text in ("Candidate profile shared", "Discussed program options",
                 "Nothing to share"):
        notes.add_note(team.case_manager, canary, text, ContactType.PHONE)
    sensitive.update_sensitive(team.case_manager, canary,
                               immigration_status="Employment authorization pending")
    profile = sharing.prepare_employer_profile(team.case_manager, canary, "Harbor Hotel")
    letter = sharing.prepare_referral_letter(team.coordinator, canary, "Harbor Hotel")
    for prepared in (profile, letter):
        text = leak_guard.pdf_text(prepared.pdf)
        assert "rosa" in text
        assert "forklift" in text
    assert audited(team, "export.blocked", canary) == []
    assert sharing.REVIEW_TASK not in [t.title for t in notes.tasks(team.case_manager, canary)]


def test_a_survivor_living_at_the_shelter_may_share_its_phone(team: Team, canary: str) -> None:
    from casetracker.services import settings

    settings.update_settings(team.supervisor, organisation_phone=CANARIES["phone"])
    consent_to(team.case_manager, canary, "Harbor Hotel")
    prepared = sharing.prepare_employer_profile(team.case_manager, canary, "Harbor Hotel")
    # The number is on the letterhead, as the shelter's; the survivor's other details are not.
    text = leak_guard.pdf_text(prepared.pdf)
    assert "0134477" in "".join(ch for ch in text if ch.isdigit())
    assert "zanzibarova" not in text
    assert audited(team, "export.blocked", canary) == []


def test_a_renamed_employer_is_not_covered_and_overlapping_consents_intersect(
        team: Team, canary: str) -> None:
    consent_to(team.case_manager, canary, "Harbor Hotel")
    consent_to(team.case_manager, canary, "Harbor Hotel", frozenset({Category.ALIAS}))
    prepared = sharing.prepare_employer_profile(team.case_manager, canary, "Harbor Hotel")
    assert prepared.fields == ("survivor.preferred_name",)
    hotel = employers.find_employer(team.coordinator, "Harbor Hotel")
    employers.update_employer(team.coordinator, hotel.id, name="Quickhire Staffing")
    with pytest.raises(sharing.ConsentRequiredError, match="now called Quickhire"):
        sharing.prepare_employer_profile(team.case_manager, canary, "Quickhire Staffing")


def test_a_value_too_long_for_a_page_is_a_clear_error(team: Team, canary: str) -> None:
    from casetracker.domain.errors import CaseTrackerError

    consent_to(team.case_manager, canary, "Harbor Hotel")
    from casetracker.domain.employment import WorkshopTopic

    placement.record_session(team.coordinator, WorkshopTopic.FEEDBACK, TODAY,
                             [placement.AttendanceEntry(canary, True, True)])
    survivors.update_survivor(team.case_manager, canary,
                              skills=tuple(f"skill number {n} " + "x" * 80 for n in range(50)))
    with pytest.raises(CaseTrackerError, match="too long to fit"):
        sharing.prepare_employer_profile(team.case_manager, canary, "Harbor Hotel")
    # Nothing half-made is logged; shortened, the same profile is written.
    assert sharing.export_log(team.supervisor) == []
    survivors.update_survivor(team.case_manager, canary, skills=("forklift",))
    prepared = sharing.prepare_employer_profile(team.case_manager, canary, "Harbor Hotel")
    assert "forklift" in leak_guard.pdf_text(prepared.pdf)
