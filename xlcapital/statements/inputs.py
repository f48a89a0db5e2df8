"""The statement's inputs: a balance sheet on a date, the income statement of the period between two,
and the cash facts a balance sheet cannot show. Every amount an exact Decimal, 0 when absent."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal

from xlcapital import ratios
from xlcapital.errors import BalanceSheetError
from xlcapital.money import to_decimal
from xlcapital.statements import messages as say

__all__ = ["BalanceSheet", "IncomeStatement", "CashflowFacts", "ZERO"]

ZERO = Decimal(0)


def _amount_fields(obj, optional: tuple[str, ...] = ()) -> None:
    """Turn every field of a frozen dataclass into a Decimal (0 when None), naming a bad one."""
    for f in fields(obj):
        if not f.init:
            continue
        value = getattr(obj, f.name)
        if value is None and f.name in optional:
            continue
        if value is None or value == "":
            value = ZERO
        object.__setattr__(obj, f.name, to_decimal(value, field=f.name))


@dataclass(frozen=True)
class BalanceSheet:
    """A balance sheet on one date. Assets first, then liabilities and equity.

    Current assets = cash + securities + receivables + inventory + other_current_assets.
    Current liabilities = payables + accruals + tax_payable + interest_payable + overdraft
    + short_term_debt. Total liabilities and equity add long_term_debt, provisions and equity.
    ``short_term_debt`` is the principal due within a year (kt-aflossing and short loans).

    >>> b = BalanceSheet(cash=20_000, receivables=90_000, inventory=40_000, payables=110_000, equity=40_000)
    >>> b.current_assets, b.current_liabilities, b.balances
    (Decimal('150000'), Decimal('110000'), True)
    """

    cash: Decimal = ZERO
    securities: Decimal = ZERO
    receivables: Decimal = ZERO
    inventory: Decimal = ZERO
    other_current_assets: Decimal = ZERO
    fixed_assets: Decimal = ZERO
    payables: Decimal = ZERO
    accruals: Decimal = ZERO
    tax_payable: Decimal = ZERO
    interest_payable: Decimal = ZERO
    overdraft: Decimal = ZERO
    short_term_debt: Decimal = ZERO
    long_term_debt: Decimal = ZERO
    provisions: Decimal = ZERO
    equity: Decimal = ZERO

    def __post_init__(self) -> None:
        _amount_fields(self)

    @property
    def current_assets(self) -> Decimal:
        """Every current asset: :func:`xlcapital.ratios.gross_working_capital` of this sheet."""
        return ratios.gross_working_capital(
            self.receivables, self.inventory, self.cash, self.securities, self.other_current_assets
        )

    @property
    def total_assets(self) -> Decimal:
        return self.current_assets + self.fixed_assets

    @property
    def current_liabilities(self) -> Decimal:
        return (
            self.payables + self.accruals + self.tax_payable + self.interest_payable + self.overdraft + self.short_term_debt
        )

    @property
    def debt(self) -> Decimal:
        """Interest-bearing loans, short and long (the overdraft is netted with cash instead)."""
        return self.short_term_debt + self.long_term_debt

    @property
    def total_liabilities_and_equity(self) -> Decimal:
        return self.current_liabilities + self.long_term_debt + self.provisions + self.equity

    @property
    def net_cash(self) -> Decimal:
        """Cash net of the overdraft: the position the cash-flow statement explains."""
        return self.cash - self.overdraft

    @property
    def net_working_capital(self) -> Decimal:
        """Current assets - current liabilities (what :func:`xlcapital.ratios.net_working_capital` computes)."""
        return self.current_assets - self.current_liabilities

    @property
    def operating_working_capital(self) -> Decimal:
        """Inherent net working capital: receivables + inventory + other current assets - payables - accruals."""
        return self.receivables + self.inventory + self.other_current_assets - self.payables - self.accruals

    @property
    def imbalance(self) -> Decimal:
        """Total assets - total liabilities and equity (0 when the sheet balances)."""
        return self.total_assets - self.total_liabilities_and_equity

    @property
    def balances(self) -> bool:
        return self.imbalance == 0

    def check(self, name: str = "balance sheet") -> "BalanceSheet":
        """Return self, or raise :class:`BalanceSheetError` naming both totals when it does not balance."""
        if not self.balances:
            raise BalanceSheetError(
                say.DOES_NOT_BALANCE(assets=self.total_assets, liabilities=self.total_liabilities_and_equity,
                                     difference=self.imbalance),
                field=name, hint=say.CHECK_AMOUNTS())
        return self


@dataclass(frozen=True)
class IncomeStatement:
    """The income statement of the period between the two balance sheets.

    ``ebit`` may be left out: it is then revenue - cogs - operating_expenses - depreciation
    (provisions added count as operating expenses). ``interest`` and ``tax`` are charges
    (positive = cost); ``extraordinary`` is signed (gain positive).

    Earnings after tax = ebit - interest + extraordinary - tax + retained_participations.

    >>> i = IncomeStatement(revenue=100, cogs=60, operating_expenses=20, depreciation=5, interest=3, tax=2)
    >>> i.ebit, i.earnings_after_tax, i.ebit_given
    (Decimal('15'), Decimal('10'), False)
    """

    revenue: Decimal = ZERO
    cogs: Decimal = ZERO
    operating_expenses: Decimal = ZERO
    depreciation: Decimal = ZERO
    provisions_added: Decimal = ZERO
    provisions_released: Decimal = ZERO
    ebit: Decimal | None = None
    interest: Decimal = ZERO
    extraordinary: Decimal = ZERO
    tax: Decimal = ZERO
    retained_participations: Decimal = ZERO
    ebit_given: bool = field(init=False, default=True, compare=False)

    def __post_init__(self) -> None:
        _amount_fields(self, optional=("ebit",))
        if self.ebit is None:
            object.__setattr__(self, "ebit", self.revenue - self.cogs - self.operating_expenses - self.depreciation)
            object.__setattr__(self, "ebit_given", False)

    @property
    def earnings_after_tax(self) -> Decimal:
        return self.ebit - self.interest + self.extraordinary - self.tax + self.retained_participations


@dataclass(frozen=True)
class CashflowFacts:
    """What balance sheets cannot show, all positive amounts of cash in the period.

    ``investments`` paid for fixed assets; ``disposals`` received for fixed assets sold (at book
    value; a gain or loss goes in ``income.extraordinary``); ``new_loans`` drawn; ``repayments``
    of loan principal; ``share_issues`` paid in; ``dividends`` paid.
    """

    investments: Decimal = ZERO
    disposals: Decimal = ZERO
    new_loans: Decimal = ZERO
    repayments: Decimal = ZERO
    share_issues: Decimal = ZERO
    dividends: Decimal = ZERO

    def __post_init__(self) -> None:
        _amount_fields(self)
