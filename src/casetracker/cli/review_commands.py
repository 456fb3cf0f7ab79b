"""Commands for case reviews: a supervisor records one (its actions become the case manager's
tasks); staff list them. `review CASE --findings …` is kept as the short form of `review add`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from casetracker.cli.common import PROG, AddCommand, Context, print_rows
from casetracker.services import reviews


def cmd_review_add(ctx: Context) -> int:
    with ctx.unlock() as session:
        review = reviews.add_review(session, ctx.args.case, ctx.args.findings,
                                    ctx.args.action or [], signed_off=ctx.args.sign_off)
    print(f"{PROG}: review recorded; {len(review.actions)} action(s) became tasks for the case "
          "manager", file=sys.stderr)
    return 0


def cmd_review_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        if ctx.args.case is None:
            found = reviews.caseload_reviews(session)
        else:
            found = [(ctx.args.case, r) for r in reviews.reviews(session, ctx.args.case)]
    rows = [{"id": r.id, "case": case, "date": r.reviewed_on.isoformat(),
             "reviewer": r.reviewer, "signed_off": "yes" if r.signed_off else "no",
             "actions": list(r.actions) if ctx.args.json else len(r.actions),
             "findings": r.findings if ctx.args.json else " ".join(r.findings.split())}
            for case, r in found]
    print_rows(rows, ["id", "case", "date", "reviewer", "signed_off", "actions", "findings"],
               as_json=ctx.args.json)
    return 0


class _EveryWord:
    """Choices that accept any word: a word that names no action is `add`'s CASE."""

    def __contains__(self, word: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())


class _AddByDefault(argparse._SubParsersAction):  # type: ignore[type-arg]
    """`review CASE …` (the form from before `review list`) means `review add CASE …`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.names: set[str] = set()
        # argparse checks the word against these before the call can read it.
        self.choices = _EveryWord()  # type: ignore[assignment]

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        self.names.add(name)
        parser: argparse.ArgumentParser = super().add_parser(name, **kwargs)
        return parser

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Sequence[Any] | str | None, option_string: str | None = None) -> None:
        if isinstance(values, list) and values and values[0] not in self.names:
            values = ["add", *values]
        super().__call__(parser, namespace, values, option_string)


def register(commands: Any, add: AddCommand) -> None:
    """Add the `review` commands to the parser."""
    group = commands.add_parser("review", help="case reviews")
    actions = group.add_subparsers(dest="review_command", metavar="ACTION", required=True,
                                   action=_AddByDefault)
    cmd = add(actions, "add", cmd_review_add,
              "record a case review (supervisors); each action becomes a task for the case "
              "manager. 'review CASE …' is short for 'review add CASE …'")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--findings", required=True)
    cmd.add_argument("--action", action="append", help="a required action (repeatable)")
    cmd.add_argument("--sign-off", action="store_true")
    cmd = add(actions, "list", cmd_review_list,
              "a survivor's case reviews, or without CASE every review you may read (a case "
              "manager's own cases; a supervisor's, all)")
    cmd.add_argument("case", metavar="CASE", nargs="?")
    cmd.add_argument("--json", action="store_true",
                     help="one JSON object per line, with the findings and actions in full")
