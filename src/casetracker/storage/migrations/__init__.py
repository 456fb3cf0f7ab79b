"""Schema migrations keyed by `PRAGMA user_version`, one transaction per step.

Each step lives in its own module `vNNN_*.py` and registers itself with `@step(N)`; step N
upgrades a database at version N-1 to N. A database newer than `LATEST` is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from casetracker.domain.errors import NewerVersionError
from casetracker.storage.connection import Connection, transaction
from casetracker.storage.migrations import (
    v001_vault,
    v002_case_records,
    v003_settings,
    v004_employment,
    v005_sharing,
    v006_reviews,
    v007_report_indexes,
    v008_dashboard_indexes,
    v009_dashboard_counts,
    v010_audit_protection,
    v011_change_capture,
    v012_service_log,
    v013_internships,
    v014_staff_names,
    v015_search_prefixes,
    v016_survivor_facing,
    v017_sync_review,
    v018_team_membership,
    v019_retention,
    v020_survivor_wording,
    v021_pipeline,
    v022_team_recovery,
    v023_employer_commitments,
    v024_releases,
    v025_account_signatures,
    v026_program_settings_travel,
)
from casetracker.storage.migrations.registry import STEPS, step

# Importing a step module registers it; listing them here also keeps the import in place.
STEP_MODULES = (v001_vault, v002_case_records, v003_settings, v004_employment, v005_sharing,
                v006_reviews, v007_report_indexes, v008_dashboard_indexes,
                v009_dashboard_counts, v010_audit_protection, v011_change_capture,
                v012_service_log, v013_internships, v014_staff_names, v015_search_prefixes,
                v016_survivor_facing, v017_sync_review, v018_team_membership, v019_retention,
                v020_survivor_wording, v021_pipeline, v022_team_recovery,
                v023_employer_commitments, v024_releases,
                v025_account_signatures, v026_program_settings_travel)

__all__ = ["LATEST", "STEPS", "STEP_MODULES", "migrate", "schema_version", "step"]

LATEST = max(STEPS)


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: Connection,
    *,
    before_upgrade: Callable[[int], None] | None = None,
    steps: Mapping[int, Callable[[Connection], None]] = STEPS,
) -> tuple[int, int]:
    """Bring the database to the newest schema in `steps`; return (old, new) versions.

    `before_upgrade(old_version)` runs once before the first step on a database that already
    holds data (it makes the backup copy); a new, empty database needs none. Then the
    dashboard's triggers are rebuilt if they were made from other domain rules than today's,
    and the change-capture triggers if they were made for other columns.
    """
    latest = max(steps)
    current = schema_version(conn)
    if current > latest:
        raise NewerVersionError(
            f"this database was written by a newer Case Tracker (schema {current}; this version "
            f"understands up to {latest}); update Case Tracker to open it"
        )
    if current < latest and current > 0 and before_upgrade is not None:
        before_upgrade(current)
    # In order; a number no step has (branches numbered apart, renumbered at merge) is passed.
    for version in sorted(v for v in steps if current < v <= latest):
        with transaction(conn):
            steps[version](conn)
            conn.execute(f"PRAGMA user_version = {version}")
    # Not a schema change: triggers that copy a domain rule into SQL follow the rule, and
    # change capture follows the declared replicated columns.
    v009_dashboard_counts.rebuild_if_stale(conn)
    v011_change_capture.rebuild_if_stale(conn)
    return current, latest
