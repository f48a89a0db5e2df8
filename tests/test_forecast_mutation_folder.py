"""Loading a company folder (xlcapital/forecast/folder.py), raised by mutation testing.

What a folder gives and what it leaves out, one thing at a time: no folder, no forecast.toml, no CSV
files, a company.toml (the sample's: its figures worked from the file's own balance sheet and income
statement), accounts given that bank/ does not know (an error while the start or the balance is learned
from bank/, a warning otherwise), the history window of projected categories (13 weeks unless given),
and the warnings of salaries or VAT paid twice. Errors by file, field and key words.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.test_forecast_actuals import ING, ing
from xlcapital.company import sample_dir
from xlcapital.errors import InputError
from xlcapital.forecast import folder as fo
from xlcapital.forecast import load
from xlcapital.forecast import messages as say
from xlcapital.forecast.payroll import PayrollSettings

GIVEN = "[forecast]\nstart = 2026-04-06\nopening_balance = 500\n"
A, B, C = "NL20INGB0001234567", "NL36INGB0007654321", "NL69INGB0123456789"   # valid IBANs (mod 97)


def company(tmp_path: Path, toml: str = GIVEN, bank: str | None = None, **files: str) -> Path:
    (tmp_path / "forecast.toml").write_text(toml, encoding="utf-8")
    if bank is not None:
        (tmp_path / "bank").mkdir()
        (tmp_path / "bank" / "export.csv").write_text(ING + bank, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    return tmp_path


def refused(root: Path) -> InputError:
    with pytest.raises(InputError) as exc:
        load(root)
    return exc.value


# --- the folder and forecast.toml ------------------------------------------------------------------------


def test_not_a_folder(tmp_path):
    for path in (tmp_path / "missing", tmp_path / "forecast.toml"):
        (tmp_path / "forecast.toml").write_text(GIVEN, encoding="utf-8")
        exc = refused(path)
        assert exc.file == str(path) and "folder" in str(exc.message)
        assert "forecast.toml" in str(exc.hint)


def test_a_folder_without_forecast_toml(tmp_path):
    (tmp_path / "receivables.csv").write_text("customer,invoice,invoice_date,due_date,amount\n", encoding="utf-8")
    exc = refused(tmp_path)
    assert exc.file == str(tmp_path) and "forecast.toml" in str(exc.message)
    assert "docs/forecast.md" in str(exc.hint)


def test_forecast_toml_alone(tmp_path):
    i = load(company(tmp_path))
    # every CSV file left out: nothing of it
    assert (i.receivables, i.payables, i.customers, i.recurring, i.expected_sales, i.categories, i.payroll) == \
        ([], [], [], [], [], [], [])
    assert i.projections == [] and i.bank == [] and i.bank_transactions == 0 and i.warnings == []
    # no company.toml: no figures, the folder's own name
    assert i.financials is None and i.company_name == tmp_path.name
    s = i.settings
    assert (s.start, s.opening_balance, s.balance_date, s.accounts) == (date(2026, 4, 6), D(500), None, ())
    assert s.history_weeks == 13 and s.default_payment_delay_days == 0
    assert s.sources == {"start": "given", "opening_balance": "given", "accounts": "bank",
                         "default_payment_delay_days": "default"}
    # collection days: nothing paid, no DSO: 30 (docs/forecast-model.md section 10)
    assert (i.sales.collection_days, i.sales.sources) == (30, {"collection_days": "default"})


def test_values_given_are_kept_with_their_source(tmp_path):
    i = load(company(tmp_path, GIVEN + "default_payment_delay_days = -3\nhistory_weeks = 2\n"
                                       "[sales]\ncollection_days = 12\n"))
    assert (i.settings.default_payment_delay_days, i.settings.sources["default_payment_delay_days"]) == (-3, "given")
    assert i.settings.history_weeks == 2 and i.settings.sources["history_weeks"] == "given"
    assert (i.sales.collection_days, i.sales.sources) == (12, {"collection_days": "given"})


def test_the_sample_company_file_gives_the_figures(tmp_path):
    shutil.copy(sample_dir() / "company.toml", tmp_path / "company.toml")
    i = load(company(tmp_path))
    f = i.financials
    assert i.company_name == "Van der Berg Installatietechniek B.V."
    assert (f.revenue, f.cogs, f.inventory) == (D("2486350.00"), D("1612480.40"), D("262880.15"))
    assert (f.receivables_opening, f.receivables_closing) == (D("312840.20"), D("338415.60"))
    assert f.days == 366                                   # 2024 is a leap year
    assert f.equity == D("551575.54")
    # 87,725.84 + 0 + 338,415.60 + 262,880.15 + 16,905.00 + 424,650.00 (the closing balance's assets)
    assert f.total_assets == D("1130576.59")
    # BHK: 71,736.64 earnings after tax + 72,400 depreciation + 9,600 added - 6,250 released - 0
    assert f.bhk_cashflow == D("147486.64")
    assert (f.interest, f.repayments) == (D("16840.50"), D("40000.00"))
    # forecast.toml's [company] name wins over company.toml's
    (tmp_path / "forecast.toml").write_text('[company]\nname = "VdB"\n' + GIVEN, encoding="utf-8")
    assert load(tmp_path).company_name == "VdB"


# --- bank/ and the accounts ---------------------------------------------------------------------------


def test_the_start_and_the_balance_cannot_be_learned_without_bank(tmp_path):
    exc = refused(company(tmp_path, "[forecast]\nopening_balance = 1\n"))
    assert exc.file == str(tmp_path / "forecast.toml") and exc.field == "forecast.start"
    assert "bank/" in str(exc.hint)
    # an ING export states no balance: the opening balance cannot be learned from it
    (tmp_path / "ing").mkdir()
    exc = refused(company(tmp_path / "ing", "[forecast]\nstart = 2026-04-06\n", bank=ing("20260402", A, "Af", "10,00")))
    assert exc.file == str(tmp_path / "ing" / "forecast.toml") and exc.field == "forecast.opening_balance"
    assert "opening balance" in str(exc.message) and "opening_balance" in str(exc.hint)


def test_accounts_learned_from_bank_in_file_order(tmp_path):
    rows = ing("20260403", B, "Af", "1,00") + ing("20260402", A, "Af", "2,00") + ing("20260401", B, "Af", "3,00")
    i = load(company(tmp_path, bank=rows))
    assert set(i.settings.accounts) == {A, B} and len(i.settings.accounts) == 2
    assert i.settings.sources["accounts"] == "bank" and i.bank_transactions == 3


@pytest.mark.parametrize("toml", ["[forecast]\nopening_balance = 500\n",           # the start is learned
                                  "[forecast]\nstart = 2026-04-06\n"])            # the balance is learned
def test_an_account_bank_does_not_know_is_an_error_while_learning(tmp_path, toml):
    exc = refused(company(tmp_path, f'{toml}accounts = ["{C}"]\n',
                          bank=ing("20260402", A, "Af", "2,00") + ing("20260401", B, "Af", "3,00")))
    assert exc.file == str(tmp_path / "forecast.toml") and exc.field == "forecast.accounts"
    assert str(exc.message) == str(say.ACCOUNT_NOT_FOUND(accounts=C))      # one account: the singular
    assert f"{A}, {B}" in str(exc.hint)                   # the accounts found, in the export's order


def test_two_accounts_bank_does_not_know_are_named_together(tmp_path):
    exc = refused(company(tmp_path, f'[forecast]\nopening_balance = 1\naccounts = ["{C}", "NL00X", "{A}"]\n',
                          bank=ing("20260402", A, "Af", "2,00")))
    assert str(exc.message) == str(say.ACCOUNTS_NOT_FOUND(accounts=f"{C}, NL00X"))   # two: the plural


def test_an_account_bank_does_not_know_is_a_warning_when_nothing_is_learned(tmp_path):
    i = load(company(tmp_path, GIVEN + f'accounts = ["{C}", "{A}"]\n',
                     bank=ing("20260402", A, "Af", "2,00") + ing("20260401", B, "Af", "3,00")))
    assert i.settings.accounts == (C, A)
    accounts_warning, other_warning = i.warnings
    assert C in accounts_warning and f"{A}, {B}" in accounts_warning and "forecast.accounts" in accounts_warning
    assert B in other_warning and A not in other_warning   # B's export is left out
    assert [s.account for s in i.bank] == [A] and i.bank_transactions == 1


def test_accounts_not_in_the_list_are_named_sorted_and_left_out(tmp_path):
    rows = ing("20260403", C, "Af", "1,00") + ing("20260402", A, "Af", "2,00") + ing("20260401", B, "Af", "3,00")
    i = load(company(tmp_path, GIVEN + f'accounts = ["{A}"]\n', bank=rows))
    assert len(i.warnings) == 1 and f"{B}, {C}" in i.warnings[0]
    assert [s.account for s in i.bank] == [A]


def test_given_accounts_without_bank_are_kept_unchecked(tmp_path):
    i = load(company(tmp_path, GIVEN + f'accounts = ["{C}"]\n'))
    assert i.settings.accounts == (C,) and i.warnings == []


def test_the_bank_folder_skips_hidden_files_and_folders(tmp_path):
    company(tmp_path, bank=ing("20260402", A, "Af", "2,00"))
    (tmp_path / "bank" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "bank" / "old").mkdir()
    (tmp_path / "bank" / "b-second.csv").write_text(ING + ing("20260401", A, "Af", "3,00"), encoding="utf-8")
    [statement] = fo.read_bank_folder(tmp_path / "bank")           # one account: merged
    assert statement.account == A
    assert sorted(t.amount for t in statement.transactions) == [D("-3.00"), D("-2.00")]
    (tmp_path / "empty").mkdir()
    assert fo.read_bank_folder(tmp_path / "empty") == []


def test_projections_average_the_given_history_weeks(tmp_path):
    # Monday 6 April 2026 is the start; -70 at Shell on 30 March (week -1) and -70 on 23 March (week -2)
    rows = ing("20260330", A, "Af", "70,00").replace('"Shop"', '"Shell"') + \
        ing("20260323", A, "Af", "70,00").replace('"Shop"', '"Shell"') + \
        ing("20251201", A, "Af", "0,01")                   # the bank history reaches back further than 14 weeks
    cats = "category,match,pattern,project\nFuel,counterparty,Shell,yes\n"
    i = load(company(tmp_path, bank=rows, categories=cats))
    # 13 weeks, 5 January to 5 April (14 weeks would be -10.00): -140 / 13 = -10.769... -> -10.77
    assert [(p.category, p.weekly_amount) for p in i.projections] == [("Fuel", D("-10.77"))]
    (tmp_path / "forecast.toml").write_text(GIVEN + "history_weeks = 2\n", encoding="utf-8")
    # 2 weeks, 23 March to 5 April: -140 / 2 = -70
    assert [p.weekly_amount for p in load(tmp_path).projections] == [D("-70.00")]


# --- paid twice ----------------------------------------------------------------------------------------


RECURRING = ("name,category,amount,frequency\nRent,Rent,-100,monthly\nLonen,Salaries,-5000,monthly\n"
             "Btw,VAT,-900,quarterly\n")
PAYROLL = "name,gross\nStaff,3000\n"


def test_salaries_paid_twice_are_named_by_line_and_name(tmp_path):
    i = load(company(tmp_path, recurring=RECURRING, payroll=PAYROLL))
    [warning] = i.warnings
    # Lonen is line 3 of recurring.csv
    assert re.search(r"\b3\b", warning) and "'Lonen'" in warning and "Salaries" in warning and "Rent" not in warning
    assert fo.payroll_twice([], i.recurring) == []


def test_vat_paid_twice_when_vat_filing_is_on(tmp_path):
    assert load(company(tmp_path, recurring=RECURRING)).warnings == []        # no [vat]: the VAT row is the VAT
    (tmp_path / "forecast.toml").write_text(GIVEN + '[vat]\nfiling = "quarterly"\n', encoding="utf-8")
    [warning] = load(tmp_path).warnings
    assert "Btw" in warning and "Lonen" not in warning


# --- what is handed on --------------------------------------------------------------------------------


def test_the_sections_of_forecast_toml_are_handed_on(tmp_path):
    i = load(company(tmp_path, GIVEN + "[collections]\ndays_1_30 = 7\n[payroll]\npay_day = 28\n"
                                       '[history]\nmonths = ["2026-02", "2026-03"]\nrevenue = [10, 20]\n'))
    assert i.collections.days == (7, 28, 42, 56)
    assert i.payroll_settings == PayrollSettings(pay_day=28)
    assert (i.history.months, i.history.revenue) == (("2026-02", "2026-03"), (D(10), D(20)))
    assert i.folder == tmp_path


def test_with_the_company_file_the_delays_follow_its_dso(tmp_path):
    shutil.copy(sample_dir() / "company.toml", tmp_path / "company.toml")
    receivables = "customer,invoice,invoice_date,due_date,amount\nAcme,F1,2026-03-02,2026-04-01,1000\n"
    i = load(company(tmp_path, receivables=receivables))
    # DSO = (312,840.20 + 338,415.60) / 2 / 2,486,350.00 x 366 days = 47.93 days; the one invoice's terms: 30 days
    assert (i.settings.default_payment_delay_days, i.settings.sources["default_payment_delay_days"]) == (18, "dso")
    assert [(c.name, c.payment_delay_days, c.source) for c in i.customers] == [("Acme", 18, "dso")]
    # no invoice paid yet: new sales are collected after ROUND(DSO) days
    assert (i.sales.collection_days, i.sales.sources["collection_days"]) == (48, "dso")
    # the month before the start learned from the invoices: March 2026, revenue 1,000
    assert (i.history.months, i.history.revenue) == (("2026-03",), (D(1000),))


def test_retained_participations_are_taken_out_of_the_bhk_cash_flow(tmp_path):
    text = (sample_dir() / "company.toml").read_text(encoding="utf-8")
    assert "retained_participations = 0\n" in text
    (tmp_path / "company.toml").write_text(text.replace("retained_participations = 0\n",
                                                        "retained_participations = 1000.00\n"), encoding="utf-8")
    # the participation's 1,000 is in the earnings after tax (72,736.64) and taken out again:
    # 72,736.64 + 72,400 + 9,600 - 6,250 - 1,000 = 147,486.64
    assert load(company(tmp_path)).financials.bhk_cashflow == D("147486.64")


def test_a_payment_on_the_first_day_is_no_history(tmp_path):
    # F1 (250.00) is paid on Monday 6 April, the start: an actual of week 1, not a paid invoice of the history
    rows = ing("20260406", A, "Bij", "250,00").replace('"x"', '"F1"') + ing("20260403", A, "Bij", "90,00")
    receivables = ("customer,invoice,invoice_date,due_date,amount\nAcme,F1,2026-03-02,2026-04-01,250.00\n"
                   "Acme,F2,2026-03-03,2026-04-02,90.00\n")
    i = load(company(tmp_path, bank=rows, receivables=receivables))
    assert [(r.invoice, r.paid_date) for r in i.receivables] == [("F1", None), ("F2", None)]
    (tmp_path / "bank" / "export.csv").write_text(ING + ing("20260403", A, "Bij", "90,00").replace('"x"', '"F2"'),
                                                  encoding="utf-8")
    assert [(r.invoice, r.paid_date) for r in load(tmp_path).receivables] == [("F1", None), ("F2", date(2026, 4, 3))]


def test_the_balance_and_its_date_learned_from_the_sample_bank(tmp_path):
    shutil.copytree(sample_dir() / "bank", tmp_path / "bank")
    (tmp_path / "forecast.toml").write_text("[forecast]\n", encoding="utf-8")
    s = load(tmp_path).settings
    # the sample's ING export ends on Tuesday 31 December 2024 at 87,725.84 (its first data row says so)
    assert (s.opening_balance, s.balance_date, s.start) == (D("87725.84"), date(2024, 12, 31), date(2025, 1, 6))
    assert {k: s.sources[k] for k in ("start", "opening_balance", "balance_date")} == \
        {"start": "bank", "opening_balance": "bank", "balance_date": "bank"}
