"""The weekly and monthly engine against small cases computed by hand, and its invariants (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xlcapital.forecast import (
    Customer,
    ExpectedSale,
    Inputs,
    OneOff,
    Payable,
    Projection,
    Receivable,
    Recurring,
    SalesPlan,
    Scenario,
    Settings,
    categories,
    expand,
    forecast,
)

START = date(2026, 4, 6)  # Monday; week 1 = 6-12 Apr, week 2 = 13-19, week 3 = 20-26, week 4 = 27 Apr - 3 May


def settings_(**kw) -> Settings:
    base = dict(start=START, weeks=4, opening_balance=D(1000), credit_limit=D(500), overdraft_rate=D("0.0365"),
                minimum_buffer=D(200))  # fmt: skip
    return Settings(**{**base, **kw})


def hand_case() -> Inputs:
    return Inputs(
        settings_(),
        receivables=[Receivable("Acme", "F1", date(2026, 3, 9), date(2026, 4, 8), D(300))],
        customers=[Customer("acme ", 14)],  # matched case-insensitively and trimmed
        payables=[Payable("Wholesale", date(2026, 4, 14), D(1500))],
        recurring=[Recurring("Rent", "Rent", D(-100), "monthly", day=1)],
    )


def test_hand_calculation_with_overdraft_and_interest():
    run = forecast(hand_case())
    w1, w2, w3, w4 = run.weeks
    # week 1: nothing happens
    assert (w1.opening_cash, w1.net_flow, w1.closing_cash) == (D(1000), 0, D(1000))
    # week 2: payable 1,500 due Tue 14 Apr -> 1,000 - 1,500 = -500; drawn 500;
    # interest 500 * 0.0365 * 7 / 365 = 0.35; closing -500.35; headroom -500.35 + 500 = -0.35
    assert w2.payments["Payables"] == D(-1500)
    assert w2.closing_before == D(-500)
    assert w2.overdraft_drawn == D(500)
    assert w2.interest == D("0.35")
    assert w2.closing_cash == D("-500.35")
    assert w2.headroom == D("-0.35")
    assert w2.limit_breached and w2.below_buffer and w2.flags == ["below_buffer", "limit_breached"]
    # week 3: receivable due Wed 8 Apr + 14 days delay = Wed 22 Apr: -500.35 + 300 = -200.35;
    # interest 200.35 * 0.0007 = 0.140245
    assert w3.receipts["Receivables"] == D(300)
    assert w3.closing_before == D("-200.35")
    assert w3.interest == D("0.140245")
    assert w3.closing_cash == D("-200.490245")
    assert not w3.limit_breached and w3.below_buffer
    # week 4: rent on 1 May: -200.490245 - 100 = -300.490245; interest * 0.0007 = 0.2103431715
    assert w4.payments["Rent"] == D(-100)
    assert w4.interest == D("0.2103431715")
    assert w4.closing_cash == D("-300.7005881715")
    assert run.lowest_cash == D("-500.35") and run.lowest_week == 2 and run.first_breach_week == 2
    # extra financing: MAX(0, -500 - -500.35) = 0.35; MAX(0, 200 - -500.35) = 700.35
    assert run.extra_financing_limit == D("0.35")
    assert run.extra_financing_buffer == D("700.35")


def test_receivable_due_in_week_3_with_14_day_delay_lands_in_week_5():
    inputs = Inputs(
        settings_(weeks=6),
        receivables=[Receivable("Slow B.V.", "F9", date(2026, 3, 23), date(2026, 4, 22), D(1000))],
        customers=[Customer("Slow B.V.", 14)],
    )
    (item,) = expand(inputs)
    assert (item.base_date, item.cash_date, item.week) == (date(2026, 5, 6), date(2026, 5, 6), 5)
    weeks = forecast(inputs).weeks
    assert [w.receipts["Receivables"] for w in weeks] == [0, 0, 0, 0, D(1000), 0]


def test_unknown_customer_gets_the_default_delay_and_paid_invoices_are_not_forecast():
    inputs = Inputs(
        settings_(default_payment_delay_days=7),
        receivables=[
            Receivable("New", "F1", date(2026, 3, 1), date(2026, 4, 6), D(10)),  # + 7 = 13 Apr, week 2
            Receivable("New", "F2", date(2026, 3, 1), date(2026, 4, 6), D(20), paid_date=date(2026, 4, 1)),
        ],
    )
    assert [(i.ref, i.week) for i in expand(inputs)] == [("F1", 2)]


def test_overdue_items_land_in_week_1_and_late_items_drop_out():
    inputs = Inputs(
        settings_(weeks=2),
        payables=[Payable("Old", date(2025, 12, 1), D(40)), Payable("Late", date(2026, 4, 20), D(60))],
    )
    weeks = forecast(inputs).weeks
    assert weeks[0].payments["Payables"] == D(-40)
    assert weeks[1].payments["Payables"] == 0
    # the late one is in the 12-month view (month 1 = 6-30 April)
    assert forecast(inputs).months[0].payments["Payables"] == D(-100)


def test_sales_plan_with_seasonality_and_collection_lag():
    # every Friday 1,000 x seasonality (April 0.9), collected 10 days later:
    # Fri 10 Apr -> Mon 20 Apr (week 3); Fri 17 Apr -> Mon 27 Apr (week 4); Fri 24 Apr -> 4 May (week 5)
    seasonality = tuple(D("0.9") if m == 4 else D(1) for m in range(1, 13))
    plan = SalesPlan(amount=D(1000), frequency="weekly", day=5, collection_days=10, seasonality=seasonality)
    inputs = Inputs(settings_(), sales=plan, expected_sales=[ExpectedSale(date(2026, 4, 1), D(50))])
    weeks = forecast(inputs).weeks
    # the expected sale of 1 April + 10 days = 11 April: week 1
    assert [w.receipts["Sales"] for w in weeks] == [D(50), 0, D(900), D(900)]
    # worst: 20 % less revenue, customers 7 days later: 20 Apr -> 27 Apr, 27 Apr -> 4 May (out)
    worst = Scenario("worst", revenue_change=D("-0.2"), collection_delay_days=7)
    weeks = forecast(inputs, worst).weeks
    # 50 * 0.8 = 40 on 18 Apr (week 2); 900 * 0.8 = 720 in week 4
    assert [w.receipts["Sales"] for w in weeks] == [0, D(40), 0, D(720)]


def test_projected_categories_every_week_and_pro_rata_per_month():
    start = date(2026, 4, 27)  # a Monday: month 1 of the view is 27-30 April (4 days)
    inputs = Inputs(
        Settings(start=start, weeks=2, opening_balance=D(0), credit_limit=D(10_000)),
        projections=[Projection("Card sales", D(700), True), Projection("Fuel", D(-70), False)],
    )
    run = forecast(inputs)
    assert [w.receipts["Card sales"] for w in run.weeks] == [D(700), D(700)]
    assert [w.payments["Fuel"] for w in run.weeks] == [D(-70), D(-70)]
    # month 1: 4 days: 700 * 4 / 7 = 400 and -70 * 4 / 7 = -40; month 2 (May): 31 days: 3,100 and -310
    assert run.months[0].receipts["Card sales"] == D(400) and run.months[0].payments["Fuel"] == D(-40)
    assert run.months[1].receipts["Card sales"] == D(3100) and run.months[1].payments["Fuel"] == D(-310)
    # a revenue change scales only the revenue-linked projection
    run = forecast(inputs, Scenario("down", revenue_change=D("-0.5")))
    assert run.weeks[0].receipts["Card sales"] == D(350) and run.weeks[0].payments["Fuel"] == D(-70)


def test_monthly_view_interest_uses_the_days_of_the_month():
    start = date(2026, 4, 27)
    inputs = Inputs(
        Settings(start=start, weeks=1, opening_balance=D(-3650), credit_limit=D(5000), overdraft_rate=D("0.10")),
    )
    months = forecast(inputs).months
    # month 1 (4 days): 3,650 * 0.10 * 4 / 365 = 4; month 2 (31 days): 3,654 * 0.10 * 31 / 365 = 11,327.4 / 365
    assert months[0].interest == D(4)
    assert months[0].closing_cash == D(-3654)
    assert months[1].interest == D("31.03397260273972602739726027")
    assert len(months) == 12 and months[11].end == date(2027, 3, 31)


def test_payment_delay_moves_payables_only_and_one_offs_use_their_date():
    inputs = Inputs(
        settings_(),
        payables=[Payable("S", date(2026, 4, 7), D(100))],
        recurring=[Recurring("Rent", "Rent", D(-10), "weekly", day=2)],  # Tuesdays
    )
    late = Scenario("late", payment_delay_days=7, one_offs=(OneOff(date(2026, 4, 29), D(-5), "Machine", "press"),))
    weeks = forecast(inputs, late).weeks
    assert [w.payments["Payables"] for w in weeks] == [0, D(-100), 0, 0]
    assert [w.payments["Rent"] for w in weeks] == [D(-10)] * 4
    assert [w.payments["Machine"] for w in weeks] == [0, 0, 0, D(-5)]


def test_interest_rate_change_of_a_scenario():
    inputs = Inputs(settings_(opening_balance=D(-365), overdraft_rate=D("0.05")))
    plain = forecast(inputs).weeks[0]
    more = forecast(inputs, Scenario("rates", interest_rate_change=D("0.02"))).weeks[0]
    # 365 * 0.05 * 7 / 365 = 0.35; with 0.07: 0.49
    assert plain.interest == D("0.35") and more.interest == D("0.49")


def test_category_rows():
    inputs = hand_case()
    inputs.projections = [Projection("Card sales", D(10), True)]
    inputs.scenarios = [Scenario("x", one_offs=(OneOff(START, D(-1), "One-off"),))]
    receipts, payments = categories(inputs)
    assert receipts == ["Receivables", "Card sales"]
    assert payments == ["Payables", "Rent", "One-off"]
    # every run reports every row, zeros included
    assert set(forecast(inputs).weeks[0].payments) == {"Payables", "Rent", "One-off"}


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

amounts = st.decimals(min_value=-50_000, max_value=50_000, places=2, allow_nan=False, allow_infinity=False)
positive = st.decimals(min_value=1, max_value=50_000, places=2, allow_nan=False, allow_infinity=False)
days = st.integers(min_value=-60, max_value=150)


@st.composite
def inputs_strategy(draw):
    start = date(2026, 1, 5) + timedelta(weeks=draw(st.integers(0, 80)))
    s = Settings(
        start=start,
        weeks=draw(st.integers(1, 20)),
        opening_balance=draw(amounts),
        credit_limit=draw(st.decimals(min_value=0, max_value=100_000, places=0)),
        overdraft_rate=draw(st.decimals(min_value=0, max_value="0.2", places=4)),
        minimum_buffer=draw(st.decimals(min_value=0, max_value=20_000, places=0)),
    )
    rec = [
        Receivable(f"C{draw(st.integers(0, 3))}", f"F{i}", start, start + timedelta(days=draw(days)), draw(amounts))
        for i in range(draw(st.integers(0, 6)))
    ]
    pay = [Payable("S", start + timedelta(days=draw(days)), draw(positive)) for _ in range(draw(st.integers(0, 6)))]
    freq = st.sampled_from(["weekly", "monthly", "quarterly", "yearly", "once"])
    recurring = []
    for i in range(draw(st.integers(0, 4))):
        f = draw(freq)
        recurring.append(
            Recurring(f"R{i}", draw(st.sampled_from(["Rent", "Salaries", "Income"])), draw(amounts), f,
                      day=draw(st.integers(1, 7 if f == "weekly" else 31)), month=draw(st.integers(1, 12)),
                      start=start + timedelta(days=draw(days)) if f == "once" or draw(st.booleans()) else None)
        )  # fmt: skip
    customers = [Customer(f"C{i}", draw(st.integers(-10, 40))) for i in range(draw(st.integers(0, 4)))]
    projections = [Projection("Card", draw(amounts), draw(st.booleans()))] if draw(st.booleans()) else []
    return Inputs(s, receivables=rec, payables=pay, recurring=recurring, customers=customers, projections=projections)


scenarios = st.builds(
    Scenario,
    name=st.just("s"),
    revenue_change=st.decimals(min_value=-1, max_value=1, places=2),
    collection_delay_days=st.integers(-30, 30),
    payment_delay_days=st.integers(-30, 30),
    interest_rate_change=st.decimals(min_value=0, max_value="0.05", places=3),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs_strategy(), scenarios)
def test_invariants_of_every_run(inputs, scenario):
    run = forecast(inputs, scenario)
    L = inputs.settings.credit_limit
    for periods in (run.weeks, run.months):
        assert periods[0].opening_cash == inputs.settings.opening_balance
        for a, b in zip(periods, periods[1:]):
            assert a.closing_cash == b.opening_cash  # closing of week w = opening of week w+1
        for p in periods:
            flows = sum(p.receipts.values(), D(0)) + sum(p.payments.values(), D(0))
            assert p.opening_cash + flows - p.interest == p.closing_cash  # opening + all flows - interest = closing
            assert all(v >= 0 for v in p.receipts.values()) and all(v <= 0 for v in p.payments.values())
            assert p.overdraft_drawn >= 0 and p.interest >= 0
            if p.overdraft_drawn > L:  # the overdraft exceeds the limit only with the breach flag
                assert p.limit_breached
            assert p.headroom == p.closing_cash + L
    # every item inside the horizon is in exactly one week's sums
    in_horizon = sum((i.amount for i in run.items if i.week is not None), D(0))
    projected = sum((p.weekly_amount * (scenario.revenue_factor if p.revenue_linked else 1) for p in inputs.projections), D(0))
    total = sum((w.net_flow for w in run.weeks), D(0))
    assert total == in_horizon + projected * len(run.weeks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs_strategy())
def test_base_without_adjustments_equals_the_plain_forecast(inputs):
    plain = forecast(inputs)
    base = forecast(inputs, Scenario("base"))
    assert [vars(w) for w in base.weeks] == [vars(w) for w in plain.weeks]
    assert [vars(m) for m in base.months] == [vars(m) for m in plain.months]
