"""Passphrase policy, key derivation, key slots, recovery keys, lockout and the audit chain."""
