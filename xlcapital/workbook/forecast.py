"""The weekly forecast block: rows of native formulas over the weekly columns, for one scenario.

The same block is written once on the Forecast sheet (for the scenario chosen on Settings) and once
per scenario and stress test on the Scenarios sheet. A block is a list of :class:`Line` (the cash
flows, each a formula per week built from the scenario's :class:`Params` and the :class:`Week`)
followed by the fixed arithmetic of docs/forecast-model.md::

    opening_1       = Settings_OpeningBalance          opening_{w+1} = closing_w
    receipts        = sum of the receipt lines          payments = sum of the payment lines
    net_flow        = receipts + payments               closing_before = opening + net_flow
    overdraft_drawn = MAX(0, -closing_before)
    interest        = overdraft_drawn * (Settings_OverdraftRate + interest_change) * 7 / 365
    closing         = closing_before - interest         headroom = closing + Settings_CreditLimit
    below_buffer    = closing < Settings_MinimumBuffer  limit_breached = closing < -Settings_CreditLimit

Every row goes into the cell map as ``<prefix>.<row>`` (a row of one cell per week), so tests read
"scenario.worst.closing" rather than a coordinate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from xlsxwriter.utility import xl_rowcol_to_cell

from xlcapital.workbook.book import Book
from xlcapital.workbook.cellmap import Ref
from xlcapital.forecast.engine import ELIGIBLE_DAYS
from xlcapital.forecast.schedule import LOOKAHEAD_WEEKS
from xlcapital.workbook.formulas import COUNTED, bank_sum, literal_expr
from xlcapital.workbook.settings import defined

#: 0-based column of week 1 (A holds the labels, B the row totals)
FIRST_WEEK_COL = 2


@dataclass(frozen=True)
class Week:
    """The cells a flow formula of week ``index`` (1-based) refers to, as absolute A1 references."""

    index: int
    start: str
    end: str
    #: the week's position in its block (1-based; 0: the same as ``index``): the look-ahead's weeks
    #: N+1 .. N+8 are columns 1 .. 8 of their block
    column: int = 0
    #: "week", or "month" for the 12-month view (its recurring column is M<index>, its days count)
    period: str = "week"

    @property
    def position(self) -> int:
        return self.column or self.index


@dataclass(frozen=True)
class Params:
    """Formula operands (cell references or expressions) giving one scenario's adjustments."""

    name: str
    revenue_pct: str
    collection_delay: str
    payment_delay: str
    interest_change: str
    #: the largest-customer stress tests: extra days and the share paid of that customer's open
    #: invoices (empty: no such stress, the receivables are one SUMIFS)
    largest_delay: str = ""
    largest_share: str = ""


@dataclass(frozen=True)
class Line:
    """One cash-flow row: ``formula(params, week, block)`` is the Excel expression (without '=') of a
    week; ``block.rows`` holds the rows written so far (a catch-all row refers to the rows above it)."""

    key: str
    label: str
    side: str  # "receipts" or "payments"
    formula: Callable[[Params, Week, "ForecastBlock"], str]


def week_row(book: Book, ws, sheet: str, row: int, weeks: int, label: str, formula: Callable[[int], str],
             style: str, name: str | None = None, defined_name: str | None = None) -> Ref:
    """Write one row of weekly formulas (``formula(w)`` for w = 1..weeks) with its label."""
    ws.write_string(row, 0, label, book.styles["label_bold" if style.endswith("bold") else "label"])
    fmt = book.styles[style]
    for w in range(1, weeks + 1):
        ws.write_formula(row, FIRST_WEEK_COL + w - 1, "=" + formula(w), fmt)
    ref = Ref(sheet, row, FIRST_WEEK_COL, row, FIRST_WEEK_COL + weeks - 1)
    if style == "flag":  # a week that is flagged stands out; the others are quiet
        cells = ref.a1(sheet=False)
        ws.conditional_format(cells, {"type": "cell", "criteria": "==", "value": "TRUE",
                                      "format": book.styles["red"]})
        ws.conditional_format(cells, {"type": "cell", "criteria": "==", "value": "FALSE",
                                      "format": book.styles["muted"]})
    if name:
        book.place(name, ref, defined_name=defined_name)
    return ref


#: the rows below a block's cash-flow lines, in order
TOTAL_ROWS = ("receipts", "payments", "net_flow", "closing_before", "overdraft_drawn", "interest", "commitment_fee",
              "closing", "borrowing_base", "available", "headroom", "below_buffer", "limit_breached")


@dataclass
class ForecastBlock:
    """The rows of one scenario's forecast, written from ``first_row`` down.

    ``weeks`` gives the week cells; ``names`` maps a row key to a workbook defined name (the
    Forecast sheet names its opening, closing and overdraft rows).
    """

    sheet: str
    prefix: str
    params: Params
    weeks: Sequence[Week]
    lines: Sequence[Line]
    first_row: int
    names: dict[str, str] | None = None
    #: the opening cash of the block's first week (default: Settings_OpeningBalance)
    opening_first: str | None = None

    def eligible(self, w: int) -> str:
        """The face amounts the borrowing base lends on at the end of week ``w``: receivables and sales
        invoiced in its last 90 days whose cash date (with the scenario's delay) is after it; a sale
        collected in parts counts each part until the part's own cash date; in a largest-customer stress
        test that customer's invoices count until their later cash date."""
        end, d, g = self.weeks[w - 1].end, self.params.collection_delay, self.params.revenue_pct

        def outstanding(table: str, invoice: str, cash: str, delay=d, extra: str = "") -> str:
            return (f'SUMIFS({table}[Amount],{table}[{invoice}],">="&({end}-{ELIGIBLE_DAYS}),{table}[{invoice}],"<="&{end},'
                    f'{table}[{cash}],">"&({end}-{delay}){extra})')

        receivables = outstanding("Receivables", "InvoiceDate", "ExpectedDate")
        if self.params.largest_delay:  # the largest customer's invoices stay outstanding until its later payment
            receivables = (outstanding("Receivables", "InvoiceDate", "ExpectedDate", extra=",Receivables[Largest],0")
                           + "+" + outstanding("Receivables", "InvoiceDate", "ExpectedDate",
                                               f"({d}+{self.params.largest_delay})", ",Receivables[Largest],1"))

        # a sale collected in parts (the collection curve) is outstanding in part: each part from the
        # invoice date until its own cash date, as the engine's items (one per part) count it
        s2, s3 = (f"N({defined(f'CollectionShare{k}')})" for k in (2, 3))
        parts = "+".join(f"{share}*({outstanding('SalesPlan', 'Date', column)}+{outstanding('Sales', 'Date', column)})"
                         for share, column in ((f"(1-{s2}-{s3})", "BaseDate"), (s2, "BaseDate2"), (s3, "BaseDate3")))
        return f"{receivables}+(1+{g})*{defined('VatSalesGross')}*({parts})"

    def days(self, w: int) -> str:
        """The days of week ``w``: 7, and for week 1 (from the first day counted) its own count."""
        week = self.weeks[w - 1]
        return "7" if week.index > 1 and week.period == "week" else f"({week.end}-{week.start}+1)"

    def write(self, book: Book, ws) -> int:
        """Write the block; returns the first free row below it."""
        n = len(self.weeks)
        names = self.names or {}
        rows: dict[str, Ref] = {}
        self.rows = rows
        r = self.first_row

        def cell(key: str, w: int) -> str:
            return rows[key].cell(w - 1)

        def put(key: str, label: str, style: str, formula: Callable[[int], str]) -> None:
            nonlocal r
            rows[key] = week_row(book, ws, self.sheet, r, n, label, formula, style,
                                 name=f"{self.prefix}.{key}", defined_name=names.get(key))
            r += 1

        # the closing row's position follows from the layout: opening, the lines, then TOTAL_ROWS
        closing_row = r + 1 + len(self.lines) + TOTAL_ROWS.index("closing")

        def opening(w: int) -> str:
            if w == 1:
                return self.opening_first or defined("OpeningBalance")
            return xl_rowcol_to_cell(closing_row, FIRST_WEEK_COL + w - 2)

        put("opening", "Opening cash", "money_bold", opening)
        receipt_lines = [l for l in self.lines if l.side == "receipts"]
        payment_lines = [l for l in self.lines if l.side == "payments"]
        for line in receipt_lines + payment_lines:
            put(f"line.{line.key}", ("  + " if line.side == "receipts" else "  - ") + line.label, "money",
                lambda w, line=line: line.formula(self.params, self.weeks[w - 1], self))

        def total(side_lines: list[Line]) -> Callable[[int], str]:
            if not side_lines:
                return lambda w: "0"
            first = rows[f"line.{side_lines[0].key}"]
            last = rows[f"line.{side_lines[-1].key}"]
            # the lines of one side are adjacent rows: one SUM over the column slice
            return lambda w: f"SUM({first.cell(w - 1)}:{last.cell(w - 1)})"

        totals = {
            "receipts": ("Receipts", "money_bold", total(receipt_lines)),
            "payments": ("Payments", "money_bold", total(payment_lines)),
            "net_flow": ("Net cash flow", "money_bold", lambda w: f"{cell('receipts', w)}+{cell('payments', w)}"),
            "closing_before": ("Closing cash before the facility", "money",
                               lambda w: f"{cell('opening', w)}+{cell('net_flow', w)}"),
            "overdraft_drawn": ("Overdraft drawn", "money", lambda w: f"MAX(0,-{cell('closing_before', w)})"),
            "interest": ("Interest on the overdraft", "money",
                         lambda w: f"{cell('overdraft_drawn', w)}*({defined('OverdraftRate')}"
                                   f"+{self.params.interest_change})*{self.days(w)}/365"),
            "commitment_fee": ("Commitment fee (kredietprovisie)", "money",
                               lambda w: f'IF({defined("CommitmentFeeBasis")}="undrawn",MAX(0,{defined("CreditLimit")}'
                                         f"-{cell('overdraft_drawn', w)}),{defined('CreditLimit')})"
                                         f"*N({defined('CommitmentFee')})*{self.days(w)}/365"),
            "closing": ("Closing cash", "money_bold",
                        lambda w: f"{cell('closing_before', w)}-{cell('interest', w)}-{cell('commitment_fee', w)}"),
            "borrowing_base": ("Borrowing base (receivables up to 90 days, stock)", "money",
                               lambda w: f'IF({defined("AdvanceRateReceivables")}="","",'
                                         f'{defined("AdvanceRateReceivables")}*({self.eligible(w)})'
                                         f'+N({defined("AdvanceRateStock")})*N({defined("Inventory")}))'),
            "available": ("Facility available: MIN(limit, borrowing base)", "money",
                          lambda w: f'IF({cell("borrowing_base", w)}="",{defined("CreditLimit")},'
                                    f'MIN({defined("CreditLimit")},MAX(0,{cell("borrowing_base", w)})))'),
            "headroom": ("Headroom (cash + available facility)", "money",
                         lambda w: f"{cell('closing', w)}+{cell('available', w)}"),
            "below_buffer": ("Below the minimum buffer", "flag", lambda w: f"{cell('closing', w)}<{defined('MinimumBuffer')}"),
            "limit_breached": ("Credit limit breached", "flag", lambda w: f"{cell('closing', w)}<-{cell('available', w)}"),
        }
        for key in TOTAL_ROWS:
            put(key, *totals[key])
        return r


SHEET = "Forecast"

#: a scenario's adjustments (Forecast and Scenarios): (key, label, ScenarioInputs column, style)
PARAMS = (
    ("revenue_pct", "Revenue change", "RevenueChange", "percent"),
    ("collection_delay", "Customers pay later (days)", "CollectionDelayDays", "integer"),
    ("payment_delay", "We pay later (days)", "PaymentDelayDays", "integer"),
    ("interest_change", "Overdraft rate change", "InterestRateChange", "percent"),
)
#: the defined names of the selected scenario's adjustments on Forecast
PARAM_NAMES = {"revenue_pct": "Forecast_RevenueChange", "collection_delay": "Forecast_CollectionDelay",
               "payment_delay": "Forecast_PaymentDelay", "interest_change": "Forecast_InterestChange"}


def scenario_lookup(column: str, name: str) -> str:
    """The ScenarioInputs ``column`` of the scenario named by the expression ``name``; 0 when absent."""

    return f"IFERROR(INDEX(ScenarioInputs[{column}],MATCH({literal_expr(name)},ScenarioInputs[Scenario],0)),0)"


def week_header(book: Book, ws, sheet: str, row: int, weeks: int, prefix: str) -> list[Week]:
    """Week number, Monday and Sunday rows (``<prefix>.week_start``, ``.week_end``); on the Forecast
    sheet (prefix "forecast") named Forecast_WeekStart and Forecast_WeekEnd, elsewhere referring to them."""
    st = book.styles
    ws.write_string(row, 0, "Week", st["label_bold"])
    for w in range(1, weeks + 1):
        ws.write_number(row, FIRST_WEEK_COL + w - 1, w, st["header"])
    if prefix == "forecast":
        # week 1 starts on the first day counted (the day after the last known cash), the others on Mondays
        week_row(book, ws, sheet, row + 1, weeks, "Week starts (Monday; week 1: first day counted)",
                 lambda w: defined("FirstDay") if w == 1 else f"{defined('Start')}+{7 * (w - 1)}",
                 "date_header", name="forecast.week_start", defined_name="Forecast_WeekStart")
        week_row(book, ws, sheet, row + 2, weeks, "Week ends (Sunday)",
                 lambda w: f"{defined('Start')}+{7 * w - 1}", "date", name="forecast.week_end",
                 defined_name="Forecast_WeekEnd")
    else:
        fs, fe = book.ref("forecast.week_start"), book.ref("forecast.week_end")
        week_row(book, ws, sheet, row + 1, weeks, "Week starts (Monday; week 1: first day counted)",
                 lambda w: fs.at(w - 1).a1(), "date_header", name=f"{prefix}.week_start")
        week_row(book, ws, sheet, row + 2, weeks, "Week ends (Sunday)", lambda w: fe.at(w - 1).a1(), "date",
                        name=f"{prefix}.week_end")
    fs, fe = book.ref("forecast.week_start"), book.ref("forecast.week_end")
    return [Week(w, fs.at(w - 1).a1(), fe.at(w - 1).a1()) for w in range(1, weeks + 1)]


@dataclass
class ForecastSheet:
    """The Forecast sheet: the selected scenario's adjustments, the week rows and the block."""

    weeks: int
    lines: Sequence[Line]
    title: str = "Cash-flow forecast"

    def write(self, book: Book) -> None:
        ws = book.titled_sheet(SHEET, self.title, {(0, 0): 36, (1, 1): 14,
                                                   (FIRST_WEEK_COL, FIRST_WEEK_COL + self.weeks - 1): 12.5})
        st = book.styles
        ws.write_string(2, 0, "Scenario", st["label_bold"])
        ws.write_formula(2, 1, "=" + defined("Scenario"), st["label_bold"])
        book.place("forecast.param.name", Ref(SHEET, 2, 1), defined_name="Forecast_Scenario")
        operands = {"name": defined("Scenario")}
        for i, (key, label, column, style) in enumerate(PARAMS, start=3):
            name = PARAM_NAMES[key]
            ws.write_string(i, 0, label)
            ws.write_formula(i, 1, "=" + scenario_lookup(column, defined("Scenario")), st[style])
            book.place(f"forecast.param.{key}", Ref(SHEET, i, 1), defined_name=name)
            operands[key] = name
        params = Params(**operands)
        header = 3 + len(PARAMS) + 1
        weeks = week_header(book, ws, SHEET, header, self.weeks, "forecast")
        block = ForecastBlock(SHEET, "forecast", params, weeks, self.lines, header + 4, names={
            "opening": "Forecast_OpeningCash", "closing": "Forecast_ClosingCash",
            "overdraft_drawn": "Forecast_OverdraftDrawn", "closing_before": "Forecast_ClosingBefore",
            "receipts": "Forecast_Receipts", "payments": "Forecast_Payments", "headroom": "Forecast_Headroom",
        })
        end = block.write(book, ws)
        below_actuals = actual_rows(book, ws, end + 1, weeks, block)
        lookahead_top = below_actuals + 1  # after one empty row
        lookahead_block(book, ws, lookahead_top, self.weeks, params, self.lines)
        ws.set_h_pagebreaks([lookahead_top])  # printed: the forecast on page 1, the look-ahead on page 2
        # the labels and the week dates stay in view, and are printed on every page
        ws.freeze_panes(header + 3, FIRST_WEEK_COL)
        book.print_wide(ws, repeat_rows=(header, header + 2), repeat_cols="A:B")


def lookahead_block(book: Book, ws, row: int, weeks: int, params: Params, lines: Sequence[Line]) -> None:
    """The 8 weeks after the horizon: the forecast continued from the closing cash of week N, with
    every row of the block, and the lowest closing cash including them (docs/forecast-model.md section 2)."""
    st = book.styles
    ws.write_string(row, 0, "Look-ahead: the 8 weeks after the horizon (committed payments and the rest)",
                    st["label_bold"])
    n = LOOKAHEAD_WEEKS
    ws.write_string(row + 1, 0, "Week", st["label_bold"])
    for j in range(1, n + 1):
        ws.write_number(row + 1, FIRST_WEEK_COL + j - 1, weeks + j, st["header"])
    starts = week_row(book, ws, SHEET, row + 2, n, "Week starts (Monday)",
                      lambda j: f"{defined('Start')}+{7 * (weeks + j - 1)}", "date_header",
                      name="forecast.lookahead.week_start")
    ends = week_row(book, ws, SHEET, row + 3, n, "Week ends (Sunday)", lambda j: f"{defined('Start')}+{7 * (weeks + j) - 1}",
                    "date", name="forecast.lookahead.week_end")
    ahead = [Week(weeks + j, starts.at(j - 1).a1(), ends.at(j - 1).a1(), column=j) for j in range(1, n + 1)]
    block = ForecastBlock(SHEET, "forecast.lookahead", params, ahead, lines, row + 4,
                          opening_first=f"INDEX(Forecast_ClosingCash,{weeks})")
    end = block.write(book, ws)
    ws.write_string(end, 0, "Lowest closing cash including the look-ahead", st["label_bold"])
    ws.write_formula(end, FIRST_WEEK_COL, f"=MIN(Forecast_ClosingCash,{block.rows['closing'].a1(sheet=False)})",
                     st["money_bold"])
    book.place("forecast.lookahead.lowest", Ref(SHEET, end, FIRST_WEEK_COL), defined_name="Forecast_LowestLookAhead")


def actual_rows(book: Book, ws, row: int, weeks: Sequence[Week], block: ForecastBlock) -> int:
    """What the bank shows per week, beside the forecast (docs/forecast-model.md section 12), from ``row``
    (its title) down; returns the first row below it::

        has_actuals_w    = COUNTIFS(counted Bank rows, Date >= S_w) > 0
        actual_flow_w    = SUMIFS(counted Bank[Amount], S_w <= Date <= E_w)                   when has
        actual_closing_w = Settings_OpeningBalance + SUMIFS(counted, S_1 <= Date <= E_w)      when has
        variance_w       = actual_flow_w - net_flow_w                                          when has
    """

    ws.write_string(row, 0, "What the bank shows (Bank table)", book.styles["label_bold"])
    n = len(weeks)
    rows: dict[str, Ref] = {}

    def put(key: str, label: str, style: str, formula: Callable[[int], str], name: str) -> None:
        """The next row below the title."""
        rows[key] = week_row(book, ws, SHEET, row + 1 + len(rows), n, label, formula, style,
                             name=f"forecast.actual.{key}", defined_name=name)

    def when(w: int, value: str) -> str:
        return f'IF({rows["has"].cell(w - 1)},{value},"")'

    put("has", "Bank data reaches this week", "flag",
        lambda w: f'COUNTIFS({COUNTED},Bank[Date],">="&{weeks[w - 1].start})>0', "Forecast_HasActuals")
    put("flow", "Actual bank flow", "money",
        lambda w: when(w, bank_sum(">=", weeks[w - 1].start, "<=", weeks[w - 1].end)), "Forecast_ActualFlow")
    put("closing", "Actual closing balance", "money_bold",
        lambda w: when(w, f"{defined('OpeningBalance')}+{bank_sum('>=', defined('Start'), '<=', weeks[w - 1].end)}"),
        "Forecast_ActualClosing")
    net = block.rows["net_flow"]
    put("variance", "Variance (actual - forecast net flow)", "money",
        lambda w: when(w, f"{rows['flow'].cell(w - 1)}-{net.cell(w - 1)}"), "Forecast_Variance")
    return row + 1 + len(rows)
