"""xlcapital.ratios against numbers known independently: seed 003, hand calculations, properties."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import xlcapital
from xlcapital import ratios as r
from xlcapital.errors import InputError

# --------------------------------------------------------------------------------------------
# Seed 003 (Eijgen Finance): inventory 40,000, receivables 90,000, cash 20,000, payables 110,000
# -> gross working capital 150,000, net working capital 40,000.
# --------------------------------------------------------------------------------------------


def test_seed_003_gross_and_net_working_capital_exact():
    assert r.gross_working_capital(receivables=90_000, inventory=40_000, cash=20_000) == Decimal("150000")
    assert r.net_working_capital(90_000, 40_000, 20_000, current_liabilities=110_000) == Decimal("40000")
    assert isinstance(r.net_working_capital(90_000, 40_000, 20_000, 110_000), Decimal)


def test_seed_003_short_form_has_its_own_name():
    # seed 003: debiteuren 90,000 + voorraad 40,000 + liquide middelen 20,000 -/- crediteuren 110,000 = 40,000
    assert r.net_working_capital_narrow(90_000, 40_000, 20_000, 110_000) == Decimal("40000")
    assert r.net_working_capital_narrow(receivables=1, inventory=10, cash=100, payables=1_000) == Decimal("-889")


def test_working_capital_is_all_current_assets():
    # every current asset counts once: receivables 90,000 + inventory 40,000 + cash 20,000 + securities 5,000
    # + other current assets (prepayments) 3,000 = 158,000; current liabilities 110,000 + overdraft 12,000
    assert r.gross_working_capital(90_000, 40_000, 20_000, 5_000, 3_000) == Decimal("158000")
    assert r.gross_working_capital(90_000, 40_000, 20_000, other_current_assets=3_000) == Decimal("153000")
    assert r.net_working_capital(90_000, 40_000, 20_000, 122_000, 5_000, 3_000) == Decimal("36000")
    assert r.net_working_capital(90_000, 40_000, 20_000, 122_000, other_current_assets=3_000) == Decimal("31000")
    # the short form leaves securities, prepayments and the overdraft out: 150,000 - 110,000
    assert r.net_working_capital_narrow(90_000, 40_000, 20_000, 110_000) == Decimal("40000")


def test_working_capital_ratio_divides_the_same_net_working_capital():
    # issue 10: the bundled sample's closing sheet. Current assets 87,725.84 cash + 338,415.60 receivables
    # + 262,880.15 inventory + 16,905.00 other = 705,926.59; current liabilities 205,960.30 payables
    # + 45,120.75 accruals + 12,650.00 tax + 3,420.00 interest + 40,000.00 short-term debt = 307,151.05
    ca = [Decimal(x) for x in ("338415.60", "262880.15", "87725.84")]
    assert r.gross_working_capital(*ca, 0, Decimal("16905.00")) == Decimal("705926.59")
    nwc = r.net_working_capital(*ca, Decimal("307151.05"), 0, Decimal("16905.00"))
    assert nwc == Decimal("398775.54")  # what issue 10 says the working-capital ratio divides
    assert r.net_working_capital_narrow(*ca, Decimal("205960.30")) == Decimal("483061.29")


def test_seed_003_with_decimal_cents_stays_exact():
    # 90,000.10 + 40,000.20 + 20,000.30 = 150,000.60 exactly (floats would give 150000.59999...)
    got = r.gross_working_capital(Decimal("90000.10"), Decimal("40000.20"), Decimal("20000.30"))
    assert got == Decimal("150000.60")


def test_seed_003_current_and_quick_ratio():
    # current assets 40,000 + 90,000 + 20,000 = 150,000; current liabilities 110,000
    assert r.current_ratio(150_000, 110_000) == pytest.approx(150 / 110)
    # broad quick: (150,000 - 40,000) / 110,000 = 1.0
    assert r.quick_ratio(150_000, 40_000, 110_000) == pytest.approx(1.0)
    # narrow quick: (20,000 + 0 + 90,000) / 110,000 = 1.0
    assert r.quick_ratio_narrow(20_000, 0, 90_000, 110_000) == pytest.approx(1.0)
    # cash ratio: 20,000 / 110,000
    assert r.cash_ratio(20_000, 110_000) == pytest.approx(2 / 11)


# --------------------------------------------------------------------------------------------
# Hand calculations
# --------------------------------------------------------------------------------------------


def test_days_ratios_hand_calculation():
    # revenue 1,200,000 over 360 days = 3,333.33 a day; receivables 100,000 -> 30 days
    assert r.dso(100_000, 1_200_000, days=360) == pytest.approx(30.0)
    # cogs 720,000 / 360 = 2,000 a day; inventory 90,000 -> 45 days; payables 50,000 -> 25 days
    assert r.dsi(90_000, 720_000, days=360) == pytest.approx(45.0)
    assert r.dpo(50_000, 720_000, days=360) == pytest.approx(25.0)
    # textbook CCC = 30 + 45 - 25 = 50; operating cycle = 30 + 45 = 75
    assert r.ccc(100_000, 90_000, 50_000, 1_200_000, cogs=720_000, days=360) == pytest.approx(50.0)
    assert r.operating_cycle(100_000, 90_000, 1_200_000, cogs=720_000, days=360) == pytest.approx(75.0)
    # seeds' days working capital (all on revenue): 30 + 90,000/3,333.33 (27) - 50,000/3,333.33 (15) = 42
    assert r.ccc(100_000, 90_000, 50_000, 1_200_000, days=360) == pytest.approx(42.0)


def test_quarter_period():
    # a quarter of 91.25 days, revenue 182,500 -> 2,000 a day; receivables 60,000 -> 30 days
    assert r.dso(60_000, 182_500, days=91.25) == pytest.approx(30.0)


def test_pairs_are_averages():
    # receivables opened at 80,000 and closed at 120,000: average 100,000 -> 30 days as above
    assert r.dso((80_000, 120_000), 1_200_000, days=360) == pytest.approx(30.0)
    assert r.dso([80_000, 120_000], 1_200_000, days=360) == pytest.approx(30.0)
    # (opening + closing)/2 of Decimals is exact: (10.01 + 10.02)/2 = 10.015
    assert r.free_cash((Decimal("10.01"), Decimal("10.02")), 0) == Decimal("10.015")


def test_turnovers_hand_calculation():
    # revenue 1,200,000 / average receivables 100,000 = 12 times a year (= 360 / 30 days)
    assert r.receivables_turnover((80_000, 120_000), 1_200_000) == pytest.approx(12.0)
    assert r.inventory_turnover(90_000, 720_000) == pytest.approx(8.0)
    assert r.payables_turnover(50_000, 720_000) == pytest.approx(14.4)
    assert r.working_capital_turnover(200_000, 1_200_000) == pytest.approx(6.0)
    assert r.nwc_to_revenue(200_000, 1_200_000) == pytest.approx(1 / 6)
    assert r.working_capital_ratio(50_000, 400_000) == pytest.approx(0.125)  # inside the 10-20 % band


def test_coverage_ratios_hand_calculation():
    # EaT 80,000 + depreciation 30,000 = 110,000 (simple BHK)
    assert r.bhk_cashflow(80_000, 30_000) == Decimal("110000")
    # extended: + 10,000 added - 4,000 released - 6,000 retained participations = 110,000
    assert r.bhk_cashflow(80_000, 30_000, 10_000, 4_000, 6_000) == Decimal("110000")
    assert r.interest_coverage(150_000, 25_000) == pytest.approx(6.0)
    assert r.cashflow_interest_coverage(110_000, 22_000) == pytest.approx(5.0)
    # 110,000 / (22,000 + 33,000) = 2
    assert r.cashflow_coverage(110_000, 22_000, 33_000) == pytest.approx(2.0)
    assert r.ocf_ratio(99_000, 11_000, 22_000) == pytest.approx(3.0)


def test_liquidity_months_hand_calculation():
    # receipts 90,000 and payments 120,000 over 3 months: burn 10,000 a month
    assert r.burn_rate(90_000, 120_000, months=3) == Decimal("10000")
    assert r.burn_rate(120_000, 90_000, months=3) == Decimal("-10000")  # net inflow
    assert r.cash_runway(45_000, 10_000) == pytest.approx(4.5)
    assert r.free_cash(45_000, 30_000, buffer=5_000) == Decimal("10000")
    assert r.buffer_months(45_000, 15_000) == pytest.approx(3.0)


def test_cash_runway_not_burning_is_none_never_inf():
    assert r.cash_runway(45_000, 0) is None
    assert r.cash_runway(45_000, -2_000) is None
    assert r.cash_runway(0, 10_000) == 0.0
    assert r.cash_runway(-5_000, 10_000) == 0.0  # already out of cash
    got = r.cash_runway(np.array([45_000.0, 45_000.0, 45_000.0]), np.array([10_000.0, 0.0, -1.0]))
    assert got[0] == pytest.approx(4.5) and np.isnan(got[1]) and np.isnan(got[2])


# --------------------------------------------------------------------------------------------
# No value: zero or missing denominators
# --------------------------------------------------------------------------------------------

#: Each ratio (not amount) function with arguments whose denominator is zero.
ZERO_DENOMINATOR = {
    "working_capital_ratio": (5, 0),
    "nwc_to_revenue": (5, 0),
    "current_ratio": (5, 0),
    "quick_ratio": (5, 1, 0),
    "quick_ratio_narrow": (5, 1, 1, 0),
    "cash_ratio": (5, 0),
    "dso": (5, 0),
    "dsi": (5, 0),
    "dpo": (5, 0),
    "ccc": (5, 5, 5, 0),
    "operating_cycle": (5, 5, 0),
    "receivables_turnover": (0, 5),
    "inventory_turnover": (0, 5),
    "payables_turnover": (0, 5),
    "working_capital_turnover": (0, 5),
    "interest_coverage": (5, 0),
    "cashflow_interest_coverage": (5, 0),
    "cashflow_coverage": (5, 3, -3),
    "ocf_ratio": (5, 2, -2),
    "cash_runway": (5, 0),
    "buffer_months": (5, 0),
}


@pytest.mark.parametrize("name", sorted(ZERO_DENOMINATOR))
def test_zero_denominator_gives_none_and_nan(name):
    fn = r.RATIO_FUNCTIONS[name]
    args = ZERO_DENOMINATOR[name]
    assert fn(*args) is None
    arrays = [np.array([float(a), float(a)]) for a in args]
    got = fn(*arrays)
    assert np.isnan(got).all()


def test_days_zero_gives_none():
    assert r.dso(5, 100, days=0) is None
    assert r.burn_rate(1, 2, months=0) is None


@pytest.mark.parametrize("missing", [None, float("nan"), Decimal("NaN")])
def test_missing_value_gives_none(missing):
    assert r.dso(missing, 100) is None
    assert r.dso(100, missing) is None
    assert r.gross_working_capital(missing, 1, 1) is None
    assert r.dso((missing, 100), 100) is None  # half a pair is no average


def test_every_ratio_function_is_covered_and_exported():
    amounts = {"gross_working_capital", "net_working_capital", "net_working_capital_narrow", "bhk_cashflow",
               "burn_rate", "free_cash"}
    assert set(r.RATIO_FUNCTIONS) == set(ZERO_DENOMINATOR) | amounts
    for name in r.RATIO_FUNCTIONS:
        assert getattr(xlcapital, name) is r.RATIO_FUNCTIONS[name]
        assert ">>>" in r.RATIO_FUNCTIONS[name].__doc__  # a doctest states the formula at work


# --------------------------------------------------------------------------------------------
# Vectorized: arrays, (n, 2) pairs, Series, broadcasting
# --------------------------------------------------------------------------------------------


def test_vectorized_rows_and_pairs():
    rec = np.array([100_000.0, 50_000.0, 0.0])
    rev = np.array([1_200_000.0, 600_000.0, 0.0])
    got = r.dso(rec, rev, days=360)
    assert got[:2] == pytest.approx([30.0, 30.0]) and np.isnan(got[2])
    pairs = np.array([[80_000.0, 120_000.0], [40_000.0, 60_000.0]])  # Excel rows of (opening, closing)
    assert r.dso(pairs, 1_200_000, days=360) == pytest.approx([30.0, 15.0])
    assert r.dso([[80_000, 120_000], [40_000, 60_000]], 1_200_000, days=360) == pytest.approx([30.0, 15.0])
    column = np.array([[100_000.0], [50_000.0]])  # an Excel column: (n, 1)
    assert r.dso(column, 1_200_000, days=360) == pytest.approx([30.0, 15.0])


def test_series_keep_their_index_and_na_is_missing():
    s = pd.Series([100_000, None, 50_000], index=["jan", "feb", "mar"], dtype="Float64")
    got = r.dso(s, 1_200_000, days=360)
    assert isinstance(got, pd.Series) and list(got.index) == ["jan", "feb", "mar"]
    assert got["jan"] == pytest.approx(30.0) and math.isnan(got["feb"]) and got["mar"] == pytest.approx(15.0)
    frame = pd.DataFrame({"opening": [80_000.0], "closing": [120_000.0]})
    assert r.dso(frame, 1_200_000, days=360).tolist() == pytest.approx([30.0])


def test_object_arrays_of_decimals_and_none():
    arr = np.array([Decimal("100000"), None], dtype=object)
    got = r.dso(arr, 1_200_000, days=360)
    assert got[0] == pytest.approx(30.0) and np.isnan(got[1])


# --------------------------------------------------------------------------------------------
# Bad input names the argument and the value
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, field, shown",
    [
        (lambda: r.dso("abc", 100), "receivables", "'abc'"),
        (lambda: r.dso(100, "1.5"), "revenue", "'1.5'"),
        (lambda: r.current_ratio(True, 100), "current_assets", "True"),
        (lambda: r.dso(np.array(["1.5", "2"]), 100), "receivables", "'1.5'"),
        (lambda: r.dso(pd.Series([1.0, "x"], dtype=object), 100), "receivables", "'x'"),
        (lambda: r.dso(("a", 1), 100), "receivables", "'a'"),
        (lambda: r.dso(float("inf"), 100), "receivables", "inf"),
        (lambda: r.dso(100, (1, 2)), "revenue", "(1, 2)"),
        (lambda: r.dso([1, 2, 3], 100), "receivables", "[1, 2, 3]"),
        (lambda: r.dso(np.ones((3, 3)), 100), "receivables", "(3, 3)"),
        (lambda: r.dso(100, np.ones((3, 2))), "revenue", "(3, 2)"),
        (lambda: r.dso(object(), 100), "receivables", "object"),
    ],
)
def test_bad_input_names_argument_and_value(call, field, shown):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field
    assert shown in str(info.value)


def test_different_lengths_are_an_error():
    with pytest.raises(InputError, match="receivables 3, revenue 2"):
        r.dso(np.ones(3), np.ones(2))


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

amount = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1.0, max_value=1e7, allow_nan=False, allow_infinity=False)
days = st.sampled_from([7, 30, 91.25, 365, 366])


@settings(max_examples=50, deadline=None)
@given(amount, amount, amount, positive, st.one_of(st.none(), positive), days)
def test_ccc_is_dso_plus_dsi_minus_dpo(rec, inv, pay, revenue, cogs, d):
    base = revenue if cogs is None else cogs
    expected = r.dso(rec, revenue, d) + r.dsi(inv, base, d) - r.dpo(pay, base, d)
    assert r.ccc(rec, inv, pay, revenue, cogs=cogs, days=d) == pytest.approx(expected, rel=1e-9, abs=1e-6)
    assert r.operating_cycle(rec, inv, revenue, cogs=cogs, days=d) == pytest.approx(
        r.dso(rec, revenue, d) + r.dsi(inv, base, d), rel=1e-9, abs=1e-6
    )


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(amount, amount, amount, amount, st.sampled_from([0.0, 1.0, 250_000.0])), min_size=1, max_size=8))
def test_scalar_pair_and_vectorized_agree(rows):
    opening = np.array([row[0] for row in rows])
    closing = np.array([row[1] for row in rows])
    revenue = np.array([row[2] for row in rows])
    payables = np.array([row[3] for row in rows])
    cogs = np.array([row[4] for row in rows])
    pairs = np.column_stack([opening, closing])
    vec_dso = r.dso(pairs, revenue)
    vec_ccc = r.ccc(pairs, pairs, payables, revenue, cogs=cogs)
    for k, row in enumerate(rows):
        one_pair = r.dso((row[0], row[1]), row[2])
        one_avg = r.dso((row[0] + row[1]) / 2, row[2])
        for scalar in (one_pair, one_avg):
            if scalar is None:
                assert np.isnan(vec_dso[k])
            else:
                assert vec_dso[k] == pytest.approx(scalar, rel=1e-9)
        one_ccc = r.ccc((row[0], row[1]), (row[0], row[1]), row[3], row[2], cogs=row[4])
        assert (one_ccc is None and np.isnan(vec_ccc[k])) or vec_ccc[k] == pytest.approx(one_ccc, rel=1e-9, abs=1e-6)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(sorted(ZERO_DENOMINATOR)), st.lists(amount, min_size=6, max_size=6))
def test_zero_denominators_never_zero_or_inf(name, numbers):
    fn = r.RATIO_FUNCTIONS[name]
    template = ZERO_DENOMINATOR[name]
    # keep the zero-making arguments of the template, vary the others
    args = [t if t in (0, -3, 3, -2, 2) or (name.endswith("turnover") and i == 0) else numbers[i]
            for i, t in enumerate(template)]
    if name == "cash_runway":
        args = [numbers[0], -abs(numbers[1])]  # not burning
    result = fn(*args)
    assert result is None
    vec = fn(*[np.array([float(a)]) for a in args])
    assert np.isnan(vec).all()


def test_the_ratio_documentation_runs_as_written():
    """docs/ratios.md's examples (seed 003, the sample's working capital) give what the page says."""
    import doctest

    from tests.conftest import ROOT

    result = doctest.testfile(str(ROOT / "docs" / "ratios.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5 and result.failed == 0


# --------------------------------------------------------------------------------------------
# Inputs the examples above never pass: securities, the default period, a small burn
# --------------------------------------------------------------------------------------------


def test_securities_count_as_cash_where_the_formula_says_so():
    # seed 003 plus marketable securities (effecten) of 10,000
    assert r.gross_working_capital(90_000, 40_000, 20_000, securities=10_000) == Decimal("160000")
    assert r.net_working_capital(90_000, 40_000, 20_000, 110_000, securities=10_000) == Decimal("50000")
    # narrow quick: (20,000 + 10,000 + 90,000) / 110,000 = 12 / 11
    assert r.quick_ratio_narrow(20_000, 10_000, 90_000, 110_000) == pytest.approx(12 / 11)
    # cash ratio: (20,000 + 10,000) / 110,000 = 3 / 11
    assert r.cash_ratio(20_000, 110_000, securities=10_000) == pytest.approx(3 / 11)


def test_the_default_period_is_365_days():
    # 36,500 / (365,000 / 365) = 36.5 days; over 366 days it would be 36.6
    assert r.dso(36_500, 365_000) == pytest.approx(36.5)
    assert r.dsi(36_500, 365_000) == pytest.approx(36.5)
    assert r.dpo(36_500, 365_000) == pytest.approx(36.5)
    assert r.ccc(36_500, 36_500, 36_500, 365_000) == pytest.approx(36.5)  # 36.5 + 36.5 - 36.5
    assert r.operating_cycle(36_500, 36_500, 365_000) == pytest.approx(73.0)
    # the same with cogs: DSI and DPO on 182,500 a year = 500 a day
    assert r.ccc(36_500, 36_500, 18_250, 365_000, cogs=182_500) == pytest.approx(36.5 + 73 - 36.5)


def test_burn_rate_default_is_one_month():
    assert r.burn_rate(30_000, 45_000) == Decimal("15000")


def test_cash_runway_with_a_burn_below_one_a_month():
    # 100 of cash at 0.50 a month lasts 200 months: any positive burn counts as burning
    assert r.cash_runway(100, 0.5) == pytest.approx(200.0)
    assert r.cash_runway(np.array([100.0]), np.array([0.25])).tolist() == [400.0]
