"""xlcapital/bank/presets.py: which presets ``--bank`` selects (issue 14; docs/development.md, "Mutation
testing"). The expected lists are counted another way: from each preset's own ``name``, ``bank`` and
``bank_codes`` and detect.BANK_CODES, not from presets_for_bank; errors by field and key words."""

from __future__ import annotations

import pytest

from xlcapital.bank import presets
from xlcapital.bank.preset import Preset
from xlcapital.bank.presets import PRESETS, presets_for_bank
from xlcapital.errors import InputError


def names(bank):
    return [p.name for p in presets_for_bank(bank)]


def of_bank(bank: str) -> list[str]:
    return [name for name, p in PRESETS.items() if p.bank == bank]


def test_no_bank_is_every_preset_in_detection_order():
    assert presets_for_bank(None) == list(PRESETS.values()) and len(PRESETS) == 19


@pytest.mark.parametrize("given", ["ing", " ING ", "Ing\t"])
def test_a_bank_id_selects_its_layouts_whatever_the_case_and_spaces(given):
    assert names(given) == of_bank("ing") == ["ing", "ing_dmy", "ing_semicolon", "ing_en", "ing_en_comma"]


def test_a_preset_name_selects_that_layout_only():
    assert names("ing_semicolon") == ["ing_semicolon"] and names("Rabobank_CC") == ["rabobank_cc"]


def test_a_bank_served_by_another_banks_layout():
    # SNS (bank code SNSB) has no preset of its own: the Volksbank layout "asn" lists SNSB among its codes;
    # RegioBank (RBRB) has its own preset and is in asn's codes too
    assert [n for n, p in PRESETS.items() if "SNSB" in p.bank_codes] == ["asn"]
    assert names("sns") == names(" SNS") == ["asn"]
    assert names("regiobank") == ["asn", "regiobank"]


@pytest.mark.parametrize("given", ["vanlanschot", "", "ingb"])
def test_a_bank_without_a_preset_is_refused_with_the_choices(given):
    with pytest.raises(InputError) as caught:
        presets_for_bank(given)
    error = caught.value
    assert error.field == "bank" and repr(given) in error.message and "preset" in error.message
    assert "--mapping" in error.hint
    assert ", ".join(sorted(PRESETS)) in error.hint  # every preset's name (the bank ids are names too), sorted


def test_the_choices_offered_are_the_preset_names_and_the_bank_ids(monkeypatch):
    # in the real presets each bank id is also a preset name; a bank whose layouts all have longer names shows
    # that the bank ids are offered too, and a preset without a bank adds nothing
    mine = Preset(name="mijn_export", label="Mijn", bank="mijnbank", booking_date="Datum", amount="Bedrag",
                  account_value="NL02ABNA0123456789", header_signature=("Datum",))
    loose = Preset(name="los", label="Los", booking_date="Datum", amount="Bedrag",
                   account_value="NL02ABNA0123456789", header_signature=("Datum",))
    monkeypatch.setattr(presets, "PRESETS", {"mijn_export": mine, "los": loose})
    with pytest.raises(InputError) as caught:
        presets_for_bank("ing")
    assert "los, mijn_export, mijnbank" in caught.value.hint
    assert "None" not in caught.value.hint
    assert names("mijnbank") == ["mijn_export"] and names("los") == ["los"]
