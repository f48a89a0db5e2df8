"""The Excel functions called as Excel calls them: ranges as lists of rows, None for empty cells.

Expected values are worked out by hand in the comments (seed 003: inventory 40,000, receivables
90,000, cash 20,000, payables 110,000 -> gross working capital 150,000, net 40,000; the other
figures are invented and labelled as such), and every function is also compared with the Python
library it wraps. Plain Linux xlwings: the decorators are identity functions, so these are the
same Python functions Excel calls on Windows (tests/test_udfs_registration.py checks what Excel
sees of them).
"""

from __future__ import annotations

import inspect
import math
import sys
from decimal import Decimal

import numpy as np
import pytest

from xlcapital import ratios, statements
from xlcapital.excel import functions, udfs
from xlcapital.excel import shapes as excel_shapes
from xlcapital.errors import InputError
from xlcapital.excel.shapes import CellError, Param

# Seed 003, closing balance sheet
INVENTORY, RECEIVABLES, CASH, PAYABLES = 40_000, 90_000, 20_000, 110_000
# Invented for the examples
REVENUE, COGS = 730_000, 365_000  # 730,000 / 365 = 2,000 a day; 365,000 / 365 = 1,000 a day


def cell(x):
    """One cell as xlwings passes it with ndim=2."""
    return [[x]]


def column(*xs):
    return [[x] for x in xs]


def approx(x):
    return pytest.approx(x, rel=1e-12)


# --------------------------------------------------------------------------------------------
# Every function against a hand calculation
# --------------------------------------------------------------------------------------------

HAND = [
    # seed 003: 90,000 + 40,000 + 20,000
    ("GROSS_WC", (RECEIVABLES, INVENTORY, CASH), 150_000),
    # seed 003: 150,000 - 110,000 (the payables as the current liabilities)
    ("NWC", (RECEIVABLES, INVENTORY, CASH, PAYABLES), 40_000),
    # every current asset: + securities 5,000 + prepayments 3,000; current liabilities 110,000 + overdraft 12,000
    ("GROSS_WC", (RECEIVABLES, INVENTORY, CASH, 5_000, 3_000), 158_000),
    ("NWC", (RECEIVABLES, INVENTORY, CASH, 122_000, 5_000, 3_000), 36_000),
    ("NWC_NARROW", (RECEIVABLES, INVENTORY, CASH, PAYABLES), 40_000),  # seed 003's short form
    ("WC_RATIO", (40_000, 250_000), 0.16),  # 40,000 / 250,000 (total assets invented)
    ("NWC_TO_REVENUE", (40_000, REVENUE), 40 / 730),
    ("CURRENT_RATIO", (150_000, PAYABLES), 150 / 110),
    ("QUICK_RATIO", (150_000, INVENTORY, PAYABLES), 1.0),  # (150,000 - 40,000) / 110,000
    ("QUICK_RATIO_NARROW", (CASH, 0, RECEIVABLES, PAYABLES), 1.0),  # (20,000 + 0 + 90,000) / 110,000
    ("CASH_RATIO", (CASH, PAYABLES), 2 / 11),  # 20,000 / 110,000
    ("CASH_RATIO", (CASH, PAYABLES, 2_000), 0.2),  # (20,000 + 2,000) / 110,000
    ("DSO", (RECEIVABLES, REVENUE), 45.0),  # 90,000 / 2,000 a day
    ("DSO", (RECEIVABLES, REVENUE / 4, 91.25), 45.0),  # a quarter: 182,500 / 91.25 = 2,000 a day
    ("DSI", (INVENTORY, COGS), 40.0),  # 40,000 / 1,000 a day
    ("DPO", (PAYABLES, COGS), 110.0),  # 110,000 / 1,000 a day
    ("CCC", (RECEIVABLES, INVENTORY, PAYABLES, REVENUE), 10.0),  # on revenue: 45 + 20 - 55
    ("CCC", (RECEIVABLES, INVENTORY, PAYABLES, REVENUE, COGS), -25.0),  # on COGS: 45 + 40 - 110
    ("OPERATING_CYCLE", (RECEIVABLES, INVENTORY, REVENUE), 65.0),  # 45 + 20
    ("OPERATING_CYCLE", (RECEIVABLES, INVENTORY, REVENUE, COGS), 85.0),  # 45 + 40
    ("RECEIVABLES_TURNOVER", (RECEIVABLES, REVENUE), 730 / 90),
    ("INVENTORY_TURNOVER", (INVENTORY, COGS), 9.125),  # 365,000 / 40,000
    ("PAYABLES_TURNOVER", (PAYABLES, COGS), 365 / 110),
    ("WC_TURNOVER", (40_000, REVENUE), 18.25),  # 730,000 / 40,000
    ("BHK_CASHFLOW", (36_000, 20_000), 56_000),  # EaT + depreciation
    ("BHK_CASHFLOW", (36_000, 20_000, 5_000, 2_000, 1_000), 58_000),  # + 5,000 - 2,000 - 1,000
    ("INTEREST_COVERAGE", (60_000, 12_000), 5.0),
    ("CF_INTEREST_COVERAGE", (56_000, 12_000), 56 / 12),
    ("CF_COVERAGE", (56_000, 12_000, 10_000), 56 / 22),  # 56,000 / (12,000 + 10,000)
    ("OCF_RATIO", (52_000, 12_000, 10_000), 52 / 22),
    ("BURN_RATE", (30_000, 45_000, 3), 5_000),  # (45,000 - 30,000) / 3 months
    ("CASH_RUNWAY", (CASH, 5_000), 4.0),  # 20,000 / 5,000 a month
    ("FREE_CASH", (CASH, 8_000, 5_000), 7_000),  # 20,000 - 8,000 - 5,000
    ("BUFFER_MONTHS", (CASH, 5_000), 4.0),
]


@pytest.mark.parametrize("name, args, expected", HAND, ids=[f"{h[0]}{len(h[1])}" for h in HAND])
def test_hand_calculations_one_cell_each(name, args, expected):
    result = getattr(udfs, name)(*(cell(a) for a in args))
    assert isinstance(result, float)
    assert result == approx(expected)


def test_hand_table_covers_every_ratio_function():
    assert {h[0] for h in HAND} == {row.excel_name for row in functions._rows()}


def test_plain_numbers_work_as_well_as_ranges():
    """Called from VBA or Python a number need not be wrapped in a range."""
    assert udfs.GROSS_WC(RECEIVABLES, INVENTORY, CASH) == 150_000.0
    assert udfs.DSO(RECEIVABLES, revenue=REVENUE, days=365) == 45.0


# --------------------------------------------------------------------------------------------
# Excel shapes: pairs, columns, empty cells, optional arguments
# --------------------------------------------------------------------------------------------


def test_a_two_cell_row_is_opening_and_closing():
    # receivables (80,000 + 100,000) / 2 = 90,000 -> 45 days
    assert udfs.DSO([[80_000, 100_000]], cell(REVENUE)) == 45.0
    # inventory (36,000 + 44,000) / 2 = 40,000 -> 40 days on COGS
    assert udfs.DSI([[36_000.0, 44_000.0]], cell(COGS)) == 40.0


def test_a_column_computes_one_result_per_row():
    # 90,000 / 2,000 = 45; 45,000 / 2,000 = 22.5; 30,000 / (365,000 / 365) = 30
    result = udfs.DSO(column(90_000, 45_000, 30_000), column(REVENUE, REVENUE, 365_000))
    assert result == [[45.0], [22.5], [30.0]]


def test_rows_of_two_cells_give_one_average_per_row():
    # (80,000 + 100,000) / 2 = 90,000 -> 45; (40,000 + 50,000) / 2 = 45,000 -> 22.5
    assert udfs.DSO([[80_000, 100_000], [40_000, 50_000]], cell(REVENUE)) == [[45.0], [22.5]]


def test_one_cell_is_shared_by_every_row():
    # days 91.25 with quarterly revenue 182,500: 2,000 a day for both rows
    assert udfs.DSO(column(90_000, 20_000), cell(182_500), cell(91.25)) == [[45.0], [10.0]]


def test_empty_cells_are_missing_values():
    assert udfs.CURRENT_RATIO(cell(None), cell(110_000)) == "#N/A"
    assert udfs.DSO([[80_000, None]], cell(REVENUE)) == "#N/A"  # an average needs both ends
    assert udfs.DSO(column(90_000, None, 90_000), column(REVENUE, REVENUE, None)) == [[45.0], ["#N/A"], ["#N/A"]]


def test_zero_denominators_are_div0_never_0_or_inf():
    assert udfs.CURRENT_RATIO(cell(150_000), cell(0)) == "#DIV/0!"
    assert udfs.DSO(cell(RECEIVABLES), cell(0)) == "#DIV/0!"
    assert udfs.DSO(column(90_000, 90_000), column(REVENUE, 0)) == [[45.0], ["#DIV/0!"]]
    # not burning: the cash does not run out (the library's convention), no runway to count
    assert udfs.CASH_RUNWAY(cell(CASH), cell(-1_000)) == "#DIV/0!"


def test_error_results_are_cell_errors_with_their_code():
    div0 = udfs.CURRENT_RATIO(cell(1), cell(0))
    assert isinstance(div0, CellError) and div0.code == "#DIV/0!" and div0.message == ""


def test_empty_optional_arguments_take_their_default():
    omitted = udfs.CASH_RATIO(cell(CASH), cell(PAYABLES))
    assert udfs.CASH_RATIO(cell(CASH), cell(PAYABLES), cell(None)) == omitted == approx(2 / 11)
    assert udfs.DSO(cell(RECEIVABLES), cell(REVENUE), [[None]]) == 45.0  # days 365
    assert udfs.CCC(*(cell(x) for x in (RECEIVABLES, INVENTORY, PAYABLES, REVENUE)), cell(None)) == 10.0
    # in a column, an empty optional cell is the default for that row: securities 0 and 2,000
    assert udfs.CASH_RATIO(column(CASH, CASH), cell(PAYABLES), column(None, 2_000)) == [[approx(2 / 11)], [approx(0.2)]]


def test_a_long_column_is_one_library_call():
    """10,000 companies cost one call of the library function, and agree with it row by row."""
    rng = np.random.default_rng(7)
    receivables = rng.uniform(0, 200_000, 10_000).round(2)
    revenue = rng.uniform(100_000, 2_000_000, 10_000).round(2)
    calls = []

    def counting_dso(**kwargs):
        calls.append(kwargs)
        return ratios.dso(**kwargs)

    result = excel_shapes.call(counting_dso, Param.of(ratios.dso), (column(*receivables), column(*revenue)))
    assert len(calls) == 1
    expected = receivables / (revenue / 365)
    assert np.allclose([r[0] for r in result], expected, rtol=1e-12)
    assert udfs.DSO(column(*receivables), column(*revenue)) == result


# --------------------------------------------------------------------------------------------
# Bad input: #VALUE! with what to do, never a traceback
# --------------------------------------------------------------------------------------------


def test_text_like_a_dutch_amount_is_refused_with_what_to_do():
    result = udfs.DSO(cell("1.234,56"), cell(REVENUE))
    assert isinstance(result, CellError) and result.code == "#VALUE!"
    assert result.startswith("#VALUE! receivables: ")
    assert '"1.234,56" is text' in result and "1234.56" in result and "NUMBERVALUE" in result


def test_text_is_refused_even_when_it_looks_like_a_plain_number():
    assert udfs.DSO(cell(RECEIVABLES), cell("730000")).startswith('#VALUE! revenue: "730000" is text')


def test_a_text_cell_in_a_column_spoils_only_its_row():
    result = udfs.DSO(column(90_000, "abc", 45_000), cell(REVENUE))
    assert result[0] == [45.0] and result[2] == [22.5]
    assert result[1][0].startswith('#VALUE! receivables row 2: "abc" is text')
    pair = udfs.DSO([[80_000, 100_000], [40_000, "5O.000"]], cell(REVENUE))
    assert pair[0] == [45.0] and pair[1][0].startswith("#VALUE! receivables row 2 (closing):")


def test_booleans_and_dates_are_not_amounts():
    import datetime as dt

    assert udfs.DSO(cell(True), cell(REVENUE)).startswith("#VALUE! receivables: TRUE/FALSE")
    assert udfs.DSO(cell(dt.datetime(2024, 1, 1)), cell(REVENUE)).startswith("#VALUE! receivables: a date")


def test_shapes_that_mean_nothing_are_refused():
    too_wide = udfs.DSO([[1, 2, 3]], cell(REVENUE))
    assert too_wide.startswith("#VALUE! receivables: a range 3 cells wide") and "opening, closing" in too_wide
    mismatched = udfs.DSO(column(1, 2, 3), column(4, 5))
    assert mismatched.startswith("#VALUE! the columns have different numbers of rows: receivables 3, revenue 2")
    # a pair where the library wants a flow: its own message
    flow_pair = udfs.DSO(cell(RECEIVABLES), [[700_000, 760_000]])
    assert flow_pair.startswith("#VALUE! revenue: a flow over the period is one number, not a pair")


def test_bad_input_never_raises():
    for name, udf in udfs.UDFS.items():
        n = len(inspect.signature(udf).parameters)
        result = udf(*([["x"]] * n))
        assert isinstance(result, str) and result.startswith("#VALUE! "), (name, result)


# --------------------------------------------------------------------------------------------
# Every ratio function against the library it wraps
# --------------------------------------------------------------------------------------------

# Positive sample figures by argument name (invented): enough to compute every ratio.
SAMPLE = {
    "receivables": 90_000, "inventory": 40_000, "cash": 20_000, "securities": 3_000, "payables": 110_000,
    "other_current_assets": 4_000,
    "current_assets": 150_000, "current_liabilities": 110_000, "net_working_capital": 40_000,
    "total_assets": 250_000, "obligations": 8_000, "buffer": 5_000, "revenue": 730_000, "cost_base": 365_000,
    "cogs": 365_000, "days": 365, "earnings_after_tax": 36_000, "depreciation": 20_000,
    "provisions_added": 5_000, "provisions_released": 2_000, "retained_participations": 1_000, "ebit": 60_000,
    "interest": 12_000, "cashflow": 56_000, "repayment": 10_000, "operating_cashflow": 52_000,
    "short_term_interest": 12_000, "short_term_repayment": 10_000, "receipts": 30_000, "payments": 45_000,
    "months": 3, "monthly_burn": 5_000, "monthly_fixed_costs": 5_000,
}  # fmt: skip

ROWS = functions._rows()


def _names(fn):
    return list(inspect.signature(fn).parameters)


@pytest.mark.parametrize("row", ROWS, ids=[r.excel_name for r in ROWS])
def test_scalar_pair_and_column_agree_with_the_library(row):
    fn, udf = row.function, getattr(udfs, row.excel_name)
    names = _names(fn)
    values = {n: SAMPLE[n] for n in names}
    # one cell each
    assert udf(*(cell(values[n]) for n in names)) == approx(float(fn(**values)))
    # balances as (opening, closing) two-cell rows: opening 80 %, closing 120 % of the sample
    pairs = {n: ((0.8 * v, 1.2 * v) if n in udfs.BALANCES else v) for n, v in values.items()}
    as_rows = [[list(pairs[n])] if n in udfs.BALANCES else cell(pairs[n]) for n in names]
    assert udf(*as_rows) == approx(float(fn(**pairs)))
    # a column of three companies: the sample, half of it, and twice it (flows scaled alike)
    scale = np.array([1.0, 0.5, 2.0])
    arrays = {n: v * scale for n, v in values.items()}
    expected = np.asarray(fn(**arrays), dtype=float)
    result = udf(*(column(*arrays[n]) for n in names))
    assert [r[0] for r in result] == [approx(x) for x in expected]


@pytest.mark.parametrize("row", ROWS, ids=[r.excel_name for r in ROWS])
def test_balances_are_exactly_the_arguments_the_library_averages(row):
    """The wizard says "two cells across (opening, closing)" only where the library accepts a pair."""
    names = _names(row.function)
    for name in names:
        values = {n: SAMPLE[n] for n in names}
        values[name] = (SAMPLE[name], SAMPLE[name])
        try:
            row.function(**values)
            accepts_pair = True
        except InputError:
            accepts_pair = False
        assert accepts_pair == (name in udfs.BALANCES), (row.excel_name, name)


# --------------------------------------------------------------------------------------------
# The indirect cash-flow statement
# --------------------------------------------------------------------------------------------

# An invented company around the seed 003 closing figures (both sheets balance):
#   opening: cash 15,000, receivables 80,000, inventory 36,000, fixed assets 105,000 = 236,000
#            payables 100,000, long-term debt 70,000, equity 66,000                  = 236,000
#   closing: cash 20,000, receivables 90,000, inventory 40,000, fixed assets 100,000 = 250,000
#            payables 110,000, long-term debt 60,000, equity 80,000                  = 250,000
OPENING = [["liquide middelen", 15_000], ["Debiteuren", 80_000], ["voorraden", 36_000],
           ["vaste activa", 105_000], [None, None], ["crediteuren", 100_000],
           ["langlopende schulden", 70_000], ["eigen vermogen", 66_000]]  # fmt: skip
CLOSING = [["cash", 20_000], ["receivables", 90_000], ["inventory", 40_000], ["fixed_assets", 100_000],
           [None, None], ["payables", 110_000], ["long_term_debt", 60_000], ["equity", 80_000]]  # fmt: skip
# revenue 730,000 - cogs 365,000 - opex 285,000 - depreciation 20,000 = EBIT 60,000;
# EaT = 60,000 - 12,000 interest - 12,000 tax = 36,000
INCOME = [["omzet", 730_000], ["kostprijs van de omzet", 365_000], ["bedrijfskosten", 285_000],
          ["afschrijvingen", 20_000], ["rente", 12_000], ["winstbelasting", 12_000]]  # fmt: skip
# fixed assets 105,000 + 15,000 - 20,000 = 100,000; debt 70,000 - 10,000 = 60,000;
# equity 66,000 + 36,000 - 22,000 = 80,000
EXTRA = [["investeringen", 15_000], ["aflossingen", 10_000], ["dividend", 22_000]]

# By hand: 60,000 + 20,000 = 80,000; receivables -10,000, inventory -4,000, payables +10,000:
# operating NWC -4,000 -> cash from business operations 76,000; interest -12,000, tax -12,000
# -> operating 52,000; investing -15,000; financing -10,000 - 22,000 = -32,000;
# net 52,000 - 15,000 - 32,000 = 5,000 = 20,000 - 15,000.
EXPECTED_LINES = {
    "EBIT (operating result)": 60_000,
    "Depreciation": 20_000,
    "Decrease (increase) in receivables": -10_000,
    "Decrease (increase) in inventory": -4_000,
    "Increase (decrease) in payables": 10_000,
    "Change in operating (inherent) net working capital": -4_000,
    "Cash from business operations": 76_000,
    "Interest paid": -12_000,
    "Income tax paid": -12_000,
    "Cash flow from operating activities": 52_000,
    "Investments in fixed assets": -15_000,
    "Cash flow from investing activities": -15_000,
    "Loan repayments": -10_000,
    "Dividends paid": -22_000,
    "Cash flow from financing activities": -32_000,
    "Net cash flow": 5_000,
    "Opening cash (net of overdraft)": 15_000,
    "Closing cash (net of overdraft)": 20_000,
    "Difference (change in cash - net cash flow)": 0,
}


def test_cashflow_indirect_spills_the_labelled_statement():
    rows = udfs.CASHFLOW_INDIRECT(OPENING, INCOME, CLOSING, EXTRA)
    assert all(len(r) == 2 for r in rows)
    got = dict((label, amount) for label, amount in rows)
    for label, amount in EXPECTED_LINES.items():
        assert got[label] == amount, label
    assert [r[0] for r in rows] == [spec.label for spec in statements.LINES]  # no warning rows: it reconciles
    assert all(isinstance(r[1], float) for r in rows)


def test_cashflow_indirect_in_dutch_agrees_with_the_library():
    rows = udfs.CASHFLOW_INDIRECT(OPENING, INCOME, CLOSING, EXTRA, cell("nl"))
    library = statements.cashflow_indirect_from_mappings(
        [tuple(r) for r in OPENING], [tuple(r) for r in INCOME], [tuple(r) for r in CLOSING], [tuple(r) for r in EXTRA]
    )
    assert rows == [[line.label_nl, float(line.amount)] for line in library.lines]
    assert ["Netto kasstroom", 5_000.0] in rows


def test_a_statement_that_does_not_reconcile_says_so():
    # dividends left out: financing -10,000, net 27,000, but cash rose by 5,000 -> difference -22,000
    rows = udfs.CASHFLOW_INDIRECT(OPENING, INCOME, CLOSING, EXTRA[:2])
    got = dict((r[0], r[1]) for r in rows)
    assert got["Net cash flow"] == 27_000 and got["Difference (change in cash - net cash flow)"] == -22_000
    warnings = [r for r in rows if r[0].startswith("Warning: ")]
    assert warnings and all(r[1] is None for r in warnings)
    assert any("equity" in r[0] for r in warnings)


def test_cashflow_line_by_key_english_or_dutch_label():
    args = (OPENING, INCOME, CLOSING, EXTRA)
    assert udfs.CASHFLOW_LINE(*args) == 5_000.0  # default: net cash flow
    assert udfs.CASHFLOW_LINE(*args, cell("cash_flow_operating")) == 52_000.0
    assert udfs.CASHFLOW_LINE(*args, cell("Income tax paid")) == -12_000.0
    assert udfs.CASHFLOW_LINE(*args, cell("kasstroom uit bedrijfsoperaties")) == 76_000.0
    # extra left empty in Excel (=CASHFLOW_LINE(A, B, C, , "...")) arrives as None
    assert udfs.CASHFLOW_LINE(OPENING, INCOME, CLOSING, None, cell("ebit")) == 60_000.0
    assert udfs.CASHFLOW_LINE(*args, cell("no such line")).startswith("#VALUE! label: no statement line")


def test_statement_bad_input_is_value_text():
    unbalanced = [r if r[0] != "eigen vermogen" else ["eigen vermogen", 60_000] for r in OPENING]
    result = udfs.CASHFLOW_INDIRECT(unbalanced, INCOME, CLOSING, EXTRA)
    assert result.startswith("#VALUE! opening balance sheet: does not balance: total assets 236,000.00")
    dutch_text = [r if r[0] != "Debiteuren" else ["Debiteuren", "80.000,00"] for r in OPENING]
    text = udfs.CASHFLOW_INDIRECT(dutch_text, INCOME, CLOSING)
    assert text.startswith('#VALUE! opening row 2 (Debiteuren): "80.000,00" is text') and "80000.00" in text
    unknown = udfs.CASHFLOW_INDIRECT(OPENING + [["debitueren", 1]], INCOME, CLOSING)
    assert unknown.startswith("#VALUE! balance_opening.debitueren: unknown item 'debitueren'")
    assert udfs.CASHFLOW_INDIRECT([[1, 2, 3]], INCOME, CLOSING).startswith("#VALUE! opening: a range 3 cells wide")
    assert udfs.CASHFLOW_INDIRECT(OPENING, INCOME, CLOSING, None, cell("fr")).startswith("#VALUE! language:")


# --------------------------------------------------------------------------------------------
# Plain Linux xlwings
# --------------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform.startswith("win"), reason="on Windows xlwings attaches the real metadata")
def test_plain_xlwings_leaves_plain_callable_functions():
    assert not hasattr(udfs.DSO, "__xlfunc__")
    assert str(inspect.signature(udfs.DSO)) == "(receivables, revenue, days=365)"
    assert udfs.DSO.__name__ == "DSO" and udfs.DSO.__module__ == "xlcapital.excel.udfs"
    assert udfs.DSO.__doc__.startswith("Days sales outstanding")
    assert set(udfs.__all__) >= set(udfs.UDFS)


def test_results_are_floats_not_decimals():
    """Excel has doubles; a Decimal would travel as COM currency (4 decimals)."""
    assert type(udfs.NWC(*(cell(x) for x in (RECEIVABLES, INVENTORY, CASH, PAYABLES)))) is float
    assert type(excel_shapes.to_cell(Decimal("0.1"))) is float
    assert math.isclose(excel_shapes.to_cell(Decimal("0.1")), 0.1)


def test_the_user_documentation_lists_every_function_with_its_arguments():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "excel-functions.md").read_text(encoding="utf-8")
    for name, udf in udfs.UDFS.items():
        params = inspect.signature(udf).parameters.values()
        shown = ", ".join(p.name if p.default is inspect.Parameter.empty else f"[{p.name}]" for p in params)
        assert f"`{name}({shown})`" in doc, name
