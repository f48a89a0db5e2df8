"""Look-ahead: the committed payments of the 8 weeks after the horizon, and the low point they make."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlcapital.forecast import Inputs, Payable, Recurring, Settings, forecast

START = date(2026, 4, 6)  # Monday; 4 weeks end on Sunday 3 May, the look-ahead runs 4 May .. 28 June


def company() -> Inputs:
    return Inputs(
        Settings(start=START, weeks=4, opening_balance=D(20_000)),
        recurring=[
            Recurring("VAT Q1", "VAT", D(-5000), "quarterly", day=30, month=1),  # 30 April (week 4); 31 July: beyond
            Recurring("Holiday pay", "Salaries", D(-8000), "yearly", day=23, month=5),  # Sat 23 May: week 7
            Recurring("Loan ING", "Loan", D(-2500), "quarterly", day=30, month=3),  # 30 June: after the look-ahead
            Recurring("Rent received", "Rent", D(3000), "monthly", day=15),  # a receipt: never committed
        ],
        payables=[Payable("Wholesale", date(2026, 6, 1), D(1200), "P1")],  # Monday 1 June: week 9
    )


def test_committed_payments_after_the_horizon_by_hand():
    run = forecast(company())
    # the horizon: 20,000 + 3,000 (15 April) - 5,000 (30 April) = 18,000 after week 4
    assert [w.closing_cash for w in run.weeks] == [D(20_000), D(23_000), D(23_000), D(18_000)]
    ahead = run.lookahead
    assert [w.week for w in ahead] == [5, 6, 7, 8, 9, 10, 11, 12]
    assert (ahead[0].start, ahead[-1].end) == (date(2026, 5, 4), date(2026, 6, 28))
    # the forecast continued: holiday pay in week 7, the bill in week 9, the rent received on 15 May and 15 June
    assert [w.payments_total for w in ahead] == [0, 0, D(-8000), 0, D(-1200), 0, 0, 0]
    assert [w.receipts_total for w in ahead] == [0, D(3000), 0, 0, 0, 0, D(3000), 0]
    # 18,000 -> 21,000 -> 13,000 -> 11,800 -> 14,800
    assert [w.closing_cash for w in ahead] == [D(18_000), D(21_000), D(13_000), D(13_000), D(11_800), D(11_800),
                                               D(14_800), D(14_800)]
    # the committed payments, one by one (the receipts and the loan of 30 June are not among them)
    assert [(i.cash_date, i.ref, i.amount) for i in run.lookahead_items] == [
        (date(2026, 5, 23), "Holiday pay", D(-8000)), (date(2026, 6, 1), "P1", D(-1200))]
    # the low point the horizon hid
    assert (run.lowest_cash, run.lowest_with_lookahead) == (D(18_000), D(11_800))


def test_the_payment_delay_of_a_scenario_moves_a_bill_out_of_the_look_ahead():
    from xlcapital.forecast import Scenario

    run = forecast(company(), Scenario("late", payment_delay_days=28))  # 1 June + 28 = 29 June: after 28 June
    assert [i.ref for i in run.lookahead_items] == ["Holiday pay"]
    # 18,000 + 3,000 - 8,000 = 13,000 after week 7 is now the lowest
    assert run.lowest_with_lookahead == D(13_000)
