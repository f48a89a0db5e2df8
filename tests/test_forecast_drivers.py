"""Cost drivers (issue 10 item 5): purchases follow the sales plan through the gross margin, stock days
and supplier terms; revenue-linked costs move with revenue; fixed costs stay. Numbers by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.company import sample_dir
from xlcapital.errors import InputError
from xlcapital.forecast import ExpectedSale, Inputs, Recurring, SalesPlan, Settings, analyse, forecast, load
from xlcapital.forecast.types import Scenario

START = date(2026, 4, 6)  # Monday; no balance date: the first day counted is the start itself


def company(margin: D | None = D("0.40")) -> Inputs:
    plan = SalesPlan(amount=D(10000), frequency="monthly", day=15, collection_days=30, gross_margin=margin,
                     stock_days=10, supplier_days=30)
    return Inputs(
        Settings(start=START, weeks=13, opening_balance=D(0)), sales=plan,
        expected_sales=[ExpectedSale(date(2026, 5, 20), D(5000), "deal")],
        recurring=[Recurring("Commission agents", "Commission", D(-500), "monthly", day=28, revenue_linked=True),
                   Recurring("Rent", "Rent", D(-1000), "monthly", day=1)])


def purchases(run) -> dict[int, D]:
    return {w.week: w.payments["Purchases"] for w in run.weeks if w.payments.get("Purchases")}


def test_purchases_follow_the_sales_plan_by_hand():
    run = forecast(company())
    # sale 15 Apr: bought 5 Apr, before the first day (6 Apr): in the payables already, not derived.
    # sale 15 May: bought 5 May, paid 30 days later on 4 Jun (day 59 after 6 Apr: week 9), 10,000 x 0.60.
    # sale 15 Jun: bought 5 Jun, paid 5 Jul (day 90: week 13), 6,000.
    # deal of 20 May (5,000): bought 10 May, paid 9 Jun (day 64: week 10), 5,000 x 0.60 = 3,000.
    assert purchases(run) == {9: D(-6000), 10: D(-3000), 13: D(-6000)}
    # the 12-month view: June holds 4 and 9 June (9,000), July 5 July (and the sale of 15 July: 5 Aug)
    months = {m.month: m.payments["Purchases"] for m in run.months if m.payments.get("Purchases")}
    assert months[3] == D(-9000) and months[4] == D(-6000) and months[5] == D(-6000)
    assert "Purchases" in run.payment_categories


def test_scenarios_and_stress_tests_move_purchases_and_variable_costs_not_fixed_ones():
    base, worse = forecast(company()), forecast(company(), Scenario("down", revenue_change=D("-0.30")))
    # 30 % less revenue: the purchases behind the sales are 30 % less too
    assert purchases(worse) == {9: D(-4200), 10: D(-2100), 13: D(-4200)}
    # commission (revenue-linked) 500 -> 350 on 28 Apr (week 4); rent (fixed) stays 1,000 on 1 May (week 4)
    assert base.weeks[3].payments["Commission"] == D(-500) and worse.weeks[3].payments["Commission"] == D(-350)
    assert base.weeks[3].payments["Rent"] == worse.weeks[3].payments["Rent"] == D(-1000)
    # paying suppliers 5 days later: 4 June -> 9 June and 9 June -> 14 June (both week 10), 5 July -> 10 July
    # (week 14, past the horizon)
    later = forecast(company(), Scenario("late", payment_delay_days=5))
    assert purchases(later) == {10: D(-9000)}
    # the named stress test runs through the same engine: revenue -30 % on the plain forecast
    stress = {r.name: r for r in analyse(company()).stress}["revenue -30%"]
    assert purchases(stress) == {9: D(-4200), 10: D(-2100), 13: D(-4200)}


def test_without_a_gross_margin_nothing_is_derived():
    run = forecast(company(margin=None))
    assert not any(i.source == "purchase" for i in run.items) and "Purchases" not in run.payment_categories


def test_sample_company_purchases_move_with_the_revenue_stress():
    inputs = load(sample_dir())
    base = forecast(inputs, "base")
    stress = forecast(inputs, "revenue -30%")
    # week 9 (3-9 March 2025): the sale of Friday 7 March, bought 45 days before (21 January) and paid
    # 45 days after that: 47,800 x 1.05 (March) x (1 - 0.35) = 32,623.50; 30 % less revenue: 22,836.45
    assert base.weeks[8].payments["Purchases"] == D("-32623.50")
    assert stress.weeks[8].payments["Purchases"] == D("-22836.45")


def test_bad_driver_inputs_get_a_clear_error(tmp_path):
    (tmp_path / "forecast.toml").write_text("[forecast]\nstart = 2026-04-06\n[sales]\ngross_margin = 1.2\n",
                                            encoding="utf-8")
    with pytest.raises(InputError, match=r"sales\.gross_margin: 1\.2 is above the maximum 1"):
        load(tmp_path)
    (tmp_path / "forecast.toml").write_text("[forecast]\nstart = 2026-04-06\n[sales]\nstock_days = -3\n",
                                            encoding="utf-8")
    with pytest.raises(InputError, match=r"sales\.stock_days"):
        load(tmp_path)
    (tmp_path / "forecast.toml").write_text("[forecast]\nstart = 2026-04-06\nopening_balance = 0\n", encoding="utf-8")
    (tmp_path / "recurring.csv").write_text(
        "name,category,amount,frequency,revenue_linked\nRent,Rent,-100,monthly,\nFreight,Freight,-5,monthly,yes\n",
        encoding="utf-8")
    # a variable cost is not a fixed cost (the cash buffer counts fixed costs only) unless the file says so
    assert [(r.name, r.fixed, r.revenue_linked) for r in load(tmp_path).recurring] == [
        ("Rent", True, False), ("Freight", False, True)]
    (tmp_path / "recurring.csv").write_text(
        "name,category,amount,frequency,revenue_linked\nRent,Rent,-100,monthly,yes\nFees,Fees,-5,monthly,maybe\n",
        encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(tmp_path)
    assert str(err.value).endswith("recurring.csv:3: revenue_linked: not yes or no: 'maybe'")
