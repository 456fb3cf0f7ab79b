from __future__ import annotations

import re

import pytest

from casetracker.domain.errors import AuthenticationError
from casetracker.security import recovery


def test_generated_keys_read_back_and_are_unique() -> None:
    text, secret = recovery.generate()
    assert re.fullmatch(r"[A-Z2-7]{6}(-[A-Z2-7]{1,6}){5}", text)
    assert recovery.parse(text) == secret
    assert recovery.generate()[1] != secret


def test_typing_variations_are_forgiven() -> None:
    text, secret = recovery.generate()
    assert recovery.parse(text.lower().replace("-", " ")) == secret
    assert recovery.parse(text.replace("O", "0").replace("I", "1")) == secret


def test_a_typo_is_reported_as_a_typo() -> None:
    text, _ = recovery.generate()
    swapped = text[:3] + ("A" if text[3] != "A" else "B") + text[4:]
    with pytest.raises(AuthenticationError, match="typo"):
        recovery.parse(swapped)
    with pytest.raises(AuthenticationError, match="typo"):
        recovery.parse("not a key")
