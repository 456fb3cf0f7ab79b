"""How the search index's row ids are laid out (schema 12), shared by its triggers and queries.

A row id is `slot << SLOT_SHIFT | seq`: the kind of text in the high bits, the seq of the
survivor (or of the note) below. In row id order, case numbers come before names and names
before notes, each in the order the cases were opened.
"""

from __future__ import annotations

SLOT_SHIFT = 40  # room for a trillion survivors or notes in each slot
SEQ_MASK = (1 << SLOT_SHIFT) - 1
# Slot 0 the case number, 1 the preferred name alone (all a coordinator may search), 2 the
# preferred and legal names together (so "first last" finds a person whichever name each word
# comes from), 3 a note.
SOURCE_OF_SLOT = ("case_number", "preferred_name", "names", "note")
