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
    # The value's pieces as a letter names them (each skill, each workshop, availability as
    # clauses such as "can start now"), all drawn from the same value as `text`.
    parts: tuple[str, ...] = ()


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

    def parts(self, key: str) -> tuple[str, ...]:
        return next((i.parts or (i.text,) for i in self.items if i.key == key and i.text), ())


@dataclass(frozen=True, slots=True)
class Letterhead:
    organisation: str
    address: str
    phone: str
    signer: str
    logo: bytes = b""  # PNG or JPEG
    signer_title: str = ""

    @property
    def complete(self) -> bool:
        """The organisation's name, address and phone are all set."""
        return all(part.strip() for part in (self.organisation, self.address, self.phone))
