"""Every working-capital and cash-flow ratio, each a small pure function.

One calling convention for all of them (the plumbing lives in one place, :mod:`xlcapital.ratio_args`):

* **A number**: ``int``, ``float``, :class:`~decimal.Decimal` or a numpy number.
  ``None`` or NaN means *missing*: the result is then missing too.
* **A balance** (an argument such as ``receivables``, ``inventory``, ``payables``, ``cash``,
  ``current_liabilities``) may also be an ``(opening, closing)`` pair: a tuple or list of exactly
  two numbers, meaning their average ``(opening + closing) / 2``. Flows (``revenue``, ``cogs``,
  ``interest``, ``days`` ...) are one number: a pair there is an error.
* **Many rows at once**: a 1-D numpy array or pandas Series is one value per row, computed
  element-wise (vectorized, no Python loop). For a balance, a 2-D array (or list of lists, or a
  two-column DataFrame) of shape ``(n, 2)`` is ``n`` pairs: column 0 opening, column 1 closing
  (an Excel range two cells wide). Shape ``(n, 1)`` is ``n`` rows. Arrays and scalars broadcast.
  A flat list or tuple of any length other than two is refused as ambiguous: pass an array.
* **No value**: a zero or missing denominator gives ``None`` for scalars and NaN in arrays,
  never 0 and never inf.
* **Bad input** (text, a boolean, an infinity, a list of the wrong shape) raises
  :class:`~xlcapital.errors.InputError` naming the argument and the value.
* **Results**: ratios and day counts are ``float`` (or ``None``). Amounts (gross/net working
  capital, BHK cash flow, burn rate, free cash) stay exact :class:`~decimal.Decimal` when every
  input is an ``int`` or a ``Decimal``; with a float input they are ``float``. Array inputs give a
  float numpy array; when any input is a pandas Series the result is a Series with its index.

>>> dso(90_000, 730_000)                      # 90,000 / (730,000 / 365)
45.0
>>> dso((80_000, 100_000), 730_000)           # average receivables 90,000
45.0
>>> current_ratio(100, 0) is None             # zero denominator: no value
True
>>> import numpy as np
>>> dso(np.array([90_000.0, 0.0]), np.array([730_000.0, 0.0]))
array([45., nan])
>>> dso(np.array([[80_000.0, 100_000.0], [40_000.0, 50_000.0]]), 730_000.0)   # rows of (opening, closing)
array([45. , 22.5])
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from xlcapital.ratio_args import divide, ratio

__all__ = [
    "gross_working_capital",
    "net_working_capital",
    "net_working_capital_narrow",
    "working_capital_ratio",
    "nwc_to_revenue",
    "current_ratio",
    "quick_ratio",
    "quick_ratio_narrow",
    "cash_ratio",
    "dso",
    "dsi",
    "dpo",
    "ccc",
    "operating_cycle",
    "receivables_turnover",
    "inventory_turnover",
    "payables_turnover",
    "working_capital_turnover",
    "bhk_cashflow",
    "interest_coverage",
    "cashflow_interest_coverage",
    "cashflow_coverage",
    "ocf_ratio",
    "burn_rate",
    "cash_runway",
    "free_cash",
    "buffer_months",
    "RATIO_FUNCTIONS",
]

# --------------------------------------------------------------------------------------------
# Working capital (balances, point in time)
# --------------------------------------------------------------------------------------------


def _current_assets(receivables, inventory, cash, securities, other_current_assets):
    """Every current asset (vlottende activa incl. liquide middelen): the one sum both WC amounts use."""
    return receivables + inventory + cash + securities + other_current_assets


@ratio(balances=("receivables", "inventory", "cash", "securities", "other_current_assets"), amount=True)
def gross_working_capital(receivables, inventory, cash, securities=0, other_current_assets=0):
    """Gross working capital = current assets = receivables + inventory + cash + securities + other current assets.

    ``cash`` is the freely available cash ("vrij besteedbare liquide middelen"); ``other_current_assets``
    are prepayments and other short-term claims (overlopende activa). Seed 003 has neither securities
    nor other current assets: 90,000 + 40,000 + 20,000.

    >>> gross_working_capital(90_000, 40_000, 20_000)   # seed 003
    Decimal('150000')
    >>> gross_working_capital(90_000, 40_000, 20_000, securities=5_000, other_current_assets=3_000)
    Decimal('158000')
    """
    return _current_assets(receivables, inventory, cash, securities, other_current_assets)


@ratio(
    balances=("receivables", "inventory", "cash", "current_liabilities", "securities", "other_current_assets"),
    amount=True,
)
def net_working_capital(receivables, inventory, cash, current_liabilities, securities=0, other_current_assets=0):
    """Net working capital = current assets - current liabilities (gross working capital - current liabilities).

    The same quantity as ``BalanceSheet.net_working_capital`` and the numerator of
    :func:`working_capital_ratio`. When the payables are the only current liabilities this is
    seed 003's figure; for seed 003's short form on any balance sheet see :func:`net_working_capital_narrow`.

    >>> net_working_capital(90_000, 40_000, 20_000, 110_000)   # seed 003: payables are all the current liabilities
    Decimal('40000')
    """
    return _current_assets(receivables, inventory, cash, securities, other_current_assets) - current_liabilities


@ratio(balances=("receivables", "inventory", "cash", "payables"), amount=True)
def net_working_capital_narrow(receivables, inventory, cash, payables):
    """Net working capital, the seeds' short form = receivables + inventory + cash - payables (seed 003).

    Seed 003's "netto werkkapitaal": debiteuren + voorraad + vrij besteedbare liquide middelen
    -/- crediteuren. It leaves out securities, other current assets and every current liability but
    the trade payables (overdraft, accruals, taxes, debt due within a year), so it is usually larger
    than :func:`net_working_capital`.

    >>> net_working_capital_narrow(90_000, 40_000, 20_000, 110_000)   # seed 003
    Decimal('40000')
    """
    return receivables + inventory + cash - payables


@ratio(balances=("net_working_capital", "total_assets"))
def working_capital_ratio(net_working_capital, total_assets):
    """Working-capital ratio = net working capital / total assets; healthy band 10-20 % (seed 002).

    >>> working_capital_ratio(40_000, 250_000)
    0.16
    """
    return divide(net_working_capital, total_assets)


@ratio(balances=("net_working_capital",))
def nwc_to_revenue(net_working_capital, revenue):
    """NWC ratio = net working capital / revenue (seed 004).

    >>> nwc_to_revenue(40_000, 400_000)
    0.1
    """
    return divide(net_working_capital, revenue)


@ratio(balances=("current_assets", "current_liabilities"))
def current_ratio(current_assets, current_liabilities):
    """Current ratio = current assets / current liabilities; above 1 is healthy.

    >>> current_ratio(150_000, 110_000)
    1.3636363636363635
    """
    return divide(current_assets, current_liabilities)


@ratio(balances=("current_assets", "inventory", "current_liabilities"))
def quick_ratio(current_assets, inventory, current_liabilities):
    """Quick ratio, broad form (the seeds'): (current assets - inventory) / current liabilities.

    >>> quick_ratio(150_000, 40_000, 110_000)
    1.0
    """
    return divide(current_assets - inventory, current_liabilities)


@ratio(balances=("cash", "securities", "receivables", "current_liabilities"))
def quick_ratio_narrow(cash, securities, receivables, current_liabilities):
    """Quick ratio, narrow form (acid test): (cash + securities + receivables) / current liabilities.

    >>> quick_ratio_narrow(20_000, 0, 90_000, 110_000)
    1.0
    """
    return divide(cash + securities + receivables, current_liabilities)


@ratio(balances=("cash", "current_liabilities", "securities"))
def cash_ratio(cash, current_liabilities, securities=0):
    """Cash ratio = (cash + securities) / current liabilities.

    >>> cash_ratio(20_000, 80_000)
    0.25
    """
    return divide(cash + securities, current_liabilities)


# --------------------------------------------------------------------------------------------
# Days and turnover (a balance against a flow over a period of ``days``)
# --------------------------------------------------------------------------------------------


def _days_of(balance, flow, days):
    """balance / (flow / days): how many days of the flow the balance holds."""
    return divide(balance, divide(flow, days))


@ratio(balances=("receivables",))
def dso(receivables, revenue, days=365):
    """Days sales outstanding = receivables / (revenue / days).

    ``days`` is the length of the period the revenue covers (365 for a year, 91.25 for a quarter).

    >>> dso(90_000, 730_000)
    45.0
    """
    return _days_of(receivables, revenue, days)


@ratio(balances=("inventory",))
def dsi(inventory, cost_base, days=365):
    """Days inventory = inventory / (cost_base / days).

    ``cost_base`` is COGS in the textbook form, revenue in the seeds' (seed 002).

    >>> dsi(40_000, 365_000)
    40.0
    """
    return _days_of(inventory, cost_base, days)


@ratio(balances=("payables",))
def dpo(payables, cost_base, days=365):
    """Days payables outstanding = payables / (cost_base / days).

    ``cost_base`` is COGS (or purchases) in the textbook form, revenue in the seeds'.

    >>> dpo(30_000, 365_000)
    30.0
    """
    return _days_of(payables, cost_base, days)


def _cost_base(revenue, cogs):
    """The seeds divide inventory and payables by revenue; the textbook by COGS."""
    return revenue if cogs is None else cogs


@ratio(balances=("receivables", "inventory", "payables"), optional=("cogs",))
def ccc(receivables, inventory, payables, revenue, cogs=None, days=365):
    """Cash conversion cycle = DSO + DSI - DPO, in days.

    With ``cogs=None`` DSI and DPO divide by revenue: the seeds' "days working capital" (seed
    002). With ``cogs`` they divide by COGS, the textbook CCC. DSO always divides by revenue.

    >>> ccc(90_000, 40_000, 30_000, 730_000, days=365)          # 45 + 20 - 15
    50.0
    >>> ccc(90_000, 40_000, 30_000, 730_000, cogs=365_000)      # 45 + 40 - 30
    55.0
    """
    base = _cost_base(revenue, cogs)
    return _days_of(receivables, revenue, days) + _days_of(inventory, base, days) - _days_of(payables, base, days)


@ratio(balances=("receivables", "inventory"), optional=("cogs",))
def operating_cycle(receivables, inventory, revenue, cogs=None, days=365):
    """Operating cycle = DSO + DSI, in days (DSI on revenue when ``cogs`` is None, as in :func:`ccc`).

    >>> operating_cycle(90_000, 40_000, 730_000, cogs=365_000)   # 45 + 40
    85.0
    """
    return _days_of(receivables, revenue, days) + _days_of(inventory, _cost_base(revenue, cogs), days)


@ratio(balances=("receivables",))
def receivables_turnover(receivables, revenue):
    """Receivables turnover = revenue / receivables (times per period; ``days / turnover`` = DSO).

    >>> receivables_turnover((80_000, 100_000), 720_000)
    8.0
    """
    return divide(revenue, receivables)


@ratio(balances=("inventory",))
def inventory_turnover(inventory, cost_base):
    """Inventory turnover = cost_base / inventory (COGS textbook, revenue in the seeds' reading).

    >>> inventory_turnover(40_000, 360_000)
    9.0
    """
    return divide(cost_base, inventory)


@ratio(balances=("payables",))
def payables_turnover(payables, cost_base):
    """Payables turnover = cost_base / payables (COGS or purchases; revenue in the seeds' reading).

    >>> payables_turnover(30_000, 360_000)
    12.0
    """
    return divide(cost_base, payables)


@ratio(balances=("net_working_capital",))
def working_capital_turnover(net_working_capital, revenue):
    """Working-capital turnover = revenue / net working capital (the inverse of the NWC ratio).

    >>> working_capital_turnover(40_000, 400_000)
    10.0
    """
    return divide(revenue, net_working_capital)


# --------------------------------------------------------------------------------------------
# Cash flow and coverage (seed 004)
# --------------------------------------------------------------------------------------------


@ratio(amount=True)
def bhk_cashflow(earnings_after_tax, depreciation, provisions_added=0, provisions_released=0, retained_participations=0):
    """BHK (accounting) cash flow, a rule of thumb (seed 004).

    Simple: earnings after tax + depreciation. Extended (when the other arguments are given):
    + provisions added - provisions released - retained profit of non-consolidated participations.

    >>> bhk_cashflow(50_000, 20_000)
    Decimal('70000')
    >>> bhk_cashflow(50_000, 20_000, provisions_added=5_000, provisions_released=2_000, retained_participations=1_000)
    Decimal('72000')
    """
    return earnings_after_tax + depreciation + provisions_added - provisions_released - retained_participations


@ratio()
def interest_coverage(ebit, interest):
    """Interest coverage = EBIT / interest (seed 004).

    >>> interest_coverage(60_000, 12_000)
    5.0
    """
    return divide(ebit, interest)


@ratio()
def cashflow_interest_coverage(cashflow, interest):
    """Cash-flow interest coverage = (BHK) cash flow / interest (seed 004).

    >>> cashflow_interest_coverage(72_000, 12_000)
    6.0
    """
    return divide(cashflow, interest)


@ratio()
def cashflow_coverage(cashflow, interest, repayment):
    """Cash-flow coverage = (BHK) cash flow / (interest + repayment) (seed 004).

    >>> cashflow_coverage(72_000, 12_000, 24_000)
    2.0
    """
    return divide(cashflow, interest + repayment)


@ratio()
def ocf_ratio(operating_cashflow, short_term_interest, short_term_repayment):
    """OCF ratio (debt service) = cash flow from operating activities / (short-term interest + repayment).

    Seed 004: this year's operating cash flow against next year's interest and principal due.

    >>> ocf_ratio(90_000, 12_000, 24_000)
    2.5
    """
    return divide(operating_cashflow, short_term_interest + short_term_repayment)


# --------------------------------------------------------------------------------------------
# Liquidity in months (seed 001)
# --------------------------------------------------------------------------------------------


@ratio(amount=True)
def burn_rate(receipts, payments, months=1):
    """Net burn per month = (payments - receipts) / months; positive when cash shrinks.

    Both ``receipts`` and ``payments`` are positive amounts over ``months`` months (a negative
    result is a net inflow).

    >>> burn_rate(30_000, 45_000, months=3)
    Decimal('5000')
    """
    return divide(payments - receipts, months)


@ratio(balances=("cash",))
def cash_runway(cash, monthly_burn):
    """Cash runway in months = cash / monthly burn, while burning.

    Not burning (``monthly_burn <= 0``: cash is stable or growing) gives ``None`` (NaN in arrays):
    the cash does not run out, so there is no runway to count. Test ``monthly_burn <= 0`` to tell
    "not burning" from missing data. Cash at or below zero while burning gives 0.0 months.

    >>> cash_runway(60_000, 5_000)
    12.0
    >>> cash_runway(60_000, -1_000) is None
    True
    >>> cash_runway(-500, 5_000)
    0.0
    """
    burning = np.where(np.asarray(monthly_burn, dtype=float) > 0, monthly_burn, np.nan)
    return np.maximum(divide(cash, burning), 0.0)


@ratio(balances=("cash", "obligations", "buffer"), amount=True)
def free_cash(cash, obligations, buffer=0):
    """Free cash = cash - committed obligations - the buffer kept aside (seeds 000, 001).

    >>> free_cash(60_000, 35_000, buffer=10_000)
    Decimal('15000')
    """
    return cash - obligations - buffer


@ratio(balances=("cash",))
def buffer_months(cash, monthly_fixed_costs):
    """Cash buffer in months = cash / monthly fixed costs; rule of thumb at least 3 (seed 001).

    >>> buffer_months(60_000, 20_000)
    3.0
    """
    return divide(cash, monthly_fixed_costs)


#: Every ratio function by name, in the order the CLI lists them.
RATIO_FUNCTIONS: dict[str, Callable] = {name: globals()[name] for name in __all__ if name != "RATIO_FUNCTIONS"}
