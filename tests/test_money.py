"""Amount parsing: every notation a Dutch bank or a user writes, and the ones it must refuse."""

from decimal import Decimal

import pytest

from xlcapital.errors import InputError
from xlcapital.money import cents, format_money, parse_amount, to_decimal


@pytest.mark.parametrize(
    "text, decimal, expected",
    [
        ("1,25", ",", "1.25"),
        ("1.000,00", ",", "1000.00"),
        ("+50,00", ",", "50.00"),
        ("-337,49", ",", "-337.49"),
        ("-200.00", ".", "-200.00"),
        ("1,234,567.89", ".", "1234567.89"),
        ("2500", ",", "2500"),
        ("12-", ".", "-12"),
        ("(7.50)", ".", "-7.50"),
        ("€ 1.234,56", ",", "1234.56"),
        ("0,00", ",", "0.00"),
    ],
)
def test_reads_exactly(text, decimal, expected):
    assert parse_amount(text, decimal=decimal) == Decimal(expected)
    assert str(parse_amount(text, decimal=decimal)) == expected  # exact digits, no float detour


@pytest.mark.parametrize(
    "text, decimal",
    [
        ("1.234,56", "."),  # Dutch notation read as English: must not become 1.23456
        ("1,234.56", ","),
        ("1.5", ","),  # a decimal point where a comma is expected is not "15"
        ("12,3456", "."),  # "12,3456" is no grouping of threes
        ("abc", "."),
        ("", "."),
        ("1.2.3", "."),
        ("--5", "."),
    ],
)
def test_refuses_ambiguous_or_broken_amounts(text, decimal):
    with pytest.raises(InputError) as err:
        parse_amount(text, decimal=decimal, field="Bedrag")
    assert "Bedrag" in str(err.value)


def test_to_decimal_keeps_what_the_user_typed():
    assert to_decimal(12.1) == Decimal("12.1")  # not 12.0999999999999996447...
    assert to_decimal(3) == Decimal(3)
    for bad in (True, None, float("nan"), float("inf"), object()):
        with pytest.raises(InputError):
            to_decimal(bad, field="cash")


def test_cents_and_display():
    assert cents(Decimal("-2.50")) == -250
    with pytest.raises(InputError):
        cents(Decimal("0.125"))
    assert format_money(Decimal("-0.005")) == "-0.01"  # half away from zero, for display only


# --------------------------------------------------------------------------------------------
# Boundaries of the grouping rule: a leading group of 1 to 3 digits, then groups of exactly 3
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, decimal, expected",
    [
        ("123,456.00", ".", "123456.00"),  # a leading group of exactly 3 digits is grouping
        ("1,234", ".", "1234"),  # a leading group of 1
        ("123.456.789,01", ",", "123456789.01"),
        ("EUR 1.234,56", ",", "1234.56"),  # the currency code, as ABN AMRO and ING print it
        ("1 234,56", ",", "1234.56"),  # a space as grouping
        ("7.50-", ".", "-7.50"),  # the trailing minus of an MT940-style amount
        ("(7.50-)", ".", "7.50"),  # parentheses and a trailing minus: two negations
    ],
)
def test_grouping_boundaries_read(text, decimal, expected):
    assert str(parse_amount(text, decimal=decimal)) == expected


@pytest.mark.parametrize(
    "text, decimal, message",
    [
        # a leading group of 4 digits is not thousands grouping
        ("1234,567", ".", "not an amount: '1234,567' (expected '.' as the decimal mark)"),
        ("1234.567,00", ",", "not an amount: '1234.567,00' (expected ',' as the decimal mark)"),
        # the grouping mark after the decimal mark: Dutch notation read as English
        ("1.234,56", ".", "not an amount: '1.234,56' (expected '.' as the decimal mark)"),
        # two decimal marks
        ("1.2.3", ".", "not an amount: '1.2.3' (expected '.' as the decimal mark)"),
        # an unbalanced parenthesis is neither negative nor a number
        ("(7.50", ".", "not an amount: '(7.50'"),
        ("7.50)", ".", "not an amount: '7.50)'"),
        ("X12", ".", "not an amount: 'X12'"),
        ("-", ".", "not an amount: '-'"),
    ],
)
def test_refusals_say_what_and_what_to_do(text, decimal, message):
    with pytest.raises(InputError) as err:
        parse_amount(text, decimal=decimal)
    assert str(err.value) == message
    assert err.value.field is None


def test_refusal_names_the_field():
    with pytest.raises(InputError) as err:
        parse_amount("12,3456", field="Bedrag")
    assert str(err.value) == "Bedrag: not an amount: '12,3456' (expected '.' as the decimal mark)"
    with pytest.raises(InputError) as err:
        parse_amount("abc", decimal=",", field="Bedrag")
    assert str(err.value) == "Bedrag: not an amount: 'abc'"
    with pytest.raises(InputError) as err:
        parse_amount(None, field="Bedrag")
    assert str(err.value) == "Bedrag: an amount is missing"


def test_explicit_thousands_mark():
    # thousands="" : the layout has no grouping at all, so a comma or a point in the integer part is refused
    assert parse_amount("1234.56", thousands="") == Decimal("1234.56")
    with pytest.raises(InputError) as err:
        parse_amount("1,234.56", thousands="", field="Amount")
    assert str(err.value) == "Amount: not an amount: '1,234.56'"
    with pytest.raises(InputError) as err:
        parse_amount("1.5", decimal=",", thousands="", field="Bedrag")
    assert str(err.value) == "Bedrag: not an amount: '1.5' (expected ',' as the decimal mark)"
    # thousands="." with a decimal comma: the Dutch bank layouts
    assert parse_amount("1.234.567,89", decimal=",", thousands=".") == Decimal("1234567.89")


# --------------------------------------------------------------------------------------------
# to_decimal: every kind of value a structured source gives
# --------------------------------------------------------------------------------------------


def test_to_decimal_of_a_decimal_and_of_text():
    assert str(to_decimal(Decimal("12.30"))) == "12.30"  # the same digits, trailing zero kept
    assert to_decimal("1,234.56") == Decimal("1234.56")  # text reads with a decimal point
    assert to_decimal(" -7.5 ") == Decimal("-7.5")
    import numpy as np

    assert to_decimal(np.int64(7)) == Decimal(7) and to_decimal(np.float64(0.1)) == Decimal("0.1")


@pytest.mark.parametrize(
    "value, message",
    [
        (True, "cash: not a number: True"),
        (None, "cash: not a number: None"),
        ([1], "cash: not a number: [1]"),
        (float("nan"), "cash: not a finite number: nan"),
        (float("-inf"), "cash: not a finite number: -inf"),
        (Decimal("Infinity"), "cash: not a finite number: Decimal('Infinity')"),
        ("12,5", "cash: not an amount: '12,5' (expected '.' as the decimal mark)"),  # text: decimal point
    ],
)
def test_to_decimal_refusals_name_field_and_value(value, message):
    with pytest.raises(InputError) as err:
        to_decimal(value, field="cash")
    assert str(err.value) == message


def test_cents_refusal_text():
    with pytest.raises(InputError) as err:
        cents(Decimal("0.125"))
    assert str(err.value) == "0.125 has more than two decimals"
    assert cents(Decimal("1234567.89")) == 123456789


# --------------------------------------------------------------------------------------------
# format_money: display only
# --------------------------------------------------------------------------------------------


def test_format_money_of_floats_and_exact_decimals():
    assert format_money(None) == "-"
    # a float is shown as its shortest repr rounds: 2.675 is 2.67499999... in binary, but the user typed 2.675
    assert format_money(2.675) == "2.68"
    assert format_money(-1234.5) == "-1,234.50"
    # a Decimal keeps every digit: 17 significant digits would not survive a float
    assert format_money(Decimal("12345678901234567.89")) == "12,345,678,901,234,567.89"
    assert format_money(Decimal("1234.5"), places=0) == "1,235"
    assert format_money(Decimal("0.0049"), places=3) == "0.005"
