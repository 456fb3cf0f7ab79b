"""Passphrase policy after NIST SP 800-63B: length, a blocklist, no composition rules.

Passphrases are NFKC-normalised before they are checked or fed to the KDF, so the same
words typed on two keyboards unlock the same slot; nothing is ever truncated.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from casetracker.domain.errors import AuthenticationError, PassphrasePolicyError

MIN_LENGTH = 15
# Not a truncation: longer input is refused, so a pasted file cannot make the KDF chew on
# megabytes and nobody is ever silently cut short.
MAX_LENGTH = 1024


def normalize(passphrase: str) -> str:
    """Return the passphrase in NFKC form: what is checked, and what is derived from."""
    return unicodedata.normalize("NFKC", passphrase)


def secret_bytes(passphrase: str) -> bytes:
    """The passphrase as the key derivation takes it: NFKC, then UTF-8."""
    try:
        return normalize(passphrase).encode("utf-8")
    except UnicodeEncodeError:
        raise AuthenticationError(
            "the passphrase holds bytes that are not text (check the file's or the "
            "variable's encoding: UTF-8 is expected)") from None


def _comparable(text: str) -> str:
    return " ".join(normalize(text).casefold().split())


@cache
def blocklist() -> frozenset[str]:
    """The shipped list of refused passphrases, in comparable form."""
    # Imported here: the lock screen loads this module but checks no new passphrase, and
    # `importlib.resources` costs a few milliseconds of its start-up.
    from importlib import resources

    source = resources.files("casetracker.resources") / "security" / "common-passphrases.txt"
    lines = source.read_text(encoding="utf-8").splitlines()
    return frozenset(
        _comparable(line) for line in lines if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True, slots=True)
class PassphrasePolicy:
    """The rules a new passphrase must meet; `min_length` may be raised by a program."""

    min_length: int = MIN_LENGTH

    def check(self, passphrase: str, *, context: tuple[str, ...] = ()) -> str:
        """Return the normalised passphrase, or raise `PassphrasePolicyError` saying why.

        `context` holds words specific to this account (its name) that must not be the
        passphrase.
        """
        text = normalize(passphrase)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise PassphrasePolicyError(
                "the passphrase holds bytes that are not text; UTF-8 is expected") from None
        length = len(text)
        if length < max(self.min_length, MIN_LENGTH):
            raise PassphrasePolicyError(
                f"the passphrase has {length} characters; use at least "
                f"{max(self.min_length, MIN_LENGTH)} (a few unrelated words work well)"
            )
        if length > MAX_LENGTH:
            raise PassphrasePolicyError(
                f"the passphrase has {length} characters; at most {MAX_LENGTH} are accepted"
            )
        comparable = _comparable(text)
        if len(set(comparable.replace(" ", ""))) <= 2:
            raise PassphrasePolicyError(
                "the passphrase repeats one or two characters; choose words")
        if comparable in blocklist() or comparable.replace(" ", "") in blocklist():
            raise PassphrasePolicyError(
                "that passphrase is on the list of commonly used ones; choose another"
            )
        for word in context:
            if word and _comparable(word) in {comparable, comparable.replace(" ", "")}:
                raise PassphrasePolicyError("the passphrase must not be the account name")
        return text
