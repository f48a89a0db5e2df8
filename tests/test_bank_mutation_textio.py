"""xlcapital/bank/textio.py: the cases mutation testing found untested (issue 14; docs/development.md,
"Mutation testing"). Every expected value is worked by hand in the test."""

from __future__ import annotations
