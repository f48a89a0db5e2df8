"""Calendar rules of docs/forecast-model.md sections 2 and 5, against dates read off a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from xlcapital.forecast.schedule import day_in_month, eomonth, month_bounds, month_of, occurrences, view_end, week_of

START = date(2026, 4, 6)  # a Monday


def ds(*texts: str) -> list[date]:
    return [date.fromisoformat(t) for t in texts]


def test_weeks_run_monday_to_sunday_and_overdue_lands_in_week_1():
    assert week_of(date(2026, 4, 6), START) == 1
    assert week_of(date(2026, 4, 12), START) == 1  # Sunday
    assert week_of(date(2026, 4, 13), START) == 2
    assert week_of(date(2026, 1, 1), START) == 1  # overdue
    # a receivable due Wednesday of week 3 with a 14-day delay lands in week 5
    assert week_of(date(2026, 4, 22), START) == 3
    assert week_of(date(2026, 5, 6), START) == 5


def test_month_view_month_1_is_the_rest_of_the_start_month():
    assert month_of(date(2026, 4, 30), START) == 1
    assert month_of(date(2026, 3, 1), START) == 1  # overdue
    assert month_of(date(2026, 5, 1), START) == 2
    assert month_of(date(2027, 3, 31), START) == 12
    assert month_of(date(2027, 4, 1), START) == 13
    assert month_bounds(START, 1) == (START, date(2026, 4, 30))
    assert month_bounds(START, 2) == (date(2026, 5, 1), date(2026, 5, 31))
    assert month_bounds(START, 12) == (date(2027, 3, 1), date(2027, 3, 31))
    # V = MAX(E_N + 56, EOMONTH(S_1, 11)): 13 weeks + 8 of look-ahead end on 30 August 2026, month 12 on 31 March 2027
    assert view_end(START, 13) == date(2027, 3, 31)
    assert view_end(START, 60) == date(2027, 7, 25)  # 6 Apr 2026 + 7 x 68 - 1 = 475 days


def test_eomonth_and_short_months():
    assert eomonth(date(2026, 1, 15), 0) == date(2026, 1, 31)
    assert eomonth(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert eomonth(date(2027, 12, 1), 2) == date(2028, 2, 29)
    assert eomonth(date(2026, 3, 10), -3) == date(2025, 12, 31)
    assert day_in_month(2026, 4, 31) == date(2026, 4, 30)
    assert day_in_month(2028, 2, 30) == date(2028, 2, 29)
    assert day_in_month(2026, 13, 5) == date(2027, 1, 5)  # DATE carries the month


def test_monthly_day_31_gives_the_last_day_of_short_months():
    got = occurrences("monthly", 31, 1, date(2026, 1, 1), date(2026, 6, 30))
    assert got == ds("2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30")
    leap = occurrences("monthly", 30, 1, date(2028, 1, 1), date(2028, 3, 31))
    assert leap == ds("2028-01-30", "2028-02-29", "2028-03-30")


def test_monthly_window_bounds_are_inclusive():
    assert occurrences("monthly", 6, 1, START, date(2026, 6, 6)) == ds("2026-04-06", "2026-05-06", "2026-06-06")
    assert occurrences("monthly", 5, 1, START, date(2026, 6, 4)) == ds("2026-05-05")


def test_weekly_day_of_week():
    # Friday (5) from Monday 6 April: 10, 17, 24 April
    assert occurrences("weekly", 5, 1, START, date(2026, 4, 26)) == ds("2026-04-10", "2026-04-17", "2026-04-24")
    # Monday (1) includes the window start itself
    assert occurrences("weekly", 1, 1, START, date(2026, 4, 20)) == ds("2026-04-06", "2026-04-13", "2026-04-20")
    # Sunday (7) from a Wednesday
    assert occurrences("weekly", 7, 1, date(2026, 4, 8), date(2026, 4, 19)) == ds("2026-04-12", "2026-04-19")
    assert occurrences("weekly", 3, 1, date(2026, 4, 9), date(2026, 4, 14)) == []


def test_quarterly_vat_and_other_anchors():
    # VAT: month 1, day 31 -> 31 Jan, 30 Apr, 31 Jul, 31 Oct (Dutch quarterly VAT due dates)
    got = occurrences("quarterly", 31, 1, START, date(2027, 3, 31))
    assert got == ds("2026-04-30", "2026-07-31", "2026-10-31", "2027-01-31")
    # anchor November: Feb, May, Aug, Nov
    got = occurrences("quarterly", 15, 11, date(2026, 1, 1), date(2026, 12, 31))
    assert got == ds("2026-02-15", "2026-05-15", "2026-08-15", "2026-11-15")


def test_yearly_and_once():
    assert occurrences("yearly", 23, 5, START, date(2027, 5, 22)) == ds("2026-05-23")
    assert occurrences("yearly", 23, 5, START, date(2027, 6, 30)) == ds("2026-05-23", "2027-05-23")
    assert occurrences("yearly", 29, 2, date(2027, 1, 1), date(2028, 12, 31)) == ds("2027-02-28", "2028-02-29")
    assert occurrences("once", 1, 1, START, date(2026, 12, 31), once=date(2026, 7, 1)) == ds("2026-07-01")
    assert occurrences("once", 1, 1, START, date(2026, 12, 31), once=date(2026, 3, 1)) == []


def test_empty_window():
    assert occurrences("monthly", 1, 1, date(2026, 5, 2), date(2026, 5, 1)) == []


@pytest.mark.parametrize("frequency,interval", [("monthly", 1), ("quarterly", 3), ("yearly", 12)])
def test_occurrences_are_interval_months_apart(frequency, interval):
    got = occurrences(frequency, 15, 2, date(2026, 1, 1), date(2029, 12, 31))
    months = [d.year * 12 + d.month for d in got]
    assert all(b - a == interval for a, b in zip(months, months[1:]))
    assert all(d.day == 15 for d in got)
