"""The performance harness: `python benchmarks/run.py --survivors 50000 [--json FILE]`.

Builds (or reuses) a synthetic caseload of that size, then measures each figure of DESIGN.md
("What fast means here") as the median of repeated runs, next to its baseline or target, and
prints a table. Not a test: run it by hand on the machine whose figures you want.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlcipher3 import dbapi2 as sqlcipher

from casetracker.domain import clock

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search_keys  # beside this script, which is not a package
from building import without_memory_wiping

ROOT = Path(__file__).resolve().parent
PASSPHRASE = "benchmark passphrase only"
CASE_MANAGER = "ana"
SUPERVISOR = "dana"
COORDINATOR = "cole"


# A figure in milliseconds, or why it could not be measured: one failing figure (a refused
# letter, say) is reported and the harness goes on to measure the rest.
Figure = float | str


T = TypeVar("T")


def attempt(measure: Callable[[], T]) -> T | str:
    try:
        return measure()
    except Exception as exc:  # whatever breaks one figure: report it and go on
        return f"{type(exc).__name__}: {exc}"


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def build(path: Path, survivors: int, kdf: Any) -> float:
    from casetracker.domain.catalog import SHAREABLE
    from casetracker.services import consent
    from casetracker.services import survivors as survivor_service
    from casetracker.services.demo import create_demo
    from casetracker.services.vault import Vault

    started = time.perf_counter()
    with without_memory_wiping():
        create_demo(path, survivors, passphrase=PASSPHRASE, kdf=kdf, seed=50_000)
    vault = Vault(path, kdf=kdf)
    with vault.unlock(CASE_MANAGER, PASSPHRASE) as session:
        case = survivor_service.caseload(session, limit=1)[0].case_number
        consent.add_consent(session, case, purpose="Referral for work", categories=SHAREABLE,
            expires_on=clock.today() + timedelta(days=300),
            recipient_employer="Harbor Hotel Group")
    return time.perf_counter() - started


def plain_copy(path: Path, target: Path) -> None:
    """An unencrypted copy of the same data, for the storage baseline."""
    from casetracker.services.vault import Vault

    if target.exists():
        target.unlink()
    vault = Vault(path)
    with vault.unlock(SUPERVISOR, PASSPHRASE) as session:
        session.conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        session.conn.execute("SELECT sqlcipher_export('plain')")
        session.conn.execute("DETACH DATABASE plain")
    # Once FTS5's secure-delete has removed a row, the index is in a format the standard
    # library's older SQLite cannot read: the copy is rebuilt without it (same contents).
    plain = sqlcipher.connect(str(target), isolation_level=None)
    plain.execute("INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 0)")
    plain.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
    plain.close()


# Timed, but not held to the ratio: the command line's search adds snippets in a second pass
# over the matches, once per command, after an unlock that costs far more.
REFERENCE_ONLY = {"search with snippets (CLI)"}


def storage_figures(path: Path, plain: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """(encrypted ms, plain ms) for the same queries through the same repositories."""
    from casetracker.services.search import ALL_SOURCES
    from casetracker.services.vault import Vault
    from casetracker.storage.records_repo import SearchRepository
    from casetracker.storage.reports_repo import ReportsRepository
    from casetracker.storage.survivors_repo import SurvivorRepository

    today = clock.today()
    vault = Vault(path)
    session = vault.unlock(SUPERVISOR, PASSPHRASE)
    plain_conn = sqlite3.connect(plain)
    queries: dict[str, Callable[[Any], object]] = {
        "caseload page": lambda c: SurvivorRepository(c).caseload(limit=200, today=today),
        "caseload count": lambda c: SurvivorRepository(c).count(status="active"),
        "search, all cases": lambda c: SearchRepository(c).search(
            '"mar"*', sources=ALL_SOURCES, assigned_to=None, limit=50),
        "search, own cases": lambda c: SearchRepository(c).search(
            '"mar"*', sources=ALL_SOURCES, assigned_to=CASE_MANAGER, limit=50),
        "search with snippets (CLI)": lambda c: SearchRepository(c).snippets('"mar"*', [
            row for _, _, row in SearchRepository(c).search(
                '"mar"*', sources=ALL_SOURCES, assigned_to=None, limit=50)]),
        "dashboard figures": lambda c: ReportsRepository(c).manager_figures(today),
        "funnel": lambda c: ReportsRepository(c).funnel(),
    }
    results: dict[str, tuple[float, float]] = {}
    for name, query in queries.items():
        query(session.conn)
        query(plain_conn)
        # In turns, so that a burst of load on the shared machine falls on both sides.
        encrypted: list[float] = []
        baseline: list[float] = []
        for _ in range(repeat):
            encrypted.append(median_ms(lambda q=query: q(session.conn), 1))
            baseline.append(median_ms(lambda q=query: q(plain_conn), 1))
        results[name] = (statistics.median(encrypted), statistics.median(baseline))
    session.close()
    plain_conn.close()
    return results


def keystroke_figures(path: Path, plain: Path, repeat: int, *, show: bool = False,
                      prefixes: tuple[str, ...] = search_keys.PREFIXES) -> dict[str, Any]:
    """Search as typed over `search_keys.PREFIXES`, per role: worst prefix and 95th
    percentile, encrypted and plain (see benchmarks/search_keys.py)."""
    from casetracker.services.vault import Vault

    vault = Vault(path)
    session = vault.unlock(SUPERVISOR, PASSPHRASE)
    plain_conn = sqlite3.connect(plain)
    figures = {}
    for role, owner in (("own cases", CASE_MANAGER), ("all cases", None)):
        results = search_keys.per_prefix(session.conn, plain_conn, owner, repeat, prefixes)
        if show:
            search_keys.print_table(f"search, {role}", results)
        figures[role] = search_keys.summary(results)
    session.close()
    plain_conn.close()
    return figures


def app_figures(path: Path, repeat: int) -> dict[str, Figure]:
    from casetracker.security.kdf import derive_key
    from casetracker.security.keyslots import KeyFile
    from casetracker.services import (
        dashboard,
        documents,
        notes,
        placement,
        plans,
        search,
        sharing,
        survivors,
    )
    from casetracker.services.vault import Vault

    vault = Vault(path)
    slot = KeyFile.load(vault.paths.keys).user_slot(CASE_MANAGER)
    assert slot is not None
    kdf_ms = median_ms(lambda: derive_key(PASSPHRASE.encode(), slot.salt, slot.kdf), 3)

    def unlock_to_caseload() -> None:
        session = vault.unlock(CASE_MANAGER, PASSPHRASE)
        survivors.caseload_size(session)
        survivors.caseload(session, limit=200)
        session.close()

    unlock_ms = median_ms(unlock_to_caseload, max(3, repeat // 3))
    session = vault.unlock(CASE_MANAGER, PASSPHRASE)
    case = survivors.caseload(session, limit=1)[0].case_number

    def keystrokes(who: Any) -> float:
        """The worst prefix's median, through the services as the caseload calls them."""
        worst = 0.0
        for prefix in search_keys.PREFIXES:
            def keystroke(prefix: str = prefix) -> None:
                ids = [hit.survivor_id for hit in search.search(who, prefix, limit=200)]
                survivors.caseload(who, limit=200, ids=ids)
            worst = max(worst, median_ms(keystroke, max(3, repeat // 3)))
        return worst

    search_ms = attempt(lambda: keystrokes(session))

    def open_record() -> None:
        survivors.get_survivor(session, case)
        plans.goals(session, case)
        documents.documents(session, case)
        documents.readiness(session, case)
        notes.notes(session, case)
        notes.tasks(session, case)
        placement.steps(session, case)

    record_ms = attempt(lambda: median_ms(open_record, repeat))
    session.close()
    supervisor = vault.unlock(SUPERVISOR, PASSPHRASE)
    supervisor_search_ms = attempt(lambda: keystrokes(supervisor))
    dashboard_ms = attempt(lambda: median_ms(lambda: (dashboard.manager_figures(supervisor),
                                                      dashboard.funnel(supervisor)), repeat))
    supervisor.close()
    coordinator = vault.unlock(COORDINATOR, PASSPHRASE)
    letter_ms = attempt(lambda: median_ms(lambda: sharing.prepare_referral_letter(
        coordinator, case, "Harbor Hotel Group"), repeat))
    coordinator.close()
    return {"kdf": kdf_ms, "unlock to caseload, minus KDF": unlock_ms - kdf_ms,
            "search per keystroke, own cases (worst prefix, services)": search_ms,
            "search per keystroke, all cases (worst prefix, services)": supervisor_search_ms,
            "open a survivor record": record_ms,
            "dashboard": dashboard_ms, "referral letter PDF": letter_ms}


_STARTUP = {
    "bare": ("from PySide6.QtWidgets import QApplication, QWidget\n"
             "app = QApplication([]); w = QWidget(); w.show(); app.processEvents()"),
    # The program as `casetracker --db PATH` starts it (command line, translations, vault,
    # lock screen), leaving at the first turn of its event loop once the screen is shown. The
    # entry point loads the command line before Qt, as here; the order matters, because
    # PySide6 reads the source of every module imported after it (its `__feature__` check).
    "lock screen": (
        "import sys\n"
        "from casetracker.cli import main\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1]); QTimer.singleShot(0, app.quit)\n"
        "sys.exit(main(['--db', sys.argv[1]]))"),
}


def startup_figures(path: Path, repeat: int) -> dict[str, float]:
    """Median wall time of each `_STARTUP` script, run in turns so that both meet the same load.

    The subprocesses keep their compiled bytecode in a private cache, as an installed copy
    does: with PYTHONDONTWRITEBYTECODE set (it is on the shared machine) the lock screen would
    compile this project's modules from source at every start, while PySide6 comes compiled.
    """
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=cache)
        env.pop("PYTHONDONTWRITEBYTECODE", None)

        def run(code: str) -> float:
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=True,
                           capture_output=True)
            return (time.perf_counter() - started) * 1000

        for code in _STARTUP.values():
            run(code)  # fills the bytecode cache and the disk cache
        times: dict[str, list[float]] = {name: [] for name in _STARTUP}
        for _ in range(repeat):
            for name, code in _STARTUP.items():
                times[name].append(run(code))
    return {name: statistics.median(values) for name, values in times.items()}


_MEMORY = """
import resource, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from casetracker.gui.main_window import MainWindow
from casetracker.gui.safety import ClipboardGuard
from casetracker.services.vault import Vault
session = Vault(sys.argv[1]).unlock(sys.argv[2], sys.argv[3])
window = MainWindow(session, ClipboardGuard()); window.show(); app.processEvents()
window.table.selectRow(0); app.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
window.close()  # stops the search thread, as locking does; else Qt aborts at exit
"""


def memory_mb(path: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", _MEMORY, str(path), SUPERVISOR, PASSPHRASE],
                         env=env, check=True, capture_output=True, text=True).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def startup_only(path: Path, repeat: int) -> int:
    if not path.exists():
        print(f"no vault at {path}; pass --db with an existing one", file=sys.stderr)
        return 2
    startup = startup_figures(path, repeat)
    ratio = startup["lock screen"] / startup["bare"]
    print(f"start-up to the lock screen {startup['lock screen']:.1f} ms, bare window "
          f"{startup['bare']:.1f} ms: {ratio:.2f}× (target ≤ 1.5×), median of {repeat}")
    return 0 if ratio <= 1.5 else 1


def upgrade(path: Path) -> float | None:
    """Unlock once, which brings a cached caseload to the newest schema (after the backup
    an upgrade makes, beside it); the seconds that took, or None when nothing was upgraded."""
    from casetracker.services.vault import Vault

    backups = set(path.parent.glob(f"{path.name}.schema*.bak"))
    started = time.perf_counter()
    Vault(path).unlock(SUPERVISOR, PASSPHRASE).close()
    taken = time.perf_counter() - started
    return taken if set(path.parent.glob(f"{path.name}.schema*.bak")) - backups else None


def search_only(path: Path, repeat: int) -> int:
    """Search as typed, per prefix and role, against plain SQLite; exits 1 over 50 ms."""
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "plain.db"
        plain_copy(path, plain)
        figures = keystroke_figures(path, plain, repeat, show=True)
    print()
    for role, figure in figures.items():
        print(f"search, {role}: worst {figure['worst']:.1f} ms ({figure['worst_prefix']!r}; "
              f"plain {figure['worst_plain']:.1f} ms, spread {figure['worst_spread']:.1f} ms), "
              f"95th percentile {figure['p95']:.1f} ms (plain {figure['plain_p95']:.1f} ms); "
              f"plain's worst {figure['plain_worst']:.1f} ms")
    return 0 if all(f["worst"] < 50 for f in figures.values()) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--survivors", type=int, default=50_000)
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--db", metavar="PATH", help="default: benchmarks/.cache/")
    parser.add_argument("--team-only", action="store_true",
                        help="measure only the team-use figures (sync, apply, capture)")
    parser.add_argument("--no-team", action="store_true",
                        help="leave out the team-use figures (joining captures every row)")
    parser.add_argument("--startup-only", action="store_true",
                        help="measure only start-up to the lock screen, on an existing vault "
                             "of any size (e.g. one made by 'casetracker demo')")
    parser.add_argument("--build-only", action="store_true",
                        help="build the synthetic caseload (if missing) and stop")
    parser.add_argument("--search-only", action="store_true",
                        help="measure only search as typed, per prefix, for both roles")
    args = parser.parse_args()
    from casetracker.security.kdf import PRODUCTION

    path = Path(args.db) if args.db else ROOT / ".cache" / f"bench-{args.survivors}.db"
    if args.startup_only:
        return startup_only(path, max(3, args.repeat))
    path.parent.mkdir(parents=True, exist_ok=True)
    built = None
    if not path.exists():
        print(f"building {args.survivors} synthetic survivors in {path} …", file=sys.stderr)
        built = build(path, args.survivors, PRODUCTION)
        print(f"built in {built:.0f} s", file=sys.stderr)
    if args.build_only:
        return 0
    upgraded = upgrade(path)
    if upgraded is not None:
        print(f"upgraded to the newest schema in {upgraded:.1f} s", file=sys.stderr)
    if args.search_only:
        return search_only(path, args.repeat)
    rows: list[dict[str, Any]] = []

    def row(name: str, value: Figure, unit: str, target: str, ok: Callable[[float], bool],
            baseline: float | None = None) -> None:
        if isinstance(value, str):
            rows.append({"figure": name, "value": None, "unit": unit, "baseline": None,
                         "ratio": None, "target": target, "ok": False, "error": value})
            return
        ratio = None if baseline in (None, 0) else value / baseline  # type: ignore[operator]
        rows.append({"figure": name, "value": round(value, 1), "unit": unit,
                     "baseline": None if baseline is None else round(baseline, 1),
                     "ratio": None if ratio is None else round(ratio, 2), "target": target,
                     "ok": ok(value)})

    if not args.team_only:
        measure_single_laptop(path, args.repeat, row)
    if not args.no_team:
        measure_team(path, args.repeat, row)
    print_rows(rows)
    if args.json:
        Path(args.json).write_text(json.dumps({
            "date": clock.today().isoformat(), "machine": platform.platform(),
            "cpus": os.cpu_count(), "python": platform.python_version(),
            "survivors": args.survivors, "build_seconds": built, "figures": rows}, indent=1))
    return 0 if all(r["ok"] for r in rows) else 1


Row = Callable[..., None]


def measure_single_laptop(path: Path, repeat: int, row: Row) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "plain.db"
        plain_copy(path, plain)
        for name, (encrypted, baseline) in storage_figures(path, plain, repeat).items():
            if name in REFERENCE_ONLY:
                row(f"storage: {name}", encrypted, "ms", "for reference", lambda _v: True,
                    baseline)
            else:
                row(f"storage: {name}", encrypted, "ms", "≤ 1.3× plain SQLite",
                    lambda v, b=baseline: v <= 1.3 * b, baseline)
        for role, figure in keystroke_figures(path, plain, repeat).items():
            row(f"keystroke, {role}: worst prefix ({figure['worst_prefix']})", figure["worst"],
                "ms", "< 50 ms", lambda v: v < 50, figure["worst_plain"])
            row(f"keystroke, {role}: 95th percentile", figure["p95"], "ms", "< 50 ms",
                lambda v: v < 50, figure["plain_p95"])
    app = app_figures(path, repeat)
    row("KDF (Argon2id, production)", app["kdf"], "ms", "for reference", lambda _v: True)
    for name, limit in (("unlock to caseload, minus KDF", 300),
                        ("search per keystroke, own cases (worst prefix, services)", 50),
                        ("search per keystroke, all cases (worst prefix, services)", 50),
                        ("open a survivor record", 100), ("dashboard", 500),
                        ("referral letter PDF", 200)):
        row(name, app[name], "ms", f"< {limit} ms", lambda v, limit=limit: v < limit)
    startup = attempt(lambda: startup_figures(path, max(3, repeat // 2)))
    if isinstance(startup, str):
        row("start-up to the lock screen", startup, "ms", "≤ 1.5× bare window", bool)
    else:
        row("start-up to the lock screen", startup["lock screen"], "ms", "≤ 1.5× bare window",
            lambda v: v <= 1.5 * startup["bare"], startup["bare"])
    row("peak memory, caseload open", attempt(lambda: memory_mb(path)), "MB", "< 300 MB",
        lambda v: v < 300)


def measure_team(path: Path, repeat: int, row: Row) -> None:
    """Team use (DESIGN.md): `sync_capture.team_figures` on a copy that joined a program."""
    from sync_capture import team_figures

    team = attempt(lambda: team_figures(path, repeat))
    if isinstance(team, str):
        row("team: sync with nothing new", team, "ms", "< 200 ms", bool)
        return
    row("team: sync with nothing new", team["sync, nothing new"], "ms", "< 200 ms",
        lambda v: v < 200)
    row(f"team: apply a bundle of {team['bundle changes']:,.0f} changes",
        team["apply a bundle"], "ms", "< 5000 ms", lambda v: v < 5000)
    row("team: the same, CPU time", team["apply a bundle CPU"], "ms", "for reference",
        lambda _v: True)
    row("team: bundle bytes per change", team["bytes per change"], "B", "for reference",
        lambda _v: True)
    row("team: an edit with change capture", team["edit with capture"], "ms",
        "≤ 1.2× the edit alone", lambda v: v <= 1.2 * team["edit alone"], team["edit alone"])
    row("team: the same edit, CPU", team["edit with capture CPU"], "ms", "for reference",
        lambda _v: True, team["edit alone CPU"])
    row(f"team: joining ({team['captured']:,.0f} rows captured, no memory wiping)",
        team["start program s"] * 1000, "ms", "for reference (once)", lambda _v: True)
    row("team: writing them as the first bundles (no memory wiping)",
        team["first bundles s"] * 1000, "ms", "for reference (once)", lambda _v: True)


def print_rows(rows: list[dict[str, Any]]) -> None:
    width = max(len(r["figure"]) for r in rows)
    print(f"{'figure':<{width}}  {'value':>9}  {'baseline':>9}  {'ratio':>6}  target")
    for r in rows:
        if r["value"] is None:
            print(f"{r['figure']:<{width}}  {'failed':>9}  {'':>9}  {'':>6}  {r['target']} "
                  f"FAILED: {r['error']}")
            continue
        baseline = "" if r["baseline"] is None else f"{r['baseline']:.1f}"
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        mark = "ok" if r["ok"] else "MISS"
        print(f"{r['figure']:<{width}}  {r['value']:>7.1f}{r['unit']:>2}  {baseline:>9}  "
              f"{ratio:>6}  {r['target']} {mark}")


if __name__ == "__main__":
    sys.exit(main())
