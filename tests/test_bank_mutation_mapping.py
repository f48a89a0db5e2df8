"""xlcapital/bank/mapping.py: the cases mutation testing found untested (issue 14; docs/development.md,
"Mutation testing"). Each mapping is written in the test; errors are checked by file, field and key
words, not by their English wording."""

from __future__ import annotations

import pytest

from xlcapital.bank.mapping import load_mapping, preset_from_dict
from xlcapital.errors import InputError

BASE = {"account_value": "NL02ABNA0123456789", "columns": {"booking_date": "Datum", "amount": "Bedrag"}}


def mapping(**settings):
    raw = {**BASE, **settings}
    raw["columns"] = {**BASE["columns"], **settings.get("columns", {})}
    return preset_from_dict(raw, source="m.toml")


def refusal(raw, source="m.toml") -> InputError:
    with pytest.raises(InputError) as caught:
        preset_from_dict(raw, source=source)
    return caught.value


def test_columns_must_be_a_table():
    error = refusal({"account_value": "X", "columns": ["Datum"]})
    assert (error.file, error.field) == ("m.toml", "columns") and "table" in error.message


def test_a_column_given_twice_is_refused_naming_it():
    error = refusal({**BASE, "amount": "Bedrag"})
    assert (error.file, error.field) == ("m.toml", "amount") and "twice" in error.message


def test_unknown_column_field_lists_the_fields():
    error = refusal({**BASE, "columns": {**BASE["columns"], "bedrag": "x"}})
    assert error.field == "columns.bedrag" and error.file == "m.toml" and "'bedrag'" in error.message
    assert "booking_date, value_date" in error.hint  # the fields, comma-separated
    error = refusal({**BASE, "delimter": ";"})
    assert (error.field, error.file) == ("delimter", "m.toml") and "'delimter'" in error.message
    assert "docs/bank.md" in error.hint


def test_the_name_and_label_come_from_the_file():
    p = preset_from_dict(dict(BASE), source="/data/mijn_bank.toml")
    assert (p.name, p.label) == ("mijn_bank", "mapping mijn_bank")
    p = preset_from_dict(dict(BASE))
    assert (p.name, p.label) == ("mapping", "mapping mapping")
    p = preset_from_dict({**BASE, "name": "eigen", "label": "Mijn eigen bank"}, source="x.toml")
    assert (p.name, p.label) == ("eigen", "Mijn eigen bank")
    assert preset_from_dict({**BASE, "name": "eigen"}, source="x.toml").label == "mapping eigen"


def test_list_settings_take_one_value_or_a_list():
    assert mapping(encodings="cp1252").encodings == ("cp1252",)
    assert mapping(encodings=["utf-8", "cp1252"]).encodings == ("utf-8", "cp1252")
    positions = preset_from_dict({"account_value": "X", "header": "none", "column_count": 4,
                                  "columns": {"booking_date": 1, "amount": 2, "description": 4}})
    assert positions.description == (4,)  # a position (an int) is one value too
    for bad in (True, 1.5, {"a": 1}):
        error = refusal({**BASE, "encodings": bad})
        assert (error.field, error.file) == ("encodings", "m.toml") and "list" in error.message


@pytest.mark.parametrize("key, value, kind", [
    ("all_quoted", 1, "bool"), ("all_quoted", "yes", "bool"),
    ("skip_lines", True, "int"), ("skip_lines", "2", "int"), ("skip_lines", 1.0, "int"),
    ("delimiter", 1, "text"), ("delimiter", True, "text"),
])
def test_settings_of_the_wrong_type_name_key_type_and_value(key, value, kind):
    error = refusal({**BASE, key: value})
    assert error.field == key and error.file == "m.toml"
    assert kind in error.message and repr(value) in error.message


def test_settings_of_the_right_type():
    p = mapping(all_quoted=True, skip_lines=2, delimiter=";")
    assert (p.all_quoted, p.skip_lines, p.delimiter) == (True, 2, ";")
    assert mapping(bank="rabobank").bank == "rabobank"


def test_the_header_signature_is_every_named_column_once_but_the_optional():
    p = mapping(columns={"description": ["Omschrijving", "Bedrag", "Mededeling"], "counterparty": "Naam"},
                optional_columns=["counterparty"])
    # booking_date, amount, description (Bedrag again only once); counterparty is optional
    assert p.header_signature == ("Datum", "Bedrag", "Omschrijving", "Mededeling")
    given = mapping(header_signature=["Datum"])
    assert given.header_signature == ("Datum",)
    # a header-less export: no signature is made
    none = preset_from_dict({"account_value": "X", "header": "none", "column_count": 2,
                             "columns": {"booking_date": 1, "amount": 2}})
    assert none.header_signature == ()


def test_balances_are_derived_from_the_balance_columns_given():
    before = mapping(columns={"balance_before": "Saldo voor"})
    assert (before.opening_balance, before.closing_balance) == ("first_before", "last_before_plus_amount")
    after = mapping(columns={"balance_after": "Saldo na"})
    assert (after.opening_balance, after.closing_balance) == ("first_after_minus_amount", "last_after")
    both = mapping(columns={"balance_before": "Saldo voor", "balance_after": "Saldo na"})
    assert (both.opening_balance, both.closing_balance) == ("first_before", "last_after")
    neither = mapping()
    assert (neither.opening_balance, neither.closing_balance) == ("", "")
    given = mapping(columns={"balance_after": "Saldo na"}, opening_balance="", closing_balance="")
    assert (given.opening_balance, given.closing_balance) == ("", "")


def test_a_preset_refusal_is_located_in_the_file():
    error = refusal({"account_value": "X", "columns": {"booking_date": "Datum"}}, source="bad.toml")
    assert error.file == "bad.toml" and "amount" in error.message


def test_load_mapping_reads_the_file_and_names_it(tmp_path):
    path = tmp_path / "eigen.toml"
    path.write_text('account_value = "X"\ndelimiter = ";"\n[columns]\nbooking_date = "Datum"\namount = "Bedrag"\n',
                    encoding="utf-8")
    p = load_mapping(path)
    assert (p.name, p.delimiter, p.amount) == ("eigen", ";", "Bedrag")
    path.write_text('account_value = "X"\nskip_lines = "2"\n[columns]\nbooking_date = "Datum"\namount = "Bedrag"\n',
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_mapping(path)
    assert caught.value.file == str(path) and caught.value.field == "skip_lines"
    with pytest.raises(InputError) as caught:
        load_mapping(tmp_path / "missing.toml")
    assert caught.value.file == str(tmp_path / "missing.toml") and "mapping" in caught.value.hint


@pytest.mark.parametrize("key", ["name", "label", "bank"])
def test_name_label_and_bank_must_be_text(key):
    # a TOML number where text belongs was taken as it was (name 5, label "mapping 5"): now refused
    error = refusal({**BASE, key: 5})
    assert (error.file, error.field) == ("m.toml", key) and "text" in error.message and "5" in error.message


def test_a_value_the_checks_let_through_but_the_preset_cannot_use():
    # encodings must be text: [1] is a list, so it passes the list check, and the Preset's own use fails
    error = refusal({**BASE, "encodings": [1]})
    assert error.file == "m.toml" and "invalid mapping" in error.message and "encoding" in error.message


def test_column_fields_may_stand_without_a_columns_table():
    # no [columns]: the column fields given as plain settings are the columns
    p = preset_from_dict({"account_value": "X", "booking_date": "Datum", "amount": "Bedrag"}, source="m.toml")
    assert (p.booking_date, p.amount, p.header_signature) == ("Datum", "Bedrag", ("Datum", "Bedrag"))
