"""What each identity document waits on: a state ID needs a birth certificate or a passport
and a proof of address, a replacement Social Security card needs an ID.

The rules are data (`resources/documents/needs.toml`) that a program adapts to its state;
this module reads them and says, for each document still outstanding, which requirements
are not met yet.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from casetracker.domain.documents import Document, DocumentKind
from casetracker.domain.errors import CaseTrackerError


class NeedsRulesError(CaseTrackerError):
    """The rules file is not what this module reads; the message names the place."""


@dataclass(frozen=True, slots=True)
class Requirement:
    """One requirement, met by any one of its documents: kinds of the checklist, or documents
    tracked as "other" under a description."""

    kinds: tuple[DocumentKind, ...] = ()
    others: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The documents that would do, as the checklist names them: "Birth certificate /
        Passport" (a label may hold an "or" of its own)."""
        return " / ".join([*(k.label for k in self.kinds), *self.others])

    def met_by(self, documents: Iterable[Document], today: date) -> bool:
        others = {o.casefold() for o in self.others}
        return any(d.usable_on(today) and (
            d.kind in self.kinds
            or (d.kind is DocumentKind.OTHER and d.label.strip().casefold() in others))
            for d in documents)


Rules = Mapping[DocumentKind, tuple[Requirement, ...]]


def parse_rules(text: str) -> dict[DocumentKind, tuple[Requirement, ...]]:
    """Read the rules file; raise `NeedsRulesError` naming what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise NeedsRulesError(f"not TOML: {exc}") from None
    kinds = {k.value: k for k in DocumentKind if k is not DocumentKind.OTHER}
    rules: dict[DocumentKind, tuple[Requirement, ...]] = {}
    for name, requirements in data.items():
        if name not in kinds:
            raise NeedsRulesError(f"{name!r} is not a document kind; the kinds are "
                                  + ", ".join(kinds))
        if not isinstance(requirements, list) or not all(
                isinstance(r, list) and r and all(isinstance(n, str) and n.strip() for n in r)
                for r in requirements):
            raise NeedsRulesError(f"{name}: write a list of requirements, each a list of "
                                  'document names, e.g. [["birth_certificate", "passport"]]')
        rules[kinds[name]] = tuple(
            Requirement(tuple(kinds[n] for n in r if n in kinds),
                        tuple(n.strip() for n in r if n not in kinds))
            for r in requirements)
    return rules


def waiting_on(documents: Iterable[Document], today: date,
               rules: Rules) -> dict[str, tuple[Requirement, ...]]:
    """For each document outstanding on `today` (by id), the requirements not met yet."""
    documents = list(documents)
    return {d.id: tuple(r for r in rules.get(d.kind, ()) if not r.met_by(documents, today))
            for d in documents if d.outstanding_on(today)}


def next_steps(documents: Iterable[Document], today: date,
               rules: Rules) -> list[tuple[Document, int]]:
    """The outstanding documents in the order to work on them, each with how many other
    outstanding documents it would help unblock: first those nothing stands in the way of,
    the ones that unblock the most first; then those still waiting on something."""
    documents = list(documents)
    waiting = waiting_on(documents, today, rules)
    outstanding = [d for d in documents if d.id in waiting]

    def unblocks(candidate: Document) -> int:
        return sum(any(candidate.kind in r.kinds or (
            candidate.kind is DocumentKind.OTHER
            and candidate.label.strip().casefold() in {o.casefold() for o in r.others})
            for r in waiting[other.id]) for other in outstanding if other is not candidate)

    scored = [(d, unblocks(d)) for d in outstanding]
    return sorted(scored, key=lambda pair: (bool(waiting[pair[0].id]), -pair[1],
                                            pair[0].kind.value, pair[0].label))
