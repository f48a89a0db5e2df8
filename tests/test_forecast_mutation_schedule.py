"""Boundaries of the calendar rules (forecast/schedule.py) that the rule tests left open.

Every expected date is read off a calendar: 6 April 2026 is a Monday, 8 April a Wednesday.
"""

from __future__ import annotations

from datetime import date

from xlcapital.forecast.schedule import eomonth, occurrences, week_of

MONDAY = date(2026, 4, 6)
WEDNESDAY = date(2026, 4, 8)


def test_eomonth_without_months_is_the_end_of_the_same_month():
    # EOMONTH(d, 0): 10 February 2026 -> 28 February (2026 is no leap year)
    assert eomonth(date(2026, 2, 10)) == date(2026, 2, 28)


def test_a_window_of_one_day_holds_an_item_due_that_day():
    # lo == hi: the window [6 April, 6 April] is one day long, not empty
    assert occurrences("monthly", 6, 1, MONDAY, MONDAY) == [MONDAY]
    assert occurrences("weekly", 1, 1, MONDAY, MONDAY) == [MONDAY]  # day 1 = Monday
    assert occurrences("once", 1, 1, MONDAY, MONDAY, once=MONDAY) == [MONDAY]
    # hi one day before lo: empty
    assert occurrences("monthly", 6, 1, MONDAY, date(2026, 4, 5)) == []


def test_a_one_off_on_the_first_or_last_day_of_the_window_counts():
    lo, hi = MONDAY, date(2026, 4, 30)
    assert occurrences("once", 1, 1, lo, hi, once=lo) == [lo]
    assert occurrences("once", 1, 1, lo, hi, once=hi) == [hi]
    assert occurrences("once", 1, 1, lo, hi, once=date(2026, 4, 5)) == []
    assert occurrences("once", 1, 1, lo, hi, once=date(2026, 5, 1)) == []
    assert occurrences("once", 1, 1, lo, hi, once=None) == []


def test_weekly_on_a_day_earlier_in_the_week_than_the_window_start():
    # Monday (1) from Wednesday 8 April: the next Monday is 13 April, then 20 April
    assert occurrences("weekly", 1, 1, WEDNESDAY, date(2026, 4, 21)) == [date(2026, 4, 13), date(2026, 4, 20)]
    # Tuesday (2) from Wednesday: 14 April, the last day of the window
    assert occurrences("weekly", 2, 1, WEDNESDAY, date(2026, 4, 14)) == [date(2026, 4, 14)]


def test_weekly_on_the_last_day_of_the_window():
    # Friday (5) from Monday 6 April to Friday 10 April: the window's last day itself
    assert occurrences("weekly", 5, 1, MONDAY, date(2026, 4, 10)) == [date(2026, 4, 10)]


def test_week_of_the_start_day_and_the_day_before():
    assert week_of(MONDAY, MONDAY) == 1
    assert week_of(date(2026, 4, 5), MONDAY) == 1  # overdue
    assert week_of(date(2026, 4, 19), MONDAY) == 2  # Sunday of week 2
    assert week_of(date(2026, 4, 20), MONDAY) == 3
