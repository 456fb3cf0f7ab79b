"""Rows of goals (with milestones and check-ins), documents (with scans), notes and tasks."""

from __future__ import annotations

import json
from typing import Any

from casetracker.domain.documents import Attachment, Document, DocumentKind, DocumentStatus
from casetracker.domain.notes import CaseNote, ContactType, Task
from casetracker.domain.plans import CheckIn, Goal, GoalDomain, GoalStatus, Milestone
from casetracker.storage.codec import to_date, to_text
from casetracker.storage.connection import Connection


def _required_date(text: str) -> Any:
    value = to_date(text)
    assert value is not None
    return value


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
            f"target_date, status, created_at FROM goals WHERE {where}", (value,)).fetchall()
        goals = []
        for r in rows:
            milestones = tuple(
                Milestone(m[0], m[1], m[2], _required_date(m[3]), to_date(m[4]))
                for m in self._conn.execute(
                    "SELECT id, goal_id, description, due_date, completed_on FROM milestones "
                    "WHERE goal_id = ? ORDER BY due_date, id", (r[0],)))
            goals.append(Goal(r[0], r[1], GoalDomain(r[2]), r[3], r[4], r[5], r[6],
                              _required_date(r[7]), GoalStatus(r[8]), milestones, r[9]))
        return goals

    def save_goal(self, goal: Goal) -> None:
        """Insert or update the goal row (milestones are saved one by one)."""
        self._conn.execute(
            "INSERT INTO goals (id, survivor_id, domain, specific, measurable, achievable, "
            "relevant, target_date, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET domain = excluded.domain, "
            "specific = excluded.specific, measurable = excluded.measurable, "
            "achievable = excluded.achievable, relevant = excluded.relevant, "
            "target_date = excluded.target_date, status = excluded.status",
            (goal.id, goal.survivor_id, goal.domain.value, goal.specific, goal.measurable,
             goal.achievable, goal.relevant, goal.target_date.isoformat(), goal.status.value,
             goal.created_at))

    def save_milestone(self, milestone: Milestone) -> None:
        self._conn.execute(
            "INSERT INTO milestones (id, goal_id, description, due_date, completed_on) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "description = excluded.description, due_date = excluded.due_date, "
            "completed_on = excluded.completed_on",
            (milestone.id, milestone.goal_id, milestone.description,
             milestone.due_date.isoformat(), to_text(milestone.completed_on)))

    def delete_milestone(self, milestone_id: str) -> None:
        self._conn.execute("DELETE FROM milestones WHERE id = ?", (milestone_id,))

    def milestone(self, milestone_id: str) -> Milestone | None:
        r = self._conn.execute(
            "SELECT id, goal_id, description, due_date, completed_on FROM milestones "
            "WHERE id = ?", (milestone_id,)).fetchone()
        return None if r is None else Milestone(r[0], r[1], r[2], _required_date(r[3]),
                                                to_date(r[4]))

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
            f"for_survivor FROM tasks WHERE {where}", (value,))
        return [Task(r[0], r[1], r[2], _required_date(r[3]), r[4], to_date(r[5]), r[6], r[7],
                     bool(r[8])) for r in rows]


# The search index's row id says which text a row holds (see v002): a survivor's seq * 4 plus
# 0 for the case number, 1 for the preferred name alone, 2 for all the names; a note's seq * 4
# plus 3. Filtering on it needs no read of the row itself.
SOURCE_OF_SLOT = ("case_number", "preferred_name", "names", "note")


class SearchRepository:
    """Full-text search over case numbers, names and notes (FTS5, inside the database)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def search(self, query: str, *, sources: tuple[str, ...], assigned_to: str | None,
               limit: int) -> list[tuple[str, str, int]]:
        """(survivor id, source, index row) of the best matches, at most one per survivor.

        Ranked by bm25 in SQLite's own top-N sort, not FTS5's `ORDER BY rank`: that one sorts
        every match, and with memory security and temp_store=MEMORY each row it sorts is an
        allocation locked and wiped on its own (64 ms against 13 ms for "mar*" at 50,000
        survivors; benchmarks/README.md). The sort keeps only row ids; the survivors of the
        rows kept are read afterwards.
        """
        slots = tuple(SOURCE_OF_SLOT.index(source) for source in sources)
        marks = ", ".join("?" * len(slots))
        # CROSS JOIN keeps the index outermost: run the other way round, FTS5 would evaluate
        # the whole query again for each of the manager's survivors.
        owner = ("CROSS JOIN survivors s ON s.id = si.survivor_id AND s.assigned_to = ?"
                 if assigned_to is not None else "")
        params: tuple[Any, ...] = (assigned_to,) if assigned_to is not None else ()
        rows = [row for (row,) in self._conn.execute(f"""
            SELECT si.rowid FROM search_index si {owner}
            WHERE search_index MATCH ? AND si.rowid % 4 IN ({marks})
            ORDER BY bm25(search_index) LIMIT ?""", (*params, query, *slots, limit * 4))]
        survivor_of = dict(self._conn.execute(
            "SELECT si.rowid, si.survivor_id FROM json_each(?) j "
            "CROSS JOIN search_index si ON si.rowid = j.value", (json.dumps(rows),)))
        best: dict[str, tuple[str, str, int]] = {}
        for row in rows:
            survivor_id = survivor_of.get(row)
            if survivor_id is None:  # removed between the two statements
                continue
            best.setdefault(survivor_id, (survivor_id, SOURCE_OF_SLOT[row % 4], row))
            if len(best) >= limit:
                break
        return list(best.values())

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
