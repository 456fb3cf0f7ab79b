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
    QT_TRANSLATE_NOOP("labels", "Consents expiring in 30 days"),
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
