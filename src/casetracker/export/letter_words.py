"""Sentences a person would write, made from the redacted projection's values.

A referral letter reads as a coordinator writes it: lists joined with "and", no capital in
the middle of a sentence unless the word keeps one (SMART, ServSafe, English), and no
pronoun the survivor did not choose (pronouns never leave the program, so the letter uses
the preferred name, or "the candidate" when the name is not shared).
"""

from __future__ import annotations

import re

# Words that keep their capital inside a sentence (languages, and the like).
_PROPER = frozenset("""english spanish french portuguese haitian creole tagalog vietnamese
mandarin cantonese chinese arabic russian korean japanese hindi urdu bengali punjabi somali
amharic swahili italian german polish ukrainian farsi dari pashto nepali burmese thai khmer
lao hmong microsoft excel word windows google i-9 american red cross""".split())  # noqa: SIM905
# Verbs an employment goal usually starts with ("Complete a 12-week internship"): such a goal
# reads "Ana's goal is to complete a 12-week internship".
_GOAL_VERBS = frozenset("""become build complete earn find finish gain get go grow join keep
land learn move obtain open return save secure start take train work apply improve
practise practice develop""".split())  # noqa: SIM905
# Contact names that name a role rather than a person.
_ROLE_CONTACTS = frozenset({"hiring manager", "hiring team", "hr", "human resources",
                            "recruiter", "recruiting", "manager", "hr manager",
                            "hiring managers", "talent acquisition", "staffing"})


def lower_first(text: str) -> str:
    """`text` as it reads inside a sentence: the first letter lowered unless its word keeps a
    capital (an acronym such as SMART or CPR, a word such as ServSafe, a language)."""
    text = text.strip()
    match = re.match(r"[^\W\d_][\w'/-]*", text)
    if match is None:
        return text
    word = match.group(0)
    rest = word[1:]
    if any(ch.isupper() for ch in rest) or word.casefold() in _PROPER or (
            len(word) == 1 and word == "I"):
        return text
    return word[0].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def and_list(items: list[str] | tuple[str, ...]) -> str:
    """'a', 'a and b', 'a, b, and c' (with the serial comma, so that an item holding 'and'
    such as 'CPR and first aid' stays one item)."""
    items = [i for i in items if i]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def possessive(name: str) -> str:
    """'Ana’s', 'James’s' (one rule, as most style guides now give it)."""
    return name + "’s"


def salutation(contact: str) -> str:
    """'Hiring Manager' when the employer gave no person (or a role), else the person."""
    cleaned = " ".join(contact.split())
    if not cleaned or cleaned.casefold().strip(".") in _ROLE_CONTACTS:
        return "Hiring Manager"
    return cleaned


def skills_sentence(name: str, skills: tuple[str, ...]) -> str:
    if not skills:
        return ""
    listed = and_list([lower_first(s) for s in skills])
    return f"{possessive(name)} skills and certifications include {listed}."


def workshops_sentence(name: str, workshops: tuple[str, ...]) -> str:
    if not workshops:
        return ""
    noun = "workshop" if len(workshops) == 1 else "workshops"
    return (f"{name} has completed our readiness {noun} on "
            f"{and_list([lower_first(w) for w in workshops])}.")


def availability_sentence(name: str, clauses: tuple[str, ...]) -> str:
    """`clauses` are verb phrases ('is available 20 hours a week', 'can start now')."""
    return f"{name} {and_list(list(clauses))}." if clauses else ""


def goals_sentence(name: str, goals: tuple[str, ...]) -> str:
    if not goals:
        return ""
    lowered = [lower_first(g).rstrip(".") for g in goals]
    noun = "goal is" if len(goals) == 1 else "goals are"
    if all(g.split()[0].casefold() in _GOAL_VERBS for g in lowered if g.split()):
        return f"{possessive(name)} {noun} to " + and_list(lowered) + "."
    return f"{possessive(name)} employment {noun.split()[0]}: " + "; ".join(lowered) + "."


def history_sentence(name: str, history: tuple[str, ...]) -> str:
    if not history:
        return ""
    return f"{possessive(name)} work through our program includes {and_list(list(history))}."


def eligibility_sentence(name: str, ready: str) -> str:
    return ("Documents for the I-9 employment eligibility check are ready." if ready == "Yes"
            else "")


# A support typed as "Needs a predictable schedule" reads "Ana works best with a
# predictable schedule"; anything else is quoted after a short lead-in.
_SUPPORT_LEAD = re.compile(r"^(needs|prefers|would like|would prefer|works best with|"
                           r"benefits from|asks for)\s+", re.IGNORECASE)


def supports_sentence(name: str, supports: str) -> str:
    text = " ".join(supports.split()).rstrip(".")
    if not text:
        return ""
    match = _SUPPORT_LEAD.match(text)
    if match:
        return f"{name} works best with {text[match.end():]}."
    return f"One thing that helps {name} at work: {lower_first(text)}."


_THE_CANDIDATE = re.compile(r"(^|[.!?]\s+)the candidate")


def sentence_case(paragraph: str) -> str:
    """One space between words, and 'The candidate' where a sentence starts with it."""
    text = " ".join(paragraph.split())
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    return _THE_CANDIDATE.sub(lambda m: m.group(1) + "The candidate", text)
