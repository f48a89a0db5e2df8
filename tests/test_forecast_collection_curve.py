"""Collections of new sales along a curve, and a per-invoice expected date (issue 10 item 6), by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.errors import InputError
from xlcapital.forecast import ExpectedSale, Inputs, Receivable, SalesPlan, Settings, analyse, forecast, load
from xlcapital.forecast.types import Scenario

START = date(2026, 4, 6)  # Monday; no balance date: the first day counted is the start itself


def curve_company() -> Inputs:
    # one sale of 10,000 on Friday 10 April: 50 % after 14 days, 30 % after 45, 20 % after 75
    plan = SalesPlan(collection_days=14, collection_days_2=45, collection_share_2=D("0.30"),
                     collection_days_3=75, collection_share_3=D("0.20"))
    return Inputs(Settings(start=START, weeks=13, opening_balance=D(0)), sales=plan,
                  expected_sales=[ExpectedSale(date(2026, 4, 10), D(10000), "order")])


def test_a_sale_is_collected_along_the_curve():
    run = forecast(curve_company())
    got = {w.week: w.receipts["Sales"] for w in run.weeks if w.receipts["Sales"]}
    # 10 Apr + 14 = 24 Apr (day 18 after 6 Apr: week 3) 5,000; + 45 = 25 May (day 49: week 8) 3,000;
    # + 75 = 24 Jun (day 79: week 12) 2,000
    assert got == {3: D(5000), 8: D(3000), 12: D(2000)}
    # all of it comes in once: the curve only spreads the sale
    assert sum(got.values()) == D(10000)
    # customers 10 days later and 20 % less revenue move every part: 4 May (week 5) 4,000, 4 Jun
    # (week 9) 2,400, 4 Jul (week 13) 1,600
    late = forecast(curve_company(), Scenario("x", revenue_change=D("-0.20"), collection_delay_days=10))
    assert {w.week: w.receipts["Sales"] for w in late.weeks if w.receipts["Sales"]} == {
        5: D(4000), 9: D(2400), 13: D(1600)}


def test_without_a_curve_one_lag_as_before():
    inputs = curve_company()
    inputs.sales = SalesPlan(collection_days=14)
    assert {w.week: w.receipts["Sales"] for w in forecast(inputs).weeks if w.receipts["Sales"]} == {3: D(10000)}


def test_an_expected_date_overrides_ageing_and_the_payment_delay():
    inputs = Inputs(Settings(start=START, weeks=9, opening_balance=D(0)), receivables=[
        # 45 days overdue on 6 April: aged, 90 % on 6 April + 28 = 4 May (week 5)
        Receivable("A", "A", date(2025, 11, 1), date(2026, 2, 20), D(2000)),
        # the same, but the customer promised 30 April (week 4): all of it then
        Receivable("B", "B", date(2025, 11, 1), date(2026, 2, 20), D(2000), expected_date=date(2026, 4, 30)),
        # not overdue (due 20 April, week 3) but expected later on 18 May (week 7)
        Receivable("C", "C", date(2026, 3, 20), date(2026, 4, 20), D(700), expected_date=date(2026, 5, 18)),
    ])
    got = {i.ref: (i.cash_date, i.week, i.amount) for i in forecast(inputs).items}
    assert got == {"A": (date(2026, 5, 4), 5, D("1800.0")), "B": (date(2026, 4, 30), 4, D(2000)),
                   "C": (date(2026, 5, 18), 7, D(700))}
    # only A's 10 % is a bad-debt allowance
    assert analyse(inputs).kpis["bad_debt_allowance"] == D(200)
    # the scenario's collection delay still moves a promised date: 30 April + 7 = 7 May (week 5)
    moved = {i.ref: i.cash_date for i in forecast(inputs, Scenario("x", collection_delay_days=7)).items}
    assert moved["B"] == date(2026, 5, 7)


def test_curve_and_expected_date_from_the_folder_with_clear_errors(tmp_path):
    (tmp_path / "forecast.toml").write_text(
        "[forecast]\nstart = 2026-04-06\nopening_balance = 0\n"
        "[sales]\ncollection_days = 14\ncollection_share_2 = '30%'\ncollection_days_2 = 45\n", encoding="utf-8")
    (tmp_path / "receivables.csv").write_text(
        "customer,invoice,invoice_date,due_date,amount,expected_date\nA,1,2026-03-01,2026-03-31,100,2026-04-15\n"
        "B,2,2026-03-01,2026-03-31,50,\n", encoding="utf-8")
    inputs = load(tmp_path)
    assert inputs.sales.collection_curve == ((14, D("0.70")), (45, D("0.30")), (90, D(0)))
    assert inputs.receivables[0].expected_date == date(2026, 4, 15) and inputs.receivables[1].expected_date is None
    (tmp_path / "forecast.toml").write_text(
        "[forecast]\nstart = 2026-04-06\n[sales]\ncollection_share_2 = 0.7\ncollection_share_3 = 0.4\n",
        encoding="utf-8")
    with pytest.raises(InputError, match=r"collection_share_2 \+ collection_share_3 is above 1"):
        load(tmp_path)
    (tmp_path / "forecast.toml").write_text("[forecast]\nstart = 2026-04-06\n", encoding="utf-8")
    (tmp_path / "receivables.csv").write_text(
        "customer,invoice,invoice_date,due_date,amount,expected_date\nA,1,2026-03-01,2026-03-31,100,soon\n",
        encoding="utf-8")
    with pytest.raises(InputError, match=r"receivables\.csv:2: expected_date"):
        load(tmp_path)


def concentrated() -> Inputs:
    inv = lambda c, n, due, amount, paid=None: Receivable(c, n, date(2026, 3, 1), due, D(amount), paid)  # noqa: E731
    return Inputs(Settings(start=START, weeks=9, opening_balance=D(0)), receivables=[
        inv("small BV", "1", date(2026, 4, 14), 4000),
        inv("Big NV", "2", date(2026, 4, 13), 3000),
        inv("big nv", "3", date(2026, 4, 20), 2000),  # the same customer (case is ignored): 5,000 open
        inv("small BV", "4", date(2026, 4, 1), 10000, paid=date(2026, 4, 1)),  # paid: not open
    ])


def test_largest_customer_stress_tests_by_hand():
    inputs = concentrated()
    receipts = lambda run: {w.week: w.receipts["Receivables"] for w in run.weeks if w.receipts["Receivables"]}  # noqa: E731
    # plain: 13 and 14 April in week 2 (7,000), 20 April in week 3
    assert receipts(forecast(inputs)) == {2: D(7000), 3: D(2000)}
    # Big NV (5,000 open against 4,000) pays 30 days late: 13 May (day 37: week 6), 20 May (day 44: week 7)
    assert receipts(forecast(inputs, "largest customer +30 days")) == {2: D(4000), 6: D(3000), 7: D(2000)}
    # Big NV defaults: its 5,000 never comes in
    stress = {r.name: r for r in analyse(inputs).stress}
    assert receipts(stress["largest customer defaults"]) == {2: D(4000)}
    assert stress["largest customer defaults"].weeks[-1].closing_cash == D(4000)
    # shown in the CLI and the JSON as the first open invoice spells it, with its open amount
    from xlcapital.cli.forecast import to_json
    from xlcapital.forecast.collections import largest_exposure

    assert largest_exposure(inputs.receivables) == ("Big NV", D(5000))
    assert to_json(analyse(inputs))["largest_customer"] == {"name": "Big NV", "open": "5000.00"}


def test_the_sample_uses_an_expected_date():
    from xlcapital.company import sample_dir

    run = forecast(load(sample_dir()), "base")
    (item,) = [i for i in run.items if i.ref == "VF24-0551"]
    # receivables.csv: 36,716.29 expected on Friday 7 February 2025 (week 5: 3-9 February), all of it
    assert (item.cash_date, item.week, item.amount) == (date(2025, 2, 7), 5, D("36716.29"))
