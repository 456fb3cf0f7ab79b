"""Opening SQLCipher databases with a raw key and the pragmas every connection needs."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from casetracker.domain.errors import DatabaseDamagedError, NotFoundError

Connection = Any  # sqlcipher3's connection class has no type information

KEY_BYTES = 32
PAGE_SIZE = 4096  # SQLCipher 4's default, which this program keeps
# Applied, in this order, to every connection; `tests/security` asserts each reads back.
PRAGMAS: tuple[tuple[str, str], ...] = (
    ("cipher_memory_security", "ON"),
    ("secure_delete", "ON"),
    ("temp_store", "MEMORY"),
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("foreign_keys", "ON"),
    # Decrypted pages stay in SQLCipher's own cache (wiped on close): a bigger cache keeps
    # the hot pages of a large caseload from being decrypted again on every query.
    ("cache_size", "-65536"),
)
EXPECTED_PRAGMAS: dict[str, object] = {
    "cipher_memory_security": "1", "secure_delete": 1, "temp_store": 2,
    "journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "cache_size": -65536,
}


def _sqlcipher() -> Any:
    """SQLCipher's DB-API module, loaded on first use rather than with this module: the lock
    screen imports the storage layer's names but opens no database until an unlock."""
    from sqlcipher3 import dbapi2

    return dbapi2


def is_database_error(exc: BaseException) -> bool:
    """Whether `exc` is one of SQLCipher's errors (its `DatabaseError` or a subclass)."""
    return isinstance(exc, _sqlcipher().DatabaseError)


class WrongKeyError(DatabaseDamagedError):
    """The key did not decrypt page 1: a wrong key, a foreign file, or a damaged first page."""


def key_pragma(data_key: bytes) -> str:
    """The raw-key literal SQLCipher takes (a bytes key would be treated as a passphrase)."""
    if len(data_key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    return f"x'{data_key.hex()}'"


def _keyed(target: str, data_key: bytes, *, uri: bool) -> Connection:
    # Few cached statements: each holds some of SQLite's per-connection small-allocation
    # slots, and once those run out every allocation goes to SQLCipher's memory-security
    # allocator, which mlock()s and munlock()s it. At 50,000 cases the funnel took 600 ms
    # after a dozen other statements were cached, 100 ms with at most 4 (measured with strace
    # and benchmarks/run.py; preparing a statement again costs microseconds).
    conn = _sqlcipher().connect(target, uri=uri, isolation_level=None, check_same_thread=True,
                             cached_statements=4)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{key_pragma(data_key)}"')
    return conn


def _refused_by_disk(exc: Exception) -> bool:
    """The disk would not read or write (full, removed, failing): the file is not at fault,
    so SQLite's error goes on up for `services.errors.readable_storage_errors` to word."""
    return "disk I/O" in str(exc) or "full" in str(exc)


def probe_key(path: Path, data_key: bytes) -> None:
    """Check a key on a read-only connection, so a wrong key cannot fold a WAL into the file."""
    if not path.exists():
        raise NotFoundError(f"no database at {path}")
    conn = _keyed(path.absolute().as_uri() + "?mode=ro", data_key, uri=True)
    try:
        # Page 1 is where a wrong key shows. Reading the header alone does not parse the
        # schema, whose triggers take tens of milliseconds to parse (each of its many small
        # allocations is locked and wiped by SQLCipher's memory security).
        conn.execute("PRAGMA user_version").fetchone()
    except _sqlcipher().DatabaseError as exc:
        if "not a database" in str(exc):
            raise WrongKeyError(
                "the database could not be decrypted: wrong key, not a Case Tracker database, "
                "or its first page is damaged"
            ) from exc
        if _refused_by_disk(exc):
            raise
        raise DatabaseDamagedError(f"the database is damaged: {exc}") from exc
    finally:
        conn.close()


def opens_any_page(path: Path, data_key: bytes) -> bool:
    """Whether `data_key` authenticates at least one page of the file, checked read-only
    without reading the schema. A damaged first page fails alone; a key that belongs to
    another file, or to this one before it was rekeyed, authenticates no page at all."""
    conn = _keyed(path.absolute().as_uri() + "?mode=ro", data_key, uri=True)
    try:
        failed = {int(number) for (text,) in conn.execute("PRAGMA cipher_integrity_check")
                  for number in re.findall(r"page (\d+)", str(text))}
    except _sqlcipher().DatabaseError as exc:
        if _refused_by_disk(exc):
            raise
        return False
    finally:
        conn.close()
    pages = path.stat().st_size // PAGE_SIZE
    return any(page not in failed for page in range(1, pages + 1))


def connect_readonly(path: Path, data_key: bytes) -> Connection:
    """A read-only connection (for checking a backup without changing a byte of it)."""
    probe_key(path, data_key)
    return _keyed(path.absolute().as_uri() + "?mode=ro", data_key, uri=True)


def connect_reader(path: Path, data_key: bytes) -> Connection:
    """A second, read-only connection beside a session's own, with the same pragmas, for work
    that runs on another thread (a search as typed). It may be used by one thread at a time,
    whichever, and interrupted from any (`interrupt()`)."""
    probe_key(path, data_key)
    conn = _sqlcipher().connect(path.absolute().as_uri() + "?mode=ro", uri=True,
                                isolation_level=None, check_same_thread=False,
                                cached_statements=4)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{key_pragma(data_key)}"')
        for name, value in PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def is_interrupted(exc: BaseException) -> bool:
    """Whether `exc` is SQLite's answer to `Connection.interrupt()`."""
    return isinstance(exc, _sqlcipher().OperationalError) and "interrupt" in str(exc)


def connect(path: Path, data_key: bytes, *, create: bool = False,
            probed: bool = False) -> Connection:
    """Open (or with `create`, make) an encrypted database and apply `PRAGMAS`; `probed`:
    the caller has just checked the key with `probe_key`."""
    if not create:
        if not probed:
            probe_key(path, data_key)
    elif path.exists():
        raise FileExistsError(path)
    conn = _keyed(str(path), data_key, uri=False)
    try:
        for name, value in PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _sqlcipher().DatabaseError as exc:
        conn.close()
        if _refused_by_disk(exc):
            raise
        raise DatabaseDamagedError(f"the database is damaged: {exc}") from exc
    if os.name != "nt":
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").chmod(0o600)
    return conn


def read_pragmas(conn: Connection) -> dict[str, object]:
    """The current value of each pragma in `PRAGMAS`, as SQLCipher reports it."""
    return {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name, _ in PRAGMAS}


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One write transaction: `BEGIN IMMEDIATE`, commit on success, roll back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def integrity_problems(conn: Connection) -> list[str]:
    """SQLCipher's page authentication plus SQLite's structural check; empty when sound."""
    problems: list[str] = []
    for pragma in ("cipher_integrity_check", "integrity_check"):
        try:
            problems += [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")
                         if row[0] != "ok"]
        except _sqlcipher().DatabaseError as exc:
            problems.append(str(exc))
    return problems


def check_file(path: Path, data_key: bytes) -> list[str]:
    """Integrity problems of an encrypted database file, found read-only; empty when sound."""
    conn = connect_readonly(path, data_key)
    try:
        return integrity_problems(conn)
    finally:
        conn.close()


def export_copy(conn: Connection, target: Path, data_key: bytes, user_version: int) -> None:
    """Write a consistent encrypted copy of the open database to a new file `target`."""
    if target.exists():
        raise FileExistsError(target)
    conn.execute("ATTACH DATABASE ? AS export_target KEY ?", (str(target), key_pragma(data_key)))
    try:
        conn.execute("SELECT sqlcipher_export('export_target')")
        conn.execute(f"PRAGMA export_target.user_version = {int(user_version)}")
    finally:
        conn.execute("DETACH DATABASE export_target")
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())
    if os.name != "nt":
        target.chmod(0o600)


@contextlib.contextmanager
def watching(conn: Connection, tick: Callable[[], bool], every: int = 20_000) -> Iterator[None]:
    """Call `tick()` every `every` SQLite instructions while the block runs; when it returns
    False the running statement stops with an "interrupted" error and its transaction rolls
    back (a long statement made cancellable)."""
    conn.set_progress_handler(lambda: 0 if tick() else 1, every)
    try:
        yield
    finally:
        conn.set_progress_handler(None, 0)


# What a backup is said to hold: counts only, never a name. (table, what it counts)
CONTENT_TABLES: tuple[tuple[str, str], ...] = (
    ("survivors", "survivors"),
    ("notes", "case notes"),
    ("goals", "goals"),
    ("documents", "identity documents"),
    ("attachments", "scans"),
    ("consents", "consents"),
    ("employers", "employers"),
    ("users", "staff accounts"),
    ("audit_log", "audit entries"),
)


def content_counts(conn: Connection) -> dict[str, int]:
    """Rows in each table of `CONTENT_TABLES` (a table an older schema lacks counts 0)."""
    present = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    counts = {}
    for table, _words in CONTENT_TABLES:
        where = " WHERE removed_at IS NULL" if table == "users" else ""
        counts[table] = (conn.execute(f"SELECT count(*) FROM {table}{where}").fetchone()[0]
                         if table in present else 0)
    return counts
