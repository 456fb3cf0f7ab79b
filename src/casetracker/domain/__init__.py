"""Dataclasses, enums, validation and the field catalog; the standard library only."""
