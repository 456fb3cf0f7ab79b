"""Search as typed runs off the GUI thread: a search a later keystroke made stale is
interrupted or its answer dropped, and the caseload shows the newest answer only.

A fake search service stands in for `services.search.BackgroundSearch`: each search waits
until the test releases it (or until it is interrupted), so the order of events is the
test's, with no timed waits.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from casetracker.domain.survivors import Survivor
from casetracker.gui import main_window
from casetracker.gui.main_window import MainWindow
from casetracker.gui.safety import ClipboardGuard
from casetracker.services import audit, search, survivors
from casetracker.services.search import SearchHit, SearchInterruptedError
from tests.conftest import Team
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE


class SlowSearch:
    """Answers each text with the hits given, once the test releases it; `interruptible`
    says whether `interrupt()` stops the search running (a real one can be between two
    statements, where an interrupt does nothing)."""

    def __init__(self, answers: dict[str, list[SearchHit]], *, interruptible: bool) -> None:
        self.answers = answers
        self.interruptible = interruptible
        self.started: list[str] = []
        self.interrupted: list[str] = []
        self.closed = False
        self._gates = {text: threading.Event() for text in answers}
        self._running: str | None = None
        self._lock = threading.Lock()

    def find(self, text: str, *, limit: int) -> list[SearchHit]:
        with self._lock:
            self.started.append(text)
            self._running = text
        released = self._gates[text].wait(timeout=30)  # a safety net, never the test's clock
        with self._lock:
            self._running = None
            if text in self.interrupted:
                raise SearchInterruptedError("interrupted")
        assert released, f"the test never released {text!r}"
        return self.answers[text]

    def release(self, text: str) -> None:
        self._gates[text].set()

    def interrupt(self) -> None:
        with self._lock:
            if self.interruptible and self._running is not None:
                self.interrupted.append(self._running)
                self._gates[self._running].set()

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def people(team: Team) -> tuple[Survivor, Survivor]:
    rosa = survivors.create_survivor(team.case_manager, survivors.draft(
        "CT-0001", "Rosa", legal_last_name="Quintero"))
    ross = survivors.create_survivor(team.case_manager, survivors.draft(
        "CT-0002", "Ross", legal_last_name="Okafor"))
    return rosa, ross


def hit(survivor: Survivor) -> SearchHit:
    return SearchHit(survivor.id, survivor.case_number, survivor.preferred_name,
                     "preferred_name")


@contextlib.contextmanager
def window_with(qtbot: QtBot, team: Team, finder: SlowSearch,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(main_window.search, "BackgroundSearch", lambda _session: finder)
    window = MainWindow(team.supervisor, ClipboardGuard())
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def shown(window: MainWindow) -> list[str]:
    return [window.model.row_at(n).case_number for n in range(window.model.rowCount())]


@pytest.mark.parametrize("interruptible", [True, False])
def test_only_the_newest_search_reaches_the_caseload(
        qtbot: QtBot, team: Team, people: tuple[Survivor, Survivor],
        monkeypatch: pytest.MonkeyPatch, interruptible: bool) -> None:
    rosa, ross = people
    finder = SlowSearch({"ro": [hit(rosa), hit(ross)], "ros": [hit(ross), hit(rosa)],
                         "ross": [hit(ross)]}, interruptible=interruptible)
    with window_with(qtbot, team, finder, monkeypatch) as window:
        landed: list[str] = []
        window.model.modelReset.connect(lambda: landed.append(window.model.query))

        qtbot.keyClicks(window.search, "ro")
        qtbot.waitUntil(lambda: finder.started == ["ro"])
        # The GUI thread is free while "ro" runs: more keys are typed and handled.
        qtbot.keyClicks(window.search, "s")
        qtbot.waitUntil(lambda: window.searches.generation == 2)
        if interruptible:
            # "ro" stops at once and "ros" starts; the next key stops "ros" too.
            qtbot.waitUntil(lambda: finder.started == ["ro", "ros"])
            qtbot.keyClicks(window.search, "s")
            qtbot.waitUntil(lambda: finder.started == ["ro", "ros", "ross"])
            assert finder.interrupted == ["ro", "ros"]
        else:
            # "ro" goes on running, the next key is handled all the same, and when "ro"
            # finishes its answer is dropped and "ros", already stale, is skipped unrun.
            qtbot.keyClicks(window.search, "s")
            qtbot.waitUntil(lambda: window.searches.generation == 3)
            finder.release("ro")
            qtbot.waitUntil(lambda: finder.started == ["ro", "ross"])
        assert window.search.text() == "ross"
        assert landed == []
        finder.release("ross")
        qtbot.waitUntil(lambda: landed == ["ross"])
        assert shown(window) == ["CT-0002"]

        # Only the search that was shown is in the audit trail.
        with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
            searches = [e for e in audit.recent_entries(session, 50) if e.action == "search"]
        assert [e.details for e in searches] == [{"words": 1, "hits": 1}]
    assert finder.closed  # closing the window closed the search's connection


def test_emptying_the_box_drops_the_search_still_running(
        qtbot: QtBot, team: Team, people: tuple[Survivor, Survivor],
        monkeypatch: pytest.MonkeyPatch) -> None:
    rosa, _ross = people
    finder = SlowSearch({"qu": [hit(rosa)]}, interruptible=False)
    with window_with(qtbot, team, finder, monkeypatch) as window:
        everyone = shown(window)
        qtbot.keyClicks(window.search, "qu")
        qtbot.waitUntil(lambda: finder.started == ["qu"])
        window.search.clear()
        qtbot.waitUntil(lambda: window.searches.generation == 2)
        answered: list[int] = []
        window.searches._worker.found.connect(lambda generation, *_: answered.append(generation))
        finder.release("qu")
        qtbot.waitUntil(lambda: answered == [1])  # the stale answer comes back, and is dropped
        assert window.model.query == ""
        assert shown(window) == everyone


def test_the_real_search_runs_on_its_own_connection(
        qtbot: QtBot, team: Team, people: tuple[Survivor, Survivor]) -> None:
    window = MainWindow(team.supervisor, ClipboardGuard())
    qtbot.addWidget(window)
    qtbot.keyClicks(window.search, "okaf")
    qtbot.waitUntil(lambda: window.model.query == "okaf")
    assert shown(window) == ["CT-0002"]
    window.close()
    # Closed with the window: a search after it would open a connection anew, never reuse one.
    assert window.searches._finder._conn is None  # type: ignore[attr-defined]
    assert search.search(team.supervisor, "okafor")[0].case_number == "CT-0002"
