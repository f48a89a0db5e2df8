"""The engine's value of every cell the generator maps: what each named cell must hold.

:func:`engine_values` asks the forecast engine (``xlcapital.forecast.analyse`` and ``expand``) for the
value of every name in the generator's cell map that the engine computes. The tests compare these
with LibreOffice's recalculation of the workbook (tests/workbook_check.py), and the generator can
store them as the formula cells' cached results.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from xlcapital.forecast import analyse, expand
from xlcapital.forecast.actuals import counted, first_day
from xlcapital.forecast.collections import largest_exposure
from xlcapital.forecast.drivers import purchase
from xlcapital.forecast.engine import MONTHS_IN_VIEW
from xlcapital.forecast.learn import classify
from xlcapital.forecast.schedule import LOOKAHEAD_WEEKS, occurrences, view_end, week_of
from xlcapital.workbook import lookahead
from xlcapital.workbook import payroll
from xlcapital.workbook import vat as vatbook
from xlcapital.workbook.model import OTHER
from xlcapital.workbook.scenarios import PLAIN

#: run rows compared week by week: map row key -> Period attribute
ROWS = {
    "opening": "opening_cash", "net_flow": "net_flow", "closing_before": "closing_before",
    "overdraft_drawn": "overdraft_drawn", "interest": "interest", "commitment_fee": "commitment_fee",
    "borrowing_base": "borrowing_base", "available": "available",
    "closing": "closing_cash",
    "headroom": "headroom", "below_buffer": "below_buffer", "limit_breached": "limit_breached",
    "receipts": "receipts_total", "payments": "payments_total",
}
SUMMARY = ("lowest_cash", "lowest_week", "first_breach_week", "extra_financing_limit", "extra_financing_buffer")
TRIGGER_FIELDS = ("rule", "value", "worst", "status", "first_week", "first_alert_week", "warning", "alert", "owner",
                  "action")


def _run_values(prefix: str, run) -> dict[str, list]:
    out: dict[str, list] = {}
    for key, attr in ROWS.items():
        out[f"{prefix}.{key}"] = [getattr(w, attr) for w in run.weeks]
    for c in run.receipt_categories:
        out[f"{prefix}.line.r.{c}"] = [w.receipts[c] for w in run.weeks]
    for c in run.payment_categories:
        out[f"{prefix}.line.p.{c}"] = [w.payments[c] for w in run.weeks]
    out[f"{prefix}.line.r.{OTHER}"] = [0] * len(run.weeks)
    out[f"{prefix}.line.p.{OTHER}"] = [0] * len(run.weeks)
    out[f"{prefix}.week_start"] = [w.week_start for w in run.weeks]
    out[f"{prefix}.week_end"] = [w.week_end for w in run.weeks]
    out[f"{prefix}.param.revenue_pct"] = [run.scenario.revenue_change]
    out[f"{prefix}.param.collection_delay"] = [run.scenario.collection_delay_days]
    out[f"{prefix}.param.payment_delay"] = [run.scenario.payment_delay_days]
    out[f"{prefix}.param.interest_change"] = [run.scenario.interest_rate_change]
    if prefix != "forecast":
        for key in SUMMARY:
            out[f"{prefix}.{key}"] = [getattr(run, key)]
    return out


def engine_values(inputs, cells, statements=None) -> dict[str, list]:
    """Engine value(s) of each cell-map name the engine computes (one value per cell, row by row).

    ``statements`` are the Bank table's (default: ``inputs.bank``, from which the engine computes
    the actuals and the opening balance)."""
    statements = inputs.bank if statements is None else statements
    a = analyse(inputs)
    out = _run_values("forecast", a.default)
    runs = cells.runs
    for name, key in runs["scenarios"].items():
        out.update(_run_values(f"scenario.{key}", a.scenarios[name] if name in a.scenarios else a.default))
    for run in a.stress:
        out.update(_run_values(f"scenario.{runs['stress'][run.name]}", run))
    # what the bank shows (docs/forecast-model.md section 12): blank where the data does not reach
    weeks = a.default.weeks
    out["forecast.actual.has"] = [w.has_actuals for w in weeks]
    out["forecast.actual.flow"] = [w.actual_flow for w in weeks]
    out["forecast.actual.closing"] = [w.actual_closing for w in weeks]
    out["forecast.actual.variance"] = [w.variance for w in weeks]
    out["settings.OpeningBalance"] = [weeks[0].opening_cash]
    # the look-ahead block: the same rows over weeks N+1 .. N+8
    # (every row, as for the weekly block; the run's summary and parameters are not repeated there)
    skip = {f"forecast.lookahead.{key}" for key in SUMMARY}
    ahead = {k: v for k, v in _run_values("forecast.lookahead", replace(a.default, weeks=a.default.lookahead)).items()
             if k not in skip and ".param." not in k}
    out.update(ahead)
    out["forecast.lookahead.lowest"] = [a.default.lowest_with_lookahead]
    # the Months sheet: the same rows over the 12 months of the view
    months = {k: v for k, v in _run_values("months", replace(a.default, weeks=a.default.months)).items()
              if not k.startswith(("months.param.", "months.week_")) and k[len("months."):] not in SUMMARY}
    out.update(months)
    out["months.month_start"] = [m.start for m in a.default.months]
    out["months.month_end"] = [m.end for m in a.default.months]
    selected = a.default.scenario.name if a.default.scenario in inputs.scenarios else PLAIN
    out["forecast.param.name"] = out["months.param.name"] = out["dashboard.scenario"] = out["scenarios.stressed_run"] = [selected]
    for name, key in runs["scenarios"].items():
        if f"scenario.{key}.param.name" in cells and name in a.scenarios:
            out[f"scenario.{key}.param.name"] = [name]
    for key, value in a.kpis.items():
        if f"kpi.{key}" in cells:
            out[f"kpi.{key}"] = [value]
    level = {"ok": 0, "warning": 1, "alert": 2}
    for t in a.triggers:
        for field in TRIGGER_FIELDS:
            out[f"trigger.{t.rule}.{field}"] = [getattr(t, field)]
        out[f"trigger.{t.rule}.statuses"] = [level[x] for x in t.statuses]
    # the per-item helper columns: the engine's expanded items of the selected scenario
    # before the revenue change: the Recurring table holds a revenue-linked row's own amounts (the flow
    # lines scale them), the delays of the scenario stay
    items = expand(inputs, replace(a.default.scenario, revenue_change=Decimal(0)))
    open_rows = [i for i, r in enumerate(inputs.receivables) if r.open]
    rec_items = [x for x in items if x.source == "receivable"]
    if len(rec_items) == len(open_rows):  # every open receivable inside the window
        cash = [None] * len(inputs.receivables)
        week = [None] * len(inputs.receivables)
        for i, x in zip(open_rows, rec_items):
            # an item past the weekly horizon has no week in the engine; the workbook shows its week > N
            cash[i], week[i] = x.cash_date, (x.week if x.week is not None else "beyond")
        if inputs.receivables:
            out["table.Receivables.CashDate"] = cash
            out["table.Receivables.Week"] = week
    if inputs.receivables:
        out["table.Receivables.DelayDays"] = [inputs.delay_of(r.customer) for r in inputs.receivables]
    pay_items = [x for x in items if x.source == "payable"]
    if inputs.payables and len(pay_items) == len(inputs.payables):
        out["table.Payables.CashDate"] = [x.cash_date for x in pay_items]
        out["table.Payables.Week"] = [x.week if x.week is not None else "beyond" for x in pay_items]
    s = inputs.settings
    first = first_day(inputs)
    out["settings.FirstDay"] = [first]
    if "table.Payroll.Monthly" in cells:  # the Payroll table's and PayrollMonths' columns (docs section 14)
        out.update(payroll.cell_values(inputs, cells, first))
    plan = occurrences(inputs.sales.frequency, inputs.sales.day, inputs.sales.month, first, view_end(s.start, s.weeks))
    rows = len(cells["table.SalesPlan.Date"])
    if inputs.sales.frequency == "weekly":  # row j: the j-th occurrence
        out["table.SalesPlan.Date"] = plan + [None] * (rows - len(plan))
    else:  # row j: the occurrence in the j-th month from the month of the first day counted, if any
        by_month = {(x.year, x.month): x for x in plan}
        months = [divmod(first.year * 12 + first.month - 1 + j, 12) for j in range(rows)]
        out["table.SalesPlan.Date"] = [by_month.get((y, mo + 1)) for y, mo in months]
    out.update(purchase_dates(inputs, first, out["table.SalesPlan.Date"], cells))
    largest = largest_exposure(inputs.receivables)
    if largest is not None:  # the first open invoice's spelling of the customer's name, as MATCH finds it
        out["settings.LargestCustomer"] = [largest[0]]
    n = inputs.settings.weeks
    rec_rows = {}
    for x in items:  # the forecast's weeks and the look-ahead's (week_of counts on past N)
        if x.source == "recurring":
            rec_rows.setdefault((x.ref, x.category, week_of(x.cash_date, s.start)), []).append(x.amount)
    if inputs.recurring and len({r.name for r in inputs.recurring}) == len(inputs.recurring):
        for k in range(1, n + LOOKAHEAD_WEEKS + 1):
            out[f"table.Recurring.W{k}"] = [sum(rec_rows.get((r.name, r.category, k), [0])) for r in inputs.recurring]
        by_month = {}
        for x in items:
            if x.source == "recurring" and x.month is not None:
                by_month.setdefault((x.ref, x.category, x.month), []).append(x.amount)
        for m in range(1, MONTHS_IN_VIEW + 1):
            out[f"table.Recurring.M{m}"] = [sum(by_month.get((r.name, r.category, m), [0])) for r in inputs.recurring]
    out.update(vatbook.engine_values(inputs, cells, a, first))
    out.update(lookahead.engine_values(a, cells))
    transactions = [t for s in statements for t in s.transactions]
    if transactions:
        out["table.Bank.Category"] = classify(transactions, inputs.categories)
        out["table.Bank.InForecast"] = ["yes" if counted(s.account, inputs.settings.accounts) else "no"
                                        for s in statements for _ in s.transactions]
    return out


def purchase_dates(inputs, first, plan_dates, cells) -> dict[str, list]:
    """The PurchaseDate helper columns of SalesPlan and Sales: the payment date of the purchase behind
    each sale before the scenario's delay (forecast.drivers.purchase), None where there is none."""
    def paid(d):
        bought = d and purchase(inputs.sales, d, Decimal(1), first=first)
        return bought[0] if bought else None

    out = {"table.SalesPlan.PurchaseDate": [paid(d) for d in plan_dates]}
    if inputs.expected_sales and "table.Sales.PurchaseDate" in cells:
        out["table.Sales.PurchaseDate"] = [paid(e.date) for e in inputs.expected_sales]
    return out
