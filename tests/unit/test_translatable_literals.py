"""Every string the interface translates is one lupdate can see: a `tr()` or `translate()` call
whose text (and context) is a literal, outside any f-string. A call with a variable, an
f-string or a sum is never extracted, so it shows English in Spanish (as `self.tr('due')`
inside an f-string once did on the Tasks tab). Scanned in the source with `ast`."""

from __future__ import annotations

import ast
from pathlib import Path

import casetracker

SOURCE = Path(casetracker.__file__).parent

# Look-ups of strings declared elsewhere with QT_TRANSLATE_NOOP (where lupdate sees them):
# (file, function) → why the text is a variable there.
LOOKUPS = {
    ("gui/labels.py", "label"): "labels declared with QT_TRANSLATE_NOOP('labels', …)",
    ("gui/messages.py", "_tr"): "messages declared with QT_TRANSLATE_NOOP('errors', …)",
    ("gui/audit_window.py", "__init__"): "COLUMNS, declared with QT_TRANSLATE_NOOP",
    ("gui/audit_words.py", "say"): "the audit trail's words, declared with QT_TRANSLATE_NOOP",
    ("gui/audit_words.py", "trail_words"): "TRAIL_SUMMARIES, declared with QT_TRANSLATE_NOOP",
}
QT_OWNERS = {"QCoreApplication", "QApplication", "QGuiApplication"}


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _checked_args(call: ast.Call) -> list[ast.expr] | None:
    """The arguments of a translation call that must be literals, or None if it is none."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "tr":
        return call.args[:1]
    if isinstance(func, ast.Name) and func.id in ("tr", "QT_TR_NOOP"):
        return call.args[:1]
    if isinstance(func, ast.Name) and func.id in ("translate", "QT_TRANSLATE_NOOP"):
        return call.args[:2]
    if (isinstance(func, ast.Attribute) and func.attr == "translate"
            and isinstance(func.value, ast.Name) and func.value.id in QT_OWNERS):
        return call.args[:2]
    return None  # str.translate and the like


def problems(path: Path, relative: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[str] = []

    def walk(node: ast.AST, function: str, in_fstring: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if isinstance(node, ast.Call) and (args := _checked_args(node)) is not None:
            where = f"{relative}:{node.lineno}: {ast.unparse(node)[:90]}"
            if in_fstring:
                found.append(f"{where} (inside an f-string)")
            elif not all(_literal(a) for a in args) and (relative, function) not in LOOKUPS:
                found.append(f"{where} (not a literal)")
        for child in ast.iter_child_nodes(node):
            walk(child, function, in_fstring or isinstance(node, ast.JoinedStr))

    walk(tree, "", False)
    return found


def test_every_translated_text_is_a_literal() -> None:
    found = [p for path in sorted(SOURCE.rglob("*.py"))
             for p in problems(path, path.relative_to(SOURCE).as_posix())]
    assert found == []


def test_the_scan_finds_what_lupdate_would_miss(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "class W:\n"
        "    def show(self, word, n):\n"
        "        self.tr(word)\n"
        "        self.tr(f'{n} cases')\n"
        "        self.tr('a ' + word)\n"
        "        f\"due {self.tr('due')}\"\n"
        "        QCoreApplication.translate('W', word)\n"
        "        QCoreApplication.translate(word, 'Text')\n"
        "        self.tr('Fine {0}').format(word)\n"
        "        'abc'.translate({})\n", encoding="utf-8")
    found = problems(sample, "sample.py")
    assert len(found) == 6, found
    assert sum("f-string" in p for p in found) == 1
