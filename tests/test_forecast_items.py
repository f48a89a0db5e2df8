"""The structure of the engine's output, counted by hand: every kind of cash item with its source,
reference, party, shift and the week and month it lands in; the window's last day; month 13; the
category rows; the overdraft and buffer flags exactly at their thresholds (docs/forecast-model.md
sections 3, 6 and 7). New file: tests/test_forecast_engine.py is the forecast helper's.

The forecast starts on Monday 6 April 2026: week k holds the days 6 April + 7(k - 1) .. + 6, so a
date d is in week (d - 6 April) // 7 + 1. Month 1 is 6-30 April, month 2 May, ... month 12 March
2027; 13 weeks end on 5 July 2026 and the 12-month view on 31 March 2027, the last day kept.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlcapital.forecast.engine import expand, forecast
from xlcapital.forecast.inputs import (
    PAYABLES,
    RECEIVABLES,
    SALES,
    ExpectedSale,
    Inputs,
    OneOff,
    Payable,
    Receivable,
    Recurring,
    Scenario,
    Settings,
)

START = date(2026, 4, 6)

LATE = Scenario(name="late", revenue_change=D("-0.10"), collection_delay_days=10, payment_delay_days=5,
                interest_rate_change=D("0.02"), one_offs=(OneOff(date(2026, 5, 4), D(-2_500), "Tax", "Aanslag VPB"),))


def company(**settings) -> Inputs:
    return Inputs(
        Settings(**{"start": START, "weeks": 13, "opening_balance": D(10_000), "overdraft_rate": D("0.05"), **settings}),
        receivables=[
            Receivable("Acme", "F1", date(2026, 3, 20), date(2026, 4, 20), D(1_000)),
            Receivable("Paid BV", "F0", date(2026, 3, 1), date(2026, 3, 31), D(5_000), paid_date=date(2026, 3, 30)),
        ],
        expected_sales=[ExpectedSale(date(2026, 4, 10), D(800), "Order 12"), ExpectedSale(date(2026, 5, 1), D(200))],
        payables=[
            Payable("Office BV", date(2026, 4, 30), D(300), "P7"),
            Payable("Auditor", date(2027, 3, 26), D(400), "P8"),  # + 5 days: 31 March 2027, the last day kept
            Payable("Auditor", date(2027, 3, 28), D(900), "P9"),  # + 5 days: 2 April 2027, after the window
        ],
        recurring=[
            Recurring("Interest", "Interest income", D("0.50"), "monthly", day=28, end=date(2026, 4, 30)),
            Recurring("Year end", "Audit", D(-1_200), "once", start=date(2027, 3, 31)),
        ],
        scenarios=[LATE],
    )


def test_every_item_with_its_source_shift_week_and_month():
    got = [(i.source, i.ref, i.party, i.category, i.base_date, i.shift_kind, i.shift, i.cash_date, i.week, i.month,
            i.amount) for i in expand(company(), LATE)]
    assert got == [
        # due 20 April, collected 10 days late: 30 April, 24 days after the start -> week 4, month 1
        ("receivable", "F1", "Acme", RECEIVABLES, date(2026, 4, 20), "collection", 10, date(2026, 4, 30), 4, 1, D(1_000)),
        # invoiced 10 April + 30 days' collection = 10 May, + 10 late = 20 May (44 days: week 7); 800 x 0.90
        ("sale", "Order 12", "", SALES, date(2026, 5, 10), "collection", 10, date(2026, 5, 20), 7, 2, D(720)),
        # no description: the invoice date names it; 31 May + 10 = 10 June (65 days: week 10); 200 x 0.90
        ("sale", "2026-05-01", "", SALES, date(2026, 5, 31), "collection", 10, date(2026, 6, 10), 10, 3, D(180)),
        # due 30 April, paid 5 days late: 5 May (29 days: week 5)
        ("payable", "P7", "Office BV", PAYABLES, date(2026, 4, 30), "payment", 5, date(2026, 5, 5), 5, 2, D(-300)),
        ("payable", "P8", "Auditor", PAYABLES, date(2027, 3, 26), "payment", 5, date(2027, 3, 31), None, 12, D(-400)),
        # 28 April (22 days: week 4); the end date 30 April leaves no May
        ("recurring", "Interest", "", "Interest income", date(2026, 4, 28), "none", 0, date(2026, 4, 28), 4, 1,
         D("0.50")),
        ("recurring", "Year end", "", "Audit", date(2027, 3, 31), "none", 0, date(2027, 3, 31), None, 12, D(-1_200)),
        # 4 May (28 days: week 5); a one-off is never shifted
        ("one-off", "Aanslag VPB", "", "Tax", date(2026, 5, 4), "none", 0, date(2026, 5, 4), 5, 2, D(-2_500)),
    ]


def test_the_run_carries_its_items_rows_rate_and_name():
    inputs = company()
    run = forecast(inputs, "late")
    assert run.name == "late" and run.scenario is LATE
    assert run.items == expand(inputs, LATE)
    # rows: fixed ones first, then in the order met; a category is a receipt row when an amount is > 0
    assert run.receipt_categories == [RECEIVABLES, SALES, "Interest income"]
    assert run.payment_categories == [PAYABLES, "Audit", "Tax"]
    assert run.rate == D("0.07")  # 5 % + 2 percentage points
    week4 = run.weeks[3]
    assert (week4.receipts[RECEIVABLES], week4.receipts["Interest income"]) == (D(1_000), D("0.50"))
    # week 5: the payable 300 and the one-off 2,500
    assert (run.weeks[4].payments[PAYABLES], run.weeks[4].payments["Tax"]) == (D(-300), D(-2_500))
    # month 12 holds the two items of 31 March 2027
    assert (run.months[11].payments[PAYABLES], run.months[11].payments["Audit"]) == (D(-400), D(-1_200))
    plain = forecast(inputs)
    assert plain.name == "plain" and plain.rate == D("0.05")
    assert plain.weeks[2].receipts[RECEIVABLES] == D(1_000)  # 20 April, on time: week 3


def test_a_long_horizon_reaches_past_month_12():
    # 60 weeks end on 30 May 2027; 15 April 2027 is 374 days after the start (week 54) and in month 13
    inputs = Inputs(Settings(start=START, weeks=60),
                    recurring=[Recurring("Late", "Audit", D(-5), "once", start=date(2027, 4, 15))])
    (item,) = expand(inputs)
    assert (item.week, item.month) == (54, None)
    run = forecast(inputs)
    assert len(run.weeks) == 60 and len(run.months) == 12
    assert run.weeks[53].payments["Audit"] == D(-5)


def test_flags_exactly_at_the_buffer_and_at_the_limit():
    def week_flags(payment: D):
        inputs = Inputs(Settings(start=START, weeks=2, opening_balance=D(500), credit_limit=D(1_000),
                                 minimum_buffer=D(500)),
                        recurring=[Recurring("Big", "Supplies", payment, "once", start=date(2026, 4, 13))])
        return [(w.closing_cash, w.headroom, w.below_buffer, w.limit_breached) for w in forecast(inputs).weeks]

    # week 1: 500, exactly the buffer: not below it. Week 2: 500 - 1,500 = -1,000, exactly the limit
    # (no interest: the rate is 0): below the buffer, not beyond the limit; headroom -1,000 + 1,000 = 0
    assert week_flags(D(-1_500)) == [(D(500), D(1_500), False, False), (D(-1_000), D(0), True, False)]
    # one cent more is a breach
    assert week_flags(D("-1500.01"))[1] == (D("-1000.01"), D("-0.01"), True, True)
