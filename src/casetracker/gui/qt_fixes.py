"""A work-around for a reference-counting fault in PySide6 6.12 on Python 3.11.

`SignalInstance.emit()` called from Python returns `True` without taking a reference to it,
so each emit takes one reference to `True` away from everyone else. On Python 3.11 `True`
holds a few thousand references when the program starts; once they are used up the
interpreter aborts ("bool_dealloc: deallocating True or False") and the program dies at once,
on a keystroke in a date field or at the end of a long import. (Python 3.12 and later make
`True` immortal, and a fixed PySide returns a reference: then nothing is changed.)

`install()` checks once whether the fault is present and, if so, gives back the reference
each emit takes.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    fired = Signal()


def emit_takes_a_reference() -> bool:
    """Whether emitting a signal from Python loses a reference to `True`."""
    probe = _Probe()
    before = sys.getrefcount(True)
    result = probe.fired.emit()  # type: ignore[func-returns-value]  # it returns True
    del result
    return sys.getrefcount(True) < before


def install() -> bool:
    """Give back what each emit takes, when it takes something. True if installed."""
    global _installed
    if _installed or not emit_takes_a_reference():
        return _installed
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            incref(result)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    return True
