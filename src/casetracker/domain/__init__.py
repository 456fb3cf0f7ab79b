"""Dataclasses, enums, validation and the field catalog. Imports nothing but the standard library."""
