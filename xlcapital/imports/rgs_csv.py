"""An RGS-coded trial balance as CSV (comma or semicolon separated; columns: :mod:`.trialbalance`).

>>> sniff_delimiter("account;rgs;closing")
';'
>>> looks_like(Path("proefbalans.csv"), b"account,rgs,closing"), looks_like(Path("a.xaf"), b"<?xml")
(True, False)
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from xlcapital.errors import InputError
from xlcapital.fileio import read_text
from xlcapital.imports import messages as say
from xlcapital.imports.model import Ledger
from xlcapital.imports.trialbalance import check_header, ledger_from_rows


def looks_like(path: Path, head: bytes) -> bool:
    """A trial balance as text: by its name (``.csv``, ``.txt``)."""
    return path.suffix.lower() in (".csv", ".txt")


def sniff_delimiter(first_line: str) -> str:
    """``;`` when the header uses semicolons (Dutch Excel's CSV), else ``,``."""
    return ";" if first_line.count(";") > first_line.count(",") else ","


def read(path: str | Path, *, start: date, end: date, name: str) -> Ledger:
    source = str(path)
    text = read_text(path, hint=say.GIVE_A_TRIAL_BALANCE())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text.split("\n", 1)[0]))
    try:
        columns = check_header(next(reader, []), source)
        rows = ((reader.line_num, dict(zip(columns, cells))) for cells in reader)
        return ledger_from_rows(rows, source, start, end, name)
    except csv.Error as exc:
        raise InputError(say.NOT_CSV(why=exc), file=source, line=reader.line_num) from None


__all__ = ["read", "looks_like", "sniff_delimiter"]
