"""Use cases with role checks and auditing; the one door that the GUI and the CLI share."""
