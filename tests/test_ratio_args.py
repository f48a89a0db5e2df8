"""The calling convention every ratio shares (xlcapital.ratio_args): the input forms it reads, the
arithmetic it chooses, the result types, and the exact text of its refusals."""

from __future__ import annotations

import warnings
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from xlcapital import ratios as r
from xlcapital.errors import InputError
from xlcapital.ratio_args import divide

ROWS_HINT = "for many rows pass a numpy array or pandas Series; for many pairs an array of shape (n, 2)"


def refusal(call) -> InputError:
    with pytest.raises(InputError) as info:
        call()
    return info.value


# --------------------------------------------------------------------------------------------
# The text of every refusal: what is wrong, which argument, what to do
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, text",
    [
        (lambda: r.dso(Decimal("Infinity"), 100), "receivables: not a finite number: Decimal('Infinity')"),
        (lambda: r.dso(100, float("-inf")), "revenue: not a finite number: -inf"),
        (lambda: r.dso(np.array(["1.5", "2"]), 100), "receivables: not a number: '1.5'"),
        (lambda: r.dso(np.array([np.inf, 1.0]), 100), "receivables: not a finite number: inf"),
        (lambda: r.dso([[1, "a"]], 100), "receivables: not a number: 'a'"),
        (lambda: r.dso(np.array("abc"), 100), "receivables: not a number: 'abc'"),
        (
            lambda: r.dso([[1, 2, 3]], 100),
            "receivables: an array of shape (1, 3) is not valid for a balance "
            "(use one value per row (shape (n,)), or (opening, closing) per row (shape (n, 2)))",
        ),
        (lambda: r.dso(100, [[1.0], [np.inf]]), "revenue: not a finite number: inf"),
        (
            lambda: r.dso(100, (1, 2)),
            "revenue: a flow over the period is one number, not a pair: (1, 2) "
            "((opening, closing) pairs are for balances such as receivables)",
        ),
        (
            lambda: r.dso([1, 2, 3], 100),
            "receivables: not a number or a pair: [1, 2, 3] (a balance is one number or an (opening, closing) "
            f"pair of two numbers; {ROWS_HINT})",
        ),
        (lambda: r.dso([[1, 2], [3]], 100), f"receivables: rows of different widths [1, 2] ({ROWS_HINT})"),
        (
            lambda: r.dso(pd.DataFrame(np.ones((2, 3))), 100),
            "receivables: an array of shape (2, 3) is not valid for a balance "
            "(use one value per row (shape (n,)), or (opening, closing) per row (shape (n, 2)))",
        ),
        (
            lambda: r.dso(100, np.ones((3, 2))),
            "revenue: an array of shape (3, 2) is not valid for a flow (use one value per row (shape (n,)))",
        ),
        (
            lambda: r.dso(np.ones(3), np.ones(2)),
            "arguments have different numbers of rows: receivables 3, revenue 2 (give every array the same length)",
        ),
    ],
)
def test_refusal_texts(call, text):
    assert str(refusal(call)) == text


def test_a_bad_value_inside_a_series_names_the_argument():
    err = refusal(lambda: r.dso(pd.Series([1.0, "x"], dtype=object), 100))
    assert (err.field, err.message) == ("receivables", "not a number: 'x'")


# --------------------------------------------------------------------------------------------
# Input forms: 0-d arrays, mixed pairs, scalars against arrays
# --------------------------------------------------------------------------------------------


def test_zero_dimensional_arrays_are_scalars():
    # 90,000 / (730,000 / 365) = 45 days
    assert r.dso(np.array(90_000), 730_000) == 45.0
    assert r.dso(np.array(90_000.0), np.float64(730_000)) == 45.0
    assert r.gross_working_capital(np.array(Decimal("0.10"), dtype=object), Decimal("0.20"), 0) == Decimal("0.30")


def test_a_pair_of_an_int_and_a_float_averages_as_floats():
    # (80,000 + 100,000.0) / 2 = 90,000 -> 45 days; the float makes the arithmetic float, never a TypeError
    assert r.dso((80_000, 100_000.0), 730_000) == 45.0
    assert r.free_cash((Decimal("10"), 11.0), 0) == 10.5


def test_a_scalar_balance_against_an_array_of_flows():
    # 90,000 receivables against revenue 730,000 and 365,000: 45 and 90 days
    assert r.dso(90_000, np.array([730_000.0, 365_000.0])).tolist() == [45.0, 90.0]


def test_a_denominator_of_exactly_one_in_an_array():
    # 365 revenue over 365 days is 1 a day: 5 receivables are 5 days; 0 revenue has no value
    got = r.dso(np.array([5.0, 5.0]), np.array([365.0, 0.0]))
    assert got[0] == 5.0 and np.isnan(got[1])
    assert r.current_ratio(np.array([7.0]), np.array([1.0])).tolist() == [7.0]


# --------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------


def test_ratios_are_floats_even_from_exact_inputs():
    for result in (r.dso(90_000, 730_000), r.current_ratio(Decimal("150000"), Decimal("110000")),
                   r.cash_runway(60_000, 5_000)):
        assert type(result) is float
    assert r.dso(90_000, 730_000) == 45.0


def test_amounts_are_exact_only_when_every_input_is():
    exact = r.net_working_capital(90_000, 40_000, Decimal("20000.10"), 110_000)
    assert type(exact) is Decimal and exact == Decimal("40000.10")
    # one float among ints: float arithmetic (never a Decimal + float TypeError)
    mixed = r.gross_working_capital(90_000.5, 40_000, 20_000)
    assert type(mixed) is float and mixed == 150_000.5
    assert type(r.burn_rate(30_000, 45_000.0, months=3)) is float


def test_divide_is_silent_about_zero_and_overflow():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # numpy's "divide by zero" or "overflow" warnings would fail here
        got = divide(np.array([1.0, 1e300, 0.0, 6.0]), np.array([0.0, 1e-10, 0.0, 3.0]))
    assert np.isnan(got[:3]).all() and got[3] == 2.0


def test_divide_exact_decimals():
    assert divide(Decimal(1), Decimal(8)) == Decimal("0.125")
    assert divide(Decimal(1), Decimal(0)).is_nan()
    assert divide(Decimal("NaN"), Decimal(2)).is_nan()  # missing stays missing
