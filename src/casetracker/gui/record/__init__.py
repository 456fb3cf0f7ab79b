"""The survivor record: a header with the safe-contact rules, and one tab per part."""
