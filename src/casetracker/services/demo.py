"""A demonstration database full of realistic, entirely synthetic survivors (Faker).

For trying the program, training staff and measuring performance; nothing in it describes a
real person. Generated rows go straight to the repositories in one transaction, with one
audit entry for the whole generation; but each row first passes the domain validation the
services apply to what people type (`validate_survivor`, `validate_document`, `check_step`...),
so demo data obeys the program's own rules, and a generator that breaks one fails loudly
instead of showing staff records the program would refuse (tests/unit/test_demo_rules.py).
"""

from __future__ import annotations

import random
import secrets
import unicodedata
import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.catalog import SHAREABLE, Category
from casetracker.domain.consent import Consent, ConsentMethod, RecipientKind, validate_consent
from casetracker.domain.documents import (
    STANDARD_CHECKLIST,
    Document,
    DocumentKind,
    DocumentStatus,
    validate_document,
)
from casetracker.domain.employment import (
    RETENTION_DAYS,
    Attendance,
    Employer,
    Industry,
    PlacementStep,
    Position,
    PositionKind,
    Practice,
    Restriction,
    SelfAssessment,
    Shift,
    Stage,
    Workshop,
    WorkshopTopic,
    check_step,
    new_position_defaults,
    validate_employer,
    validate_position,
)
from casetracker.domain.notes import CaseNote, ContactType, Task
from casetracker.domain.plans import Goal, GoalDomain, GoalStatus, Milestone, validate_goal
from casetracker.domain.survivors import (
    Availability,
    Barrier,
    BarrierKind,
    CaseStatus,
    Gender,
    SafeContact,
    SensitiveDetails,
    Survivor,
    TraffickingType,
    Transport,
    VacaturStatus,
    reading_language,
    validate_survivor,
)
from casetracker.security.kdf import PRODUCTION, KdfParams
from casetracker.services import accounts, demo_mark
from casetracker.services.sensitive import validate_sensitive
from casetracker.services.session import Session
from casetracker.services.vault import Vault
from casetracker.storage.dashboard_totals import new_cases_in_bulk
from casetracker.storage.employment_repo import EmploymentRepository
from casetracker.storage.records_repo import DocumentRepository, NoteRepository, PlanRepository
from casetracker.storage.sharing_repo import SharingRepository
from casetracker.storage.survivors_repo import SurvivorRepository

# Faker takes 60 ms or more to load: it waits until demo data is made, not for every command
# that loads this module.
if TYPE_CHECKING:
    from faker import Faker

STAFF: tuple[tuple[str, Role], ...] = (
    ("dana", Role.SUPERVISOR),
    ("ana", Role.CASE_MANAGER),
    ("luis", Role.CASE_MANAGER),
    ("mei", Role.CASE_MANAGER),
    ("cole", Role.COORDINATOR),
)
SKILLS = ("food handling certificate", "forklift", "customer service", "housekeeping",
          "bilingual English/Spanish", "cash handling", "basic computer skills", "childcare",
          "sewing", "cooking", "inventory", "data entry", "ServSafe", "CPR and first aid",
          "driving licence", "warehouse picking", "hair braiding", "landscaping")
LANGUAGES = ("English", "Spanish", "Spanish", "Tagalog", "Vietnamese", "Haitian Creole",
             "Mandarin", "Portuguese", "English")
REFERRALS = ("Anti-trafficking hotline", "Shelter partner", "Legal aid clinic",
             "Law enforcement victim advocate", "Hospital social worker", "Self-referral",
             "Community outreach")
EMPLOYMENT_GOALS = ("Complete a 12-week paid internship in hospitality",
                    "Get a full-time warehouse job with benefits",
                    "Earn a food handler certificate and work in a kitchen",
                    "Find a retail job near the bus line",
                    "Work as a bilingual receptionist")
OTHER_GOALS = {
    GoalDomain.HOUSING: "Move from the shelter into transitional housing",
    GoalDomain.DOCUMENTS: "Recover a birth certificate and a state ID",
    GoalDomain.EDUCATION: "Finish the GED maths and reading tests",
    GoalDomain.LEGAL: "File a vacatur petition for the prostitution charge",
    GoalDomain.FINANCIAL: "Open a bank account and save $500",
    GoalDomain.HEALTH: "Register with a primary care clinic",
}
# How a Spanish speaker's own plan words each goal (Goal.survivor_wording), so that the plan
# printed for them is in Spanish; the staff wording above stays as staff wrote it.
GOALS_IN_SPANISH = {
    "Complete a 12-week paid internship in hospitality":
        "Terminar una pasantía pagada de 12 semanas en un hotel o restaurante",
    "Get a full-time warehouse job with benefits":
        "Conseguir un trabajo de tiempo completo con beneficios en un almacén",
    "Earn a food handler certificate and work in a kitchen":
        "Sacar el certificado de manipulación de alimentos y trabajar en una cocina",
    "Find a retail job near the bus line": "Encontrar un trabajo en una tienda cerca del autobús",
    "Work as a bilingual receptionist": "Trabajar como recepcionista bilingüe",
    "Move from the shelter into transitional housing":
        "Mudarme del albergue a una vivienda de transición",
    "Recover a birth certificate and a state ID":
        "Recuperar mi acta de nacimiento y una identificación estatal",
    "Finish the GED maths and reading tests":
        "Terminar los exámenes de matemáticas y de lectura del GED",
    "File a vacatur petition for the prostitution charge": "Hacer un trámite legal",
    "Open a bank account and save $500": "Abrir una cuenta de banco y ahorrar $500",
    "Register with a primary care clinic": "Inscribirme en una clínica de atención primaria",
}
NOTES = ("Met at the drop-in centre; talked through the week's appointments.",
         "Phone check-in. Started the resume workshop and liked it.",
         "Went together to the DMV to request the state ID.",
         "Text: confirmed Thursday's interview time and the bus route.",
         "Called the employer partner about the internship start date.",
         "Reviewed the SMART goal and set the next milestone.",
         "Safety plan reviewed; no changes needed.",
         "Missed appointment; left no voicemail as agreed.")
# Shareable with employers, so in neutral words: what helps at work, never why
# (`Checker.neutral`; "time off for court dates" would tell an employer too much).
ACCOMMODATIONS = ("", "", "Needs a predictable schedule",
                  "Prefers a supervisor who speaks Spanish",
                  "Needs one weekday afternoon off, agreed in advance")


@dataclass(frozen=True, slots=True)
class DemoAccount:
    name: str
    role: Role
    passphrase: str


def generate_passphrase(words: int = 6) -> str:
    """Random words (about 10 bits each from Faker's English list), for demo accounts."""
    from faker.providers.lorem.en_US import Provider as EnglishWords

    pool = sorted(set(EnglishWords.word_list))
    return " ".join(secrets.choice(pool) for _ in range(words))


def create_demo(db_path: Path, survivors: int, *, passphrase: str | None = None,
                kdf: KdfParams = PRODUCTION, seed: int | None = None) -> list[DemoAccount]:
    """Make a new database with one account of each role and `survivors` synthetic cases."""
    staff = [DemoAccount(name, role, passphrase or generate_passphrase()) for name, role in STAFF]
    vault = Vault(db_path, kdf=kdf)
    session, _recovery = vault.create(staff[0].name, staff[0].passphrase)
    try:
        demo_mark.mark(session)  # every screen then says the people are made up
        for account in staff[1:]:
            accounts.add_account(session, account.name, account.role, account.passphrase)
        populate(session, survivors, [a.name for a in staff if a.role is Role.CASE_MANAGER],
                 seed=seed)
    finally:
        session.close()
    return staff


def populate(session: Session, count: int, case_managers: list[str], *,
             seed: int | None = None) -> None:
    """Add `count` synthetic survivors with goals, documents, notes, tasks and barriers."""
    from faker import Faker

    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    fakers = [Faker("en_US"), Faker("es_MX")]
    for index, fake in enumerate(fakers):
        fake.seed_instance(None if seed is None else seed + index)
    maker = _Maker(rng, fakers, case_managers, clock.today(), clock.now_iso())
    with session.changing(), new_cases_in_bulk(session.conn):
        repos = (SurvivorRepository(session.conn), PlanRepository(session.conn),
                 DocumentRepository(session.conn), NoteRepository(session.conn))
        employment = EmploymentRepository(session.conn)
        partners = _employment(rng, employment, maker)
        for number in range(1, count + 1):
            survivor = maker.write(number, *repos)
            _pipeline(rng, employment, maker, survivor, partners)
        session.audit("demo.generate", None, survivors=count)


class _Maker:
    def __init__(self, rng: random.Random, fakers: list[Faker], case_managers: list[str],
                 today: date, now: str) -> None:
        self.rng, self.fakers, self.case_managers = rng, fakers, case_managers
        self.today, self.now = today, now

    def _id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _day(self, back: int, forward: int = 0) -> date:
        """A day from `back` days ago to `forward` days ahead (negative: ago)."""
        return self.today + timedelta(days=self.rng.randint(-back, forward))

    def _since(self, first: date, back: int | None = None) -> date:
        """A day from `first` (or `back` days ago, if later) up to today: something that has
        happened, and not before the case began."""
        if back is not None:
            first = max(first, self.today - timedelta(days=back))
        return first + timedelta(days=self.rng.randint(0, max(0, (self.today - first).days)))

    def write(self, number: int, people: SurvivorRepository, plans: PlanRepository,
              documents: DocumentRepository, notes: NoteRepository) -> Survivor:
        rng, fake = self.rng, self.rng.choice(self.fakers)
        first, last = fake.first_name(), fake.last_name()
        intake = self._day(720, -3)
        survivor = Survivor(
            id=self._id(), case_number=f"CT-{intake.year}-{number:05d}",
            preferred_name=first.split()[0],
            intake_date=intake, legal_first_name=first, legal_last_name=last,
            date_of_birth=self._day(365 * 45, -365 * 18), pronouns=rng.choice(
                ["she/her", "she/her", "he/him", "they/them", ""]),
            primary_language=rng.choice(LANGUAGES), phone=fake.numerify("(###) 555-0###"),
            email=f"{_mailbox(first)}.{number}@example.org" if rng.random() < 0.6 else "",
            address=fake.address().replace("\n", ", "),
            safe_contact=SafeContact(rng.random() < 0.7, rng.random() < 0.8,
                                     rng.random() < 0.3, rng.choice(
                                         ["weekdays 9-5", "after 6 pm", "mornings only", ""])),
            referral_source=rng.choice(REFERRALS),
            assigned_to=rng.choice(self.case_managers) if self.case_managers else None,
            skills=tuple(rng.sample(SKILLS, rng.randint(0, 4))),
            availability=Availability(rng.choice([None, 20, 20, 30, 40]),
                                      self._day(0, 60) if rng.random() < 0.7 else None,
                                      rng.choice(list(Transport))),
            accommodations=rng.choice(ACCOMMODATIONS), created_at=self.now, updated_at=self.now)
        gender, own_words = _gender(number, survivor.pronouns)
        survivor = replace(survivor, gender=gender, gender_self_described=own_words)
        if rng.random() < 0.12:
            survivor = _closed(survivor)
        validate_survivor(survivor, self.today)
        people.add(survivor)
        sensitive = self._sensitive(survivor.id)
        validate_sensitive(sensitive)
        people.save_sensitive(sensitive)
        for kind in rng.sample(list(BarrierKind), rng.randint(0, 3)):
            people.save_barrier(Barrier(self._id(), survivor.id, kind, "",
                                        self._since(intake, 200) if rng.random() < 0.3
                                        else None, self.now))
        for goal in self._goals(survivor.id, reading_language(survivor.primary_language)):
            validate_goal(goal, self.today, new=True)
            plans.save_goal(goal)
            for milestone in goal.milestones:
                plans.save_milestone(milestone)
        for document_kind in STANDARD_CHECKLIST:
            document = self._document(survivor, document_kind)
            validate_document(document, self.today)
            documents.save(document)
        for _ in range(rng.randint(1, 6)):
            notes.add_note(CaseNote(self._id(), survivor.id, self._since(intake, 90), rng.choice(
                list(ContactType)), rng.choice(NOTES), survivor.assigned_to, self.now))
        for _ in range(rng.randint(0, 3)):
            due = self._day(20, 30)
            # Ticked off on its due day, or early (today) when that day is still ahead.
            done = max(intake, min(due, self.today)) if rng.random() < 0.4 else None
            notes.save_task(Task(self._id(), survivor.id, rng.choice(
                ["Follow up on ID request", "Call employer partner", "Check in after interview",
                 "Book resume workshop"]), due, survivor.assigned_to,
                done, survivor.assigned_to, self.now))
        return survivor

    def _document(self, survivor: Survivor, kind: DocumentKind) -> Document:
        """A checklist item whose dates follow its status: requested after intake, recovered
        after the request, an expired one past its expiry date."""
        rng = self.rng
        status = rng.choices(list(DocumentStatus), weights=[4, 3, 4, 1, 2])[0]
        requested = recovered = expires = None
        if status is not DocumentStatus.MISSING:
            requested = self._since(survivor.intake_date, 300)
        if status in (DocumentStatus.RECOVERED, DocumentStatus.EXPIRED) and requested:
            recovered = self._since(requested)
        if status is DocumentStatus.RECOVERED and recovered and rng.random() < 0.5:
            # Mostly years ahead; now and then already past, and so outstanding again.
            expires = max(recovered + timedelta(days=1), self._day(30, 1500))
        elif status is DocumentStatus.EXPIRED and recovered:
            expires = self._since(recovered)
        return Document(self._id(), survivor.id, kind, status, requested_on=requested,
                        recovered_on=recovered, expires_on=expires, updated_at=self.now)

    def _sensitive(self, survivor_id: str) -> SensitiveDetails:
        rng = self.rng
        record = rng.random() < 0.25
        return SensitiveDetails(
            survivor_id, rng.choice(list(TraffickingType)),
            "Synthetic history for demonstration only.",
            "Prostitution charge while trafficked (synthetic)" if record else "",
            rng.choice(list(VacaturStatus)) if record else VacaturStatus.NOT_APPLICABLE,
            rng.choice(["US citizen", "T-visa pending", "T-visa granted", "Continued Presence",
                        "Lawful permanent resident", ""]),
            "", "Synthetic safety plan: code word, safe contacts, route changes.", self.now)

    def _goals(self, survivor_id: str, language: str = "en") -> list[Goal]:
        # A Spanish speaker's goals and steps also carry their own wording (no extra draws
        # from the random generator: the same seed makes the same people and plans).
        spanish = language == "es"
        rng, goals = self.rng, []
        domains = [GoalDomain.EMPLOYMENT, *rng.sample(list(OTHER_GOALS), rng.randint(0, 2))]
        for domain in domains:
            goal_id = self._id()
            target = self._day(-30, 300)
            text = (rng.choice(EMPLOYMENT_GOALS) if domain is GoalDomain.EMPLOYMENT
                    else OTHER_GOALS[domain])
            milestones = []
            first_due = self.today + timedelta(days=rng.randint(-90, 60))
            for step in range(rng.randint(1, 4)):  # steps fall due in their order
                due = min(target, first_due + timedelta(days=25 * step))
                done = due - timedelta(days=rng.randint(0, 5)) if due < self.today and (
                    rng.random() < 0.7) else None
                milestones.append(Milestone(self._id(), goal_id, f"Step {step + 1}", due, done,
                                            survivor_wording=f"Paso {step + 1}" if spanish
                                            else ""))
            goals.append(Goal(goal_id, survivor_id, domain, text,
                              "Done when the step list is complete", "With weekly support",
                              "Chosen by the participant", target, GoalStatus.OPEN,
                              tuple(milestones), self.now,
                              GOALS_IN_SPANISH[text] if spanish else ""))
        return goals


PARTNERS: tuple[tuple[str, Industry, int, set[Restriction]], ...] = (
    ("Harbor Hotel Group", Industry.HOSPITALITY, 8, {Restriction.BACKGROUND_CHECK}),
    ("Bayside Logistics", Industry.WAREHOUSE_LOGISTICS, 5,
     {Restriction.NO_VIOLENT_OR_SEXUAL_RECORD}),
    ("Northgate Airport Services", Industry.AVIATION, 9, set()),
    ("Corner Market Co-op", Industry.RETAIL, 2, set()),
)
# Each partner's contact (a person, or no one: letters then say "Dear Hiring Manager") and
# its internship's and job's titles, as an employer would name them.
PARTNER_DETAILS = {
    "Harbor Hotel Group": ("Maria Lopez", "Housekeeping intern", "Front desk associate"),
    "Bayside Logistics": ("", "Warehouse operations intern", "Warehouse associate"),
    "Northgate Airport Services": ("James Carter", "Guest services intern", "Ramp agent"),
    "Corner Market Co-op": ("", "Retail intern", "Cashier"),
}
# Each partner's location area, the shifts of its internship and job, and how many days ago
# it last assessed itself (over a year: the reminder shows; None: never).
PARTNER_SITES: dict[str, tuple[str, Shift, Shift, int | None]] = {
    "Harbor Hotel Group": ("Downtown waterfront", Shift.DAY, Shift.EVENING, 120),
    "Bayside Logistics": ("Port logistics park", Shift.NIGHT, Shift.ROTATING, 400),
    "Northgate Airport Services": ("Airport", Shift.DAY, Shift.WEEKEND, 30),
    "Corner Market Co-op": ("Eastside", Shift.WEEKEND, Shift.DAY, None),
}


def _employment(rng: random.Random, repo: EmploymentRepository,
                maker: _Maker) -> list[tuple[str, str, str]]:
    """Employer partners with positions, and a season of workshops;
    (employer id, employer name, position id)."""
    # The written policies the demonstration first drew from (the same draw as before the
    # seeds' other practices were added, so the demonstration's standings stay as they were).
    practices = list(Practice)[:9]
    partners = []
    for name, industry, adopted, restrictions in PARTNERS:
        chosen = frozenset([Practice.ORGANISATION_POLICY, Practice.REPORTING_PROCEDURES,
                            *rng.sample(practices, adopted)][:adopted])
        contact, internship, job = PARTNER_DETAILS[name]
        employer = Employer(maker._id(), name, industry, contact, "(555) 555-0100",
                            "", chosen, frozenset(restrictions), "", maker.now)
        validate_employer(employer)
        repo.save_employer(employer)
        area, internship_shift, job_shift, assessed_days_ago = PARTNER_SITES[name]
        if assessed_days_ago is not None:
            # Its id is not drawn from `rng`, so the rest of the demonstration is unchanged.
            assessment_id = str(uuid.uuid5(uuid.NAMESPACE_OID, f"assessment {employer.id}"))
            repo.add_assessment(SelfAssessment(
                assessment_id, employer.id, maker.today - timedelta(days=assessed_days_ago),
                chosen, "", "demo", maker.now))
        for kind, title in ((PositionKind.INTERNSHIP, internship), (PositionKind.JOB, job)):
            defaults = new_position_defaults(kind)
            position = Position(maker._id(), employer.id, kind, title,
                                int(str(defaults["hours_per_week"])), rng.choice([1650, 1800]),
                                maker.today + timedelta(days=rng.randint(7, 60)),
                                defaults["weeks"] if isinstance(defaults["weeks"], int) else None,
                                True, True, tuple(rng.sample(SKILLS, 2)), maker.now,
                                shift=internship_shift if kind is PositionKind.INTERNSHIP
                                else job_shift, location_area=area)
            validate_position(position)
            repo.save_position(position)
            partners.append((employer.id, employer.name, position.id))
    for topic in WorkshopTopic:
        repo.add_workshop(Workshop(maker._id(), topic, maker._day(120, -1), "Program staff",
                                   "Partner college"))
    return partners


def _pipeline(rng: random.Random, repo: EmploymentRepository, maker: _Maker,
              survivor: Survivor, partners: list[tuple[str, str, str]]) -> None:
    for workshop in rng.sample(repo.workshops(), rng.randint(0, 6)):
        completed = rng.random() < 0.8
        repo.save_attendance(Attendance(workshop.id, survivor.id, True, completed))
    path = [Stage.MATCHING, Stage.INTERVIEW, Stage.INTERNSHIP, Stage.OFFER, Stage.PLACED,
            Stage.RETAINED_30, Stage.RETAINED_60, Stage.RETAINED_90]
    length = rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 7, 8])
    employer_id, employer_name, position_id = rng.choice(partners)
    if rng.random() < 0.4:
        shared = frozenset({Category.ALIAS, *rng.sample(sorted(SHAREABLE - {Category.ALIAS}),
                                                       rng.randint(2, 6))})
        signed = maker._since(survivor.intake_date, 60)
        consent = Consent(
            maker._id(), survivor.id, RecipientKind.EMPLOYER,
            employer_name, shared, signed, signed + timedelta(days=rng.randint(40, 300)),
            ConsentMethod.PAPER, employer_id, None, None, maker.now,
            # Written with the survivor, in their language: the form they sign prints it.
            purpose=("Para que me refieran a un trabajo con este empleador"
                     if reading_language(survivor.primary_language) == "es"
                     else "To be referred for work with this employer"))
        validate_consent(consent, maker.today)
        SharingRepository(repo.conn).save_consent(consent)
    day = max(survivor.intake_date, maker._day(300, -120))
    current, last_on, placed_on = Stage.READINESS, None, None
    for stage in path[:length]:
        day = min(day + timedelta(days=rng.randint(5, 30)), maker.today)
        if stage in RETENTION_DAYS and placed_on is not None:
            # A retention step comes 30, 60 or 90 days after the placement, or not yet.
            day = max(day, placed_on + timedelta(days=RETENTION_DAYS[stage]))
            if day > maker.today:
                break
        with_employer = stage not in {Stage.MATCHING}
        step = PlacementStep(
            maker._id(), survivor.id, stage, day, employer_id if with_employer else None,
            position_id if with_employer else None, 20 if with_employer else None,
            1650 if with_employer else None, "", None, maker.now)
        check_step(current, step, last_on, maker.today, placed_on)
        repo.add_step(step)
        current, last_on = stage, day
        placed_on = day if stage is Stage.PLACED else placed_on


def _gender(number: int, pronouns: str) -> tuple[Gender, str]:
    """A gender as recorded (and own words), from the pronouns and the case's number, drawing
    nothing from the random generator (so every other made-up detail stays as it was)."""
    if number % 41 == 0:
        return Gender.SELF_DESCRIBED, "Genderqueer"
    if number % 23 == 0 and pronouns in {"she/her", "he/him"}:
        return Gender.TRANSGENDER, ""
    by_pronouns = {"she/her": Gender.WOMAN, "he/him": Gender.MAN, "they/them": Gender.NON_BINARY}
    if pronouns in by_pronouns:
        return by_pronouns[pronouns], ""
    return (Gender.DECLINED if number % 2 else Gender.NOT_RECORDED), ""


def _mailbox(name: str) -> str:
    """'José María' -> 'josemaria': an address the email check accepts."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in plain if ch.isascii() and ch.isalnum()) or "person"


def _closed(survivor: Survivor) -> Survivor:
    return replace(survivor, status=CaseStatus.CLOSED)
