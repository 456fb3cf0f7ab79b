"""The program's error messages in the interface language.

The layers below the GUI (no Qt) word their errors in English, for the CLI and the logs of
a script. The GUI shows them through `error_text`, which recognises the messages people meet
at the desk (unlocking, passphrases, forms, records that changed meanwhile) by their English
template and shows the translation, with the template's `{0}`, `{1}` filled from the
message. A message it does not know is shown as it is, in English.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from casetracker.domain.errors import ThrottledError
from casetracker.domain.validation import ValidationError

CONTEXT = "errors"

# The leak guard's refusal, told to staff who may see the record: {0} the withheld field,
# {1} the shared value it showed in (both named in the interface's language).
LEAK_IN = QT_TRANSLATE_NOOP("errors", "nothing was written: the survivor's {0} shows in its {1}, "
                                      "which is shared; change that on the record first")
LEAK = QT_TRANSLATE_NOOP("errors", "nothing was written: the survivor's {0} shows, which is "
                                   "shared; change that on the record first")

# Whole messages, as the services word them; `{n}` stands for any text.
TEMPLATES = (
    QT_TRANSLATE_NOOP("errors", "wrong passphrase for {0}"),
    QT_TRANSLATE_NOOP("errors", "there is no account named {0} in this database"),
    QT_TRANSLATE_NOOP("errors", "there is no active account named {0}"),
    QT_TRANSLATE_NOOP("errors", "the account {0} has been removed"),
    QT_TRANSLATE_NOOP("errors", "that recovery key does not open this database (each recovery "
                                "key works once; after use it is replaced by a new one)"),
    QT_TRANSLATE_NOOP("errors", "the passphrase has {0} characters; use at least {1} (a few "
                                "unrelated words work well)"),
    QT_TRANSLATE_NOOP("errors", "the passphrase has {0} characters; at most {1} are accepted"),
    QT_TRANSLATE_NOOP("errors", "the passphrase repeats one or two characters; choose words"),
    QT_TRANSLATE_NOOP("errors", "that passphrase is on the list of commonly used ones; "
                                "choose another"),
    QT_TRANSLATE_NOOP("errors", "the passphrase must not be the account name"),
    QT_TRANSLATE_NOOP("errors", "the passphrase holds bytes that are not text; UTF-8 is "
                                "expected"),
    QT_TRANSLATE_NOOP("errors", "this database is already open in another Case Tracker "
                                "window; switch to that window, or close it and try again "
                                "(nothing was changed)"),
    QT_TRANSLATE_NOOP("errors", "there is no case {0}"),
    QT_TRANSLATE_NOOP("errors", "case number {0} is already in use"),
    QT_TRANSLATE_NOOP("errors", "an employer named {0} is already listed"),
    QT_TRANSLATE_NOOP("errors", "there is no employer partner {0}"),
    QT_TRANSLATE_NOOP("errors", "that goal no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that milestone no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that document no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that consent no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that workshop no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that task no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that scan no longer exists"),
    QT_TRANSLATE_NOOP("errors", "the report's end date comes before its start date"),
    # Closing, reopening and purging a case (services/survivors.py, services/retention.py).
    QT_TRANSLATE_NOOP("errors", "to purge case {0}, type its case number exactly; nothing was "
                                "removed"),
    QT_TRANSLATE_NOOP("errors", "case {0} is still active: its case manager closes it first; "
                                "nothing was removed"),
    QT_TRANSLATE_NOOP("errors", "closing a case: case {0} is not in your caseload"),
    QT_TRANSLATE_NOOP("errors", "reopening a case: case {0} is not in your caseload"),
    QT_TRANSLATE_NOOP("errors", "closing a case: case {0} is closed; reopen it first"),
    # Sharing (services/sharing.py, export/leak_guard.py, services/consent.py).
    LEAK_IN,
    LEAK,
    QT_TRANSLATE_NOOP("errors", "nothing was written: this survivor's shared profile needs a "
                                "review by their case manager before it can be shared; they "
                                "have been asked to review it"),
    QT_TRANSLATE_NOOP("errors", "there is no consent {0}"),
    # A file the import wizard cannot open (the system's words).
    QT_TRANSLATE_NOOP("errors", "No such file or directory"),
    QT_TRANSLATE_NOOP("errors", "Permission denied"),
    QT_TRANSLATE_NOOP("errors", "Is a directory"),
)

# Every other message the services raise for a person to read, as they word it (found by
# `tests/gui/test_service_errors_language.py`, which walks the services' source and fails on
# a message not listed here or above). Programming errors (ValueError and the like) are not.
SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("errors", "a case manager takes survivors into their own caseload"),
    QT_TRANSLATE_NOOP("errors", "a laptop cannot revoke itself; revoke it from another laptop"),
    QT_TRANSLATE_NOOP("errors", "a laptop does not need to trust itself"),
    QT_TRANSLATE_NOOP("errors", "a laptop of this program is already named {0}; choose another "
                                "name"),
    QT_TRANSLATE_NOOP("errors", "a laptop's name is 1 to 40 characters, without control "
                                "characters"),
    QT_TRANSLATE_NOOP("errors", "an account named {0} exists or existed; choose another"),
    QT_TRANSLATE_NOOP("errors", "cannot read the backup {0}: {1}"),
    QT_TRANSLATE_NOOP("errors", "cannot sort by {0}"),
    QT_TRANSLATE_NOOP("errors", "case {0} has no internship recorded; an internship starts with "
                                "the placement step 'internship'"),
    QT_TRANSLATE_NOOP("errors", "case {0} has no {1} document"),
    QT_TRANSLATE_NOOP("errors", "case {0} is already under legal hold"),
    QT_TRANSLATE_NOOP("errors", "case {0} is not under legal hold"),
    QT_TRANSLATE_NOOP("errors", "case {0} is under legal hold: a supervisor lifts the hold first "
                                "('retention release'); nothing was removed"),
    QT_TRANSLATE_NOOP("errors", "conflict {0} has no value {1}"),
    QT_TRANSLATE_NOOP("errors", "dates are written as one of {0}"),
    QT_TRANSLATE_NOOP("errors", "every backup was made before the latest purge: make a new backup "
                                "first ('backup FILE'), then prune the old ones; nothing was "
                                "removed"),
    QT_TRANSLATE_NOOP("errors", "name either an employer partner or an agency as the recipient"),
    QT_TRANSLATE_NOOP("errors", "no backup at {0}"),
    QT_TRANSLATE_NOOP("errors", "no database at {0}; create one with 'casetracker init'"),
    QT_TRANSLATE_NOOP("errors", "no fonts in casetracker/resources/fonts"),
    QT_TRANSLATE_NOOP("errors", "no laptop of this program is named {0}"),
    QT_TRANSLATE_NOOP("errors", "no sync folder is set for this laptop (Settings)"),
    QT_TRANSLATE_NOOP("errors", "nothing was shared: the survivor agreed to share with {0}, and "
                                "this employer is now called {1}; ask the survivor again"),
    QT_TRANSLATE_NOOP("errors", "nothing was shared: there is no active consent from this "
                                "survivor for this employer (it may be missing, expired or "
                                "revoked); record one on the Consent tab first"),
    QT_TRANSLATE_NOOP("errors", "read back {0} after reopening"),
    QT_TRANSLATE_NOOP("errors", "settle a conflict either by keeping a value or with a new value"),
    QT_TRANSLATE_NOOP("errors", "stopped; nothing was changed"),
    QT_TRANSLATE_NOOP("errors", "that barrier no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that conflict was settled meanwhile"),
    QT_TRANSLATE_NOOP("errors", "that record no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that service is not recorded"),
    QT_TRANSLATE_NOOP("errors", "the audit trail's signing key is not one you endorsed and does "
                                "not descend from one: it may have been replaced; compare its "
                                "fingerprint with the one on your last printed caseload report, "
                                "and restore a backup if they differ"),
    QT_TRANSLATE_NOOP("errors", "the backup did not verify: {0}"),
    QT_TRANSLATE_NOOP("errors", "the backup is damaged: {0}"),
    QT_TRANSLATE_NOOP("errors", "the backup's key file {0} is missing beside it"),
    QT_TRANSLATE_NOOP("errors", "the case manager's session is not open"),
    QT_TRANSLATE_NOOP("errors", "the database could not be read: {0}; run 'casetracker check' or "
                                "restore a backup"),
    QT_TRANSLATE_NOOP("errors", "the database file is plain SQLite, not encrypted"),
    QT_TRANSLATE_NOOP("errors", "the database is busy in another Case Tracker window or command; "
                                "finish or close that one and try again (nothing was changed)"),
    QT_TRANSLATE_NOOP("errors", "the database lacks its vault keys; it was not made by this "
                                "program"),
    QT_TRANSLATE_NOOP("errors", "the demonstration database holds {0} survivors, not 3"),
    QT_TRANSLATE_NOOP("errors", "the disk is full; nothing was saved by this operation ({0})"),
    QT_TRANSLATE_NOOP("errors", "the disk refused a write or a read (it may be full, removed or "
                                "failing); the change was undone and nothing was saved by this "
                                "operation. Free some space or check the drive, then try again "
                                "({0})"),
    QT_TRANSLATE_NOOP("errors", "the document rules ({0}) cannot be read: {1}"),
    QT_TRANSLATE_NOOP("errors", "the enrollment file holds no supervisor account"),
    QT_TRANSLATE_NOOP("errors", "the enrollment file's accounts do not match their key slots"),
    QT_TRANSLATE_NOOP("errors", "the enrollment file's content is incomplete or malformed"),
    QT_TRANSLATE_NOOP("errors", "the export was cancelled; nothing was written"),
    QT_TRANSLATE_NOOP("errors", "the import was cancelled; nothing was imported"),
    QT_TRANSLATE_NOOP("errors", "the key file belongs to a different database"),
    QT_TRANSLATE_NOOP("errors", "the key file has been tampered with or damaged (a sealed key "
                                "does not authenticate); restore it from a backup"),
    QT_TRANSLATE_NOOP("errors", "the key file has no slot for {0}"),
    QT_TRANSLATE_NOOP("errors", "the key slot for {0} does not match the database (the key file "
                                "may have been replaced by an older copy); another account can "
                                "unlock, and a supervisor can then reset this account's "
                                "passphrase"),
    QT_TRANSLATE_NOOP("errors", "the key slot for {0} uses a key derivation cost ({1}) below the "
                                "minimum this program accepts ({2}), so it was not written by a "
                                "release of Case Tracker; it is refused before any passphrase is "
                                "tried. Another account can unlock, and a supervisor can then "
                                "reset this account's passphrase (choose a new one: the old one "
                                "may have been guessed from a copy of the key file)"),
    QT_TRANSLATE_NOOP("errors", "the laptop {0} is already revoked"),
    QT_TRANSLATE_NOOP("errors", "the last supervisor account cannot be given another role"),
    QT_TRANSLATE_NOOP("errors", "the last supervisor account cannot be removed"),
    QT_TRANSLATE_NOOP("errors", "the letter shows the withheld legal name"),
    QT_TRANSLATE_NOOP("errors", "the letter's text lacks the preferred name or the employer"),
    QT_TRANSLATE_NOOP("errors", "the program was locked; nothing was changed"),
    QT_TRANSLATE_NOOP("errors", "the session is closed"),
    QT_TRANSLATE_NOOP("errors", "the sync folder {0} cannot be reached (a USB stick not in, a "
                                "share not mounted?)"),
    QT_TRANSLATE_NOOP("errors", "the sync folder {0} does not exist or is not a folder"),
    QT_TRANSLATE_NOOP("errors", "the temporary folder {0} is readable by others"),
    QT_TRANSLATE_NOOP("errors", "there is no account named {0}"),
    QT_TRANSLATE_NOOP("errors", "there is no active case manager named {0}"),
    QT_TRANSLATE_NOOP("errors", "there is no conflict {0} waiting for you"),
    QT_TRANSLATE_NOOP("errors", "there is no position {0}"),
    QT_TRANSLATE_NOOP("errors", "this database has no recovery key slot"),
    QT_TRANSLATE_NOOP("errors", "this laptop already belongs to a team program"),
    QT_TRANSLATE_NOOP("errors", "this laptop has not joined a team program"),
    QT_TRANSLATE_NOOP("errors", "this laptop has not joined a team program yet"),
    QT_TRANSLATE_NOOP("errors", "this laptop is not in a team program"),
    QT_TRANSLATE_NOOP("errors", "this laptop is not in a team program (a supervisor starts one "
                                "with 'casetracker device enroll NAME --out FILE')"),
    QT_TRANSLATE_NOOP("errors", "to change your own passphrase use 'casetracker user passwd'"),
    QT_TRANSLATE_NOOP("errors", "unknown field: {0}"),
    QT_TRANSLATE_NOOP("errors", "unknown figure {0}"),
    QT_TRANSLATE_NOOP("errors", "unknown or protected field: {0}; the fields are {1}"),
    QT_TRANSLATE_NOOP("errors", "unknown part of {0}: {1}"),
    QT_TRANSLATE_NOOP("errors", "unknown policy setting: {0}"),
    QT_TRANSLATE_NOOP("errors", "unknown setting: {0}"),
    QT_TRANSLATE_NOOP("errors", "you cannot change your own role; another supervisor can"),
    QT_TRANSLATE_NOOP("errors", "you cannot remove your own account"),
    QT_TRANSLATE_NOOP("errors", "{0} already exists; choose another backup file name"),
    QT_TRANSLATE_NOOP("errors", "{0} already exists; joining makes a new database and never "
                                "replaces one"),
    QT_TRANSLATE_NOOP("errors", "{0} already exists; refusing to overwrite it"),
    QT_TRANSLATE_NOOP("errors", "{0} already exists; restore to a new path, or move the old files "
                                "away first"),
    QT_TRANSLATE_NOOP("errors", "cases due for purge: {0}, not {1}; list them with "
                                "'retention due' and confirm with that number; nothing was "
                                "removed"),
    QT_TRANSLATE_NOOP("errors", "{0} does not open with the key in {1} although the passphrase is "
                                "right: the key file is out of date (the database was rekeyed "
                                "since, as when an account is removed) or is from a different "
                                "database, or the account was removed; use the current key file "
                                "or ask a supervisor (if that fails for every account, restore a "
                                "backup)"),
    QT_TRANSLATE_NOOP("errors", "columns headed {0}: {1}, where one was expected; the headings "
                                "are {2}"),
    QT_TRANSLATE_NOOP("errors", "{0} holds the test person's name in plaintext"),
    QT_TRANSLATE_NOOP("errors", "{0} is damaged (its first page does not decrypt although the "
                                "passphrase is right); restore it from a backup"),
    QT_TRANSLATE_NOOP("errors", "{0} is in use or was not closed cleanly ({1} is beside it); "
                                "close the program using it, or restore from a file made by "
                                "'backup'"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a field with parts"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a field; the fields are {1}"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a language code such as 'en' or 'es'"),
    QT_TRANSLATE_NOOP("errors", "{0} is not free text: keep one of the values waiting (--keep "
                                "VALUE_ID), then change it in the record"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a service type of this program"),
    QT_TRANSLATE_NOOP("errors", "{0} must choose a new passphrase first (casetracker user passwd)"),
    QT_TRANSLATE_NOOP("errors", "{0}: write HEADING=FIELD (or HEADING= to leave a column out)"),
    QT_TRANSLATE_NOOP("errors", "the enrollment file's expiry does not read; ask for a new one"),
    QT_TRANSLATE_NOOP("errors", "case {0} has no apprenticeship recorded; an apprenticeship "
                                "starts with the placement step 'apprenticeship'"),
    QT_TRANSLATE_NOOP("errors", "the re-encrypted copy was not complete; nothing was changed"),
    QT_TRANSLATE_NOOP("errors", "to merge, confirm with the case number of the record that goes "
                                "({0})"),
    QT_TRANSLATE_NOOP("errors", "nothing was shared: the survivor's releases for this recipient "
                                "allow less than when this was prepared; prepare it again"),
    QT_TRANSLATE_NOOP("errors", "nothing was shared: the release this was prepared under has "
                                "been revoked or has ended since; prepare it again if another "
                                "release allows it"),
    QT_TRANSLATE_NOOP("errors", "this enrollment file expired on {0} (an enrollment file works "
                                "for {1} days); nothing was written. Ask a supervisor to enroll "
                                "this laptop again (a new file and code)"),
    QT_TRANSLATE_NOOP("errors", "this enrollment file was already used to join a laptop; an "
                                "enrollment file works once. Ask a supervisor to enroll this "
                                "laptop again (a new file and code)"),
    QT_TRANSLATE_NOOP("errors", "a row is imported as a new person ({0}) or left out ({1})"),
    QT_TRANSLATE_NOOP("errors", "case {0} has no placement yet (an internship, apprenticeship or "
                                "job step)"),
    QT_TRANSLATE_NOOP("errors", "the re-encrypted copy did not check ({0}); nothing was changed"),
    QT_TRANSLATE_NOOP("errors", "a record cannot be merged into itself"),
)

# The reasons services give for a form's field, besides those in REASONS.
SERVICE_REASONS = (
    QT_TRANSLATE_NOOP("errors", "a value has the wrong type ({0})"),
    QT_TRANSLATE_NOOP("errors", "belongs to another employer"),
    QT_TRANSLATE_NOOP("errors", "comes from a case review and stays with staff; add a step for "
                                "the survivor in your own words instead"),
    QT_TRANSLATE_NOOP("errors", "holds something that is not an open goal, one of its steps or a "
                                "task for the survivor"),
    QT_TRANSLATE_NOOP("errors", "is before the document was requested"),
    QT_TRANSLATE_NOOP("errors", "is closed"),
    QT_TRANSLATE_NOOP("errors", "is empty: keep one of the values waiting instead"),
    QT_TRANSLATE_NOOP("errors", "is larger than 1 MiB"),
    QT_TRANSLATE_NOOP("errors", "is not a position with {0}"),
    QT_TRANSLATE_NOOP("errors", "must be a PNG or JPEG image"),
    QT_TRANSLATE_NOOP("errors", "the workshop has not taken place yet"),
    QT_TRANSLATE_NOOP("errors", "there is no decision for {0} to withdraw"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a date"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a date (use {1})"),
    QT_TRANSLATE_NOOP("errors", "{0} names an unknown category"),
    QT_TRANSLATE_NOOP("errors", "an apprenticeship step names an apprenticeship position (its "
                                "term and wages are the position's)"),
)

# What a person was refused, as `Session.require`, `Session.deny` and `services/access.py`
# word it: "<action>: <why>" or "<action> needs a <role> account; <name> is a <role>", the
# action being one of ACTIONS (each shown in the interface's language).
DENIALS = (
    QT_TRANSLATE_NOOP("errors", "{0}: coordinators see the employment profile, not the case "
                                "record"),
    QT_TRANSLATE_NOOP("errors", "{0}: case {1} is not in your caseload"),
    QT_TRANSLATE_NOOP("errors", "{0}: supervisors read case records but do not change them"),
    QT_TRANSLATE_NOOP("errors", "{0}: case {1} is closed; reopen it first"),
    QT_TRANSLATE_NOOP("errors", "{0} needs a {1} account; {2} is a {3}"),
    QT_TRANSLATE_NOOP("errors", "{0} is not allowed for a {1} account"),
    QT_TRANSLATE_NOOP("errors", "settling this conflict is not for you: {0}"),
)
ROLE_WORDS = {
    "case manager": QT_TRANSLATE_NOOP("errors", "case manager"),
    "coordinator": QT_TRANSLATE_NOOP("errors", "coordinator"),
    "supervisor": QT_TRANSLATE_NOOP("errors", "supervisor"),
}
EITHER = QT_TRANSLATE_NOOP("errors", "{0} or {1}")
ACTIONS = (
    QT_TRANSLATE_NOOP("errors", "adding a barrier"),
    QT_TRANSLATE_NOOP("errors", "adding a document"),
    QT_TRANSLATE_NOOP("errors", "adding a goal"),
    QT_TRANSLATE_NOOP("errors", "adding a laptop to the team"),
    QT_TRANSLATE_NOOP("errors", "adding a position"),
    QT_TRANSLATE_NOOP("errors", "adding a task"),
    QT_TRANSLATE_NOOP("errors", "adding an account"),
    QT_TRANSLATE_NOOP("errors", "adding an employer partner"),
    QT_TRANSLATE_NOOP("errors", "assigning a case"),
    QT_TRANSLATE_NOOP("errors", "changing a passphrase"),
    QT_TRANSLATE_NOOP("errors", "changing a survivor's profile"),
    QT_TRANSLATE_NOOP("errors", "changing an account's role"),
    QT_TRANSLATE_NOOP("errors", "changing an employer partner"),
    QT_TRANSLATE_NOOP("errors", "changing program settings"),
    QT_TRANSLATE_NOOP("errors", "changing sensitive details"),
    QT_TRANSLATE_NOOP("errors", "changing the letterhead logo"),
    QT_TRANSLATE_NOOP("errors", "changing the retention policy"),
    QT_TRANSLATE_NOOP("errors", "checking the database"),
    QT_TRANSLATE_NOOP("errors", "checking when the last backup was made"),
    QT_TRANSLATE_NOOP("errors", "choosing the steps on a survivor's plan"),
    QT_TRANSLATE_NOOP("errors", "choosing your language"),
    QT_TRANSLATE_NOOP("errors", "comparing team content"),
    QT_TRANSLATE_NOOP("errors", "completing a task"),
    QT_TRANSLATE_NOOP("errors", "countersigning the audit trail"),
    QT_TRANSLATE_NOOP("errors", "deciding a clearance for a restricted employer"),
    QT_TRANSLATE_NOOP("errors", "editing the letter template"),
    QT_TRANSLATE_NOOP("errors", "enrolling a laptop"),
    QT_TRANSLATE_NOOP("errors", "importing survivors"),
    QT_TRANSLATE_NOOP("errors", "joining a team program"),
    QT_TRANSLATE_NOOP("errors", "lifting a legal hold"),
    QT_TRANSLATE_NOOP("errors", "listing accounts"),
    QT_TRANSLATE_NOOP("errors", "listing backups"),
    QT_TRANSLATE_NOOP("errors", "listing employers"),
    QT_TRANSLATE_NOOP("errors", "listing expiring consents"),
    QT_TRANSLATE_NOOP("errors", "listing internships ending soon"),
    QT_TRANSLATE_NOOP("errors", "listing legal holds"),
    QT_TRANSLATE_NOOP("errors", "listing employers' self-assessments due"),
    QT_TRANSLATE_NOOP("errors", "listing positions"),
    QT_TRANSLATE_NOOP("errors", "listing scans"),
    QT_TRANSLATE_NOOP("errors", "listing staff names"),
    QT_TRANSLATE_NOOP("errors", "listing sync conflicts"),
    QT_TRANSLATE_NOOP("errors", "listing tasks"),
    QT_TRANSLATE_NOOP("errors", "listing the caseload"),
    QT_TRANSLATE_NOOP("errors", "listing the program's laptops"),
    QT_TRANSLATE_NOOP("errors", "listing what is due for purge"),
    QT_TRANSLATE_NOOP("errors", "listing who may be referred"),
    QT_TRANSLATE_NOOP("errors", "listing workshops"),
    QT_TRANSLATE_NOOP("errors", "making a backup"),
    QT_TRANSLATE_NOOP("errors", "matching survivors to a position"),
    QT_TRANSLATE_NOOP("errors", "moving a case along the placement pipeline"),
    QT_TRANSLATE_NOOP("errors", "opening a survivor record"),
    QT_TRANSLATE_NOOP("errors", "opening an employment profile"),
    QT_TRANSLATE_NOOP("errors", "opening or closing a position"),
    QT_TRANSLATE_NOOP("errors", "opening the dashboard"),
    QT_TRANSLATE_NOOP("errors", "placing a legal hold"),
    QT_TRANSLATE_NOOP("errors", "preparing the funder report"),
    QT_TRANSLATE_NOOP("errors", "preparing the outcome report"),
    QT_TRANSLATE_NOOP("errors", "printing a consent form"),
    QT_TRANSLATE_NOOP("errors", "printing a survivor's plan"),
    QT_TRANSLATE_NOOP("errors", "pruning backups"),
    QT_TRANSLATE_NOOP("errors", "purging a case"),
    QT_TRANSLATE_NOOP("errors", "purging what is due"),
    QT_TRANSLATE_NOOP("errors", "reading a staff name"),
    QT_TRANSLATE_NOOP("errors", "reading barriers"),
    QT_TRANSLATE_NOOP("errors", "reading case notes"),
    QT_TRANSLATE_NOOP("errors", "reading case reviews"),
    QT_TRANSLATE_NOOP("errors", "reading check-ins"),
    QT_TRANSLATE_NOOP("errors", "reading clearances for restricted employers"),
    QT_TRANSLATE_NOOP("errors", "reading consents"),
    QT_TRANSLATE_NOOP("errors", "reading documents"),
    QT_TRANSLATE_NOOP("errors", "reading goals"),
    QT_TRANSLATE_NOOP("errors", "reading internships"),
    QT_TRANSLATE_NOOP("errors", "reading sensitive details"),
    QT_TRANSLATE_NOOP("errors", "reading tasks"),
    QT_TRANSLATE_NOOP("errors", "reading the audit trail"),
    QT_TRANSLATE_NOOP("errors", "reading the export log"),
    QT_TRANSLATE_NOOP("errors", "reading the letter template"),
    QT_TRANSLATE_NOOP("errors", "reading the letterhead"),
    QT_TRANSLATE_NOOP("errors", "reading the placement pipeline"),
    QT_TRANSLATE_NOOP("errors", "reading the retention policy"),
    QT_TRANSLATE_NOOP("errors", "reading an employer's self-assessments"),
    QT_TRANSLATE_NOOP("errors", "reading the services given"),
    QT_TRANSLATE_NOOP("errors", "reading the sync folder"),
    QT_TRANSLATE_NOOP("errors", "reading the team program's keys"),
    QT_TRANSLATE_NOOP("errors", "reading the team's sync status"),
    QT_TRANSLATE_NOOP("errors", "reading workshop completion"),
    QT_TRANSLATE_NOOP("errors", "reading your language"),
    QT_TRANSLATE_NOOP("errors", "recording a consent"),
    QT_TRANSLATE_NOOP("errors", "recording a service"),
    QT_TRANSLATE_NOOP("errors", "recording an employer's self-assessment"),
    QT_TRANSLATE_NOOP("errors", "recording a workshop"),
    QT_TRANSLATE_NOOP("errors", "recording workshop attendance"),
    QT_TRANSLATE_NOOP("errors", "removing a recorded service"),
    QT_TRANSLATE_NOOP("errors", "removing a workshop session"),
    QT_TRANSLATE_NOOP("errors", "removing an account"),
    QT_TRANSLATE_NOOP("errors", "replacing the audit signer"),
    QT_TRANSLATE_NOOP("errors", "replacing the recovery key"),
    QT_TRANSLATE_NOOP("errors", "resetting another account's passphrase"),
    QT_TRANSLATE_NOOP("errors", "resolving a barrier"),
    QT_TRANSLATE_NOOP("errors", "reviewing a case"),
    QT_TRANSLATE_NOOP("errors", "revoking a consent"),
    QT_TRANSLATE_NOOP("errors", "revoking a laptop"),
    QT_TRANSLATE_NOOP("errors", "preparing a referral letter"),
    QT_TRANSLATE_NOOP("errors", "preparing an employer profile"),
    QT_TRANSLATE_NOOP("errors", "searching"),
    QT_TRANSLATE_NOOP("errors", "setting another person's name and title"),
    QT_TRANSLATE_NOOP("errors", "setting the sync folder"),
    QT_TRANSLATE_NOOP("errors", "setting your name and title"),
    QT_TRANSLATE_NOOP("errors", "settling a sync conflict"),
    QT_TRANSLATE_NOOP("errors", "starting team use"),
    QT_TRANSLATE_NOOP("errors", "syncing with the team"),
    QT_TRANSLATE_NOOP("errors", "taking in a survivor"),
    QT_TRANSLATE_NOOP("errors", "verifying the audit trail"),
    QT_TRANSLATE_NOOP("errors", "viewing a scan"),
    QT_TRANSLATE_NOOP("errors", "withdrawing a clearance"),
    QT_TRANSLATE_NOOP("errors", "writing a case note"),
    QT_TRANSLATE_NOOP("errors", "checking for duplicates"),
    QT_TRANSLATE_NOOP("errors", "ending an apprenticeship"),
    QT_TRANSLATE_NOOP("errors", "looking for duplicate records"),
    QT_TRANSLATE_NOOP("errors", "merging two records"),
    QT_TRANSLATE_NOOP("errors", "naming a placement's supervisor and mentor"),
    QT_TRANSLATE_NOOP("errors", "reading a placement"),
    QT_TRANSLATE_NOOP("errors", "reading a placement's contacts"),
    QT_TRANSLATE_NOOP("errors", "reading apprenticeships"),
    QT_TRANSLATE_NOOP("errors", "reading employer coaching contacts"),
    QT_TRANSLATE_NOOP("errors", "recording an employer coaching contact"),
)

# Why a survivor fits a position (the matching service's words), and its warning.
MATCH_REASONS = (
    QT_TRANSLATE_NOOP("errors", "available {0} h/week"),
    QT_TRANSLATE_NOOP("errors", "available {0} h/week (a little short)"),
    QT_TRANSLATE_NOOP("errors", "can start in time"),
    QT_TRANSLATE_NOOP("errors", "skills: {0}"),
    QT_TRANSLATE_NOOP("errors", "{0} readiness workshop"),
    QT_TRANSLATE_NOOP("errors", "{0} readiness workshops"),
    QT_TRANSLATE_NOOP("errors", "ready for I-9"),
    QT_TRANSLATE_NOOP("errors", "their employment goal names this industry"),
    QT_TRANSLATE_NOOP("errors", "their employment goal names another industry"),
    QT_TRANSLATE_NOOP("errors", "their employment goal names this shift"),
    QT_TRANSLATE_NOOP("errors", "their employment goal names another shift"),
    QT_TRANSLATE_NOOP("errors", "their employment goal names this area"),
    QT_TRANSLATE_NOOP("errors", "has a way to get to this area"),
    QT_TRANSLATE_NOOP("errors", "needs a ride to this area"),
    QT_TRANSLATE_NOOP("errors", "ready to match: completed the readiness track"),
    QT_TRANSLATE_NOOP("errors", "This employer's hiring restrictions may apply. Talk with the "
                                "case manager before referring (a vacatur petition may help). "
                                "The employer is never told why."),
    QT_TRANSLATE_NOOP("errors", "This employer has hiring restrictions: ask the survivor's "
                                "case manager whether this referral fits before making it."),
    QT_TRANSLATE_NOOP("errors", "Cleared by the case manager for this employer."),
    QT_TRANSLATE_NOOP("errors", "You recorded that this employer is not suitable for this "
                                "survivor; the reason is on the record's Sensitive tab."),
)

# What a form's field problem says after the field's name.
REASONS = (
    QT_TRANSLATE_NOOP("errors", "is required"),
    QT_TRANSLATE_NOOP("errors", "choose at least one workshop for the readiness track"),
    QT_TRANSLATE_NOOP("errors", "names a workshop that does not exist"),
    QT_TRANSLATE_NOOP("errors", "a service type needs a name"),
    QT_TRANSLATE_NOOP("errors", "a service type's name is at most {0} characters"),
    QT_TRANSLATE_NOOP("errors", "is already a built-in service type"),
    QT_TRANSLATE_NOOP("errors", "the same service type is listed twice"),
    QT_TRANSLATE_NOOP("errors", "at most {0} service types can be added"),
    QT_TRANSLATE_NOOP("errors", "is longer than {0} characters"),
    QT_TRANSLATE_NOOP("errors", "holds control characters"),
    QT_TRANSLATE_NOOP("errors", "{0} is not an email address"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a phone number"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a date (use YYYY-MM-DD)"),
    QT_TRANSLATE_NOOP("errors", "{0} is after the goal's target date {1}"),
    QT_TRANSLATE_NOOP("errors", "must be between {0} and {1}"),
    QT_TRANSLATE_NOOP("errors", "use 1-32 letters, digits, '-', '_', '/' or '.'"),
    QT_TRANSLATE_NOOP("errors", "is in the future"),
    QT_TRANSLATE_NOOP("errors", "is before 1900"),
    QT_TRANSLATE_NOOP("errors", "choose at least one category to share"),
    QT_TRANSLATE_NOOP("errors", "a consent lasts at most a year; ask again after that"),
    QT_TRANSLATE_NOOP("errors", "must come after the date signed"),
    QT_TRANSLATE_NOOP("errors", "internships in this program are paid"),
    QT_TRANSLATE_NOOP("errors", "say why the person left the pipeline"),
    QT_TRANSLATE_NOOP("errors", "must be in the future for a new goal"),
    QT_TRANSLATE_NOOP("errors", "must be between $0 and $1,000 an hour"),
    QT_TRANSLATE_NOOP("errors", "is before the previous step"),
    QT_TRANSLATE_NOOP("errors", "the case has already exited the pipeline"),
    QT_TRANSLATE_NOOP("errors", "list at most 50 skills of up to 100 characters"),
    *SERVICE_REASONS,
)

# What the spreadsheet import says of a row, a column or the file, after `row N: ` and, for a
# cell, its column (services/importer.py, import_mapping.py, spreadsheet.py); a cell's problem
# may also be one of the REASONS.
IMPORT_REASONS = (
    QT_TRANSLATE_NOOP("errors", "{0} already exists"),
    QT_TRANSLATE_NOOP("errors", "{0} repeats row {1}"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a date (use MM/DD/YYYY)"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a date (use DD/MM/YYYY)"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a number"),
    QT_TRANSLATE_NOOP("errors", "{0} is not one of Labor, Sex, Labor and sex, At risk, Not "
                                "recorded"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a case manager's account"),
    QT_TRANSLATE_NOOP("errors", "a case manager imports into their own caseload only"),
    QT_TRANSLATE_NOOP("errors", "has more cells than the header has columns"),
    QT_TRANSLATE_NOOP("errors", "the file has no rows to import"),
    QT_TRANSLATE_NOOP("errors", "no column fills {0}, which is required"),
    QT_TRANSLATE_NOOP("errors", "columns {0} all fill {1}; choose one"),
    QT_TRANSLATE_NOOP("errors", "the mapping does not match the columns"),
    QT_TRANSLATE_NOOP("errors", "the file is larger than {0} MiB"),
    QT_TRANSLATE_NOOP("errors", "the file is not text in UTF-8, UTF-16 or Windows-1252 (save "
                                "the spreadsheet as 'CSV UTF-8')"),
    QT_TRANSLATE_NOOP("errors", "the file cannot be read as CSV ({0})"),
    QT_TRANSLATE_NOOP("errors", "a cell is longer than {0} KiB; no field of a case record is "
                                "that long"),
    QT_TRANSLATE_NOOP("errors", "the file cannot be read as an Excel workbook ({0})"),
    QT_TRANSLATE_NOOP("errors", "the workbook has no worksheet"),
    QT_TRANSLATE_NOOP("errors", "the workbook has no sheet {0} (it has {1})"),
    QT_TRANSLATE_NOOP("errors", "the workbook unpacks to more than a caseload could hold; save "
                                "the sheet as CSV and import that"),
    QT_TRANSLATE_NOOP("errors", "old Excel files (.xls) cannot be read; save the spreadsheet "
                                "as .xlsx or CSV"),
)
# What a spreadsheet file is, as the import describes it.
FILE_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("errors", "CSV, {0}, comma-separated"),
    QT_TRANSLATE_NOOP("errors", "CSV, {0}, semicolon-separated"),
    QT_TRANSLATE_NOOP("errors", "CSV, {0}, tab-separated"),
    QT_TRANSLATE_NOOP("errors", "Excel workbook, sheet {0}"),
)
ROW_PROBLEM = QT_TRANSLATE_NOOP("errors", "row {0}: {1}")
CELL_PROBLEM = QT_TRANSLATE_NOOP("errors", "row {0}: {1}: {2}")
NOT_IMPORTED = QT_TRANSLATE_NOOP("errors", "nothing was imported; fix these and try again:")
MORE_PROBLEMS = QT_TRANSLATE_NOOP("errors", "… and {0} more")
SHOWN_PROBLEMS = 50  # as many as SpreadsheetError's own message shows

# The fields forms name in their problems.
FIELDS = {
    "preferred_name": QT_TRANSLATE_NOOP("errors", "Preferred name"),
    "case_number": QT_TRANSLATE_NOOP("errors", "Case number"),
    "legal_first_name": QT_TRANSLATE_NOOP("errors", "Legal first name"),
    "legal_last_name": QT_TRANSLATE_NOOP("errors", "Legal last name"),
    "date_of_birth": QT_TRANSLATE_NOOP("errors", "Date of birth"),
    "intake_date": QT_TRANSLATE_NOOP("errors", "Intake date"),
    "phone": QT_TRANSLATE_NOOP("errors", "Phone"),
    "email": QT_TRANSLATE_NOOP("errors", "Email"),
    "address": QT_TRANSLATE_NOOP("errors", "Address"),
    "skills": QT_TRANSLATE_NOOP("errors", "Skills"),
    "hours_per_week": QT_TRANSLATE_NOOP("errors", "Hours per week"),
    "specific": QT_TRANSLATE_NOOP("errors", "Specific"),
    "measurable": QT_TRANSLATE_NOOP("errors", "Measurable"),
    "achievable": QT_TRANSLATE_NOOP("errors", "Achievable"),
    "relevant": QT_TRANSLATE_NOOP("errors", "Relevant"),
    "target_date": QT_TRANSLATE_NOOP("errors", "Target date"),
    "milestone": QT_TRANSLATE_NOOP("errors", "Milestone"),
    "milestone_due_date": QT_TRANSLATE_NOOP("errors", "Milestone due date"),
    "note": QT_TRANSLATE_NOOP("errors", "Note"),
    "text": QT_TRANSLATE_NOOP("errors", "Text"),
    "title": QT_TRANSLATE_NOOP("errors", "Title"),
    "name": QT_TRANSLATE_NOOP("errors", "Name"),
    "label": QT_TRANSLATE_NOOP("errors", "Label"),
    "findings": QT_TRANSLATE_NOOP("errors", "Findings"),
    "recipient": QT_TRANSLATE_NOOP("errors", "Recipient"),
    "categories": QT_TRANSLATE_NOOP("errors", "Categories"),
    "expires_on": QT_TRANSLATE_NOOP("errors", "Expires on"),
    "date": QT_TRANSLATE_NOOP("errors", "Date"),
    "stage": QT_TRANSLATE_NOOP("errors", "Stage"),
    "employer": QT_TRANSLATE_NOOP("errors", "Employer"),
    "reason": QT_TRANSLATE_NOOP("errors", "Reason"),
    "wage": QT_TRANSLATE_NOOP("errors", "Wage"),
    "paid": QT_TRANSLATE_NOOP("errors", "Paid"),
    "assignee": QT_TRANSLATE_NOOP("errors", "Assignee"),
    "completed_on": QT_TRANSLATE_NOOP("errors", "Completed on"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{\d\}", template)
    return re.compile("(.+?)".join(re.escape(part) for part in parts), re.IGNORECASE)


def _translated(text: str, templates: tuple[str, ...]) -> str | None:
    for template in templates:
        match = _pattern(template).fullmatch(text.strip())
        if match:
            return _tr(template).format(*match.groups())
    return None


def translate_message(text: str, templates: tuple[str, ...] = TEMPLATES) -> str:
    """`text` in the interface language if it is one of `templates` (by default any message
    of the services': TEMPLATES, SERVICE_MESSAGES or a refusal), else unchanged."""
    translated = _translated(text, templates)
    if translated is None and templates is TEMPLATES:
        translated = (_translated(text, SERVICE_MESSAGES) or _translated(text, IMPORT_REASONS)
                      or _denied(text))
    return text if translated is None else translated


_ACTION_SOURCES = {a.casefold(): a for a in ACTIONS}


def _part(text: str) -> str:
    """One filled-in part of a refusal in the interface language: an action, a role or roles
    ("case manager or supervisor"), or else as it is (a case number, an account's name)."""
    if text.casefold() in _ACTION_SOURCES:
        return _tr(_ACTION_SOURCES[text.casefold()])
    roles = text.split(" or ")
    if all(r in ROLE_WORDS for r in roles):
        words = [_tr(ROLE_WORDS[r]) for r in roles]
        shown = words[0]
        for word in words[1:]:
            shown = _tr(EITHER).format(shown, word)
        return shown
    return text


def _denied(text: str) -> str | None:
    for template in DENIALS:
        match = _pattern(template).fullmatch(text.strip())
        if match:
            return _tr(template).format(*(_part(g) for g in match.groups()))
    return None


def file_description(text: str) -> str:
    """What a spreadsheet file is (`Table.description`) in the interface language."""
    return translate_message(text, FILE_DESCRIPTIONS)


def import_problem(text: str, fields: dict[str, str] | None = None) -> str:
    """A problem the spreadsheet import found (`row N: reason`, or `row N: column: reason` for a
    cell) in the interface language. A column without a heading is named by its field's name:
    `fields` gives each field's label. Any other message is translated like `error_text`'s."""
    match = re.fullmatch(r"row (\d+): (.+)", text.strip(), re.DOTALL)
    if match is None:
        return translate_message(text)
    number, rest = match.groups()
    known = (*IMPORT_REASONS, *REASONS, *TEMPLATES)
    cut = rest.find(": ")
    while cut != -1:  # the column's heading may hold ": " too: try each place
        reason = _translated(rest[cut + 2:], known)
        if reason is not None:
            column = rest[:cut]
            return _tr(CELL_PROBLEM).format(number, (fields or {}).get(column, column), reason)
        cut = rest.find(": ", cut + 1)
    return _tr(ROW_PROBLEM).format(number, translate_message(rest, known))


FIELD_REASONS = (*REASONS, *IMPORT_REASONS)

# Reasons that read on from the field's name ("Measurable is required"); any other reason is a
# sentence of its own and follows the name after a colon ("Categories: choose at least one").
_CONTINUES = re.compile(r"(is|are|must|holds|has)\b")


def field_problem(field: str, reason: str) -> str:
    """"<field> <reason>", the field named in the interface language. `field` is a service's
    field name ("date_of_birth") or, from a form's own check, the label the form shows."""
    if field in FIELDS:
        name = _tr(FIELDS[field])
    elif field.isidentifier():
        name = field.replace("_", " ").capitalize()
    else:
        name = field
    if _CONTINUES.match(reason.strip()):
        return QCoreApplication.translate("errors", "{0} {1}").format(
            name, translate_message(reason, FIELD_REASONS))
    return QCoreApplication.translate("errors", "{0}: {1}").format(
        name, translate_message(reason, FIELD_REASONS))


def error_text(error: Exception) -> str:
    """What went wrong, as the person reads it: in their language, starting with a capital."""
    # Imported here: the lock screen shows errors too, and needs no spreadsheet reader.
    from casetracker.services.spreadsheet import SpreadsheetError

    if isinstance(error, ValidationError):
        return "\n".join(field_problem(field, reason)
                         for field, reason in error.problems.items())
    if isinstance(error, SpreadsheetError):
        lines = [_tr(NOT_IMPORTED), *map(import_problem, error.problems[:SHOWN_PROBLEMS])]
        if len(error.problems) > SHOWN_PROBLEMS:
            lines.append(_tr(MORE_PROBLEMS).format(len(error.problems) - SHOWN_PROBLEMS))
        text = "\n".join(lines)
        return text[:1].upper() + text[1:]
    if getattr(error, "revealed", False) and isinstance(getattr(error, "field", None), str):
        # The leak guard's refusal (export.leak_guard.LeakError, which the interface does not
        # import): its field names, too, in the interface's language.
        from casetracker.gui.labels import shared_value_name, withheld_field_name

        field = withheld_field_name(str(getattr(error, "field", "")))
        shared = str(getattr(error, "shared", ""))
        text = (_tr(LEAK_IN).format(field, shared_value_name(shared)) if shared
                else _tr(LEAK).format(field))
        return text[:1].upper() + text[1:]
    if isinstance(error, ThrottledError):
        seconds = max(1, round(error.wait_seconds))
        source = "Too many failed attempts. Wait %n second(s) and try again."
        text = QCoreApplication.translate(
            "errors", "Too many failed attempts. Wait %n second(s) and try again.", "", seconds)
        if text != source.replace("%n", str(seconds)):  # translated; else the service's words
            return text
    text = translate_message(str(error))
    return text[:1].upper() + text[1:]
