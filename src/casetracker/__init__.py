"""Case Tracker: an offline, encrypted case tracker for safe-jobs programs."""

from __future__ import annotations

__version__ = "0.1.0"
