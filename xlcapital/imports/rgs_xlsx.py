"""An RGS-coded trial balance as an Excel workbook: the first sheet, columns of :mod:`.trialbalance`.

Read with openpyxl in read-only mode (cells as values, never formulas run). Numbers in cells are
taken through their shortest repr (what the user typed), text amounts as in the CSV.

>>> looks_like(Path("proefbalans.xlsx"), b"PK\x03\x04"), looks_like(Path("2024.zip"), b"PK\x03\x04")
(True, False)
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from xlcapital.errors import InputError
from xlcapital.imports import messages as say
from xlcapital.messages import FILE_NOT_FOUND
from xlcapital.imports.model import Ledger
from xlcapital.imports.trialbalance import check_header, ledger_from_rows


def looks_like(path: Path, head: bytes) -> bool:
    """An Excel workbook: by its name (a zip like an auditfile's, so the name decides)."""
    return path.suffix.lower() in (".xlsx", ".xlsm")


def read(path: str | Path, *, start: date, end: date, name: str) -> Ledger:
    from openpyxl import load_workbook

    source = str(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InputError(FILE_NOT_FOUND(), file=source) from None
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(say.TB_NOT_XLSX(why=exc), file=source) from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        columns = check_header(list(next(rows, [])), source)
        cells = ((line, dict(zip(columns, values))) for line, values in enumerate(rows, 2))
        return ledger_from_rows(cells, f"{source}!{sheet.title}", start, end, name)
    finally:
        book.close()


__all__ = ["read", "looks_like"]
