"""The real transport: two Syncthing instances on 127.0.0.1 move bundles between two laptops'
folders, and a change made on one laptop reaches the other (and back).

Syncthing is a Debian package the suite needs (packaging/debian-packages.txt; `python3 dev.py
test` installs it as root). Without it this test fails rather than skips, so that CI cannot
pass without having moved a bundle through it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from casetracker.services import notes, survivors
from casetracker.sync.exchange import RoundReport
from tests.sync import syncthing
from tests.sync_laptops import Laptop, program_of, take_in

CANARY = "Quetzal-Pangolin-3316"
NOTE = "Bramble-Okapi-5820"
# Generous: two instances must start, connect, scan and copy, on a loaded machine. The test
# polls and stops waiting as soon as the change has arrived.
DEADLINE_S = 240.0


@pytest.fixture
def instances(tmp_path: Path) -> Iterator[tuple[syncthing.Instance, syncthing.Instance]]:
    if syncthing.binary() is None:
        pytest.fail("Syncthing is not installed: `apt-get install syncthing` (it is in "
                    "packaging/debian-packages.txt; `python3 dev.py test` installs it as root)")
    a, b = syncthing.pair(tmp_path / "transport")
    try:
        a.start()
        b.start()
        yield a, b
    finally:
        a.stop()
        b.stop()


def wait_for(laptop: Laptop, arrived: Callable[[RoundReport], bool],
             instances: tuple[syncthing.Instance, ...]) -> RoundReport:
    """Exchange with the laptop's folder until `arrived`, or fail with the instances' logs.
    A file Syncthing is still copying must never be taken for a bundle: no round refuses."""
    deadline = time.monotonic() + DEADLINE_S
    while True:
        report = laptop.sync()
        assert report.refused == [], report.refused
        if arrived(report):
            return report
        for instance in instances:
            assert instance.running(), instance.log_tail()
        if time.monotonic() > deadline:
            pytest.fail(f"nothing arrived on {laptop.name} within {DEADLINE_S:.0f} s\n"
                        + "\n".join(i.log_tail() for i in instances))
        time.sleep(0.5)


def everything_under(*roots: Path) -> Iterator[Path]:
    for root in roots:
        yield root
        yield from root.rglob("*")


def test_a_change_travels_through_real_syncthing(
        tmp_path: Path, instances: tuple[syncthing.Instance, syncthing.Instance]) -> None:
    st_a, st_b = instances
    with program_of(tmp_path, 2) as (a, b):
        a.folder, b.folder = st_a.folder, st_b.folder  # each laptop its own copy
        a_id = a.laptop_id
        take_in(a, "CT-1", CANARY)
        notes.add_note(a.case_manager, "CT-1", f"{NOTE} called from the shelter")
        sent = a.sync()
        assert sent.sent_bundles == 1
        wait_for(b, lambda report: a.laptop_id in report.received, instances)
        assert survivors.get_survivor(b.supervisor, "CT-1").preferred_name == CANARY
        assert [n.text for n in notes.notes(b.supervisor, "CT-1")] == [
            f"{NOTE} called from the shelter"]

        # And back: an edit on b reaches a.
        survivors.update_survivor(b.case_manager, "CT-1", pronouns="she")
        assert b.sync().sent_bundles == 1
        # (b's first bundle, its note that it joined, may arrive on its own first.)
        wait_for(a, lambda _report: survivors.get_survivor(
            a.supervisor, "CT-1").pronouns == "she", instances)
        assert a.digest() == b.digest()
    for instance in instances:
        instance.stop()

    # Nothing of a survivor's values in the folders, the bundles' names, or anything
    # Syncthing keeps or logs (config, keys, index database, log).
    seen = 0
    for path in everything_under(st_a.folder, st_b.folder, st_a.home, st_b.home):
        for value in (CANARY, NOTE):
            assert value not in str(path)
            if path.is_file():
                assert value.encode() not in path.read_bytes(), path
                assert value.encode("utf-16-le") not in path.read_bytes(), path
        seen += path.is_file()
    assert seen > 4
    bundles_b = sorted((st_b.folder / a_id).glob("*.ctsync"))
    assert bundles_b
    assert [p.name for p in bundles_b] == [p.name for p in
                                           sorted((st_a.folder / a_id).glob("*.ctsync"))]
    assert st_a.log.exists()
    assert st_b.log.exists()


def test_the_instances_listen_on_loopback_only_and_call_no_one(
        instances: tuple[syncthing.Instance, syncthing.Instance]) -> None:
    """The configuration the test (and README) uses: one loopback listener, the peer by
    address, every discovery, relay, NAT, reporting and upgrade option off."""
    import xml.etree.ElementTree as ET

    for instance in instances:
        root = ET.parse(instance.home / "config.xml").getroot()  # noqa: S314 - the test's own
        options = root.find("options")
        assert options is not None
        assert [e.text for e in options.findall("listenAddress")] == [instance.address]
        for name, value in syncthing.OPTIONS.items():
            assert options.findtext(name) == value, name
        assert options.findall("globalAnnounceServer") == []
        gui = root.find("gui")
        assert gui is not None
        assert gui.get("enabled") == "false"
        peers = {d.get("id"): d.findtext("address") for d in root.findall("device")}
        assert all(address is not None and address.startswith("tcp://127.0.0.1:")
                   for address in peers.values())
        (folder,) = root.findall("folder")
        assert folder.get("path") == str(instance.folder)
        assert {d.get("id") for d in folder.findall("device")} == set(peers)
