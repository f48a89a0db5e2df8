"""Payroll's boundaries (docs/forecast-model.md section 14), raised by mutation testing of forecast/payroll.py.

Every expected value is worked by hand in the test: the first and last day of a wage month, of an
employment and of the window of payments, the rates' limit of exactly 1, and what each payment is
called. The worked example of section 14 itself is in tests/test_forecast_payroll.py.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlcapital.forecast.payroll import Employee, PayrollSettings, check, month_start, monthly_cost, payments

APRIL = date(2026, 4, 1)


def test_a_row_counts_for_the_month_when_it_starts_on_its_last_day():
    # start 30 April <= EOMONTH(April) = 30 April: April counts in full (2 x 1,000)
    row = Employee("Late hire", D(1000), 2, start=date(2026, 4, 30))
    assert row.wage(APRIL) == D(2000)
    assert row.wage(date(2026, 3, 1)) == 0


def test_a_row_counts_for_the_month_when_it_ends_on_its_first_day():
    # end 1 April >= first day of April: April counts in full; May does not
    row = Employee("Leaver", D(1000), start=date(2026, 1, 1), end=date(2026, 4, 1))
    assert row.wage(APRIL) == D(1000)
    assert row.wage(date(2026, 4, 15)) == D(1000)   # any day of the month names the month
    assert row.wage(date(2026, 5, 1)) == 0


def test_employed_between_counts_the_first_and_the_last_day_and_needs_both_bounds():
    window = (date(2026, 4, 1), date(2026, 6, 30))
    assert Employee("Starts on the last day", D(1), start=date(2026, 6, 30)).employed_between(*window)
    assert Employee("Ends on the first day", D(1), end=date(2026, 4, 1)).employed_between(*window)
    # starts after the window, no end: not employed in it (both bounds must hold, not either)
    assert not Employee("Later hire", D(1), start=date(2026, 7, 1)).employed_between(*window)
    # ended before the window, no start
    assert not Employee("Left", D(1), end=date(2026, 3, 31)).employed_between(*window)


def test_month_start_without_k_is_the_first_day_of_the_same_month():
    assert month_start(date(2026, 4, 15)) == date(2026, 4, 1)
    assert month_start(date(2026, 2, 28), 0) == date(2026, 2, 1)


def test_a_payment_on_the_first_or_the_last_day_of_the_window_is_in_it():
    # one person on 1,000, wage tax 10 %, pension 5 % + 10 %: April's net pay 1,000 x 0.85 = 850 on 25 April
    row = Employee("A", D(1000), wage_tax_rate=D("0.10"), employee_pension_rate=D("0.05"),
                   employer_pension_rate=D("0.10"))
    day = date(2026, 4, 25)
    paid = payments([row], PayrollSettings(), day, day)
    assert [(p.ref, p.date, p.amount) for p in paid] == [("Nettoloon 2026-04", day, D("-850.00"))]


def test_the_month_the_window_ends_on_the_first_day_of_is_a_wage_month():
    # pay day 1: May's net pay (1,000, no rates) falls on 1 May, the window's last day, and with it the
    # holiday allowance of June 2025 - May 2026: 8 % x 12 x 1,000 = 960
    row = Employee("A", D(1000))
    paid = payments([row], PayrollSettings(pay_day=1), date(2026, 4, 6), date(2026, 5, 1))
    assert [(p.ref, p.date, p.amount) for p in paid] == [("Nettoloon 2026-05", date(2026, 5, 1), D(-1000)),
                                                         ("Vakantiegeld 2026", date(2026, 5, 1), D("-960.00"))]


def test_each_payment_says_what_it_is_and_has_no_party():
    # December 2026 with a 13th month and May with holiday allowance; every kind once
    row = Employee("A", D(1200), start=date(2026, 1, 1), wage_tax_rate=D("0.10"), employer_pension_rate=D("0.10"),
                   thirteenth_month=True)
    december = payments([row], PayrollSettings(), date(2026, 12, 1), date(2026, 12, 31))
    # by date, then Salaries, Payroll taxes, Pension
    assert [p.ref for p in december] == ["Nettoloon 2026-12", "Dertiende maand 2026",
                                         "Loonheffingen 2026-11 (Belastingdienst)", "Pensioenpremies 2026-12"]
    by_ref = {p.ref: (p.kind, p.party, p.date, p.amount) for p in december}
    # net 1,200 x 0.90 = 1,080 on 25 Dec; 13th month 12 x 1,200 / 12 = 1,200, net 1,080 on 25 Dec;
    # November's loonheffingen 1,200 x 0.10 = 120 on 31 Dec; December's pension 1,200 x 0.10 = 120 on 31 Dec
    assert by_ref == {
        "Nettoloon 2026-12": ("net pay", "", date(2026, 12, 25), D("-1080.00")),
        "Dertiende maand 2026": ("13th month", "", date(2026, 12, 25), D("-1080.00")),
        "Loonheffingen 2026-11 (Belastingdienst)": ("loonheffingen", "", date(2026, 12, 31), D("-120.00")),
        "Pensioenpremies 2026-12": ("pension", "", date(2026, 12, 31), D("-120.00")),
    }
    may = {p.ref: (p.kind, p.party) for p in payments([row], PayrollSettings(), date(2026, 5, 25), date(2026, 5, 25))}
    assert may["Vakantiegeld 2026"] == ("holiday allowance", "")


def test_monthly_cost_of_nobody_is_a_decimal_zero():
    # money is Decimal, also when no row is employed in the window
    cost = monthly_cost([Employee("Left", D(1000), end=date(2025, 12, 31))], date(2026, 4, 6), date(2026, 7, 5))
    assert cost == 0 and isinstance(cost, D)


def test_check_allows_a_one_day_row_and_rates_that_add_up_to_exactly_1():
    day = date(2026, 4, 1)
    assert check(Employee("One day", D(100), start=day, end=day)) is None
    assert check(Employee("All withheld", D(100), wage_tax_rate=D("0.6"), employee_pension_rate=D("0.4"))) is None
    field, _, _ = check(Employee("Too much", D(100), wage_tax_rate=D("0.6"), employee_pension_rate=D("0.41")))
    assert field == "wage_tax_rate"
    field, _, _ = check(Employee("Backwards", D(100), start=day, end=date(2026, 3, 31)))
    assert field == "end"
