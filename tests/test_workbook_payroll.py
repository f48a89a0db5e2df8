"""The workbook's payroll (docs/forecast-model.md section 14): the Payroll and PayrollMonths tables,
recalculated by LibreOffice, give the engine's payroll rows on Forecast, Months, Scenarios and the
look-ahead for every scenario and stress test; the cached values equal the recalculation; a row the
user types in the Payroll table and a changed pay day are carried to next month's workbook.

(The sample company, which pays its staff through payroll.csv, is proven the same way by
tests/test_workbook_engine.py and tests/test_workbook_cached.py.)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_workbook_cached import check as cached_check
from tests.test_workbook_edits import append_row
from tests.test_workbook_engine import check as engine_check
from tests.test_workbook_engine import company, fraction, money
from tests.test_workbook_roll import folder, last_month  # noqa: F401  (fixture)
from tests.workbook_check import lo_values  # noqa: F401  (fixture)
from xlcapital import forecast as fc
from xlcapital.forecast.payroll import Employee, PayrollSettings
from xlcapital.workbook.previous import carry_over

pytestmark = pytest.mark.libreoffice

RATES = dict(wage_tax_rate=D("0.10"), employee_pension_rate=D("0.05"), employer_pension_rate=D("0.10"),
             employer_premium_rate=D("0.20"))


def companies() -> list:
    """Two companies whose view holds a holiday-pay month, a 13th month, a raise, a hire and a leaver."""
    staff = [
        Employee("Office", D(3000), 2, **RATES),
        Employee("Warehouse", D(2500), 1, end=dt.date(2026, 6, 30), thirteenth_month=True, **RATES),
        Employee("Warehouse (raise)", D(2600), 1, start=dt.date(2026, 7, 1), thirteenth_month=True, **RATES),
        Employee("Intern", D("812.40"), 3, start=dt.date(2026, 4, 15), end=dt.date(2026, 8, 31), holiday_rate=D(0)),
        Employee("Director", D(7000), wage_tax_rate=D("0.37"), employer_premium_rate=D("0.0651"),
                 holiday_rate=D("0.0833")),
    ]
    scenarios = [fc.Scenario("base"), fc.Scenario("worst", revenue_change=D("-0.2"), collection_delay_days=14,
                                                   payment_delay_days=-5, interest_rate_change=D("0.01"))]
    plain = fc.Inputs(fc.Settings(start=dt.date(2026, 4, 6), weeks=13, opening_balance=D(20_000),
                                  credit_limit=D(50_000), overdraft_rate=D("0.08"), minimum_buffer=D(10_000)),
                      receivables=[fc.Receivable("Acme", "F1", dt.date(2026, 3, 20), dt.date(2026, 4, 19), D(30_000))],
                      recurring=[fc.Recurring("Rent", "Rent", D(-4000), "monthly", day=1, fixed=True)],
                      scenarios=scenarios, payroll=staff)
    # June holiday pay, a 13th month in March, pension a month later, pay day 31: a 13-week view from 4 May
    other = dataclasses.replace(plain, settings=dataclasses.replace(plain.settings, start=dt.date(2026, 5, 4)),
                                payroll_settings=PayrollSettings(pay_day=31, holiday_month=6, thirteenth_month=3,
                                                                 pension_lag=1))
    return [(plain, []), (other, [])]


def test_payroll_rows_equal_the_engine_in_libreoffice(lo_values, tmp_path):
    batch = companies()
    for inputs, _ in batch:  # a real test: payroll pays on its three rows, holiday pay inside the view
        run = fc.forecast(inputs)
        assert {"Salaries", "Payroll taxes", "Pension"} <= set(run.payment_categories)
        assert any(i.ref.startswith("Vakantiegeld") and i.month for i in run.items)
    engine_check(lo_values, tmp_path, batch)


@st.composite
def with_payroll(draw):
    """A random company of tests/test_workbook_engine.py (whose Recurring may have a Salaries row too) with
    random payroll rows and settings: starts and ends around the start, any rates, holiday and 13th months."""
    inputs, statements = draw(company())
    start = inputs.settings.start
    day = lambda: start + dt.timedelta(days=draw(st.integers(-400, 400)))  # noqa: E731
    rows = []
    for i in range(draw(st.integers(0, 4))):
        begin = draw(st.one_of(st.none(), st.builds(day)))
        end = draw(st.one_of(st.none(), st.builds(day)))
        if begin and end and end < begin:
            begin, end = end, begin
        tax = draw(fraction(0, 500))
        rows.append(Employee(f"P{i}", draw(money(0, 9_000)), draw(st.integers(0, 12)), begin, end, tax,
                             draw(fraction(0, 1000 - int(tax * 1000))), draw(fraction(0, 300)), draw(fraction(0, 300)),
                             draw(fraction(0, 120)), draw(st.booleans())))
    payroll = PayrollSettings(draw(st.integers(1, 31)), draw(st.integers(5, 6)), draw(st.integers(1, 12)),
                              draw(st.integers(0, 1)))
    return dataclasses.replace(inputs, payroll=rows, payroll_settings=payroll), statements


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large],
          phases=("explicit", "reuse", "generate"))  # no shrinking: every attempt is a soffice run
@given(batch=st.lists(with_payroll(), min_size=4, max_size=4))
def test_random_payroll_equals_the_engine(lo_values, tmp_path_factory, batch):
    engine_check(lo_values, tmp_path_factory.mktemp("random-payroll"), batch)


def test_payroll_cells_cache_the_recalculated_values(libreoffice, tmp_path):
    assert cached_check(libreoffice, tmp_path, companies()) > 1000


def test_a_payroll_row_typed_in_the_workbook_and_the_pay_day_are_carried(last_month, tmp_path):  # noqa: F811
    edited = tmp_path / "edited.xlsx"
    wb = openpyxl.load_workbook(last_month)
    append_row(wb["Payroll"], "Payroll", {"Name": "Planner (new)", "Employees": 1, "Gross": 3200,
                                          "Start": dt.datetime(2025, 2, 1), "WageTaxRate": 0.12,
                                          "ThirteenthMonth": "no"})
    (sheet, coord), = wb.defined_names["Settings_PayDay"].destinations
    wb[sheet][coord.replace("$", "")].value = 24
    wb.save(edited)

    fresh = fc.load(folder(tmp_path))
    nxt, _, carried = carry_over(edited, fresh, fresh.bank)
    report = "\n".join(carried.report.lines(edited.name))
    planner = [e for e in nxt.payroll if e.name == "Planner (new)"]
    assert planner == [Employee("Planner (new)", D(3200), 1, start=dt.date(2025, 2, 1), wage_tax_rate=D("0.12"))]
    assert "carried (typed in the workbook): Payroll Planner (new)" in report
    assert nxt.payroll_settings.pay_day == 24 and "PayDay" in report
    assert len(nxt.payroll) == len(fresh.payroll) + 1
    # February's net pay of the new planner: 3,200 x (1 - 0.12) = 2,816 more on Monday 24 February
    run, before = fc.forecast(nxt), fc.forecast(fresh)
    feb = [i.amount for i in run.items if i.ref == "Nettoloon 2025-02"]
    assert [i.cash_date for i in run.items if i.ref == "Nettoloon 2025-02"] == [dt.date(2025, 2, 24)]
    assert feb[0] - next(i.amount for i in before.items if i.ref == "Nettoloon 2025-02") == D(-2816)
