"""Rows of goals (with milestones and check-ins), documents (with scans), notes and tasks."""

from __future__ import annotations

from typing import Any

from casetracker.domain.documents import Attachment, Document, DocumentKind, DocumentStatus
from casetracker.domain.notes import CaseNote, ContactType, Task
from casetracker.domain.plans import CheckIn, Goal, GoalDomain, GoalStatus, Milestone
from casetracker.storage.codec import to_date, to_text
from casetracker.storage.connection import Connection
from casetracker.storage.search_rows import SEQ_MASK, SLOT_SHIFT, SOURCE_OF_SLOT


def _required_date(text: str) -> Any:
    value = to_date(text)
    assert value is not None
    return value


_MILESTONE_COLUMNS = "id, goal_id, description, due_date, completed_on, survivor_wording"


def _milestone(r: tuple[Any, ...]) -> Milestone:
    return Milestone(r[0], r[1], r[2], _required_date(r[3]), to_date(r[4]), r[5])


class PlanRepository:
    """Goals with their milestones, and progress check-ins."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def goals(self, survivor_id: str) -> list[Goal]:
        return self._goals("survivor_id = ? ORDER BY target_date, created_at", survivor_id)

    def goal(self, goal_id: str) -> Goal | None:
        return next(iter(self._goals("id = ?", goal_id)), None)

    def _goals(self, where: str, value: str) -> list[Goal]:
        rows = self._conn.execute(
            "SELECT id, survivor_id, domain, specific, measurable, achievable, relevant, "
            f"target_date, status, created_at, survivor_wording FROM goals WHERE {where}",
            (value,)).fetchall()
        goals = []
        for r in rows:
            milestones = tuple(
                _milestone(m) for m in self._conn.execute(
                    f"SELECT {_MILESTONE_COLUMNS} FROM milestones "
                    "WHERE goal_id = ? ORDER BY due_date, id", (r[0],)))
            goals.append(Goal(r[0], r[1], GoalDomain(r[2]), r[3], r[4], r[5], r[6],
                              _required_date(r[7]), GoalStatus(r[8]), milestones, r[9],
                              r[10]))
        return goals

    def save_goal(self, goal: Goal) -> None:
        """Insert or update the goal row (milestones are saved one by one)."""
        self._conn.execute(
            "INSERT INTO goals (id, survivor_id, domain, specific, measurable, achievable, "
            "relevant, target_date, status, created_at, survivor_wording) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET domain = excluded.domain, "
            "specific = excluded.specific, measurable = excluded.measurable, "
            "achievable = excluded.achievable, relevant = excluded.relevant, "
            "target_date = excluded.target_date, status = excluded.status, "
            "survivor_wording = excluded.survivor_wording",
            (goal.id, goal.survivor_id, goal.domain.value, goal.specific, goal.measurable,
             goal.achievable, goal.relevant, goal.target_date.isoformat(), goal.status.value,
             goal.created_at, goal.survivor_wording))

    def save_milestone(self, milestone: Milestone) -> None:
        self._conn.execute(
            f"INSERT INTO milestones ({_MILESTONE_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "description = excluded.description, due_date = excluded.due_date, "
            "completed_on = excluded.completed_on, survivor_wording = excluded.survivor_wording",
            (milestone.id, milestone.goal_id, milestone.description,
             milestone.due_date.isoformat(), to_text(milestone.completed_on),
             milestone.survivor_wording))

    def delete_milestone(self, milestone_id: str) -> None:
        self._conn.execute("DELETE FROM milestones WHERE id = ?", (milestone_id,))

    def milestone(self, milestone_id: str) -> Milestone | None:
        r = self._conn.execute(
            f"SELECT {_MILESTONE_COLUMNS} FROM milestones WHERE id = ?",
            (milestone_id,)).fetchone()
        return None if r is None else _milestone(r)

    def add_checkin(self, checkin: CheckIn) -> None:
        self._conn.execute(
            "INSERT INTO checkins (id, goal_id, checked_on, note, author, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (checkin.id, checkin.goal_id, checkin.checked_on.isoformat(), checkin.note,
             checkin.author, checkin.created_at))

    def checkins(self, goal_id: str) -> list[CheckIn]:
        rows = self._conn.execute(
            "SELECT id, goal_id, checked_on, note, author, created_at FROM checkins "
            "WHERE goal_id = ? ORDER BY checked_on, created_at", (goal_id,))
        return [CheckIn(r[0], r[1], _required_date(r[2]), r[3], r[4], r[5]) for r in rows]


_DOC_COLUMNS = ("id, survivor_id, kind, status, label, requested_on, recovered_on, expires_on, "
                "issuer, original_location, notes, updated_at")


def _document(r: tuple[Any, ...]) -> Document:
    return Document(r[0], r[1], DocumentKind(r[2]), DocumentStatus(r[3]), r[4], to_date(r[5]),
                    to_date(r[6]), to_date(r[7]), r[8], r[9], r[10], r[11])


class DocumentRepository:
    """Identity documents and the scans attached to them."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def documents(self, survivor_id: str) -> list[Document]:
        rows = self._conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE survivor_id = ? ORDER BY rowid",
            (survivor_id,))
        return [_document(r) for r in rows]

    def document(self, document_id: str) -> Document | None:
        row = self._conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?",
                                 (document_id,)).fetchone()
        return None if row is None else _document(row)

    def save(self, d: Document) -> None:
        self._conn.execute(
            f"INSERT INTO documents ({_DOC_COLUMNS}) VALUES ({', '.join('?' * 12)}) "
            "ON CONFLICT (id) DO UPDATE SET status = excluded.status, label = excluded.label, "
            "requested_on = excluded.requested_on, recovered_on = excluded.recovered_on, "
            "expires_on = excluded.expires_on, issuer = excluded.issuer, "
            "original_location = excluded.original_location, notes = excluded.notes, "
            "updated_at = excluded.updated_at",
            (d.id, d.survivor_id, d.kind.value, d.status.value, d.label, to_text(d.requested_on),
             to_text(d.recovered_on), to_text(d.expires_on), d.issuer, d.original_location,
             d.notes, d.updated_at))

    def add_attachment(self, attachment: Attachment, content: bytes) -> None:
        self._conn.execute(
            "INSERT INTO attachments (id, document_id, filename, media_type, size, sha256, "
            "content, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (attachment.id, attachment.document_id, attachment.filename, attachment.media_type,
             attachment.size, attachment.sha256, content, attachment.added_at,
             attachment.added_by))

    def attachments(self, document_id: str) -> list[Attachment]:
        rows = self._conn.execute(
            "SELECT id, document_id, filename, media_type, size, sha256, added_at, added_by "
            "FROM attachments WHERE document_id = ? ORDER BY added_at", (document_id,))
        return [Attachment(*r) for r in rows]

    def attachment(self, attachment_id: str) -> tuple[Attachment, bytes] | None:
        r = self._conn.execute(
            "SELECT id, document_id, filename, media_type, size, sha256, added_at, added_by, "
            "content FROM attachments WHERE id = ?", (attachment_id,)).fetchone()
        return None if r is None else (Attachment(*r[:8]), bytes(r[8]))


class NoteRepository:
    """Case notes, tasks and follow-ups."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add_note(self, note: CaseNote) -> None:
        self._conn.execute(
            "INSERT INTO notes (id, survivor_id, written_on, contact_type, text, author, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (note.id, note.survivor_id, note.written_on.isoformat(), note.contact_type.value,
             note.text, note.author, note.created_at))

    def notes(self, survivor_id: str) -> list[CaseNote]:
        rows = self._conn.execute(
            "SELECT id, survivor_id, written_on, contact_type, text, author, created_at "
            "FROM notes WHERE survivor_id = ? ORDER BY written_on DESC, seq DESC",
            (survivor_id,))
        return [CaseNote(r[0], r[1], _required_date(r[2]), ContactType(r[3]), r[4], r[5], r[6])
                for r in rows]

    def save_task(self, task: Task) -> None:
        self._conn.execute(
            "INSERT INTO tasks (id, survivor_id, title, due_date, assignee, done_on, created_by, "
            "created_at, for_survivor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
            "UPDATE SET title = excluded.title, due_date = excluded.due_date, "
            "assignee = excluded.assignee, done_on = excluded.done_on, "
            "for_survivor = excluded.for_survivor",
            (task.id, task.survivor_id, task.title, task.due_date.isoformat(), task.assignee,
             to_text(task.done_on), task.created_by, task.created_at, int(task.for_survivor)))

    def tasks(self, survivor_id: str) -> list[Task]:
        return self._tasks("survivor_id = ? ORDER BY done_on IS NOT NULL, due_date", survivor_id)

    def task(self, task_id: str) -> Task | None:
        return next(iter(self._tasks("id = ?", task_id)), None)

    def open_tasks_for(self, assignee: str) -> list[Task]:
        return self._tasks("assignee = ? AND done_on IS NULL ORDER BY due_date", assignee)

    def _tasks(self, where: str, value: str) -> list[Task]:
        rows = self._conn.execute(
            "SELECT id, survivor_id, title, due_date, assignee, done_on, created_by, created_at, "
            "for_survivor, EXISTS (SELECT 1 FROM review_actions a WHERE a.task_id = tasks.id) "
            f"FROM tasks WHERE {where}", (value,))
        return [Task(r[0], r[1], r[2], _required_date(r[3]), r[4], to_date(r[5]), r[6], r[7],
                     bool(r[8]), bool(r[9])) for r in rows]


class SearchRepository:
    """Full-text search over case numbers, names and notes (FTS5, inside the database)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def search(self, query: str, *, sources: tuple[str, ...], assigned_to: str | None,
               limit: int) -> list[tuple[str, str, int]]:
        """(survivor id, source, index row) of the first `limit` survivors matched, at most one
        row each: case numbers first, then preferred names, names and notes, each in the order
        the cases were opened.

        Row id order is the index's own, so FTS5 hands the rows over as it reads them and the
        reading stops once `limit` survivors are found: a broad prefix costs what is shown,
        not what matches. A ranking such as bm25 would need every match first: in a synthetic
        caseload of 50,000 survivors, "th"* matches 130,000 rows of names and notes.
        """
        slots = sorted({SOURCE_OF_SLOT.index(source) for source in sources})
        note = SOURCE_OF_SLOT.index("note")
        best: dict[str, tuple[str, str, int]] = {}
        names = [slot for slot in slots if slot != note]
        if names:
            # A name's row id holds its survivor's seq: one lookup by row id, no read of the
            # index's own row (through its survivor_id column, a case manager's "ma" took 40 ms
            # instead of 1 at 50,000 survivors).
            self._collect(best, limit, query, names, assigned_to, f"""
                SELECT si.rowid, s.id FROM search_index si
                CROSS JOIN survivors s ON s.seq = si.rowid & {SEQ_MASK} {{owner}}""")
        if note in slots and len(best) < limit:
            self._collect(best, limit, query, [note], assigned_to, f"""
                SELECT si.rowid, s.id FROM search_index si
                CROSS JOIN notes n ON n.seq = si.rowid & {SEQ_MASK}
                CROSS JOIN survivors s ON s.id = n.survivor_id {{owner}}""")
        return list(best.values())

    def _collect(self, best: dict[str, tuple[str, str, int]], limit: int, query: str,
                 slots: list[int], assigned_to: str | None, select: str) -> None:
        """Add to `best` the survivors matched in `slots`, in row id order, until `limit`."""
        # One range of row ids per run of slots (the coordinator's two are one run), which
        # FTS5 seeks to instead of filtering row by row.
        low, high = slots[0] << SLOT_SHIFT, (slots[-1] + 1) << SLOT_SHIFT
        gaps = "" if slots == list(range(slots[0], slots[-1] + 1)) else (
            f" AND (si.rowid >> {SLOT_SHIFT}) IN ({', '.join(map(str, slots))})")
        # CROSS JOIN keeps the index outermost and in its own order, so no sort is needed and
        # reading stops when enough are found: run the other way round, FTS5 would evaluate
        # the whole query again for each of the manager's survivors.
        owner = "AND s.assigned_to = ?" if assigned_to is not None else ""
        params: tuple[Any, ...] = (assigned_to,) if assigned_to is not None else ()
        cursor = self._conn.execute(f"""{select.format(owner=owner)}
            WHERE search_index MATCH ? AND si.rowid >= ? AND si.rowid < ?{gaps}
            ORDER BY si.rowid""", (*params, query, low, high))
        try:
            for row, survivor_id in cursor:
                best.setdefault(survivor_id, (survivor_id, SOURCE_OF_SLOT[row >> SLOT_SHIFT], row))
                if len(best) >= limit:
                    break
        finally:
            cursor.close()  # FTS5 reads no further

    def snippets(self, query: str, rows: list[int]) -> dict[int, str]:
        """The matched words of each of `rows` (from `search`) in context, marked [like this]."""
        if not rows:
            return {}
        marks = ", ".join("?" * len(rows))
        # The unary plus keeps the row ids from FTS5, which would run the whole query once per
        # id; SQLite checks them against the matches instead.
        return dict(self._conn.execute(f"""
            SELECT rowid, snippet(search_index, 2, '[', ']', '…', 8) FROM search_index
            WHERE search_index MATCH ? AND +rowid IN ({marks})""", (query, *rows)))
