"""Revocations made at once on different laptops, offline: after the exchange every laptop
agrees on which laptops are revoked, none of them can read what is written after, and a laptop
revoked before it revoked another (by what its revoker had seen of it) revokes nobody, even on
a laptop that applied that revocation before it learned."""

from __future__ import annotations

import itertools
import json
import struct
from collections.abc import Iterable
from pathlib import Path

import pytest

from casetracker.domain.errors import NotFoundError
from casetracker.services import conflicts, devices, survivors
from casetracker.storage.sync_repo import SyncRepository
from casetracker.sync import bundle
from tests.sync.enrolled import enrolled_program
from tests.sync_laptops import Laptop, holds, take_in


def revoked(laptop: Laptop) -> set[str]:
    return {row.name for row in devices.laptops(laptop.supervisor) if row.revoked_at}


def exchange(laptops: Iterable[Laptop], rounds: int = 3) -> None:
    laptops = list(laptops)
    for _ in range(rounds):
        for laptop in laptops:
            laptop.sync()


def newest_key(writer: Laptop) -> str:
    """The sync key id in the header of the writer's newest bundle in the folder."""
    own = writer.folder / writer.laptop_id
    newest = max(own.iterdir(), key=lambda p: int(p.name.split("-")[0]))
    data = newest.read_bytes()
    start = len(bundle.MAGIC) + 4
    (length,) = struct.unpack(">I", data[len(bundle.MAGIC):start])
    return str(json.loads(data[start:start + length])["key_id"])


def keys_of(laptop: Laptop) -> set[str]:
    return {k.key_id for k in SyncRepository(laptop.supervisor.conn).sync_keys()}


def reaches(writer: Laptop, reader: Laptop, case_number: str) -> bool:
    take_in(writer, case_number, "Later")
    writer.sync()
    reader.sync()
    try:
        survivors.get_survivor(reader.supervisor, case_number)
    except NotFoundError:
        return False
    return True


def test_two_supervisors_revoke_different_laptops_at_once(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 4) as (a, b, c, d):
        exchange([a, b, c, d], 2)
        devices.revoke(a.supervisor, "c")
        devices.revoke(b.supervisor, "d")
        exchange([a, b])
        assert revoked(a) == revoked(b) == {"c", "d"}
        assert a.digest() == b.digest()
        assert conflicts.waiting(a.supervisor) == []
        # Neither revoked laptop reads what either remaining laptop writes from now on, though
        # each remaining laptop's first new key was sealed to the other's revoked laptop.
        for writer in (a, b):
            for reader in (c, d):
                assert not reaches(writer, reader, f"CT-{writer.name}-{reader.name}")
        # Nor could they by opening the files: the key each newest bundle is sealed under is
        # none that c or d holds (c took b's first new key from b's bundle header).
        held = {k.key_id for laptop in (c, d)
                for k in SyncRepository(laptop.supervisor.conn).sync_keys()}
        for writer in (a, b):
            assert newest_key(writer) not in held, writer.name
        assert reaches(a, b, "CT-A-B")
        assert reaches(b, a, "CT-B-A")


def test_two_supervisors_revoke_the_same_laptop_at_once(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 3) as (a, b, c):
        exchange([a, b, c], 2)
        devices.revoke(a.supervisor, "c")
        devices.revoke(b.supervisor, "c")
        exchange([a, b])
        assert revoked(a) == revoked(b) == {"c"}
        assert a.digest() == b.digest()
        assert conflicts.waiting(b.supervisor) == []
        assert not reaches(a, c, "CT-A-C")
        assert not reaches(b, c, "CT-B-C")
        assert reaches(a, b, "CT-A-B")


@pytest.mark.parametrize("first_reader", ["d", "b"])
def test_a_laptop_revoked_first_revokes_nobody(tmp_path: Path, first_reader: str) -> None:
    """a revokes c; c, not knowing, revokes b. c's revocation came after what a had seen of
    c, so it counts nowhere: not on a (which never applies it), and not on d, which applied it
    before a's revocation reached it."""
    with enrolled_program(tmp_path, 4) as (a, b, c, d):
        exchange([a, b, c, d], 2)
        devices.revoke(c.supervisor, "b")
        c.sync()
        early = {"d": d, "b": b}[first_reader]
        early.sync()  # d applies c's revocation of b (b cannot read it: c left it out)
        if first_reader == "d":
            assert "b" in revoked(d)
        devices.revoke(a.supervisor, "c")
        exchange([a, b, d])
        for laptop in (a, b, d):
            assert revoked(laptop) == {"c"}, laptop.name
        assert a.digest() == b.digest() == d.digest()
        # b is a member everywhere again: what it writes arrives, and it reads what d writes.
        assert reaches(b, d, "CT-B-D")
        assert reaches(d, b, "CT-D-B")
        assert reaches(b, a, "CT-B-A")
        assert not reaches(a, c, "CT-A-C")
        assert not reaches(d, c, "CT-D-C")
        # c's revocation never applies on a: c's bundles after what a had seen are refused.
        report = a.sync()
        assert any(line.startswith(f"{c.laptop_id}/") and "revoked" in line
                   for line in report.refused), report.refused


def _revoke_each_other(first: Laptop, second: Laptop) -> None:
    """`first` revokes `second` while `second`, offline, revokes `first`: neither sees the
    other's revocation before making its own."""
    devices.revoke(first.supervisor, shown(second))
    devices.revoke(second.supervisor, shown(first))


def shown(laptop: Laptop) -> str:
    """The laptop's name in the program ('a' is the first laptop, named when it started it)."""
    return SyncRepository(laptop.supervisor.conn).identity().name


@pytest.mark.parametrize("order", list(itertools.permutations("abc")))
def test_two_laptops_revoking_each_other_unseen_are_both_revoked_everywhere(
        tmp_path: Path, order: tuple[str, ...]) -> None:
    with enrolled_program(tmp_path, 3) as laptops:
        a, b, c = laptops
        by_name = {laptop.name: laptop for laptop in laptops}
        exchange([a, b, c], 2)
        _revoke_each_other(a, b)
        take_in(a, "CT-A-LATE", "Ann")  # in the same bundle as a's revocation
        take_in(b, "CT-B-LATE", "Bo")
        exchange([by_name[name] for name in order])
        assert revoked(c) == {shown(a), "b"}
        # Of a bundle refused because its laptop was revoked, only the revocations count.
        for late, first, then in (("CT-A-LATE", "b", "a"), ("CT-B-LATE", "a", "b")):
            if order.index(first) < order.index("c") < order.index(then):
                assert not holds(c, late), (late, order)
        assert revoked(a) == {"b"}  # each revoked one knows the revocation it made
        assert revoked(b) == {shown(a)}
        # Neither can read what the remaining laptop writes from now on, nor be read by it.
        assert not reaches(c, a, "CT-C-A")
        assert not reaches(c, b, "CT-C-B")
        assert not reaches(a, c, "CT-A-C")
        assert not reaches(b, c, "CT-B-C")


@pytest.mark.parametrize("order", ["abcd", "badc", "cdab", "dcba", "cabd", "dbca"])
def test_four_laptops_agree_when_two_revoke_each_other_unseen(tmp_path: Path,
                                                              order: str) -> None:
    with enrolled_program(tmp_path, 4) as laptops:
        a, b, c, d = laptops
        by_name = {laptop.name: laptop for laptop in laptops}
        exchange([a, b, c, d], 2)
        _revoke_each_other(a, b)
        exchange([by_name[name] for name in order])
        assert revoked(c) == revoked(d) == {shown(a), "b"}
        assert c.digest() == d.digest()
        assert reaches(c, d, "CT-C-D")
        assert reaches(d, c, "CT-D-C")
        for writer in (c, d):
            for reader in (a, b):
                assert not reaches(writer, reader, f"CT-{writer.name}-{reader.name}")
        held = {k.key_id for laptop in (a, b)
                for k in SyncRepository(laptop.supervisor.conn).sync_keys()}
        for writer in (c, d):
            assert newest_key(writer) not in held, writer.name


def test_a_key_granted_in_a_revoked_laptops_bundle_is_never_written_with(
        tmp_path: Path) -> None:
    """d reads the revocations in c's bundles after c was revoked, opening them with the key
    c granted it; d must not take that key to write with (c holds it)."""
    with enrolled_program(tmp_path, 4) as (a, b, c, d):
        exchange([a, b, c, d], 2)
        devices.revoke(a.supervisor, "c")
        a.sync()
        d.sync()
        assert "c" in revoked(d)
        before = keys_of(c)
        devices.revoke(c.supervisor, "b")  # c has not seen its own revocation
        made_by_c = keys_of(c) - before
        c.sync()
        d.sync()  # reads c's revocation of b: it counts for nothing (c was revoked first)
        assert revoked(d) == {"c"}
        assert made_by_c
        assert not made_by_c & keys_of(d)  # read with, not kept
        assert not reaches(d, c, "CT-D-C")
        assert newest_key(d) not in keys_of(c)
        assert reaches(d, b, "CT-D-B")


@pytest.mark.parametrize("order", ["abcd", "dcba", "cadb"])
def test_a_laptop_revoking_its_revoker_unseen_takes_no_other_laptop_with_it(
        tmp_path: Path, order: str) -> None:
    """a revokes b; b, not knowing, revokes a and d. The pair counts (both revoked), but b's
    revocation of d came after what a had seen of b: d stays a member on c, and the two go
    on together. (d itself cannot read b's revocation of a: b left d out of its new key.)"""
    with enrolled_program(tmp_path, 4) as laptops:
        a, b, c, d = laptops
        by_name = {laptop.name: laptop for laptop in laptops}
        exchange([a, b, c, d], 2)
        devices.revoke(a.supervisor, "b")
        devices.revoke(b.supervisor, shown(a))
        devices.revoke(b.supervisor, "d")
        exchange([by_name[name] for name in order])
        assert revoked(c) == {shown(a), "b"}
        assert "d" not in revoked(d)
        assert reaches(c, d, "CT-C-D")
        assert reaches(d, c, "CT-D-C")
