"""Quick exit in the real program, with real key presses and a real click (see conftest.py).

Esc twice once passed every offscreen test and did nothing on a real keyboard; quick exit once
left a full-size lock screen listing the staff on a desktop without a window manager (such as
this X server). These tests are what a person at the keyboard would see.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.x11.conftest import RunningApp, wait_for


def assert_hidden_and_locked(app: RunningApp) -> None:
    """Nothing of the program on screen, and the database closed."""
    # Quick exit hides every window, closes the database and then ends the program
    # (gui/controller.py), so the lock screen comes back only when it is started again.
    wait_for("the program to hide everything and end", lambda: not app.running(),
             describe=app.report)
    code = app.process.returncode
    errors = app.stderr.read_text(errors="replace")
    assert code == 0, app.report()
    assert "Traceback" not in errors, errors
    # SQLite folds the write-ahead log back and deletes it when the last connection closes
    # properly; a program that died or still had the database open would leave it.
    assert not app.db.with_name(app.db.name + "-wal").exists()


def test_esc_twice_in_the_search_box(start_app: Callable[[], RunningApp]) -> None:
    app = start_app()
    main = app.unlock()
    app.focus(main)
    app.type("ana")  # the search box has the focus: someone was looking a case up
    app.key("Escape", "Escape")
    assert_hidden_and_locked(app)


def test_esc_twice_in_the_caseload_table(start_app: Callable[[], RunningApp]) -> None:
    app = start_app()
    main = app.unlock()
    app.focus(main)
    app.key("Tab", "Tab", "Down")  # search box, status filter, caseload: a row chosen
    app.key("Escape", "Escape")
    assert_hidden_and_locked(app)


def test_one_esc_is_not_enough(start_app: Callable[[], RunningApp]) -> None:
    app = start_app()
    main = app.unlock()
    app.focus(main)
    app.key("Escape")
    # Ctrl+L locks (the lock screen replaces the main window): once that is seen, the Esc
    # before it has been handled, and it did not hide anything.
    app.key("ctrl+l")
    app.wait_for_window("the lock screen after Ctrl+L", lambda w: w.title == "Case Tracker")
    assert app.running()
    assert [w.title for w in app.windows()] == ["Case Tracker"]


def test_clicking_the_red_button_at_1024x768(start_app: Callable[[], RunningApp]) -> None:
    app = start_app()
    main = app.unlock()
    app.xdotool("windowsize", "--sync", main.id, "1024", "768")
    wait_for("the window to be 1024 x 768", lambda: "1024x768" in app.xdotool(
        "getwindowgeometry", main.id), describe=app.report)
    # Quick exit sits at the right end of the menu bar (about 120 x 21 pixels).
    app.xdotool("mousemove", "--window", main.id, "--sync", str(1024 - 60), "10")
    app.xdotool("click", "1")
    assert_hidden_and_locked(app)
