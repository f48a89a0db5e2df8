"""An RGS-coded trial balance (CSV or XLSX) into a :class:`Ledger`: the rows both formats share.

One row per account, a header row naming the columns (any order, case does not matter):

=========  ========  ==========================================================================
column     required  meaning
=========  ========  ==========================================================================
account    yes       the account number
name       no        its description
rgs        no        its RGS code (else a mapping file must map the account)
opening    no        the balance at the start of the period (balance-sheet accounts), default 0
closing    yes       the balance at the end; for an income-statement account: the period's amount
=========  ========  ==========================================================================

Amounts are signed, **debit positive** (credit negative), with a decimal point or a decimal comma.
A trial balance has no invoices: the import writes no receivables or payables from it.

>>> rows = [{"account": "1000", "rgs": "BLimBanRba", "closing": "150,00"},
...         {"account": "0800", "rgs": "BEivGok", "opening": "0", "closing": "-100"},
...         {"account": "8000", "rgs": "WOmzNop", "closing": "-50.00"}]
>>> from datetime import date
>>> ledger = ledger_from_rows(enumerate(rows, 2), "tb.csv", date(2024, 1, 1), date(2024, 12, 31), "Test")
>>> ledger.closing("1000"), ledger.imbalance()
(Decimal('150.00'), (Decimal('0'), Decimal('0.00')))
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Iterable, Mapping

from xlcapital.errors import InputError
from xlcapital.imports import rgs
from xlcapital.imports.model import Ledger
from xlcapital.money import parse_amount, to_decimal

REQUIRED, OPTIONAL = ("account", "closing"), ("name", "rgs", "opening")
COLUMNS = REQUIRED + OPTIONAL


def check_header(header: list[str], source: str) -> list[str]:
    """The normalised column names, or an :class:`InputError` naming the unknown or missing one."""
    columns = [str(h or "").strip().casefold() for h in header]
    for column in columns:
        if column and column not in COLUMNS:
            raise InputError(f"unknown column {column!r}", file=source, line=1, hint="known: " + ", ".join(COLUMNS))
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise InputError(f"missing column {', '.join(missing)}", file=source, line=1,
                         hint="a trial balance needs account and closing (and rgs, or a mapping file)")  # fmt: skip
    return columns


def amount(value: object, *, field: str) -> Decimal:
    """A signed amount from a cell or text: decimal point, or a decimal comma when there is no point."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Decimal(0)
    if isinstance(value, str):
        text = value.strip()
        decimal = "," if re.fullmatch(r"[^.]*,\d{1,2}", text) else "."
        return parse_amount(text, decimal=decimal, field=field)
    return to_decimal(value, field=field)


def ledger_from_rows(rows: Iterable[tuple[int, Mapping[str, object]]], source: str, start: date, end: date,
                     name: str) -> Ledger:  # fmt: skip
    """A ledger from (line, {column: value}) rows of a trial balance."""
    ledger = Ledger(source, name, start, end)
    for line, row in rows:
        account = str(row.get("account") or "").strip()
        if not account:
            if any(str(v or "").strip() for v in row.values()):
                raise InputError("the account is missing", file=source, line=line, field="account")
            continue
        if account in ledger.accounts:
            raise InputError(f"account {account} also on line {ledger.accounts[account].line}", file=source, line=line,
                             field="account")  # fmt: skip
        try:
            opening = amount(row.get("opening"), field="opening")
            closing = amount(row.get("closing"), field="closing")
        except InputError as exc:
            raise exc.with_location(file=source, line=line) from None
        acc = ledger.account(account, line)
        acc.name = str(row.get("name") or "").strip()
        acc.rgs = rgs.clean_code(str(row.get("rgs") or ""))
        acc.kind = {"B": "B", "W": "P"}.get((acc.rgs or " ")[0], "")
        ledger.opening[account] = opening
        ledger.movements[account] = closing - opening
    if not ledger.accounts:
        raise InputError("the trial balance has no accounts", file=source)
    return ledger


__all__ = ["ledger_from_rows", "check_header", "amount", "COLUMNS"]
