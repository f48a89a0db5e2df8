"""Overdue receivables are aged into buckets with a collection delay and share, not dumped in week 1."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.errors import InputError
from xlcapital.forecast import Inputs, Receivable, Settings, analyse, forecast, load
from xlcapital.forecast.types import Collections

START = date(2026, 4, 6)  # Monday; no balance date, so the first day counted is the start itself


def company(collections: Collections = Collections()) -> Inputs:
    inv = lambda name, due, amount: Receivable(name, name, date(2025, 11, 1), due, D(amount))  # noqa: E731
    return Inputs(Settings(start=START, weeks=9, opening_balance=D(0)), collections=collections, receivables=[
        inv("A", date(2026, 3, 27), 1000),  # 10 days overdue on 6 April: bucket 1-30
        inv("B", date(2026, 2, 20), 2000),  # 8 + 31 + 6 = 45 days: bucket 31-60
        inv("C", date(2026, 1, 20), 4000),  # 11 + 28 + 31 + 6 = 76 days: bucket 61-90
        inv("D", date(2025, 12, 1), 800),  # 30 + 31 + 28 + 31 + 6 = 126 days: over 90
        inv("E", date(2026, 4, 8), 500),  # not overdue: its own date
    ])


def test_aged_by_hand_with_the_default_buckets():
    run = forecast(company())
    got = {i.ref: (i.cash_date, i.week, i.amount) for i in run.items}
    # defaults: 1-30 days +14 days, all of it; 31-60 +28, 90 %; 61-90 +42, 75 %; over 90 +56, 50 %
    assert got == {
        "A": (date(2026, 4, 20), 3, D(1000)),
        "B": (date(2026, 5, 4), 5, D("1800.0")),
        "C": (date(2026, 5, 18), 7, D("3000.00")),
        "D": (date(2026, 6, 1), 9, D("400.0")),
        "E": (date(2026, 4, 8), 1, D(500)),
    }
    # week 1 holds only E: the overdue invoices are no longer dumped there
    assert run.weeks[0].receipts["Receivables"] == D(500)
    # what is not expected: 200 + 1,000 + 400
    assert analyse(company()).kpis["bad_debt_allowance"] == D(1600)


def test_buckets_from_forecast_toml(tmp_path):
    (tmp_path / "forecast.toml").write_text(
        "[forecast]\nstart = 2026-04-06\nweeks = 9\nopening_balance = 0\n"
        "[collections]\ndays_over_90 = 0\nshare_over_90 = '0%'\nshare_1_30 = 0.95\n", encoding="utf-8")
    (tmp_path / "receivables.csv").write_text(
        "customer,invoice,invoice_date,due_date,amount\nA,A,2025-11-01,2026-03-27,1000\nD,D,2025-11-01,2025-12-01,800\n",
        encoding="utf-8")
    inputs = load(tmp_path)
    assert inputs.collections.days == (14, 28, 42, 0) and inputs.collections.share[0] == D("0.95")
    got = {i.ref: (i.cash_date, i.amount) for i in forecast(inputs).items}
    # A: 6 April + 14, 95 % of 1,000; D: written off (share 0)
    assert got == {"A": (date(2026, 4, 20), D("950.00")), "D": (date(2026, 4, 6), D(0))}
    assert analyse(inputs).kpis["bad_debt_allowance"] == D(50) + D(800)
    (tmp_path / "forecast.toml").write_text("[forecast]\nstart = 2026-04-06\n[collections]\nshare_1_30 = 1.5\n",
                                            encoding="utf-8")
    with pytest.raises(InputError, match=r"collections\.share_1_30: 1\.5 is above the maximum 1"):
        load(tmp_path)


def test_a_known_expected_date_replaces_delay_and_aging(tmp_path):
    (tmp_path / "forecast.toml").write_text("[forecast]\nstart = 2026-04-06\nweeks = 9\nopening_balance = 0\n",
                                            encoding="utf-8")
    # D is 126 days overdue (over 90: half of it in 8 weeks by default) but promised in full on 15 April
    (tmp_path / "receivables.csv").write_text(
        "customer,invoice,invoice_date,due_date,amount,expected_date\n"
        "D,D,2025-11-01,2025-12-01,800,2026-04-15\nE,E,2026-03-01,2026-04-08,500,\n", encoding="utf-8")
    inputs = load(tmp_path)
    got = {i.ref: (i.cash_date, i.week, i.amount) for i in forecast(inputs).items}
    assert got == {"D": (date(2026, 4, 15), 2, D(800)), "E": (date(2026, 4, 8), 1, D(500))}
    assert analyse(inputs).kpis["bad_debt_allowance"] == 0
