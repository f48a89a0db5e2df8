"""Excel Tables the user edits (Bank, Receivables, Payables, Recurring, ...): one generic writer.

A table is declared as :class:`Column` objects and written by :class:`TableSheet`: a title, a
note, then the Excel Table (ListObject) with its header row, one row per item, calculated columns
for the per-item helpers (cash date, week) and data validation and comments on the inputs.

Conventions that keep the model honest:

- text from files and users is written with ``write_string`` (a description ``=HYPERLINK(...)``
  stays text), amounts with ``write_number``, dates as serial numbers with a date format;
- formula columns are Table calculated columns written with structured references
  (``[@Amount]``), so Excel fills them into rows the user adds at the bottom of the table;
- every other formula of the workbook refers to whole table columns (``Receivables[Amount]``),
  so rows added to a table are counted without any change.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Iterable, Sequence

from xlsxwriter.utility import xl_col_to_name

from xlcapital.workbook.book import Book
from xlcapital.workbook.cellmap import Ref
from xlcapital.workbook.styles import header_style

EXCEL_EPOCH = _dt.date(1899, 12, 30)
#: the message of a list column's data validation, per language: (fixed choices, a listed value)
CHOOSE = {"en": ("Choose a value from the list", "Choose a listed value"),
          "nl": ("Kies een waarde uit de lijst", "Kies een waarde die in de lijst staat")}

#: value kind -> (cell format of an input, cell format of a formula)
KINDS = {
    "text": ("input_text", "text"),
    "money": ("input_money", "money"),
    "date": ("input_date", "date"),
    "integer": ("input_integer", "integer"),
    "percent": ("input_percent", "percent"),
    "number": ("input_number", "number"),
    "days": ("input_days", "days"),
}


def excel_date(value: _dt.date) -> int:
    """The Excel serial number of a date (1900 date system).

    >>> excel_date(_dt.date(2026, 1, 5))
    46027
    """
    if isinstance(value, _dt.datetime):
        value = value.date()
    return (value - EXCEL_EPOCH).days


def from_excel_date(serial: float) -> _dt.date:
    """The date of an Excel serial number (the inverse of :func:`excel_date`)."""
    return EXCEL_EPOCH + _dt.timedelta(days=int(serial))


@dataclass(frozen=True)
class Column:
    """One column of a table: its header, kind of value, and either inputs or a formula.

    ``formula`` is a calculated-column formula in structured references (``=[@Due]+7``).
    ``comment`` becomes a cell comment on the header that explains the column; ``choices``
    a drop-down list (data validation) on the column; ``width`` the column width.
    """

    name: str
    kind: str = "text"
    formula: str | None = None
    comment: str | None = None
    choices: tuple[str, ...] | None = None
    width: float | None = None
    validate_source: str | None = None
    #: the comment in the Dutch workbook (None: the English one)
    comment_nl: str | None = None
    #: the header in the Dutch workbook (None: ``name`` in both languages, e.g. ``W1``); formulas are
    #: written with ``name`` and renamed when the sheet is written (:mod:`~xlcapital.workbook.headers`)
    name_nl: str | None = None

    def header(self, lang: str) -> str:
        """The column's header in a workbook of language ``lang``."""
        return self.name_nl if lang == "nl" and self.name_nl else self.name

    def comment_in(self, lang: str) -> str | None:
        """The header's comment in a workbook of language ``lang``."""
        return self.comment_nl if lang == "nl" and self.comment_nl else self.comment

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


_THIS_ROW = re.compile(r"\[@\[?([^\]\[]+)\]?\]")


def this_row(formula: str, table: str) -> str:
    """Expand ``[@Col]`` into ``Table[[#This Row],[Col]]``, the form Excel stores and LibreOffice reads.

    (XlsxWriter's own expansion leaves out the table name, which LibreOffice 7.4 reads as #N/A.)

    >>> this_row("=[@Due]+[@[Delay]]", "Receivables")
    '=Receivables[[#This Row],[Due]]+Receivables[[#This Row],[Delay]]'
    """
    return _THIS_ROW.sub(lambda m: f"{table}[[#This Row],[{m.group(1)}]]", formula)


def value_writer(book: Book, ws, kind: str, fmt) -> Callable[[int, int, Any], None]:
    """The function that writes one value of ``kind`` into (row, col): text always as text."""
    put_string = getattr(ws, "put_string", ws.write_string)
    put_number = getattr(ws, "put_number", ws.write_number)
    if kind == "text":
        def write(r: int, c: int, v: Any) -> None:
            put_string(r, c, str(v), fmt)
    elif kind == "date":
        def write(r: int, c: int, v: Any) -> None:
            put_number(r, c, excel_date(v), fmt)
    else:
        def write(r: int, c: int, v: Any) -> None:
            put_number(r, c, float(v) if isinstance(v, Decimal) else v, fmt)
    return write


@dataclass
class TableSheet:
    """Writes one sheet holding one Excel Table.

    ``rows`` are sequences of values for the *input* columns (formula columns are skipped), in
    column order; None leaves a cell blank. ``min_rows`` blank rows are kept at least, so an
    empty table still has a row to type into (and the calculated columns show their formula).
    """

    sheet: str
    table: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]] = ()
    title: str | None = None
    note: str | None = None
    min_rows: int = 1
    first_row: int = 3
    #: False: the table's values are written by xlcapital, not typed (no input colours)
    editable: bool = True
    extra: Callable[[Book, Any, Ref], None] | None = field(default=None, repr=False)

    @property
    def inputs(self) -> list[Column]:
        return [c for c in self.columns if c.formula is None]

    def write(self, book: Book) -> Ref:
        ws = book.add_sheet(self.sheet)
        if self.title:
            ws.write_string(0, 0, self.title, book.styles["title"])
        if self.note:  # one line, running over the empty cells to its right
            ws.write_string(1, 0, self.note, book.styles["note_line"])
        header = self.first_row
        positions = [i for i, c in enumerate(self.columns) if c.formula is None]
        value_style = 0 if self.editable else 1  # KINDS: (input format, formula format)
        writers = [
            value_writer(book, ws, self.columns[i].kind, book.styles[KINDS[self.columns[i].kind][value_style]])
            for i in positions
        ]
        count = 0
        r = header
        for r, values in enumerate(self.rows, start=header + 1):
            if len(values) != len(positions):
                raise ValueError(f"{self.table}: a row has {len(values)} values for {len(positions)} input columns")
            for c, write, v in zip(positions, writers, values):
                if v is not None and v != "":
                    write(r, c, v)
            count += 1
        n = max(count, self.min_rows)
        last = header + n
        lang = getattr(book, "lang", "en")
        spec = []
        for c in self.columns:
            col: dict[str, Any] = {"header": c.header(lang), "header_format": book.styles[header_style(c.kind)]}
            if c.formula is not None:
                col["formula"] = this_row(c.formula, self.table)
                col["format"] = book.styles[KINDS[c.kind][1]]
            else:
                col["format"] = book.styles[KINDS[c.kind][value_style]]
            spec.append(col)
        ws.add_table(header, 0, last, len(self.columns) - 1,
                     {"name": self.table, "columns": spec, "style": "Table Style Light 9"})
        for i, c in enumerate(self.columns):
            # as wide as the English name needs (the same print scale in both languages), and at least the header
            ws.set_column(i, i, c.width or max(12, min(40, len(c.name) + 4), min(40, len(c.header(lang)) + 1)))
            comment = c.comment_in(lang)
            if comment:
                ws.write_comment(header, i, comment, {"x_scale": 2, "y_scale": 1.5})
            if c.choices or c.validate_source:
                ws.data_validation(header + 1, i, last, i, {
                    "validate": "list",
                    "source": list(c.choices) if c.choices else c.validate_source,
                    "error_title": c.header(lang)[:32],
                    "error_message": CHOOSE[lang if lang in CHOOSE else "en"][0 if c.choices else 1],
                })
        # the header row and the first column stay in view, and when printed repeat on every page
        ws.freeze_panes(header + 1, 1)
        book.print_wide(ws, repeat_rows=(header, header), repeat_cols="A:A")
        whole = book.place(f"table.{self.table}", Ref(self.sheet, header + 1, 0, last, len(self.columns) - 1))
        for i, c in enumerate(self.columns):
            book.place(f"table.{self.table}.{c.name}", Ref(self.sheet, header + 1, i, last, i))
        if self.extra:
            self.extra(book, ws, whole)
        return whole


def column_letter(table: TableSheet, name: str) -> str:
    """The column letter of column ``name`` in ``table``."""
    for i, c in enumerate(table.columns):
        if c.name == name:
            return xl_col_to_name(i)
    raise KeyError(name)
