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
    "en": {"title": "Release of information", "program": "the program",
           "intro": "I, {name}, allow {program} to share the information checked below with "
                    "{recipient}, and with no one else.",
           "to_agency": "{recipient} is a partner agency.",
           "purpose": "Why it is shared (written with me): {purpose}",
           "no_purpose": "Why it is shared: not recorded; ask me and write it here "
                         "____________________________",
           "what": "What may be shared",
           "never": "Nothing else is shared: not my legal name, date of birth, contact details, "
                    "address, records, immigration status, health or case notes. My history "
                    "of trafficking or domestic violence is never shared under this release.",
           "dates": "This release starts on {start} and ends on {end}. After that, nothing more "
                    "is shared unless I sign a new one.",
           "further_yes": "{recipient} may share this information with others.",
           "further_no": "{recipient} may not share this information with anyone else.",
           "rights": "My rights",
           "voluntary": "Signing this release is voluntary. It is never a condition of "
                        "receiving services: {program} will help me whether or not I sign.",
           "revoke": "I may revoke (take back) this release at any time, in writing or by "
                     "telling staff orally. It stops at once, and nothing more will be shared "
                     "from then on.",
           "sign": "Signature ____________________________    Date ______________",
           "minor_sign": "Signature of the young person ____________________________    "
                         "Date ______________",
           "guardian": "The young person is under 18, so a parent or guardian who has not "
                       "harmed them signs as well.",
           "guardian_named": "Parent or guardian: {guardian}",
           "guardian_sign": "Signature of parent or guardian ____________________________    "
                            "Date ______________",
           "guardian_blank": "Name of parent or guardian ____________________________",
           "witness": "Witness (program staff) ____________________________",
           "keep": "Keep a copy of this form."},
    # Written for the person who signs: plain words, "usted" where the program speaks.
    "es": {"title": "Autorización para compartir información", "program": "el programa",
           "intro": "Yo, {name}, autorizo {to_program} a compartir la información marcada abajo "
                    "con {recipient}, y con nadie más.",
           "to_agency": "{recipient} es una agencia colaboradora.",
           "purpose": "Para qué se comparte (escrito conmigo): {purpose}",
           "no_purpose": "Para qué se comparte: no consta; pregúnteme y escríbalo aquí "
                         "____________________________",
           "what": "Qué se puede compartir",
           "never": "No se comparte nada más: ni mi nombre legal, ni mi fecha de nacimiento, ni "
                    "mis datos de contacto, ni mi dirección, ni mis antecedentes, ni mi "
                    "situación migratoria, ni mi salud, ni las notas de mi caso. Mi historia de "
                    "trata o de violencia doméstica nunca se comparte con esta autorización.",
           "dates": "Esta autorización empieza el {start} y termina el {end}. Después no se "
                    "comparte nada más, a menos que yo firme una nueva.",
           "further_yes": "{recipient} puede compartir esta información con otras personas.",
           "further_no": "{recipient} no puede compartir esta información con nadie más.",
           "rights": "Mis derechos",
           "voluntary": "Firmar esta autorización es voluntario. Nunca es una condición para "
                        "recibir servicios: {program} me ayudará firme o no firme.",
           "revoke": "Puedo revocar (retirar) esta autorización en cualquier momento, por "
                     "escrito o diciéndoselo de palabra al personal. Se detiene en ese mismo "
                     "momento, y desde entonces no se compartirá nada más.",
           "sign": "Firma ____________________________    Fecha ______________",
           "minor_sign": "Firma del o de la joven ____________________________    "
                         "Fecha ______________",
           "guardian": "La persona joven tiene menos de 18 años, así que también firma su "
                       "madre, padre o tutor/a, que no le ha hecho daño.",
           "guardian_named": "Madre, padre o tutor/a: {guardian}",
           "guardian_sign": "Firma de la madre, el padre o tutor/a "
                            "____________________________    Fecha ______________",
           "guardian_blank": "Nombre de la madre, el padre o tutor/a "
                             "____________________________",
           "witness": "Testigo (personal del programa) ____________________________",
           "keep": "Guarde una copia de este formulario."},
}
# How the release was given (ConsentMethod values).
RELEASE_METHOD_WORDS = {
    "en": {"signed_paper": "Signed on paper.", "signed_electronic": "Signed electronically.",
           "verbal_witnessed": "Given orally, with a witness."},
    "es": {"signed_paper": "Firmada en papel.", "signed_electronic": "Firmada electrónicamente.",
           "verbal_witnessed": "Dada de palabra, ante un testigo."},
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


@dataclass(frozen=True, slots=True)
class ReleaseFormValues:
    """What a release form prints: the survivor's preferred name (never the legal one), the
    one recipient, and what the release says."""

    first_name: str
    recipient: str
    to_agency: bool
    purpose: str
    categories: list[Category]
    starts_on: date
    expires_on: date
    method: str              # a ConsentMethod value
    may_share_further: bool
    minor: bool
    guardian_name: str = ""


def to_whom(program: str, language: str) -> str:
    """"a" before the program's name in Spanish, "al" before "el programa" (never "a el")."""
    if language != "es":
        return program
    return "al" + program[2:] if program.startswith("el ") else f"a {program}"


def release_form(values: ReleaseFormValues, letterhead: Letterhead, today: date,
                 language: str = "en") -> bytes:
    """The release, printed for the survivor to read and sign, in English or Spanish."""
    lang = "es" if language == "es" else "en"
    words = RELEASE_WORDS[lang]
    described = CATEGORY_DESCRIPTIONS_ES if lang == "es" else CATEGORY_DESCRIPTIONS
    program = letterhead.organisation.strip() or words["program"]
    s = styles()

    def para(key: str, style: str = "body", **fields: str) -> Paragraph:
        return Paragraph(escape(words[key].format(to_program=to_whom(program, lang), **fields)),
                         s[style])

    rows = [[Paragraph("■", s["cell"]),
             Paragraph(escape(described[c]), s["cell"])] for c in values.categories]
    table = Table(rows, colWidths=[0.35 * inch, 6.1 * inch])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story: list[Flowable] = [
        Paragraph(words["title"], s["title"]),
        Paragraph(escape(long_date(today, lang)), s["subtitle"]),
        para("intro", name=values.first_name, program=program, recipient=values.recipient)]
    if values.to_agency:
        story.append(para("to_agency", recipient=values.recipient))
    story += [
        Spacer(1, 6),
        para("purpose", purpose=values.purpose) if values.purpose.strip()
        else para("no_purpose"),
        para("what", "heading"), table, Spacer(1, 6), para("never"), Spacer(1, 6),
        para("dates", start=long_date(values.starts_on, lang),
             end=long_date(values.expires_on, lang)),
        Spacer(1, 6),
        para("further_yes" if values.may_share_further else "further_no",
             recipient=values.recipient),
        para("rights", "heading"), para("voluntary", program=program), Spacer(1, 4),
        para("revoke"),
        Spacer(1, 6),
        Paragraph(escape(RELEASE_METHOD_WORDS[lang].get(values.method, "")), s["body"]),
    ]
    signatures: list[Flowable] = [Spacer(1, 12)]
    if values.minor:
        signatures += [para("guardian"), Spacer(1, 16), para("minor_sign"), Spacer(1, 10),
                       para("guardian_named", guardian=values.guardian_name)
                       if values.guardian_name.strip() else para("guardian_blank"),
                       Spacer(1, 16), para("guardian_sign")]
    else:
        signatures += [Spacer(1, 14), para("sign")]
    signatures += [Spacer(1, 18), para("witness")]
    story.append(KeepTogether(signatures))
    return render(story, title=words["title"], letterhead=letterhead,
                  footer=words["keep"])


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
           "call": "¿Tiene preguntas? Hable con {cm} o llame {to_program} al {phone}."},
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
    program = letterhead.organisation.strip() or words["program"]
    contact = (words["call"].format(cm=case_manager, phone=phone, program=program,
                                    to_program=to_whom(program, language))
               if phone else words["contact"].format(cm=case_manager))
    story += [Spacer(1, 16), Paragraph(escape(contact), s["small"])]
    return render(story, title=words["title"], letterhead=letterhead, footer="")
