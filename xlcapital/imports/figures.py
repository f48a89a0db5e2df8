"""A :class:`Ledger` onto the items of the company file: both balance sheets and the income statement.

Each account goes to one item: the user's mapping file first, else the longest RGS prefix
(:mod:`xlcapital.imports.rgs`). An item's amount is the sum of its accounts' signed balances
times the item's sign (assets and costs debit, the rest credit). The unclosed result (the
income-statement accounts' balances) belongs to equity. A bank account with a credit balance is
an overdraft on that date (and an overdraft account in debit is cash).

Nothing is dropped: the ledger must balance (opening and closing), every account with an amount
must map (or, with ``allow_unmapped``, go to a named residual line: debit balances to
``other_current_assets``, credit balances to ``accruals``, results to ``extraordinary``), and
the result is checked: both balance sheets balance and equal the trial balance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from xlcapital.errors import InputError
from xlcapital.imports import rgs
from xlcapital.imports.mapping import Mapping
from xlcapital.imports.model import ZERO, Ledger
from xlcapital.statements import BalanceSheet, IncomeStatement
from xlcapital.imports import messages as say

#: Where unmapped amounts go with ``allow_unmapped``: (debit balance, credit balance, result).
RESIDUAL_DEBIT, RESIDUAL_CREDIT, RESIDUAL_RESULT = "other_current_assets", "accruals", "extraordinary"
_LISTED = 8  # unmapped accounts named in the one-line error


@dataclass(frozen=True)
class AccountRow:
    """One account of the trial balance, with the item it went to ('' = unmapped)."""

    id: str
    name: str
    rgs: str
    item: str
    opening: Decimal
    closing: Decimal

    @property
    def period(self) -> Decimal:
        return self.closing - self.opening


@dataclass
class Figures:
    """The company file's balance and income sections, and the trail of how they were made."""

    opening: dict[str, Decimal]
    closing: dict[str, Decimal]
    income: dict[str, Decimal]
    accounts: list[AccountRow]
    residual: list[AccountRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def balance_sheets(self) -> tuple[BalanceSheet, BalanceSheet]:
        return BalanceSheet(**self.opening), BalanceSheet(**self.closing)

    def income_statement(self) -> IncomeStatement:
        return IncomeStatement(**self.income)


def account_item(account, mapping: Mapping | None) -> str:
    """The item of an account ('' when nothing maps it)."""
    if mapping is not None:
        item = mapping.item_of(account.id)
        if item:
            return item
    return (rgs.item_of(account.rgs) if account.rgs else None) or ""


def figures(ledger: Ledger, mapping: Mapping | None = None, *, allow_unmapped: bool = False) -> Figures:
    """Map the ledger's accounts onto the company file's items (see the module's rules)."""
    _check_balanced(ledger)
    rows = [
        AccountRow(a.id, a.name, a.rgs or "", account_item(a, mapping), ledger.opening.get(a.id, ZERO), ledger.closing(a.id))
        for a in sorted(ledger.accounts.values(), key=lambda a: a.id)
    ]
    unmapped = [r for r in rows if not r.item and (r.opening or r.closing)]
    if unmapped and not allow_unmapped:
        listed = [say.UNMAPPED_ACCOUNT(account=r.id, name=r.name, opening=r.opening, closing=r.closing)
                  for r in unmapped[:_LISTED]]
        more = say.AND_MORE(count=len(unmapped) - _LISTED) if len(unmapped) > _LISTED else ""
        raise InputError(say.UNMAPPED(count=len(unmapped), listed=listed, more=more), file=ledger.source,
                         hint=say.MAP_UNMAPPED())
    result = Figures({k: ZERO for k in rgs.BALANCE_ITEMS}, {k: ZERO for k in rgs.BALANCE_ITEMS}, {}, rows)
    for row in rows:
        kind = ledger.accounts[row.id].kind
        if row.item and rgs.is_balance_item(row.item):
            _book_balance(result.opening, row.item, row.opening)
            _book_balance(result.closing, row.item, row.closing)
        elif row.item:
            _book_result(result, ledger, row, row.item)
        elif kind == "P":
            result.residual.append(row)
            _book_result(result, ledger, row, RESIDUAL_RESULT)
        elif row.opening or row.closing:
            result.residual.append(row)
            for sheet, amount in ((result.opening, row.opening), (result.closing, row.closing)):
                sheet[RESIDUAL_DEBIT if amount > 0 else RESIDUAL_CREDIT] += abs(amount)
        if row.item and ledger.accounts[row.id].rgs:
            memo = rgs.memo_of(ledger.accounts[row.id].rgs)
            if memo:
                result.income[memo] = result.income.get(memo, ZERO) + row.period
    for sheet in (result.opening, result.closing):
        for item, other in rgs.ITEM_FLIPS.items():
            if sheet[item] < 0:
                sheet[other] -= sheet[item]  # the other side: a negative debt is a claim of the same size
                sheet[item] = ZERO
    if result.residual:
        result.warnings.append(say.RESIDUAL(count=len(result.residual), debit=RESIDUAL_DEBIT, credit=RESIDUAL_CREDIT,
                                            result=RESIDUAL_RESULT,
                                            accounts=", ".join(f"{r.id} {r.name}".strip() for r in result.residual)))
    _check(ledger, result)
    posted = sum(ledger.postings.get(r.id, 0) for r in rows if r.item in rgs.INCOME_ITEMS)
    if posted and not any(result.income.get(item) for item in rgs.INCOME_ITEMS):
        result.warnings.append(say.EMPTY_INCOME(source=ledger.source, postings=posted))
    return result


def _book_balance(sheet: dict[str, Decimal], item: str, balance: Decimal) -> None:
    amount = rgs.sign(item) * balance
    if amount < 0 and item in rgs.FLIPS:
        item = rgs.FLIPS[item]
        amount = rgs.sign(item) * balance
    sheet[item] += amount


def _book_result(result: Figures, ledger: Ledger, row: AccountRow, item: str) -> None:
    """An income-statement account: its period movement in the item, balances carried into equity."""
    result.income[item] = result.income.get(item, ZERO) + rgs.sign(item) * row.period
    result.opening["equity"] -= row.opening
    result.closing["equity"] -= row.closing
    if row.opening:
        ledger.warnings.append(say.OPENING_IN_EQUITY(source=ledger.source, account=row.id, name=row.name, item=item,
                                                     amount=row.opening))


def _check_balanced(ledger: Ledger) -> None:
    opening, closing = ledger.imbalance()
    for name, amount in ((say.OPENING_BALANCE(), opening), (say.LEDGER_AT_END(), closing)):
        if amount:
            side = say.DEBIT() if amount > 0 else say.CREDIT()
            raise InputError(say.DOES_NOT_BALANCE(name=name, side=side, amount=abs(amount)), file=ledger.source,
                             hint=say.DEBIT_EQUALS_CREDIT())


def _check(ledger: Ledger, result: Figures) -> None:
    """Both sheets balance, and the items equal the trial balance (counted another way: by account)."""
    opening_sheet, closing_sheet = result.balance_sheets()
    opening_sheet.check(say.IMPORTED_OPENING())
    closing_sheet.check(say.IMPORTED_CLOSING())
    earnings = result.income_statement().earnings_after_tax
    result_accounts = sum((-r.period for r in result.accounts if r.item in rgs.INCOME_ITEMS or r in result.residual
                           and ledger.accounts[r.id].kind == "P"), ZERO)  # fmt: skip
    if earnings != result_accounts:  # pragma: no cover - a defect of the mapping, not of the input
        raise AssertionError(f"income statement {earnings} but the result accounts say {result_accounts}")


__all__ = ["figures", "Figures", "AccountRow", "account_item", "RESIDUAL_DEBIT", "RESIDUAL_CREDIT", "RESIDUAL_RESULT"]
