"""The forecast's input objects (xlcapital/forecast/types.py): their few rules, raised by mutation testing.

Each figure worked by hand: solvency and the DSCR (seed 004: BHK cash flow / (interest + repayments)),
the collection curve's first part (1 - second - third), the aging buckets' edges (30, 31, 60, 61, 90, 91
days), the base scenario found in any case, a customer's delay looked up trimmed and case-blind.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital.forecast.types import (
    Collections,
    Customer,
    Financials,
    Inputs,
    Receivable,
    SalesPlan,
    Scenario,
    Settings,
    customer_key,
)


def figures(**kw) -> Financials:
    return Financials(**{"revenue": D(1000), "cogs": D(600), "inventory": D(50), "receivables_opening": D(100),
                         "receivables_closing": D(120), "days": 365, **kw})


def test_solvency_is_equity_over_total_assets():
    assert figures(equity=D(300), total_assets=D(1000)).solvency == D("0.3")
    assert figures(equity=D(-50), total_assets=D(200)).solvency == D("-0.25")   # negative equity
    assert figures(equity=D(0), total_assets=D(200)).solvency == 0              # 0 is a value, not unknown
    assert figures(equity=D(300), total_assets=D(0)).solvency is None
    assert figures(equity=None, total_assets=D(1000)).solvency is None
    assert figures(equity=D(300), total_assets=None).solvency is None


def test_dscr_is_bhk_cash_flow_over_interest_plus_repayments():
    # 260 / (60 + 140) = 1.3: the moderate profile's warning line
    assert figures(bhk_cashflow=D(260), interest=D(60), repayments=D(140)).dscr == D("1.3")
    assert figures(bhk_cashflow=D(100), interest=D(0), repayments=D(40)).dscr == D("2.5")
    assert figures(bhk_cashflow=D(100), interest=D(40), repayments=D(0)).dscr == D("2.5")
    assert figures(bhk_cashflow=D(0), interest=D(40), repayments=D(10)).dscr == 0
    assert figures(bhk_cashflow=D(100), interest=D(0), repayments=D(0)).dscr is None      # no debt to serve
    for missing in ("bhk_cashflow", "interest", "repayments"):
        given = {"bhk_cashflow": D(100), "interest": D(10), "repayments": D(10), missing: None}
        assert figures(**given).dscr is None, missing


def test_the_revenue_factor_and_the_collection_curve():
    assert Scenario(revenue_change=D("-0.15")).revenue_factor == D("0.85")
    assert Scenario().revenue_factor == 1
    plan = SalesPlan(collection_days=30, collection_days_2=60, collection_share_2=D("0.2"),
                     collection_days_3=90, collection_share_3=D("0.1"))
    assert plan.collection_curve == ((30, D("0.7")), (60, D("0.2")), (90, D("0.1")))
    assert SalesPlan().collection_curve == ((30, 1), (60, 0), (90, 0))


def test_an_invoice_is_open_until_paid():
    r = Receivable("Acme", "F1", date(2026, 3, 1), date(2026, 3, 31), D(100))
    assert r.open
    assert not Receivable("Acme", "F1", date(2026, 3, 1), date(2026, 3, 31), D(100), paid_date=date(2026, 4, 2)).open


@pytest.mark.parametrize("days, bucket", [(0, 0), (1, 0), (30, 0), (31, 1), (60, 1), (61, 2), (90, 2), (91, 3),
                                          (4000, 3)])
def test_the_aging_buckets_edges(days, bucket):
    assert Collections().bucket(days) == bucket


def test_the_default_scenario_is_base_in_any_case():
    worst, base = Scenario("worst"), Scenario("Base", revenue_change=D("0.1"))
    assert Inputs(Settings(date(2026, 4, 6)), scenarios=[worst, base]).default_scenario is base
    plain = Inputs(Settings(date(2026, 4, 6)), scenarios=[worst]).default_scenario
    assert plain == Scenario() and plain.name == "plain"


def test_a_customers_delay_trimmed_and_case_blind_else_the_default():
    i = Inputs(Settings(date(2026, 4, 6), default_payment_delay_days=7),
               customers=[Customer(" Café De Zwaan ", 14), Customer("Acme", -3)])
    assert i.delay_of("café de zwaan") == 14 and i.delay_of("ACME ") == -3
    assert i.delay_of("Bakkerij Jansen") == 7
    assert i.delay_table() == {"café de zwaan": 14, "acme": -3}
    assert customer_key("  Straße ") == "strasse"          # casefold, not lower


def test_a_file_named_in_its_folder():
    in_folder = Inputs(Settings(date(2026, 4, 6)), folder=Path("/c/vdb"))
    assert in_folder._file("receivables.csv") == "/c/vdb/receivables.csv"
    assert Inputs(Settings(date(2026, 4, 6)))._file("receivables.csv") == "receivables.csv"
