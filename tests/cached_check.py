"""Compare the cached results of a generated workbook with LibreOffice's recalculation, cell by cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

TOLERANCE = 0.005


def _plain(value):
    if value == "" or value is None:
        return None
    if isinstance(value, dt.datetime):
        return (value - dt.datetime(1899, 12, 30)).days  # the date serial (dates only here)
    return value


def same(cached, recalculated) -> bool:
    a, b = _plain(cached), _plain(recalculated)
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b and type(a) is type(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= TOLERANCE
    return a == b


def formula_cells(path: Path) -> dict[str, list[tuple[int, int]]]:
    """(row, col), 1-based, of every formula cell of every sheet."""
    wb = openpyxl.load_workbook(path, data_only=False)
    return {ws.title: [(c.row, c.column) for row in ws.iter_rows() for c in row if c.data_type == "f"]
            for ws in wb.worksheets}


def differences(generated: Path, recalculated: Path) -> tuple[int, list[str]]:
    """(formula cells compared, the cells whose cached value differs from LibreOffice's)."""
    cells = formula_cells(generated)
    ours = openpyxl.load_workbook(generated, data_only=True)
    theirs = openpyxl.load_workbook(recalculated, data_only=True)
    bad, count = [], 0
    for sheet, positions in cells.items():
        for r, c in positions:
            count += 1
            a, b = ours[sheet].cell(r, c).value, theirs[sheet].cell(r, c).value
            if not same(a, b):
                bad.append(f"{sheet}!{openpyxl.utils.get_column_letter(c)}{r}: cached {a!r}, LibreOffice {b!r}")
    return count, bad
