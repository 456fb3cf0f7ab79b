"""The redacted projection: the only thing a renderer ever receives about a survivor.

It is built from values that have already passed the field catalog's allowlist, the export
profile and the survivor's consent; each item remembers the catalog field it came from and
why it is included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from casetracker.domain.catalog import Category


@dataclass(frozen=True, slots=True)
class Item:
    key: str            # catalog key, e.g. survivor.skills
    category: Category
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Projection:
    """What may be shared, with the facts of the sharing itself."""

    recipient: str
    consent_signed_on: date
    consent_expires_on: date
    items: tuple[Item, ...] = field(default_factory=tuple)

    def value(self, key: str) -> str:
        return next((i.text for i in self.items if i.key == key), "")

    def has(self, category: Category) -> bool:
        return any(i.category is category for i in self.items)

    def keys(self) -> tuple[str, ...]:
        return tuple(i.key for i in self.items)


@dataclass(frozen=True, slots=True)
class Letterhead:
    organisation: str
    address: str
    phone: str
    signer: str
    logo: bytes = b""  # PNG or JPEG
