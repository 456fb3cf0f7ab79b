"""Dialogs: each returns its `data()`; the caller hands it to a service."""
