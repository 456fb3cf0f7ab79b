"""Spanish chosen in Settings stays after the program is started again: in the real program,
with real key presses (see conftest.py). It once stayed English, silently."""

from __future__ import annotations

from collections.abc import Callable

from tests.x11.conftest import RunningApp, wait_for

# The lock screen's first account is the demo's supervisor.
ENGLISH_TITLE = "Case Tracker — dana (supervisor)"
SPANISH_TITLE = "Case Tracker — dana (supervisor/a)"


def test_spanish_is_kept_after_a_restart(start_app: Callable[[], RunningApp]) -> None:
    app = start_app()
    main = app.unlock()
    assert main.title == ENGLISH_TITLE, app.report()
    app.focus(main)
    app.key("alt+t", "s")  # Tools ▸ Settings…
    settings = app.wait_for_window("the Settings dialog", lambda w: w.title == "Settings")
    app.focus(settings)
    # From the first field (idle time) past the organisation's name, address, phone and logo.
    app.key("Tab", "Tab", "Tab", "Tab", "Tab")
    app.type("Esp")  # a combo box picks the entry that starts with what is typed
    app.key("Return")
    wait_for("the Settings dialog to close",
             lambda: all(w.title != "Settings" for w in app.windows()), describe=app.report)
    app = start_app.restart(app)  # type: ignore[attr-defined]
    main = app.unlock()
    assert main.title == SPANISH_TITLE, app.report()
