"""Learning (forecast/learn.py) at its edges: same-day and 1.00 payments, a debit never pays, customers
without paid invoices, delays and lags that would go below 0, half-way roundings, the month bounds of
[history], an IBAN written with spaces, a history that starts on a Monday."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlcapital.bank.model import Transaction
from xlcapital.forecast import Category, Customer, Financials, History, Receivable
from xlcapital.forecast import learn

START = date(2026, 4, 6)  # Monday


def tx(day: date, amount: str, description: str = "", counterparty: str = "", iban: str = "") -> Transaction:
    return Transaction(day, D(amount), counterparty=counterparty, counterparty_iban=iban, description=description)


def inv(number: str, amount: str, invoiced: date, due: date, customer: str = "Acme", paid: date | None = None):
    return Receivable(customer, number, invoiced, due, D(amount), paid_date=paid)


def test_a_credit_on_the_invoice_date_and_one_of_1_00_pay_their_invoices():
    rs = [inv("F1", "250", date(2026, 3, 2), date(2026, 4, 1)), inv("F7", "1.00", date(2026, 3, 2), date(2026, 4, 1))]
    got = learn.match_payments(rs, [tx(date(2026, 3, 2), "250", "F1"), tx(date(2026, 3, 9), "1.00", "factuur F7")])
    assert [r.paid_date for r in got] == [date(2026, 3, 2), date(2026, 3, 9)]


def test_a_debit_never_pays_an_open_credit_note():
    rs = [inv("CN1", "-50", date(2026, 3, 2), date(2026, 3, 2))]
    got = learn.match_payments(rs, [tx(date(2026, 3, 5), "-50", "refund CN1")])
    assert got[0].paid_date is None


def test_customers_without_paid_invoices_count_none():
    rs = [inv("F1", "100", date(2026, 1, 1), date(2026, 1, 31), "Beta")]
    got = learn.customer_delays(rs, [("Zeta", 5)], 7, "dso")
    assert got == [Customer("Zeta", 5, "given", 0), Customer("Beta", 7, "dso", 0)]


def money(revenue: str, days: int, opening: str, closing: str) -> Financials:
    return Financials(revenue=D(revenue), cogs=D(1), inventory=D(0), receivables_opening=D(opening),
                      receivables_closing=D(closing), days=days)


def test_the_company_dso_uses_the_periods_days():
    # a quarter of 90 days: revenue 90,000 is 1,000 a day; average receivables 45,000: DSO 45
    assert learn.collection_days([], money("90000", 90, "40000", "50000")) == (45, "dso")
    assert learn.company_dso(money("90000", 90, "40000", "50000")) == 45


def test_delays_and_lags_do_not_go_below_zero_days():
    # DSO 20 with 30-day terms: customers pay 10 days early on average -> 0, not -10
    terms30 = [inv("F1", "1", date(2026, 1, 1), date(2026, 1, 31))]
    assert learn.default_delay(terms30, money("365000", 365, "20000", "20000")) == (0, "dso")
    # no invoices to take the terms from: the DSO itself
    assert learn.default_delay([], money("365000", 365, "20000", "20000")) == (20, "dso")
    # paid the day it was invoiced: 0 days
    same_day = [inv("F1", "1", date(2026, 1, 1), date(2026, 1, 31), paid=date(2026, 1, 1))]
    assert learn.collection_days(same_day, None) == (0, "history")
    # a DSO of 0 (nothing open) gives 0 days for new sales
    assert learn.collection_days([], money("365000", 365, "0", "0")) == (0, "dso")


def test_month_end_dso_rounds_halves_up_and_counts_an_invoice_of_the_last_day():
    # January: 3,100 invoiced and paid in January, 25 invoiced on 31 January and open at its end
    rs = [inv("A", "3100", date(2025, 1, 10), date(2025, 2, 9), paid=date(2025, 1, 20)),
          inv("B", "25", date(2025, 1, 31), date(2025, 3, 2))]
    jan = learn.month_index(date(2025, 1, 1))
    # open at 31 January: 25 (B, dated that day); revenue 3,125 over 31 days: 25 x 31 / 3,125 = 0.248 -> 0.2
    assert learn.month_end_dso(rs, jan, jan) == D("0.2")
    # 0.25 exactly rounds up to 0.3: open 25 over revenue 3,100 in 31 days (100 a day)
    rs = [inv("A", "3075", date(2025, 1, 10), date(2025, 2, 9), paid=date(2025, 1, 20)),
          inv("B", "25", date(2025, 1, 31), date(2025, 3, 2))]
    assert learn.month_end_dso(rs, jan, jan) == D("0.3")


def test_month_end_dso_takes_three_months_of_revenue_at_most():
    # 3,100 invoiced and paid in each of January..April 2025; 1,000 invoiced on 30 April and open
    rs = [inv(str(m), "3100", date(2025, m, 1), date(2025, m, 28), paid=date(2025, m, 2)) for m in (1, 2, 3, 4)]
    rs.append(inv("open", "1000", date(2025, 4, 30), date(2025, 5, 30)))
    apr, jan = learn.month_index(date(2025, 4, 1)), learn.month_index(date(2025, 1, 1))
    # February..April only: revenue 3 x 3,100 + 1,000 = 10,300 over 28 + 31 + 30 = 89 days
    # -> 1,000 x 89 / 10,300 = 8.64 -> 8.6 (with January too: 1,000 x 120 / 13,400 = 8.96 -> 9.0)
    assert learn.month_end_dso(rs, apr, jan) == D("8.6")


def test_a_month_without_invoices_has_a_revenue_of_zero_as_money():
    assert learn.month_revenue([], 24300) == 0 and isinstance(learn.month_revenue([], 24300), D)


def test_given_months_from_january_to_december_and_not_13():
    rs = [inv("A", "100", date(2025, 1, 5), date(2025, 2, 4)), inv("B", "200", date(2025, 12, 5), date(2026, 1, 4)),
          inv("C", "300", date(2026, 1, 5), date(2026, 2, 4))]
    h = learn.month_history(rs, date(2026, 3, 2), History(months=("2025-01", "2025-12")))
    assert h.revenue == (D(100), D(200))  # January is the earliest invoice's month: still learned
    given = History(months=("2025-12", "2025-13"))  # not a month (not January 2026 either)
    assert learn.month_history(rs, date(2026, 3, 2), given) is given


def test_an_iban_written_with_spaces_in_the_bank_file_matches():
    rules = [Category("Fuel", "iban", "NL91ABNA0417164300")]
    assert learn.classify([tx(START, "-30", iban="NL91 ABNA 0417 1643 00")], rules) == ["Fuel"]


def test_a_history_that_starts_on_a_monday_starts_the_window_that_day():
    # first booking Monday 23 March: the window is 23 March .. 5 April, 2 weeks although H = 13
    assert learn.history_window([tx(date(2026, 3, 23), "1")], START, 13) == (date(2026, 3, 23), date(2026, 4, 5))


def test_a_weekly_average_half_way_between_cents_rounds_away_from_zero():
    rules = [Category("Card sales", "counterparty", "mollie", project=True)]
    # window 23 March .. 5 April (H = 2): 10.01 over 2 weeks = 5.005 -> 5.01
    got = learn.projections(rules, [tx(date(2026, 3, 1), "0", counterparty="x"),
                                    tx(date(2026, 3, 24), "10.01", counterparty="Mollie")], START, 2)
    assert got[0].weekly_amount == D("5.01")
