"""`python -m casetracker` runs the command-line interface."""

from __future__ import annotations

import sys

from casetracker.cli import main

sys.exit(main())
