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
from xlcapital.forecast import payroll
from xlcapital.forecast.collections import expected_receipt
from xlcapital.forecast.engine import Run
from xlcapital.forecast.inputs import Inputs, Recurring
from xlcapital.forecast.types import OPERATING
from xlcapital.names import NAMES

ZERO = Decimal(0)


def horizon_months(weeks: int) -> Decimal:
    """``84 N / 365``: N weeks in months of 365/12 days."""
    return Decimal(84 * weeks) / 365


def run_months(run: Run) -> Decimal:
    """``months_h = (E_N - F + 1) * 12 / 365``: the run's days (week 1 from the first day counted) in
    months of 365/12 days; ``84 N / 365`` when week 1 is an ordinary week."""
    return Decimal(((run.weeks[-1].end - run.weeks[0].start).days + 1) * 12) / 365


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
    """Sum of ``-amount * per_month`` over the fixed recurring items active in the horizon, plus the
    employer's monthly cost of the payroll rows employed in it (:func:`xlcapital.forecast.payroll.monthly_cost`)."""
    s = inputs.settings
    first, last = s.start, s.start + timedelta(days=7 * (weeks or s.weeks) - 1)
    return sum(
        (-r.amount * per_month(r.frequency) for r in inputs.recurring if r.fixed and _overlaps(r, first, last)),
        ZERO,
    ) + payroll.monthly_cost(inputs.payroll, first, last)


def flows(run: Run) -> tuple[Decimal, Decimal]:
    """(receipts, payments) over the weekly horizon, both positive."""
    receipts = sum((w.receipts_total for w in run.weeks), ZERO)
    payments = -sum((w.payments_total for w in run.weeks), ZERO)
    return receipts, payments


def operating_flows(run: Run) -> tuple[Decimal, Decimal]:
    """(receipts, payments) over the weekly horizon without the investing and financing items
    (recurring rows whose activity says so: loan repayments, dividends, a machine), both positive."""
    receipts, payments = flows(run)
    for item in run.items:
        if item.week is not None and item.activity != OPERATING:
            if item.amount > 0:
                receipts -= item.amount
            else:
                payments += item.amount
    return receipts, payments


def monthly_costs(run: Run) -> Decimal:
    """Average payments per month over the horizon: ``payments_h / months_h``."""
    return flows(run)[1] / run_months(run)


def week_free_cash(run: Run, buffer: Decimal) -> list[Decimal]:
    """Free cash per week: ``ratios.free_cash(closing_w, 0, B)``; the forecast already paid what was due."""
    return [ratios.free_cash(w.closing_cash, ZERO, buffer) for w in run.weeks]


#: every KPI of :func:`compute` and its one definition, shown as such in the CLI, the JSON and the
#: Dashboard (docs/forecast-model.md section 8). The ``_open`` day counts are of the open invoices at
#: the start, not of the balance sheet's average (``xlcapital ratios``: dso, dpo, ccc).
EXPLANATIONS: dict[str, str] = {
    "cash_position": "The bank balance at the start of week 1.",
    "free_cash": "Closing cash of week 1 minus the minimum buffer: what week 1 leaves above the buffer.",
    "credit_limit": "The overdraft facility.",
    "headroom": "Cash plus the unused facility at the start (cash + credit limit).",
    "monthly_costs": "All payments of the forecast per month of 365/12 days.",
    "monthly_fixed_costs": "The fixed recurring costs per month, the payroll's employer cost included.",
    "burn_rate": "Operating payments minus operating receipts per month (loan repayments, dividends and "
                 "investments left out); negative: operations add cash.",
    "runway_months": "(Cash + unused facility) / operating burn rate; empty when operations do not burn cash.",
    "buffer_months": "Cash / monthly fixed costs; rule of thumb at least 3.",
    "lowest_cash": "The lowest weekly closing cash of the scenario shown.",
    "lowest_week": "The first week with the lowest closing cash.",
    "open_receivables": "Unpaid sales invoices.",
    "open_payables": "Unpaid purchase invoices.",
    "bad_debt_allowance": "The part of the overdue receivables not expected to come in "
                          "(each aging bucket's amount x (1 - its share)).",
    "dso_open": "Open receivables / (revenue / days of the period).",
    "dpo_open": "Open payables / (cost of sales / days of the period).",
    "ccc_open": "DSO + DSI - DPO on the open invoices.",
}
#: KPI -> (label, definition): the label is the KPI's readable name of :mod:`xlcapital.names` (one
#: name per code for the CLI, the JSON and the Dashboard), the definition the one above.
DEFINITIONS: dict[str, tuple[str, str]] = {key: (NAMES[key].en, text) for key, text in EXPLANATIONS.items()}


def bad_debt_allowance(inputs: Inputs, run: Run) -> Decimal:
    """Sum over the open receivables overdue at the first day counted F of ``amount * (1 - share)``
    of their aging bucket (docs section 3): the open amounts minus what is expected of them."""
    first, c = run.weeks[0].start, inputs.collections
    return sum((r.amount - expected_receipt(r, inputs.delay_of(r.customer), c, first=first)[1]
                for r in inputs.receivables if r.open), ZERO)


def compute(inputs: Inputs, run: Run) -> dict[str, Any]:
    """Every KPI of docs section 8 for the run (normally the default scenario's)."""
    s = inputs.settings
    months = run_months(run)
    burn = ratios.burn_rate(*operating_flows(run), months)
    fixed = monthly_fixed_costs(inputs, len(run.weeks))
    open_receivables = sum((r.amount for r in inputs.receivables if r.open), ZERO)
    open_payables = sum((p.amount for p in inputs.payables), ZERO)
    f = inputs.financials
    days: dict[str, Any] = {"dso_open": None, "dpo_open": None, "ccc_open": None}
    if f is not None:
        days = {
            "dso_open": ratios.dso(open_receivables, f.revenue, f.days),
            "dpo_open": ratios.dpo(open_payables, f.cogs, f.days),
            "ccc_open": ratios.ccc(open_receivables, f.inventory, open_payables, f.revenue, f.cogs, f.days),
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
        "runway_months": ratios.cash_runway(cash + s.credit_limit, burn),
        "buffer_months": ratios.buffer_months(cash, fixed),
        "lowest_cash": run.lowest_cash,
        "lowest_week": run.lowest_week,
        "open_receivables": open_receivables,
        "open_payables": open_payables,
        "bad_debt_allowance": bad_debt_allowance(inputs, run),
        **days,
    }
