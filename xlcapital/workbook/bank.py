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

from typing import Iterable, Iterator

from xlcapital.bank.model import Statement
from xlcapital.forecast.learn import UNCATEGORISED
from xlcapital.workbook.tables import Column, TableSheet

SHEET = TABLE = "Bank"


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
    Column("Date", "date", comment="Booking date."),
    Column("ValueDate", "date"),
    Column("Account", width=22),
    Column("Amount", "money", comment="Signed: money in positive, money out negative."),
    Column("Currency", width=9),
    Column("Counterparty", width=28),
    Column("CounterpartyIBAN", width=22),
    Column("Description", width=42),
    Column("Reference", width=18),
    Column("Category", formula=CATEGORY_FORMULA, width=18,
           comment="The first rule of the Categories table that matches this transaction."),
    Column("InForecast", formula=IN_FORECAST_FORMULA, width=11,
           comment="yes: an account of the forecast (Settings: Accounts, empty = every account); only these "
                   "transactions count for the opening balance and the actuals on Forecast."),
    Column("Key", width=30, comment="Dedupe key: account|date|amount in cents|text|n. The import skips "
                                    "transactions whose key is already here."),
)


def rows(statements: Iterable[Statement]) -> Iterator[tuple]:
    """The input cells of each transaction (Category is a formula and has none), in statement order."""
    for s in statements:
        for t in s.transactions:
            yield (t.booking_date, t.value_date, s.account, t.amount, t.currency or s.currency or "",
                   t.counterparty, t.counterparty_iban, t.description, t.reference, t.key)


def bank_sheet(statements: Iterable[Statement], title: str = "Bank transactions", note: str | None = None) -> TableSheet:
    return TableSheet(SHEET, TABLE, COLUMNS, rows(statements), title=title, note=note)
