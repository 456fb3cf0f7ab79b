"""Errors a person can cause or meet, each carrying a message fit to show them."""

from __future__ import annotations


class CaseTrackerError(Exception):
    """Base of every error whose message is written for the person using the program."""


class UsageError(CaseTrackerError):
    """The command or call was put together wrongly (the CLI exits 2)."""


class NotFoundError(CaseTrackerError):
    """A database, account or record that was asked for does not exist."""


class AlreadyExistsError(CaseTrackerError):
    """Something would be overwritten that must not be."""


class AuthenticationError(CaseTrackerError):
    """A passphrase or recovery key did not unlock the vault."""


class ThrottledError(AuthenticationError):
    """Too many failed attempts: the next one must wait."""

    def __init__(self, message: str, wait_seconds: float) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class PassphrasePolicyError(CaseTrackerError):
    """A new passphrase does not meet the policy."""


class PermissionDeniedError(CaseTrackerError):
    """The acting account's role does not allow this."""


class KeyFileError(CaseTrackerError):
    """The key-slot file is missing, damaged, tampered with or from a newer version."""


class DatabaseDamagedError(CaseTrackerError):
    """The database file is damaged (or the key is wrong, where that cannot be told apart)."""


class DatabaseInUseError(CaseTrackerError):
    """Another Case Tracker window already has this database open."""


class NewerVersionError(CaseTrackerError):
    """A file was written by a newer Case Tracker than this one."""


class PassphraseChangeRequiredError(CaseTrackerError):
    """The account must choose a new passphrase before it can do anything else."""


class OperationCancelledError(CaseTrackerError):
    """The person stopped a long operation; what it had begun was undone."""
