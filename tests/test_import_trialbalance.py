"""RGS-coded trial balances (CSV, XLSX) and mapping files, and accounts that map nowhere.

tests/data/imports/proefbalans.csv is the trial balance of "Bakkerij Proef B.V." of
tests/test_import_xaf.py, typed by hand from that file's worked-out balances: it must give the
same balance sheets and income statement as the auditfile.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital import imports
from xlcapital.cli import main
from xlcapital.company import load_company
from xlcapital.errors import InputError
from tests.test_import_xaf import EXPECTED_CLOSING, EXPECTED_INCOME, EXPECTED_OPENING, write_xaf

DATA = Path(__file__).parent / "data" / "imports"
TB = DATA / "proefbalans.csv"
YEAR = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}


def assert_the_proef_figures(result) -> None:
    opening, closing = result.figures.balance_sheets()
    for item in EXPECTED_OPENING.keys() | EXPECTED_CLOSING.keys():
        assert getattr(opening, item) == EXPECTED_OPENING.get(item, 0), item
        assert getattr(closing, item) == EXPECTED_CLOSING.get(item, 0), item
    income = result.figures.income_statement()
    assert {k: getattr(income, k) for k in EXPECTED_INCOME} == EXPECTED_INCOME


def test_trial_balance_csv_gives_the_auditfiles_figures():
    result = imports.build(imports.read(TB, **YEAR, name="Bakkerij Proef B.V."))
    assert_the_proef_figures(result)
    assert result.items is None and any("no invoices" in w for w in result.warnings)


def test_semicolons_and_decimal_commas(tmp_path):
    dutch = tmp_path / "proefbalans.csv"
    dutch.write_text(TB.read_text().replace(",", ";").replace(".", ","), encoding="utf-8")
    assert_the_proef_figures(imports.build(imports.read(dutch, **YEAR)))


def test_trial_balance_xlsx(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    for i, row in enumerate(csv.reader(TB.open(encoding="utf-8"))):
        # numbers as numbers (as Excel keeps them), the header and account numbers as text
        book.active.append([c if i == 0 or j < 3 or not c else float(c) for j, c in enumerate(row)])
    path = tmp_path / "proefbalans.xlsx"
    book.save(path)
    assert_the_proef_figures(imports.build(imports.read(path, **YEAR)))


def test_cli_trial_balance_needs_the_period(tmp_path, capsys):
    assert main(["import", str(TB), "-o", str(tmp_path / "out")]) == 2
    assert "a trial balance has no dates: give the period" in capsys.readouterr().err
    assert main(["import", str(TB), "-o", str(tmp_path / "out"), "--start", "2024-01-01", "--end", "2024-12-31"]) == 0
    company = load_company(tmp_path / "out" / "company.toml")
    assert company.name == "proefbalans" and company.closing.equity == D("14345.00")
    assert not (tmp_path / "out" / "receivables.csv").exists()
    capsys.readouterr()
    assert main(["forecast", str(tmp_path / "out")]) == 0  # from the bank balance 15.00 (515.00 - 500.00)
    assert "start 2025-01-06 (given), opening cash 15 (given)" in capsys.readouterr().out


def test_unmapped_accounts_are_listed_with_their_balances(tmp_path, capsys):
    path = write_xaf(tmp_path, "3.2", without_rgs=("4950", "1010"))
    assert main(["import", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "2 account(s) map to no item: 1010 Rabobank (opening 1,500.00, closing -500.00); " \
           "4950 Rente bank (opening 0.00, closing 50.00)" in err
    assert "--allow-unmapped" in err and not (tmp_path / "out").exists()


def test_allow_unmapped_puts_them_in_named_residual_lines(tmp_path):
    result = imports.build(imports.read(write_xaf(tmp_path, "3.2", without_rgs=("4950", "1010"))), allow_unmapped=True)
    opening, closing = result.figures.balance_sheets()
    # Rabobank: 1,500.00 debit at the start -> other_current_assets; -500.00 at the end -> accruals
    assert opening.other_current_assets == D("1500.00") and opening.cash == D("5000.00")
    assert closing.accruals == D("500.00") and closing.overdraft == 0
    income = result.figures.income_statement()
    assert income.interest == 0 and income.extraordinary == D("-50.00")  # the interest, as a loss
    assert income.earnings_after_tax == D("-4260.00") and closing.balances
    assert any("2 unmapped account(s) in residual lines" in w and "4950 Rente bank" in w for w in result.warnings)
    text = result.files()["company.toml"]
    assert "extraordinary = -50.00  # includes unmapped accounts" in text


def test_a_mapping_file_maps_accounts_and_ranges(tmp_path):
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("account,item\n4950,rentelasten\n1000-1099,BLimBanRba\n", encoding="utf-8")
    path = write_xaf(tmp_path, "3.2", without_rgs=("4950", "1010"))
    result = imports.build(imports.read(path), imports.read_mapping(mapping))
    assert_the_proef_figures(result)


def _read_mapping(path):
    return imports.read_mapping(path)


def _read_trial_balance(path):
    return imports.read(path, **YEAR)


@pytest.mark.parametrize("reader, text, message", [
    (_read_mapping, "acc,item\n", "the first line must be: account,item"),
    (_read_mapping, "account,item\n4950,\n", ":2: an account and an item are needed"),
    (_read_mapping, "account,item\n4950,rente bank\n", ":2: item: not an item or a known RGS code: 'rente bank'"),
    (_read_mapping, "account,item\n9-1,revenue\n", ":2: account: not an account range: '9-1'"),
    (_read_trial_balance, "account,rgs,bedrag\n", "unknown column 'bedrag'"),
    (_read_trial_balance, "account,rgs\n", "missing column closing"),
    (_read_trial_balance, "account,rgs,closing\n1000,BLimBan,12.3.4\n", ":2: closing: not an amount"),
    (_read_trial_balance, "account,rgs,closing\n1000,BLimBan,1\n1000,BLimBan,-1\n", ":3: account: account 1000 also on line 2"),
])
def test_bad_mapping_files_and_trial_balances(tmp_path, reader, text, message):
    path = tmp_path / "input.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        reader(path)
    assert message in str(info.value)


def test_a_file_with_the_closing_entries_warns_that_the_income_statement_is_empty(tmp_path):
    from tests.test_import_xaf import JOURNALS, build_xaf
    import tests.test_import_xaf as xaf_files

    # the year-end closing: every income-statement account to 0 against the reserves (result -4,260.00)
    closing = ("AFS", "M", [("1", "2024-12-31", 12, [
        ("8000", "3500.00", "", ""), ("7000", "-3500.00", "", ""), ("4000", "-3210.00", "", ""),
        ("4900", "-1000.00", "", ""), ("4950", "-50.00", "", ""), ("0510", "4260.00", "", "")])])
    original = list(JOURNALS)
    try:
        xaf_files.JOURNALS[:] = [*original, closing]
        path = tmp_path / "closed.xaf"
        path.write_text(build_xaf("3.2"), encoding="utf-8")
    finally:
        xaf_files.JOURNALS[:] = original
    result = imports.build(imports.read(path))
    assert result.figures.income_statement().revenue == 0 and result.figures.closing["equity"] == D("14345.00")
    assert any("the income statement is empty although its accounts have" in w for w in result.warnings)


def test_the_docs_rgs_table_is_the_codes_table():
    import re

    from xlcapital.imports import rgs

    text = (Path(__file__).parents[1] / "docs" / "imports.md").read_text(encoding="utf-8")
    documented = {}
    for item, codes in re.findall(r"^\| `(\w+)` \| (.*) \|$", text, re.M):
        for code in re.findall(r"`([BW][A-Za-z]+)`", codes):
            documented[code] = item
    assert documented == rgs.PREFIXES


def test_vat_to_reclaim_is_a_receivable_not_a_negative_debt(tmp_path):
    """Input VAT 1,500.00 (debit) beats output VAT 1,000.00 (credit): 500.00 to reclaim from the tax office."""
    path = tmp_path / "tb.csv"
    path.write_text("account,rgs,opening,closing\n1000,BLimBanRba,0,500\n1510,BSchBepBtwVoo,0,1500\n"
                    "1520,BSchBepBtwAfo,0,-1000\n0500,BEivGokGew,0,-1000\n", encoding="utf-8")
    closing = imports.build(imports.read(path, **YEAR)).figures.closing
    assert closing["tax_payable"] == 0 and closing["other_current_assets"] == D("500")
    assert closing["cash"] + closing["other_current_assets"] == closing["equity"] == D("1000")


def test_a_dutch_saldibalans_with_debit_and_credit_columns(tmp_path):
    """The hand-written proefbalans, as a package exports it: Dutch headers, semicolons, decimal commas, and the
    end balance as debet and credit columns (both positive) instead of one signed closing."""
    lines = ["Grootboekrekening;Omschrijving;RGS code;Beginsaldo;Debet;Credit"]
    for row in csv.DictReader(TB.open(encoding="utf-8")):
        closing = D(row["closing"])
        debit, credit = (closing, "") if closing >= 0 else ("", -closing)
        lines.append(";".join([row["account"], row["name"], row["rgs"], row["opening"], str(debit), str(credit)]).replace(".", ","))
    path = tmp_path / "saldibalans.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_the_proef_figures(imports.build(imports.read(path, **YEAR)))


@pytest.mark.parametrize("header, message", [
    ("account,closing,debit\n", "give closing or debit and credit, not both"),
    ("rekening,saldo,eindsaldo\n", "column 'eindsaldo' gives closing a second time"),
    ("omschrijving,saldo\n", "missing column account"),
])
def test_ambiguous_trial_balance_headers(tmp_path, header, message):
    path = tmp_path / "tb.csv"
    path.write_text(header, encoding="utf-8")
    with pytest.raises(InputError) as info:
        imports.read(path, **YEAR)
    assert message in str(info.value)
