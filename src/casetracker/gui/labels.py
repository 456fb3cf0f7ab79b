"""Words the interface shows for what the domain names in English: stages, workshops, figures,
documents, shared categories, goal states and how a survivor may be contacted.

`label(text)` translates a label declared with QT_TRANSLATE_NOOP("labels", …) into the
interface language that `i18n` installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from casetracker.domain.catalog import Category
from casetracker.domain.documents import DOCUMENT_LABELS
from casetracker.domain.employment import PositionKind
from casetracker.domain.plans import GoalStatus

if TYPE_CHECKING:
    from casetracker.domain.documents import Document
    from casetracker.domain.survivors import SafeContact


def label(text: str) -> str:
    """A label declared with QT_TRANSLATE_NOOP("labels", …), in the interface language."""
    return QCoreApplication.translate("labels", text)


# Labels the domain layer declares in English (it may not import Qt). They are listed here so
# that lupdate collects them; a test checks that every one of them is here and translated.
DOMAIN_LABELS = (
    # domain.employment.STAGE_LABELS
    QT_TRANSLATE_NOOP("labels", "Readiness"),
    QT_TRANSLATE_NOOP("labels", "Matching"),
    QT_TRANSLATE_NOOP("labels", "Interview"),
    QT_TRANSLATE_NOOP("labels", "Internship"),
    QT_TRANSLATE_NOOP("labels", "Offer"),
    QT_TRANSLATE_NOOP("labels", "Placed"),
    QT_TRANSLATE_NOOP("labels", "Retained 30 days"),
    QT_TRANSLATE_NOOP("labels", "Retained 60 days"),
    QT_TRANSLATE_NOOP("labels", "Retained 90 days"),
    QT_TRANSLATE_NOOP("labels", "Exited"),
    # domain.employment.WORKSHOP_LABELS
    QT_TRANSLATE_NOOP("labels", "Stress management"),
    QT_TRANSLATE_NOOP("labels", "SMART goals"),
    QT_TRANSLATE_NOOP("labels", "Giving and receiving feedback"),
    QT_TRANSLATE_NOOP("labels", "Setting up for success at work"),
    QT_TRANSLATE_NOOP("labels", "Resume building"),
    QT_TRANSLATE_NOOP("labels", "Tailoring a resume to a new industry"),
    # domain.reports.METRIC_LABELS
    QT_TRANSLATE_NOOP("labels", "Active cases"),
    QT_TRANSLATE_NOOP("labels", "Overdue milestones"),
    QT_TRANSLATE_NOOP("labels", "No contact in 30 days"),
    QT_TRANSLATE_NOOP("labels", "Documents outstanding"),
    QT_TRANSLATE_NOOP("labels", "Releases expiring in 14 days"),
    QT_TRANSLATE_NOOP("labels", "Tasks overdue"),
    # domain.documents.DOCUMENT_LABELS
    QT_TRANSLATE_NOOP("labels", "Birth certificate"),
    QT_TRANSLATE_NOOP("labels", "State ID or driver's license"),
    QT_TRANSLATE_NOOP("labels", "Social Security card"),
    QT_TRANSLATE_NOOP("labels", "Passport"),
    QT_TRANSLATE_NOOP("labels", "Work authorization (EAD)"),
    QT_TRANSLATE_NOOP("labels", "T-visa or Continued Presence letter"),
    QT_TRANSLATE_NOOP("labels", "Vacatur court order"),
    QT_TRANSLATE_NOOP("labels", "Diploma or certificate"),
    QT_TRANSLATE_NOOP("labels", "Other document"),
    # domain.consent.CATEGORY_DESCRIPTIONS
    QT_TRANSLATE_NOOP("labels", "Your preferred first name (never your legal name)"),
    QT_TRANSLATE_NOOP("labels", "Workshops you completed, your skills and certifications"),
    QT_TRANSLATE_NOOP("labels", "Hours you can work, when you can start, how you travel"),
    QT_TRANSLATE_NOOP("labels", "The kind of work you are aiming for"),
    QT_TRANSLATE_NOOP("labels", "Internships and jobs you held through the program"),
    QT_TRANSLATE_NOOP("labels", "Supports that help you at work, in neutral words"),
    QT_TRANSLATE_NOOP("labels",
                      "Whether your documents are ready for the I-9 check (yes or no)"),
)

# Short names of what a consent shares, for lists.
CATEGORY_NAMES = {
    Category.ALIAS: QT_TRANSLATE_NOOP("labels", "preferred name"),
    Category.READINESS: QT_TRANSLATE_NOOP("labels", "workshops and skills"),
    Category.AVAILABILITY: QT_TRANSLATE_NOOP("labels", "availability"),
    Category.EMPLOYMENT_GOALS: QT_TRANSLATE_NOOP("labels", "employment goals"),
    Category.WORK_HISTORY: QT_TRANSLATE_NOOP("labels", "work history"),
    Category.ACCOMMODATIONS: QT_TRANSLATE_NOOP("labels", "supports at work"),
    Category.WORK_ELIGIBILITY: QT_TRANSLATE_NOOP("labels", "ready for I-9"),
}
GOAL_STATUS_LABELS = {
    GoalStatus.OPEN: QT_TRANSLATE_NOOP("labels", "open"),
    GoalStatus.ACHIEVED: QT_TRANSLATE_NOOP("labels", "achieved"),
    GoalStatus.DROPPED: QT_TRANSLATE_NOOP("labels", "dropped"),
}
POSITION_KIND_LABELS = {
    PositionKind.INTERNSHIP: QT_TRANSLATE_NOOP("labels", "Internship"),
    PositionKind.JOB: QT_TRANSLATE_NOOP("labels", "Job"),
}


# The parts of the letterhead `sharing_support.missing_letterhead` names.
LETTERHEAD_PARTS = {"name": QT_TRANSLATE_NOOP("labels", "name"),
                    "address": QT_TRANSLATE_NOOP("labels", "address"),
                    "phone": QT_TRANSLATE_NOOP("labels", "phone")}


def letterhead_words(missing: list[str]) -> list[str]:
    return [label(LETTERHEAD_PARTS.get(part, part)) for part in missing]


# What the leak guard names when it refuses an export (`export.leak_guard.LeakError`): the
# withheld field found, and the shared value it was found in. The command line prints the
# field's id with spaces; the interface shows these, in its language.
WITHHELD_FIELD_NAMES = {
    "legal_first_name": QT_TRANSLATE_NOOP("labels", "legal first name"),
    "legal_last_name": QT_TRANSLATE_NOOP("labels", "legal last name"),
    "address": QT_TRANSLATE_NOOP("labels", "address"),
    "date_of_birth": QT_TRANSLATE_NOOP("labels", "date of birth"),
    "phone": QT_TRANSLATE_NOOP("labels", "phone number"),
    "email": QT_TRANSLATE_NOOP("labels", "email address"),
    "case_number": QT_TRANSLATE_NOOP("labels", "case number"),
    "referral_source": QT_TRANSLATE_NOOP("labels", "referral source"),
    "safe_contact": QT_TRANSLATE_NOOP("labels", "safe times to contact"),
    "history_notes": QT_TRANSLATE_NOOP("labels", "history"),
    "criminal_record_notes": QT_TRANSLATE_NOOP("labels", "criminal record"),
    "immigration_status": QT_TRANSLATE_NOOP("labels", "immigration status"),
    "health_notes": QT_TRANSLATE_NOOP("labels", "health notes"),
    "safety_plan": QT_TRANSLATE_NOOP("labels", "safety plan"),
    "sensitive_status": QT_TRANSLATE_NOOP("labels", "trafficking type or vacatur status"),
    "clearance_reason": QT_TRANSLATE_NOOP("labels", "reason for a clearance decision"),
    "case_review": QT_TRANSLATE_NOOP("labels", "case review"),
    "case_notes": QT_TRANSLATE_NOOP("labels", "case notes"),
    "tasks": QT_TRANSLATE_NOOP("labels", "tasks"),
    "document_details": QT_TRANSLATE_NOOP("labels", "document details"),
    "barriers": QT_TRANSLATE_NOOP("labels", "barriers"),
    "goals": QT_TRANSLATE_NOOP("labels", "goals"),
    "check_ins": QT_TRANSLATE_NOOP("labels", "progress check-ins"),
    # Shareable values the consent leaves out (the catalog key, dots as underscores).
    "survivor_preferred_name": QT_TRANSLATE_NOOP("labels", "preferred name"),
    "survivor_skills": QT_TRANSLATE_NOOP("labels", "skills and certifications"),
    "workshops_completed": QT_TRANSLATE_NOOP("labels", "workshops completed"),
    "survivor_availability": QT_TRANSLATE_NOOP("labels", "availability"),
    "goal_specific": QT_TRANSLATE_NOOP("labels", "employment goals"),
    "placement_history": QT_TRANSLATE_NOOP("labels", "work through the program"),
    "survivor_accommodations": QT_TRANSLATE_NOOP("labels", "supports at work"),
    "document_ready_for_i9": QT_TRANSLATE_NOOP("labels", "documents ready for I-9"),
}
SHARED_VALUE_NAMES = {
    "Preferred name": QT_TRANSLATE_NOOP("labels", "preferred name"),
    "Skills and certifications": QT_TRANSLATE_NOOP("labels", "skills and certifications"),
    "Workshops completed": QT_TRANSLATE_NOOP("labels", "workshops completed"),
    "Availability": QT_TRANSLATE_NOOP("labels", "availability"),
    "Employment goals": QT_TRANSLATE_NOOP("labels", "employment goals"),
    "Work through the program": QT_TRANSLATE_NOOP("labels", "work through the program"),
    "Supports at work": QT_TRANSLATE_NOOP("labels", "supports at work"),
    "Documents ready for I-9": QT_TRANSLATE_NOOP("labels", "documents ready for I-9"),
    # The survivor's own plan (services.sharing.prepare_plan).
    "goal": QT_TRANSLATE_NOOP("labels", "goal"),
    "step": QT_TRANSLATE_NOOP("labels", "step"),
    "task": QT_TRANSLATE_NOOP("labels", "step for the survivor"),
}


def withheld_field_name(field: str) -> str:
    """A withheld field as the interface names it (its id with spaces if not listed)."""
    return label(WITHHELD_FIELD_NAMES.get(field, field.replace("_", " ")))


def shared_value_name(shared: str) -> str:
    return label(SHARED_VALUE_NAMES.get(shared, shared))


def category_name(category: Category) -> str:
    return label(CATEGORY_NAMES.get(category, category.value.replace("_", " ")))


def document_title(document: Document) -> str:
    """A document's own label as typed, or its kind in the interface language."""
    return document.label or label(DOCUMENT_LABELS[document.kind])


def safe_contact_summary(rules: SafeContact) -> str:
    """How a survivor may be reached, in the interface language."""
    allowed = [label(word) for word, ok in (
        (QT_TRANSLATE_NOOP("labels", "call"), rules.ok_to_call),
        (QT_TRANSLATE_NOOP("labels", "text"), rules.ok_to_text),
        (QT_TRANSLATE_NOOP("labels", "leave voicemail"), rules.ok_to_leave_voicemail)) if ok]
    text = (QCoreApplication.translate("labels", "OK to {0}").format(", ".join(allowed))
            if allowed else
            QCoreApplication.translate("labels", "Do not call, text or leave voicemail"))
    if rules.safe_times:
        return QCoreApplication.translate("labels", "{0}; safe times: {1}").format(
            text, rules.safe_times)
    return text
