"""Real Syncthing instances for the transport test, set up the way README "Team use" tells an
office to: one shared folder, each device knowing the other's id and address, and global and
local discovery, relays, NAT traversal, usage and crash reporting and auto-upgrade off.

Here the addresses are 127.0.0.1 and random free ports, each instance's home (keys, config,
index database, log) is the test's own, and the web GUI is off, so an instance opens one
listening socket, on the loopback interface.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

FOLDER_ID = "casetracker-bundles"

# Options set in <options>, each the safe value for an office: nothing leaves the LAN, nothing
# reports home, nothing changes the binary under the program.
OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",  # usage reporting refused for good (0 would ask again)
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
    "announceLANAddresses": "false",
    "reconnectionIntervalS": "1",  # test speed: redial a peer that was not listening yet
}


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (the instance binds it a moment later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def binary() -> str | None:
    return shutil.which("syncthing")


def _env(home: Path) -> dict[str, str]:
    # HOME too: nothing of Syncthing's may land in the real user's directories.
    return dict(os.environ, HOME=str(home), STNODEFAULTFOLDER="1", STNOUPGRADE="1",
                STNORESTART="1")


@dataclass
class Instance:
    name: str
    home: Path
    folder: Path
    port: int = field(default_factory=free_port)
    device_id: str = ""
    process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.home / "syncthing.log"

    def generate(self) -> None:
        """Keys and a default config (`syncthing generate`), then this laptop's device id."""
        self.home.mkdir(parents=True)
        subprocess.run([binary() or "syncthing", "generate", "--home", str(self.home),
                        "--no-default-folder", "--skip-port-probing"], env=_env(self.home),
                       check=True, capture_output=True, timeout=120)
        # The config Syncthing just generated in the test's own directory.
        device = ET.parse(self.home / "config.xml").getroot().find("device")  # noqa: S314
        assert device is not None
        self.device_id = device.attrib["id"]

    def configure(self, peer: Instance) -> None:
        """Edit config.xml: loopback listening, the peer's id and address, one shared folder,
        every way out of the LAN off, no GUI."""
        path = self.home / "config.xml"
        tree = ET.parse(path)  # noqa: S314 - generated in the test's own directory
        root = tree.getroot()
        options = root.find("options")
        assert options is not None
        for tag in ("listenAddress", "globalAnnounceServer", "stunServer"):
            for element in options.findall(tag):
                options.remove(element)
        ET.SubElement(options, "listenAddress").text = self.address
        for name, value in OPTIONS.items():
            element = options.find(name)
            if element is None:
                element = ET.SubElement(options, name)
            element.text = value
        gui = root.find("gui")
        assert gui is not None
        gui.set("enabled", "false")
        address = gui.find("address")
        if address is not None:
            address.text = "127.0.0.1:0"
        for device in root.findall("device"):
            if device.attrib["id"] == self.device_id:
                device.set("name", self.name)
                _set(device, "address", self.address)
        other = ET.SubElement(root, "device", id=peer.device_id, name=peer.name,
                              compression="metadata", introducer="false")
        _set(other, "address", peer.address)
        for folder in root.findall("folder"):
            root.remove(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".stfolder").mkdir(exist_ok=True)  # the folder's marker
        shared = ET.Element("folder", id=FOLDER_ID, label="Case Tracker bundles",
                            path=str(self.folder), type="sendreceive",
                            rescanIntervalS="2", fsWatcherEnabled="true",
                            fsWatcherDelayS="1", ignorePerms="false")
        ET.SubElement(shared, "filesystemType").text = "basic"
        for device_id in (self.device_id, peer.device_id):
            ET.SubElement(shared, "device", id=device_id, introducedBy="")
        root.insert(0, shared)
        tree.write(path, encoding="utf-8", xml_declaration=False)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [binary() or "syncthing", "serve", "--home", str(self.home), "--no-browser",
             "--no-restart", "--no-upgrade", "--logfile", str(self.log), "--logflags", "3"],
            env=_env(self.home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        if not self.log.exists():
            return f"{self.name}: no log"
        text = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(f"{self.name}: {line}" for line in text[-lines:])


def _set(parent: ET.Element, tag: str, text: str) -> None:
    for element in parent.findall(tag):
        parent.remove(element)
    ET.SubElement(parent, tag).text = text


def pair(root: Path) -> tuple[Instance, Instance]:
    """Two configured instances (not started), sharing the folder `root/<name>/folder`."""
    a = Instance("laptop-a", root / "a" / "syncthing", root / "a" / "folder")
    b = Instance("laptop-b", root / "b" / "syncthing", root / "b" / "folder")
    a.generate()
    b.generate()
    a.configure(b)
    b.configure(a)
    return a, b
