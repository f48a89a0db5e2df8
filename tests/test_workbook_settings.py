"""The Settings sheet derives from the forecast inputs' schema (issue 14): the values the generator
writes, last month's workbook read back, and the settings the monthly roll carries are the fields of
``forecast/schema.py``, not lists kept by hand.
"""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from tests.test_workbook_roll import folder
from xlcapital import forecast as fc
from xlcapital.forecast import schema as sc
from xlcapital.workbook import model as m
from xlcapital.workbook.api import generate_folder
from xlcapital.workbook.inputsheets import settings_values
from xlcapital.workbook.previous import carry_over, read_workbook
from xlcapital.workbook.roll import NOT_CARRIED, SETTING_FIELDS


def test_every_typed_setting_is_a_schema_field_the_roll_knows():
    """Each Settings row the user types into (no formula) is declared in the schema, and the roll maps it
    to a part of the inputs, except the ones it never carries (the start, the company, the scenario)."""
    from xlcapital.workbook import vat as vatbook

    # the sample computes its VAT returns: the [vat] fields are Settings rows too (workbook/vat.py)
    typed = [s.key for s in m.SETTINGS + vatbook.settings() if s.formula is None]
    assert len(typed) > 50
    declared = {**sc.SETTINGS, **{f.header: f for f in sc.VAT}}
    assert [k for k in typed if k not in declared and k != "Scenario"] == []
    assert [k for k in typed if k not in SETTING_FIELDS and k not in NOT_CARRIED] == []
    # and the values the generator writes are exactly those settings (plus the scenario shown)
    inputs = fc.load(folder_of_sample())
    assert set(settings_values(inputs, "Van der Berg", "base")) == set(typed)


def folder_of_sample():
    from xlcapital.company import sample_dir

    return sample_dir()


@pytest.fixture(scope="module")
def sample_book(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("settings")
    path = tmp / "sample.xlsx"
    generate_folder(folder(tmp), path, macros=False)
    return tmp, path


def test_the_workbook_reads_back_to_the_folders_settings(sample_book):
    """Settings, sales plan, and the last period's figures of the sample read back unchanged (the
    sample's forecast.toml and company.toml give all three)."""
    tmp, path = sample_book
    fresh = fc.load(folder(tmp))
    prev, _, _ = read_workbook(path)
    assert prev.settings == fresh.settings
    assert prev.sales == fresh.sales
    assert prev.collections == fresh.collections
    f, g = prev.financials, fresh.financials
    # the receivables balances of company.toml are not on the Settings sheet
    assert (f.revenue, f.cogs, f.inventory, f.days, f.equity, f.total_assets, f.bhk_cashflow, f.interest,
            f.repayments) == (g.revenue, g.cogs, g.inventory, g.days, g.equity, g.total_assets, g.bhk_cashflow,
                              g.interest, g.repayments)
    assert f.revenue > 0 and f.equity is not None


def test_the_roll_carries_an_edit_of_every_kind_of_setting(sample_book, tmp_path):
    """A setting of each part of the inputs edited in last month's workbook wins in the roll: the
    commitment fee (forecast), the gross margin (sales plan's cost drivers), March's seasonality, the
    31-60 days bucket's share (collections) and the equity (company.toml's figures). The hand-kept
    list the roll had before carried none of these."""
    _, path = sample_book
    edited = tmp_path / "edited.xlsx"
    wb = openpyxl.load_workbook(path)
    typed = {"CommitmentFee": 0.0125, "GrossMargin": 0.4, "Season3": 1.5, "CollectShare31to60": 0.6,
             "Equity": 123456}
    for key, value in typed.items():
        (sheet, coord), = wb.defined_names[f"Settings_{key}"].destinations
        wb[sheet][coord.replace("$", "")].value = value
    wb.save(edited)
    fresh = fc.load(folder(tmp_path))
    nxt, _, carried = carry_over(edited, fresh, fresh.bank)
    assert nxt.settings.commitment_fee == Decimal("0.0125") != fresh.settings.commitment_fee
    assert nxt.sales.gross_margin == Decimal("0.4") != fresh.sales.gross_margin
    assert nxt.sales.seasonality[2] == Decimal("1.5")
    assert nxt.sales.seasonality[:2] + nxt.sales.seasonality[3:] == fresh.sales.seasonality[:2] + fresh.sales.seasonality[3:]
    assert nxt.collections.share == (Decimal(1), Decimal("0.6"), Decimal("0.75"), Decimal("0.5"))  # forecast.toml's
    assert nxt.collections.days == fresh.collections.days
    assert nxt.financials.equity == Decimal(123456) and nxt.financials.revenue == fresh.financials.revenue
    assert sorted(carried.report.settings) == sorted(typed)
    # the rest as the folder has it
    assert nxt.settings.credit_limit == fresh.settings.credit_limit and nxt.sales.amount == fresh.sales.amount


def test_a_bad_setting_in_last_months_workbook_is_one_line_naming_file_and_cell(sample_book, tmp_path, capsys):
    """Settings read back through the schema check what the user typed as forecast.toml is checked: a commitment
    fee of 20 % a year (the schema allows 0 to 10 %) is refused with the workbook and the defined name, exit 2."""
    from xlcapital.cli import main

    _, path = sample_book
    bad = tmp_path / "bad.xlsx"
    wb = openpyxl.load_workbook(path)
    (sheet, coord), = wb.defined_names["Settings_CommitmentFee"].destinations
    wb[sheet][coord.replace("$", "")].value = 0.2
    wb.save(bad)
    code = main(["generate", str(folder(tmp_path)), "-o", str(tmp_path / "next.xlsx"), "--previous", str(bad)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1, err
    assert str(bad) in err[0] and "Settings_CommitmentFee" in err[0] and "0.2 is above the maximum 0.1" in err[0]
    assert not (tmp_path / "next.xlsx").exists()
