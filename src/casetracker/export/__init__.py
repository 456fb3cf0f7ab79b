"""Redacted projections and their renderers (PDF, CSV) and the leak guard; imports `domain` only."""
