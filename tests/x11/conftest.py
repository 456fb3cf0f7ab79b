"""The real program in a real X server (Xvfb), driven by real key presses and clicks (xdotool).

Offscreen tests send Qt events from inside the program; here the X server makes them, so
they reach the program the way a keyboard's and a mouse's do. One Xvfb serves the whole run,
on a display number it chooses itself (-displayfd), so parallel runs never collide. Each test
starts the program on its own copy of a demo database. Nothing waits a fixed time: every wait
polls for what it waits for, with a generous deadline for a busy machine.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest

from casetracker.security.kdf import MINIMUM

PASSPHRASE = "violet harbour lantern quietly 42"
DEADLINE = 60.0  # seconds: far above what any step takes, so only a real failure fails
T = TypeVar("T")


def _missing_tools() -> list[str]:
    return [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]


def wait_for(what: str, check: Callable[[], T | None], timeout: float = DEADLINE,
             describe: Callable[[], str] = lambda: "") -> T:
    """Poll `check` until it returns something other than None or False."""
    end = time.monotonic() + timeout
    pause = 0.01
    while True:
        result = check()
        if result is not None and result is not False:
            return result
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting {timeout:.0f} s for {what}. {describe()}")
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


@pytest.fixture(scope="session")
def display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private X server for the run: its DISPLAY value."""
    missing = _missing_tools()
    if missing:
        pytest.skip(f"{' and '.join(missing)} not installed (packaging/debian-packages.txt)")
    log = tmp_path_factory.mktemp("xvfb") / "xvfb.log"
    read_end, write_end = os.pipe()
    with log.open("wb") as out:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_end,), stdin=subprocess.DEVNULL, stdout=out, stderr=out)
    os.close(write_end)
    try:
        # Xvfb writes its display number once it accepts connections.
        number = b""
        end = time.monotonic() + DEADLINE
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], max(0.0, end - time.monotonic()))
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                raise AssertionError(f"Xvfb did not start: {log.read_text(errors='replace')}")
            number += chunk
        yield f":{number.decode().strip()}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database for the run; each test gets a copy. Its key slots cost the least
    the program as shipped accepts (test-cost slots it refuses), which it raises to its own
    cost at the first unlock (about 0.2 s)."""
    from casetracker.services import demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    demo.create_demo(path, 12, passphrase=PASSPHRASE, kdf=MINIMUM, seed=7)
    return path


@dataclass(frozen=True)
class Window:
    id: str
    title: str


class RunningApp:
    """The program running on the test's X server, and the xdotool commands that drive it."""

    def __init__(self, display: str, db: Path, home: Path) -> None:
        self.display = display
        self.db = db
        self.stdout = home / "stdout.txt"
        self.stderr = home / "stderr.txt"
        runtime = home / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)  # a restart on the same files reuses it
        keep = ("PATH", "SYSTEMROOT", "TMPDIR", "PYTHONPATH", "VIRTUAL_ENV")
        self.env = {name: os.environ[name] for name in keep if name in os.environ}
        self.env.update(
            DISPLAY=display, QT_QPA_PLATFORM="xcb",
            # The developer's own settings, language and desktop session stay out of it.
            HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
            XDG_RUNTIME_DIR=str(runtime), LANG="C.UTF-8", LC_ALL="C.UTF-8", LANGUAGE="en",
            NO_AT_BRIDGE="1", PYTHONUNBUFFERED="1")
        with self.stdout.open("wb") as out, self.stderr.open("wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "casetracker", "--db", str(db)],
                env=self.env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                start_new_session=True)

    # -- what is on screen ---------------------------------------------------------------------

    def xdotool(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                              timeout=DEADLINE)
        if check and done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)}: {done.stderr.decode().strip()}")
        return done.stdout.decode("utf-8", errors="replace")

    def windows(self) -> list[Window]:
        """The program's windows that are mapped (on screen) now."""
        # xdotool exits 1 when it finds none.
        found = self.xdotool("search", "--onlyvisible", "--pid", str(self.process.pid),
                             check=False).split()
        titles = []
        for window in found:
            title = self.xdotool("getwindowname", window, check=False).strip()
            titles.append(Window(window, title))
        return titles

    def report(self) -> str:
        return (f"windows on screen: {self.windows() if self.running() else 'none'}; "
                f"exit status: {self.process.poll()}; "
                f"program's stderr: {self.stderr.read_text(errors='replace')[-3000:]!r}")

    def running(self) -> bool:
        return self.process.poll() is None

    def wait_for_window(self, what: str, match: Callable[[Window], bool]) -> Window:
        def found() -> Window | None:
            if not self.running():
                raise AssertionError(f"the program ended while waiting for {what}. "
                                     f"{self.report()}")
            return next((w for w in self.windows() if match(w)), None)

        return wait_for(what, found, describe=self.report)

    # -- what a person does --------------------------------------------------------------------

    def focus(self, window: Window) -> None:
        """Give `window` the keyboard, as a window manager does when it is clicked."""
        self.xdotool("windowfocus", "--sync", window.id)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "2", "--", text)

    def key(self, *keys: str) -> None:
        """Press and release each key in turn (xdotool's usual 12 ms apart)."""
        self.xdotool("key", "--", *keys)

    def unlock(self, account: str | None = None) -> Window:
        """Type the passphrase on the lock screen (as `account`, else its first account) and
        wait for the main window."""
        lock = self.wait_for_window("the lock screen", lambda w: w.title == "Case Tracker")
        self.focus(lock)
        if account is not None:  # back from the passphrase to the list of accounts
            self.key("shift+Tab")
            self.type(account)  # a combo box picks the entry that starts with what is typed
            self.key("Tab")
        self.type(PASSPHRASE)
        self.key("Return")

        def main_window_alone() -> Window | None:
            if not self.running():
                raise AssertionError(f"the program ended while unlocking. {self.report()}")
            shown = self.windows()
            if len(shown) == 1 and shown[0].title.startswith("Case Tracker — "):
                return shown[0]
            return None

        return wait_for("the main window, and the lock screen gone", main_window_alone,
                        describe=self.report)

    # -- the end -------------------------------------------------------------------------------

    def stop(self) -> None:
        if self.running():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=DEADLINE)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture
def start_app(display: str, demo_database: Path,
              tmp_path: Path) -> Iterator[Callable[[], RunningApp]]:
    """Starts the program on a fresh copy of the demo database; stops it after the test."""
    started: list[RunningApp] = []

    def start() -> RunningApp:
        folder = tmp_path / f"run{len(started)}"
        folder.mkdir()
        for source in demo_database.parent.iterdir():
            if source.name.startswith(demo_database.name):
                shutil.copy(source, folder / source.name)
        app = RunningApp(display, folder / demo_database.name, folder)
        started.append(app)
        return app

    def restart(app: RunningApp) -> RunningApp:
        """The program started again on the same database and the same home (its settings)."""
        app.stop()
        again = RunningApp(display, app.db, app.db.parent)
        started.append(again)
        return again

    start.restart = restart  # type: ignore[attr-defined]
    yield start
    for app in started:
        app.stop()
