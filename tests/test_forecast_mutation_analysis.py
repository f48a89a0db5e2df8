"""One analysis (forecast/analysis.py): every run on the same rows and horizon, the runs the credit-limit
rule watches per risk profile, the history triggers at their shortest, the bank's covenants.

Start Monday 6 April 2026; opening 10,000; a fixed cost of 1,000 a month from 27 April (week 4) on.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.forecast import Financials, History, Inputs, OneOff, Recurring, Scenario, Settings, analyse
from xlcapital.forecast.analysis import credit_runs

START = date(2026, 4, 6)


def company(**kw) -> Inputs:
    s = Settings(start=START, weeks=4, opening_balance=D(10_000), credit_limit=D(1000))
    return Inputs(s, recurring=[Recurring("Rent", "Rent", D(-1000), "monthly", day=27, fixed=True,
                                          start=date(2026, 4, 27))], **kw)


def trigger(a, rule):
    return next(t for t in a.triggers if t.rule == rule)


def test_every_run_has_the_rows_of_the_selected_scenario_too():
    # an ad-hoc scenario (not in forecast.toml) with a machine bought in week 2
    adhoc = Scenario("machine", one_offs=(OneOff(date(2026, 4, 14), D(-5000), "Machine"),))
    inputs = company(scenarios=[Scenario("base")])
    a = analyse(inputs, adhoc)
    assert a.inputs is inputs
    assert a.default.name == "machine" and a.default.weeks[1].payments["Machine"] == D(-5000)
    for run in [*a.scenarios.values(), *a.stress]:
        assert run.payment_categories == a.default.payment_categories
        assert run.receipt_categories == a.default.receipt_categories


def test_weeks_given_apply_to_every_run_and_to_the_fixed_costs():
    a = analyse(company(scenarios=[Scenario("base"), Scenario("worst", collection_delay_days=30)]), weeks=2)
    assert len(a.default.weeks) == 2
    assert all(len(r.weeks) == 2 for r in [*a.scenarios.values(), *a.stress])
    # the rent starts in week 4, after these 2 weeks: no fixed costs, so no buffer in months
    assert a.kpis["monthly_fixed_costs"] == 0
    assert trigger(a, "cash_buffer").values == (None, None)
    # over 4 weeks the rent counts: 10,000 / 1,000 = 10 months in week 1
    assert trigger(analyse(company()), "cash_buffer").values[0] == pytest.approx(10)


def test_credit_runs_by_risk_profile():
    main, other, s1, s2 = object(), object(), object(), object()
    named = {"base": main, "worst": other}
    assert credit_runs("conservative", main, named, [s1, s2]) == [main, other, s1, s2]
    assert credit_runs("moderate", main, named, [s1, s2]) == [main, other]
    assert credit_runs("offensive", main, named, [s1, s2]) == [main]


def test_history_triggers_from_the_shortest_history_they_need():
    # 3 months of DSO: 47 - (40 + 44 + 47) / 3 = 47 - 43.67 = 3.33
    # 6 months of revenue: (90 + 80 + 70) / (100 + 100 + 100) - 1 = -0.2
    h = History(months=("a", "b", "c", "d", "e", "f"), revenue=tuple(D(x) for x in (100, 100, 100, 90, 80, 70)),
                dso=tuple(D(x) for x in (40, 44, 47)))
    a = analyse(company(history=h))
    assert trigger(a, "dso_trend").value == D(47) - D(131) / 3
    assert trigger(a, "revenue_drop").value == D("-0.2")
    # two months of DSO, five of revenue: too short, no value
    short = History(revenue=tuple(D(x) for x in (100, 100, 90, 80, 70)), dso=(D(40), D(44)))
    a = analyse(company(history=short))
    assert trigger(a, "dso_trend").value is None and trigger(a, "revenue_drop").value is None


def test_history_triggers_use_only_the_last_months():
    # 4 months of DSO: the last three (44, 47, 50): 50 - 47 = 3
    # 7 months of revenue: the last six: (90 + 80 + 70) / (100 + 100 + 100) - 1 = -0.2 (the 500 is older)
    h = History(revenue=tuple(D(x) for x in (500, 100, 100, 100, 90, 80, 70)), dso=tuple(D(x) for x in (30, 44, 47, 50)))
    a = analyse(company(history=h))
    assert trigger(a, "dso_trend").value == D(3)
    assert trigger(a, "revenue_drop").value == D("-0.2")
    # no revenue in the three months before: no ratio
    none_before = History(revenue=tuple(D(x) for x in (0, 0, 0, 10, 10, 10)))
    assert trigger(analyse(company(history=none_before)), "revenue_drop").value is None


def test_the_banks_covenants_from_the_company_figures():
    f = Financials(revenue=D(1), cogs=D(1), inventory=D(0), receivables_opening=D(0), receivables_closing=D(0),
                   days=365, equity=D(300), total_assets=D(1000), bhk_cashflow=D(130), interest=D(20),
                   repayments=D(80))
    a = analyse(company(financials=f))
    # solvency 300 / 1,000 = 0.30; DSCR 130 / (20 + 80) = 1.3, in every week
    assert trigger(a, "solvency").values == (D("0.3"),) * 4
    assert trigger(a, "dscr").values == (D("1.3"),) * 4
    assert trigger(analyse(company()), "solvency").values == (None,) * 4
