"""What team use costs: `python benchmarks/sync_capture.py [--survivors 1000] [--repeat 200]`.

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
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from casetracker.domain.accounts import Role  # noqa: E402
from casetracker.security.kdf import FAST_INSECURE  # noqa: E402
from casetracker.services import accounts, demo, survivors  # noqa: E402
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

        return (median_ms(service, repeat), median_ms(service, repeat, time.process_time),
                median_ms(bare, repeat), median_ms(bare, repeat, time.process_time))


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
        assert team.content_digest(sa) == team.content_digest(sb)

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


if __name__ == "__main__":
    main()
