"""SQLCipher connections, migrations and repositories."""
