"""The Bank sheet: the imported transactions as the Excel Table ``Bank``.

Columns (the contract with the VBA import macro, which appends rows to this table)::

    Date  ValueDate  Account  Amount  Currency  Counterparty  CounterpartyIBAN  Description  Reference  Category
    InForecast  Key

Every column is a value except ``Category`` and ``InForecast``, calculated columns. ``InForecast``
is "yes" when the transaction's account is one of the forecast's accounts (Settings_Accounts, a
comma-separated list; empty: every account), compared as
:func:`xlcapital.forecast.actuals.counted` does (spaces left out, upper case); only those rows
count for the opening balance and the actuals. ``Category`` is the first rule of the Categories
table (top to bottom) that matches, else "Uncategorised", exactly as
:func:`xlcapital.forecast.learn.classify`: ``counterparty`` and ``description`` rules match when
the pattern occurs in the field (case ignored; FIND on LOWER, so ``*`` and ``?`` are plain
characters), ``iban`` rules when the IBANs are equal ignoring spaces and case. ``Key`` is the dedupe
key of :mod:`xlcapital.bank.model`. Text is written as text (never a formula), dates as date
serials, amounts as numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from xlcapital.bank.model import Statement
from xlcapital.errors import InputError
from xlcapital.forecast.learn import UNCATEGORISED
from xlcapital.workbook import messages as say
from xlcapital.workbook.book import Book
from xlcapital.workbook.styles import header_style
from xlcapital.workbook.tables import KINDS, Column, TableSheet, this_row, value_writer

SHEET = TABLE = "Bank"
#: rows of a worksheet in Excel 2007 and later (XlsxWriter ignores a cell written below them: a silent loss)
SHEET_ROWS = 1_048_576


def _rule(field: str, cell: str) -> str:
    return f'(Categories[Match]="{field}")*ISNUMBER(FIND(LOWER(Categories[Pattern]),LOWER({cell})))'


CATEGORY_FORMULA = (
    "=IFERROR(INDEX(Categories[Category],MATCH(1,INDEX("
    + _rule("counterparty", "[@Counterparty]") + "+"
    + _rule("description", "[@Description]") + "+"
    + '(Categories[Match]="iban")*(SUBSTITUTE(UPPER(Categories[Pattern])," ","")='
      'SUBSTITUTE(UPPER([@CounterpartyIBAN])," ",""))'
    + f',0),0)),"{UNCATEGORISED}")'
)

_ACCOUNTS = 'UPPER(SUBSTITUTE(Settings_Accounts," ",""))'
IN_FORECAST_FORMULA = (
    f'=IF({_ACCOUNTS}="","yes",IF(ISNUMBER(FIND(","&UPPER(SUBSTITUTE([@Account]," ",""))&",",'
    f'","&{_ACCOUNTS}&",")),"yes","no"))'
)

COLUMNS = (
    Column("Date", "date", comment="Booking date.", name_nl="Boekdatum"),
    Column("ValueDate", "date", name_nl="Valutadatum"),
    Column("Account", width=22, name_nl="Rekening"),
    Column("Amount", "money", comment="Signed: money in positive, money out negative.", name_nl="Bedrag"),
    Column("Currency", width=9, name_nl="Valuta"),
    Column("Counterparty", width=28, name_nl="Tegenpartij"),
    Column("CounterpartyIBAN", width=22, name_nl="Tegenrekening"),
    Column("Description", width=42, name_nl="Omschrijving"),
    Column("Reference", width=18, name_nl="Kenmerk"),
    Column("Category", formula=CATEGORY_FORMULA, width=18, name_nl="Categorie",
           comment="The first rule of the Categories table that matches this transaction."),
    Column("InForecast", formula=IN_FORECAST_FORMULA, width=11, name_nl="InPrognose",
           comment="yes: an account of the forecast (Settings: Accounts, empty = every account); only these "
                   "transactions count for the opening balance and the actuals on Forecast."),
    Column("Key", width=30, name_nl="Sleutel",
           comment="Dedupe key: account|date|amount in cents|text|n. The import skips transactions whose key is "
                   "already here."),
)


def table_sheet() -> TableSheet:
    """The Bank table as a :class:`~xlcapital.workbook.tables.TableSheet` (declared after the streamed rows)."""
    return TableSheet(SHEET, TABLE, COLUMNS, (), min_rows=1)


def rows(statements: Iterable[Statement]) -> Iterator[tuple]:
    """The input cells of each transaction (Category is a formula and has none), in statement order."""
    for s in statements:
        for t in s.transactions:
            yield (t.booking_date, t.value_date, s.account, t.amount, t.currency or s.currency or "",
                   t.counterparty, t.counterparty_iban, t.description, t.reference, t.key)


@dataclass
class BankSheet:
    """The Bank sheet written as a stream, row by row with each row's calculated cells and their
    cached results (the category of :func:`xlcapital.forecast.learn.classify`, InForecast of
    :func:`xlcapital.forecast.actuals.counted`), so that 100,000 transactions never sit in memory
    as cells. The table itself (columns, widths, comments, print setup, cell map) is the
    :class:`~xlcapital.workbook.tables.TableSheet`'s, declared after the rows."""

    statements: Sequence[Statement]
    categories: Sequence = ()
    accounts: Sequence[str] = ()
    title: str = "Bank transactions"
    note: str | None = None

    def write(self, book: Book) -> None:
        from xlcapital.forecast.actuals import counted
        from xlcapital.forecast.learn import classify
        from xlcapital.workbook.labels import dutch

        ws = book.add_sheet(SHEET)
        ws.stream()
        st = book.styles
        title = (dutch(self.title) or self.title) if book.lang == "nl" else self.title
        ws.write_string(0, 0, title, st["title"])
        if self.note:
            ws.write_string(1, 0, self.note, st["note_line"])
        table = table_sheet()
        header = table.first_row
        for i, c in enumerate(COLUMNS):  # the formulas below are renamed as they are written (Book.name_columns)
            ws.write_string(header, i, c.header(book.lang), st[header_style(c.kind)])
        inputs = [i for i, c in enumerate(COLUMNS) if c.formula is None]
        writers = [value_writer(book, ws, COLUMNS[i].kind, st[KINDS[COLUMNS[i].kind][0]]) for i in inputs]
        formulas = [(i, this_row(c.formula, TABLE), st[KINDS[c.kind][1]]) for i, c in enumerate(COLUMNS) if c.formula]
        category, in_forecast = (COLUMNS.index(c) for c in COLUMNS if c.formula)
        transactions = [t for s in self.statements for t in s.transactions]
        if len(transactions) > SHEET_ROWS - header - 1:
            raise InputError(say.TOO_MANY_FOR_SHEET(count=len(transactions), limit=SHEET_ROWS - header - 1),
                             hint=say.FEWER_EXPORTS())
        categories = classify(transactions, list(self.categories))
        listed = {s.account: "yes" if counted(s.account, self.accounts) else "no" for s in self.statements}
        accounts = [listed[s.account] for s in self.statements for _ in s.transactions]
        r = header
        for r, values in enumerate(rows(self.statements), start=header + 1):
            for c, write, v in zip(inputs, writers, values):
                if v is not None and v != "":
                    write(r, c, v)
            k = r - header - 1
            cached = {category: categories[k], in_forecast: accounts[k]}
            for c, formula, fmt in formulas:
                ws._write_formula(r, c, formula, fmt, cached[c])
        if r == header:  # no transactions: one empty row to type into, its formulas over blanks
            r = header + 1
            blank = {category: UNCATEGORISED, in_forecast: "yes" if counted("", self.accounts) else "no"}
            for c, formula, fmt in formulas:
                ws._write_formula(r, c, formula, fmt, blank[c])
        table.min_rows = r - header
        with ws.declaring():
            table.write(book)
