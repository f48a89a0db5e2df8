"""Every working-capital and cash-flow ratio, each a small pure function.

One calling convention for all of them (the plumbing lives in one place, :func:`_ratio`):

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

import functools
import inspect
import math
from decimal import Decimal
from numbers import Integral, Real
from typing import Any, Callable

import numpy as np

from xlcapital.errors import InputError

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

_NAN_D = Decimal("NaN")
_PAIR_HINT = "a balance is one number or an (opening, closing) pair of two numbers"
_ROWS_HINT = "for many rows pass a numpy array or pandas Series; for many pairs an array of shape (n, 2)"


# --------------------------------------------------------------------------------------------
# The plumbing: read arguments, decide the arithmetic (exact, float or array), shape the result.
# --------------------------------------------------------------------------------------------


def _bad(name: str, value: object, hint: str | None = None) -> InputError:
    return InputError(f"not a number: {value!r}", field=name, hint=hint)


def _scalar(name: str, value: object) -> Decimal | float | None:
    """One number as Decimal (exact: int, Decimal) or float; None for missing (None, NaN)."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        raise _bad(name, value)
    if isinstance(value, Decimal):
        if value.is_nan():
            return None
        if not value.is_finite():
            raise InputError(f"not a finite number: {value!r}", field=name)
        return value
    if isinstance(value, (Integral, np.integer)):
        return Decimal(int(value))
    if isinstance(value, (Real, np.floating)):
        f = float(value)
        if math.isnan(f):
            return None
        if math.isinf(f):
            raise InputError(f"not a finite number: {value!r}", field=name)
        return f
    raise _bad(name, value)


def _float_array(name: str, value: object) -> np.ndarray:
    """An array-like as a float array, refusing text and booleans (numpy would parse "1.5")."""
    arr = np.asarray(value)
    if arr.dtype.kind in "fiu":
        out = arr.astype(float, copy=False)
    elif arr.dtype.kind == "O":
        for item in arr.flat:  # object arrays only: Decimals, None, or a stray string from a sheet
            if item is not None:
                _scalar(name, item)
        out = np.array([np.nan if item is None else float(item) for item in arr.flat], dtype=float)
        out = out.reshape(arr.shape)
    else:
        bad = next(iter(arr.flat), value)
        raise _bad(name, bad.item() if hasattr(bad, "item") else bad)
    if np.isinf(out).any():
        raise InputError(f"not a finite number: {out[np.isinf(out)][0]!r}", field=name)
    return out


def _series_values(name: str, value: Any) -> np.ndarray:
    """A pandas Series / DataFrame as an array, with missing values (pd.NA, None) as NaN."""
    try:
        return value.to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        return _float_array(name, value.to_numpy(dtype=object))


class _Arg:
    """One argument after reading: a scalar (Decimal / float / None) or a float array."""

    __slots__ = ("scalar", "array", "index")

    def __init__(self, scalar=None, array=None, index=None):
        self.scalar, self.array, self.index = scalar, array, index


def _read(name: str, value: object, balance: bool) -> _Arg:
    """Read one argument; a balance may be a pair, a flow may not."""
    if hasattr(value, "to_numpy") and hasattr(value, "index"):  # pandas, without importing it
        return _shape(name, _series_values(name, value), balance, index=value.index)
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return _Arg(scalar=_scalar(name, value.item() if value.dtype.kind != "O" else value[()]))
        return _shape(name, _float_array(name, value), balance)
    if isinstance(value, (tuple, list)):
        if len(value) == 2 and not any(isinstance(v, (tuple, list, np.ndarray)) for v in value):
            if not balance:
                raise InputError(
                    f"a flow over the period is one number, not a pair: {value!r}",
                    field=name,
                    hint="(opening, closing) pairs are for balances such as receivables",
                )
            opening, closing = (_scalar(name, v) for v in value)
            return _Arg(scalar=_average(opening, closing))
        if value and all(isinstance(v, (tuple, list, np.ndarray)) for v in value):
            return _shape(name, _float_array(name, _rectangular(name, value)), balance)
        raise InputError(f"not a number or a pair: {value!r}", field=name, hint=f"{_PAIR_HINT}; {_ROWS_HINT}")
    return _Arg(scalar=_scalar(name, value))


def _rectangular(name: str, rows: list) -> np.ndarray:
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise InputError(f"rows of different widths {sorted(widths)}", field=name, hint=_ROWS_HINT)
    return np.array(rows, dtype=object)


def _shape(name: str, arr: np.ndarray, balance: bool, index=None) -> _Arg:
    """1-D: rows. 2-D (n, 2) for a balance: rows of (opening, closing), averaged. (n, 1): rows."""
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    elif arr.ndim == 2 and arr.shape[1] == 2 and balance:
        arr = (arr[:, 0] + arr[:, 1]) / 2.0
    elif arr.ndim != 1:
        what = "a balance" if balance else "a flow"
        raise InputError(
            f"an array of shape {arr.shape} is not valid for {what}",
            field=name,
            hint="use one value per row (shape (n,))" + (", or (opening, closing) per row (shape (n, 2))" if balance else ""),
        )
    return _Arg(array=arr, index=index)


def _average(opening, closing):
    if opening is None or closing is None:
        return None
    if isinstance(opening, Decimal) and isinstance(closing, Decimal):
        return (opening + closing) / 2
    return (float(opening) + float(closing)) / 2.0


def _div(numerator, denominator):
    """``numerator / denominator``; NaN (Decimal or float) where the denominator is zero or missing.

    Works on exact Decimals, on float scalars and on arrays alike, so each ratio is written once.
    A float quotient beyond the float range (1e300 / 1e-10) has no value either: NaN, never inf.

    >>> _div(np.array([1.0, 1e300, 2.0]), np.array([0.0, 1e-10, 4.0]))
    array([nan, nan, 0.5])
    """
    if isinstance(numerator, Decimal) and isinstance(denominator, Decimal):
        if numerator.is_nan() or denominator.is_nan() or denominator == 0:
            return _NAN_D
        return numerator / denominator
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    out = np.full(np.broadcast_shapes(num.shape, den.shape), np.nan)
    with np.errstate(over="ignore"):
        np.divide(num, den, out=out, where=den != 0)
    out[np.isinf(out)] = np.nan
    return out


def _ratio(*, balances: tuple[str, ...] = (), optional: tuple[str, ...] = (), amount: bool = False) -> Callable:
    """Decorate a ratio written with plain arithmetic and :func:`_div` so it takes every input form.

    ``balances`` name the arguments that accept (opening, closing) pairs; ``optional`` those whose
    ``None`` means "not given" (passed through) rather than "missing"; ``amount`` marks money
    results, which stay exact Decimals when every input is exact.
    """

    def decorate(fn: Callable) -> Callable:
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            read = {
                name: (None if name in optional and value is None else _read(name, value, name in balances))
                for name, value in bound.arguments.items()
            }
            args_ = [a for a in read.values() if a is not None]
            arrays = [(n, a) for n, a in read.items() if a is not None and a.array is not None]
            if arrays:
                _check_lengths(arrays)
                values = {n: None if a is None else (a.array if a.array is not None else _to_float(a.scalar))
                          for n, a in read.items()}
                return _array_result(fn(**values), next((a.index for _, a in arrays if a.index is not None), None))
            exact = amount and all(not isinstance(a.scalar, float) for a in args_)
            convert = _to_decimal if exact else _to_float
            values = {n: None if a is None else convert(a.scalar) for n, a in read.items()}
            return _scalar_result(fn(**values))

        return wrapper  # functools.wraps keeps the signature visible to inspect (the UDF wrappers read it)

    return decorate


def _to_float(x) -> float:
    return np.nan if x is None else float(x)


def _to_decimal(x) -> Decimal:
    return _NAN_D if x is None else x


def _check_lengths(arrays: list) -> None:
    lengths = {a.array.shape[0] for _, a in arrays}
    if len(lengths) > 1:
        detail = ", ".join(f"{n} {a.array.shape[0]}" for n, a in arrays)
        raise InputError(f"arguments have different numbers of rows: {detail}", hint="give every array the same length")


def _scalar_result(result):
    if isinstance(result, Decimal):
        return None if result.is_nan() else result
    f = float(result)
    return f if math.isfinite(f) else None


def _array_result(result, index):
    out = np.asarray(result, dtype=float)
    out = np.where(np.isfinite(out), out, np.nan)  # overflow to inf is "no value" too
    if index is not None:
        import pandas as pd

        return pd.Series(out, index=index)
    return out


# --------------------------------------------------------------------------------------------
# Working capital (balances, point in time)
# --------------------------------------------------------------------------------------------


def _current_assets(receivables, inventory, cash, securities, other_current_assets):
    """Every current asset (vlottende activa incl. liquide middelen): the one sum both WC amounts use."""
    return receivables + inventory + cash + securities + other_current_assets


@_ratio(balances=("receivables", "inventory", "cash", "securities", "other_current_assets"), amount=True)
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


@_ratio(
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


@_ratio(balances=("receivables", "inventory", "cash", "payables"), amount=True)
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


@_ratio(balances=("net_working_capital", "total_assets"))
def working_capital_ratio(net_working_capital, total_assets):
    """Working-capital ratio = net working capital / total assets; healthy band 10-20 % (seed 002).

    >>> working_capital_ratio(40_000, 250_000)
    0.16
    """
    return _div(net_working_capital, total_assets)


@_ratio(balances=("net_working_capital",))
def nwc_to_revenue(net_working_capital, revenue):
    """NWC ratio = net working capital / revenue (seed 004).

    >>> nwc_to_revenue(40_000, 400_000)
    0.1
    """
    return _div(net_working_capital, revenue)


@_ratio(balances=("current_assets", "current_liabilities"))
def current_ratio(current_assets, current_liabilities):
    """Current ratio = current assets / current liabilities; above 1 is healthy.

    >>> current_ratio(150_000, 110_000)
    1.3636363636363635
    """
    return _div(current_assets, current_liabilities)


@_ratio(balances=("current_assets", "inventory", "current_liabilities"))
def quick_ratio(current_assets, inventory, current_liabilities):
    """Quick ratio, broad form (the seeds'): (current assets - inventory) / current liabilities.

    >>> quick_ratio(150_000, 40_000, 110_000)
    1.0
    """
    return _div(current_assets - inventory, current_liabilities)


@_ratio(balances=("cash", "securities", "receivables", "current_liabilities"))
def quick_ratio_narrow(cash, securities, receivables, current_liabilities):
    """Quick ratio, narrow form (acid test): (cash + securities + receivables) / current liabilities.

    >>> quick_ratio_narrow(20_000, 0, 90_000, 110_000)
    1.0
    """
    return _div(cash + securities + receivables, current_liabilities)


@_ratio(balances=("cash", "current_liabilities", "securities"))
def cash_ratio(cash, current_liabilities, securities=0):
    """Cash ratio = (cash + securities) / current liabilities.

    >>> cash_ratio(20_000, 80_000)
    0.25
    """
    return _div(cash + securities, current_liabilities)


# --------------------------------------------------------------------------------------------
# Days and turnover (a balance against a flow over a period of ``days``)
# --------------------------------------------------------------------------------------------


def _days_of(balance, flow, days):
    """balance / (flow / days): how many days of the flow the balance holds."""
    return _div(balance, _div(flow, days))


@_ratio(balances=("receivables",))
def dso(receivables, revenue, days=365):
    """Days sales outstanding = receivables / (revenue / days).

    ``days`` is the length of the period the revenue covers (365 for a year, 91.25 for a quarter).

    >>> dso(90_000, 730_000)
    45.0
    """
    return _days_of(receivables, revenue, days)


@_ratio(balances=("inventory",))
def dsi(inventory, cost_base, days=365):
    """Days inventory = inventory / (cost_base / days).

    ``cost_base`` is COGS in the textbook form, revenue in the seeds' (seed 002).

    >>> dsi(40_000, 365_000)
    40.0
    """
    return _days_of(inventory, cost_base, days)


@_ratio(balances=("payables",))
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


@_ratio(balances=("receivables", "inventory", "payables"), optional=("cogs",))
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


@_ratio(balances=("receivables", "inventory"), optional=("cogs",))
def operating_cycle(receivables, inventory, revenue, cogs=None, days=365):
    """Operating cycle = DSO + DSI, in days (DSI on revenue when ``cogs`` is None, as in :func:`ccc`).

    >>> operating_cycle(90_000, 40_000, 730_000, cogs=365_000)   # 45 + 40
    85.0
    """
    return _days_of(receivables, revenue, days) + _days_of(inventory, _cost_base(revenue, cogs), days)


@_ratio(balances=("receivables",))
def receivables_turnover(receivables, revenue):
    """Receivables turnover = revenue / receivables (times per period; ``days / turnover`` = DSO).

    >>> receivables_turnover((80_000, 100_000), 720_000)
    8.0
    """
    return _div(revenue, receivables)


@_ratio(balances=("inventory",))
def inventory_turnover(inventory, cost_base):
    """Inventory turnover = cost_base / inventory (COGS textbook, revenue in the seeds' reading).

    >>> inventory_turnover(40_000, 360_000)
    9.0
    """
    return _div(cost_base, inventory)


@_ratio(balances=("payables",))
def payables_turnover(payables, cost_base):
    """Payables turnover = cost_base / payables (COGS or purchases; revenue in the seeds' reading).

    >>> payables_turnover(30_000, 360_000)
    12.0
    """
    return _div(cost_base, payables)


@_ratio(balances=("net_working_capital",))
def working_capital_turnover(net_working_capital, revenue):
    """Working-capital turnover = revenue / net working capital (the inverse of the NWC ratio).

    >>> working_capital_turnover(40_000, 400_000)
    10.0
    """
    return _div(revenue, net_working_capital)


# --------------------------------------------------------------------------------------------
# Cash flow and coverage (seed 004)
# --------------------------------------------------------------------------------------------


@_ratio(amount=True)
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


@_ratio()
def interest_coverage(ebit, interest):
    """Interest coverage = EBIT / interest (seed 004).

    >>> interest_coverage(60_000, 12_000)
    5.0
    """
    return _div(ebit, interest)


@_ratio()
def cashflow_interest_coverage(cashflow, interest):
    """Cash-flow interest coverage = (BHK) cash flow / interest (seed 004).

    >>> cashflow_interest_coverage(72_000, 12_000)
    6.0
    """
    return _div(cashflow, interest)


@_ratio()
def cashflow_coverage(cashflow, interest, repayment):
    """Cash-flow coverage = (BHK) cash flow / (interest + repayment) (seed 004).

    >>> cashflow_coverage(72_000, 12_000, 24_000)
    2.0
    """
    return _div(cashflow, interest + repayment)


@_ratio()
def ocf_ratio(operating_cashflow, short_term_interest, short_term_repayment):
    """OCF ratio (debt service) = cash flow from operating activities / (short-term interest + repayment).

    Seed 004: this year's operating cash flow against next year's interest and principal due.

    >>> ocf_ratio(90_000, 12_000, 24_000)
    2.5
    """
    return _div(operating_cashflow, short_term_interest + short_term_repayment)


# --------------------------------------------------------------------------------------------
# Liquidity in months (seed 001)
# --------------------------------------------------------------------------------------------


@_ratio(amount=True)
def burn_rate(receipts, payments, months=1):
    """Net burn per month = (payments - receipts) / months; positive when cash shrinks.

    Both ``receipts`` and ``payments`` are positive amounts over ``months`` months (a negative
    result is a net inflow).

    >>> burn_rate(30_000, 45_000, months=3)
    Decimal('5000')
    """
    return _div(payments - receipts, months)


@_ratio(balances=("cash",))
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
    return np.maximum(_div(cash, burning), 0.0)


@_ratio(balances=("cash", "obligations", "buffer"), amount=True)
def free_cash(cash, obligations, buffer=0):
    """Free cash = cash - committed obligations - the buffer kept aside (seeds 000, 001).

    >>> free_cash(60_000, 35_000, buffer=10_000)
    Decimal('15000')
    """
    return cash - obligations - buffer


@_ratio(balances=("cash",))
def buffer_months(cash, monthly_fixed_costs):
    """Cash buffer in months = cash / monthly fixed costs; rule of thumb at least 3 (seed 001).

    >>> buffer_months(60_000, 20_000)
    3.0
    """
    return _div(cash, monthly_fixed_costs)


#: Every ratio function by name, in the order the CLI lists them.
RATIO_FUNCTIONS: dict[str, Callable] = {name: globals()[name] for name in __all__ if name != "RATIO_FUNCTIONS"}
