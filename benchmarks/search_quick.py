"""Search as typed on a caseload made in seconds: `python benchmarks/search_quick.py 500000`.

The full harness (`run.py`) needs a demo caseload, which takes 20 minutes or more to build at
50,000 survivors and hours at 500,000. Search reads only the survivors' names, their notes and
the search index, so this builds just those tables, with names as the demo makes them (Faker's
en_US and es_MX) and the demo's notes (one to six a survivor), in three caseloads, with the
search index of schema 15 (`--layout new`) or of schema 2 to 11 (`--layout old`), as an
unencrypted file and an encrypted copy made with `sqlcipher_export`. Then it times each of
`search_keys.PREFIXES` as typed (the repository search and the survivors found; no caseload
columns, which these tables lack), for a case manager and a supervisor, against plain SQLite.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search_keys  # beside this script, which is not a package

from casetracker.services.search import ALL_SOURCES, fts_query

ROOT = Path(__file__).resolve().parent
KEY = "x'" + "11" * 32 + "'"
MANAGERS = ("ana", "luis", "mei")
OLD_INDEX = [
    """CREATE VIRTUAL TABLE search_index USING fts5 (survivor_id UNINDEXED, source UNINDEXED,
       text, tokenize = 'unicode61 remove_diacritics 2')""",
    """INSERT INTO search_index (rowid, survivor_id, source, text)
       SELECT seq * 4, id, 'case_number', case_number FROM survivors""",
    """INSERT INTO search_index (rowid, survivor_id, source, text)
       SELECT seq * 4 + 1, id, 'preferred_name', preferred_name FROM survivors""",
    """INSERT INTO search_index (rowid, survivor_id, source, text)
       SELECT seq * 4 + 2, id, 'names',
              preferred_name || ' ' || legal_first_name || ' ' || legal_last_name FROM survivors""",
    """INSERT INTO search_index (rowid, survivor_id, source, text)
       SELECT seq * 4 + 3, survivor_id, 'note', text FROM notes""",
]


def build(base: Path, survivors: int, layout: str) -> tuple[Path, Path]:
    from faker import Faker

    from casetracker.services.demo import NOTES
    from casetracker.storage.migrations import v015_search_prefixes as prefixes

    plain, encrypted = Path(f"{base}.plain.db"), Path(f"{base}.enc.db")
    if plain.exists() and encrypted.exists():
        return plain, encrypted
    rng = random.Random(50_000)  # noqa: S311  (made-up people, the same at every build)
    fakers = [Faker("en_US"), Faker("es_MX")]
    for faker in fakers:
        faker.seed_instance(50_000)
    firsts = [[f.first_name() for _ in range(5000)] for f in fakers]
    lasts = [[f.last_name() for _ in range(5000)] for f in fakers]
    for path in (plain, encrypted):
        path.unlink(missing_ok=True)
    conn = sqlcipher.connect(str(plain), isolation_level=None)
    conn.execute("BEGIN")
    conn.execute("""CREATE TABLE survivors (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        case_number TEXT NOT NULL UNIQUE COLLATE NOCASE, preferred_name TEXT NOT NULL,
        legal_first_name TEXT NOT NULL, legal_last_name TEXT NOT NULL, assigned_to TEXT)""")
    conn.execute("CREATE TABLE notes (seq INTEGER PRIMARY KEY, survivor_id TEXT, text TEXT)")
    people, notes = [], []
    for seq in range(1, survivors + 1):
        kind = rng.randrange(2)
        first, last = rng.choice(firsts[kind]), rng.choice(lasts[kind])
        survivor_id = f"{rng.getrandbits(128):032x}"
        preferred = first if rng.random() < 0.8 else rng.choice(firsts[kind])
        people.append((seq, survivor_id, f"CT-2026-{seq:06d}", preferred, first, last,
                       rng.choice(MANAGERS)))
        notes.extend((survivor_id, rng.choice(NOTES)) for _ in range(rng.randint(1, 6)))
    conn.executemany("INSERT INTO survivors VALUES (?, ?, ?, ?, ?, ?, ?)", people)
    conn.executemany("INSERT INTO notes (survivor_id, text) VALUES (?, ?)", notes)
    statements = OLD_INDEX if layout == "old" else [prefixes._CREATE[0], *prefixes._FILL]
    for statement in statements:
        conn.execute(statement)
    conn.execute("COMMIT")
    conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"{KEY}\"", (str(encrypted),))
    conn.execute("SELECT sqlcipher_export('encrypted')")
    conn.execute("DETACH DATABASE encrypted")
    conn.close()
    return plain, encrypted


def old_search() -> Any:
    """The repository's search as it was before schema 15 (from git), for comparison."""
    # The developer's git, as dev.py uses it.
    command = ["git", "-C", str(ROOT), "show", "0355b0f:src/casetracker/storage/records_repo.py"]
    source = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    namespace: dict[str, Any] = {"__name__": "records_repo_before_schema_12"}
    exec(compile(source, "records_repo_before_schema_12", "exec"), namespace)  # noqa: S102
    return namespace["SearchRepository"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("survivors", type=int)
    parser.add_argument("--layout", choices=("new", "old"), default="new")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    started = time.perf_counter()
    plain_path, encrypted_path = build(
        ROOT / ".cache" / f"search-{args.layout}-{args.survivors}", args.survivors, args.layout)
    print(f"caseload ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if args.layout == "old":
        Repository = old_search()  # noqa: N806
    else:
        from casetracker.storage.records_repo import SearchRepository as Repository

    def keystroke(conn: Any, text: str, owner: str | None) -> int:
        query = fts_query(text)
        if query is None:
            return 0
        found = Repository(conn).search(query, sources=ALL_SOURCES, assigned_to=owner,
                                        limit=search_keys.PAGE)
        return len(conn.execute(
            "SELECT * FROM survivors WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([survivor_id for survivor_id, _, _ in found]),)).fetchall())

    encrypted = sqlcipher.connect(str(encrypted_path), isolation_level=None,
                                  cached_statements=4)
    encrypted.execute(f'PRAGMA key = "{KEY}"')
    for pragma in ("cipher_memory_security = ON", "temp_store = MEMORY",
                   "cache_size = -65536"):
        encrypted.execute(f"PRAGMA {pragma}")
    plain = sqlite3.connect(plain_path)
    for role, owner in (("own cases", "ana"), ("all cases", None)):
        results = search_keys.per_prefix(encrypted, plain, owner, args.repeat,
                                           keystroke=keystroke)
        figure = search_keys.summary(results)
        print(f"{args.layout} index, {args.survivors} survivors, search, {role}: worst "
              f"{figure['worst']:.1f} ms ({figure['worst_prefix']!r}, plain "
              f"{figure['worst_plain']:.1f} ms, spread {figure['worst_spread']:.1f} ms), 95th "
              f"percentile {figure['p95']:.1f} ms (plain {figure['plain_p95']:.1f} ms); "
              f"median over prefixes {statistics.median(m for m, _, _ in results.values()):.1f}"
              " ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
