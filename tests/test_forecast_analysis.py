"""Stress tests, triggers and KPIs against hand calculations (docs/forecast-model.md sections 7-9)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from xlcapital.forecast import (
    Customer,
    Financials,
    History,
    Inputs,
    Payable,
    Receivable,
    Recurring,
    SalesPlan,
    Scenario,
    Settings,
    TriggerConfig,
    analyse,
)
from xlcapital.errors import InputError
from xlcapital.forecast.scenarios import STRESS_TESTS, stressed

START = date(2026, 4, 6)  # Monday


def small(**kw) -> Inputs:
    """Opening 100, limit 50, buffer 20, no interest; pay 180 in week 2, receive 100 in week 3."""
    s = Settings(start=START, weeks=3, opening_balance=D(100), credit_limit=D(50), minimum_buffer=D(20), **kw)
    return Inputs(
        s,
        payables=[Payable("S", date(2026, 4, 15), D(180))],
        receivables=[Receivable("C", "F1", date(2026, 3, 1), date(2026, 4, 22), D(100))],
        customers=[Customer("C", 0)],
    )


def test_stress_tests_stack_on_the_base_scenario():
    base = Scenario("base", revenue_change=D("0.05"), collection_delay_days=2, payment_delay_days=-1,
                    interest_rate_change=D("0.01"))  # fmt: skip
    got = {t.name: stressed(base, t) for t in STRESS_TESTS}
    assert list(got) == ["revenue -10%", "revenue -20%", "revenue -30%", "customers +15 days", "customers +30 days",
                         "interest +2 points", "largest customer +30 days", "largest customer defaults"]  # fmt: skip
    # (1 + 0.05) * (1 - 0.10) - 1 = 0.945 - 1 = -0.055; * 0.8 = 0.84 -> -0.16; * 0.7 = 0.735 -> -0.265
    assert got["revenue -10%"].revenue_change == D("-0.055")
    assert got["revenue -20%"].revenue_change == D("-0.16")
    assert got["revenue -30%"].revenue_change == D("-0.265")
    assert got["customers +15 days"].collection_delay_days == 17
    assert got["customers +30 days"].collection_delay_days == 32
    assert got["interest +2 points"].interest_rate_change == D("0.03")
    assert all(s.payment_delay_days == -1 for s in got.values())


def test_stress_outputs_by_hand():
    a = analyse(small())
    # base (plain): week 1: 100; week 2: 100 - 180 = -80 (below -50: breach); week 3: -80 + 100 = 20
    assert [w.closing_cash for w in a.default.weeks] == [D(100), D(-80), D(20)]
    stress = {r.name: r for r in a.stress}
    # revenue stress: no sales at all in this company -> same as base
    r10 = stress["revenue -10%"]
    assert (r10.lowest_cash, r10.lowest_week, r10.first_breach_week) == (D(-80), 2, 2)
    # extra financing: MAX(0, -50 - (-80)) = 30 to stay in the limit; MAX(0, 20 - (-80)) = 100 for the buffer
    assert (r10.extra_financing_limit, r10.extra_financing_buffer) == (D(30), D(100))
    # customers +15 days: the 100 of 22 Apr arrives 7 May (week 5): week 3 stays at -80
    c15 = stress["customers +15 days"]
    assert [w.closing_cash for w in c15.weeks] == [D(100), D(-80), D(-80)]
    assert (c15.lowest_cash, c15.lowest_week, c15.first_breach_week) == (D(-80), 2, 2)
    # interest +2 points on 80 drawn for a week: 80 * 0.02 * 7 / 365 = 0.0306849315...
    i2 = stress["interest +2 points"]
    assert i2.weeks[1].interest == D("11.2") / 365
    assert i2.lowest_cash == D(-80) - D("11.2") / 365


def test_no_breach_gives_none_and_zero_extra_financing():
    inputs = small()
    inputs.payables = []
    a = analyse(inputs)
    r = a.stress[0]
    assert r.first_breach_week is None and r.extra_financing_limit == 0
    assert r.lowest_cash == D(100) and r.lowest_week == 1  # ties: the first week
    assert r.extra_financing_buffer == 0


def four_weeks(buffer: D, profile: str = "moderate", **kw) -> Inputs:
    """Opening 10,000, 1,000 fixed costs every Monday for 4 weeks."""
    s = Settings(start=START, weeks=4, opening_balance=D(10_000), credit_limit=D(1000), minimum_buffer=buffer,
                 risk_profile=profile)  # fmt: skip
    return Inputs(s, recurring=[Recurring("Staff", "Salaries", D(-1000), "weekly", day=1, fixed=True)], **kw)


def trigger(a, rule):
    return next(t for t in a.triggers if t.rule == rule)


def test_free_cash_trigger_by_hand():
    a = analyse(four_weeks(D(5800)))
    # closing 9,000 8,000 7,000 6,000; free cash = closing - 5,800 = 3,200 2,200 1,200 200
    # monthly costs = 4,000 / (84 * 4 / 365) = 4,000 * 365 / 336; v = free * 336 / 1,460,000
    t = trigger(a, "free_cash")
    expected = [D(f) * 336 / 1_460_000 for f in (3200, 2200, 1200, 200)]
    assert all(abs(v - e) < D("1e-20") for v, e in zip(t.values, expected, strict=True))  # 28-digit division
    # 0.7364, 0.5063, 0.2762 (< 0.30: warning), 0.0460 (< 0.15: alert)
    assert t.statuses == ("ok", "ok", "warning", "alert")
    assert (t.status, t.first_week, t.first_alert_week) == ("alert", 3, 4)
    assert (t.warning, t.alert) == (D("0.30"), D("0.15"))
    assert t.owner == "Finance manager"
    assert a.kpis["free_cash"] == D(3200)


def test_cash_buffer_trigger_and_kpis_by_hand():
    a = analyse(four_weeks(D(0)))
    k = a.kpis
    # weekly 1,000 fixed -> 1,000 * 365 / 84 = 4,345.238... a month
    assert k["monthly_fixed_costs"] == D(1000) * 365 / 84
    # burn: payments 4,000 - receipts 0 over 336/365 months = 4,345.238...
    assert k["burn_rate"] == D(4000) / (D(336) / 365)
    # runway counts the unused facility: (10,000 + 1,000) / 4,345.238 = 2.53151 months
    assert k["runway_months"] == pytest.approx(11_000 / (4000 * 365 / 336))
    # buffer: cash only, 10,000 / 4,345.238 = 2.30137 months
    assert k["buffer_months"] == pytest.approx(2.3013698630)
    t = trigger(a, "cash_buffer")
    # closing 9,000 .. 6,000 over 4,345.24: 2.07, 1.84, 1.61, 1.38 months: all below 3 (moderate alert)
    assert t.value == pytest.approx(9000 * 84 / 365_000)
    assert t.statuses == ("alert",) * 4 and t.first_week == 1
    # offensive: warning below 2, alert below 1 -> 2.07 ok, then warnings
    t = trigger(analyse(four_weeks(D(0), "offensive")), "cash_buffer")
    assert t.statuses == ("ok", "warning", "warning", "warning") and t.status == "warning" and t.first_alert_week is None


def test_burn_rate_is_operating_and_runway_counts_the_facility():
    """A loan repayment (financing) and a van (investing) move the cash, not the operating burn."""
    inputs = four_weeks(D(0))
    inputs.recurring += [
        Recurring("Loan ING", "Loan", D(-2500), "once", start=START + timedelta(days=9), activity="financing"),
        Recurring("Van", "Vehicles", D(-6000), "once", start=START + timedelta(days=16), activity="investing"),
        Recurring("Grant", "Subsidy", D(700), "once", start=START + timedelta(days=2), activity="financing"),
    ]
    k = analyse(inputs).kpis
    # operating: payments 4,000, receipts 0 over 336/365 months (the 2,500, 6,000 and 700 are left out)
    assert k["burn_rate"] == D(4000) / (D(336) / 365)
    # all payments still count in the monthly costs: (4,000 + 2,500 + 6,000) / (336/365)
    assert k["monthly_costs"] == D(12_500) / (D(336) / 365)
    # lowest cash: 10,000 + 700 - 4,000 - 2,500 - 6,000 = -1,800 in week 4
    assert (k["lowest_cash"], k["lowest_week"]) == (D(-1800), 4)
    # runway: (10,000 + 1,000 facility) / 4,345.238 = 2.53 months; without a facility and with an
    # overdrawn account the old definition gave 0 months for a company that still has room at the bank
    assert k["runway_months"] == pytest.approx(11_000 * 336 / (4000 * 365))
    overdrawn = four_weeks(D(0))
    overdrawn.settings = replace(overdrawn.settings, opening_balance=D(-500), credit_limit=D(20_000))
    assert analyse(overdrawn).kpis["runway_months"] == pytest.approx(19_500 * 336 / (4000 * 365))


def test_credit_limit_trigger_watches_runs_by_risk_profile():
    # limit 1,000: base closes 9,000 .. 6,000 (headroom >= 7,000); a scenario with a one-off of -15,000 breaches
    from xlcapital.forecast import OneOff

    crash = Scenario("worst", one_offs=(OneOff(date(2026, 4, 20), D(-15_000)),))  # week 3
    inputs = four_weeks(D(0), scenarios=[Scenario("base"), crash])
    t = trigger(analyse(inputs), "credit_limit")
    # worst: week 3 closing 7,000 - 15,000 = -8,000, headroom -7,000 < 0: alert from week 3;
    # week 4 closing -9,000, headroom -8,000 (the worst)
    assert t.statuses == ("ok", "ok", "alert", "alert") and t.worst == D(-8000)
    assert (t.warning, t.alert) == (D(100), D(0))  # 0.10 * 1,000 and 0
    inputs.settings = Settings(**{**vars(inputs.settings), "risk_profile": "offensive"})
    t = trigger(analyse(inputs), "credit_limit")
    assert t.status == "ok" and t.value == D(10_000)  # offensive watches the selected run only: 9,000 + 1,000


def test_history_triggers_and_overrides():
    history = History(months=("a", "b", "c", "d", "e", "f"), revenue=tuple(D(x) for x in (100, 100, 100, 90, 80, 70)),
                      dso=tuple(D(x) for x in (40, 40, 42, 44, 47, 47)))  # fmt: skip
    a = analyse(four_weeks(D(0), history=history))
    dso = trigger(a, "dso_trend")
    # 47 - (44 + 47 + 47) / 3 = 47 - 46 = 1: below the moderate warning (2)
    assert dso.value == D(1) and dso.status == "ok"
    rev = trigger(a, "revenue_drop")
    # (90 + 80 + 70) / (100 + 100 + 100) - 1 = -0.2: warning (< -0.10), not alert (not < -0.20)
    assert rev.value == D("-0.2") and rev.status == "warning" and rev.first_week == 1
    inputs = four_weeks(D(0), history=history, triggers={"revenue_drop": TriggerConfig(alert=D("-0.15"), owner="Jan"),
                                                         "free_cash": TriggerConfig(enabled=False)})  # fmt: skip
    inputs.settings = Settings(**{**vars(inputs.settings), "risk_profile": "conservative"})
    a = analyse(inputs)
    assert "free_cash" not in [t.rule for t in a.triggers]
    rev = trigger(a, "revenue_drop")
    assert (rev.status, rev.owner, rev.warning, rev.alert) == ("alert", "Jan", D("-0.05"), D("-0.15"))
    # conservative DSO: warning above 0 -> 1 is a warning
    assert trigger(a, "dso_trend").status == "warning"


def test_triggers_without_history_are_ok_with_no_value():
    a = analyse(four_weeks(D(0)))
    for rule in ("dso_trend", "revenue_drop"):
        t = trigger(a, rule)
        assert (t.value, t.status, t.first_week) == (None, "ok", None)


def test_dso_dpo_ccc_from_open_items_and_the_company_figures():
    inputs = four_weeks(D(0))
    inputs.receivables = [Receivable("C", "F1", START, START, D(50_000))]
    inputs.payables = [Payable("S", date(2026, 9, 1), D(30_000))]
    inputs.financials = Financials(revenue=D(365_000), cogs=D(219_000), inventory=D(20_000),
                                   receivables_opening=D(0), receivables_closing=D(0), days=365)  # fmt: skip
    k = analyse(inputs).kpis
    # DSO 50,000 / (365,000 / 365) = 50; DPO 30,000 / (219,000 / 365) = 50; DSI 20,000 / 600 = 33.33
    # (named _open: of the open invoices at the start; `xlcapital ratios` has dso/dpo/ccc of the average balances)
    assert k["dso_open"] == pytest.approx(50) and k["dpo_open"] == pytest.approx(50)
    assert k["ccc_open"] == pytest.approx(50 + 100 / 3 - 50)
    assert k["open_receivables"] == D(50_000) and k["open_payables"] == D(30_000)
    assert analyse(four_weeks(D(0))).kpis["dso_open"] is None
    assert "dso" not in k


def test_selected_scenario_is_base_when_defined():
    inputs = small()
    inputs.scenarios = [Scenario("worst", collection_delay_days=30), Scenario("base", payment_delay_days=7)]
    a = analyse(inputs)
    assert a.default.name == "base" and a.default is a.scenarios["base"]
    # the payable of 15 Apr moves to 22 Apr (week 3), with the receivable: 100 - 180 + 100 = 20
    assert [w.closing_cash for w in a.default.weeks] == [D(100), D(100), D(20)]
    # the stress tests stack on base: payment delay 7 kept
    assert all(r.scenario.payment_delay_days == 7 for r in a.stress)
    assert analyse(inputs, "worst").default.name == "worst"


def test_a_firing_trigger_carries_its_pre_agreed_action():
    # free cash alerts in week 4 (see test_free_cash_trigger_by_hand): the rule's default action
    t = trigger(analyse(four_weeks(D(5800))), "free_cash")
    assert t.status == "alert"
    assert t.action == "Hold payments that can wait; call the customers with the largest overdue invoices this week."
    # forecast.toml [triggers.free_cash] action = "..." replaces it
    inputs = four_weeks(D(5800), triggers={"free_cash": TriggerConfig(action="Ask Jan to delay the VAT payment plan")})
    assert trigger(analyse(inputs), "free_cash").action == "Ask Jan to delay the VAT payment plan"


def test_a_stress_test_can_be_selected_and_shown_week_by_week():
    """`forecast --scenario "revenue -30%"`: the stress test on top of the default scenario, as the selected run."""
    inputs = small()
    inputs.sales = SalesPlan(amount=D(1000), frequency="weekly", day=1, collection_days=0)  # every Monday
    inputs.scenarios = [Scenario("base", revenue_change=D("-0.10"))]
    a = analyse(inputs, "Revenue-30%")  # case and spaces ignored
    # (1 - 0.10) * (1 - 0.30) - 1 = -0.37: each Monday 1,000 x 0.63 = 630
    assert (a.default.name, a.default.scenario.revenue_change) == ("revenue -30%", D("-0.37"))
    assert [w.receipts["Sales"] for w in a.default.weeks] == [D(630)] * 3
    # the same weeks as the stress run of the default analysis
    stress = next(r for r in analyse(inputs).stress if r.name == "revenue -30%")
    assert [w.closing_cash for w in a.default.weeks] == [w.closing_cash for w in stress.weeks]
    with pytest.raises(InputError, match="stress tests: revenue -10%"):
        analyse(inputs, "revenue -40%")
