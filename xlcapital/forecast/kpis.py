"""KPIs of a forecast, computed with :mod:`xlcapital.ratios` (docs/forecast-model.md section 8).

The forecast supplies the amounts (cash, flows over the horizon, open items, fixed costs); the
ratio functions do the ratio maths. Nothing here is a second implementation of a ratio.

>>> from decimal import Decimal
>>> horizon_months(13)                  # 91 days in months of 365/12 days
Decimal('2.991780821917808219178082192')
>>> per_month("quarterly"), per_month("weekly")
(Decimal('0.3333333333333333333333333333'), Decimal('4.345238095238095238095238095'))
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from xlcapital import ratios
from xlcapital.forecast.engine import Run
from xlcapital.forecast.inputs import Inputs, Recurring

ZERO = Decimal(0)


def horizon_months(weeks: int) -> Decimal:
    """``84 N / 365``: N weeks in months of 365/12 days."""
    return Decimal(84 * weeks) / 365


def per_month(frequency: str) -> Decimal:
    """How many occurrences of a recurring item fall in a month of 365/12 days, on average."""
    return {
        "weekly": Decimal(365) / 84,
        "monthly": Decimal(1),
        "quarterly": Decimal(1) / 3,
        "yearly": Decimal(1) / 12,
        "once": ZERO,
    }[frequency]


def _overlaps(item: Recurring, first, last) -> bool:
    return (item.start is None or item.start <= last) and (item.end is None or item.end >= first)


def monthly_fixed_costs(inputs: Inputs, weeks: int | None = None) -> Decimal:
    """Sum of ``-amount * per_month`` over the fixed recurring items active in the horizon."""
    s = inputs.settings
    first, last = s.start, s.start + timedelta(days=7 * (weeks or s.weeks) - 1)
    return sum(
        (-r.amount * per_month(r.frequency) for r in inputs.recurring if r.fixed and _overlaps(r, first, last)),
        ZERO,
    )


def flows(run: Run) -> tuple[Decimal, Decimal]:
    """(receipts, payments) over the weekly horizon, both positive."""
    receipts = sum((w.receipts_total for w in run.weeks), ZERO)
    payments = -sum((w.payments_total for w in run.weeks), ZERO)
    return receipts, payments


def monthly_costs(run: Run) -> Decimal:
    """Average payments per month over the horizon: ``payments_h / months_h``."""
    return flows(run)[1] / horizon_months(len(run.weeks))


def week_free_cash(run: Run, buffer: Decimal) -> list[Decimal]:
    """Free cash per week: ``ratios.free_cash(closing_w, 0, B)``; the forecast already paid what was due."""
    return [ratios.free_cash(w.closing_cash, ZERO, buffer) for w in run.weeks]


def compute(inputs: Inputs, run: Run) -> dict[str, Any]:
    """Every KPI of docs section 8 for the run (normally the default scenario's)."""
    s = inputs.settings
    receipts, payments = flows(run)
    months = horizon_months(len(run.weeks))
    burn = ratios.burn_rate(receipts, payments, months)
    fixed = monthly_fixed_costs(inputs, len(run.weeks))
    open_receivables = sum((r.amount for r in inputs.receivables if r.open), ZERO)
    open_payables = sum((p.amount for p in inputs.payables), ZERO)
    f = inputs.financials
    days: dict[str, Any] = {"dso": None, "dpo": None, "ccc": None}
    if f is not None:
        days = {
            "dso": ratios.dso(open_receivables, f.revenue, f.days),
            "dpo": ratios.dpo(open_payables, f.cogs, f.days),
            "ccc": ratios.ccc(open_receivables, f.inventory, open_payables, f.revenue, f.cogs, f.days),
        }
    cash = run.weeks[0].opening_cash  # the opening balance rolled to the start (docs section 12)
    return {
        "cash_position": cash,
        "free_cash": week_free_cash(run, s.minimum_buffer)[0],
        "credit_limit": s.credit_limit,
        "headroom": cash + s.credit_limit,
        "monthly_costs": monthly_costs(run),
        "monthly_fixed_costs": fixed,
        "burn_rate": burn,
        "runway_months": ratios.cash_runway(cash, burn),
        "buffer_months": ratios.buffer_months(cash, fixed),
        "lowest_cash": run.lowest_cash,
        "lowest_week": run.lowest_week,
        "open_receivables": open_receivables,
        "open_payables": open_payables,
        **days,
    }
