from __future__ import annotations

from dataclasses import replace

from casetracker.domain.audit import AuditEntry
from casetracker.security.audit_chain import GENESIS, entry_mac, verify

KEY = b"k" * 32


def chain(n: int) -> list[AuditEntry]:
    entries, previous = [], GENESIS
    for seq in range(1, n + 1):
        entry = AuditEntry(seq, f"2026-11-23T10:00:{seq:02d}", "sam", "login", "sam", {"n": seq})
        mac = entry_mac(KEY, previous, entry)
        entries.append(replace(entry, mac=mac))
        previous = mac
    return entries


def head(entries: list[AuditEntry]) -> tuple[int, bytes]:
    return entries[-1].seq, entries[-1].mac


def test_intact_chain_verifies() -> None:
    entries = chain(5)
    report = verify(KEY, entries, head(entries))
    assert report.ok
    assert report.entries == 5


def test_edited_entry_is_named() -> None:
    entries = chain(5)
    entries[2] = replace(entries[2], action="export")
    report = verify(KEY, entries, head(entries))
    assert (report.ok, report.first_bad_seq) == (False, 3)


def test_deleted_entry_is_named() -> None:
    entries = chain(5)
    del entries[1]
    report = verify(KEY, entries, head(chain(5)))
    assert (report.ok, report.first_bad_seq) == (False, 2)
    assert "missing" in (report.problem or "")


def test_reordered_entries_are_found() -> None:
    entries = chain(5)
    entries[1], entries[2] = entries[2], entries[1]
    assert verify(KEY, entries, head(chain(5))).first_bad_seq == 2
    # Renumbering the swapped rows to hide the gap breaks the MACs instead.
    renumbered = chain(5)
    a, b = renumbered[1], renumbered[2]
    renumbered[1], renumbered[2] = replace(b, seq=2), replace(a, seq=3)
    assert verify(KEY, renumbered, head(chain(5))).first_bad_seq == 2


def test_truncation_is_found_through_the_head() -> None:
    full = chain(5)
    report = verify(KEY, full[:3], head(full))
    assert (report.ok, report.first_bad_seq) == (False, 4)
    assert "truncated" in (report.problem or "")


def test_a_wrong_key_fails_at_the_first_entry() -> None:
    entries = chain(2)
    assert verify(b"x" * 32, entries, head(entries)).first_bad_seq == 1
