"""The indirect cash-flow statement (seed 004) against a hand calculation and accounting identities."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlcapital.errors import BalanceSheetError, InputError
from xlcapital.statements import (
    LABELS,
    LINES,
    BalanceSheet,
    CashflowFacts,
    IncomeStatement,
    balance_sheet_from_mapping,
    cashflow_facts_from_mapping,
    cashflow_indirect,
    cashflow_indirect_from_mappings,
    income_statement_from_mapping,
)

D = Decimal

# A worked example with every kind of line. Opening: assets 12,000 + 5,000 + 40,000 + 30,000 + 3,000
# + 100,000 = 190,000; liabilities 25,000 + 4,000 + 6,000 + 1,000 + 8,000 + 10,000 + 50,000 + 6,000
# = 110,000, so equity 80,000.
OPENING = dict(
    cash=12_000, securities=5_000, receivables=40_000, inventory=30_000, other_current_assets=3_000,
    fixed_assets=100_000, payables=25_000, accruals=4_000, tax_payable=6_000, interest_payable=1_000,
    overdraft=8_000, short_term_debt=10_000, long_term_debt=50_000, provisions=6_000, equity=80_000,
)
# EBIT = 300,000 - 180,000 - 70,000 - 15,000 = 35,000;
# EaT = 35,000 - 4,000 interest - 1,500 extraordinary loss - 7,000 tax + 500 participations = 23,000
INCOME = dict(
    revenue=300_000, cogs=180_000, operating_expenses=70_000, depreciation=15_000, provisions_added=2_000,
    provisions_released=1_000, interest=4_000, extraordinary=-1_500, tax=7_000, retained_participations=500,
)
FACTS = dict(investments=20_000, disposals=3_000, new_loans=15_000, repayments=10_000, share_issues=2_000, dividends=9_000)
# Closing, rolled forward by hand:
#   fixed assets 100,000 + 20,000 - 3,000 - 15,000 + 500 = 102,500
#   provisions 6,000 + 2,000 - 1,000 = 7,000; loans 60,000 + 15,000 - 10,000 = 65,000 (10,000 + 55,000)
#   equity 80,000 + 23,000 + 2,000 - 9,000 = 96,000
#   liabilities and equity 28,000 + 3,500 + 4,500 + 1,200 + 2,000 + 10,000 + 55,000 + 7,000 + 96,000 = 207,200
#   other assets 4,000 + 46,000 + 27,000 + 3,500 + 102,500 = 183,000, so cash 24,200
CLOSING = dict(
    cash=24_200, securities=4_000, receivables=46_000, inventory=27_000, other_current_assets=3_500,
    fixed_assets=102_500, payables=28_000, accruals=3_500, tax_payable=4_500, interest_payable=1_200,
    overdraft=2_000, short_term_debt=10_000, long_term_debt=55_000, provisions=7_000, equity=96_000,
)

# The statement by hand (the effect of each line on cash):
HAND = {
    "ebit": 35_000,
    "depreciation": 15_000,
    "provisions_added": 2_000,
    "provisions_released": -1_000,
    "change_receivables": -6_000,  # 40,000 -> 46,000 ties up 6,000
    "change_inventory": 3_000,  # 30,000 -> 27,000 frees 3,000
    "change_other_current_assets": -500,
    "change_payables": 3_000,  # 25,000 -> 28,000
    "change_accruals": -500,
    "change_operating_working_capital": -1_000,  # -6,000 + 3,000 - 500 + 3,000 - 500
    "cash_from_business_operations": 50_000,  # 35,000 + 15,000 + 2,000 - 1,000 - 1,000
    "interest_paid": -3_800,  # charge 4,000 less the 200 rise in interest payable
    "extraordinary": -1_500,
    "tax_paid": -8_500,  # charge 7,000 plus the 1,500 fall in tax payable
    "cash_flow_operating": 36_200,  # 50,000 - 3,800 - 1,500 - 8,500
    "investments": -20_000,
    "disposals": 3_000,
    "change_securities": 1_000,  # 5,000 -> 4,000
    "cash_flow_investing": -16_000,
    "new_loans": 15_000,
    "repayments": -10_000,
    "share_issues": 2_000,
    "dividends": -9_000,
    "cash_flow_financing": -2_000,
    "net_cash_flow": 18_200,  # 36,200 - 16,000 - 2,000
    "opening_cash": 4_000,  # 12,000 - 8,000 overdraft
    "closing_cash": 22_200,  # 24,200 - 2,000 overdraft
    "change_in_cash": 18_200,
    "difference": 0,
}


def example(**fact_changes):
    facts = {**FACTS, **fact_changes}
    return cashflow_indirect(BalanceSheet(**OPENING), IncomeStatement(**INCOME), BalanceSheet(**CLOSING), CashflowFacts(**facts))


def test_hand_calculated_statement_line_by_line():
    s = example()
    assert [line.key for line in s.lines] == list(HAND)
    assert s.amounts() == {k: D(v) for k, v in HAND.items()}
    assert s.reconciles and s.warnings == ()
    assert s.net_cash_flow == D(18_200) and s.difference == 0
    assert s.line("tax_paid").label_nl == "Betaalde winstbelasting"


def test_totals_are_the_sums_of_their_lines():
    s = example()
    a = s.amounts()
    sections = {"operating": "cash_flow_operating", "investing": "cash_flow_investing", "financing": "cash_flow_financing"}
    for section, total in sections.items():
        parts = [line.amount for line in s.lines if line.section == section and not line.total]
        extra = a["cash_from_business_operations"] if section == "operating" else 0
        assert sum(parts) + extra == a[total]


def test_bhk_and_ocf_from_the_statement():
    s = example()
    assert s.bhk_simple == D(38_000)  # EaT 23,000 + depreciation 15,000
    assert s.bhk_extended == D(38_500)  # + 2,000 added - 1,000 released - 500 participations
    # defaults: this year's interest 4,000 and the closing short-term debt 10,000
    assert s.ocf_ratio() == pytest.approx(36_200 / 14_000)
    assert s.ocf_ratio(5_000, 13_100) == pytest.approx(2.0)  # 36,200 / 18,100


def test_missing_fact_is_reported_with_difference_and_warning():
    s = example(dividends=0)  # the dividend paid is left out of the facts
    assert s.net_cash_flow == D(27_200)  # 18,200 + 9,000 no longer paid out
    assert s.difference == D(-9_000)
    assert not s.reconciles
    assert len(s.warnings) == 2
    assert "-9,000.00" in s.warnings[0]
    assert s.warnings[1].startswith("equity:") and "-9,000.00 unexplained" in s.warnings[1]


def test_unbalanced_sheet_names_both_totals():
    closing = dict(CLOSING, cash=24_300)  # 100 too much cash
    with pytest.raises(BalanceSheetError) as info:
        cashflow_indirect(BalanceSheet(**OPENING), IncomeStatement(**INCOME), BalanceSheet(**closing))
    text = str(info.value)
    assert "closing balance sheet" in text
    assert "207,300.00" in text and "207,200.00" in text and "100.00" in text


def test_ebit_given_wins_and_absent_is_computed():
    assert IncomeStatement(revenue=100, cogs=40, operating_expenses=30, depreciation=10).ebit == D(20)
    given_ = IncomeStatement(revenue=100, cogs=40, operating_expenses=30, depreciation=10, ebit=25)
    assert given_.ebit == D(25) and given_.ebit_given


def test_inputs_are_exact_decimals_and_bad_values_name_the_field():
    b = BalanceSheet(cash=0.1, receivables="0.2", equity=D("0.3"))
    assert b.cash + b.receivables == b.equity  # 0.1 + 0.2 == 0.3 exactly
    with pytest.raises(InputError) as info:
        BalanceSheet(cash="abc")
    assert info.value.field == "cash" and "'abc'" in str(info.value)
    with pytest.raises(InputError):
        IncomeStatement(revenue=True)


# --------------------------------------------------------------------------------------------
# Labels: English keys, Dutch names, one mapping
# --------------------------------------------------------------------------------------------


def test_dutch_and_english_mappings_give_the_same_statement():
    dutch_opening = {
        "Liquide middelen": 12_000, "Effecten": 5_000, "Debiteuren": 40_000, "Voorraden": 30_000,
        "Overlopende activa": 3_000, "Materiële vaste activa": 100_000, "Crediteuren": 25_000,
        "Overlopende passiva": 4_000, "Te betalen belastingen": 6_000, "Te betalen rente": 1_000,
        "Rekening-courant": 8_000, "Kortlopende leningen": 10_000, "Langlopende schulden": 50_000,
        "Voorzieningen": 6_000, "Eigen vermogen": 80_000,
    }
    dutch_income = {
        "Omzet": 300_000, "Kostprijs van de omzet": 180_000, "Bedrijfskosten": 70_000, "Afschrijvingen": 15_000,
        "Dotatie voorzieningen": 2_000, "Onttrekking voorzieningen": 1_000, "Rente": 4_000,
        "Buitengewone posten": -1_500, "Winstbelasting": 7_000, "Ingehouden winst deelnemingen": 500,
    }
    dutch_facts = [("Investeringen", 20_000), ("Desinvesteringen", 3_000), ("Opgenomen leningen", 15_000),
                   ("Aflossingen", 10_000), ("Aandelenemissie", 2_000), ("Dividend", 9_000), (None, None), ("", "")]
    s = cashflow_indirect_from_mappings(dutch_opening, dutch_income, CLOSING, dutch_facts)
    assert s.amounts() == example().amounts()


def test_every_field_is_reachable_by_its_own_name():
    for section, cls in (("balance", BalanceSheet), ("income", IncomeStatement), ("cashflow", CashflowFacts)):
        names = {f for f in cls.__dataclass_fields__ if cls.__dataclass_fields__[f].init}
        assert names == set(LABELS[section].values())
        for name in names:
            assert LABELS[section][name.replace("_", " ")] == name


def test_unknown_label_is_an_error_not_zero():
    with pytest.raises(InputError) as info:
        balance_sheet_from_mapping({"debitueren": 100}, where="balance_opening")
    assert info.value.field == "balance_opening.debitueren"
    assert "receivables" in info.value.hint


def test_same_item_twice_is_an_error():
    with pytest.raises(InputError, match="same item"):
        balance_sheet_from_mapping({"cash": 1, "Liquide middelen": 2})


def test_bad_amount_names_label():
    with pytest.raises(InputError) as info:
        income_statement_from_mapping({"omzet": "veel"})
    assert info.value.field == "income.omzet" and "'veel'" in str(info.value)


def test_empty_amount_is_zero_and_label_without_amount_is_fine():
    facts = cashflow_facts_from_mapping({"investeringen": None, "dividenden": ""})
    assert facts == CashflowFacts()
    with pytest.raises(InputError, match="without a label"):
        cashflow_facts_from_mapping([("", 5)])


def test_line_table_has_unique_keys_and_both_labels():
    keys = [spec.key for spec in LINES]
    assert len(keys) == len(set(keys))
    assert all(spec.label and spec.label_nl for spec in LINES)


# --------------------------------------------------------------------------------------------
# Property: with balancing sheets and complete facts, net cash flow == change in cash, exactly
# --------------------------------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=50_000_000).map(lambda c: D(c) / 100)
signed_cents = st.integers(min_value=-5_000_000, max_value=5_000_000).map(lambda c: D(c) / 100)

ASSETS = ("securities", "receivables", "inventory", "other_current_assets", "fixed_assets")
LIABILITIES = ("payables", "accruals", "tax_payable", "interest_payable", "short_term_debt", "long_term_debt", "provisions")


def _balanced(values: dict, balancing_cash: bool) -> BalanceSheet:
    """Make a sheet balance: equity (opening) or cash, with a negative cash shown as overdraft."""
    assets = sum(values.get(k, 0) for k in ASSETS)
    liabilities = sum(values.get(k, 0) for k in LIABILITIES)
    if not balancing_cash:
        values["equity"] = values["cash"] + assets - liabilities - values["overdraft"]
    else:
        cash = liabilities + values["overdraft"] + values["equity"] - assets
        values["cash"], values["overdraft"] = (cash, D(0)) if cash >= 0 else (D(0), -cash)
    return BalanceSheet(**values)


@st.composite
def years(draw, unexplained: bool = False):
    opening = {k: draw(cents) for k in ("cash", "overdraft", *ASSETS, *LIABILITIES)}
    opening_sheet = _balanced(opening, balancing_cash=False)
    income = IncomeStatement(**{k: draw(cents) for k in ("revenue", "cogs", "operating_expenses", "depreciation",
                                                          "provisions_added", "provisions_released", "interest", "tax",
                                                          "retained_participations")}, extraordinary=draw(signed_cents))
    facts = CashflowFacts(**{k: draw(cents) for k in ("investments", "disposals", "new_loans", "repayments",
                                                       "share_issues", "dividends")})
    u = {k: (draw(signed_cents) if unexplained else D(0)) for k in ("fa", "debt", "prov", "eq")}
    closing = {k: draw(cents) for k in ("securities", "receivables", "inventory", "other_current_assets", "payables",
                                        "accruals", "tax_payable", "interest_payable")}
    # roll-forwards (accounting identities), plus the unexplained amounts u
    closing["fixed_assets"] = (opening_sheet.fixed_assets + facts.investments - facts.disposals - income.depreciation
                               + income.retained_participations + u["fa"])
    debt = opening_sheet.short_term_debt + opening_sheet.long_term_debt + facts.new_loans - facts.repayments + u["debt"]
    closing["short_term_debt"] = draw(cents)
    closing["long_term_debt"] = debt - closing["short_term_debt"]
    closing["provisions"] = opening_sheet.provisions + income.provisions_added - income.provisions_released + u["prov"]
    closing["equity"] = (opening_sheet.equity + income.earnings_after_tax + facts.share_issues - facts.dividends
                         + u["eq"])
    closing["overdraft"] = D(0)
    return opening_sheet, income, _balanced(closing, balancing_cash=True), facts, u


@settings(max_examples=50, deadline=None)
@given(years())
def test_complete_facts_reconcile_exactly(year):
    opening, income, closing, facts, _ = year
    s = cashflow_indirect(opening, income, closing, facts)
    assert s.net_cash_flow == (closing.cash - closing.overdraft) - (opening.cash - opening.overdraft)
    assert s.difference == 0 and s.warnings == ()


@settings(max_examples=50, deadline=None)
@given(years(unexplained=True))
def test_difference_is_what_the_facts_leave_unexplained(year):
    opening, income, closing, facts, u = year
    s = cashflow_indirect(opening, income, closing, facts)
    # more fixed assets than explained cost cash; more debt, provisions or equity than explained brought it
    assert s.difference == -u["fa"] + u["debt"] + u["prov"] + u["eq"]
    assert len(s.warnings) == (0 if s.difference == 0 else 1 + sum(1 for v in u.values() if v != 0))
