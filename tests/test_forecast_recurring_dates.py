"""Recurring items with start and end dates, and items on the last day of the horizon: the week and
month each lands in, counted by hand from the calendar (docs/forecast-model.md sections 3 and 5).

The forecast starts on Monday 6 April 2026 with 13 weeks: week k runs from 6 April + 7(k - 1) days
for 7 days, so week 9 holds 1 June (56 days after the start), week 13 holds 29 June to Sunday 5 July,
the horizon's last day. Month 1 of the 12-month view is 6-30 April, month 2 May, ..., month 5 August.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from xlcapital.forecast.engine import expand, forecast
from xlcapital.forecast.inputs import Inputs, Recurring, Settings

START = date(2026, 4, 6)
LAST_DAY = date(2026, 7, 5)  # the 13th week's Sunday


def inputs(*recurring: Recurring) -> Inputs:
    return Inputs(Settings(start=START, weeks=13, opening_balance=Decimal(10_000)), recurring=list(recurring))


def landed(run_inputs: Inputs, name: str) -> list[tuple[date, int | None, int | None]]:
    return [(i.cash_date, i.week, i.month) for i in expand(run_inputs) if i.ref == name]


def test_a_monthly_item_between_its_start_and_end_dates():
    # rent from 15 May to 31 August on the 1st: 1 June, 1 July, 1 August (not 1 May, not 1 September)
    rent = Recurring("Rent", "Rent", Decimal(-2_000), "monthly", day=1, start=date(2026, 5, 15), end=date(2026, 8, 31))
    assert landed(inputs(rent), "Rent") == [
        (date(2026, 6, 1), 9, 3),  # 56 days after the start: week 9; June is month 3
        (date(2026, 7, 1), 13, 4),  # 86 days: week 13
        (date(2026, 8, 1), None, 5),  # after the weekly horizon, in the 12-month view
    ]
    run = forecast(inputs(rent))
    assert [w.payments["Rent"] for w in run.weeks] == [0] * 8 + [Decimal(-2_000), 0, 0, 0, Decimal(-2_000)]
    assert [m.payments["Rent"] for m in run.months[:6]] == [0, 0, Decimal(-2_000), Decimal(-2_000), Decimal(-2_000), 0]
    # the cash: 10,000 - 2,000 - 2,000 after week 13
    assert run.weeks[-1].closing_cash == Decimal(6_000)


def test_a_start_before_the_forecast_and_an_end_inside_it():
    # a lease that started in January and ends on 30 April, paid on the 10th: only 10 April is left
    lease = Recurring("Lease", "Lease", Decimal(-450), "monthly", day=10, start=date(2026, 1, 1), end=date(2026, 4, 30))
    assert landed(inputs(lease), "Lease") == [(date(2026, 4, 10), 1, 1)]


def test_a_quarterly_item_on_a_short_month_s_last_day_until_its_end():
    # day 31 in January, April, July, October: 30 April (April has 30 days), 31 July, 31 October;
    # the end date 31 December 2026 leaves out 31 January 2027
    tax = Recurring("VAT", "Tax", Decimal(-3_000), "quarterly", day=31, month=1, end=date(2026, 12, 31))
    assert landed(inputs(tax), "VAT") == [
        (date(2026, 4, 30), 4, 1),  # 24 days after the start: week 4
        (date(2026, 7, 31), None, 4),
        (date(2026, 10, 31), None, 7),
    ]


def test_an_item_due_on_the_horizon_s_last_day_counts_and_the_next_day_does_not():
    last = Recurring("Last", "Insurance", Decimal(-700), "once", start=LAST_DAY)
    after = Recurring("After", "Insurance", Decimal(-800), "once", start=date(2026, 7, 6))
    run_inputs = inputs(last, after)
    assert landed(run_inputs, "Last") == [(LAST_DAY, 13, 4)]
    assert landed(run_inputs, "After") == [(date(2026, 7, 6), None, 4)]
    run = forecast(run_inputs)
    assert run.weeks[-1].end == LAST_DAY and run.weeks[-1].days == 7
    assert run.weeks[-1].payments["Insurance"] == Decimal(-700)  # only the one on the last day
    assert run.months[3].payments["Insurance"] == Decimal(-1_500)  # July holds both
    assert run.weeks[-1].closing_cash == Decimal(9_300)


def test_a_weekly_item_on_sundays_includes_the_last_day():
    # every Sunday from 12 April to 5 July: 13 Sundays, one per week
    cleaning = Recurring("Cleaning", "Services", Decimal(-100), "weekly", day=7, end=LAST_DAY)
    dates = [d for d, _, _ in landed(inputs(cleaning), "Cleaning")]
    assert len(dates) == 13 and dates[0] == date(2026, 4, 12) and dates[-1] == LAST_DAY
    assert [w.payments["Services"] for w in forecast(inputs(cleaning)).weeks] == [Decimal(-100)] * 13


def test_period_lengths():
    run = forecast(inputs())
    assert {w.days for w in run.weeks} == {7}
    # month 1 is 6-30 April (25 days), then whole months: May 31, June 30, July 31
    assert [m.days for m in run.months[:4]] == [25, 31, 30, 31]
