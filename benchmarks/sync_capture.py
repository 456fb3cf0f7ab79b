"""What team use costs: `python benchmarks/sync_capture.py [--survivors 1000] [--repeat 200]`,
and `team_figures`, which `run.py` calls on its cached caseload.

- An edit with change capture against the same edit without: a service edit (a profile
  field, with its audit entry and key-file write, as the desktop does it) and the bare SQL
  UPDATE in a transaction, on a database used alone (no capture triggers) and on the same
  database after it joins a program.
- Applying bundles of up to 10,000 changes on a second laptop, and the bundle size per change.
- An exchange with nothing new.

Not a test: run it by hand. Uses fast key derivation (the figures are about the database).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from building import without_memory_wiping  # noqa: E402 - beside this script

from casetracker.domain.accounts import Role  # noqa: E402
from casetracker.security.kdf import FAST_INSECURE  # noqa: E402
from casetracker.services import (  # noqa: E402
    accounts,
    demo,
    survivors,
    team_accounts,
)
from casetracker.services import sync as team  # noqa: E402
from casetracker.services.vault import Vault  # noqa: E402
from casetracker.storage.sync_repo import SyncRepository  # noqa: E402

SUPERVISOR, CASE_MANAGER = "dana", "ana"
PASSPHRASE = "benchmark passphrase only"


def median_ms(action: Callable[[], object], repeat: int,
              timer: Callable[[], float] = time.perf_counter) -> float:
    times = []
    for _ in range(repeat):
        started = timer()
        action()
        times.append((timer() - started) * 1000)
    return statistics.median(times)


Timings = tuple[float, float, float, float]


def edits(vault: Vault, case_number: str, repeat: int) -> Timings:
    """Medians in ms of a service edit and of a bare SQL update with its commit, each in
    wall time (fsync included: what a person waits) and in this process's CPU time (what
    capture adds, without the disk's noise)."""
    with vault.unlock(CASE_MANAGER, PASSPHRASE) as session:
        values = iter(["she", "they"] * 2 * repeat)

        def service() -> None:
            survivors.update_survivor(session, case_number, pronouns=next(values))

        conn = session.conn
        survivor_id = conn.execute("SELECT id FROM survivors WHERE case_number = ?",
                                   (case_number,)).fetchone()[0]
        texts = iter(["a", "b"] * 2 * repeat)

        def bare() -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE survivors SET address = ? WHERE id = ?",
                         (next(texts), survivor_id))
            conn.execute("COMMIT")

        timings = (median_ms(service, repeat), median_ms(service, repeat, time.process_time),
                   median_ms(bare, repeat), median_ms(bare, repeat, time.process_time))
        with session.changing():  # the bare updates named no account: this unit signs them
            pass
        return timings


def _copy_vault(source: Path, target: Path) -> None:
    """The database, its log and its key file, as they are (SQLite recovers the log)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", ".keys"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy2(f"{source}{suffix}", f"{target}{suffix}")


def _team_setup(caseload: Path, work: Path) -> dict[str, float]:
    """Once per caseload (kept in `work`): laptop a, a copy of the caseload, starts a program
    and writes all its records into `work/folder`; laptop b, with the same accounts, joins,
    sends one case that a applies, and is kept as it is before reading a's bundles."""
    shutil.rmtree(work, ignore_errors=True)
    folder = work / "folder"
    folder.mkdir(parents=True)
    _copy_vault(caseload, work / "a" / "case.db")
    a = Vault(work / "a" / "case.db")
    with a.unlock(SUPERVISOR, PASSPHRASE) as session:
        started = time.perf_counter()
        program = team.start_program(session)
        start_s = time.perf_counter() - started
        started = time.perf_counter()
        sent = team.sync_folder(session, folder)
        write_s = time.perf_counter() - started
    b = Vault(work / "b" / "case.db", kdf=FAST_INSECURE)
    with b.create(SUPERVISOR, PASSPHRASE)[0] as session:
        for name, role in demo.STAFF[1:]:
            accounts.add_account(session, name, role, PASSPHRASE)
        team.join_program(session, program)
    with a.unlock(SUPERVISOR, PASSPHRASE) as sa, \
            b.unlock(SUPERVISOR, PASSPHRASE) as sb:
        team.trust_laptop(sa, team.identity(sb), "b")
        team.trust_laptop(sb, team.identity(sa), "a")
        b_id = team.identity(sb).laptop_id
    with b.unlock(CASE_MANAGER, PASSPHRASE) as session:
        survivors.create_survivor(session, survivors.draft("CT-B-1", "Bea"))
    # b's own changes go out through a folder of its own; then a reads them from the shared one.
    (work / "b-out").mkdir()
    with b.unlock(SUPERVISOR, PASSPHRASE) as sb:
        team.sync_folder(sb, work / "b-out")
    shutil.copytree(work / "b-out" / b_id, folder / b_id)
    with a.unlock(SUPERVISOR, PASSPHRASE) as sa:
        assert team.sync_folder(sa, folder).received
        a_id = team.identity(sa).laptop_id
    size = sum(p.stat().st_size for p in (folder / a_id).glob("*.ctsync"))
    figures = {"captured": float(sent.sent_changes),
               "start_s": start_s, "write_s": write_s, "bundles": float(sent.sent_bundles),
               "bytes_per_change": size / max(sent.sent_changes, 1)}
    (work / "ready.json").write_text(json.dumps(figures))
    return figures


def team_figures(caseload: Path, repeat: int) -> dict[str, float]:
    """DESIGN.md's team-use figures on `caseload` (a vault `run.py` built: accounts
    `demo.STAFF`, one passphrase): ms for an exchange with nothing new and for applying a
    bundle of 10,000 changes, bundle bytes per change, and an edit's ms alone and with capture.
    The joined copy and its bundles are kept beside the caseload (`<name>-team/`)."""
    work = caseload.with_name(caseload.name + "-team")
    ready = work / "ready.json"
    if ready.exists():
        setup = json.loads(ready.read_text())
    else:
        # Joining captures every row once: at 50,000 survivors, 1.5 million of them. The
        # setup runs without memory wiping (as the build does); its two times are reported
        # as such, and every figure after it is measured with the production pragmas.
        with without_memory_wiping():
            setup = _team_setup(caseload, work)
    folder = work / "folder"
    a = Vault(work / "a" / "case.db")
    with a.unlock(CASE_MANAGER, PASSPHRASE) as session:
        case_number = survivors.caseload(session, limit=1)[0].case_number

    # An edit on the caseload used alone (a scratch copy: the cached one stays as built)
    # against the same edit on laptop a, which captures.
    alone_path = work / "alone" / "case.db"
    _copy_vault(caseload, alone_path)
    try:
        alone = edits(Vault(alone_path), case_number, max(repeat, 50))
    finally:
        shutil.rmtree(alone_path.parent)
    joined = edits(a, case_number, max(repeat, 50))

    with a.unlock(SUPERVISOR, PASSPHRASE) as session:
        team.sync_folder(session, folder)
        idle = median_ms(lambda: team.sync_folder(session, folder), max(repeat, 20))
        a_id = team.identity(session).laptop_id

    # Applying a's first bundle (10,000 changes) on a fresh copy of b each time.
    first = min((folder / a_id).glob("*.ctsync"), key=lambda p: int(p.name.split("-")[0]))
    one = work / "one"
    applying: list[float] = []
    applying_cpu: list[float] = []
    changes = 0
    for _ in range(max(3, repeat // 3)):
        shutil.rmtree(one, ignore_errors=True)
        (one / a_id).mkdir(parents=True)
        shutil.copy2(first, one / a_id / first.name)
        _copy_vault(work / "b" / "case.db", one / "b" / "case.db")
        with Vault(one / "b" / "case.db", kdf=FAST_INSECURE).unlock(SUPERVISOR,
                                                                 PASSPHRASE) as session:
            started, cpu = time.perf_counter(), time.process_time()
            report = team.sync_folder(session, one)
            applying.append((time.perf_counter() - started) * 1000)
            applying_cpu.append((time.process_time() - cpu) * 1000)
            changes = sum(report.received.values())
    shutil.rmtree(one)
    return {"captured": setup["captured"],
            "start program s": setup["start_s"], "first bundles s": setup["write_s"],
            "sync, nothing new": idle, "apply a bundle": statistics.median(applying),
            "apply a bundle CPU": statistics.median(applying_cpu),
            "bundle changes": float(changes), "bytes per change": setup["bytes_per_change"],
            "edit alone": alone[0], "edit with capture": joined[0],
            "edit alone CPU": alone[1], "edit with capture CPU": joined[1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="casetracker-sync-bench-"))
    folder = root / "folder"
    folder.mkdir()

    a = Vault(root / "a" / "case.db", kdf=FAST_INSECURE)
    with a.create(SUPERVISOR, PASSPHRASE)[0] as session:
        accounts.add_account(session, CASE_MANAGER, Role.CASE_MANAGER, PASSPHRASE)
        demo.populate(session, args.survivors, [CASE_MANAGER])
    with a.unlock(CASE_MANAGER, PASSPHRASE) as session:
        case_number = survivors.caseload(session, limit=1)[0].case_number

    alone = edits(a, case_number, args.repeat)
    with a.unlock(SUPERVISOR, PASSPHRASE) as session:
        started = time.perf_counter()
        program = team.start_program(session)
        started_ms = (time.perf_counter() - started) * 1000
        captured = len(SyncRepository(session.conn).pending(0, 10**9))
        team_accounts.publish(session)  # the accounts and their signing keys travel
    joined = edits(a, case_number, args.repeat)

    b = Vault(root / "b" / "case.db", kdf=FAST_INSECURE)
    with b.create(SUPERVISOR, PASSPHRASE)[0] as session:
        accounts.add_account(session, CASE_MANAGER, Role.CASE_MANAGER, PASSPHRASE)
        team.join_program(session, program)
    with a.unlock(SUPERVISOR, PASSPHRASE) as sa, b.unlock(SUPERVISOR, PASSPHRASE) as sb:
        team.trust_laptop(sa, team.identity(sb))
        team.trust_laptop(sb, team.identity(sa))
        started = time.perf_counter()
        sent = team.sync_folder(sa, folder)
        write_ms = (time.perf_counter() - started) * 1000
        size = sum(p.stat().st_size for p in folder.rglob("*.ctsync"))
        started = time.perf_counter()
        received = team.sync_folder(sb, folder)
        apply_s = time.perf_counter() - started
        idle = median_ms(lambda: team.sync_folder(sb, folder), 20)
        assert received.refused == [], received.refused
        assert team.content_digest(sa) == team.content_digest(sb), (received, sent)
    signed_changes, signed_s = signed_edits(a, b, folder)

    print(f"caseload: {args.survivors} survivors; {captured} rows captured when the program "
          f"started ({started_ms:.0f} ms)")
    for index, label in enumerate(("service edit, wall", "service edit, CPU",
                                   "bare UPDATE + commit, wall", "bare UPDATE + commit, CPU")):
        before, after = alone[index], joined[index]
        print(f"{label:28} alone {before:7.3f} ms   with capture {after:7.3f} ms   "
              f"x{after / before:.2f}")
    changes = sum(received.received.values())
    print(f"bundles: {sent.sent_bundles} written in {write_ms:.0f} ms, {size} bytes, "
          f"{size / max(sent.sent_changes, 1):.0f} bytes per change")
    print(f"applied {changes} changes in {apply_s:.2f} s "
          f"({apply_s / max(changes, 1) * 1e6:.0f} us per change; "
          f"{apply_s / max(sent.sent_bundles, 1):.2f} s per bundle of up to 10,000)")
    print(f"an exchange with nothing new: {idle:.1f} ms")
    print(f"applied a bundle of {signed_changes} signed edits (one case manager's unit of work) "
          f"in {signed_s:.2f} s, the signatures checked")


# Free-text fields of the survivors' table an edit changes for the signed-edits figure.
SIGNED_FIELDS = ("address", "safe_times", "skills", "transport", "accommodations",
                 "referral_source")


def signed_edits(a: Vault, b: Vault, folder: Path) -> tuple[int, float]:
    """A case manager's unit of work on a that changes up to 10,000 fields (signed by that
    account in runs), sent; then b's exchange that applies it, checking every signature
    against the keys a's accounts published. (changes applied, seconds)"""
    with a.unlock(CASE_MANAGER, PASSPHRASE) as session, session.changing() as conn:
        count = int(conn.execute("SELECT count(*) FROM survivors").fetchone()[0])
        rows = min(count, 10_000 // len(SIGNED_FIELDS))
        for field in SIGNED_FIELDS:
            conn.execute(f"UPDATE survivors SET {field} = 'signed ' || id WHERE rowid IN "
                         "(SELECT rowid FROM survivors ORDER BY rowid LIMIT ?)", (rows,))
    with a.unlock(SUPERVISOR, PASSPHRASE) as session:
        team.sync_folder(session, folder)
    with b.unlock(SUPERVISOR, PASSPHRASE) as session:
        started = time.perf_counter()
        report = team.sync_folder(session, folder)
        elapsed = time.perf_counter() - started
        assert report.refused == [], report.refused
    return sum(report.received.values()), elapsed


if __name__ == "__main__":
    main()
