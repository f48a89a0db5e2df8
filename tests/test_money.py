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
