"""The functions workbook: a ready ``.xlsm`` for the xlcapital Excel functions (``xlcapital addin``).

:func:`write_functions_workbook` writes an ``.xlsm`` with

* an ``xlwings.conf`` sheet: ``UDF Modules = xlcapital.excel.udfs``, so the xlwings add-in's *Import
  Functions* finds the functions (see docs/excel-functions.md);
* a ``Functions`` sheet that calls every function on the seed 003 figures (inventory 40,000,
  receivables 90,000, cash 20,000, payables 110,000: gross working capital 150,000, net 40,000)
  plus clearly labelled invented figures where a ratio needs more, with a line of explanation
  each; a column of companies computed in one call; the error values; and the indirect cash-flow
  statement of an invented company built around the same figures;
* the VBA project of xlwings' own quickstart workbook (``xlwings quickstart`` copies the same
  file): its one job is the reference to the xlwings add-in, which the wrappers that *Import
  Functions* writes need to reach Python (``XLPy.CallUDF``). Its ``Module1`` holds xlwings'
  sample ``SampleCall`` macro, unused here.

Every formula carries the value the Python functions give as its cached result, so the sheet
reads right in a viewer; Excel recalculates on opening (``#NAME?`` until the functions are
imported). The file is reproducible: the same xlcapital and xlwings give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from xlcapital.errors import OutputError
from xlcapital import messages as say
from xlcapital.excel import udfs
from xlcapital.fileio import atomic_output
from xlcapital.workbook.book import Book
from xlcapital.workbook.styles import TAB_HELPER, TAB_OUTPUT
from xlcapital.workbook.xlwingsconf import SHEET as XLWINGS_SHEET
from xlcapital.workbook.xlwingsconf import XlwingsConfSheet

DEFAULT_OUTPUT = "xlcapital-functions.xlsm"
SHEET = "Functions"
#: the widths of the Functions sheet's columns (label, opening / result, closing, formula, explanation)
WIDTHS = (36, 16, 16, 62, 84)
#: Fixed document dates, so the same inputs give the same bytes.
_CREATED = dt.datetime(2024, 1, 1)


# --------------------------------------------------------------------------------------------
# The VBA project: xlwings' quickstart one, for its reference to the xlwings add-in
# --------------------------------------------------------------------------------------------


def xlwings_vba_project() -> bytes:
    """``xl/vbaProject.bin`` of the quickstart workbook that ships with xlwings.

    Its document modules are ThisWorkbook, Sheet1 and Sheet2: the workbook's two sheets get those
    code names (XlsxWriter's defaults).
    """
    import xlwings

    quickstart = Path(xlwings.__file__).resolve().parent / "quickstart.xlsm"
    try:
        with zipfile.ZipFile(quickstart) as zf:
            return zf.read("xl/vbaProject.bin")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise OutputError(
            say.NO_VBA_PROJECT(path=quickstart, why=exc), hint=say.REINSTALL_XLWINGS(),
        ) from None


# --------------------------------------------------------------------------------------------
# What the example sheet shows: figures, examples, the statement's inputs
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One input row: ``key`` (what examples refer to), label, opening and closing amounts, source."""

    key: str
    label: str
    opening: float | None
    closing: float
    source: str


SEED = "seed 003"
INVENTED = "invented for the examples"

FIGURES: tuple[Figure, ...] = (
    Figure("receivables", "Receivables (debiteuren)", 80_000, 90_000, f"closing: {SEED}; opening {INVENTED}"),
    Figure("inventory", "Inventory (voorraden)", 36_000, 40_000, f"closing: {SEED}; opening {INVENTED}"),
    Figure("cash", "Cash (liquide middelen)", 15_000, 20_000, f"closing: {SEED}; opening {INVENTED}"),
    Figure("payables", "Payables (crediteuren)", 100_000, 110_000, f"closing: {SEED}; opening {INVENTED}"),
    Figure("securities", "Securities (effecten)", 0, 0, "none in seed 003"),
    Figure("current_assets", "Current assets", None, 150_000, "receivables + inventory + cash (seed 003)"),
    Figure("current_liabilities", "Current liabilities", None, 110_000, "the payables, as in seed 003"),
    Figure("total_assets", "Total assets", None, 250_000, INVENTED),
    Figure("revenue", "Revenue (omzet), the year", None, 730_000, f"{INVENTED}: 2,000 a day"),
    Figure("cogs", "Cost of goods sold, the year", None, 365_000, f"{INVENTED}: 1,000 a day"),
    Figure("ebit", "EBIT (bedrijfsresultaat)", None, 60_000, f"{INVENTED} (the statement below)"),
    Figure("interest", "Interest (rente)", None, 12_000, INVENTED),
    Figure("earnings_after_tax", "Earnings after tax", None, 36_000, f"{INVENTED}: 60,000 - 12,000 - tax 12,000"),
    Figure("depreciation", "Depreciation (afschrijvingen)", None, 20_000, INVENTED),
    Figure("provisions_added", "Provisions added (dotaties)", None, 5_000, INVENTED),
    Figure("provisions_released", "Provisions released (onttrekkingen)", None, 2_000, INVENTED),
    Figure("retained_participations", "Retained profit of participations", None, 1_000, INVENTED),
    Figure("repayment", "Principal due next year (kt-aflossing)", None, 10_000, INVENTED),
    Figure("operating_cashflow", "Cash flow from operating activities", None, 52_000, "the statement below"),
    Figure("receipts", "Receipts, last 3 months", None, 30_000, INVENTED),
    Figure("payments", "Payments, last 3 months", None, 45_000, INVENTED),
    Figure("months", "Months", None, 3, ""),
    Figure("obligations", "Committed payments (verplichtingen)", None, 8_000, INVENTED),
    Figure("buffer", "Buffer kept aside", None, 5_000, INVENTED),
    Figure("fixed_costs", "Fixed costs a month (vaste lasten)", None, 5_000, INVENTED),
)


@dataclass(frozen=True)
class Lit:
    """A literal typed into the formula (a number or a text), not a cell reference."""

    value: Any


#: An empty argument: ``=CASHFLOW_LINE(A, B, C, , "label")``.
SKIP = None


@dataclass(frozen=True)
class Example:
    """One example row: ``=FUNCTION(args)`` with a line of explanation.

    An argument is the key of a figure (its closing cell), ``"key:pair"`` (its opening and closing
    cells), ``"@id"`` (the result of an earlier example), the key of a block (a range on the
    sheet), a :class:`Lit`, or :data:`SKIP`.
    """

    id: str
    function: str
    args: tuple
    explanation: str
    style: str = "number"


EXAMPLES: tuple[Example, ...] = (
    Example("gross", "GROSS_WC", ("receivables", "inventory", "cash"),
            "Seed 003: 90,000 + 40,000 + 20,000 = 150,000 (bruto werkkapitaal).", "money"),
    Example("nwc", "NWC", ("receivables", "inventory", "cash", "current_liabilities"),
            "Seed 003: current assets 150,000 - current liabilities 110,000 = 40,000 (netto werkkapitaal).", "money"),
    Example("nwc_narrow", "NWC_NARROW", ("receivables", "inventory", "cash", "payables"),
            "Seed 003's short form: 90,000 + 40,000 + 20,000 - 110,000 payables = 40,000.", "money"),
    Example("wc_ratio", "WC_RATIO", ("@nwc", "total_assets"),
            "40,000 / 250,000 = 0.16: inside the healthy 10-20 % band. Uses the NWC result above."),
    Example("nwc_rev", "NWC_TO_REVENUE", ("@nwc", "revenue"), "40,000 / 730,000 = 0.055."),
    Example("current", "CURRENT_RATIO", ("current_assets", "current_liabilities"),
            "150,000 / 110,000 = 1.36: above 1, the short-term debts are covered."),
    Example("quick", "QUICK_RATIO", ("current_assets", "inventory", "current_liabilities"),
            "(150,000 - 40,000) / 110,000 = 1.00: covered even without selling stock."),
    Example("quick_narrow", "QUICK_RATIO_NARROW", ("cash", "securities", "receivables", "current_liabilities"),
            "(20,000 + 0 + 90,000) / 110,000 = 1.00 (acid test)."),
    Example("cash_ratio", "CASH_RATIO", ("cash", "current_liabilities"), "20,000 / 110,000 = 0.18."),
    Example("dso_closing", "DSO", ("receivables", "revenue"),
            "Closing receivables only: 90,000 / (730,000 / 365) = 45 days."),
    Example("dso", "DSO", ("receivables:pair", "revenue"),
            "Two cells (opening, closing): average 85,000 / 2,000 a day = 42.5 days."),
    Example("dsi", "DSI", ("inventory:pair", "cogs"), "Average 38,000 / (365,000 / 365) = 38 days on COGS."),
    Example("dpo", "DPO", ("payables:pair", "cogs"), "Average 105,000 / 1,000 a day = 105 days on COGS."),
    Example("ccc", "CCC", ("receivables:pair", "inventory:pair", "payables:pair", "revenue"),
            "Without COGS, on revenue (days working capital): 42.5 + 19 - 52.5 = 9 days."),
    Example("ccc_cogs", "CCC", ("receivables:pair", "inventory:pair", "payables:pair", "revenue", "cogs"),
            "With COGS (textbook): 42.5 + 38 - 105 = -24.5 days: suppliers finance the cycle."),
    Example("cycle", "OPERATING_CYCLE", ("receivables:pair", "inventory:pair", "revenue", "cogs"),
            "DSO + DSI = 42.5 + 38 = 80.5 days."),
    Example("rec_turn", "RECEIVABLES_TURNOVER", ("receivables:pair", "revenue"), "730,000 / 85,000 = 8.6 times a year."),
    Example("inv_turn", "INVENTORY_TURNOVER", ("inventory:pair", "cogs"), "365,000 / 38,000 = 9.6 times a year."),
    Example("pay_turn", "PAYABLES_TURNOVER", ("payables:pair", "cogs"), "365,000 / 105,000 = 3.5 times a year."),
    Example("wc_turn", "WC_TURNOVER", ("@nwc", "revenue"), "730,000 / 40,000 = 18.25."),
    Example("bhk", "BHK_CASHFLOW", ("earnings_after_tax", "depreciation"),
            "Simple: 36,000 + 20,000 = 56,000.", "money"),
    Example("bhk_ext", "BHK_CASHFLOW", ("earnings_after_tax", "depreciation", "provisions_added",
                                        "provisions_released", "retained_participations"),
            "Extended: 56,000 + 5,000 - 2,000 - 1,000 = 58,000.", "money"),
    Example("icov", "INTEREST_COVERAGE", ("ebit", "interest"), "60,000 / 12,000 = 5 (rentedekking)."),
    Example("cf_icov", "CF_INTEREST_COVERAGE", ("@bhk", "interest"), "56,000 / 12,000 = 4.67."),
    Example("cf_cov", "CF_COVERAGE", ("@bhk", "interest", "repayment"), "56,000 / (12,000 + 10,000) = 2.55."),
    Example("ocf", "OCF_RATIO", ("operating_cashflow", "interest", "repayment"),
            "52,000 / (12,000 + 10,000) = 2.36 (debt service)."),
    Example("burn", "BURN_RATE", ("receipts", "payments", "months"),
            "(45,000 - 30,000) / 3 = 5,000 a month.", "money"),
    Example("runway", "CASH_RUNWAY", ("cash", "@burn"), "20,000 / 5,000 = 4 months."),
    Example("free", "FREE_CASH", ("cash", "obligations", "buffer"), "20,000 - 8,000 - 5,000 = 7,000.", "money"),
    Example("buffer", "BUFFER_MONTHS", ("cash", "fixed_costs"), "20,000 / 5,000 = 4 months: above the rule of 3."),
)

#: Several companies, one row each (invented): the DSO column is ONE call.
COMPANIES: tuple[tuple[str, float | None, float, float], ...] = (
    ("Bakkerij De Korf", 80_000, 100_000, 730_000),  # average 90,000 / 2,000 a day = 45
    ("Installatiebedrijf Smit", 40_000, 50_000, 365_000),  # 45,000 / 1,000 a day = 45
    ("Start-up without revenue", 10_000, 12_000, 0),  # #DIV/0!
    ("Opening balance unknown", None, 5_000, 100_000),  # #N/A
)

ERROR_EXAMPLES: tuple[Example, ...] = (
    Example("err_div0", "CURRENT_RATIO", (Lit(150_000), Lit(0)), "A zero denominator gives #DIV/0!, never 0 or infinity."),
    Example("err_na", "DSO", ("company_gap", "revenue"),
            "An empty cell is a missing value: #N/A (here the empty opening receivables of the last company)."),
    Example("err_text", "DSO", (Lit("1.234,56"), "revenue"),
            "Text is refused with what to do, e.g. an amount pasted from a Dutch bank export."),
)

# The invented company of the statement: balanced sheets around the seed 003 closing figures.
OPENING_BS = (("liquide middelen", 15_000), ("debiteuren", 80_000), ("voorraden", 36_000), ("vaste activa", 105_000),
              ("crediteuren", 100_000), ("langlopende schulden", 70_000), ("eigen vermogen", 66_000))  # fmt: skip
INCOME_PL = (("omzet", 730_000), ("kostprijs van de omzet", 365_000), ("bedrijfskosten", 285_000),
             ("afschrijvingen", 20_000), ("rente", 12_000), ("winstbelasting", 12_000))  # fmt: skip
CLOSING_BS = (("liquide middelen", 20_000), ("debiteuren", 90_000), ("voorraden", 40_000), ("vaste activa", 100_000),
              ("crediteuren", 110_000), ("langlopende schulden", 60_000), ("eigen vermogen", 80_000))  # fmt: skip
EXTRA_FACTS = (("investeringen", 15_000), ("aflossingen", 10_000), ("dividend", 22_000))


# --------------------------------------------------------------------------------------------
# Writing it
# --------------------------------------------------------------------------------------------


class _Sheet:
    """The Functions sheet being written: cells by key for the examples' arguments."""

    def __init__(self, book: Book, udfs) -> None:
        self.book, self.udfs = book, udfs
        self.ws = book.add_sheet(SHEET)
        self.styles = book.styles
        self.row = 0
        # key -> (the reference a formula writes, the value Python gets as xlwings would pass it)
        self.refs: dict[str, tuple[str, Any]] = {}

    def text(self, col: int, text: str, style: str = "text") -> None:
        self.ws.write_string(self.row, col, text, self.styles[style])

    def line(self, text: str, style: str = "note") -> None:
        """A paragraph over the whole width of the sheet, its row as high as its wrapped lines."""
        self.book.paragraph(self.ws, self.row, text, sum(WIDTHS), style, last_col=len(WIDTHS) - 1)
        self.row += 1

    def subtitle(self, title: str) -> None:
        self.text(0, title, "subtitle")
        self.row += 1

    def header(self, *titles: str, right: tuple[int, ...] = ()) -> None:
        """Column headers; the columns ``right`` hold numbers and get right-aligned headers."""
        self.book.header(self.ws, self.row, titles, right=right)
        if any(len(t) > WIDTHS[c] for c, t in enumerate(titles)):
            self.ws.set_row(self.row, 30)
        self.row += 1

    def _arg(self, token: Any) -> tuple[str, Any]:
        if token is SKIP:
            return "", None
        if isinstance(token, Lit):
            v = token.value
            return (f'"{v}"' if isinstance(v, str) else repr(v)), [[v]]
        return self.refs[token]

    def formula(self, col: int, function: str, args: tuple, style: str) -> tuple[str, Any]:
        """Write ``=function(args)`` with the Python result as its cached value; return (text, result)."""
        refs = [self._arg(a) for a in args]
        text = f"={function}({', '.join(r for r, _ in refs)})"
        result = getattr(self.udfs, function)(*(v for _, v in refs))
        if isinstance(result, list):
            self.spill(col, text, result, style)
        else:
            self.ws.write_formula(self.row, col, text, self.styles[style], result)
        return text, result

    def spill(self, col: int, text: str, rows: list[list], style: str) -> None:
        """A dynamic-array formula and, as Excel stores a spill, its values in the cells below."""
        last_row, last_col = self.row + len(rows) - 1, col + len(rows[0]) - 1
        self.ws.write_dynamic_array_formula(self.row, col, last_row, last_col, text, self.styles[style], rows[0][0])
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if r == c == 0:
                    continue
                fmt = self.styles[style] if isinstance(value, float) else None
                if isinstance(value, float):
                    self.ws.write_number(self.row + r, col + c, value, fmt)
                else:
                    self.ws.write_string(self.row + r, col + c, "" if value is None else str(value))

    def example(self, ex: Example) -> None:
        self.text(0, ex.function, "label_bold")
        text, result = self.formula(1, ex.function, ex.args, ex.style)
        self.text(3, text, "text")
        self.text(4, ex.explanation, "wrap")
        ref = xl_rowcol_to_cell(self.row, 1)
        self.refs["@" + ex.id] = (ref, result if isinstance(result, list) else [[result]])
        self.row += 1


def _write_functions_sheet(book: Book) -> None:
    s = _Sheet(book, udfs)
    for col, width in enumerate(WIDTHS):
        s.ws.set_column(col, col, width)
    s.text(0, "xlcapital Excel functions: every function on the seed 003 figures", "title")
    s.row += 1
    s.line("To make the formulas work: pip install xlcapital; xlwings addin install; open this workbook; on the "
           "xlwings tab click Import Functions; then recalculate (Ctrl+Alt+F9). Until then formulas show #NAME?.")
    s.line("Excel for Mac and Excel on the web: the same functions run in the free xlwings Lite add-in: run "
           "xlcapital lite -o DIR and paste the main.py and requirements.txt it writes into the add-in's tabs "
           "(docs/excel-functions.md).")
    s.line("Balances: one cell (closing), or two cells side by side (opening, closing) for their average. A column "
           "computes one result per row in one call. Help: fx button, category xlcapital.")
    s.row += 1

    s.subtitle("Figures")
    s.header("Item", "Opening", "Closing", "Source", right=(1, 2))
    for f in FIGURES:
        s.text(0, f.label)
        if f.opening is not None:
            s.ws.write_number(s.row, 1, f.opening, s.styles["input_money"])
        s.ws.write_number(s.row, 2, f.closing, s.styles["input_money"])
        s.text(3, f.source, "note")
        closing = xl_rowcol_to_cell(s.row, 2)
        s.refs[f.key] = (closing, [[f.closing]])
        if f.opening is not None:
            s.refs[f.key + ":pair"] = (f"{xl_rowcol_to_cell(s.row, 1)}:{closing}", [[f.opening, f.closing]])
        s.row += 1
    s.row += 1

    _write_examples(s, "Every function", EXAMPLES)
    _write_companies(s)
    _write_examples(s, "Errors", ERROR_EXAMPLES)

    _write_statement(s)
    s.ws.freeze_panes(0, 1)
    book.print_wide(s.ws)


def _write_examples(s: _Sheet, title: str, examples: tuple[Example, ...]) -> None:
    s.subtitle(title)
    s.header("Function", "Result", "", "Formula", "What it shows", right=(1,))
    for ex in examples:
        s.example(ex)
    s.row += 1


def _write_companies(s: _Sheet) -> None:
    s.subtitle("Many companies in one call")
    s.line("One formula in E computes DSO for every row: the receivables range is two columns (opening, closing), "
           "the revenue one column. It spills down (Excel 365); older Excel: select E and enter with Ctrl+Shift+Enter.")
    s.header("Company", "Receivables opening", "Receivables closing", "Revenue, the year", "DSO (one call)",
             right=(1, 2, 3, 4))
    first = s.row
    for name, opening, closing, revenue in COMPANIES:
        s.text(0, name)
        if opening is not None:
            s.ws.write_number(s.row, 1, opening, s.styles["input_money"])
        else:
            s.ws.write_blank(s.row, 1, None, s.styles["input_money"])
        s.ws.write_number(s.row, 2, closing, s.styles["input_money"])
        s.ws.write_number(s.row, 3, revenue, s.styles["input_money"])
        s.row += 1
    last = s.row - 1
    s.refs["company_receivables"] = (
        f"{xl_rowcol_to_cell(first, 1)}:{xl_rowcol_to_cell(last, 2)}",
        [[o, c] for _, o, c, _ in COMPANIES],
    )
    s.refs["company_revenue"] = (f"{xl_rowcol_to_cell(first, 3)}:{xl_rowcol_to_cell(last, 3)}", [[r] for *_, r in COMPANIES])
    gap = next(i for i, c in enumerate(COMPANIES) if c[1] is None)
    s.refs["company_gap"] = (xl_rowcol_to_cell(first + gap, 1), [[None]])
    s.row = first
    s.formula(4, "DSO", ("company_receivables", "company_revenue"), "number")
    s.row = last + 2


def _label_block(s: _Sheet, key: str, title: str, items: tuple) -> None:
    s.text(0, title, "label_bold")
    s.row += 1
    first = s.row
    for label, amount in items:
        s.text(0, label, "input_text")
        s.ws.write_number(s.row, 1, amount, s.styles["input_money"])
        s.row += 1
    s.refs[key] = (f"{xl_rowcol_to_cell(first, 0)}:{xl_rowcol_to_cell(s.row - 1, 1)}", [list(i) for i in items])


def _write_statement(s: _Sheet) -> None:
    s.subtitle("The indirect cash-flow statement")
    s.line("Four ranges of label | amount (Dutch names or the company-file keys) give the statement line by line. "
           "Invented company around the seed 003 closing figures; both balance sheets balance.")
    top = s.row
    _label_block(s, "opening_bs", "Opening balance sheet", OPENING_BS)
    _label_block(s, "income_pl", "Income statement", INCOME_PL)
    _label_block(s, "closing_bs", "Closing balance sheet", CLOSING_BS)
    _label_block(s, "extra_facts", "Other facts (investments, loans, dividends)", EXTRA_FACTS)
    bottom = s.row
    args = ("opening_bs", "income_pl", "closing_bs", "extra_facts")

    s.row = top
    s.text(3, "CASHFLOW_LINE: one line, by key or label (English or Dutch)", "label_bold")
    s.row += 1
    for label in ("Netto kasstroom", "cash_flow_operating"):
        text, _ = s.formula(4, "CASHFLOW_LINE", (*args, Lit(label)), "money")
        s.text(3, text, "text")
        s.row += 1
    text, _ = s.formula(4, "CASHFLOW_LINE", (*args[:3], SKIP, Lit("ebit")), "money")
    s.text(3, text + "  (extra left empty)", "text")
    s.row += 2
    s.text(3, "CASHFLOW_INDIRECT: the whole statement, spilling two columns (label, amount) in Dutch", "label_bold")
    s.row += 1
    s.text(3, "=CASHFLOW_INDIRECT(" + ", ".join(s.refs[a][0] for a in args) + ', "nl") in the cell below', "note_line")
    s.row += 1
    s.formula(3, "CASHFLOW_INDIRECT", (*args, Lit("nl")), "money")
    s.row = max(bottom, s.row)


def write_functions_workbook(path: str | Path, *, force: bool = False) -> Path:
    """Write the workbook (see the module docstring) through :func:`atomic_output`; return its path.

    Without ``force`` an existing file is an :class:`OutputError`.
    """
    path = Path(path)
    vba = xlwings_vba_project()  # before anything is written: a broken xlwings fails cleanly
    with atomic_output(path, force=force) as tmp:
        workbook = xlsxwriter.Workbook(str(tmp))
        workbook.set_properties({"title": "xlcapital Excel functions", "created": _CREATED})
        workbook.add_vba_project(io.BytesIO(vba), is_stream=True)
        workbook.set_vba_name("ThisWorkbook")
        book = Book(workbook)  # the quickstart project's sheet modules are Sheet1, Sheet2: XlsxWriter's defaults
        _write_functions_sheet(book)
        XlwingsConfSheet().write(book)
        book.sheets[SHEET].set_tab_color(TAB_OUTPUT)
        book.sheets[XLWINGS_SHEET].set_tab_color(TAB_HELPER)
        workbook.close()
    return path

