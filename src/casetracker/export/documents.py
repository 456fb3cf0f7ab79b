"""Renderers for what leaves the program: the employer profile, the referral letter, the
consent release form, and the survivor's own plan. Each takes plain values, never a record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from string import Template

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from casetracker.domain.catalog import Category
from casetracker.domain.consent import CATEGORY_DESCRIPTIONS
from casetracker.export import letter_words as words
from casetracker.export.pdf_common import MUTED, escape, long_date, render, styles
from casetracker.export.projection import Letterhead, Projection

SECTION_TITLES = {
    Category.ALIAS: "Name", Category.READINESS: "Job readiness",
    Category.AVAILABILITY: "Availability", Category.EMPLOYMENT_GOALS: "Employment goals",
    Category.WORK_HISTORY: "Work through the program",
    Category.ACCOMMODATIONS: "Supports that help at work",
    Category.WORK_ELIGIBILITY: "Employment eligibility",
}


def _consent_footer(projection: Projection) -> str:
    return (f"Shared with the candidate's consent for {projection.recipient} only, until "
            f"{long_date(projection.consent_expires_on)}. Please do not forward.")


def _questions_to(letterhead: Letterhead) -> str:
    """Where an employer's questions go: the program (or the person who prepared the
    profile, while the program's details are not set), by name and telephone."""
    program = letterhead.organisation.strip() or letterhead.signer
    phone = letterhead.phone.strip()
    return (f"Please direct any questions to {program} at {phone}." if phone
            else f"Please direct any questions to {program}.")


def employer_profile(projection: Projection, letterhead: Letterhead, today: date) -> bytes:
    s = styles()
    name = projection.value("survivor.preferred_name") or "Candidate"
    story: list[Flowable] = [
        Paragraph("Candidate profile", s["title"]),
        Paragraph(escape(f"Prepared for {projection.recipient} · {long_date(today)}"),
                  s["subtitle"]),
    ]
    for category, title in SECTION_TITLES.items():
        items = [i for i in projection.items if i.category is category]
        if not items or category is Category.ALIAS:
            continue
        if len(items) == 1:  # one line: the heading says what it is, or the label does
            only = items[0]
            text = (only.text if only.label.casefold() == title.casefold()
                    else f"{only.label}: {only.text}")
            body: Flowable = Paragraph(escape(text), s["body"])
        else:
            rows = [[Paragraph(escape(i.label), s["cell"]),
                     Paragraph(escape(i.text), s["cell"])] for i in items]
            body = Table(rows, colWidths=[1.9 * inch, 4.6 * inch])
            body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                      ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
                                      ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        story.append(KeepTogether([Paragraph(title, s["heading"]), body]))
    story.insert(1, Paragraph(escape(name), s["heading"]))
    story.append(Spacer(1, 18))
    story.append(Paragraph(escape(
        "This profile holds only what the candidate agreed to share with you. "
        + _questions_to(letterhead)), s["small"]))
    return render(story, title="Candidate profile", letterhead=letterhead,
                  footer=_consent_footer(projection))


DEFAULT_LETTER = """Dear $employer_contact,

I am writing to refer $preferred_name $referral_for.

$preferred_name has been preparing for work with our program. $readiness_sentence
$history_sentence

$availability_sentence $goals_sentence $supports_sentence $eligibility_sentence

We would welcome the chance to talk about how $preferred_name could contribute to your team,
and about the support our program offers new hires and their supervisors.

Sincerely,"""


LETTER_PLACEHOLDERS = frozenset({
    "preferred_name", "employer", "employer_contact", "position", "date", "skills", "workshops",
    "availability", "goals", "readiness_sentence", "availability_sentence", "goals_sentence",
    "eligibility_sentence", "referral_for", "history_sentence", "supports_sentence"})


def template_problems(template: str) -> list[str]:
    """Why a letter template cannot be used: a placeholder that is not one of
    `LETTER_PLACEHOLDERS`, one glued to a letter or digit (it could spell a word with the
    survivor's value), or a lone `$`. Checked when the template is saved, never per survivor."""
    problems = []
    for match in Template.pattern.finditer(template):
        name = match.group("named") or match.group("braced")
        if match.group("invalid") is not None:
            problems.append(f"a lone '$' at character {match.start() + 1} (write $$ for a "
                            "dollar sign)")
        elif name is not None and name not in LETTER_PLACEHOLDERS:
            problems.append(f"${name} is not a placeholder a letter can use")
        elif name is not None:
            before = template[match.start() - 1] if match.start() else " "
            after = template[match.end()] if match.end() < len(template) else " "
            if before.isalnum() or after.isalnum() or after == "_":
                problems.append(f"${name} is joined to the text around it; put a space or a "
                                "punctuation mark between them")
    return problems


@dataclass(frozen=True, slots=True)
class LetterContext:
    employer: str
    employer_contact: str
    position: str
    today: date


def letter_values(projection: Projection, context: LetterContext) -> dict[str, str]:
    """The only values a template can reach: the projection and the letter's own facts."""
    name = projection.value("survivor.preferred_name") or "the candidate"
    skills = projection.parts("survivor.skills")
    workshops = projection.parts("workshops.completed")
    clauses = projection.parts("survivor.availability")
    goals = projection.parts("goal.specific")
    position = words.lower_first(context.position) if context.position else ""
    return {
        "preferred_name": name, "employer": context.employer,
        "employer_contact": words.salutation(context.employer_contact),
        "position": position or "a position with your organisation",
        "referral_for": (f"for the {position} position at {context.employer}" if position
                         else f"to {context.employer}"),
        "date": long_date(context.today),
        "skills": words.and_list([words.lower_first(s) for s in skills]),
        "workshops": words.and_list(list(workshops)),
        "availability": projection.value("survivor.availability"),
        "goals": "; ".join(words.lower_first(g) for g in goals),
        "readiness_sentence": " ".join(p for p in [
            words.skills_sentence(name, skills), words.workshops_sentence(name, workshops)]
            if p),
        "availability_sentence": words.availability_sentence(name, clauses),
        "goals_sentence": words.goals_sentence(name, goals),
        "eligibility_sentence": words.eligibility_sentence(
            name, projection.value("document.ready_for_i9")),
        "history_sentence": words.history_sentence(name, projection.parts("placement.history")),
        "supports_sentence": words.supports_sentence(
            name, projection.value("survivor.accommodations")),
    }


def letter_body(projection: Projection, context: LetterContext, template: str) -> list[str]:
    """The letter's paragraphs, filled in: one space between words, and sentences that
    start with a capital."""
    # Templates are checked when saved (`template_problems`); substitute() refuses anything
    # else, so a template can only reach the projection and the letter's own facts.
    body = Template(template).substitute(letter_values(projection, context))
    paragraphs = [words.sentence_case(p) for p in body.split("\n\n")]
    return [p for p in paragraphs if p]


def referral_letter(projection: Projection, letterhead: Letterhead, context: LetterContext,
                    template: str = DEFAULT_LETTER) -> bytes:
    s = styles()
    story: list[Flowable] = [Paragraph(long_date(context.today), s["body"]), Spacer(1, 12),
                             Paragraph(escape(context.employer), s["body"])]
    contact = words.salutation(context.employer_contact)
    if contact != "Hiring Manager":
        story.append(Paragraph(escape(f"Attention: {contact}"), s["body"]))
    story.append(Spacer(1, 16))
    for paragraph in letter_body(projection, context, template):
        story.append(Paragraph(escape(paragraph), s["body"]))
        story.append(Spacer(1, 9))
    story += [Spacer(1, 26), Paragraph(escape(letterhead.signer), s["body"])]
    for line in (letterhead.signer_title, letterhead.organisation):
        if line.strip():
            story.append(Paragraph(escape(line), s["body"]))
    return render(story, title="Referral letter", letterhead=letterhead,
                  footer=_consent_footer(projection))


RELEASE_WORDS = {
    "en": {"title": "Permission to share information", "program": "the program",
           "intro": "I, {name}, allow {program} to share the following with {recipient}:",
           "rest": "Nothing else is shared: not my legal name, date of birth, contact details, "
                   "address, history, records, immigration status, health or case notes. This "
                   "permission ends on {date}. I can take it back at any time by telling my "
                   "case manager, and nothing more will be shared from then on.",
           "sign": "Signature ____________________________    Date ______________",
           "witness": "Witness (program staff) ____________________________",
           "keep": "Keep a copy of this form."},
    # Written for the person who signs: plain words, "usted" where the program speaks.
    "es": {"title": "Permiso para compartir información", "program": "el programa",
           "intro": "Yo, {name}, doy permiso a {program} para compartir lo siguiente con "
                    "{recipient}:",
           "rest": "No se comparte nada más: ni mi nombre legal, ni mi fecha de nacimiento, ni "
                   "mis datos de contacto, ni mi dirección, ni mi historia, ni mis "
                   "antecedentes, ni mi situación migratoria, ni mi salud, ni las notas de mi "
                   "caso. Este permiso termina el {date}. Puedo retirarlo cuando quiera con "
                   "solo decírselo a mi gestor/a de casos, y desde ese momento no se compartirá "
                   "nada más.",
           "sign": "Firma ____________________________    Fecha ______________",
           "witness": "Testigo (personal del programa) ____________________________",
           "keep": "Guarde una copia de este formulario."},
}
CATEGORY_DESCRIPTIONS_ES = {
    Category.ALIAS: "Su nombre preferido (nunca su nombre legal)",
    Category.READINESS: "Los talleres que completó, sus habilidades y certificaciones",
    Category.AVAILABILITY: "Las horas que puede trabajar, cuándo puede empezar y cómo llega "
                           "al trabajo",
    Category.EMPLOYMENT_GOALS: "El tipo de trabajo que busca",
    Category.WORK_HISTORY: "Las prácticas y los empleos que tuvo por medio del programa",
    Category.ACCOMMODATIONS: "Los apoyos que le ayudan en el trabajo, en palabras neutrales",
    Category.WORK_ELIGIBILITY: "Si sus documentos están listos para el formulario I-9 (sí o no)",
}


def release_form(first_name: str, recipient: str, categories: list[Category],
                 expires_on: date, letterhead: Letterhead, today: date,
                 language: str = "en") -> bytes:
    """The consent, printed for the survivor to read and sign, in English or Spanish."""
    lang = "es" if language == "es" else "en"
    words = RELEASE_WORDS[lang]
    described = CATEGORY_DESCRIPTIONS_ES if lang == "es" else CATEGORY_DESCRIPTIONS
    s = styles()
    rows = [[Paragraph("■", s["cell"]),
             Paragraph(escape(described[c]), s["cell"])] for c in categories]
    table = Table(rows, colWidths=[0.35 * inch, 6.1 * inch])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story: list[Flowable] = [
        Paragraph(words["title"], s["title"]),
        Paragraph(escape(long_date(today, lang)), s["subtitle"]),
        Paragraph(escape(words["intro"].format(
            name=first_name, program=letterhead.organisation or words["program"],
            recipient=recipient)), s["body"]),
        Spacer(1, 8), table, Spacer(1, 10),
        Paragraph(escape(words["rest"].format(date=long_date(expires_on, lang))), s["body"]),
        Spacer(1, 36),
        Paragraph(words["sign"], s["body"]),
        Spacer(1, 24),
        Paragraph(words["witness"], s["body"]),
    ]
    return render(story, title=words["title"], letterhead=letterhead, footer=words["keep"])


PLAN_WORDS = {
    "en": {"title": "My plan", "for": "Prepared for {name}", "goal": "Goal",
           "by": "by {date}", "steps": "Steps", "done": "done", "next": "Next steps",
           "none": "No goals yet.", "program": "the program", "cm": "your case manager",
           "contact": "Questions? Talk with {cm}.",
           "call": "Questions? Talk with {cm}, or call {program} at {phone}."},
    "es": {"title": "Mi plan", "for": "Preparado para {name}", "goal": "Meta",
           "by": "para el {date}", "steps": "Pasos", "done": "hecho", "next": "Próximos pasos",
           "none": "Todavía no hay metas.", "program": "el programa",
           "cm": "su gestor/a de casos",
           "contact": "¿Tiene preguntas? Hable con {cm}.",
           "call": "¿Tiene preguntas? Hable con {cm} o llame a {program} al {phone}."},
}


@dataclass(frozen=True, slots=True)
class PlanGoal:
    text: str
    target: date
    steps: list[tuple[str, date, bool]]


def survivor_plan(first_name: str, goals: list[PlanGoal], next_steps: list[tuple[str, date]],
                  case_manager: str, letterhead: Letterhead, today: date,
                  language: str = "en") -> bytes:
    words = PLAN_WORDS["es" if language == "es" else "en"]
    s = styles()
    story: list[Flowable] = [
        Paragraph(words["title"], s["title"]),
        Paragraph(escape(words["for"].format(name=first_name) + " · "
                         + long_date(today, language)), s["subtitle"])]
    if not goals:
        story.append(Paragraph(words["none"], s["body"]))
    for goal in goals:
        story.append(Paragraph(escape(f"{words['goal']}: {goal.text}"), s["heading"]))
        story.append(Paragraph(escape(words["by"].format(date=long_date(goal.target, language))),
                               s["small"]))
        for text, due, done in goal.steps:
            mark = "✓" if done else "○"
            suffix = f" ({words['done']})" if done else f" — {long_date(due, language)}"
            story.append(Paragraph(escape(f"{mark}  {text}{suffix}"), s["body"]))
    if next_steps:
        story.append(Paragraph(words["next"], s["heading"]))
        for text, due in next_steps:
            story.append(Paragraph(escape(f"•  {text} — {long_date(due, language)}"), s["body"]))
    # The program's telephone when it is set; never a made-up one. The case manager by the
    # name they go by (never a login name), else "your case manager".
    case_manager = case_manager.strip() or words["cm"]
    phone = letterhead.phone.strip()
    contact = (words["call"].format(cm=case_manager, phone=phone,
                                    program=letterhead.organisation.strip() or words["program"])
               if phone else words["contact"].format(cm=case_manager))
    story += [Spacer(1, 16), Paragraph(escape(contact), s["small"])]
    return render(story, title=words["title"], letterhead=letterhead, footer="")
