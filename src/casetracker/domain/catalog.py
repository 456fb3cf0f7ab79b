"""The field catalog: every field of a survivor's record, declared once, with its category.

Exports are built from this allowlist: only fields whose category is shareable may ever leave
the program, and a field missing from the catalog never does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    # Categories a survivor may consent to share with an employer or partner.
    ALIAS = "alias"
    READINESS = "readiness"
    AVAILABILITY = "availability"
    EMPLOYMENT_GOALS = "employment_goals"
    WORK_HISTORY = "work_history"
    ACCOMMODATIONS = "accommodations"
    WORK_ELIGIBILITY = "work_eligibility"
    # Categories that never leave the program.
    CASE_ADMIN = "case_admin"
    IDENTITY = "identity"
    CONTACT = "contact"
    SENSITIVE = "sensitive"
    CASE_CONTENT = "case_content"
    DOCUMENT_DETAIL = "document_detail"


SHAREABLE: frozenset[Category] = frozenset({
    Category.ALIAS, Category.READINESS, Category.AVAILABILITY, Category.EMPLOYMENT_GOALS,
    Category.WORK_HISTORY, Category.ACCOMMODATIONS, Category.WORK_ELIGIBILITY,
})
# What a coordinator sees of a survivor: the shareable view plus the case's administrative
# facts (case number, status, who manages it), never identity, contact or sensitive fields.
COORDINATOR_VISIBLE: frozenset[Category] = SHAREABLE | {Category.CASE_ADMIN}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field: `entity.attribute`, how people call it, and its category."""

    entity: str
    attribute: str
    label: str
    category: Category

    @property
    def key(self) -> str:
        return f"{self.entity}.{self.attribute}"


def _fields(entity: str, category: Category, *pairs: tuple[str, str]) -> list[FieldSpec]:
    return [FieldSpec(entity, attribute, label, category) for attribute, label in pairs]


CATALOG: tuple[FieldSpec, ...] = (
    *_fields("survivor", Category.CASE_ADMIN,
             ("id", "Record id"), ("case_number", "Case number"),
             ("referral_source", "Referral source"), ("intake_date", "Intake date"),
             ("assigned_to", "Case manager"), ("status", "Status"),
             ("created_at", "Created"), ("updated_at", "Last changed")),
    *_fields("survivor", Category.ALIAS, ("preferred_name", "Preferred name")),
    *_fields("survivor", Category.IDENTITY,
             ("legal_first_name", "Legal first name"), ("legal_last_name", "Legal last name"),
             ("date_of_birth", "Date of birth"), ("pronouns", "Pronouns"),
             ("gender", "Gender"), ("gender_self_described", "Gender (own words)"),
             ("primary_language", "Primary language")),
    *_fields("survivor", Category.CONTACT,
             ("phone", "Phone"), ("email", "Email"), ("address", "Address"),
             ("safe_contact", "Safe-contact rules")),
    *_fields("survivor", Category.READINESS, ("skills", "Skills and certifications")),
    *_fields("survivor", Category.AVAILABILITY, ("availability", "Availability")),
    *_fields("survivor", Category.ACCOMMODATIONS, ("accommodations", "Supports at work")),
    *_fields("sensitive", Category.SENSITIVE,
             ("survivor_id", "Record id"), ("trafficking_type", "Trafficking type"),
             ("history_notes", "History"), ("criminal_record_notes", "Criminal record"),
             ("vacatur_status", "Vacatur"), ("immigration_status", "Immigration status"),
             ("health_notes", "Health"), ("safety_plan", "Safety plan"),
             ("updated_at", "Last changed")),
    *_fields("goal", Category.CASE_CONTENT,
             ("id", "Goal id"), ("survivor_id", "Record id"), ("domain", "Domain"),
             ("measurable", "Measurable"), ("achievable", "Achievable"),
             ("relevant", "Relevant"), ("target_date", "Target date"), ("status", "Status"),
             ("milestones", "Milestones"), ("created_at", "Created"),
             ("survivor_wording", "In the survivor's words")),
    # The 'specific' line of an employment goal is what an employer may read as the goal.
    *_fields("goal", Category.EMPLOYMENT_GOALS, ("specific", "Goal")),
    *_fields("document", Category.DOCUMENT_DETAIL,
             ("id", "Document id"), ("survivor_id", "Record id"), ("kind", "Document"),
             ("label", "Description"), ("status", "Status"), ("requested_on", "Requested"),
             ("recovered_on", "Recovered"), ("expires_on", "Expires"), ("issuer", "Issuer"),
             ("original_location", "Where the original is kept"), ("notes", "Notes"),
             ("updated_at", "Last changed")),
    *_fields("document", Category.WORK_ELIGIBILITY, ("ready_for_i9", "Ready for I-9")),
    # Derived facts that sharing draws on: workshops completed, work through the program.
    *_fields("workshops", Category.READINESS, ("completed", "Readiness workshops completed")),
    *_fields("placement", Category.WORK_HISTORY, ("history", "Work through the program")),
    *_fields("attachment", Category.DOCUMENT_DETAIL,
             ("id", "Scan id"), ("document_id", "Document id"), ("filename", "File name"),
             ("media_type", "Type"), ("size", "Size"), ("sha256", "SHA-256"),
             ("added_at", "Added"), ("added_by", "Added by")),
    *_fields("barrier", Category.CASE_CONTENT,
             ("id", "Barrier id"), ("survivor_id", "Record id"), ("kind", "Barrier"),
             ("description", "Description"), ("resolved_on", "Resolved"),
             ("created_at", "Created")),
    *_fields("milestone", Category.CASE_CONTENT,
             ("id", "Milestone id"), ("goal_id", "Goal id"), ("description", "Milestone"),
             ("due_date", "Due"), ("completed_on", "Completed"),
             ("survivor_wording", "In the survivor's words")),
    *_fields("checkin", Category.CASE_CONTENT,
             ("id", "Check-in id"), ("goal_id", "Goal id"), ("checked_on", "Date"),
             ("note", "Note"), ("author", "By"), ("created_at", "Created")),
    *_fields("note", Category.CASE_CONTENT,
             ("id", "Note id"), ("survivor_id", "Record id"), ("written_on", "Date"),
             ("contact_type", "Contact"), ("text", "Note"), ("author", "By"),
             ("created_at", "Created")),
    *_fields("task", Category.CASE_CONTENT,
             ("id", "Task id"), ("survivor_id", "Record id"), ("title", "Task"),
             ("due_date", "Due"), ("assignee", "Assigned to"), ("done_on", "Done"),
             ("created_by", "Created by"), ("created_at", "Created"),
             ("for_survivor", "On the survivor's plan"), ("from_review", "From a case review")),
)


def spec(key: str) -> FieldSpec:
    """The declaration of `entity.attribute`; `KeyError` if it was never declared."""
    return _BY_KEY[key]


def attributes(entity: str, categories: frozenset[Category]) -> frozenset[str]:
    """The attributes of `entity` whose category is in `categories`."""
    return frozenset(f.attribute for f in CATALOG
                     if f.entity == entity and f.category in categories)


_BY_KEY = {f.key: f for f in CATALOG}
if len(_BY_KEY) != len(CATALOG):  # pragma: no cover - a declaration mistake
    raise RuntimeError("a field is declared twice in the catalog")
