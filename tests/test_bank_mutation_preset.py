"""xlcapital/bank/preset.py: the refusals of a preset (or a user's column mapping) that cannot work, which
mutation testing found untested (issue 14; docs/development.md, "Mutation testing"). Each refusal is checked
by the field it names, the preset's name and a few key words (not the English wording); each bound at its edge;
the valid presets next to the refused ones, so that a check refusing everything fails too."""

from __future__ import annotations

import pytest

from xlcapital.bank.preset import COLUMN_FIELDS, Preset
from xlcapital.errors import InputError

#: the smallest preset that works: a header with a date and an amount column, one account for every row
BASE = dict(name="proef", label="Proefbank", booking_date="Datum", amount="Bedrag",
            account_value="NL02ABNA0123456789", header_signature=("Datum", "Bedrag"))
#: the same, header-less: columns by position
NO_HEADER = dict(BASE, header="none", column_count=4, booking_date=1, amount=2, header_signature=())


def preset(**changes) -> Preset:
    return Preset(**{**BASE, **changes})


def refusal(*words: str, field: str, **changes) -> InputError:
    """The error of the preset BASE + ``changes``: it names ``field`` and the preset and says ``words``."""
    with pytest.raises(InputError) as caught:
        Preset(**{**BASE, **changes})
    error = caught.value
    assert error.field == field, (error.field, str(error))
    assert "'proef'" in error.message, error.message  # which preset
    for word in words:
        assert word in error.message, (word, error.message)
    return error


def test_the_base_presets_are_valid():
    assert preset().columns() == {"booking_date": "Datum", "amount": "Bedrag"}
    assert Preset(**NO_HEADER).columns() == {"booking_date": 1, "amount": 2}


# -- the choices ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("field, good, bad", [
    ("row_order", ("auto", "oldest_first", "newest_first"), "oldest"),
    ("opening_balance", ("", "first_before", "first_after_minus_amount"), "first"),
    ("closing_balance", ("", "last_after", "last_before_plus_amount"), "last"),
])  # fmt: skip
def test_a_choice_is_one_of_its_values(field, good, bad):
    balances = dict(balance_before="Saldo voor", balance_after="Saldo na")
    for value in good:
        assert getattr(preset(**balances, **{field: value}), field) == value
    error = refusal(f"{bad!r}", ", ".join(map(repr, good)), field=field, **balances, **{field: bad})
    assert error.message.index(repr(good[0])) < error.message.index(repr(good[-1]))  # listed in order


def test_header_is_one_of_three():
    assert preset(header="optional", **{k: v for k, v in NO_HEADER.items() if k != "header"}).header == "optional"
    refusal("'yes'", "'required', 'optional', 'none'", field="header", header="yes")


# -- the file's shape -------------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|", "X"])
def test_any_one_character_is_a_delimiter(delimiter):
    assert preset(delimiter=delimiter, quotechar="" if delimiter == '"' else '"').delimiter == delimiter


@pytest.mark.parametrize("delimiter", ["", ";;", "\n", "\r"])
def test_no_delimiter_two_characters_or_a_line_end_are_refused(delimiter):
    refusal("delimiter", repr(delimiter), field="delimiter", delimiter=delimiter)


@pytest.mark.parametrize("quotechar", ['"', "'", ""])  # "": no quoting (ABN AMRO TAB)
def test_a_quote_character_is_one_character_or_none(quotechar):
    assert preset(quotechar=quotechar).quotechar == quotechar


def test_two_quote_characters_or_the_delimiter_as_quote_are_refused():
    refusal("quote", "'\"\"'", field="quotechar", quotechar='""')
    refusal("quote", "';'", field="quotechar", delimiter=";", quotechar=";")
    assert preset(delimiter=";", quotechar="'").quotechar == "'"


@pytest.mark.parametrize("decimal, thousands", [
    (",", ""), (",", "."), (",", " "), (",", "'"), (".", ""), (".", ","), (".", "'"), (".", " "),
])  # fmt: skip
def test_the_number_notations(decimal, thousands):
    p = preset(decimal=decimal, thousands=thousands)
    assert (p.decimal, p.thousands) == (decimal, thousands)


@pytest.mark.parametrize("decimal, thousands", [(";", ""), ("", ""), (",", "_"), (",", ","), (".", "."), (",", ".,")])
def test_other_number_notations_are_refused(decimal, thousands):
    refusal(repr(decimal), repr(thousands), "decimal", field="decimal", decimal=decimal, thousands=thousands)


def test_encodings():
    assert preset(encodings=("cp1252",)).encodings == ("cp1252",)
    assert preset(encodings=("utf-8", "latin-1")).encodings == ("utf-8", "latin-1")
    refusal("encoding", field="encodings", encodings=())
    error = refusal("'klingon'", field="encodings", encodings=("utf-8", "klingon"))
    assert "encoding" in error.message and error.__cause__ is None and error.__suppress_context__


def test_counts_are_not_negative():
    assert preset(skip_lines=0, column_count=0).skip_lines == 0
    assert preset(skip_lines=1).skip_lines == 1  # Knab
    refusal("negative", field="skip_lines", skip_lines=-1)
    refusal("negative", field="skip_lines", column_count=-1)  # the counts share one refusal
    assert Preset(**dict(NO_HEADER, column_count=1, amount=1)).column_count == 1


# -- the columns that must be there -----------------------------------------------------------------------


def test_the_booking_date_is_required():
    refusal("booking date", field="booking_date", booking_date=None)


def test_an_amount_or_both_debit_and_credit():
    assert preset(amount=None, debit_amount="Af", credit_amount="Bij").columns() == {
        "booking_date": "Datum", "debit_amount": "Af", "credit_amount": "Bij"}
    refusal("amount", "debit_amount", "credit_amount", field="amount", amount=None)
    refusal("amount", field="amount", amount=None, debit_amount="Af")
    refusal("amount", field="amount", amount=None, credit_amount="Bij")
    assert preset(debit_amount="Af").debit_amount == "Af"  # an amount column and a debit column: allowed


def test_a_sign_column_needs_both_value_lists():
    p = preset(sign="Af Bij", debit_values=("Af",), credit_values=("Bij",))
    assert (p.sign, p.debit_values, p.credit_values) == ("Af Bij", ("Af",), ("Bij",))
    refusal("debit_values", "credit_values", field="sign", sign="Af Bij")
    refusal("sign", field="sign", sign="Af Bij", debit_values=("Af",))
    refusal("sign", field="sign", sign="Af Bij", credit_values=("Bij",))
    assert preset(debit_values=("D",), credit_values=("C",)).sign is None  # values without a column: unused


def test_an_account_column_or_value():
    assert preset(account="Rekening", account_value="").account == "Rekening"
    assert preset(account="Rekening").account_value == "NL02ABNA0123456789"
    refusal("account", "account_value", field="account", account_value="")


# -- what a column is -------------------------------------------------------------------------------------


@pytest.mark.parametrize("column", [0, -1, "", True, 1.0, b"Datum"])
def test_a_column_is_a_name_or_a_position_from_1(column):
    refusal("position", repr(column), field="counterparty", counterparty=column)


@pytest.mark.parametrize("column", [0, -2, False, "", None])
def test_a_description_column_is_named_by_its_place(column):
    refusal("position", repr(column), field="description.2", description=("Omschrijving", column))


def test_positions_from_1():
    p = Preset(**dict(NO_HEADER, booking_date=1, amount=4, description=(2, 3)))
    assert p.columns() == {"booking_date": 1, "amount": 4, "description.1": 2, "description.2": 3}
    assert preset(counterparty=1).counterparty == 1  # a header file may give positions too


@pytest.mark.parametrize("header", ["none", "optional"])
def test_without_a_required_header_columns_are_positions(header):
    refusal("'Naam'", "position", field="counterparty", **dict(NO_HEADER, header=header, counterparty="Naam"))
    refusal("'Datum'", field="booking_date", **dict(NO_HEADER, header=header, booking_date="Datum"))
    assert Preset(**dict(NO_HEADER, header=header, counterparty=3)).counterparty == 3


@pytest.mark.parametrize("header", ["none", "optional"])
def test_without_a_required_header_the_column_count_is_needed(header):
    refusal("column count", field="column_count", **dict(NO_HEADER, header=header, column_count=0))


def test_a_required_header_needs_its_signature():
    refusal("header", field="header_signature", header_signature=())
    assert Preset(**NO_HEADER).header_signature == ()  # no header: no signature needed
    assert preset(column_count=0).column_count == 0  # a header file needs no column count


def test_optional_columns_are_column_fields_but_not_the_date():
    p = preset(balance_after="Saldo na", optional_columns=("balance_after", "description"))
    assert p.optional_columns == ("balance_after", "description")
    assert set(COLUMN_FIELDS) - {"booking_date"} == {
        "value_date", "account", "currency", "amount", "debit_amount", "credit_amount", "sign", "counterparty",
        "counterparty_iban", "description", "reference", "code", "balance_before", "balance_after"}
    assert preset(optional_columns=tuple(set(COLUMN_FIELDS) - {"booking_date"})).optional_columns
    refusal("'booking_date'", "optional", field="optional_columns", optional_columns=("booking_date",))
    refusal("'saldo'", "optional", field="optional_columns", optional_columns=("amount", "saldo"))


# -- the balance rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize("field, rule, column, other", [
    ("opening_balance", "first_before", "balance_before", "balance_after"),
    ("opening_balance", "first_after_minus_amount", "balance_after", "balance_before"),
    ("closing_balance", "last_after", "balance_after", "balance_before"),
    ("closing_balance", "last_before_plus_amount", "balance_before", "balance_after"),
])  # fmt: skip
def test_a_balance_rule_needs_its_column(field, rule, column, other):
    assert getattr(preset(**{field: rule, column: "Saldo"}), field) == rule
    refusal(repr(rule), column, field=field, **{field: rule, other: "Saldo"})
    refusal(repr(rule), column, field=field, **{field: rule})


def test_no_balance_rule_needs_no_balance_column():
    p = preset(opening_balance="", closing_balance="")
    assert (p.balance_before, p.balance_after) == (None, None)


# -- columns() -------------------------------------------------------------------------------------------


def test_columns_lists_the_set_fields_in_declared_order_descriptions_numbered_from_1():
    p = preset(description=("Naam", "Omschrijving", "Mededeling"), balance_after="Saldo", counterparty="Naam")
    assert list(p.columns().items()) == [
        ("booking_date", "Datum"), ("amount", "Bedrag"), ("counterparty", "Naam"),
        ("description.1", "Naam"), ("description.2", "Omschrijving"), ("description.3", "Mededeling"),
        ("balance_after", "Saldo")]


def test_the_codec_that_encodes_nothing_is_refused_as_an_encoding():
    # Python's "undefined" codec exists but fails on any text, even "": the preset check let its UnicodeError
    # through and the CLI said "unexpected UnicodeError ... please report it" instead of naming the field
    refusal("'undefined'", "encoding", field="encodings", encodings=("undefined",))
