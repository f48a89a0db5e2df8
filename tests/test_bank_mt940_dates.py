"""MT940 dates and the text of its errors: the two-digit-year pivot, months 10-12, entry dates across
a year end, and what a broken balance, date or statement line says (file, line, field, what to do).
Every file is written here; every expected value is read off it by hand. (New file: the reader and
tests/test_bank_mt940.py are the bank helper's.)"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.bank import read_bytes
from xlcapital.errors import BankFileError


def statement(lines: bytes, opening: str = "C240301EUR100,00", closing: str = "C240301EUR75,00") -> bytes:
    return (b":20:S1\n:25:NL93RABO0987654321EUR\n:28C:1\n:60F:" + opening.encode() + b"\n" + lines
            + b":62F:" + closing.encode() + b"\n")


@pytest.mark.parametrize(
    "yymmdd, expected",
    [("991231", date(1999, 12, 31)), ("800101", date(1980, 1, 1)), ("791231", date(2079, 12, 31)),
     ("241015", date(2024, 10, 15)), ("001120", date(2000, 11, 20))],
)
def test_two_digit_years_pivot_at_80_and_late_months_read(yymmdd, expected):
    (s,) = read_bytes(statement(b"", opening=f"C{yymmdd}EUR1,00", closing=f"C{yymmdd}EUR1,00"), "d.sta")
    assert s.opening_balance.date == expected


def test_entry_dates_across_a_year_end():
    # value date 2 January 2024, booked 31 December: the entry date is in 2023, not 2024
    # value date 31 December 2023, booked 2 January: the entry date is in 2024
    data = statement(b":61:2401021231D25,00N102NONREF\n:86:Huur\n:61:2312310102C5,00N100NONREF\n:86:Rente\n",
                     closing="C240102EUR80,00")
    (s,) = read_bytes(data, "y.sta")
    first, second = s.transactions
    assert (first.value_date, first.booking_date) == (date(2024, 1, 2), date(2023, 12, 31))
    assert (second.value_date, second.booking_date) == (date(2023, 12, 31), date(2024, 1, 2))
    assert [t.amount for t in s.transactions] == [D("-25.00"), D("5.00")]


@pytest.mark.parametrize(
    "data, message",
    [
        (statement(b":61:2403011301D25,00N102NONREF\n"), "b.sta:5: :61:: impossible entry date '1301' (MMDD)"),
        (statement(b":61:24030X0301D25,00N102NONREF\n"),
         "b.sta:5: :61:: not a statement line: '24030X0301D25,00N102NONREF' "
         "(expected YYMMDD[MMDD] C/D amount type reference)"),
    ],
)
def test_errors_name_file_line_field_and_what_is_expected(data, message):
    with pytest.raises(BankFileError) as info:
        read_bytes(data, "b.sta")
    assert str(info.value) == message


@pytest.mark.parametrize(
    "opening, why",
    [
        ("X240301EUR100,00", "not a balance: 'X240301EUR100,00'"),
        ("C241301EUR100,00", "impossible date 2024-13-01"),
    ],
)
def test_a_damaged_balance_costs_a_warning_naming_its_line_not_the_file(opening, why):
    # issue 12: a damaged balance outside a transaction is a warning (file, line); the statement is still read
    [s] = read_bytes(statement(b":61:2403010301D25,00N102NONREF\n", opening=opening), "b.sta")
    assert len(s.transactions) == 1 and s.opening_balance is None
    assert any(w.startswith("b.sta:4: balance :60F: left out: ") and why in w for w in s.warnings), s.warnings
