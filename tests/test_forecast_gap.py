"""No lost days: what is dated between the last known cash and the start counts, in week 1."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

from xlcapital.bank.model import Statement, Transaction
from xlcapital.company import sample_dir
from xlcapital.forecast import Inputs, Projection, Recurring, SalesPlan, Settings, forecast, load
from xlcapital.forecast.actuals import first_day

START = date(2026, 4, 6)  # a Monday


def company(balance_date=date(2026, 3, 27), bank=True) -> Inputs:
    """The balance 1,000.00 at the end of Friday 27 March; the bank shows -300.00 on Monday 30 March, then nothing."""
    statements = [Statement("NL01", "EUR", [Transaction(date(2026, 3, 30), D("-300.00"))])] if bank else []
    return Inputs(
        Settings(start=START, weeks=4, opening_balance=D("1000.00"), balance_date=balance_date),
        sales=SalesPlan(amount=D(100), frequency="weekly", day=5, collection_days=0),  # every Friday
        recurring=[
            Recurring("Rent", "Rent", D(-500), "monthly", day=1),  # 1 April: in the gap
            Recurring("Cleaning", "Cleaning", D(-10), "weekly", day=3),  # Wednesdays 1 and 8 April
            Recurring("Insurance", "Insurance", D(-40), "monthly", day=30),  # 30 March: the bank shows that day
        ],
        projections=[Projection("Card fees", D(-70), revenue_linked=False)],
        bank=statements,
    )


def test_the_day_after_the_last_known_cash():
    # the last bank booking (30 March) is after the balance date (27 March): F = 31 March
    assert first_day(company()) == date(2026, 3, 31)
    # no bank data: the day after the balance date
    assert first_day(company(bank=False)) == date(2026, 3, 28)
    # no balance date: the balance is the start's own (the day before it), nothing to add
    assert first_day(company(balance_date=None, bank=False)) == START
    # a stale balance (60 days old, no bank data): at most 31 days before the start
    assert first_day(company(balance_date=START - timedelta(days=60), bank=False)) == date(2026, 3, 6)
    # a balance dated after the start is rolled back: nothing before the start is added
    assert first_day(company(balance_date=date(2026, 4, 8), bank=False)) == START


def test_week_one_takes_in_the_gap():
    run = forecast(company())
    w1 = run.weeks[0]
    assert (w1.start, w1.end, w1.days) == (date(2026, 3, 31), date(2026, 4, 12), 13)
    # opening: 1,000.00 - 300.00 (30 March, in the bank) = 700.00
    assert w1.opening_cash == D("700.00")
    # rent 1 April; cleaning Wed 1 and 8 April; the insurance of 30 March is in the bank already (not again)
    assert (w1.payments["Rent"], w1.payments["Cleaning"], w1.payments["Insurance"]) == (D(-500), D(-20), D(0))
    # sales Fri 3 and 10 April, paid the same day; card fees 70 a week over 13 days = 130
    assert w1.receipts["Sales"] == D(200)
    assert w1.payments["Card fees"] == D(-130)
    # 700 - 500 - 20 - 130 + 200 = 250
    assert w1.closing_cash == D(250)
    # week 2 is an ordinary week from Monday 13 April; insurance is back on 30 April (week 4)
    assert (run.weeks[1].start, run.weeks[1].days, run.weeks[1].payments["Card fees"]) == (date(2026, 4, 13), 7, D(-70))
    assert run.weeks[3].payments["Insurance"] == D(-40)
    # the 12-month view's month 1 starts on the same day
    assert run.months[0].start == date(2026, 3, 31)


def test_interest_of_week_one_counts_its_days():
    inputs = company()
    inputs.settings = Settings(start=START, weeks=2, opening_balance=D("-1000.00"), balance_date=date(2026, 3, 27),
                               credit_limit=D(5000), overdraft_rate=D("0.0365"))
    inputs.recurring, inputs.projections, inputs.sales, inputs.bank = [], [], SalesPlan(), []
    w1 = forecast(inputs).weeks[0]
    # 28 March .. 12 April = 16 days drawn 1,000.00 at 3.65 %: 1000 * 0.0365 * 16 / 365 = 1.60
    assert (w1.start, w1.overdraft_drawn, w1.interest) == (date(2026, 3, 28), D(1000), D("1.6"))


def test_the_sample_keeps_the_first_days_of_january():
    """The issue's figures: the export ends on Tuesday 31 December, the forecast starts on Monday 6 January."""
    inputs = load(sample_dir())
    run = forecast(inputs)
    assert (inputs.settings.start, run.weeks[0].start) == (date(2025, 1, 6), date(2025, 1, 1))
    gap = [i for i in run.items if i.source == "recurring" and i.cash_date < inputs.settings.start]
    # rent 6,250.00 (1 Jan), van lease 3,180.00 (5 Jan), Exact Online 189.00 (2 Jan), Microsoft 365 245.70 (3 Jan)
    assert sorted((i.cash_date, i.amount) for i in gap) == [
        (date(2025, 1, 1), D("-6250.00")), (date(2025, 1, 2), D("-189.00")), (date(2025, 1, 3), D("-245.70")),
        (date(2025, 1, 5), D("-3180.00"))]
    assert sum(i.amount for i in gap) == D("-9864.70")
    # the sales plan's Friday 3 January invoice: 47,800 x 0.80 (January) = 38,240.00, collected along the
    # sample's curve: 80 % after the collection days (30,592.00), 20 % after 75 days (7,648.00, 19 March)
    sale = [i for i in run.items if i.source == "sale" and i.ref == "2025-01-03"]
    assert [(i.base_date - timedelta(days=d), i.amount) for i, d in
            zip(sale, (inputs.sales.collection_days, 75))] == [(date(2025, 1, 3), D("30592.00")),
                                                                (date(2025, 1, 3), D("7648.00"))]
    assert sum(i.amount for i in sale) == D("38240.00")
