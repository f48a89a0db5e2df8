"""Cached results: every formula cell of the workbook carries the value the engine computes for it.

An .xlsx stores beside each formula the result last calculated. XlsxWriter stores 0 unless told
otherwise, so every reader that does not recalculate (pandas, openpyxl, file previews, mail, a
LibreOffice with its default settings) would see zeros. The generator knows every value:

- the cells of the cell map that the engine computes come from
  :func:`xlcapital.workbook.values.engine_values` (the same values the tests prove LibreOffice
  recalculates to), so a cell the forecast sheets map later gets its cached value without more work;
- the helper columns the engine has no name for (settings derived from others, the Receivables',
  Sales', Recurring and SalesPlan helper columns, the Dashboard's chart lines and trigger rows) come
  from :func:`helper_values`, each a one-line Python twin of its formula.

:func:`store` writes them into the formula cells of the sheets before the workbook is closed. A
formula cell nobody knows a value for keeps XlsxWriter's 0; ``tests/test_workbook_cached.py``
proves that no formula cell of the sample or of random companies is left so, by comparing every
cached value with LibreOffice's recalculation.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from typing import Any

from xlsxwriter.worksheet import CellFormulaTuple

from xlcapital.forecast import RULES
from xlcapital.forecast.actuals import first_day
from xlcapital.workbook.tables import excel_date
from xlcapital.workbook.labels import formula_word, in_language
from xlcapital.workbook.scenarios import PLAIN
from xlcapital.workbook import lookahead
from xlcapital.workbook import vat as vatbook
from xlcapital.workbook.values import engine_values

#: a cell whose value is not known here: left as XlsxWriter wrote it
UNKNOWN = object()

#: cells whose formula shows this word where the engine says None (no such week)
_NONE_WORD = "none"
_NONE_WORD_NAMES = (".first_week", ".first_alert_week", ".first_breach_week")


def as_cell(value: Any, name: str = "", lang: str = "en") -> Any:
    """An engine value as the cached result of a formula cell: what Excel would show (``lang``: the
    workbook's; the Dutch Dashboard's trigger formulas compute Dutch words, :mod:`labels`).

    >>> as_cell(Decimal("12.50")), as_cell(dt.date(2026, 1, 5)), as_cell(None), as_cell(True)
    (12.5, 46027, '', True)
    >>> as_cell(None, "trigger.free_cash.first_week"), as_cell(None, "trigger.free_cash.first_week", "nl")
    ('none', 'geen')
    >>> as_cell("alert", "trigger.free_cash.status", "nl"), as_cell("alert", "trigger.free_cash.owner", "nl")
    ('alarm', 'alert')
    >>> as_cell("Credit control", "trigger.dso_trend.owner", "nl"), as_cell(None, "scenario.t1.first_breach_week", "nl")
    ('Debiteurenbeheer', 'geen')
    """
    on_dashboard = name.startswith("trigger.")
    if value is None:
        if not name.endswith(_NONE_WORD_NAMES):
            return ""
        return formula_word(_NONE_WORD, lang)
    if on_dashboard and name.endswith(".status") and isinstance(value, str):
        return formula_word(value, lang)
    if on_dashboard and name.endswith((".owner", ".action")) and isinstance(value, str):
        # the TriggerRules table shows a rule's default owner and action in the workbook's language
        rule = RULES.get(name.split(".")[1])
        if rule is not None:
            owner, action = rule.in_language(value, value, lang)
            return owner if name.endswith(".owner") else action
    if isinstance(value, str) and value == PLAIN:  # the scenario shown when none is defined (Settings)
        return in_language(value, lang)
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return excel_date(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


def _eomonth(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(y, m + 1, calendar.monthrange(y, m + 1)[1])


def _week(cash: dt.date | None, start: dt.date) -> int | None:
    """The Week column's formula: 1 before the start, else the 7-day block counted from it."""
    if cash is None:
        return None
    return 1 if cash < start else (cash - start).days // 7 + 1


def helper_values(inputs, cells, engine: dict[str, list], statements=None) -> dict[str, list]:
    """The values of the mapped formula cells the engine has no name for (see the module docstring)."""
    s = inputs.settings
    n = s.weeks
    horizon_end = s.start + dt.timedelta(days=7 * n - 1)
    window_end = max(horizon_end, _eomonth(s.start, 11))
    out: dict[str, list] = {"settings.HorizonEnd": [horizon_end], "settings.WindowEnd": [window_end],
                            "chart.limit": [-s.credit_limit] * n, "chart.buffer": [s.minimum_buffer] * n}
    # the Week columns of items past the horizon: the engine drops them, the formula counts on
    for table in ("Receivables", "Payables"):
        weeks, dates = engine.get(f"table.{table}.Week"), engine.get(f"table.{table}.CashDate")
        if weeks and dates and "beyond" in weeks:
            out[f"table.{table}.Week"] = [_week(d, s.start) if w == "beyond" else w for w, d in zip(weeks, dates)]
    if inputs.receivables:
        out["table.Receivables.BaseDate"] = [
            None if r.paid_date is not None or r.due_date is None else r.due_date + dt.timedelta(days=inputs.delay_of(r.customer))
            for r in inputs.receivables]
    first = engine["settings.FirstDay"][0] if "settings.FirstDay" in engine else first_day(inputs)
    if "settings.LargestCustomer" not in engine:  # no customer with open receivables: the formula's ""
        out["settings.LargestCustomer"] = [""]
    if inputs.receivables:
        out.update(_receivable_columns(inputs, out["table.Receivables.BaseDate"], first,
                                       (engine.get("settings.LargestCustomer") or [""])[0]))
    collect = dt.timedelta(days=inputs.sales.collection_days)
    if inputs.expected_sales:
        out["table.Sales.BaseDate"] = [None if e.date is None else e.date + collect for e in inputs.expected_sales]
        out.update(_curve_dates(inputs, "Sales", [e.date for e in inputs.expected_sales]))
    if inputs.recurring:
        interval = {"monthly": 1, "quarterly": 3, "yearly": 12}
        rec = inputs.recurring
        out["table.Recurring.Lo"] = [max(first, r.start) if r.start else first for r in rec]  # MAX(FirstDay, N(Start))
        out["table.Recurring.PerPoint"] = [1 / r.variable_rate if r.variable_rate and r.variable_rate > 0 else 0
                                           for r in rec]
        weekly = [engine.get(f"table.Recurring.W{k}") for k in range(1, n + 1)]
        if all(w is not None for w in weekly):  # the row's weeks 1..N together
            out["table.Recurring.Horizon"] = [sum(w[j] for w in weekly) for j in range(len(rec))]
        out["table.Recurring.Hi"] = [min(window_end, r.end) if r.end else window_end for r in rec]
        out["table.Recurring.Interval"] = [interval.get(r.frequency, 0) for r in rec]
        out["table.Recurring.DayN"] = [r.day or 1 for r in rec]
        out["table.Recurring.Anchor"] = [1 if r.frequency == "monthly" else (r.month or 1) for r in rec]

        def monthly_fixed(r) -> float:
            live = (r.fixed and (r.start is None or r.start <= horizon_end) and (r.end is None or r.end >= s.start))
            if not live:
                return 0
            per_month = 365 / 84 if r.frequency == "weekly" else (1 / interval[r.frequency]
                                                                    if r.frequency in interval else 0)
            return -float(r.amount) * per_month

        out["table.Recurring.MonthlyFixed"] = [monthly_fixed(r) for r in rec]
    plan = engine.get("table.SalesPlan.Date")
    if plan is not None:
        # DATE(YEAR(FirstDay), MONTH(FirstDay) + N, 1)
        out["table.SalesPlan.MonthStart"] = [_eomonth(first, j - 1) + dt.timedelta(days=1) for j in range(len(plan))]
        season = inputs.sales.seasonality
        out["table.SalesPlan.Amount"] = [None if d is None else inputs.sales.amount * season[d.month - 1] for d in plan]
        out["table.SalesPlan.BaseDate"] = [None if d is None else d + collect for d in plan]
        out.update(_curve_dates(inputs, "SalesPlan", plan))
    statements = inputs.bank if statements is None else statements
    out.update(vatbook.helper_values(inputs, cells, first, inputs.bank))
    out.update(lookahead.helper_values(inputs, cells, engine, inputs.default_scenario))
    _blank_rows(inputs, cells, out, statements, window_end=window_end, first=first)
    return out


def _curve_dates(inputs, table: str, dates: list) -> dict[str, list]:
    """BaseDate2 and BaseDate3 of the Sales or SalesPlan rows: invoice date + the curve part's days
    (``N()`` of an empty setting is 0)."""
    days = {2: inputs.sales.collection_days_2, 3: inputs.sales.collection_days_3}
    return {f"table.{table}.BaseDate{k}": [None if d is None else d + dt.timedelta(days=days[k] or 0) for d in dates]
            for k in (2, 3)}


def _receivable_columns(inputs, base_dates: list, first: dt.date, largest: str) -> dict[str, list]:
    """The Receivables' aging columns (Overdue, Bucket, ExpectedDate, Expected; empty where BaseDate is)
    and the largest-customer columns (CustomerOpen, Largest), as their formulas compute them: text
    criteria and comparisons ignore case."""
    from xlcapital.forecast.collections import expected_receipt

    rows = inputs.receivables
    out: dict[str, list] = {f"table.Receivables.{c}": [] for c in ("Overdue", "Bucket", "ExpectedDate", "Expected")}
    for r, base in zip(rows, base_dates):
        if base is None:
            for column in out.values():
                column.append(None)
            continue
        overdue = max(0, (first - base).days)
        when, amount = expected_receipt(r, inputs.delay_of(r.customer), inputs.collections, first=first)
        for column, value in (("Overdue", overdue), ("Bucket", inputs.collections.bucket(overdue) + 1),
                              ("ExpectedDate", when), ("Expected", amount)):
            out[f"table.Receivables.{column}"].append(value)
    open_by_customer: dict[str, Decimal] = {}
    for r in rows:
        if r.paid_date is None:
            open_by_customer[r.customer.casefold()] = open_by_customer.get(r.customer.casefold(), Decimal(0)) + r.amount
    out["table.Receivables.CustomerOpen"] = [
        0 if r.paid_date is not None else open_by_customer[r.customer.casefold()] for r in rows]
    out["table.Receivables.Largest"] = [
        1 if r.paid_date is None and largest and r.customer.casefold() == largest.casefold() else 0 for r in rows]
    return out


def _blank_rows(inputs, cells, out: dict[str, list], statements, *, window_end: dt.date, first: dt.date) -> None:
    """The formula cells of the empty row an empty table keeps to type into: what each formula
    gives over blank inputs (text comparisons false, N("") = 0, lookups of "" not found)."""
    from xlcapital.forecast.actuals import counted
    from xlcapital.forecast.learn import UNCATEGORISED

    s = inputs.settings
    blank = {
        "Bank": (sum(len(st.transactions) for st in statements),
                 {"Category": UNCATEGORISED, "InForecast": "yes" if counted("", s.accounts) else "no"}),
        "Receivables": (len(inputs.receivables), {"DelayDays": inputs.delay_of(""), "BaseDate": None,
                                                  "CashDate": None, "Week": None, "Overdue": None, "Bucket": None,
                                                  "ExpectedDate": None, "Expected": None, "CustomerOpen": 0,
                                                  "Largest": 0}),
        "Payables": (len(inputs.payables), {"CashDate": None, "Week": None}),
        "Sales": (len(inputs.expected_sales), {"BaseDate": None, "BaseDate2": None, "BaseDate3": None,
                                               "PurchaseDate": None}),
        "Recurring": (len(inputs.recurring), {"Lo": first, "Hi": window_end, "Interval": 0, "DayN": 1,
                                              "Anchor": 1, "MonthlyFixed": 0, "PerPoint": 0, "Horizon": 0,
                                              **{f"W{k}": 0 for k in range(1, s.weeks + 1)}}),
    }
    for table, (rows, columns) in blank.items():
        for column, value in columns.items():
            ref = cells.get(f"table.{table}.{column}")
            if ref is None or len(ref) <= rows:
                continue
            known = out.get(f"table.{table}.{column}", [])
            known = list(known[:rows]) + [UNKNOWN] * (rows - len(known))
            out[f"table.{table}.{column}"] = known + [value] * (len(ref) - rows)


def variance_values(inputs, statements, carried) -> dict[str, list]:
    """The Variance table's Actual and Variance columns (with ``--previous``): per past week and category
    the counted bank transactions of the week (of that category; all of them for the total row), as the
    SUMIFS over the Bank table computes them (text criteria ignore case)."""
    from xlcapital.forecast.actuals import counted
    from xlcapital.forecast.learn import classify
    from xlcapital.workbook.previous import TOTAL

    transactions = [(s.account, t) for s in statements for t in s.transactions]
    kinds = classify([t for _, t in transactions], inputs.categories)
    rows = [(t.booking_date, t.amount, kind.casefold()) for (account, t), kind in zip(transactions, kinds)
            if counted(account, inputs.settings.accounts)]
    actual, variance = [], []
    for week, monday in carried.weeks:
        sunday = carried.ends.get(week, monday + dt.timedelta(days=6))  # the WeekEnd the sheet shows
        inside = [(amount, kind) for day, amount, kind in rows if monday <= day <= sunday]
        for category in [TOTAL, *carried.categories]:
            forecast = (sum((carried.forecast[(week, c)] for c in carried.categories), Decimal(0)) if category == TOTAL
                        else carried.forecast[(week, category)])
            got = sum((a for a, kind in inside if category == TOTAL or kind == category.casefold()), Decimal(0))
            actual.append(got)
            variance.append(got - forecast)
    return {"table.Variance.Actual": actual, "table.Variance.Variance": variance}


def store(book, inputs, statements=None, previous=None) -> int:
    """Write the engine's value into every formula cell it knows; returns how many cells got one
    (``previous``: last month's :class:`~xlcapital.workbook.previous.Carried`, for the Variance sheet).

    Call after every sheet is written and before the workbook is closed (the cell map must be
    complete and ``book.cells.runs`` set)."""
    if previous is not None and "table.Variance.Actual" in book.cells:
        extra = variance_values(inputs, inputs.bank if statements is None else statements, previous)
    else:
        extra = {}
    # a streamed sheet (the Bank's) wrote its cached values with its rows: nothing to do there
    streamed = {name for name, ws in book.sheets.items() if getattr(ws, "constant_memory", False)}
    if "Bank" in streamed:
        statements = []
    values = engine_values(inputs, book.cells, statements)
    values.update(helper_values(inputs, book.cells, values, statements))
    values.update(extra)
    values = {name: vals for name, vals in values.items() if name in book.cells and book.cells[name].sheet not in streamed}
    from xlcapital.forecast import analyse

    for t in analyse(inputs).triggers:
        if f"trigger.{t.rule}.values" in book.cells and len(t.values) == len(book.cells[f"trigger.{t.rule}.values"]):
            values[f"trigger.{t.rule}.values"] = list(t.values)
    stored = 0
    for name, vals in values.items():
        ref = book.cells.get(name)
        if ref is None:
            continue
        table = book.sheets[ref.sheet].table
        for (r, c), v in zip(ref.positions(), vals):
            cell = table.get(r, {}).get(c)
            if isinstance(cell, CellFormulaTuple) and v is not UNKNOWN:
                table[r][c] = CellFormulaTuple(cell.formula, cell.format, as_cell(v, name, book.lang))
                stored += 1
    return stored
