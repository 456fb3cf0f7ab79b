"""Schema 20: the survivor's own wording, and review tasks stored without English words.
(Handed out as step 25; the steps must follow on, so it is 20 on this branch.)

- `goals.survivor_wording` and `milestones.survivor_wording`: a goal or a step as the survivor
  reads it on their own plan, in their language, beside the staff wording; empty when the staff
  wording serves. The plan prints it when it exists.
- A supervisor's review actions became tasks titled "Case review: <action>", in English,
  whatever the reader's language. The task now holds the action's own words; that it comes
  from a review is known from `review_actions.task_id`, and each interface adds the words
  ("Case review: …", "Revisión del caso: …") when it shows the task.
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step

OLD_PREFIX = "Case review: "


@step(20)
def survivor_wording(conn: Connection) -> None:
    conn.execute("ALTER TABLE goals ADD COLUMN survivor_wording TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE milestones ADD COLUMN survivor_wording TEXT NOT NULL DEFAULT ''")
    conn.execute(
        "UPDATE tasks SET title = substr(title, ?) WHERE substr(title, 1, ?) = ? "
        "AND id IN (SELECT task_id FROM review_actions WHERE task_id IS NOT NULL)",
        (len(OLD_PREFIX) + 1, len(OLD_PREFIX), OLD_PREFIX))
