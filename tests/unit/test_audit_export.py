"""The audit view's CSV export: progress on the way, a cancel writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.services import audit


def test_write_view_stops_when_told(tmp_path: Path) -> None:
    calls: list[tuple[int, float | None]] = []

    def stop_after_first(rows: int, fraction: float | None) -> bool:
        calls.append((rows, fraction))
        return False

    out = tmp_path / "a.csv"
    rows = [["subject"], *([["=HYPERLINK(x)"]] * 6000)]
    with pytest.raises(audit.ExportCancelledError):
        audit.write_view(out, rows, stop_after_first)
    assert calls == [(5000, 5000 / 6001)]
    assert not out.exists()
    audit.write_view(out, rows)
    assert out.read_text().splitlines()[1] == "'=HYPERLINK(x)"  # formulas stay escaped
