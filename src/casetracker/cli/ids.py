"""Record ids typed at the command line: what to say when one names nothing."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from casetracker.domain.errors import NotFoundError


@contextlib.contextmanager
def chained(kind: str, record_id: str, listing: str) -> Iterator[None]:
    """Around a service call that takes an id: its "that goal no longer exists" (written for
    a screen, where the record vanished while shown) becomes the id that was typed and where
    ids are listed."""
    try:
        yield
    except NotFoundError:
        raise NotFoundError(f"there is no {kind} {record_id!r}; '{listing}' lists their "
                            "ids") from None
