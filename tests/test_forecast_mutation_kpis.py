"""KPIs of a forecast (forecast/kpis.py) by hand: months of 365/12 days, which fixed costs are active in
the horizon, the operating flows, the bad-debt allowance and the keys and values of ``compute``.

Start Monday 6 April 2026, 4 weeks: the horizon is 6 April .. 3 May (28 days).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.forecast import Financials, Inputs, Payable, Receivable, Recurring, Settings, forecast
from xlcapital.forecast.kpis import (
    EXPLANATIONS,
    bad_debt_allowance,
    compute,
    horizon_months,
    monthly_fixed_costs,
    operating_flows,
    per_month,
)

START = date(2026, 4, 6)


def test_horizon_months_are_days_over_365_12():
    # 13 weeks = 91 days; a month is 365/12 days: 91 x 12 / 365
    assert horizon_months(13) == D(91 * 12) / D(365)
    assert horizon_months(1) == D(7 * 12) / D(365)


def test_occurrences_per_month_by_frequency():
    # a month of 365/12 days holds 365 / 12 / 7 = 4.345... weeks
    assert abs(per_month("weekly") - D(365) / D(12) / D(7)) < D("1e-25")
    assert per_month("monthly") == 1
    assert per_month("quarterly") == D(1) / D(3)
    assert per_month("yearly") == D(1) / D(12)
    assert per_month("once") == 0


def fixed(name: str, amount: str, frequency: str = "monthly", **kw) -> Recurring:
    return Recurring(name, "Costs", D(amount), frequency, fixed=True, **kw)


def test_monthly_fixed_costs_count_the_items_active_in_the_horizon():
    inputs = Inputs(Settings(start=START, weeks=4), recurring=[
        fixed("Rent", "-2000"),                                         # 2,000 a month
        fixed("Insurance", "-3000", "quarterly"),                       # 1,000 a month
        fixed("Licence", "-12000", "yearly"),                           # 1,000 a month
        fixed("Cleaner", "-84", "weekly"),                              # 84 x 365/84 = 365 a month
        fixed("Deposit", "-500", "once"),                               # not a monthly cost
        fixed("Lease", "-300", start=date(2026, 5, 3)),                 # starts on the horizon's last day: in
        fixed("Old lease", "-700", end=START),                          # ends on its first day: in
        fixed("Older lease", "-800", end=date(2026, 4, 5)),             # ended the day before: out
        fixed("New lease", "-900", start=date(2026, 5, 4)),             # starts the day after: out
        Recurring("Fuel", "Costs", D("-400"), "monthly"),               # not fixed: out
    ])
    total = monthly_fixed_costs(inputs)
    assert total == D(2000 + 1000 + 1000 + 365 + 300 + 700)
    assert isinstance(total, D)
    # a horizon of 2 weeks (6 .. 19 April): the lease of 3 May is not in it
    assert monthly_fixed_costs(inputs, 2) == D(2000 + 1000 + 1000 + 365 + 700)
    assert isinstance(monthly_fixed_costs(Inputs(Settings(start=START))), D)


def test_operating_flows_leave_out_financing_receipts_of_any_size():
    inputs = Inputs(Settings(start=START, weeks=2, opening_balance=D(1000)), recurring=[
        Recurring("Sales", "Sales", D("500"), "once", start=date(2026, 4, 7)),
        Recurring("Rent", "Rent", D("-300"), "once", start=date(2026, 4, 8)),
        Recurring("Grant", "Subsidy", D("1.00"), "once", start=date(2026, 4, 9), activity="financing"),
        Recurring("Loan", "Loan", D("-200"), "once", start=date(2026, 4, 10), activity="financing"),
    ])
    # all flows: receipts 501.00, payments 500; operating: 500 and 300
    assert operating_flows(forecast(inputs)) == (D("500"), D("300"))


def test_bad_debt_allowance_by_aging_bucket_at_the_first_day_counted():
    inputs = Inputs(Settings(start=START, weeks=4), receivables=[
        Receivable("A", "1", date(2026, 1, 1), date(2026, 2, 20), D(2000)),  # 45 days overdue: 90 % -> 200
        Receivable("B", "2", date(2026, 2, 1), date(2026, 3, 10), D(1000)),  # 27 days: 100 % -> 0
        Receivable("C", "3", date(2025, 11, 1), date(2026, 1, 1), D(400)),   # 95 days: 50 % -> 200
        Receivable("D", "4", date(2025, 11, 1), date(2026, 1, 1), D(5000), paid_date=date(2026, 3, 1)),  # paid
        Receivable("E", "5", date(2026, 4, 1), date(2026, 5, 1), D(800)),    # not due yet -> 0
    ])
    assert bad_debt_allowance(inputs, forecast(inputs)) == D(400)
    none = Inputs(Settings(start=START, weeks=4))
    assert isinstance(bad_debt_allowance(none, forecast(none)), D)


def test_compute_gives_every_kpi_under_its_documented_key():
    inputs = Inputs(
        Settings(start=START, weeks=4, opening_balance=D(10_000), credit_limit=D(2_500)),
        receivables=[Receivable("C", "F1", START, START, D(50_000))],
        payables=[Payable("S", date(2026, 9, 1), D(30_000))],
        recurring=[fixed("Rent", "-1000", start=date(2026, 4, 27))],  # from week 4 on
        financials=Financials(revenue=D(90_000), cogs=D(54_000), inventory=D(20_000), receivables_opening=D(0),
                              receivables_closing=D(0), days=90),
    )
    k = compute(inputs, forecast(inputs))
    assert set(k) == set(EXPLANATIONS)
    assert k["cash_position"] == D(10_000) and k["credit_limit"] == D(2_500)
    assert k["headroom"] == D(12_500)  # cash + the unused facility
    assert k["open_receivables"] == D(50_000) and k["open_payables"] == D(30_000)
    assert k["bad_debt_allowance"] == 0 and isinstance(k["bad_debt_allowance"], D)
    # a quarter of 90 days: revenue 1,000 a day -> DSO 50; cost of sales 600 a day -> DPO 50; DSI 20,000 / 600
    assert k["dso_open"] == pytest.approx(50) and k["dpo_open"] == pytest.approx(50)
    assert k["ccc_open"] == pytest.approx(50 + 100 / 3 - 50)
    assert k["monthly_fixed_costs"] == D(1000)
    # the run's own horizon: 3 weeks end on 26 April, before the rent starts
    k3 = compute(inputs, forecast(inputs, None, 3))
    assert k3["monthly_fixed_costs"] == 0


def test_compute_without_company_figures_or_open_items():
    inputs = Inputs(Settings(start=START, weeks=2, opening_balance=D(100)))
    k = compute(inputs, forecast(inputs))
    assert (k["dso_open"], k["dpo_open"], k["ccc_open"]) == (None, None, None)
    for key in ("open_receivables", "open_payables", "bad_debt_allowance", "monthly_fixed_costs"):
        assert k[key] == 0 and isinstance(k[key], D), key
