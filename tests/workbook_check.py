"""The proof of the workbook: what the engine says every mapped cell must hold, and the comparison.

:func:`expected` is the engine's value of every name in the generator's cell map
(``xlcapital.workbook.values``); :func:`mismatches`
compares those with the values LibreOffice computed (read with openpyxl), to 0.005.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from xlcapital.workbook.scenarios import NONE
from xlcapital.workbook.values import engine_values
from xlcapital.workbook.tables import excel_date

TOLERANCE = 0.005


@pytest.fixture(scope="module")
def lo_values(soffice, tmp_path_factory):
    """One LibreOffice per test module that recalculates a workbook and reads cells over UNO."""
    from tests.libreoffice import ValueReader

    with ValueReader(soffice, tmp_path_factory.mktemp("lo-values")) as reader:
        yield reader

expected = engine_values


def formula_cells(path: Path, sheets) -> set[tuple[str, int, int]]:
    """(sheet, row, col), 0-based, of every formula cell on ``sheets`` of the generated file."""
    wb = openpyxl.load_workbook(path, data_only=False)
    found = set()
    for name in sheets:
        for row in wb[name].iter_rows():
            for c in row:
                if c.data_type == "f":
                    found.add((name, c.row - 1, c.column - 1))
    return found


def covered(cells, names) -> set[tuple[str, int, int]]:
    return {(cells.tab(n), r, c) for n in names for r, c in cells[n].positions()}


def read_uno(reader, path: Path, cells, names) -> dict[str, list]:
    """:func:`read` through a :class:`tests.libreoffice.ValueReader` (recalculates ``path`` itself)."""
    names = list(names)
    ranges = [(cells.tab(n), cells[n].first_row, cells[n].first_col, cells[n].last_row, cells[n].last_col)
              for n in names]
    return dict(zip(names, reader.values(path, ranges)))


def read(path: Path, cells, names) -> dict[str, list]:
    """The values LibreOffice computed for ``names`` (one list per name, row by row)."""
    wb = openpyxl.load_workbook(path, data_only=True, read_only=False)
    out = {}
    for name in names:
        ref = cells[name]
        ws = wb[cells.tab(name)]
        out[name] = [ws.cell(r + 1, c + 1).value for r, c in ref.positions()]
    return out


def _same(want, got) -> bool:
    if want is None:
        return got in (None, "", NONE)
    if isinstance(want, bool):
        return got is want or got == want
    if isinstance(want, (dt.date, dt.datetime)):
        if isinstance(got, dt.datetime):
            got = got.date()
        if isinstance(got, (int, float)):
            return excel_date(want) == got
        return got == want
    if want == "beyond":  # the engine drops the item from the weekly view; the workbook shows its week > N
        return isinstance(got, (int, float))
    if isinstance(want, str):
        return got == want
    if isinstance(got, bool) or not isinstance(got, (int, float)):
        return False
    return abs(float(Decimal(want)) - got) <= TOLERANCE


def mismatches(want: dict[str, list], got: dict[str, list], label: str = "") -> list[str]:
    """Every cell where LibreOffice and the engine disagree, as readable lines."""
    bad = []
    for name, values in want.items():
        cells = got.get(name)
        if cells is None or len(cells) != len(values):
            bad.append(f"{label}{name}: {len(values)} values expected, cells: {cells}")
            continue
        for i, (w, g) in enumerate(zip(values, cells)):
            if not _same(w, g):
                bad.append(f"{label}{name}[{i}]: engine {w!r}, workbook {g!r}")
    return bad
