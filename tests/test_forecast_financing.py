"""Financing as banks apply it: the commitment fee (kredietprovisie) on the limit or its undrawn part."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.forecast import Inputs, Payable, Settings, forecast

START = date(2026, 4, 6)


def company(**settings) -> Inputs:
    """Opening 10,000; a bill of 30,000 on Wednesday 15 April (week 2) draws 20,000 of a 100,000 facility."""
    s = Settings(start=START, weeks=3, opening_balance=D(10_000), credit_limit=D(100_000), **settings)
    return Inputs(s, payables=[Payable("Wholesale", date(2026, 4, 15), D(30_000), "P1")])


def test_commitment_fee_on_the_limit_by_hand():
    weeks = forecast(company(commitment_fee=D("0.005"))).weeks
    # 100,000 x 0.5 % x 7 / 365 = 9.589041... a week, drawn or not
    fee = D(100_000) * D("0.005") * 7 / 365
    assert [w.commitment_fee for w in weeks] == [fee] * 3
    assert abs(fee - D("9.59")) < D("0.005")
    # week 1: 10,000 - 9.59; week 2: 9,990.41 - 30,000 = -20,009.59 drawn, no interest (rate 0), fee again
    assert weeks[0].closing_cash == D(10_000) - fee
    assert weeks[1].closing_cash == D(10_000) - 30_000 - 2 * fee


def test_commitment_fee_on_the_undrawn_part_and_with_interest():
    weeks = forecast(company(commitment_fee=D("0.005"), commitment_fee_basis="undrawn",
                             overdraft_rate=D("0.0365"))).weeks
    fee1 = D(100_000) * D("0.005") * 7 / 365  # nothing drawn in week 1
    assert weeks[0].commitment_fee == fee1
    drawn = D(30_000) - (D(10_000) - fee1)  # 20,009.59 drawn in week 2
    assert weeks[1].overdraft_drawn == drawn
    assert weeks[1].interest == drawn * D("0.0365") * 7 / 365  # 14.01
    assert weeks[1].commitment_fee == (D(100_000) - drawn) * D("0.005") * 7 / 365  # 79,990.41: 7.67
    assert float(weeks[1].commitment_fee) == pytest.approx(7.670, abs=0.001)


def test_no_fee_by_default():
    assert all(w.commitment_fee == 0 for w in forecast(company()).weeks)


def test_borrowing_base_limits_the_facility_by_hand():
    from xlcapital.forecast import Financials, Receivable

    s = Settings(start=START, weeks=2, opening_balance=D(-30_000), credit_limit=D(100_000),
                 advance_rate_receivables=D("0.7"), advance_rate_stock=D("0.5"))
    inputs = Inputs(
        s,
        receivables=[
            Receivable("A", "A", date(2026, 3, 20), date(2026, 4, 19), D(50_000)),  # paid Sunday 19 April (week 2)
            Receivable("B", "B", date(2025, 12, 15), date(2026, 4, 30), D(30_000)),  # invoiced > 90 days ago
            Receivable("C", "C", date(2026, 4, 1), date(2026, 5, 1), D(10_000)),
        ],
        payables=[Payable("Wholesale", date(2026, 4, 14), D(40_000), "P1")],
        financials=Financials(D(1_000_000), D(600_000), D(20_000), D(0), D(0), 365),
    )
    run = forecast(inputs)
    w1, w2 = run.weeks
    # end of 12 April: A and C outstanding and invoiced after 12 January (B is older): 0.7 x 60,000 + 0.5 x 20,000 stock
    assert (w1.borrowing_base, w1.available) == (D(52_000), D(52_000))
    assert (w1.closing_cash, w1.headroom, w1.limit_breached) == (D(-30_000), D(22_000), False)
    # end of 19 April: A is paid that day; C only: 7,000 + 10,000 = 17,000 available of the 100,000 limit
    assert (w2.borrowing_base, w2.available) == (D(17_000), D(17_000))
    # -30,000 + 50,000 - 40,000 = -20,000: within the limit, but 3,000 beyond what the bank makes available
    assert (w2.closing_cash, w2.headroom, w2.limit_breached) == (D(-20_000), D(-3000), True)
    assert run.first_breach_week == 2 and run.extra_financing_limit == D(3000)


def test_without_advance_rates_the_whole_limit_is_available():
    run = forecast(company())
    assert all((w.borrowing_base, w.available) == (None, D(100_000)) for w in run.weeks)


def test_variable_rate_interest_follows_the_interest_stress():
    from xlcapital.forecast import Recurring, Scenario, analyse

    inputs = company()
    inputs.recurring = [
        # interest of 3,900 a quarter on a loan at 5.2 %; at 7.2 % it is 3,900 x 7.2 / 5.2 = 5,400
        Recurring("Loan interest", "Loan", D(-3900), "monthly", day=16, variable_rate=D("0.052")),
        Recurring("Lease", "Vehicles", D(-1000), "monthly", day=16),  # a fixed amount: never scaled
    ]
    plain = forecast(inputs).weeks[1]
    assert (plain.payments["Loan"], plain.payments["Vehicles"]) == (D(-3900), D(-1000))
    up = forecast(inputs, Scenario("rates up", interest_rate_change=D("0.02"))).weeks[1]
    assert (up.payments["Loan"], up.payments["Vehicles"]) == (D(-5400), D(-1000))
    stress = next(r for r in analyse(inputs).stress if r.name == "interest +2 points")
    assert stress.weeks[1].payments["Loan"] == D(-5400)
    # a rate cut below zero stops at no interest
    down = forecast(inputs, Scenario("cut", interest_rate_change=D("-0.06"))).weeks[1]
    assert down.payments["Loan"] == 0


def test_covenant_triggers_solvency_and_dscr_by_hand():
    from xlcapital.forecast import Financials, analyse

    inputs = company()
    inputs.financials = Financials(D(1_000_000), D(600_000), D(0), D(0), D(0), 365, equity=D(300_000),
                                   total_assets=D(1_200_000), bhk_cashflow=D(120_000), interest=D(30_000),
                                   repayments=D(70_000))
    got = {t.rule: t for t in analyse(inputs).triggers}
    # solvency 300,000 / 1,200,000 = 0.25: below the moderate warning 0.30, not below its alert 0.25
    assert (got["solvency"].value, got["solvency"].status) == (D("0.25"), "warning")
    # DSCR 120,000 / (30,000 + 70,000) = 1.2: below 1.3 (warning), not below 1.1 (alert)
    assert (got["dscr"].value, got["dscr"].status, got["dscr"].owner) == (D("1.2"), "warning", "Finance manager")
    assert got["dscr"].action.startswith("Ask the bank")


def test_the_sample_dscr_is_the_ratio_of_xlcapital_ratios(capsys):
    """The covenant's DSCR is the cash-flow coverage `xlcapital ratios` computes from company.toml."""
    import json

    from xlcapital.cli import main
    from xlcapital.company import sample_dir
    from xlcapital.forecast import analyse, load

    assert main(["ratios", str(sample_dir() / "company.toml"), "--json"]) == 0
    coverage = json.loads(capsys.readouterr().out)["cashflow_coverage"]
    dscr = next(t for t in analyse(load(sample_dir())).triggers if t.rule == "dscr")
    assert float(dscr.value) == pytest.approx(coverage, abs=1e-9)
