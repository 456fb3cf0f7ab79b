"""Words the interface shows for what the domain names in English: stages, workshops, figures,
documents, shared categories, goal states and how a survivor may be contacted.

`label(text)` translates a label declared with QT_TRANSLATE_NOOP("labels", …) into the
interface language that `i18n` installed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from casetracker.domain.catalog import Category
from casetracker.domain.documents import DOCUMENT_LABELS
from casetracker.domain.employment import PositionKind
from casetracker.domain.plans import GoalStatus

if TYPE_CHECKING:
    from casetracker.domain.documents import Document
    from casetracker.domain.notes import Task
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
    QT_TRANSLATE_NOOP("labels", "Apprenticeship"),
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
    # domain.employment.TRACK_LABELS
    QT_TRANSLATE_NOOP("labels", "Pre-apprenticeship"),
    QT_TRANSLATE_NOOP("labels", "Registered apprenticeship"),
    # domain.apprenticeships.COACHING_LABELS
    QT_TRANSLATE_NOOP("labels", "Onboarding"),
    QT_TRANSLATE_NOOP("labels", "Trauma-informed supervision"),
    QT_TRANSLATE_NOOP("labels", "Schedule and hours"),
    QT_TRANSLATE_NOOP("labels", "Performance"),
    QT_TRANSLATE_NOOP("labels", "A workplace issue"),
    QT_TRANSLATE_NOOP("labels", "Supports at work"),
    QT_TRANSLATE_NOOP("labels", "Other"),
    # domain.survivors.GENDER_LABELS
    QT_TRANSLATE_NOOP("labels", "Not recorded"),
    QT_TRANSLATE_NOOP("labels", "Woman"),
    QT_TRANSLATE_NOOP("labels", "Man"),
    QT_TRANSLATE_NOOP("labels", "Transgender"),
    QT_TRANSLATE_NOOP("labels", "Non-binary"),
    QT_TRANSLATE_NOOP("labels", "Self-described"),
    QT_TRANSLATE_NOOP("labels", "Prefers not to say"),
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
    PositionKind.APPRENTICESHIP: QT_TRANSLATE_NOOP("labels", "Apprenticeship"),
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


# Tasks the program makes itself, stored with English words or none of its own: shown in the
# interface language. A case review's task holds only the action (`Task.from_review`); a
# retention check-in is "<N>-day retention check-in" (domain.employment.retention_task_title);
# a refused letter asks for "Review what this survivor's profile shares…"
# (services.sharing.REVIEW_TASK).
_CASE_REVIEW_TASK = QT_TRANSLATE_NOOP("labels", "Case review: {0}")
_RETENTION_TASK = re.compile(r"(\d+)-day retention check-in")
_RETENTION_TASK_WORDS = QT_TRANSLATE_NOOP("labels", "{0}-day retention check-in")
_PROFILE_REVIEW_TASK = QT_TRANSLATE_NOOP(
    "labels", "Review what this survivor's profile shares with employers (a letter was "
              "refused)")


def task_text(task: Task) -> str:
    """A task's words as the interface shows them."""
    if task.from_review:
        return label(_CASE_REVIEW_TASK).format(task.title)
    if (found := _RETENTION_TASK.fullmatch(task.title)) is not None:
        return label(_RETENTION_TASK_WORDS).format(found.group(1))
    if task.title == _PROFILE_REVIEW_TASK:
        return label(_PROFILE_REVIEW_TASK)
    return task.title


# The export log in the interface's words (services.audit.ExportLine): what was exported, to
# whom when it is the survivor's own plan, and the fields it held (catalog keys, and the plan's
# own parts).
EXPORT_KINDS = {
    "employer_profile": QT_TRANSLATE_NOOP("labels", "Employer profile"),
    "referral_letter": QT_TRANSLATE_NOOP("labels", "Referral letter"),
    "survivor_plan": QT_TRANSLATE_NOOP("labels", "The person’s own plan"),
}
PLAN_RECIPIENT = "the survivor"  # services.sharing.prepare_plan's recipient
_PLAN_RECIPIENT_WORDS = QT_TRANSLATE_NOOP("labels", "the person")
PLAN_FIELDS = {
    "goal.specific": QT_TRANSLATE_NOOP("labels", "goals, as staff wrote them"),
    "goal.survivor_wording": QT_TRANSLATE_NOOP("labels", "goals, in the person’s words"),
    "milestone.description": QT_TRANSLATE_NOOP("labels", "steps, as staff wrote them"),
    "milestone.survivor_wording": QT_TRANSLATE_NOOP("labels", "steps, in the person’s words"),
    "task.title": QT_TRANSLATE_NOOP("labels", "tasks for the person"),
}


def export_kind_words(kind: str, fallback: str = "") -> str:
    return label(EXPORT_KINDS[kind]) if kind in EXPORT_KINDS else fallback or kind


def export_recipient_words(kind: str, recipient: str) -> str:
    """An employer keeps its name; the survivor's own plan went to "the person"."""
    if kind == "survivor_plan" and recipient == PLAN_RECIPIENT:
        return label(_PLAN_RECIPIENT_WORDS)
    return recipient


def export_field_words(kind: str, field: str) -> str:
    if kind == "survivor_plan" and field in PLAN_FIELDS:
        return label(PLAN_FIELDS[field])
    key = field.replace(".", "_")
    return label(WITHHELD_FIELD_NAMES[key]) if key in WITHHELD_FIELD_NAMES else field
