"""Payroll (docs/forecast-model.md section 14): every amount worked out by hand in the test.

The company of these tests, from Monday 6 April 2026 (13 weeks to Sunday 5 July; the look-ahead to
Sunday 30 August): an office of 2 people on 3,000 gross a month each, wage tax 10 %, pension 5 %
employee + 10 % employer, employer premiums 20 %, holiday allowance 8 %; a warehouse worker on 2,500
who gets a raise to 2,600 from 1 July and a 13th month; pay day the 25th.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital.errors import InputError
from xlcapital.forecast import Inputs, Settings, analyse, forecast, load
from xlcapital.forecast.csvfiles import read_payroll
from xlcapital.forecast.kpis import monthly_fixed_costs
from xlcapital.forecast.payroll import Employee, PayrollSettings, holiday_allowance, payments

START = date(2026, 4, 6)
RATES = dict(wage_tax_rate=D("0.10"), employee_pension_rate=D("0.05"), employer_pension_rate=D("0.10"),
             employer_premium_rate=D("0.20"))
OFFICE = Employee("Office", D(3000), 2, **RATES)
WAREHOUSE = Employee("Warehouse", D(2500), 1, end=date(2026, 6, 30), thirteenth_month=True, **RATES)
RAISED = Employee("Warehouse (raise)", D(2600), 1, start=date(2026, 7, 1), thirteenth_month=True, **RATES)


def company(**settings) -> Inputs:
    return Inputs(Settings(start=START, weeks=13, opening_balance=D(100_000)), payroll=[OFFICE, WAREHOUSE, RAISED],
                  payroll_settings=PayrollSettings(**settings))


def paid(inputs: Inputs) -> dict[tuple[date, str], D]:
    run = forecast(inputs)
    out: dict[tuple[date, str], D] = {}
    for i in run.items:
        if i.source == "payroll":
            out[(i.cash_date, i.ref)] = i.amount
    return out


def test_a_normal_month_net_pay_on_the_pay_day_loonheffingen_and_pension():
    got = paid(company())
    # April's wages: 2 x 3,000 + 2,500 = 8,500; net 8,500 x (1 - 0.10 - 0.05) = 7,225 on Saturday 25 April
    assert got[(date(2026, 4, 25), "Nettoloon 2026-04")] == D("-7225")
    # pension of April: 8,500 x (0.05 + 0.10) = 1,275, collected on the last day of April
    assert got[(date(2026, 4, 30), "Pensioenpremies 2026-04")] == D("-1275")
    # loonheffingen of March (the wage period before), paid by the end of April: 8,500 x (0.10 + 0.20) = 2,550
    assert got[(date(2026, 4, 30), "Loonheffingen 2026-03 (Belastingdienst)")] == D("-2550")
    # ... and April's on the last day of May, in ONE payment to the Belastingdienst
    assert got[(date(2026, 5, 31), "Loonheffingen 2026-04 (Belastingdienst)")] == D("-2550")
    run = forecast(company())
    # week 3 (20-26 April) holds the net pay, week 4 (27 April - 3 May) the tax and the pension of 30 April
    assert run.weeks[2].payments == {"Salaries": D(-7225), "Payroll taxes": 0, "Pension": 0}
    assert run.weeks[3].payments == {"Salaries": 0, "Payroll taxes": D(-2550), "Pension": D(-1275)}


def test_the_holiday_pay_month_and_its_tax_the_month_after():
    got = paid(company())
    # holiday year June 2025 - May 2026, everyone employed all 12 months: office 2 x 3,000 x 12 x 8 % = 5,760,
    # warehouse 2,500 x 12 x 8 % = 2,400; paid net of 10 % wage tax (no pension on it): 8,160 x 0.9 = 7,344
    assert got[(date(2026, 5, 25), "Vakantiegeld 2026")] == D("-7344")
    assert got[(date(2026, 5, 25), "Nettoloon 2026-05")] == D("-7225")
    # May's loonheffingen on 30 June: wages 8,500 x 0.30 = 2,550 + holiday allowance 8,160 x 0.30 = 2,448
    assert got[(date(2026, 6, 30), "Loonheffingen 2026-05 (Belastingdienst)")] == D("-4998")
    # paid in June instead: the same holiday year (June - May), on 25 June, its tax on 31 July
    june = paid(company(holiday_month=6))
    assert june[(date(2026, 6, 25), "Vakantiegeld 2026")] == D("-7344")
    assert june[(date(2026, 7, 31), "Loonheffingen 2026-06 (Belastingdienst)")] == D("-4998")


def test_a_salary_change_mid_year_and_a_hire_count_by_month():
    got = paid(company())
    # from July the warehouse worker earns 2,600: wages 8,600, net 8,600 x 0.85 = 7,310 on 25 July
    assert got[(date(2026, 7, 25), "Nettoloon 2026-07")] == D("-7310")
    assert got[(date(2026, 8, 31), "Pensioenpremies 2026-08")] == D("-1290")  # 8,600 x 0.15
    # a hire in the middle of a month counts the whole month (the row's start: 15 December 2025): holiday
    # allowance of December .. May = 6 months x 3,000 x 8 % = 1,440
    assert holiday_allowance(Employee("New", D(3000), start=date(2025, 12, 15)), 2026) == D("1440.00")
    # the holiday year of 2027 (June 2026 - May 2027) holds both salaries: 2,500 in June, 2,600 for 11 months
    assert holiday_allowance(WAREHOUSE, 2027) + holiday_allowance(RAISED, 2027) == (2500 + 11 * 2600) * D("0.08")


def test_the_13th_month_in_december_or_an_earlier_month():
    # paid in July (a setting): a twelfth of August 2025 .. July 2026 for the warehouse worker, the only one
    # with a 13th month: 11 months x 2,500 (Aug .. Jun) + 2,600 (July) = 30,100 / 12 = 2,508.33...
    got = paid(company(thirteenth_month=7))
    thirteenth = (11 * D(2500) + D(2600)) / 12
    assert got[(date(2026, 7, 25), "Dertiende maand 2026")] == -thirteenth * D("0.9")
    assert round(got[(date(2026, 7, 25), "Dertiende maand 2026")], 2) == D("-2257.50")
    # its loonheffingen go with July's, on 31 August: 8,600 x 0.30 + 2,508.33 x 0.30 = 2,580 + 752.50
    assert round(got[(date(2026, 8, 31), "Loonheffingen 2026-07 (Belastingdienst)")], 2) == D("-3332.50")
    # in December (the default; inside the 12-month view, which ends 31 March 2027): January .. June at 2,500 and
    # July .. December at 2,600: (6 x 2,500 + 6 x 2,600) / 12 = 2,550, net 2,550 x 0.9 = 2,295
    december = paid(company())
    assert december[(date(2026, 12, 25), "Dertiende maand 2026")] == D("-2295")


def test_payments_before_the_first_day_counted_are_not_forecast():
    # March's net pay (25 March) and pension (31 March) were paid before the start: only its tax remains
    got = paid(company())
    assert not [k for k in got if k[0] < START]
    assert min(got) == (date(2026, 4, 25), "Nettoloon 2026-04")


def test_the_pension_fund_one_month_later_and_pay_day_31():
    got = paid(company(pension_lag=1, pay_day=31))
    assert got[(date(2026, 4, 30), "Nettoloon 2026-04")] == D("-7225")  # day 31 of April is 30 April
    assert got[(date(2026, 4, 30), "Pensioenpremies 2026-03")] == D("-1275")  # March's premiums a month later


def test_holiday_pay_beyond_the_horizon_is_in_the_look_ahead():
    inputs = company()
    inputs.settings = Settings(start=date(2026, 3, 2), weeks=8, opening_balance=D(100_000))  # horizon to 26 April
    run = forecast(inputs)
    items = [(i.cash_date, i.ref, i.amount) for i in run.lookahead_items]
    # the look-ahead runs 27 April .. 21 June: the tax and pension of 30 April, May's pay and holiday pay ...
    assert (date(2026, 5, 25), "Vakantiegeld 2026", D("-7344")) in items
    assert (date(2026, 4, 30), "Loonheffingen 2026-03 (Belastingdienst)", D("-2550")) in items
    assert run.lowest_with_lookahead < run.lowest_cash


def test_monthly_fixed_costs_count_the_employer_cost():
    # office: 6,000 x ((1 + 0.08) x 1.20 + 0.10) = 8,376; warehouse: 2,500 x ((1 + 0.08 + 1/12) x 1.20 + 0.10) = 3,740;
    # the raised row starts on 1 July, inside the horizon (to Sunday 5 July), so it counts too: 2,600 x 1.496 = 3,889.60
    cost = monthly_fixed_costs(company())
    assert round(cost, 2) == D("8376") + D("3740") + D("3889.60")
    assert analyse(company()).kpis["monthly_fixed_costs"] == cost


def test_scenarios_and_stress_tests_leave_the_payroll_alone():
    a = analyse(company())
    plain = [w.payments["Salaries"] for w in a.default.weeks]
    for run in a.stress:
        assert [w.payments["Salaries"] for w in run.weeks] == plain


# --------------------------------------------------------------------------------------------
# files: payroll.csv and [payroll]
# --------------------------------------------------------------------------------------------

HEADER = "name,employees,gross,start,end,wage_tax_rate,employee_pension_rate,employer_pension_rate," \
         "employer_premium_rate,holiday_rate,thirteenth_month\n"


def folder(tmp_path: Path, rows: str, toml: str = "") -> Path:
    (tmp_path / "forecast.toml").write_text(f"[forecast]\nstart = 2026-04-06\nopening_balance = 1000\n{toml}")
    (tmp_path / "payroll.csv").write_text(HEADER + rows)
    return tmp_path


def test_payroll_csv_and_the_settings_are_read(tmp_path):
    inputs = load(folder(tmp_path, "Office,2,3000,,,10%,0.05,0.1,0.2,,yes\n", "[payroll]\npay_day = 20\n"))
    assert inputs.payroll == [Employee("Office", D(3000), 2, wage_tax_rate=D("0.1"), employee_pension_rate=D("0.05"),
                                       employer_pension_rate=D("0.1"), employer_premium_rate=D("0.2"),
                                       holiday_rate=D("0.08"), thirteenth_month=True, line=2)]
    assert inputs.payroll_settings == PayrollSettings(pay_day=20)
    # a Dutch Excel file: semicolons and decimal commas
    (tmp_path / "payroll.csv").write_text(HEADER.replace(",", ";") + "Office;2;3.000,50;;;0,1;;;;;\n")
    assert read_payroll(tmp_path / "payroll.csv")[0].gross == D("3000.50")


@pytest.mark.parametrize("row, message", [
    ("Office,2,3000,,,1.5,,,,,\n", r"payroll\.csv:2: wage_tax_rate: 1\.5 is above the maximum 1"),
    ("Office,2,-3000,,,,,,,,\n", r"payroll\.csv:2: gross: -3000 is below the minimum 0"),
    ("Office,two,3000,,,,,,,,\n", r"payroll\.csv:2: employees: "),
    (",2,3000,,,,,,,,\n", r"payroll\.csv:2: name: a value is required"),
    ("Office,2,3000,2026-05-01,2026-04-01,,,,,,\n", r"payroll\.csv:2: end: end is before start"),
    ("Office,2,3000,,,0.7,0.4,,,,\n", r"payroll\.csv:2: wage_tax_rate: wage_tax_rate \+ employee_pension_rate is above 1"),
    ("Office,2,3000,,,,,,,,maybe\n", r"payroll\.csv:2: thirteenth_month: "),
])
def test_bad_payroll_rows_name_the_file_line_and_column(tmp_path, row, message):
    with pytest.raises(InputError, match=message):
        load(folder(tmp_path, row))


@pytest.mark.parametrize("toml, message", [
    ("[payroll]\nholiday_month = 7\n", r"payroll\.holiday_month: 7 is out of range \(use 5 to 6\)"),
    ("[payroll]\npay_day = 0\n", r"payroll\.pay_day: 0 is out of range \(use 1 to 31\)"),
    ("[payroll]\npayday = 25\n", r"payroll\.payday: unknown key"),
])
def test_bad_payroll_settings_name_the_key(tmp_path, toml, message):
    with pytest.raises(InputError, match=message):
        load(folder(tmp_path, "Office,2,3000,,,,,,,,\n", toml))


def test_the_cli_says_what_is_wrong_in_one_line_with_exit_code_2(tmp_path):
    path = folder(tmp_path, "Office,2,3000,,,abc,,,,,\n")
    done = subprocess.run([sys.executable, "-m", "xlcapital", "forecast", str(path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "payroll.csv:2: wage_tax_rate" in done.stderr and "Traceback" not in done.stderr


def test_a_recurring_salary_row_beside_payroll_is_warned_about(tmp_path):
    path = folder(tmp_path, "Office,2,3000,,,,,,,,\n")
    (path / "recurring.csv").write_text("name,category,amount,frequency\nNet salaries,Salaries,-5000,monthly\n")
    assert any("payroll.csv pays salaries too" in w for w in load(path).warnings)


def test_the_sample_company_pays_its_staff_through_payroll():
    from xlcapital.workbook.api import load_inputs

    inputs, _ = load_inputs(None)
    staff = [(r.employees, r.start, r.end) for r in inputs.payroll]
    # 18 staff in January (9 warehouse, 6 installers, 3 office), a hire from March, the warehouse's raise in July
    assert sum(n for n, start, end in staff if start is None or start <= date(2025, 1, 31)) == 18
    run = forecast(inputs)
    # January 2025: 9 x 1,600 x 0.90 + 6 x 2,000 x 0.87 + 3 x 1,500 x 0.88 = 12,960 + 10,440 + 3,960 = 27,360
    january = [i for i in run.items if i.ref == "Nettoloon 2025-01"]
    assert [(i.cash_date, i.amount) for i in january] == [(date(2025, 1, 23), D("-27360"))]
    assert not [r for r in inputs.recurring if r.category in ("Salaries", "Payroll taxes")]
