"""Whether a database holds demonstration data, recorded in its own metadata.

A demonstration database's passphrases may be printed in the README; every screen that shows it
says so, so that no one enters a real survivor into it. The mark lives inside the encrypted
database, so it travels with backups and copies.
"""

from __future__ import annotations

from casetracker.services.session import Session
from casetracker.storage.repositories import MetaRepository

DEMO_KEY = "demonstration_data"


def mark(session: Session) -> None:
    """Record that this database holds only synthetic people (done when a demo is made)."""
    with session.changing():
        MetaRepository(session.conn).set(DEMO_KEY, b"1")
        session.audit("vault.mark_demonstration", None)


def is_demo(session: Session) -> bool:
    """True for a database made as a demonstration."""
    return MetaRepository(session.conn).get(DEMO_KEY) == b"1"
