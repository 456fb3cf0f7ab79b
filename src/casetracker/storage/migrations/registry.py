"""The table of migration steps, filled by the `@step(N)` decorator."""

from __future__ import annotations

from collections.abc import Callable

from casetracker.storage.connection import Connection

Step = Callable[[Connection], None]
STEPS: dict[int, Step] = {}


def step(version: int) -> Callable[[Step], Step]:
    """Register `func` as the step that upgrades version-1 to `version`."""

    def register(func: Step) -> Step:
        if version in STEPS:
            raise RuntimeError(f"migration step {version} registered twice")
        STEPS[version] = func
        return func

    return register
