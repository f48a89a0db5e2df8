"""An RGS-coded trial balance (CSV or XLSX) into a :class:`Ledger`: the rows both formats share.

One row per account, a header row naming the columns (any order, case does not matter; the Dutch
names of a package's "proefbalans" or "saldibalans" export work too):

=========  =========================================  ======================================================
column     also                                       meaning
=========  =========================================  ======================================================
account    rekening, grootboekrekening, rekeningnummer  the account number (required)
name       omschrijving, naam, description            its description
rgs        rgscode, rgs code, referentiecode          its RGS code (else a mapping file must map the account)
opening    beginsaldo, openingsbalans                 the balance at the start (balance-sheet accounts), default 0
closing    eindsaldo, saldo                           the balance at the end; an income-statement account: the period's amount
debit      debet                                      instead of closing: the end balance as debit ...
credit                                                ... and credit (both positive): closing = debit - credit
=========  =========================================  ======================================================

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
from xlcapital.imports import messages as say
from xlcapital.messages import KNOWN
from xlcapital.imports.model import Ledger
from xlcapital.money import parse_amount, to_decimal

#: Column -> the other names it is known by (a package's Dutch export).
ALIASES = {
    "account": ("rekening", "grootboekrekening", "rekeningnummer"),
    "name": ("omschrijving", "naam", "description"),
    "rgs": ("rgscode", "rgs code", "referentiecode"),
    "opening": ("beginsaldo", "openingsbalans"),
    "closing": ("eindsaldo", "saldo"),
    "debit": ("debet",),
    "credit": (),
}
COLUMNS = tuple(ALIASES)
_NAMES = {alias: column for column, aliases in ALIASES.items() for alias in (column, *aliases)}


def check_header(header: list[str], source: str) -> list[str]:
    """The column of each header cell (by its name or a Dutch one), or an :class:`InputError` naming the problem."""
    columns = []
    for cell in header:
        text = " ".join(str(cell or "").split()).casefold()
        if text and text not in _NAMES:
            raise InputError(say.UNKNOWN_COLUMN(column=text), file=source, line=1, hint=KNOWN(names=", ".join(COLUMNS)))
        if text and _NAMES[text] in columns:
            raise InputError(say.TB_COLUMN_TWICE(column=text, name=_NAMES[text]), file=source, line=1)
        columns.append(_NAMES.get(text, ""))
    if "account" not in columns or not ({"closing", "debit", "credit"} & set(columns)):
        missing = "account" if "account" not in columns else "closing"
        raise InputError(say.TB_MISSING_COLUMN(column=missing), file=source, line=1, hint=say.TB_NEEDS_COLUMNS())  # fmt: skip
    if "closing" in columns and {"debit", "credit"} & set(columns):
        raise InputError(say.TB_CLOSING_OR_DEBIT_CREDIT(), file=source, line=1)
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
                raise InputError(say.TB_ACCOUNT_MISSING(), file=source, line=line, field="account")
            continue
        if account in ledger.accounts:
            raise InputError(say.TB_ACCOUNT_TWICE(account=account, line=ledger.accounts[account].line), file=source,
                             line=line, field="account")  # fmt: skip
        try:
            opening = amount(row.get("opening"), field="opening")
            if "closing" in row:
                closing = amount(row.get("closing"), field="closing")
            else:
                closing = amount(row.get("debit"), field="debit") - amount(row.get("credit"), field="credit")
        except InputError as exc:
            raise exc.with_location(file=source, line=line) from None
        acc = ledger.account(account, line)
        acc.name = str(row.get("name") or "").strip()
        acc.rgs = rgs.clean_code(str(row.get("rgs") or ""))
        acc.kind = {"B": "B", "W": "P"}.get((acc.rgs or " ")[0], "")
        ledger.opening[account] = opening
        ledger.movements[account] = closing - opening
    if not ledger.accounts:
        raise InputError(say.TB_NO_ACCOUNTS(), file=source)
    return ledger


__all__ = ["ledger_from_rows", "check_header", "amount", "COLUMNS", "ALIASES"]
