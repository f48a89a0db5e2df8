"""The CSV tables of a company folder, read as people save them, parsed by their schema.

A file may come from a text editor (``,`` and a decimal point, UTF-8) or from Dutch Excel (``;``
and a decimal comma with ``.`` grouping thousands, Windows-1252 or UTF-8 with a byte-order mark).
:func:`detect` decides per file, from the file itself:

- encoding: a UTF-8 byte-order mark, else UTF-8 when every byte decodes, else Windows-1252;
- separator: ``;`` when the header line has more semicolons than commas (outside quotes), else ``,``;
- decimal mark: from the number cells (money, fractions, numbers) of the file: a cell whose last
  ``,`` or ``.`` is followed by one, two or more than three digits (``12,50``, ``1.234,5``) or
  that has both marks (the later one is the decimal mark) decides; all cells that decide must
  agree. When none decides (whole numbers, ``1.250``), ``;`` files read with a comma, ``,`` files
  with a point. Grouping marks are accepted only in groups of three (:func:`xlcapital.money.parse_amount`).

Every error names the file, the line and the column, and says what was detected.

>>> detect("klant;bedrag\\nCafé;1.234,50\\n".encode("cp1252"), file="r.csv")[1:]
(';', ',', 'Windows-1252')
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator, Mapping

from xlcapital.bank.textio import decode_text
from xlcapital.errors import InputError, XlcapitalError
from xlcapital.messages import CANNOT_READ, FILE_NOT_FOUND, os_reason
from xlcapital.forecast import schema as sc
from xlcapital.forecast import messages as say
from xlcapital.forecast.payroll import Employee, check as check_employee
from xlcapital.forecast.types import Category, ExpectedSale, Payable, Receivable, Recurring

_BOM = b"\xef\xbb\xbf"
#: a number whose last mark is a decimal mark: 1-2 or 4+ digits after it, or both marks present
_DECIDES = re.compile(r"[.,](\d{1,2}|\d{4,})\)?-?$")


@dataclass(frozen=True)
class Dialect:
    """How one file was written: its separator, decimal mark and encoding (for messages too)."""

    separator: str
    decimal: str
    encoding: str

    def describe(self) -> str:
        return say.READ_AS(encoding=self.encoding, separator=self.separator,
                           mark=say.DECIMAL_COMMA() if self.decimal == "," else say.DECIMAL_POINT())


def _decode(data: bytes, file: str) -> tuple[str, str]:
    if data.startswith(_BOM):
        encoding = say.UTF8_BOM()
    else:
        try:
            return data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            encoding = "Windows-1252"
    try:
        return decode_text(data), encoding
    except XlcapitalError as exc:
        raise InputError(exc.message, file=file, line=exc.line, hint=say.SAVE_AS_CSV_UTF8()) from None


def _separator(text: str) -> str:
    header = text.split("\n", 1)[0]
    unquoted = re.sub(r'"[^"]*"', "", header)
    return ";" if unquoted.count(";") > unquoted.count(",") else ","


def _decimal_of(cell: str) -> str | None:
    """The decimal mark ``cell`` shows for certain, or None (``1.250``, ``12``)."""
    s = cell.strip().rstrip("%").strip()
    if "." in s and "," in s:
        return "." if s.rfind(".") > s.rfind(",") else ","
    m = _DECIDES.search(s)
    return s[m.start()] if m else None


def detect(data: bytes, *, file: str, table: sc.Table | None = None) -> tuple[str, str, str, str]:
    """(text, separator, decimal mark, encoding name) of a CSV file's bytes."""
    text, encoding = _decode(data, file)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    separator = _separator(text)
    default = "," if separator == ";" else "."
    numeric = {f.key for f in table if f.numeric and f.kind != "integer"} if table else set()
    seen: dict[str, tuple[int, str, str]] = {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        header = [h.strip().casefold() for h in next(reader, [])]
        columns = [i for i, h in enumerate(header) if h in numeric]
        for cells in reader:
            for i in columns:
                if i < len(cells) and (mark := _decimal_of(cells[i])):
                    seen.setdefault(mark, (reader.line_num, header[i], cells[i].strip()))
    except csv.Error:
        pass  # read_table reports it with its line
    if len(seen) > 1:
        (l1, c1, v1), (l2, c2, v2) = seen["."], seen[","]
        raise InputError(
            say.MIXED_MARKS(first=v1, first_line=l1, first_column=c1, second=v2, second_line=l2, second_column=c2),
            file=file, line=max(l1, l2), hint=say.ONE_MARK())
    decimal = next(iter(seen), default)
    return text, separator, decimal, encoding


@dataclass(frozen=True)
class Row:
    """One CSV record: its cells by (normalised) column name, its line, its file (for messages)."""

    cells: Mapping[str, str]
    line: int
    file: str
    dialect: Dialect | None = None

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()

    def value(self, field: sc.Field) -> Any:
        """The cell of ``field`` parsed; empty: the field's default (required: an error naming file, line and column)."""
        text = self.get(field.key)
        if text == "":
            if field.required:
                raise InputError(say.VALUE_REQUIRED(), file=self.file, line=self.line, field=field.key)
            return field.default
        decimal = self.dialect.decimal if self.dialect else "."
        try:
            return field.parse(text, decimal=decimal)
        except InputError as exc:
            if field.numeric and self.dialect:  # say how the file was read: the likely cause
                exc.hint = (f"{exc.hint}; " if exc.hint else "") + f"the file is {self.dialect.describe()}"
            raise exc.with_location(file=self.file, line=self.line) from None

    def values(self, table: sc.Table) -> dict[str, Any]:
        """Every field of ``table`` parsed, by key."""
        return {f.key: self.value(f) for f in table}


def read_table(path: Path, table: sc.Table) -> Iterator[Row]:
    """The records of a CSV file with a header row, checking the columns against ``table``."""
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(FILE_NOT_FOUND(), file=name) from None
    except OSError as exc:
        raise InputError(CANNOT_READ(why=os_reason(exc)), file=name) from None
    text, separator, decimal, encoding = detect(data, file=name, table=table)
    dialect = Dialect(separator, decimal, encoding)
    required, optional = table.required, table.optional
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(say.EMPTY_CSV(), file=name, hint=say.HEADER_NAMES(columns=", ".join(required)))
        columns = [h.strip().casefold() for h in header]
        for i, column in enumerate(columns):
            if column not in table.keys:
                raise InputError(say.UNKNOWN_COLUMN(column=header[i].strip()), file=name, line=1,
                                 hint=say.KNOWN_COLUMNS(columns=", ".join((*required, *optional)),
                                                        dialect=dialect.describe()))
            if columns.index(column) != i:
                raise InputError(say.COLUMN_TWICE(column=column), file=name, line=1)
        missing = [c for c in required if c not in columns]
        if missing:
            raise InputError(say.MISSING_COLUMN(columns=", ".join(missing)), file=name, line=1,
                             hint=say.THE_HEADER_IS(header=header, dialect=dialect.describe()))
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns):
                raise InputError(say.TOO_MANY_CELLS(cells=len(cells), columns=len(columns)), file=name,
                                 line=reader.line_num, hint=dialect.describe())
            yield Row(dict(zip(columns, cells)), reader.line_num, name, dialect)
    except csv.Error as exc:
        raise InputError(say.NOT_CSV(why=exc), file=name, line=reader.line_num) from None


def _unique(row: Row, key: str, value: str, seen: dict[str, int], what: str) -> None:
    if value.casefold() in seen:
        raise InputError(say.ALSO_ON_LINE(what=what, value=value, line=seen[value.casefold()]), file=row.file, line=row.line, field=key)
    seen[value.casefold()] = row.line


def read_receivables(path: Path) -> list[Receivable]:
    result, seen = [], {}
    for row in read_table(path, sc.RECEIVABLES):
        r = Receivable(**row.values(sc.RECEIVABLES), line=row.line)
        r = r if r.paid_date is None else replace(r, paid_source="given")
        if r.due_date < r.invoice_date:
            raise InputError(say.DUE_BEFORE_INVOICE(), file=row.file, line=row.line, field="due_date")
        _unique(row, "invoice", r.invoice, seen, "invoice")
        result.append(r)
    return result


def read_payables(path: Path) -> list[Payable]:
    return [Payable(**row.values(sc.PAYABLES), line=row.line) for row in read_table(path, sc.PAYABLES)]


def read_customers(path: Path) -> list[tuple[str, int | None, int]]:
    """(name, delay or None when to be learned, line) per row."""
    result, seen = [], {}
    for row in read_table(path, sc.CUSTOMERS):
        v = row.values(sc.CUSTOMERS)
        _unique(row, "customer", v["customer"], seen, "customer")
        result.append((v["customer"], v["payment_delay_days"], row.line))
    return result


def read_recurring(path: Path) -> list[Recurring]:
    result = []
    for row in read_table(path, sc.RECURRING):
        v = row.values(sc.RECURRING)
        if v["frequency"] == "weekly" and v["day"] > 7:
            raise InputError(say.OUT_OF_RANGE(value=v["day"]), file=row.file, line=row.line, field="day",
                             hint=say.USE_FROM_TO(low=1, high=7))
        if v["fixed"] is None:  # empty: a payment is a fixed cost (unless it moves with revenue), a receipt is not
            v["fixed"] = v["amount"] < 0 and not v["revenue_linked"]
        item = Recurring(**v, line=row.line)
        if item.frequency == "once" and item.start is None:
            raise InputError(say.ONCE_NEEDS_START(), file=row.file, line=row.line, field="start")
        if item.start and item.end and item.end < item.start:
            raise InputError(say.END_BEFORE_START(), file=row.file, line=row.line, field="end")
        result.append(item)
    return result


def read_expected_sales(path: Path) -> list[ExpectedSale]:
    return [ExpectedSale(**row.values(sc.EXPECTED_SALES), line=row.line) for row in read_table(path, sc.EXPECTED_SALES)]


def read_payroll(path: Path) -> list[Employee]:
    """payroll.csv: one :class:`~xlcapital.forecast.payroll.Employee` per row (docs section 14)."""
    result = []
    for row in read_table(path, sc.PAYROLL):
        item = Employee(**row.values(sc.PAYROLL), line=row.line)
        problem = check_employee(item)
        if problem:
            field, message, hint = problem
            raise InputError(message, file=row.file, line=row.line, field=field, hint=hint)
        result.append(item)
    return result


#: the columns of categories.csv that belong to the category, not to one rule
_CATEGORY_SETTINGS = ("project", "weekly_amount", "revenue_linked")


def read_categories(path: Path) -> list[Category]:
    """The rules, in file order. A category's project, weekly_amount and revenue_linked may be
    written on any of its rows; two rows of one category that give different values are an error."""
    result: list[Category] = []
    given: dict[str, dict[str, tuple[object, int]]] = {}
    for row in read_table(path, sc.CATEGORIES):
        v = row.values(sc.CATEGORIES)
        rule = Category(name=v.pop("category"), **v, line=row.line)
        seen = given.setdefault(rule.name.casefold(), {})
        for column in _CATEGORY_SETTINGS:
            value = getattr(rule, column)
            if value is None:
                continue
            if column in seen and seen[column][0] != value:
                raise InputError(
                    say.CATEGORY_VALUE_TWICE(name=rule.name, column=column, value=seen[column][0], line=seen[column][1]),
                    file=row.file, line=row.line, field=column, hint=say.CATEGORY_VALUE_ONCE(),
                )  # fmt: skip
            seen[column] = (value, row.line)
        result.append(rule)
    return result


__all__ = ["Dialect", "Row", "detect", "read_table", "read_receivables", "read_payables", "read_customers",
           "read_recurring", "read_expected_sales", "read_categories", "read_payroll"]
