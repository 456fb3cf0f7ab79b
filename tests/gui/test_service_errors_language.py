"""Every message the services raise for a person to read goes through the translation when the
interface shows it: the services' source is walked (each `raise` with a literal or f-string
message, each field reason, each action a role check names), every message is filled in, and
`error_text` must give it in the interface's language. A marker translator stands in for the
Spanish file, so a message is caught whether or not the lead has translated it yet; the
Spanish words themselves are checked by test_translations.py once the .ts is updated."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import casetracker
from casetracker.domain.errors import PermissionDeniedError
from casetracker.domain.validation import ValidationError
from casetracker.gui.messages import error_text

SERVICES = Path(casetracker.__file__).parent / "services"
# Programming errors: never worded for a person.
INTERNAL = {"ValueError", "TypeError", "AssertionError", "RuntimeError", "KeyError"}
# Checks named "require…" whose words are not an action a role is refused.
NOT_ROLE_CHECKS = {"require_accepted_cost"}


def _template(node: ast.expr) -> str | None:
    """A message as a template: a literal, or an f-string with {0}, {1}… for its values."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts, n = [], 0
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            else:
                parts.append(f"{{{n}}}")
                n += 1
        return "".join(parts)
    return None


def walk() -> tuple[set[str], set[str], set[str]]:
    """(messages, field reasons, actions) in the services' source."""
    messages: set[str] = set()
    reasons: set[str] = set()
    actions: set[str] = set()
    for path in sorted(SERVICES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                if ast.unparse(node.exc.func).rsplit(".", 1)[-1] in INTERNAL:
                    continue
                arg = node.exc.args[0]
                if isinstance(arg, ast.Dict):
                    reasons |= {t for v in arg.values if (t := _template(v))}
                elif (t := _template(arg)) is not None:
                    messages.add(t)
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if ("require" in name or name == "deny") and name not in NOT_ROLE_CHECKS:
                    # The action: `require("…")`, `deny("…")`, `require_full_read(session,
                    # survivor, "…")`, or one of a dict's values (`{kind: "…"}[kind]`).
                    for arg in node.args[:1] if name == "deny" else node.args[:3]:
                        if isinstance(arg, ast.Subscript):
                            arg = arg.value
                        values = arg.values if isinstance(arg, ast.Dict) else [arg]
                        actions |= {t for v in values
                                    if v is not None and (t := _template(v)) and " " in t}
    return messages, reasons, actions


def filled(template: str) -> str:
    return re.sub(r"\{(\d)\}", lambda m: f"value{m.group(1)}", template)


class Marked:
    """Stands in for `QCoreApplication` where the interface translates: the texts of one
    context "translated" to themselves between « and », the others left as they are.

    Not a QTranslator subclass: Qt calls a Python `translate` with a null disambiguation,
    and PySide6 releases a reference to None it never took at each call; after the thousands
    of calls of this walk, Python 3.11 aborted at exit ("deallocating None")."""

    def __init__(self, context: str) -> None:
        self.context = context

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        marked = f"«{source}»" if context == self.context else source
        return marked.replace("%n", str(n)) if n >= 0 else marked


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> None:
    from casetracker.gui import labels, messages

    for module in (messages, labels):
        monkeypatch.setattr(module, "QCoreApplication", Marked("errors"))


def test_the_walk_finds_the_services_messages() -> None:
    messages, reasons, actions = walk()
    assert "that milestone no longer exists" in messages
    assert "is required" not in messages  # a reason, not a message
    assert "holds something that is not an open goal, one of its steps or a task for the " \
           "survivor" in reasons
    assert "preparing an employer profile" in actions
    assert (len(messages), len(reasons), len(actions)) > (100, 10, 100)


def test_every_service_message_is_shown_in_the_interface_language(marked: None) -> None:
    messages, _, _ = walk()
    english = sorted(m for m in messages if "«" not in error_text(Exception(filled(m))))
    assert english == []


def test_every_field_reason_is_shown_in_the_interface_language(marked: None) -> None:
    _, reasons, _ = walk()
    english = sorted(r for r in reasons
                     if error_text(ValidationError({"note": filled(r)})).count("«") < 3)
    assert english == []


@pytest.mark.parametrize("refusal", [
    "{0}: supervisors read case records but do not change them",
    "{0}: coordinators see the employment profile, not the case record",
    "{0}: case CT-7 is not in your caseload",
    "{0}: case CT-7 is closed; reopen it first",
    "{0} needs a case manager or supervisor account; kim is a coordinator",
    "{0} is not allowed for a coordinator account"])
def test_every_refusal_names_the_action_in_the_interface_language(marked: None,
                                                                 refusal: str) -> None:
    _, _, actions = walk()
    english = []
    for action in sorted(actions):
        shown = error_text(PermissionDeniedError(refusal.format(action)))
        if f"«{action}»" not in shown.casefold() or shown.count("«") < 2:
            english.append(action)
    assert english == []


def test_a_refusal_in_words(marked: None) -> None:
    shown = error_text(PermissionDeniedError(
        "adding a goal: supervisors read case records but do not change them"))
    assert shown == ("«{0}: supervisors read case records but do not change them»"
                     .replace("{0}", "«adding a goal»"))
    shown = error_text(PermissionDeniedError(
        "reading the export log needs a supervisor account; kim is a coordinator"))
    assert shown == ("«{0} needs a {1} account; {2} is a {3}»".replace("{0}", "«reading the "
                     "export log»").replace("{1}", "«supervisor»").replace("{2}", "kim")
                     .replace("{3}", "«coordinator»"))


def test_tasks_the_program_makes_are_shown_in_the_interface_language(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from casetracker.domain.employment import retention_task_title
    from casetracker.domain.notes import Task
    from casetracker.gui.labels import task_text
    from casetracker.services.sharing import REVIEW_TASK

    def task(title: str, *, from_review: bool = False) -> Task:
        return Task("t", "s", title, date(2026, 1, 1), from_review=from_review)

    from casetracker.gui import labels

    monkeypatch.setattr(labels, "QCoreApplication", Marked("labels"))
    assert task_text(task("Request the state ID", from_review=True)) == \
        "«Case review: {0}»".replace("{0}", "Request the state ID")
    assert task_text(task(retention_task_title(60))) == "«{0}-day retention check-in»" \
        .replace("{0}", "60")
    assert task_text(task(REVIEW_TASK)) == f"«{REVIEW_TASK}»"
    assert task_text(task("Call the landlord")) == "Call the landlord"  # typed by a person
