"""One value of an input file (forecast/values.py): the inputs and boundaries the folder tests never give.

Errors are checked by where they point (``field``) and by key words (the value as typed, the
example to copy), not by their exact English wording.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from xlcapital.errors import InputError
from xlcapital.forecast.values import parse_accounts, parse_date, parse_fraction, parse_int, parse_money, parse_yes_no


def refused(fn, *args, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        fn(*args, **kwargs)
    return info.value


def test_a_date_and_time_is_not_a_date():
    # TOML's local date-time (2026-04-06T09:30) is a datetime, which is a date too: refused, not truncated
    e = refused(parse_date, datetime(2026, 4, 6, 9, 30), field="start")
    assert e.field == "start"
    assert "2026, 4, 6, 9, 30" in e.message  # the value as given
    assert parse_date(date(2026, 4, 6)) == date(2026, 4, 6)


@pytest.mark.parametrize("value", ["7.5", True, "seven"])
def test_not_a_whole_number_names_the_field_and_the_value(value):
    e = refused(parse_int, value, field="weeks")
    assert e.field == "weeks"
    assert "whole number" in e.message and repr(value) in e.message


def test_whole_numbers_from_text_int_and_decimal():
    assert parse_int(" 13 ") == 13
    assert parse_int(Decimal("13.0")) == 13
    assert parse_int(13) == 13


def test_range_bounds_are_inclusive_and_the_hint_names_them():
    assert parse_int(1, low=1, high=31) == 1
    assert parse_int(31, low=1, high=31) == 31
    above = refused(parse_int, 32, field="day", low=1, high=31)
    below = refused(parse_int, 0, field="day", low=1, high=31)
    for e, n in ((above, "32"), (below, "0")):
        assert e.field == "day"
        assert n in e.message and "range" in e.message
        assert "1" in e.hint and "31" in e.hint
    # only an upper bound
    assert parse_int(-5, high=7) == -5
    assert refused(parse_int, 8, high=7).field is None


def test_money_from_text_and_numbers_names_the_field_when_refused():
    assert parse_money("1234.50") == Decimal("1234.50")
    assert parse_money(12.1) == Decimal("12.1")  # the float's shortest repr, as typed
    assert refused(parse_money, "12,34.5", field="amount").field == "amount"
    assert refused(parse_money, None, field="amount").field == "amount"
    assert refused(parse_money, True, field="amount").field == "amount"


def test_fractions_with_and_without_percent_name_the_field_when_refused():
    assert parse_fraction(" 8.5% ") == Decimal("0.085")
    assert parse_fraction(Decimal("0.085")) == Decimal("0.085")
    assert refused(parse_fraction, "abc%", field="rate").field == "rate"
    assert refused(parse_fraction, "abc", field="rate").field == "rate"
    assert refused(parse_fraction, None, field="rate").field == "rate"


def test_one_account_as_text_is_a_list_of_one():
    assert parse_accounts("nl91 ingb 0001 2345 67") == ("NL91INGB0001234567",)


def test_accounts_drop_duplicates_and_keep_the_order():
    got = parse_accounts(["NL02ABNA0123456789", "nl91ingb0001234567", "NL02 ABNA 0123 4567 89"])
    assert got == ("NL02ABNA0123456789", "NL91INGB0001234567")


def test_not_a_list_of_accounts():
    e = refused(parse_accounts, 12, field="settings.accounts")
    assert e.field == "settings.accounts"
    assert "12" in e.message and "accounts" in e.message
    assert 'accounts = ["NL91INGB0001234567"]' in e.hint  # the example to copy


@pytest.mark.parametrize("item", ["NL91INGB0001234567,NL02ABNA0123456789", " ", ""])
def test_an_empty_account_or_two_in_one_item_is_refused(item):
    e = refused(parse_accounts, ["NL91INGB0001234567", item], field="settings.accounts")
    assert e.field == "settings.accounts"
    assert repr(item) in e.message and "account" in e.message
    assert "IBAN" in e.hint and "list item" in e.hint


def test_yes_and_no_in_english_and_dutch_and_the_refusal():
    assert [parse_yes_no(v) for v in ("Ja", " y ", "TRUE", "1", True)] == [True] * 5
    assert [parse_yes_no(v) for v in ("nee", "N", "false", "0", "", False)] == [False] * 6
    e = refused(parse_yes_no, "misschien", field="project")
    assert e.field == "project"
    assert "'misschien'" in e.message and "yes" in e.message
