"""A field's own parsing and bounds (xlcapital/forecast/fields.py), raised by mutation testing.

Each value is worked by hand: the bounds are inclusive, a Dutch CSV cell ("1.250,5" or "12,5%") reads
as the same number as its TOML spelling, an amount of 16 digits before the point is refused and one
of 15 (money.MAX_DIGITS) is not. Errors are checked by field and key words (the value and the bound), not their wording.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from xlcapital.errors import InputError
from xlcapital.forecast.fields import Field, Table


def money(**bounds) -> Field:
    return Field("limit", "Limit", "money", "Limit", "Limiet", "help", **bounds)


def test_bounds_are_inclusive():
    assert money(low=0, high=100).parse("0") == 0
    assert money(low=0, high=100).parse("100") == D(100)
    assert Field("n", None, "integer", "N", "N", "h", low=1, high=12).parse("12") == 12


def test_a_value_outside_the_bounds_names_the_field_the_value_and_the_bound():
    with pytest.raises(InputError) as below:
        money(low=10).parse("9.99", field="forecast.limit")
    assert below.value.field == "forecast.limit"
    assert "9.99" in str(below.value) and "10" in str(below.value)
    assert "10 or more" in str(below.value.hint)
    with pytest.raises(InputError) as above:
        money(high=100).parse("100.01")
    assert above.value.field == "limit"                 # no field= given: the key
    assert "100.01" in str(above.value) and "100 or less" in str(above.value.hint)
    with pytest.raises(InputError) as both:
        money(low=0, high=100).parse("-1")
    assert "0 to 100" in str(both.value.hint)


def test_a_dutch_cell_reads_as_its_toml_spelling():
    # 1.250,50 with the decimal comma: one thousand two hundred fifty and a half
    assert money().parse("1.250,50", decimal=",") == D("1250.50")
    assert money().parse(" 7,25 ", decimal=",") == D("7.25")
    # 12,5% as a fraction: 0.125; the same cell without % is 12.5
    fraction = Field("share", "Share", "fraction", "Share", "Aandeel", "h", low=0, high=1)
    assert fraction.parse("12,5%", decimal=",") == D("0.125")
    assert fraction.parse("0,5", decimal=",") == D("0.5")
    # a money cell ending in % is not a percentage
    with pytest.raises(InputError):
        money().parse("12,5%", decimal=",")
    # a Dutch cell is still bounded
    with pytest.raises(InputError) as exc:
        fraction.parse("150%", decimal=",", field="sales.share")
    assert exc.value.field == "sales.share"


def test_amounts_of_16_digits_before_the_point_are_refused_and_15_are_not():
    assert money().parse("999999999999999") == D("999999999999999")          # 15 digits
    with pytest.raises(InputError) as exc:
        money().parse("1000000000000000", field="forecast.limit")           # 16 digits
    assert exc.value.field == "forecast.limit" and "1000000000000000" in str(exc.value)
    assert "15" in str(exc.value.hint)
    with pytest.raises(InputError):
        money().parse("1.000.000.000.000.000", decimal=",")
    assert money().parse("0") == 0                                         # zero has no size to refuse


def test_text_is_stripped_and_kinds_are_checked():
    assert Field("name", "Name", "text", "Name", "Naam", "h").parse("  Jansen BV ") == "Jansen BV"
    with pytest.raises(ValueError, match="amount"):
        Field("x", None, "amount", "X", "X", "h")
    assert [Field("k", None, kind, "K", "K", "h").numeric for kind in ("money", "number", "fraction", "integer")] \
        == [True] * 4
    assert not any(Field("k", None, kind, "K", "K", "h", choices=("a",)).numeric
                   for kind in ("text", "date", "choice", "yes_no", "accounts"))


def test_a_table_lists_its_keys_required_and_optional_in_order():
    a = Field("a", "A", "text", "A", "A", "h", required=True)
    b = Field("b", "B", "money", "B", "B", "h")
    c = Field("c", "C", "date", "C", "C", "h", required=True)
    table = Table("t", "t.csv", (a, b, c))
    assert table.keys == ("a", "b", "c")
    assert table.required == ("a", "c")
    assert table.optional == ("b",)
    assert table["b"] is b and list(table) == [a, b, c]
    with pytest.raises(KeyError):
        table["d"]


def test_a_table_without_the_key_names_it():
    table = Table("t", None, (Field("a", "A", "text", "A", "A", "h"),))
    with pytest.raises(KeyError) as exc:
        table["missing"]
    assert exc.value.args == ("missing",)


def test_yes_no_and_accounts_errors_name_the_field():
    with pytest.raises(InputError) as exc:
        Field("enabled", None, "yes_no", "E", "E", "h").parse("perhaps", field="triggers.x.enabled")
    assert exc.value.field == "triggers.x.enabled"
    with pytest.raises(InputError) as exc:
        Field("enabled", None, "yes_no", "E", "E", "h").parse("perhaps")
    assert exc.value.field == "enabled"
    with pytest.raises(InputError) as exc:
        Field("accounts", None, "accounts", "A", "A", "h").parse(42, field="bank.accounts")   # not a list
    assert exc.value.field == "bank.accounts"


def test_a_number_from_toml_reads_the_same_whatever_the_decimal_mark():
    # a TOML value is not text: the file's decimal comma does not apply to it
    assert money().parse(D("1.5"), decimal=",") == D("1.5")
    assert money().parse(2, decimal=",") == D(2)


def test_a_percent_sign_belongs_to_fractions_only():
    # "50%" is a share of 0.50; as an amount it is refused
    assert Field("s", None, "fraction", "S", "S", "h").parse("50%") == D("0.5")
    with pytest.raises(InputError):
        money().parse("50%")
