"""Where the generator put things: a map from a name to a cell or a block of cells.

The generator returns a :class:`CellMap` so that tests and other code find a value by what it
*is* ("forecast.closing", "scenario.worst.lowest_cash") and never by a guessed coordinate. A
:class:`Ref` is a rectangle on one sheet (0-based rows and columns, XlsxWriter's convention),
printable as an A1 reference for formulas.

>>> r = Ref("Forecast", 4, 2, 4, 14)
>>> print(r.a1())
Forecast!$C$5:$O$5
>>> r.cell(0)
'C5'
>>> len(r)
13
>>> print(Ref("My Sheet", 0, 0).a1(absolute=False))
'My Sheet'!A1
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def quote_sheet(sheet: str) -> str:
    """A sheet name as a formula writes it: quoted when it has spaces or other characters.

    >>> quote_sheet("Bank"), quote_sheet("xlwings.conf"), quote_sheet("Kas 'n Co")
    ('Bank', 'xlwings.conf', "'Kas ''n Co'")
    """
    if _PLAIN_SHEET.match(sheet) and not re.match(r"^[A-Za-z]{1,3}[0-9]+$", sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


@dataclass(frozen=True)
class Ref:
    """A rectangle of cells on one sheet, 0-based and inclusive; one cell when last_* are omitted."""

    sheet: str
    first_row: int
    first_col: int
    last_row: int | None = None
    last_col: int | None = None

    def __post_init__(self) -> None:
        if self.last_row is None:
            object.__setattr__(self, "last_row", self.first_row)
        if self.last_col is None:
            object.__setattr__(self, "last_col", self.first_col)

    @property
    def is_cell(self) -> bool:
        return self.first_row == self.last_row and self.first_col == self.last_col

    @property
    def shape(self) -> tuple[int, int]:
        return self.last_row - self.first_row + 1, self.last_col - self.first_col + 1

    def __len__(self) -> int:
        rows, cols = self.shape
        return rows * cols

    def positions(self) -> Iterator[tuple[int, int]]:
        """(row, col) of every cell, row by row."""
        for r in range(self.first_row, self.last_row + 1):
            for c in range(self.first_col, self.last_col + 1):
                yield r, c

    def cells(self) -> list[str]:
        """A1 address of every cell (without the sheet), row by row."""
        return [xl_rowcol_to_cell(r, c) for r, c in self.positions()]

    def _position(self, index: int) -> tuple[int, int]:
        """(row, col) of the ``index``-th cell, row by row."""
        rows, cols = self.shape
        r, c = divmod(index, cols)
        if not 0 <= r < rows:
            raise IndexError(index)
        return self.first_row + r, self.first_col + c

    def cell(self, index: int = 0, *, absolute: bool = False) -> str:
        """The A1 address of the ``index``-th cell (row by row), e.g. week ``index + 1`` of a row."""
        row, col = self._position(index)
        return xl_rowcol_to_cell(row, col, absolute, absolute)

    def at(self, index: int) -> "Ref":
        """The ``index``-th cell as a one-cell Ref."""
        return Ref(self.sheet, *self._position(index))

    def a1(self, *, absolute: bool = True, sheet: bool = True) -> str:
        """``Sheet!$A$1`` or ``Sheet!$A$1:$B$2`` (``absolute=False`` drops the dollars)."""
        first = xl_rowcol_to_cell(self.first_row, self.first_col, absolute, absolute)
        text = first
        if not self.is_cell:
            text += ":" + xl_rowcol_to_cell(self.last_row, self.last_col, absolute, absolute)
        return f"{quote_sheet(self.sheet)}!{text}" if sheet else text

    def column_letter(self, offset: int = 0) -> str:
        return xl_col_to_name(self.first_col + offset)


class CellMap(dict):
    """name -> :class:`Ref`, plus the workbook-scope defined names the generator created.

    ``defined`` maps a defined name (``Forecast_ClosingCash``) to the map name it stands for.
    """

    def __init__(self) -> None:
        super().__init__()
        self.defined: dict[str, str] = {}
        #: English sheet name -> the workbook's tab name, where they differ (the Dutch workbook's): a
        #: Ref names its sheet in English in both languages
        self.tabs: dict[str, str] = {}

    def tab(self, name: str) -> str:
        """The tab name (as the workbook shows it) of the sheet holding the map name ``name``."""
        sheet = self[name].sheet
        return self.tabs.get(sheet, sheet)

    def add(self, name: str, ref: Ref, *, defined_name: str | None = None) -> Ref:
        if name in self:
            raise KeyError(f"{name!r} is already in the cell map")
        self[name] = ref
        if defined_name:
            self.defined[defined_name] = name
        return ref

    def update_from(self, other: "CellMap") -> None:
        for name, ref in other.items():
            self.add(name, ref)
        self.defined.update(other.defined)

    def names(self, prefix: str) -> list[str]:
        """The names that start with ``prefix`` (e.g. every row of one scenario block)."""
        return [n for n in self if n.startswith(prefix)]
