"""The LookAhead sheet: the committed payments of the 8 weeks after the horizon, one by one, by date.

The engine's twin is ``Run.lookahead_items`` (:func:`xlcapital.forecast.engine.forecast`; docs/forecast-model.md
section 2, "Look-ahead"): the payments (amount < 0) of open bills (Payables), recurring items, payroll (net pay,
holiday allowance, 13th month, loonheffingen, pension: one each per PayrollMonths row) and VAT returns whose
cash date, in the scenario shown on Forecast, falls in weeks N+1 .. N+8, sorted by date (on one date in
that order, each table's rows top to bottom). Excel 2010 has no SORT or FILTER, so the sheet keeps a candidate
block (to the right): every Payables row, every Recurring row in each look-ahead week (the ``W<N+k>`` column
gives its amount there, at most one occurrence a week), every payroll payment of PayrollMonths (the salaries of
every month, then the loonheffingen, then the pension: the engine sorts payroll by date and then by that row),
every VAT return; each candidate that is a committed
payment in the window gets the sort key ``date + position / 100000``; the list takes the k-th smallest key
(SMALL) and reads its candidate (MATCH, INDEX). Rows typed into Payables or Recurring beyond the spare rows the
block holds are not listed (generate again).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from xlcapital.forecast.engine import COMMITTED
from xlcapital.forecast import payroll
from xlcapital.forecast.schedule import LOOKAHEAD_WEEKS, occurrences, view_end
from xlcapital.forecast.types import PAYABLES
from xlcapital.forecast.vat import VAT
from xlcapital.workbook.book import Book
from xlcapital.workbook.cellmap import Ref
from xlcapital.workbook.formulas import text
from xlcapital.workbook.settings import defined

SHEET = "LookAhead"
#: rows typed into Payables and Recurring after generation that the candidate block still reads
SPARE = 10
HEAD = 5
LIST = (("date", "Date", "date"), ("category", "Category", "text"), ("item", "Item", "text"),
        ("amount", "Amount", "money"))
CANDIDATE = (("key", "Sort key", "number"), ("date", "Date", "date"), ("category", "Category", "text"),
             ("item", "Item", "text"), ("amount", "Amount", "money"))
FIRST_CANDIDATE_COL = len(LIST) + 1
START = defined("Start")
G, IC = "Forecast_RevenueChange", "Forecast_InterestChange"

assert set(COMMITTED) == {"recurring", "payable", "payroll", "vat"}  # the sources the candidate block reads

#: the payroll payments of a PayrollMonths row (the kinds of ``forecast.payroll.KINDS``, which give their
#: category and name): kind -> (its date column, its amount column)
PAYROLL = {
    "net pay": ("PayDate", "NetBase"),
    "holiday allowance": ("PayDate", "HolidayPay"),
    "13th month": ("PayDate", "ThirteenthPay"),
    "loonheffingen": ("TaxDate", "Tax"),
    "pension": ("PensionDate", "Pension"),
}
assert set(PAYROLL) == set(payroll.KINDS)


def _name_formula(template: str, parts: dict[str, str]) -> str:
    """A name template of ``payroll.KINDS`` as an Excel text formula: its literal pieces quoted, each
    ``{month}`` / ``{year}`` replaced by the formula in ``parts``.

    >>> _name_formula("Loonheffingen {month} (Belastingdienst)", {"month": "M", "year": "Y"})
    '"Loonheffingen "&M&" (Belastingdienst)"'
    """
    pieces = re.split(r"\{(month|year)\}", template)
    return "&".join(parts[p] if i % 2 else text(p) for i, p in enumerate(pieces) if i % 2 or p)


def _candidates(weeks: int, payables: int, recurring: int, payroll_months: int,
                vat_rows: int) -> list[tuple[str, int, int]]:
    """(source, row, look-ahead week) of every candidate, in the engine's order (its stable sort's ties):
    bills, recurring items, payroll (by category: the salaries of every month, the loonheffingen, the
    pension, as ``payroll.payments`` sorts them), VAT returns."""
    out = [("payable", i, 0) for i in range(1, payables + SPARE + 1)]
    out += [("recurring", i, k) for i in range(1, recurring + SPARE + 1) for k in range(1, LOOKAHEAD_WEEKS + 1)]
    for category in payroll.CATEGORIES:
        kinds = [kind for kind in PAYROLL if payroll.KINDS[kind][0] == category]
        out += [(kind, j, 0) for j in range(1, payroll_months + 1) for kind in kinds]
    out += [("vat", j, 0) for j in range(1, vat_rows + 1)]
    return out


def _payroll_formulas(kind: str, j: int) -> dict[str, str]:
    day, amount = PAYROLL[kind]
    category, name = payroll.KINDS[kind]

    def at(column: str) -> str:
        return f"INDEX(PayrollMonths[{column}],{j})"

    month = f'YEAR({at("MonthStart")})&"-"&RIGHT("0"&MONTH({at("MonthStart")}),2)'
    return {"date": f'IFERROR({at(day)},"")', "category": text(category),
            "item": f'IFERROR({_name_formula(name, {"month": month, "year": "YEAR(" + at("MonthStart") + ")"})},"")',
            "amount": f"IFERROR(-{at(amount)},0)"}


def _recurring_formulas(i: int, k: int, weeks: int) -> dict[str, str]:
    def at(column: str) -> str:
        return f"INDEX(Recurring[{column}],{i})"

    monday, sunday = f"({START}+{7 * (weeks + k - 1)})", f"({START}+{7 * (weeks + k) - 1})"

    def in_month(day: str) -> str:
        return f"DATE(YEAR({day}),MONTH({day}),MIN({at('DayN')},DAY(EOMONTH({day},0))))"

    scale = (f'(1+{G}*({at("RevenueLinked")}="yes"))*IF({at("PerPoint")}=0,1,'
             f'{at("PerPoint")}*MAX(0,N({at("VariableRate")})+{IC}))')
    amount = f"IFERROR({at(f'W{weeks + k}')}*{scale},0)"
    # the one occurrence of the week (its amount is not 0): weekly on DayN, once on Start, else the day of
    # the month of the Monday or of the Sunday that falls in the week
    early, late = in_month(monday), in_month(sunday)
    date = (f'IF({at("Frequency")}="weekly",{monday}+{at("DayN")}-1,IF({at("Frequency")}="once",{at("Start")},'
            f"IF(AND({early}>={monday},{early}<={sunday}),{early},{late})))")
    return {"date": f'IFERROR(IF({at(f"W{weeks + k}")}=0,"",{date}),"")', "amount": amount,
            "category": f'IFERROR(""&{at("Category")},"")', "item": f'IFERROR(""&{at("Name")},"")'}


class LookAheadSheet:
    """Writes the sheet; ``vat`` is the :class:`~xlcapital.workbook.vat.VatSheet` (None without [vat])."""

    def __init__(self, weeks: int, payables: int, recurring: int, payroll_months: int, vat=None) -> None:
        self.weeks, self.vat = weeks, vat
        self.candidates = _candidates(weeks, payables, recurring, payroll_months, vat.rows if vat else 0)

    def write(self, book: Book) -> None:
        n = self.weeks
        ws = book.titled_sheet(SHEET, "Look-ahead: committed payments after the horizon",
                               {(0, 0): 12, (1, 1): 16, (2, 2): 40, (3, 3): 14,
                                (FIRST_CANDIDATE_COL, FIRST_CANDIDATE_COL + 2): 14,
                                (FIRST_CANDIDATE_COL + 3, FIRST_CANDIDATE_COL + 3): 40,
                                (FIRST_CANDIDATE_COL + 4, FIRST_CANDIDATE_COL + 4): 14})
        st = book.styles
        ws.write_string(1, 0, f"The payments of open bills, recurring items, payroll and VAT returns in weeks {n + 1}-"
                              f"{n + LOOKAHEAD_WEEKS} (the scenario shown on Forecast), by date.", st["note_line"])
        ws.write_string(2, 0, "Lowest closing cash including the look-ahead", st["label_bold"])
        ws.write_formula(2, 3, "=Forecast_LowestLookAhead", st["money_bold"])
        book.place("lookahead.lowest", Ref(SHEET, 2, 3))
        first, last = f"({START}+{7 * n})", f"({START}+{7 * (n + LOOKAHEAD_WEEKS) - 1})"
        count = len(self.candidates)
        c0 = FIRST_CANDIDATE_COL
        top = HEAD + 1

        def cand(key: str) -> str:
            col = c0 + [k for k, _, _ in CANDIDATE].index(key)
            return Ref(SHEET, top, col, top + count - 1, col).a1(sheet=False)

        book.header(ws, HEAD, [h for _, h, _ in LIST], right=(0, 3))
        book.header(ws, HEAD, [h for _, h, _ in CANDIDATE], col=c0, right=(0, 1, 4))
        ws.write_string(HEAD - 1, c0,
                        "Candidates (calculated: every bill, recurring row per week, payroll payment and VAT return)",
                        st["note_line"])
        for m in range(1, count + 1):
            r = top + m - 1
            pick = f"MATCH(SMALL({cand('key')},{m}),{cand('key')},0)"
            for j, (key, _, style) in enumerate(LIST):
                ws.write_formula(r, j, f'=IFERROR(INDEX({cand(key)},{pick}),"")', st[style])
        for j, (key, _, _) in enumerate(LIST):
            book.place(f"lookahead.{key}", Ref(SHEET, top, j, top + count - 1, j))
        for c, (source, i, k) in enumerate(self.candidates):
            r = top + c
            if source == "payable":
                formulas = {"date": f'IFERROR(INDEX(Payables[CashDate],{i}),"")',
                            "category": text(PAYABLES),
                            "item": f'IFERROR(INDEX(Payables[Supplier],{i})&" ("&INDEX(Payables[Invoice],{i})&")","")',
                            "amount": f"IFERROR(-INDEX(Payables[Amount],{i}),0)"}
            elif source == "recurring":
                formulas = _recurring_formulas(i, k, n)
            elif source in PAYROLL:
                formulas = _payroll_formulas(source, i)
            else:
                due, balance = (book.ref(name).at(i - 1).a1() for name in ("vat.due", "vat.forecast.balance"))
                label = book.ref("vat.label").at(i - 1).a1()
                formulas = {"date": due, "category": text(VAT), "item": f'"VAT return "&{label}',
                            "amount": f"IFERROR(-{balance},0)"}
            date, amount = (Ref(SHEET, r, c0 + [k for k, _, _ in CANDIDATE].index(x)).a1(sheet=False)
                            for x in ("date", "amount"))
            formulas["key"] = (f'IF(AND(ISNUMBER({date}),N({amount})<0),IF(AND({date}>={first},{date}<={last}),'
                               f'{date}+{c + 1}/100000,""),"")')
            for j, (key, _, style) in enumerate(CANDIDATE):
                ws.write_formula(r, c0 + j, "=" + formulas[key], st[style])
        for j, (key, _, _) in enumerate(CANDIDATE):
            book.place(f"lookahead.candidate.{key}", Ref(SHEET, top, c0 + j, top + count - 1, c0 + j))
        ws.freeze_panes(top, 0)
        book.print_wide(ws, repeat_rows=(HEAD, HEAD))


def engine_values(analysis, cells) -> dict[str, list]:
    """The list: the engine's ``lookahead_items`` of the scenario shown on Forecast, then blanks."""
    if "lookahead.date" not in cells:
        return {}
    items = analysis.default.lookahead_items
    rows = len(cells["lookahead.date"])
    pad = [None] * (rows - len(items))
    return {"lookahead.date": [i.cash_date for i in items] + pad,
            "lookahead.category": [i.category for i in items] + pad,
            "lookahead.item": [f"{i.party} ({i.ref})" if i.source == "payable" else i.ref for i in items] + pad,
            "lookahead.amount": [i.amount for i in items] + pad,
            "lookahead.lowest": [analysis.default.lowest_with_lookahead]}


def helper_values(inputs, cells, engine: dict[str, list], scenario) -> dict[str, list]:
    """Twins of the candidate block (cached values) for ``scenario`` (the one shown on Forecast)."""
    if "lookahead.candidate.key" not in cells:
        return {}
    s = inputs.settings
    n = s.weeks
    first, last = s.start + dt.timedelta(days=7 * n), s.start + dt.timedelta(days=7 * (n + LOOKAHEAD_WEEKS) - 1)
    end = view_end(s.start, n)
    day_one = engine.get("settings.FirstDay", [first])[0]
    factor = scenario.revenue_factor
    vat = {k: engine.get(f"vat.{k}", []) for k in ("due", "label", "forecast.balance")}
    out: dict[str, list] = {f"lookahead.candidate.{k}": [] for k, _, _ in CANDIDATE}
    for c, (source, i, k) in enumerate(candidates_of(inputs, cells)):
        date: Any = None
        category, item, amount = "", "", Decimal(0)
        if source == "payable" and i <= len(inputs.payables):
            p = inputs.payables[i - 1]
            date, category = p.due_date + dt.timedelta(days=scenario.payment_delay_days), PAYABLES
            item, amount = f"{p.supplier} ({p.invoice})", -p.amount
        elif source == "payable":  # a spare row (#REF!), or the empty row of an empty table (its text joined)
            category, item = PAYABLES, " ()" if i == 1 and not inputs.payables else ""
        elif source == "recurring" and i <= len(inputs.recurring):
            r = inputs.recurring[i - 1]
            monday = s.start + dt.timedelta(days=7 * (n + k - 1))
            lo = max(monday, day_one, r.start or monday)
            hi = min(monday + dt.timedelta(days=6), end, r.end or end)
            dates = occurrences(r.frequency, r.day, r.month, lo, hi, once=r.start)
            category, item = r.category, r.name
            if dates and r.amount:
                scale = factor if r.revenue_linked else 1
                if r.variable_rate and r.variable_rate > 0:
                    scale = scale * max(Decimal(0), r.variable_rate + scenario.interest_rate_change) / r.variable_rate
                date, amount = dates[0], r.amount * len(dates) * scale
        elif source in PAYROLL:
            day, column = PAYROLL[source]
            category = payroll.KINDS[source][0]
            item = payroll.payment_name(source, engine["table.PayrollMonths.MonthStart"][i - 1])
            date, amount = engine[f"table.PayrollMonths.{day}"][i - 1], -engine[f"table.PayrollMonths.{column}"][i - 1]
        elif source == "vat":
            date, category = vat["due"][i - 1], VAT
            item = "VAT return " + (vat["label"][i - 1] or "")
            balance = vat["forecast.balance"][i - 1]
            amount = -balance if balance is not None else Decimal(0)
        key = None
        if date is not None and amount < 0 and first <= date <= last:
            key = Decimal(date.toordinal() - dt.date(1899, 12, 30).toordinal()) + Decimal(c + 1) / 100000
        for name, value in (("key", key), ("date", date), ("category", category), ("item", item),
                            ("amount", amount)):
            out[f"lookahead.candidate.{name}"].append(value)
    return out


def candidates_of(inputs, cells) -> list[tuple[str, int, int]]:
    vat_rows = len(cells["vat.due"]) if "vat.due" in cells else 0
    return _candidates(inputs.settings.weeks, max(1, len(inputs.payables)), max(1, len(inputs.recurring)),
                       len(cells["table.PayrollMonths.N"]), vat_rows)
