"""What the bank shows (forecast/actuals.py): several accounts listed, the days around the balance day,
the last booking before the start, and periods the bank data does not reach."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlcapital.bank.model import Statement, Transaction
from xlcapital.forecast.actuals import Ledger, counted, first_day, opening_cash, period_actuals
from xlcapital.forecast.types import Inputs, Settings

START = date(2026, 4, 6)  # Monday


def test_every_listed_account_counts():
    accounts = ("NL01INGB0001234567", "NL02ABNA0123456789")
    assert counted("NL01 INGB 0001 2345 67", accounts) and counted("nl02abna0123456789", accounts)
    assert not counted("NL03RABO0123456789", accounts)


def bank(*rows: tuple[date, str]) -> list[Statement]:
    return [Statement("NL01", transactions=[Transaction(d, D(a)) for d, a in rows])]


def test_the_balance_rolls_forward_over_every_day_after_the_balance_day():
    # 1,000 at the end of Wednesday 1 April; the 1 April booking is in it already;
    # 2 April (+10) and Sunday 5 April (-3) happen before the start; 6 April is week 1's
    inputs = Inputs(Settings(start=START, opening_balance=D(1000), balance_date=date(2026, 4, 1)),
                    bank=bank((date(2026, 4, 1), "500"), (date(2026, 4, 2), "10"), (date(2026, 4, 5), "-3"),
                              (date(2026, 4, 6), "7")))
    assert opening_cash(inputs) == D(1007)


def test_the_first_day_counted_follows_the_last_booking_before_the_start():
    # balance of 20 March; bookings on 25 March and 1 April: the last known cash is that of 1 April
    inputs = Inputs(Settings(start=START, opening_balance=D(0), balance_date=date(2026, 3, 20)),
                    bank=bank((date(2026, 3, 25), "1"), (date(2026, 4, 1), "1"), (date(2026, 4, 8), "1")))
    assert first_day(inputs) == date(2026, 4, 2)


def test_a_period_the_bank_does_not_reach_has_no_actuals():
    ledger = Ledger.of(Inputs(Settings(start=START), bank=bank((date(2026, 4, 7), "25"))))
    week1, week2 = period_actuals(ledger, START, D(100), [(START, date(2026, 4, 12)),
                                                          (date(2026, 4, 13), date(2026, 4, 19))])
    assert (week1.has_actuals, week1.flow, week1.closing) == (True, D(25), D(125))
    assert week2.has_actuals is False and week2.flow is None and week2.closing is None
