"""Monthly use: last month's workbook carries over, and its past weeks get a Variance sheet."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from tests.test_workbook_engine import company
from tests.workbook_check import lo_values, read_uno  # noqa: F401  (fixture)
from xlcapital import forecast as fc
from xlcapital.bank.model import Statement, Transaction, assign_keys
from xlcapital.cli import main
from xlcapital.forecast.learn import classify
from xlcapital.workbook import generate
from xlcapital.workbook.api import load_inputs
from xlcapital.workbook.generator import Generator
from xlcapital.workbook.previous import TOTAL, carry_over, read_workbook


def same_forecast(a: fc.Inputs, b: fc.Inputs) -> None:
    """Both inputs give the same analysis: every run's weeks, the stress tests, triggers and KPIs."""
    x, y = fc.analyse(a), fc.analyse(b)
    assert [w.closing_cash for w in x.default.weeks] == [w.closing_cash for w in y.default.weeks]
    assert [(w.receipts, w.payments) for w in x.default.weeks] == [(w.receipts, w.payments) for w in y.default.weeks]
    assert {n: r.lowest_cash for n, r in x.scenarios.items()} == {n: r.lowest_cash for n, r in y.scenarios.items()}
    assert [r.lowest_cash for r in x.stress] == [r.lowest_cash for r in y.stress]
    assert [(t.rule, t.status, t.first_week, t.owner) for t in x.triggers] == \
           [(t.rule, t.status, t.first_week, t.owner) for t in y.triggers]
    assert x.kpis == y.kpis


def test_the_sample_workbook_reads_back_to_the_same_inputs(tmp_path):
    inputs, statements = load_inputs(None)
    path = tmp_path / "last.xlsx"
    generate(inputs, path, statements=statements)
    back, bank, scenario = read_workbook(path)
    assert scenario == "base"
    same_forecast(inputs, back)
    assert [(r.customer, r.invoice, r.due_date, r.amount, r.paid_date) for r in back.receivables] == \
           [(r.customer, r.invoice, r.due_date, r.amount, r.paid_date) for r in inputs.receivables]
    assert [t.key for s in bank for t in s.transactions] == [t.key for s in statements for t in s.transactions]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=company())
def test_any_workbook_reads_back_to_the_same_forecast(tmp_path_factory, case):
    inputs, _ = case
    path = tmp_path_factory.mktemp("back") / "last.xlsx"
    generate(inputs, path)
    same_forecast(inputs, read_workbook(path)[0])


def next_export(start: dt.date) -> Statement:
    """What really happened in the first weeks of January 2025 (the bank's next export), from ``start``."""
    actual = Statement("NL67INGB0006543210", "EUR", [
        Transaction(start + dt.timedelta(days=1), Decimal("15000.00"), counterparty="Woonstichting Eemland",
                    description="Betaling factuur VF24-0700"),
        Transaction(start + dt.timedelta(days=3), Decimal("-6250.00"), counterparty="Vastgoed BV", description="Huur"),
        Transaction(start + dt.timedelta(days=9), Decimal("2140.55"), counterparty="Stichting Mollie Payments",
                    description="Uitbetaling"),
        Transaction(start + dt.timedelta(days=30), Decimal("-99.99"), counterparty="KPN", description="Telefoon"),
        Transaction(start + dt.timedelta(days=28), Decimal("777.77"), counterparty="X", description="3 February"),
    ])
    assign_keys(actual.transactions, actual.account)
    return actual


@pytest.mark.libreoffice
def test_next_month_carries_over_and_shows_the_variance(lo_values, tmp_path):
    inputs, statements = load_inputs(None)
    last = tmp_path / "2025-01.xlsx"
    generate(inputs, last, statements=statements)
    start = inputs.settings.start  # Monday 6 January 2025
    actual = next_export(start)
    new_start = dt.date(2025, 2, 3)  # --month 2025-02
    # booked before the new start (the 777.77 of 3 February and the KPN bill come after it)
    moved = Decimal("15000.00") - Decimal("6250.00") + Decimal("2140.55")

    nxt, merged, carried = carry_over(last, dataclasses.replace(
        inputs, settings=dataclasses.replace(inputs.settings, start=new_start)), [*statements, actual])
    assert nxt.settings.start == new_start
    # the bank balance of 31 December 2024 carries over and is rolled to 3 February by January's bookings
    assert (nxt.settings.opening_balance, nxt.settings.balance_date) == (Decimal("87725.84"), dt.date(2024, 12, 31))
    assert fc.opening_cash(nxt) == Decimal("87725.84") + moved
    assert sum(len(s.transactions) for s in merged) == sum(len(s.transactions) for s in statements) + 5
    assert [w for w, _ in carried.weeks] == [1, 2, 3, 4]  # weeks ending before 3 February

    path = tmp_path / "2025-02.xlsx"
    cells = Generator(previous=carried).write(nxt, path, merged)
    names = ["table.Variance.Week", "table.Variance.Category", "table.Variance.Forecast", "table.Variance.Actual",
             "table.Variance.Variance"]
    got = read_uno(lo_values, path, cells, [*names, "settings.OpeningBalance"])
    assert got["settings.OpeningBalance"][0] == pytest.approx(float(Decimal("87725.84") + moved), abs=0.005)
    rows = list(zip(*(got[n] for n in names)))

    # the independent expectation: the engine's forecast of last month, the bank sums by rule and week
    run = fc.forecast(inputs, "base")
    txs = [t for s in merged for t in s.transactions]
    cats = classify(txs, inputs.categories)
    assert len(rows) == 4 * (1 + len(carried.categories))
    for week, category, forecast, actual_value, variance in rows:
        w = run.weeks[int(week) - 1]
        inside = [(t, c) for t, c in zip(txs, cats) if w.week_start <= t.booking_date <= w.week_end]
        if category == TOTAL:
            want_f = w.net_flow
            want_a = sum((t.amount for t, _ in inside), Decimal(0))
        else:
            want_f = w.receipts.get(category, Decimal(0)) + w.payments.get(category, Decimal(0))
            want_a = sum((t.amount for t, c in inside if c == category), Decimal(0))
        assert abs(forecast - float(want_f)) < 0.005, (week, category)
        assert abs(actual_value - float(want_a)) < 0.005, (week, category)
        assert abs(variance - (actual_value - forecast)) < 0.005
    # week 1 (6-12 January): 15000 in, 6250 out; the Mollie payout of 15 January is in week 2
    total1 = next(r for r in rows if r[0] == 1 and r[1] == TOTAL)
    assert total1[3] == pytest.approx(15000 - 6250)


def test_cli_previous_adds_the_variance_sheet(tmp_path, capsys):
    last = tmp_path / "2025-01.xlsx"
    assert main(["generate", "-o", str(last)]) == 0
    nxt = tmp_path / "2025-02.xlsx"
    assert main(["generate", "-o", str(nxt), "--month", "2025-02", "--previous", str(last)]) == 0
    assert "variance of 4 past weeks" in capsys.readouterr().out
    import openpyxl

    wb = openpyxl.load_workbook(nxt)
    assert "Variance" in wb.sheetnames and "Variance" in wb["Variance"].tables
    assert main(["generate", "-o", str(tmp_path / "x.xlsx"), "--previous", str(tmp_path / "missing.xlsm")]) == 2
