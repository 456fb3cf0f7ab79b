"""Converting between database columns and domain values."""

from __future__ import annotations

import json
from datetime import date


def to_text(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def to_date(text: str | None) -> date | None:
    return None if text is None or text == "" else date.fromisoformat(text)


def to_json_list(items: tuple[str, ...]) -> str:
    return json.dumps(list(items), ensure_ascii=False)


def from_json_list(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    value = json.loads(text)
    return tuple(str(v) for v in value) if isinstance(value, list) else ()
