"""Merging one field's concurrent values: the last writer wins, and nothing goes silently.

A field has a current value (the winner) and, after concurrent edits, the other values that
no one has yet seen together with it (the heads waiting in `sync_heads`). Every change names
the versions it replaced: the winner its author saw and any waiting value equal to it. Applying
a change removes the heads it replaced, adds its own, and the largest version (clock value,
then laptop id) wins. Because bundles are applied in causal order (a bundle waits for the ones
its author had applied), every laptop that has applied the same changes holds the same heads
whatever the order they came in, hence the same value and the same open conflicts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from casetracker.storage.sync_repo import Version


@dataclass(frozen=True, slots=True)
class Merged:
    winner: Version
    others: frozenset[Version]


def merge(winner: Version, others: Iterable[Version], incoming: Version,
          replaced: Iterable[Version]) -> Merged:
    """The heads of a field after `incoming`, which replaced `replaced`, arrives."""
    heads = ({winner} | set(others)) - set(replaced)
    heads.add(incoming)
    best = max(heads)
    return Merged(best, frozenset(heads - {best}))


def in_conflict(winner_value: Any, other_values: Iterable[Any]) -> bool:
    """Whether a waiting value differs from the current one (two people who typed the same
    value concurrently do not disagree)."""
    return any(value != winner_value or type(value) is not type(winner_value)
               for value in other_values)
