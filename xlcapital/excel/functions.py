"""The xlcapital Excel functions, defined once for every Excel face.

Each function is an :class:`ExcelFunction`: its Excel name, the Python callable that takes the
arguments as Excel passes them (lists of rows, ``None`` for an empty cell) and returns a cell value
or a list of rows, its parameters, the function wizard's description and one help text per
argument. Nothing here imports xlwings: the classic add-in (:mod:`xlcapital.excel.udfs`, xlwings
on Windows) and xlwings Lite (:mod:`xlcapital.excel.lite`, Office.js on Windows, Mac and the web)
register the same :data:`FUNCTIONS` with their own decorators, so they cannot drift apart.

The arithmetic is :mod:`xlcapital.ratios` and :mod:`xlcapital.statements`; turning ranges into
arguments and results into cells is :mod:`xlcapital.excel.shapes`. The ratio functions come from
one table, :data:`RATIO_UDFS`, with the library function's own signature, so every public ratio
is an Excel function (one added to the library later gets one too, named after it in capitals).

>>> f = BY_NAME["DSO"]
>>> f.call([[80_000, 100_000]], [[730_000]])              # average receivables 90,000
45.0
>>> [p.name for p in f.params], f.arg_docs["days"][:28]
(['receivables', 'revenue', 'days'], 'Days in the period: 365 a ye')
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from xlcapital import ratios, statements
from xlcapital.errors import InputError, XlcapitalError
from xlcapital.excel.shapes import Param, call, label_amount_rows, refuse, to_cell

#: The function wizard's category for every xlcapital function.
CATEGORY = "xlcapital"

_BALANCE_SHAPES = "One cell, two cells across (opening, closing: their average), or a column of rows."
_FLOW_SHAPES = "One cell, or a column of rows."

#: Arguments that are balances (amounts on a date): they accept an (opening, closing) pair.
#: tests/test_udfs.py checks this set against what xlcapital.ratios accepts.
BALANCES = frozenset(
    {
        "receivables",
        "inventory",
        "cash",
        "securities",
        "other_current_assets",
        "payables",
        "current_assets",
        "current_liabilities",
        "net_working_capital",
        "total_assets",
        "obligations",
        "buffer",
    }
)

#: What each argument means, for the function wizard (the shapes it accepts are added).
ARG_MEANINGS: dict[str, str] = {
    "receivables": "Trade receivables (debiteuren).",
    "inventory": "Inventory incl. work in progress (voorraden).",
    "cash": "Freely available cash (vrij besteedbare liquide middelen).",
    "securities": "Marketable securities (effecten).",
    "other_current_assets": "Other current assets: prepayments, other claims (overlopende activa).",
    "payables": "Trade payables (crediteuren).",
    "current_assets": "Current assets incl. cash (vlottende activa).",
    "current_liabilities": "Current liabilities (kortlopende schulden), incl. overdraft.",
    "net_working_capital": "Net working capital (netto werkkapitaal).",
    "total_assets": "Total assets (balanstotaal).",
    "obligations": "Committed payments due (verplichtingen).",
    "buffer": "Cash kept aside as a buffer.",
    "revenue": "Revenue of the period (omzet).",
    "cost_base": "COGS of the period (textbook), or revenue (the seeds' days working capital).",
    "cogs": "Cost of goods sold of the period; leave out to divide DSI and DPO by revenue.",
    "days": "Days in the period: 365 a year, 91.25 a quarter, 30 a month.",
    "earnings_after_tax": "Earnings after tax (resultaat na belasting).",
    "depreciation": "Depreciation of the period (afschrijvingen).",
    "provisions_added": "Additions to provisions (dotaties voorzieningen).",
    "provisions_released": "Withdrawals from provisions (onttrekkingen voorzieningen).",
    "retained_participations": "Retained profit of non-consolidated participations.",
    "ebit": "EBIT, the operating result (bedrijfsresultaat).",
    "interest": "Interest charge of the period (rente).",
    "cashflow": "Cash flow, e.g. BHK_CASHFLOW (kasstroom).",
    "repayment": "Loan principal repaid in the period (aflossing).",
    "operating_cashflow": "Cash flow from operating activities (kasstroom uit operationele activiteiten).",
    "short_term_interest": "Interest due in the coming year (kt-rente).",
    "short_term_repayment": "Principal due in the coming year (kt-aflossing).",
    "receipts": "Cash received over the months (ontvangsten), positive.",
    "payments": "Cash paid over the months (uitgaven), positive.",
    "months": "Months the receipts and payments cover.",
    "monthly_burn": "Net cash outflow per month, e.g. BURN_RATE.",
    "monthly_fixed_costs": "Fixed costs per month (vaste lasten).",
}


def arg_doc(param: Param) -> str:
    """The function wizard's help for one argument: meaning, accepted shapes, the default.

    >>> arg_doc(Param("days", 365))
    'Days in the period: 365 a year, 91.25 a quarter, 30 a month. One cell, or a column of rows. Optional: 365 when left out.'
    """
    meaning = ARG_MEANINGS.get(param.name, param.name.replace("_", " ").capitalize() + ".")
    doc = f"{meaning} {_BALANCE_SHAPES if param.name in BALANCES else _FLOW_SHAPES}"
    if param.optional and param.default is not None:
        doc += f" Optional: {param.default} when left out."
    elif param.optional:
        doc += " Optional."
    return doc


@dataclass(frozen=True)
class RatioUdf:
    """One row of :data:`RATIO_UDFS`: the Excel name, the library function, the wizard's description."""

    excel_name: str
    function: Callable
    description: str


#: Every ratio of xlcapital.ratios as an Excel function, in the order of the wizard's help.
RATIO_UDFS: tuple[RatioUdf, ...] = (
    RatioUdf("GROSS_WC", ratios.gross_working_capital,
             "Gross working capital (bruto werkkapitaal) = current assets = receivables + inventory + cash + "
             "securities + other current assets."),
    RatioUdf("NWC", ratios.net_working_capital,
             "Net working capital (netto werkkapitaal) = current assets - current liabilities."),
    RatioUdf("NWC_NARROW", ratios.net_working_capital_narrow,
             "Net working capital, the seeds' short form = receivables + inventory + cash - payables."),
    RatioUdf("WC_RATIO", ratios.working_capital_ratio,
             "Working-capital ratio = net working capital / total assets; healthy between 0.10 and 0.20."),
    RatioUdf("NWC_TO_REVENUE", ratios.nwc_to_revenue,
             "NWC ratio = net working capital / revenue."),
    RatioUdf("CURRENT_RATIO", ratios.current_ratio,
             "Current ratio = current assets / current liabilities; above 1 is healthy."),
    RatioUdf("QUICK_RATIO", ratios.quick_ratio,
             "Quick ratio, broad form = (current assets - inventory) / current liabilities."),
    RatioUdf("QUICK_RATIO_NARROW", ratios.quick_ratio_narrow,
             "Quick ratio, narrow form (acid test) = (cash + securities + receivables) / current liabilities."),
    RatioUdf("CASH_RATIO", ratios.cash_ratio,
             "Cash ratio = (cash + securities) / current liabilities."),
    RatioUdf("DSO", ratios.dso,
             "Days sales outstanding = receivables / (revenue / days)."),
    RatioUdf("DSI", ratios.dsi,
             "Days inventory = inventory / (cost base / days); cost base COGS, or revenue as in days working capital."),
    RatioUdf("DPO", ratios.dpo,
             "Days payables outstanding = payables / (cost base / days); cost base COGS, purchases or revenue."),
    RatioUdf("CCC", ratios.ccc,
             "Cash conversion cycle = DSO + DSI - DPO in days. Without cogs DSI and DPO use revenue (days working "
             "capital); with cogs they use COGS (textbook)."),
    RatioUdf("OPERATING_CYCLE", ratios.operating_cycle,
             "Operating cycle = DSO + DSI in days (DSI on revenue without cogs, on COGS with it)."),
    RatioUdf("RECEIVABLES_TURNOVER", ratios.receivables_turnover,
             "Receivables turnover = revenue / receivables (times per period)."),
    RatioUdf("INVENTORY_TURNOVER", ratios.inventory_turnover,
             "Inventory turnover = cost base / inventory (times per period)."),
    RatioUdf("PAYABLES_TURNOVER", ratios.payables_turnover,
             "Payables turnover = cost base / payables (times per period)."),
    RatioUdf("WC_TURNOVER", ratios.working_capital_turnover,
             "Working-capital turnover = revenue / net working capital."),
    RatioUdf("BHK_CASHFLOW", ratios.bhk_cashflow,
             "BHK cash flow (rule of thumb) = earnings after tax + depreciation (simple); extended: + provisions "
             "added - provisions released - retained participations."),
    RatioUdf("INTEREST_COVERAGE", ratios.interest_coverage,
             "Interest coverage (rentedekking) = EBIT / interest."),
    RatioUdf("CF_INTEREST_COVERAGE", ratios.cashflow_interest_coverage,
             "Cash-flow interest coverage = cash flow / interest."),
    RatioUdf("CF_COVERAGE", ratios.cashflow_coverage,
             "Cash-flow coverage (kasstroomdekking) = cash flow / (interest + repayment)."),
    RatioUdf("OCF_RATIO", ratios.ocf_ratio,
             "OCF ratio (debt service) = cash flow from operating activities / (short-term interest + short-term "
             "repayment)."),
    RatioUdf("BURN_RATE", ratios.burn_rate,
             "Net burn per month = (payments - receipts) / months; positive when cash shrinks."),
    RatioUdf("CASH_RUNWAY", ratios.cash_runway,
             "Cash runway in months = cash / monthly burn. #DIV/0! when not burning (burn 0 or less): the cash "
             "does not run out."),
    RatioUdf("FREE_CASH", ratios.free_cash,
             "Free cash (vrije kas) = cash - committed obligations - buffer."),
    RatioUdf("BUFFER_MONTHS", ratios.buffer_months,
             "Cash buffer in months = cash / monthly fixed costs; rule of thumb at least 3."),
)


def _library_ratios() -> dict[str, Callable]:
    """Every public ratio of xlcapital.ratios, by function name."""
    return dict(ratios.RATIO_FUNCTIONS)


def _fallback_row(name: str, fn: Callable) -> RatioUdf:
    """A ratio added to the library but not to :data:`RATIO_UDFS`: named after it, docstring as help."""
    doc = inspect.getdoc(fn) or name
    return RatioUdf(name.upper(), fn, " ".join(doc.split("\n\n")[0].split())[:254])


def _rows() -> tuple[RatioUdf, ...]:
    listed = {row.function.__name__ for row in RATIO_UDFS}
    extra = tuple(_fallback_row(n, f) for n, f in _library_ratios().items() if n not in listed)
    return RATIO_UDFS + extra


@dataclass(frozen=True)
class ExcelFunction:
    """One Excel function, as every face registers it.

    ``call`` takes the arguments positionally as Excel passes them and never raises for bad input
    (it returns ``#VALUE!`` text); ``params`` are its arguments in order (with their defaults),
    ``description`` the wizard's help, ``arg_docs`` the help of each argument.
    """

    name: str
    call: Callable[..., Any]
    params: tuple[Param, ...]
    description: str
    arg_docs: Mapping[str, str]

    @property
    def signature(self) -> inspect.Signature:
        """``(receivables, revenue, days=365)``: what Excel shows and the registrations read."""
        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        return inspect.Signature(
            [inspect.Parameter(p.name, kind, **({"default": p.default} if p.optional else {})) for p in self.params]
        )


def _ratio_function(row: RatioUdf) -> ExcelFunction:
    """The Excel function of one ratio: the library function's signature, Excel shapes in and out."""
    fn = row.function
    params = Param.of(fn)

    def excel_call(*args, **kwargs):
        return call(fn, params, args, kwargs)

    return ExcelFunction(row.excel_name, excel_call, params, row.description, {p.name: arg_doc(p) for p in params})


# --------------------------------------------------------------------------------------------
# The indirect cash-flow statement
# --------------------------------------------------------------------------------------------

_STATEMENT_ARGS = {
    "opening": "Opening balance sheet: two columns, label | amount (company-file keys or Dutch names: "
    "debiteuren, voorraden, liquide middelen, crediteuren, eigen vermogen, ...).",
    "income": "Income statement of the period: two columns, label | amount (revenue/omzet, cogs, "
    "depreciation/afschrijvingen, interest/rente, tax/winstbelasting, ...).",
    "closing": "Closing balance sheet: two columns, label | amount, the same labels as the opening one.",
    "extra": "Optional: facts the balance sheets cannot show, label | amount: investments, disposals, "
    "new_loans, repayments, share_issues, dividends (Dutch names accepted).",
    "language": 'Optional: "en" (default) or "nl" for Dutch line labels.',
    "label": 'Optional: the line to return, by key, English or Dutch label, e.g. "net_cash_flow" or '
    '"Netto kasstroom" (default: net cash flow).',
}

_LANGUAGES = {"en": "label", "english": "label", "nl": "label_nl", "dutch": "label_nl", "nederlands": "label_nl"}

#: Every way to name a statement line (key, English or Dutch label, normalized) -> its key.
_LINE_KEYS = {
    statements.normalize_label(name): spec.key
    for spec in statements.LINES
    for name in (spec.key, spec.label, spec.label_nl)
}


def _statement(opening, income, closing, extra) -> statements.CashflowStatement:
    return statements.cashflow_indirect_from_mappings(
        label_amount_rows("opening", opening),
        label_amount_rows("income", income),
        label_amount_rows("closing", closing),
        label_amount_rows("extra", extra),
    )


def _one_text(name: str, value: Any, default: str) -> str:
    """A text argument given as one cell (xlwings passes it as [[text]])."""
    while isinstance(value, (list, tuple)) and len(value) == 1:
        value = value[0]
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        raise InputError(f"expected text, got {value!r}", field=name)
    return value


def CASHFLOW_INDIRECT(opening, income, closing, extra=None, language="en"):
    """The cash-flow statement by the indirect method, line by line: a 2-column array (label, amount) that spills.

    Amounts are effects on cash (negative = cash out). Warnings follow when it does not reconcile.
    """
    try:
        wanted = _one_text("language", language, "en")
        which = _LANGUAGES.get(wanted.strip().lower())
        if which is None:
            raise InputError(f"unknown language {wanted!r}", field="language", hint='use "en" or "nl"')
        statement = _statement(opening, income, closing, extra)
    except XlcapitalError as exc:
        return refuse(exc)
    rows = [[getattr(line, which), to_cell(line.amount)] for line in statement.lines]
    return rows + [[f"Warning: {w}", None] for w in statement.warnings]


def CASHFLOW_LINE(opening, income, closing, extra=None, label="net_cash_flow"):
    """One line of the indirect cash-flow statement (default: net cash flow), by key, English or Dutch label."""
    try:
        wanted = _one_text("label", label, "net_cash_flow")
        key = _LINE_KEYS.get(statements.normalize_label(wanted))
        if key is None:
            raise InputError(
                f"no statement line {wanted!r}",
                field="label",
                hint="e.g. net_cash_flow, cash_flow_operating, tax_paid, Netto kasstroom; CASHFLOW_INDIRECT lists all",
            )
        return to_cell(_statement(opening, income, closing, extra).line(key).amount)
    except XlcapitalError as exc:
        return refuse(exc)


def _statement_function(fn: Callable) -> ExcelFunction:
    """A statement function: its docstring (on one line) is the wizard's description."""
    params = Param.of(fn)
    return ExcelFunction(fn.__name__, fn, params, " ".join((inspect.getdoc(fn) or "").split()),
                         {p.name: _STATEMENT_ARGS[p.name] for p in params})


#: Every xlcapital Excel function: the ratios in the order of the wizard's help, then the statement.
FUNCTIONS: tuple[ExcelFunction, ...] = (
    *(_ratio_function(row) for row in _rows()),
    _statement_function(CASHFLOW_INDIRECT),
    _statement_function(CASHFLOW_LINE),
)

#: Excel name -> function.
BY_NAME: dict[str, ExcelFunction] = {f.name: f for f in FUNCTIONS}


def call_function(name: str, *args: Any) -> Any:
    """Call the Excel function ``name`` with Excel-shaped arguments (what a registered wrapper does)."""
    return BY_NAME[name].call(*args)
