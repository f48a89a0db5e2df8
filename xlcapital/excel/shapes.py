"""Excel shapes in, Excel values out: the plumbing every xlcapital Excel function shares.

The functions in :mod:`xlcapital.excel.functions` are thin: they hand their arguments to :func:`call`,
which turns what xlwings passes from a worksheet into what :mod:`xlcapital.ratios` takes, and
turns the library's answer into what a cell can show. One place, so every function behaves
the same way.

**In.** xlwings gives each argument as a list of rows (``ndim=2``), ``None`` for an empty cell:

* one cell ``[[x]]`` is one number;
* one row of two cells ``[[opening, closing]]`` is an ``(opening, closing)`` pair: the library
  averages it where the argument is a balance, and refuses it where it is a flow;
* a column of ``n`` rows is ``n`` companies (or months, ...) computed in ONE vectorized call; a
  column two cells wide is ``n`` pairs. Single cells broadcast against columns;
* an empty cell is a missing value (an empty *optional* argument takes its default);
* text is refused, even text that looks like a number such as ``"1.234,56"``: the message says
  what it reads as and what to do. Booleans, dates and Excel errors in the input are refused too
  (an Excel error reaches Python as an empty cell, so it shows as a missing value).

**Out.** A single result is one value, ``n`` rows give a column ``[[r1], [r2], ...]`` (it spills
in Excel 365). No traceback ever reaches a cell:

* no value because a denominator is zero: ``#DIV/0!``;
* no value because an input is missing (an empty cell): ``#N/A``;
* bad input: the text ``#VALUE! <what is wrong> (<what to do>)``. xlwings cannot put a message
  in a real error value, and a bare ``#VALUE!`` would leave an accountant guessing; as text
  starting with ``#VALUE!`` it still turns any arithmetic on it into ``#VALUE!``, and an
  ``IFERROR`` around it cannot hide a data-entry mistake.

``#DIV/0!`` and ``#N/A`` are real Excel error values on Windows (a COM ``VT_ERROR`` variant, so
``ISERROR``, ``IFERROR`` and ``IFNA`` work); elsewhere (plain Python, tests) they are
:class:`CellError` strings that print as the error code. Set the environment variable
``XLCAPITAL_UDF_ERRORS=text`` to get the strings on Windows too.

>>> read_cells("receivables", [[80_000.0, 100_000.0]]).value      # a two-cell row: (opening, closing)
(80000.0, 100000.0)
>>> read_cells("revenue", [[1.0], [None], [3.0]]).value            # a column: one call, NaN for the gap
array([ 1., nan,  3.])
>>> print(read_cells("receivables", [["1.234,56"]]).problems[0])
receivables: "1.234,56" is text, not a number; it reads as 1234.56 with a decimal comma (type 1234.56, or convert the cell with NUMBERVALUE; Dutch Excel: NUMERIEKE.WAARDE)
"""

from __future__ import annotations

import datetime as dt
import inspect
import itertools
import math
import os
from dataclasses import dataclass, field
from decimal import Decimal
from numbers import Real
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from xlcapital.errors import InputError, XlcapitalError
from xlcapital.money import parse_amount

__all__ = [
    "CellError",
    "DIV0",
    "NA",
    "VALUE",
    "Param",
    "Cells",
    "read_cells",
    "label_amount_rows",
    "call",
    "to_cell",
    "refuse",
    "error_value",
    "excel_scode",
]

#: The Excel error codes xlcapital returns, with their ``CVErr`` numbers (xlErrDiv0, xlErrNA, xlErrValue).
DIV0, NA, VALUE = "#DIV/0!", "#N/A", "#VALUE!"
_XL_ERROR_NUMBERS = {DIV0: 2007, NA: 2042, VALUE: 2015}

#: The types of the cells xlwings passes for numbers and empty cells.
_PLAIN = frozenset({float, int, type(None)})

#: Largest number of periods across: one cell, or (opening, closing).
_MAX_COLUMNS = 2


class CellError(str):
    """An Excel error as text: prints as ``#DIV/0!``, or ``#VALUE! <message>`` when it has one.

    >>> e = CellError(VALUE, "cash: text")
    >>> e, e.code, e.message
    ('#VALUE! cash: text', '#VALUE!', 'cash: text')
    >>> CellError(DIV0) == "#DIV/0!"
    True
    """

    def __new__(cls, code: str, message: str = "") -> "CellError":
        self = super().__new__(cls, f"{code} {message}" if message else code)
        self.code = code
        self.message = message
        return self


def excel_scode(code: str) -> int:
    """The COM ``SCODE`` of an Excel error value: 0x800A0000 + its CVErr number, as a signed int.

    These are the numbers pywin32 reads from error cells (xlwings._xlwindows.cell_errors).

    >>> excel_scode(DIV0), excel_scode(NA), excel_scode(VALUE)
    (-2146826281, -2146826246, -2146826273)
    """
    return (0x800A0000 | _XL_ERROR_NUMBERS[code]) - (1 << 32)


_error_factory: Callable[[str], Any] | None = None


def _windows_error_factory() -> Callable[[str], Any] | None:
    """``VARIANT(VT_ERROR, scode)`` when pywin32 is there (the Excel add-in on Windows), else None."""
    if os.environ.get("XLCAPITAL_UDF_ERRORS", "").strip().lower() == "text":
        return None
    try:
        import pythoncom
        from win32com.client import VARIANT
    except ImportError:
        return None
    vt_error = getattr(pythoncom, "VT_ERROR", None)
    if vt_error is None:  # a stub or an unusual build: keep the text form
        return None
    return lambda code: VARIANT(vt_error, excel_scode(code))


def error_value(code: str) -> Any:
    """The value a cell needs to show the Excel error ``code`` (``#DIV/0!``, ``#N/A``).

    A real error value (COM ``VT_ERROR``) where pywin32 can send one, else a :class:`CellError`.
    The choice is made once, on first use.
    """
    global _error_factory
    if _error_factory is None:
        _error_factory = _windows_error_factory() or CellError
    return _error_factory(code)


def refuse(exc: XlcapitalError | str) -> CellError:
    """The cell text for bad input: ``#VALUE!`` with the short explanation (never a traceback)."""
    return CellError(VALUE, str(exc))


# --------------------------------------------------------------------------------------------
# In: one argument from its Excel shape
# --------------------------------------------------------------------------------------------

_REQUIRED = inspect.Parameter.empty


@dataclass(frozen=True)
class Param:
    """One argument of a library function as an Excel function sees it: its name and default."""

    name: str
    default: Any = _REQUIRED

    @property
    def optional(self) -> bool:
        return self.default is not _REQUIRED

    @classmethod
    def of(cls, fn: Callable) -> tuple["Param", ...]:
        """The parameters of ``fn`` (positional or keyword only, as Excel needs)."""
        out = []
        for p in inspect.signature(fn).parameters.values():
            if p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
                raise TypeError(f"{fn.__name__}: an Excel function cannot take {p.kind.description} {p.name}")
            out.append(cls(p.name, p.default))
        return tuple(out)


@dataclass
class Cells:
    """One argument read from its range.

    ``value`` is what the library gets: a number, ``None`` (missing), an ``(opening, closing)``
    tuple, or a float array of ``rows`` rows (1-D, or ``(rows, 2)`` for pairs). ``missing`` marks
    the rows with an empty cell (a bool, or an array of ``rows``); ``problems`` the rows
    holding text or another non-number, with the message to show there.
    """

    name: str
    value: Any
    rows: int | None  # None: one value for every row (broadcasts)
    missing: Any = False
    problems: dict[int, str] = field(default_factory=dict)


def _as_rows(value: Any) -> list:
    """What xlwings passes with ndim=2 (a list of rows); a bare value or a flat sequence from Python.

    A flat sequence is one row: ``(opening, closing)`` written as a tuple means the same as two
    cells side by side.
    """
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if not value:
            return [[None]]
        if isinstance(value[0], (list, tuple)):  # rows (read_cells checks that every one is)
            return value
        return [list(value)]
    return [[value]]


def _is_number(x: Any) -> bool:
    return isinstance(x, (Real, Decimal, np.number)) and not isinstance(x, (bool, np.bool_))


def _text_problem(name: str, text: str) -> str:
    """What is wrong with a text cell and what to do, e.g. for "1.234,56" from a Dutch export."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    if not text.strip():
        return f'{name}: a cell holds only spaces (empty it, or type an amount)'
    readings = []
    for decimal, how in ((",", "a decimal comma"), (".", "a decimal point")):
        try:
            readings.append((parse_amount(text, decimal=decimal), how))
        except InputError:
            pass
    if readings:
        number, how = readings[0]
        return (
            f'{name}: "{shown}" is text, not a number; it reads as {number} with {how} '
            f"(type {number}, or convert the cell with NUMBERVALUE; Dutch Excel: NUMERIEKE.WAARDE)"
        )
    return f'{name}: "{shown}" is text, not a number (type an amount, or leave the cell empty)'


def _cell_problem(name: str, x: Any) -> str | None:
    """None for a number or an empty cell; otherwise the message for this cell."""
    if x is None or _is_number(x):
        return None
    if isinstance(x, str):
        return None if x == "" else _text_problem(name, x)
    if isinstance(x, bool):
        return f"{name}: TRUE/FALSE is not an amount (type a number)"
    if isinstance(x, (dt.date, dt.datetime)):
        return f"{name}: a date is not an amount (type a number)"
    return f"{name}: {x!r} is not a number"


def _where(name: str, row: int, col: int, rows: int, cols: int) -> str:
    """``receivables``, ``receivables row 3`` or ``receivables row 3 (closing)``."""
    where = name if rows == 1 else f"{name} row {row + 1}"
    if cols == 2:
        where += " (opening)" if col == 0 else " (closing)"
    return where


def read_cells(name: str, value: Any, default: Any = _REQUIRED) -> Cells:
    """Read one argument from its Excel shape (see the module docstring).

    Raises :class:`InputError` for a shape that means nothing here (ragged rows, more than two
    columns); text in a cell is not raised but recorded in ``problems`` for its row.
    """
    rows = _as_rows(value)
    try:
        n, widths = len(rows), set(map(len, rows))
    except TypeError:  # a bare value among the rows
        widths = set()
    if len(widths) != 1:
        what = f"rows of different widths {sorted(widths)}" if widths else "single values mixed with rows"
        raise InputError(what, field=name)
    width = widths.pop()
    if width == 0:
        rows, width = [[None]] * n, 1
    if width > _MAX_COLUMNS:
        raise InputError(
            f"a range {width} cells wide",
            field=name,
            hint="give one cell, or two cells side by side (opening, closing); companies go down the rows",
        )
    optional = default is not _REQUIRED
    problems: dict[int, str] = {}
    # The fast path: a range of numbers and empty cells (one type check per cell, no Python arithmetic);
    # otherwise only the rows holding something else are looked at, cell by cell.
    if not set(map(type, itertools.chain.from_iterable(rows))) <= _PLAIN:
        rows = list(rows)
        for r, row in enumerate(rows):
            if set(map(type, row)) <= _PLAIN:
                continue
            for c, x in enumerate(row):
                problem = _cell_problem(_where(name, r, c, n, width), x)
                if problem and r not in problems:
                    problems[r] = problem
            rows[r] = [_clean(x) for x in row]
    if n == 1:
        cells = rows[0]
        if width == 1:
            x = cells[0]
            if x is None and optional:
                return Cells(name, default, None)
            return Cells(name, x, None, missing=x is None, problems=problems)
        pair = tuple(cells)
        if optional and all(x is None for x in pair):
            return Cells(name, default, None)
        return Cells(name, pair, None, missing=any(x is None for x in pair), problems=problems)
    arr = np.fromiter(itertools.chain.from_iterable(rows), dtype=float, count=n * width).reshape(n, width)  # None: NaN
    if optional and default is not None:
        arr = np.where(np.isnan(arr), float(default), arr)
    return Cells(name, arr[:, 0] if width == 1 else arr, n, missing=np.isnan(arr).any(axis=1), problems=problems)


def _clean(x: Any) -> float | None:
    """A cell after its problem is recorded: numbers as float, everything else empty."""
    if _is_number(x):
        return float(x)
    return None


def _common_rows(cells: Sequence[Cells]) -> int | None:
    counts = {c.name: c.rows for c in cells if c.rows is not None}
    if len(set(counts.values())) > 1:
        detail = ", ".join(f"{name} {rows}" for name, rows in counts.items())
        raise InputError(
            f"the columns have different numbers of rows: {detail}",
            hint="give every column the same rows, or one cell for a value shared by all rows",
        )
    return next(iter(counts.values()), None)


# --------------------------------------------------------------------------------------------
# Out: results as cells
# --------------------------------------------------------------------------------------------


def to_cell(x: Any, *, missing: bool = False) -> Any:
    """One library result as a cell value: a float, or ``#N/A`` / ``#DIV/0!`` for "no value".

    >>> to_cell(Decimal("150000")), to_cell(None), to_cell(float("nan"), missing=True)
    (150000.0, '#DIV/0!', '#N/A')
    """
    if x is None:
        return error_value(NA if missing else DIV0)
    f = float(x)
    if math.isnan(f):
        return error_value(NA if missing else DIV0)
    return f


def _column(result: Any, rows: int, missing: np.ndarray, problems: Mapping[int, str]) -> list[list]:
    """``rows`` results as a column ``[[r1], [r2], ...]`` with error values where there is no value."""
    arr = np.broadcast_to(np.asarray(result, dtype=float), (rows,))
    out = [[x] for x in arr.tolist()]
    for r in np.flatnonzero(np.isnan(arr)).tolist():
        out[r][0] = error_value(NA if missing[r] else DIV0)
    for r, message in problems.items():
        out[r][0] = refuse(message)
    return out


def call(fn: Callable, params: Sequence[Param], args: Sequence[Any], kwargs: Mapping[str, Any] | None = None) -> Any:
    """Call ``fn`` (a ratio of :mod:`xlcapital.ratios`) with Excel-shaped arguments; Excel-shaped result.

    One vectorized call whatever the number of rows. Bad input gives the ``#VALUE!`` text (never
    an exception: a traceback must not reach a cell).
    """
    try:
        given = _bind(params, args, kwargs or {})
        cells = [read_cells(p.name, given[p.name], p.default) for p in params]
        rows = _common_rows(cells)
        if rows is None:
            problems = [m for c in cells for m in c.problems.values()]
            if problems:
                return refuse(problems[0])
            result = fn(**{c.name: c.value for c in cells})
            return to_cell(result, missing=any(bool(c.missing) for c in cells))
        missing = np.zeros(rows, dtype=bool)
        problems: dict[int, str] = {}
        for c in cells:
            missing |= c.missing
            for r, message in c.problems.items():
                problems.setdefault(r, message)
        if len(problems) == rows:  # nothing left to compute
            return [[refuse(problems[r])] for r in range(rows)]
        result = fn(**{c.name: c.value for c in cells})
        return _column(result, rows, missing, problems)
    except XlcapitalError as exc:
        return refuse(exc)


def _bind(params: Sequence[Param], args: Sequence[Any], kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Arguments by name, the defaults filled in (xlwings passes every argument positionally)."""
    if len(args) > len(params):
        raise InputError(f"{len(args)} arguments given, at most {len(params)} expected")
    given = dict(zip((p.name for p in params), args))
    for name, value in kwargs.items():
        if name in given or name not in {p.name for p in params}:
            raise InputError(f"unexpected or repeated argument {name!r}")
        given[name] = value
    for p in params:
        if p.name not in given:
            if not p.optional:
                raise InputError("an argument is missing", field=p.name)
            given[p.name] = p.default
    return given


# --------------------------------------------------------------------------------------------
# Label | amount ranges (the cash-flow statement's inputs)
# --------------------------------------------------------------------------------------------


def label_amount_rows(name: str, value: Any) -> list[tuple[Any, Any]]:
    """A range two columns wide, label | amount, as ``(label, amount)`` pairs for the statement.

    Empty rows are kept (the statement skips them); an amount that is text is refused here,
    because text such as "1.234,56" must never be read as a number silently.
    """
    rows = [] if value is None else _as_rows(value)
    if value is None or rows == [[None]]:
        return []
    widths = {len(r) for r in rows}
    if widths != {2}:
        raise InputError(
            f"a range {'/'.join(str(w) for w in sorted(widths))} cells wide",
            field=name,
            hint="give a range two columns wide: the label, then the amount",
        )
    out = []
    for r, (label, amount) in enumerate(rows):
        where = f"{name} row {r + 1}" + (f" ({label})" if isinstance(label, str) and label.strip() else "")
        problem = _cell_problem(where, amount)
        if problem:
            raise InputError(problem)
        out.append((label, None if amount == "" else amount))
    return out
