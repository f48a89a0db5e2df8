"""The workbook's VAT returns (docs/forecast-model.md section 13): settings, rates, one row per return.

Written only when ``[vat]`` is on (filing monthly, quarterly or yearly); the engine's twin is
:mod:`xlcapital.forecast.vatreturns`. The parts:

- Settings: the ``[vat]`` fields of the schema (``Settings_VatFiling`` ...) and derived cells: the
  months per period, the VAT share of an amount including VAT (``r / (1 + r)``), the first period whose
  return is due from the first day counted on, whether the bank shows the days before it;
- the VatRates table: ``[vat.rates]``, a rate code per category of recurring items and one-offs;
- helper columns: ``Recurring[VatShare]``, ``Recurring[VatP<j>]`` (the row's amount in return period j
  from the first day counted on), ``Recurring[VatB1]``, ``[VatB2]`` (before it: only periods 1 and 2
  can hold such days), ``OneOffs[VatAmount]``;
- the VAT sheet: per return period j (pre-allocated rows; a row is live when its due date is in the
  window) the dates and the parts every run shares, then per run (the Forecast's scenario, every
  scenario and stress test) output VAT, input VAT, the credit carried in, the return and the balance
  paid (positive) or refunded (negative) on the due date;
- the flow term: a block's VAT line sums the balances of its run due in the period
  (:meth:`VatSheet.term`, a hook of :func:`xlcapital.workbook.model.flow_lines`).

The returns due from the first day counted F to the window's end V:
``due = EOMONTH(last day, 1) <= V``; with F in the first month of its period the previous period's
return (due at the end of that month) is still to pay, so period 1 starts one period earlier.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Sequence

from xlcapital.forecast import schema as sc
from xlcapital.forecast.engine import MONTHS_IN_VIEW
from xlcapital.forecast.schedule import LOOKAHEAD_WEEKS, eomonth, occurrences, view_end
from xlcapital.forecast.vat import RATES, VAT, due_date, period_of
from xlcapital.workbook.book import Book
from xlcapital.workbook.cellmap import Ref
from xlcapital.workbook.formulas import exact_expr, literal_expr, text
from xlcapital.workbook.settings import Setting, defined
from xlcapital.workbook.tables import Column, TableSheet

SHEET = "VAT"
RATES_SHEET = RATES_TABLE = "VatRates"
FILING, AMOUNTS, SALES_RATE, PAYABLES_RATE, CARRY, LAST = (defined(f.header) for f in sc.VAT)
MONTHS, FIRST_PERIOD, BANK_SHOWN = defined("VatMonths"), defined("VatFirstPeriod"), defined("VatBankShown")
FIRST_DAY, START, WINDOW_END = defined("FirstDay"), defined("Start"), defined("WindowEnd")
#: the periods whose days before the first day counted are read from the bank or generated again
BEFORE = (1, 2)


def periods(weeks: int) -> int:
    """The return rows the sheet holds: monthly returns due in the window [F, V] (F up to 31 days, so up to
    two calendar months, before the start; V up to ``max(7 x (weeks + 8), 366)`` days after it): one per
    month from F's month - 1 to V's month - 1, at most (V - start) / 28 + 4.

    >>> periods(13)
    17
    """
    return max(7 * (weeks + LOOKAHEAD_WEEKS), 366) // 28 + 4


def _by_rate(rate: str, share: bool) -> str:
    """The rate (``share``: ``r / (1 + r)``, the VAT in an amount including it) of the code in cell ``rate``."""
    out = "0"
    for code, r in reversed([(c, r) for c, r in RATES.items() if r]):
        value = f"{r}/(1+{r})" if share else f"{r}"
        out = f'IF(""&{rate}={text(code)},{value},{out})'
    return out


# --------------------------------------------------------------------------------------------
# Settings
# --------------------------------------------------------------------------------------------

def settings() -> tuple[Setting, ...]:
    """The ``[vat]`` fields (inputs) and the cells derived from them (formulas)."""
    from xlcapital.workbook.model import setting

    cur = f"DATE(YEAR({FIRST_DAY}),INT((MONTH({FIRST_DAY})-1)/MAX(1,{MONTHS}))*MAX(1,{MONTHS})+1,1)"
    return (
        *(setting(f) for f in sc.VAT),
        Setting("VatMonths", "Months per VAT period", "integer", "1, 3 or 12 (0: no VAT returns).",
                formula=f'=IF({FILING}="monthly",1,IF({FILING}="quarterly",3,IF({FILING}="yearly",12,0)))',
                nl="Maanden per btw-tijdvak",
                comment_nl="1, 3 of 12 (0: geen btw-aangiften)."),
        Setting("VatFirstPeriod", "First VAT period shown", "date",
                "The first day of the oldest period whose return is due on or after the first day counted.",
                formula=f"=IF(EOMONTH({cur},0)>={FIRST_DAY},DATE(YEAR({cur}),MONTH({cur})-{MONTHS},1),{cur})",
                nl="Eerste btw-tijdvak",
                comment_nl="De eerste dag van het oudste tijdvak waarvan de aangifte op of na de eerste getelde dag vervalt."),
        Setting("VatSalesShare", "VAT in a sale including VAT", "number", "r / (1 + r) of the rate on sales.",
                formula="=" + _by_rate(SALES_RATE, True), nl="Btw in een verkoop inclusief btw",
                comment_nl="r / (1 + r) van het tarief op verkopen."),
        Setting("VatPlanShare", "VAT of a sales plan amount", "number",
                "r / (1 + r) when the plan includes VAT, r when it excludes it.",
                formula=f'=IF({AMOUNTS}="excl",{_by_rate(SALES_RATE, False)},{defined("VatSalesShare")})',
                nl="Btw van een bedrag uit het verkoopplan",
                comment_nl="r / (1 + r) als het verkoopplan inclusief btw is, r als het exclusief btw is."),
        Setting("VatSalesGross", "Sales plan received as", "number",
                "1 + r when the plan excludes VAT (the customer pays it), else 1.",
                formula=f'=IF(AND({MONTHS}>0,{AMOUNTS}="excl"),1+{_by_rate(SALES_RATE, False)},1)',
                nl="Verkoopplan ontvangen als",
                comment_nl="1 + r als het verkoopplan exclusief btw is (de klant betaalt de btw), anders 1."),
        Setting("VatPayablesShare", "VAT in an open bill", "number", "r / (1 + r) of the rate on bills.",
                formula="=" + _by_rate(PAYABLES_RATE, True), nl="Btw in een openstaande rekening",
                comment_nl="r / (1 + r) van het tarief op rekeningen."),
        Setting("VatBankShown", "Bank shows the days before the first day counted", "text",
                "TRUE: the input VAT of those days is the bank's payments in a rated category; FALSE: the "
                "recurring items are generated again for them.",
                formula=f'=COUNTIFS(Bank[InForecast],"yes",Bank[Date],">="&{FIRST_PERIOD},'
                        f'Bank[Date],"<="&({FIRST_DAY}-1))>0',
                nl="Bank toont de dagen voor de eerste getelde dag",
                comment_nl="TRUE: de voorbelasting van die dagen zijn de betalingen van de bank in een categorie met een "
                           "tarief; FALSE: de terugkerende posten worden voor die dagen opnieuw berekend."),
    )


def read(setting, rows) -> Any:
    """The ``[vat]`` of a generated workbook (``setting(key)``: the value of ``Settings_<key>``; ``rows``: the
    VatRates table's rows), each value parsed as in forecast.toml; a workbook without them: VAT off."""
    from xlcapital.forecast.vat import VatSettings
    from xlcapital.workbook.model import _from_cell, rows_from_workbook

    values = {f.key: _from_cell(f, setting(f.header), f"Settings_{f.header}") for f in sc.VAT}
    rates = {str(r["category"]).strip(): r["rate"]
             for r in rows_from_workbook(sc.Table(RATES_TABLE, None, (RATE_CATEGORY, sc.VAT_RATE)), rows)
             if r["rate"] is not None}
    return VatSettings(**{k: v for k, v in values.items() if v is not None}, rates=rates)


def setting_values(inputs) -> dict[str, Any]:
    """The Settings values of ``[vat]``: every field of ``schema.VAT`` from ``inputs.vat``."""
    from xlcapital.workbook.model import setting_value

    return {f.header: setting_value(f, getattr(inputs.vat, f.key)) for f in sc.VAT}


# --------------------------------------------------------------------------------------------
# Tables: VatRates and the helper columns of Recurring and OneOffs
# --------------------------------------------------------------------------------------------

#: the VatRates table's key: the category (``[vat.rates]``'s keys)
RATE_CATEGORY = sc.Field("category", "Category", "text", "Category", "Categorie",
                         "A category of recurring items and one-offs (Recurring, OneOffs) and of bank transactions "
                         "(Categories).", required=True, help_nl="Een categorie van vaste posten, eenmalige posten "
                                                                 "en banktransacties.",
                         header_nl="Categorie")
RATE_COLUMNS = (
    Column(RATE_CATEGORY.header, width=22, comment=RATE_CATEGORY.help, name_nl=RATE_CATEGORY.header_nl),
    Column(sc.VAT_RATE.header, choices=sc.VAT_RATE.choices, comment=sc.VAT_RATE.help, name_nl=sc.VAT_RATE.header_nl),
    Column("Share", "number", formula="=" + _by_rate("[@Rate]", True),
           comment="r / (1 + r): the VAT in an amount including it.", name_nl="Deel"),
)

_SHARE = ("=IFERROR(INDEX(VatRates[Share],MATCH(" + literal_expr("[@Category]") + ",VatRates[Category],0)),0)")


def _period(j: int) -> tuple[str, str]:
    """First and last day of return period j."""
    lo = f"DATE(YEAR({FIRST_PERIOD}),MONTH({FIRST_PERIOD})+{j - 1}*{MONTHS},1)"
    return lo, f"EOMONTH({lo},{MONTHS}-1)"


def recurring_columns(weeks: int) -> tuple[Column, ...]:
    from xlcapital.workbook.model import _recurring_amount

    cols = [Column("VatShare", "number", formula=_SHARE,
                   comment="The VAT in this row's amount: r / (1 + r) of its category's rate (VatRates; 0: none).",
                   name_nl="BtwDeel")]
    for j in range(1, periods(weeks) + 1):
        lo, hi = _period(j)
        amount = _recurring_amount(f"MAX({lo},{FIRST_DAY})", hi, True, months=12)
        cols.append(Column(f"VatP{j}", "money", formula=f"=IF({MONTHS}=0,0,{amount})", width=11,
                           comment=None if j > 1 else "VatP<j>: the row's amount in VAT period j (VAT sheet) "
                                                       "from the first day counted on.", name_nl=f"BtwP{j}"))
    for j in BEFORE:
        lo, hi = _period(j)
        amount = _recurring_amount(lo, f"MIN({hi},{FIRST_DAY}-1)", True, lo="N([@Start])",
                                   hi='IF([@End]="",99999,[@End])', months=12)
        cols.append(Column(f"VatB{j}", "money", formula=f"=IF({MONTHS}=0,0,{amount})", width=11,
                           comment=f"The row's amount in VAT period {j} before the first day counted (used when the "
                                   "bank does not show those days).", name_nl=f"BtwV{j}"))
    return tuple(cols)


ONE_OFF_COLUMN = Column("VatAmount", "money", formula="=N([@Amount])*" + _SHARE[1:],
                        comment="The VAT in this item: amount x r / (1 + r) of its category's rate (VatRates).",
                        name_nl="BtwBedrag")


def with_vat(inputs, tables: list[TableSheet]) -> list[TableSheet]:
    """The input tables with the VAT columns and the VatRates table (``[vat]`` on), else as they are."""
    if not inputs.vat.on:
        return tables
    out = []
    for t in tables:
        if t.table == "Recurring":
            t.columns = (*t.columns, *recurring_columns(inputs.settings.weeks))
        elif t.table == "OneOffs":
            t.columns = (*t.columns, ONE_OFF_COLUMN)
        out.append(t)
        if t.table == "OneOffs":
            out.append(TableSheet(RATES_SHEET, RATES_TABLE, RATE_COLUMNS, list(inputs.vat.rates.items()),
                                  title="VAT rates of categories",
                                  note="Recurring items, one-offs and bank payments of a category not listed carry "
                                       "no VAT."))
    return out


# --------------------------------------------------------------------------------------------
# The VAT sheet
# --------------------------------------------------------------------------------------------

#: the columns every run shares, per return row: (key, header, style)
SHARED = (("j", "Period", "integer"), ("label", "Return", "text_right"), ("first", "First day", "date"),
          ("last", "Last day", "date"), ("due", "Due (paid or refunded)", "date"), ("live", "In the window", "flag"),
          ("receivables", "Output VAT: receivables", "money"), ("sales", "Output VAT: sales plan and Sales", "money"),
          ("payables", "Input VAT: open bills", "money"), ("purchases", "Input VAT: purchases of the sales", "money"),
          ("before_output", "Output VAT before the first day", "money"),
          ("before_input", "Input VAT before the first day", "money"))
#: the columns of a run's table
RUN = (("output", "Output VAT"), ("input", "Input VAT"), ("carried", "Credit carried in"),
       ("return", "Return (output - input - credit)"), ("balance", "Paid (+) / refunded (-)"))
HEAD = 4


@dataclass
class VatRun:
    key: str
    label: str
    #: the run's revenue change, interest change and one-off scenario name (formula operands), set on write
    params: tuple[str, str, str] | None = None


@dataclass
class VatSheet:
    """The VAT sheet's layout (fixed before any sheet is written: the flow lines refer to it)."""

    weeks: int
    runs: Sequence[VatRun]
    rows: int = 0
    first_row: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rows = periods(self.weeks)
        r = HEAD + 1 + self.rows + 2
        for run in self.runs:
            self.first_row[run.key] = r + 2  # label, header, then the rows
            r += 2 + self.rows + 1

    def _col(self, key: str) -> int:
        return [k for k, _, _ in SHARED].index(key)

    def _range(self, row: int, col: int) -> str:
        return Ref(SHEET, row, col, row + self.rows - 1, col).a1()

    def term(self, side: str, p, w, blk, category: str | None) -> list[str]:
        """The VAT line of a block: minus the balances of its run whose due date is in the period."""
        if category not in (None, VAT):
            return []
        from xlcapital.workbook.model import shifted

        key = blk.prefix.split(".", 1)[1] if blk.prefix.startswith("scenario.") else "forecast"
        balance = self._range(self.first_row[key], 1 + [k for k, _ in RUN].index("balance"))
        due = self._range(HEAD + 1, self._col("due"))
        sign = '"<0"' if side == "receipts" else '">0"'
        return [f"-SUMIFS({balance},{shifted(due, w, None)},{balance},{sign})"]

    def write(self, book: Book) -> None:
        ws = book.titled_sheet(SHEET, "VAT returns (btw)", {(0, 0): 30, (1, len(SHARED)): 15})
        st = book.styles
        ws.write_string(1, 0, "One row per return due from the first day counted to the window's end (Settings); "
                              "amounts include VAT as the bank shows them. docs/forecast-model.md section 13.",
                        st["note_line"])
        book.header(ws, HEAD, [h for _, h, _ in SHARED], right=tuple(range(len(SHARED))))
        ws.set_row(HEAD, 48)  # the headers wrap over three lines
        first = HEAD + 1
        cols = {k: i for i, (k, _, _) in enumerate(SHARED)}

        def c(key: str, r: int) -> str:
            return Ref(SHEET, r, cols[key]).a1(sheet=False)

        for j in range(1, self.rows + 1):
            r = first + j - 1
            lo, hi, due, live = c("first", r), c("last", r), c("due", r), c("live", r)

            def when(value: str) -> str:
                return f'IF({live},{value},"")'

            supplier = f"N({defined('SupplierDays')})"

            def dated(table: str, column: str) -> str:
                return f'SUMIFS({table}[Amount],{table}[{column}],">="&{lo},{table}[{column}],"<="&{hi})'

            before_lo, before_hi = lo, f"MIN({hi},{FIRST_DAY}-1)"
            bank = (f'SUMPRODUCT(SUMIFS(Bank[Amount],Bank[InForecast],"yes",Bank[Category],"="&'
                    f'{literal_expr("VatRates[Category]")},Bank[Date],">="&{before_lo},Bank[Date],"<="&{before_hi},'
                    f'Bank[Amount],"<0")*VatRates[Share])')

            def generated(sign: str) -> str:
                col = f"Recurring[VatB{j}]"
                return f"SUMPRODUCT({col},Recurring[VatShare],--({col}{sign}0))"

            formulas = {
                "label": when(f'IF({MONTHS}=12,YEAR({lo})&"",IF({MONTHS}=3,YEAR({lo})&"-Q"&INT((MONTH({lo})+2)/3),'
                              f'YEAR({lo})&"-"&IF(MONTH({lo})<10,"0","")&MONTH({lo})))'),
                "first": _period(j)[0], "last": f"EOMONTH({lo},{MONTHS}-1)", "due": f"EOMONTH({hi},1)",
                "live": f"AND({MONTHS}>0,{due}<={WINDOW_END})",
                "receivables": when(f"{defined('VatSalesShare')}*"
                                    f'SUMIFS(Receivables[Amount],Receivables[InvoiceDate],">="&{lo},'
                                    f'Receivables[InvoiceDate],"<="&{hi})'),
                "sales": when(f"{defined('VatPlanShare')}*({dated('SalesPlan', 'Date')}+{dated('Sales', 'Date')})"),
                "payables": when(f"{defined('VatPayablesShare')}*{dated('Payables', 'DueDate')}"),
                # delivered (the bill's date) = paid - supplier days: PurchaseDate in [lo, hi] + supplier days
                "purchases": when(f"{defined('VatPayablesShare')}*(1-N({defined('GrossMargin')}))*("
                                  + "+".join(f'SUMIFS({t}[Amount],{t}[PurchaseDate],">="&({lo}+{supplier}),'
                                             f'{t}[PurchaseDate],"<="&({hi}+{supplier}))'
                                             for t in ("SalesPlan", "Sales"))
                                  + ")"),
                "before_output": when("0" if j not in BEFORE else f"IF({BANK_SHOWN},0,{generated('>')})"),
                "before_input": when("0" if j not in BEFORE else f"IF({BANK_SHOWN},-{bank},-{generated('<')})"),
            }
            ws.write_number(r, 0, j, st["integer"])
            for key, formula in formulas.items():
                ws.write_formula(r, cols[key], "=" + formula, st[[s for k, _, s in SHARED if k == key][0]])
        for key, _, _ in SHARED[1:]:
            book.place(f"vat.{key}", Ref(SHEET, first, cols[key], first + self.rows - 1, cols[key]))
        for run in self.runs:
            self._write_run(book, ws, run, c)
        ws.freeze_panes(HEAD + 1, 2)
        book.print_wide(ws, repeat_rows=(HEAD, HEAD), repeat_cols="A:B")

    def _write_run(self, book: Book, ws, run: VatRun, c) -> None:
        st = book.styles
        top = self.first_row[run.key]
        ws.write_string(top - 2, 0, run.label, st["subtitle"])
        book.header(ws, top - 1, ["Return", *(h for _, h in RUN)], right=tuple(range(len(RUN) + 1)))
        ws.set_row(top - 1, 32)
        g, change, name = run.params
        x = f"(Recurring[VariableRate]+{change})"
        scale = (f'(1+{g}*(Recurring[RevenueLinked]="yes"))*((Recurring[PerPoint]=0)'
                 f"+Recurring[PerPoint]*({x}+ABS({x}))/2)")
        cols = {k: 1 + i for i, (k, _) in enumerate(RUN)}
        for j in range(1, self.rows + 1):
            r, shared = top + j - 1, HEAD + j
            lo, hi, live = c("first", shared), c("last", shared), c("live", shared)

            def own(key: str) -> str:
                return Ref(SHEET, r, cols[key]).a1(sheet=False)

            def items(sign: str) -> str:
                col = f"Recurring[VatP{j}]"
                return (f"SUMPRODUCT({col},Recurring[VatShare],{scale},--({col}{sign}0))"
                        f'+SUMIFS(OneOffs[VatAmount],OneOffs[Scenario],{exact_expr(name)},OneOffs[Date],">="&{lo},'
                        f'OneOffs[Date],"<="&{hi},OneOffs[Amount],"{sign}0")')

            previous = Ref(SHEET, r - 1, cols["return"]).a1(sheet=False)
            carried = "0" if j == 1 else f'IF(AND({CARRY}="yes",N({previous})<0),-{previous},0)'
            given = f'AND({LAST}<>"",{hi}<{START})'
            formulas = {
                "output": f"{c('receivables', shared)}+(1+{g})*{c('sales', shared)}+{items('>')}"
                          f"+{c('before_output', shared)}",
                "input": f"{c('payables', shared)}+(1+{g})*{c('purchases', shared)}-({items('<')})"
                         f"+{c('before_input', shared)}",
                "carried": carried,
                "return": f"IF({given},{LAST},{own('output')}-{own('input')}-{own('carried')})",
                "balance": f'IF(AND({CARRY}="yes",{own("return")}<0),0,{own("return")})',
            }
            ws.write_formula(r, 0, f"={c('label', shared)}", st["text_right"])
            if j == 1:
                book.place(f"vat.{run.key}.label", Ref(SHEET, top, 0, top + self.rows - 1, 0))
            for key, formula in formulas.items():
                ws.write_formula(r, cols[key], f'=IF({live},{formula},"")', st["money"])
        for key in cols:
            book.place(f"vat.{run.key}.{key}", Ref(SHEET, top, cols[key], top + self.rows - 1, cols[key]))


def runs_of(book: Book, vat_runs: Sequence[VatRun], run_info: dict[str, Any]) -> None:
    """Fill in each run's operands from the Forecast and Scenarios sheets (written before the VAT sheet)."""
    for run in vat_runs:
        if run.key == "forecast":
            run.params = ("Forecast_RevenueChange", "Forecast_InterestChange", defined("Scenario"))
            continue
        p = f"scenario.{run.key}.param"
        name = (book.ref(f"{p}.name") if run_info[run.key] else book.ref("scenarios.stressed_run")).a1()
        run.params = (book.ref(f"{p}.revenue_pct").a1(), book.ref(f"{p}.interest_change").a1(), name)


# --------------------------------------------------------------------------------------------
# Values: the engine's (proven by LibreOffice) and the helper cells' twins (cached values)
# --------------------------------------------------------------------------------------------

def first_period(first: dt.date, filing: str) -> dt.date:
    """Settings_VatFirstPeriod: the period of F, or the one before when its return is due from F on."""
    lo, _ = period_of(first, filing)
    if eomonth(lo, 0) >= first:
        lo, _ = period_of(lo - dt.timedelta(days=1), filing)
    return lo


def _rows(inputs, first: dt.date, count: int) -> list[tuple[dt.date, dt.date, dt.date, bool]]:
    """(first day, last day, due, live) of each return row."""
    size = {"monthly": 1, "quarterly": 3, "yearly": 12}[inputs.vat.filing]
    p1 = first_period(first, inputs.vat.filing)
    end = view_end(inputs.settings.start, inputs.settings.weeks)
    out = []
    for j in range(count):
        lo = eomonth(p1, j * size - 1) + dt.timedelta(days=1)
        hi = eomonth(lo, size - 1)
        out.append((lo, hi, due_date(hi), due_date(hi) <= end))
    return out


def engine_values(inputs, cells, analysis, first: dt.date) -> dict[str, list]:
    """The VAT sheet's dates and every run's returns, from the engine's ``Run.vat_returns``."""
    if not inputs.vat.on or "vat.due" not in cells:
        return {}
    rows = _rows(inputs, first, len(cells["vat.due"]))
    out: dict[str, list] = {"vat.first": [r[0] for r in rows], "vat.last": [r[1] for r in rows],
                            "vat.due": [r[2] for r in rows], "vat.live": [r[3] for r in rows]}
    runs = {"forecast": analysis.default}
    for name, key in cells.runs["scenarios"].items():
        runs[key] = analysis.scenarios.get(name, analysis.default)
    for run in analysis.stress:
        runs[cells.runs["stress"][run.name]] = run
    for key, run in runs.items():
        by_first = {r.first: r for r in run.vat_returns}
        got = [by_first.get(lo) if live else None for lo, _, _, live in rows]
        if [r for r in got if r] != run.vat_returns:  # periods() holds every return the window can have
            raise RuntimeError(f"the VAT sheet's rows miss returns of the engine ({run.name})")
        for column, value in (("output", lambda r: r.output_vat), ("input", lambda r: r.input_vat),
                              ("carried", lambda r: r.carried), ("balance", lambda r: r.balance),
                              ("return", lambda r: inputs.vat.last_return if r.given else r.net - r.carried)):
            out[f"vat.{key}.{column}"] = [None if r is None else value(r) for r in got]
        out[f"vat.{key}.label"] = [r.label if r else None for r in got]
    out["vat.label"] = [_label(lo, inputs.vat.filing) if live else None for lo, _, _, live in rows]
    return out


def _label(lo: dt.date, filing: str) -> str:
    """The return's name as the engine gives it (VatReturn.label)."""
    from xlcapital.forecast.vat import VatReturn

    hi = period_of(lo, filing)[1]
    return VatReturn(lo, hi, due_date(hi), Decimal(0), Decimal(0), Decimal(0)).label


def _share(code: str | None, included: bool = True) -> Decimal:
    r = RATES.get(code or "", Decimal(0))
    return r / (1 + r) if included else r


def helper_values(inputs, cells, first: dt.date, statements) -> dict[str, list]:
    """Twins of the helper cells (derived settings, VatRates, the Recurring and OneOffs columns, the parts
    every run shares): the cached values of the formula cells the engine has no name for."""
    if not inputs.vat.on or "vat.due" not in cells:
        return {}
    from xlcapital.forecast.actuals import counted
    from xlcapital.forecast.learn import classify

    v, s = inputs.vat, inputs.settings
    size = {"monthly": 1, "quarterly": 3, "yearly": 12}[v.filing]
    rows = _rows(inputs, first, len(cells["vat.due"]))
    day = dt.timedelta(days=1)
    rate_of = {k.strip().casefold(): c for k, c in reversed(list(v.rates.items()))}
    share = lambda category: _share(rate_of.get(category.strip().casefold()))  # noqa: E731
    end = view_end(s.start, s.weeks)
    p1 = first_period(first, v.filing)
    # the counted bank transactions of the days before F the returns can reach (classified: per transaction)
    transactions = [t for st in statements if counted(st.account, s.accounts) for t in st.transactions
                    if p1 <= t.booking_date < first]
    before = [(t.booking_date, t.amount, c) for t, c in zip(transactions, classify(transactions, inputs.categories))]
    shown = bool(before)
    out: dict[str, list] = {
        "settings.VatMonths": [size], "settings.VatFirstPeriod": [p1],
        "settings.VatSalesShare": [_share(v.sales_rate)],
        "settings.VatPlanShare": [_share(v.sales_rate, v.amounts != "excl")],
        "settings.VatSalesGross": [1 + _share(v.sales_rate, False) if v.amounts == "excl" else 1],
        "settings.VatPayablesShare": [_share(v.payables_rate)], "settings.VatBankShown": [shown],
        "table.VatRates.Share": [_share(code) for code in v.rates.values()],
    }

    def amount(r, lo: dt.date, hi: dt.date, floor: dt.date | None) -> Decimal:
        lo = max(lo, floor or lo, r.start or lo) if r.frequency != "once" else max(lo, floor or lo)
        hi = min(hi, end if floor else hi, r.end or hi)
        return r.amount * len(occurrences(r.frequency, r.day, r.month, lo, hi, once=r.start))

    rec = inputs.recurring
    out["table.Recurring.VatShare"] = [share(r.category) for r in rec]
    for j, (lo, hi, _, _) in enumerate(rows, start=1):
        out[f"table.Recurring.VatP{j}"] = [amount(r, lo, hi, first) for r in rec]
    for j in BEFORE:
        lo, hi, _, _ = rows[j - 1]
        out[f"table.Recurring.VatB{j}"] = [amount(r, lo, min(hi, first - day), None) for r in rec]
    one_offs = [o for sc_ in inputs.scenarios for o in sc_.one_offs]
    out["table.OneOffs.VatAmount"] = [o.amount * share(o.category) for o in one_offs]
    plan = occurrences(inputs.sales.frequency, inputs.sales.day, inputs.sales.month, first, end) \
        if inputs.sales.amount else []
    sold = [(d, inputs.sales.amount * inputs.sales.seasonality[d.month - 1]) for d in plan]
    sold += [(e.date, e.amount) for e in inputs.expected_sales]
    parts: dict[str, list] = {k: [] for k in ("receivables", "sales", "payables", "purchases", "before_output",
                                              "before_input")}
    plan_ = inputs.sales
    bought = [(d - dt.timedelta(days=plan_.stock_days), a) for d, a in sold
              if plan_.gross_margin is not None and d - dt.timedelta(days=plan_.stock_days) >= first]
    for j, (lo, hi, _, live) in enumerate(rows, start=1):
        inside = lambda d: lo <= d <= hi  # noqa: E731
        b_hi = min(hi, first - day)
        generated = [amount(r, lo, b_hi, None) * share(r.category) for r in rec] if j in BEFORE else []
        bank = sum((a * share(c) for d, a, c in before if lo <= d <= b_hi and a < 0), Decimal(0))
        values = {
            "receivables": _share(v.sales_rate) * sum((r.amount for r in inputs.receivables if inside(r.invoice_date)),
                                                      Decimal(0)),
            "sales": _share(v.sales_rate, v.amounts != "excl") * sum((a for d, a in sold if inside(d)), Decimal(0)),
            "payables": _share(v.payables_rate) * sum((p.amount for p in inputs.payables if inside(p.due_date)),
                                                      Decimal(0)),
            "purchases": _share(v.payables_rate) * (1 - (plan_.gross_margin or 0))
            * sum((a for d, a in bought if inside(d)), Decimal(0)),
            "before_output": Decimal(0) if shown else sum((x for x in generated if x > 0), Decimal(0)),
            "before_input": -bank if shown else -sum((x for x in generated if x < 0), Decimal(0)),
        }
        for k, value in values.items():
            parts[k].append(value if live else None)
    out.update({f"vat.{k}": vals for k, vals in parts.items()})
    # the empty row an empty table keeps: its formulas over blanks give 0
    for name in ("table.VatRates.Share", "table.OneOffs.VatAmount", "table.Recurring.VatShare",
                 *(f"table.Recurring.VatP{j}" for j in range(1, len(rows) + 1)),
                 *(f"table.Recurring.VatB{j}" for j in BEFORE)):
        if name in cells and len(out[name]) < len(cells[name]):
            out[name] = out[name] + [0] * (len(cells[name]) - len(out[name]))
    return out
