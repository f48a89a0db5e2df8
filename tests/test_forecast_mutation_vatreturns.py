"""VAT returns (forecast/vatreturns.py) by hand: the edges of each period, the days around the first day
counted F, carried credits, what the bank and the recurring items add before F.

Quarterly filer, every amount including 21 % VAT (category "Rent" has rate 21): the VAT in an amount
is a x 0.21 / 1.21, so 121 holds 21, 242 holds 42, 605 holds 105, 1,210 holds 210, 2,420 holds 420.
Returns are due on the last day of the month after the quarter: Q1 on 30 April, Q2 on 31 July.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from types import SimpleNamespace

from xlcapital.bank.model import Statement, Transaction
from xlcapital.forecast.types import Category, Inputs, Recurring, Settings
from xlcapital.forecast.vat import VatReturn, VatSettings
from xlcapital.forecast.vatreturns import returns

Q1 = (date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 30))
Q2 = (date(2026, 4, 1), date(2026, 6, 30), date(2026, 7, 31))
F = date(2026, 4, 6)  # Monday: start and first day counted


def inputs(start: date = F, **vat) -> Inputs:
    return Inputs(Settings(start=start), vat=VatSettings(filing="quarterly", rates={"Rent": "21"}, **vat))


def item(source: str, day: date, amount: str, category: str = "Rent") -> SimpleNamespace:
    """An expanded cash item as the engine gives it: a sale's VAT is in its face value on its invoice date."""
    return SimpleNamespace(source=source, invoice_date=day, face=D(amount), base_date=day, amount=D(amount),
                           category=category)


def ret(period, output, input_, balance, carried="0", given=False) -> VatReturn:
    return VatReturn(*period, D(output), D(input_), D(balance), D(carried), given)


def assert_exact(got: list[VatReturn], expected: list[VatReturn]) -> None:
    assert got == expected
    for r in got:  # money is Decimal, the flag a bool (not 0 or None that compare equal)
        assert all(isinstance(v, D) for v in (r.output_vat, r.input_vat, r.balance, r.carried))
        assert isinstance(r.given, bool)


def test_the_first_and_last_day_of_a_quarter_count_in_it():
    items = [
        item("sale", date(2026, 4, 1), "121"),       # output 21, first day of Q2
        item("sale", date(2026, 6, 30), "242"),      # output 42, last day of Q2
        item("sale", date(2026, 7, 1), "1210"),      # Q3: not in these returns
        item("payable", date(2026, 4, 1), "-605"),   # input 105
        item("payable", date(2026, 6, 30), "-121"),  # input 21
        item("one-off", date(2026, 5, 10), "-1210"),  # input 210
        item("recurring", date(2026, 5, 1), "-2420", " rent "),  # input 420 (category compared folded)
        item("recurring", date(2026, 5, 25), "-9000", "Salaries"),  # no rate: no VAT
    ]
    # Q2: 63 - (105 + 21 + 210 + 420 = 756) = -693, refunded 31 July (the last day asked for)
    got = returns(inputs(), items, F, date(2026, 7, 31))
    assert_exact(got, [ret(Q1, "0", "0", "0"), ret(Q2, "63", "756", "-693")])
    # a day earlier the Q2 return is not yet due
    assert [r.due for r in returns(inputs(), items, F, date(2026, 7, 30))] == [date(2026, 4, 30)]


def test_a_positive_amount_of_one_euro_is_output_vat():
    # a one-off receipt of 1.00 in a rated category holds 0.21 / 1.21 of VAT, charged (output), not deducted
    got = returns(inputs(), [item("one-off", date(2026, 5, 4), "1.00")], F, date(2026, 7, 31))
    assert got[1].output_vat == D("1.00") * D("0.21") / D("1.21") and got[1].input_vat == 0


def test_a_refund_is_carried_forward_and_used_up():
    items = [item("payable", date(2026, 5, 1), "-1210"),  # Q2: input 210 -> refund of 210, carried
             item("sale", date(2026, 8, 3), "1452")]       # Q3: output 252
    got = returns(inputs(carry_forward=True), items, F, date(2026, 10, 31))
    q3 = (date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 31))
    # Q2 pays 0 and carries 210; Q3: 252 - 0 - 210 = 42 to pay
    assert_exact(got, [ret(Q1, "0", "0", "0"), ret(Q2, "0", "210", "0"), ret(q3, "252", "0", "42", carried="210")])


def test_a_small_positive_balance_is_paid_not_carried():
    # Q2 output 0.21 (a sale of 1.21): 0.21 to pay even with carry_forward on
    got = returns(inputs(carry_forward=True), [item("sale", date(2026, 5, 4), "1.21")], F, date(2026, 7, 31))
    assert got[1].balance == D("0.21") and got[1].carried == 0


def test_the_return_due_on_the_first_day_counted_is_in_and_given():
    # start Thursday 30 April: Q1's return is due that very day; [vat] last_return gives it
    got = returns(inputs(date(2026, 4, 30), last_return=D(500)), [], date(2026, 4, 30), date(2026, 7, 31))
    assert_exact(got, [ret(Q1, "0", "0", "500", given=True), ret(Q2, "0", "0", "0")])


def test_a_period_ending_on_the_start_day_is_not_given():
    # start Tuesday 31 March: Q1 has not ended before the start, so its return is derived, not last_return
    got = returns(inputs(date(2026, 3, 31), last_return=D(500)), [], date(2026, 3, 31), date(2026, 4, 30))
    assert_exact(got, [ret(Q1, "0", "0", "0")])


def test_a_return_due_before_the_first_day_counted_is_left_out():
    # start 9 February: Q4 2025's return was due 31 January, before F: paid already
    got = returns(inputs(date(2026, 2, 9)), [], date(2026, 2, 9), date(2026, 4, 30))
    assert [(r.first, r.due) for r in got] == [(date(2026, 1, 1), date(2026, 4, 30))]


def pay(day: date, amount: str, who: str = "Landlord BV") -> Transaction:
    return Transaction(day, D(amount), counterparty=who)


def test_before_f_the_bank_payments_in_a_rated_category_are_input_vat():
    i = inputs()
    i.settings = Settings(start=F, accounts=("NL01",))
    i.categories = [Category("Rent", "counterparty", "landlord")]
    i.bank = [
        Statement("NL01", transactions=[
            pay(date(2026, 1, 1), "-1210"),      # Q1's first day: input 210
            pay(date(2026, 2, 10), "0.50"),      # a receipt: not a payment
            pay(date(2026, 2, 11), "-500", "Bakker"),  # uncategorised: no VAT
            pay(date(2026, 4, 5), "-605"),       # the day before F, in Q2: input 105
            pay(date(2026, 4, 6), "-2420"),      # F itself: the forecast's items count from here, not the bank
        ]),
        Statement("NL02", transactions=[pay(date(2026, 2, 1), "-12100")]),  # not one of the forecast's accounts
    ]
    # shown by the bank: the recurring rent is not generated again
    i.recurring = [Recurring("Rent", "Rent", D("-2420"), "monthly", day=1)]
    got = returns(i, [], F, date(2026, 7, 31))
    assert_exact(got, [ret(Q1, "0", "210", "-210"), ret(Q2, "0", "105", "-105")])


def test_before_f_without_bank_data_the_recurring_items_are_generated_again():
    i = inputs()
    i.recurring = [
        Recurring("Rent", "Rent", D("-1210"), "monthly", day=1, start=date(2026, 2, 15)),  # 1 Mar, 1 Apr: 210 each
        Recurring("Cleaning", "Rent", D("-121"), "monthly", day=5, end=date(2026, 2, 28)),  # 5 Jan, 5 Feb: 21 each
        Recurring("Deposit", "Rent", D("-605"), "once", start=date(2026, 3, 20)),  # 105
        Recurring("Parking", "Rent", D("-242"), "monthly", day=5),  # 5 Jan, Feb, Mar (42 each); 5 Apr = F - 1 in Q2
        Recurring("Alarm", "Rent", D("-121"), "monthly", day=6),  # 6 Jan, Feb, Mar (21 each); 6 Apr = F: not here
        Recurring("Sublet", "Rent", D("121"), "monthly", day=20),  # received: output 21 on 20 Jan, Feb, Mar
        Recurring("Salaries", "Salaries", D("-9000"), "monthly", day=25),  # no rate
    ]
    # Q1: output 63; input 210 + 42 + 105 + 126 + 63 = 546. Q2 before F: 210 (1 Apr) + 42 (5 Apr) = 252
    got = returns(i, [], F, date(2026, 7, 31))
    assert_exact(got, [ret(Q1, "63", "546", "-483"), ret(Q2, "0", "252", "-252")])
