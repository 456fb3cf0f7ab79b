"""Search as typed, timed over a fixed set of name starts: the worst prefix and the 95th
percentile, for a case manager's own cases and a supervisor's whole caseload, each next to
plain SQLite running the same repository code on an unencrypted copy.

A keystroke here is what the caseload does when the search box changes: the search (up to a
page of 200 survivors), the survivors found, and the caseload rows of those survivors.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from casetracker.domain import clock

# Common and rare starts of names in the synthetic caseload (Faker's en_US and es_MX names),
# two letters and more, and a few longer names typed letter by letter. Every prefix is
# searched as it is typed, so the two-letter ones, the broadest, are all here.
PREFIXES: tuple[str, ...] = (
    "An", "Sm", "Ro", "Jo", "Ma", "Ga", "Ng", "Zh", "Ch", "Da", "Ju", "Le", "Sa", "Th", "Me",
    "Ca", "Ba", "Mi", "De", "Al", "Be", "Ka", "Pa", "St", "Ve", "Qu", "Xi", "Yo", "Ol", "Wh",
    *(name[:n] for name in ("Angulo", "Smith", "Rodriguez", "Johnson", "Martinez", "Garcia",
                            "Nguyen", "Hernandez", "Gonzalez", "Anderson")
      for n in range(3, len(name) + 1)),
    "Maria G", "Jose Lu", "Ana Ma", "CT-2026", "2026",
)
PAGE = 200  # the caseload's page, the most a search shows


def keystroke(conn: Any, text: str, owner: str | None) -> int:
    """The storage work of one keystroke, on any connection; returns the rows shown."""
    from casetracker.services.search import ALL_SOURCES, fts_query
    from casetracker.storage.records_repo import SearchRepository
    from casetracker.storage.survivors_repo import SurvivorRepository

    query = fts_query(text)
    if query is None:
        return 0
    found = SearchRepository(conn).search(query, sources=ALL_SOURCES, assigned_to=owner,
                                          limit=PAGE)
    repo = SurvivorRepository(conn)
    found_survivors = repo.by_ids([survivor_id for survivor_id, _, _ in found])
    ids = [survivor_id for survivor_id, _, _ in found if survivor_id in found_survivors]
    return len(repo.caseload(assigned_to=owner, status="active", limit=PAGE,
                             today=clock.today(), ids=ids))


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (the value at or above `share` of them)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def time_ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def per_prefix(encrypted: Any, plain: Any, owner: str | None, repeat: int,
               prefixes: tuple[str, ...] = PREFIXES,
               keystroke: Callable[[Any, str, str | None], int] = keystroke,
               ) -> dict[str, tuple[float, float, float]]:
    """Per prefix: (encrypted median ms, plain median ms, encrypted spread as max - min).

    Each prefix is searched on both sides in turns, so that a burst of load on a shared
    machine falls on both."""
    results = {}
    for text in prefixes:
        keystroke(encrypted, text, owner)
        keystroke(plain, text, owner)
        mine: list[float] = []
        theirs: list[float] = []
        for _ in range(repeat):
            mine.append(time_ms(lambda t=text: keystroke(encrypted, t, owner)))
            theirs.append(time_ms(lambda t=text: keystroke(plain, t, owner)))
        results[text] = (statistics.median(mine), statistics.median(theirs),
                         max(mine) - min(mine))
    return results


def summary(results: dict[str, tuple[float, float, float]]) -> dict[str, Any]:
    """Worst prefix and 95th percentile of the medians, encrypted and plain."""
    mine = [m for m, _, _ in results.values()]
    theirs = [p for _, p, _ in results.values()]
    worst = max(results, key=lambda text: results[text][0])
    return {"worst": max(mine), "worst_prefix": worst, "worst_plain": results[worst][1],
            "worst_spread": results[worst][2], "plain_worst": max(theirs),
            "p95": percentile(mine, 0.95), "plain_p95": percentile(theirs, 0.95)}


def print_table(title: str, results: dict[str, tuple[float, float, float]]) -> None:
    print(f"\n{title}: ms per keystroke, median (spread) against plain SQLite")
    for text, (mine, theirs, spread) in sorted(results.items(), key=lambda r: -r[1][0]):
        print(f"  {text!r:<14} {mine:7.1f} ({spread:5.1f})  {theirs:7.1f}  "
              f"{mine / theirs if theirs else float('nan'):5.2f}×")
