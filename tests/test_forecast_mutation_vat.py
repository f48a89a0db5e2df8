"""VAT rules (forecast/vat.py): filing periods read off the calendar, gross amounts, the double-count warning."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.forecast.types import Recurring
from xlcapital.forecast.vat import VatReturn, VatSettings, double_counted, due_date, period_of, vat_part

QUARTERS = [(date(2025, 1, 1), date(2025, 3, 31)), (date(2025, 4, 1), date(2025, 6, 30)),
            (date(2025, 7, 1), date(2025, 9, 30)), (date(2025, 10, 1), date(2025, 12, 31))]


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_falls_in_its_quarter_year_and_month(month):
    day = date(2025, month, 1 if month % 2 else 28)
    assert period_of(day, "quarterly") == QUARTERS[(month - 1) // 3]
    assert period_of(day, "yearly") == (date(2025, 1, 1), date(2025, 12, 31))
    first, last = period_of(day, "monthly")
    assert first == date(2025, month, 1) and last.month == month and (last.day in (28, 30, 31))


def test_monthly_periods_end_on_the_calendar_last_day():
    assert period_of(date(2024, 2, 29), "monthly") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_of(date(2025, 4, 30), "monthly") == (date(2025, 4, 1), date(2025, 4, 30))
    assert period_of(date(2025, 12, 31), "quarterly") == (date(2025, 10, 1), date(2025, 12, 31))
    # due the last day of the month after: Q4 2025 -> 31 January 2026, Feb 2024 -> 31 March 2024
    assert due_date(date(2025, 12, 31)) == date(2026, 1, 31)
    assert due_date(date(2024, 2, 29)) == date(2024, 3, 31)


def test_gross_adds_vat_only_when_the_engine_is_on_and_amounts_exclude_it():
    assert VatSettings(filing="quarterly", amounts="excl").gross(D("100")) == D("121.00")
    assert VatSettings(filing="quarterly", amounts="excl", sales_rate="9").gross(D("100")) == D("109.00")
    assert VatSettings(filing="quarterly", amounts="incl").gross(D("100")) == D("100")
    assert VatSettings(filing="none", amounts="excl").gross(D("100")) == D("100")  # no VAT engine: as given


def test_vat_part_of_exempt_reverse_and_zero_is_nothing():
    for code in ("0", "exempt", "reverse"):
        assert vat_part(D("121"), code) == 0
    assert vat_part(D("-109"), "9") == D("-9")


def test_a_return_nets_output_against_input():
    r = VatReturn(date(2025, 1, 1), date(2025, 3, 31), date(2025, 4, 30), D("3150"), D("1260"), D("1890"))
    assert r.net == D("1890")
    assert r.label == "2025-Q1"
    assert VatReturn(date(2025, 10, 1), date(2025, 12, 31), date(2026, 1, 31), D(0), D(5), D(-5)).net == D(-5)
    assert VatReturn(date(2025, 10, 1), date(2025, 12, 31), date(2026, 1, 31), D(0), D(5), D(-5)).label == "2025-Q4"
    assert VatReturn(date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 31), D(0), D(0), D(0)).label == "2025"
    assert VatReturn(date(2025, 2, 1), date(2025, 2, 28), date(2025, 3, 31), D(0), D(0), D(0)).label == "2025-02"


def rec(name: str, category: str) -> Recurring:
    return Recurring(name, category, D("-100"), "monthly")


def test_recurring_vat_rows_are_flagged_only_when_the_engine_is_on():
    rows = [rec("Rent", "Rent"), rec("VAT Q", " vat "), rec("VAT old", "VAT")]
    (warning,) = double_counted(VatSettings(filing="quarterly"), rows)
    assert "recurring.csv" in warning
    assert "VAT Q, VAT old" in warning  # the names of the rows, listed
    assert "twice" in warning
    assert double_counted(VatSettings(filing="none"), rows) == []
    assert double_counted(VatSettings(filing="monthly"), [rec("Rent", "Rent")]) == []
