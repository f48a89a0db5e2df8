"""The statement's outputs and messages, exactly: the balance-sheet totals, to_dict/JSON keys, every
reconciliation warning word for word (the equity roll-forward with dividends among them), and the
text of the errors a user meets when a sheet does not balance or a label is wrong.

The worked example is tests/test_statements.py's (opening, income, facts and closing by hand)."""

from __future__ import annotations

import copy
import json
import pickle
from decimal import Decimal

import pytest

from tests.test_statements import CLOSING, FACTS, HAND, INCOME, OPENING
from xlcapital.errors import BalanceSheetError, InputError
from xlcapital.statements import (
    LINES,
    TOTALS,
    BalanceSheet,
    CashflowFacts,
    IncomeStatement,
    balance_sheet_from_mapping,
    cashflow_facts_from_mapping,
    cashflow_indirect,
    cashflow_indirect_from_mappings,
    income_statement_from_mapping,
    normalize_label,
)

D = Decimal
TO_DO = "a fact in [cashflow] or [income] is missing or wrong"
BALANCE_FIELDS = (
    "cash, securities, receivables, inventory, other_current_assets, fixed_assets, payables, accruals, tax_payable, "
    "interest_payable, overdraft, short_term_debt, long_term_debt, provisions, equity"
)


def statement(income=None, **fact_changes):
    return cashflow_indirect(BalanceSheet(**OPENING), IncomeStatement(**(income or INCOME)), BalanceSheet(**CLOSING),
                             CashflowFacts(**{**FACTS, **fact_changes}))


# --------------------------------------------------------------------------------------------
# The balance sheet's totals, each by hand from the opening sheet
# --------------------------------------------------------------------------------------------


def test_balance_sheet_totals_by_hand():
    b = BalanceSheet(**OPENING)
    assert b.current_assets == D(90_000)  # 12,000 + 5,000 + 40,000 + 30,000 + 3,000
    assert b.total_assets == D(190_000)  # + fixed assets 100,000
    assert b.current_liabilities == D(54_000)  # 25,000 + 4,000 + 6,000 + 1,000 + 8,000 + 10,000
    assert b.debt == D(60_000)  # short-term 10,000 + long-term 50,000
    assert b.total_liabilities_and_equity == D(190_000)  # 54,000 + 50,000 + 6,000 + 80,000
    assert b.net_cash == D(4_000)  # 12,000 - 8,000 overdraft
    assert b.net_working_capital == D(36_000)  # 90,000 - 54,000
    assert b.operating_working_capital == D(44_000)  # 40,000 + 30,000 + 3,000 - 25,000 - 4,000
    assert (b.imbalance, b.balances) == (D(0), True)
    lopsided = BalanceSheet(**dict(OPENING, cash=12_001))
    assert (lopsided.imbalance, lopsided.balances) == (D(1), False)


def test_net_working_capital_is_the_ratio_library_s():
    from xlcapital import ratios

    b = BalanceSheet(**CLOSING)
    # 4,000 + 46,000 + 27,000 + 3,500 + 24,200 = 104,700 - (28,000 + 3,500 + 4,500 + 1,200 + 2,000 + 10,000)
    assert b.net_working_capital == D(104_700 - 49_200)
    assert b.net_working_capital == ratios.net_working_capital(
        b.receivables, b.inventory, b.cash, b.current_liabilities, b.securities, b.other_current_assets
    )


def test_earnings_after_tax_by_hand():
    # 35,000 - 4,000 interest + (-1,500) extraordinary - 7,000 tax + 500 participations
    assert IncomeStatement(**INCOME).earnings_after_tax == D(23_000)


def test_every_amount_becomes_a_decimal_and_text_nothing_is_zero():
    i = IncomeStatement(revenue=10, ebit=None, interest=3, extraordinary=2, tax=1, retained_participations=4)
    assert all(type(getattr(i, name)) is Decimal for name in ("interest", "extraordinary", "tax", "retained_participations"))
    assert i.ebit_given is False and IncomeStatement(ebit=5).ebit_given is True
    assert BalanceSheet(cash="", equity=None) == BalanceSheet()


# --------------------------------------------------------------------------------------------
# Output structure: lines, to_dict, JSON
# --------------------------------------------------------------------------------------------


def test_to_dict_keys_and_one_line():
    s = statement()
    d = s.to_dict()
    assert list(d) == ["lines", *TOTALS, "reconciles", "warnings"]
    assert list(TOTALS) == ["cash_from_business_operations", "cash_flow_operating", "cash_flow_investing",
                            "cash_flow_financing", "net_cash_flow", "opening_cash", "closing_cash", "difference"]
    assert d["lines"][0] == {"key": "ebit", "label": "EBIT (operating result)", "label_nl": "Bedrijfsresultaat",
                             "section": "operations", "total": False, "amount": D(35_000)}
    assert d["lines"][-5] == {"key": "net_cash_flow", "label": "Net cash flow", "label_nl": "Netto kasstroom",
                              "section": "net", "total": True, "amount": D(18_200)}
    assert [line["key"] for line in d["lines"]] == list(HAND)
    assert (d["net_cash_flow"], d["opening_cash"], d["difference"]) == (D(18_200), D(4_000), D(0))
    assert d["reconciles"] is True and d["warnings"] == []
    # JSON-ready once amounts are written as strings: nothing else needs a converter
    assert json.loads(json.dumps(d, default=str))["lines"][1]["amount"] == "15000"


def test_every_line_carries_the_table_s_labels():
    s = statement()
    assert [(x.key, x.label, x.label_nl, x.section, x.total) for x in s.lines] == [
        (spec.key, spec.label, spec.label_nl, spec.section, spec.total) for spec in LINES
    ]


def test_the_statement_keeps_its_inputs_and_copies():
    s = statement()
    assert s.opening == BalanceSheet(**OPENING) and s.closing == BalanceSheet(**CLOSING)
    assert s.income == IncomeStatement(**INCOME) and s.facts == CashflowFacts(**FACTS)
    for twin in (copy.copy(s), copy.deepcopy(s), pickle.loads(pickle.dumps(s))):  # Dask pickles results
        assert twin.amounts() == s.amounts()


def test_unknown_line_names_itself():
    s = statement()
    with pytest.raises(AttributeError, match="^no_such_line$"):
        s.no_such_line  # noqa: B018
    with pytest.raises(KeyError, match="no_such_line"):
        s.line("no_such_line")


def test_without_facts_every_fact_is_zero():
    s = cashflow_indirect(BalanceSheet(**OPENING), IncomeStatement(**INCOME), BalanceSheet(**CLOSING))
    assert s.facts == CashflowFacts()
    # the facts' net 1,000 (-20,000 + 3,000 + 15,000 - 10,000 + 2,000 - 9,000 = -19,000) is missing
    assert s.net_cash_flow == D(18_200 + 19_000) and s.difference == D(-19_000)


# --------------------------------------------------------------------------------------------
# Reconciliation warnings, word for word: one per roll-forward the facts break
# --------------------------------------------------------------------------------------------


def _first(net_cash_flow: str, difference: str) -> str:
    return (f"the statement does not reconcile: net cash flow {net_cash_flow} but cash (net of overdraft) changed by "
            f"18,200.00; difference {difference}")


def test_equity_roll_forward_with_dividends():
    # 12,000 of dividends recorded where 9,000 were paid: cash flow 3,000 lower than the cash moved.
    # equity: 80,000 + 23,000 EaT + 2,000 issued - 12,000 dividends = 93,000; the sheet has 96,000
    s = statement(dividends=12_000)
    assert s.warnings == (
        _first("15,200.00", "3,000.00"),
        "equity: opening + earnings after tax + share issues - dividends = 93,000.00 but the closing balance sheet "
        f"has 96,000.00 (3,000.00 unexplained: {TO_DO})",
    )


def test_fixed_assets_roll_forward():
    # investments 25,000 instead of 20,000: 100,000 + 25,000 - 3,000 - 15,000 + 500 = 107,500 vs 102,500
    s = statement(investments=25_000)
    assert s.warnings == (
        _first("13,200.00", "5,000.00"),
        "fixed assets: opening + investments - disposals - depreciation + retained participations = 107,500.00 but "
        f"the closing balance sheet has 102,500.00 (-5,000.00 unexplained: {TO_DO})",
    )


def test_loans_roll_forward():
    # new loans 20,000 instead of 15,000: 60,000 + 20,000 - 10,000 = 70,000 vs 65,000
    s = statement(new_loans=20_000)
    assert s.warnings == (
        _first("23,200.00", "-5,000.00"),
        "loans (short and long-term debt): opening + new loans - repayments = 70,000.00 but the closing balance "
        f"sheet has 65,000.00 (-5,000.00 unexplained: {TO_DO})",
    )


def test_provisions_roll_forward():
    # 3,000 added instead of 2,000 (EBIT is given by its parts, so it stays 35,000):
    # 6,000 + 3,000 - 1,000 = 8,000 vs 7,000
    s = statement(income=dict(INCOME, provisions_added=3_000))
    assert s.warnings == (
        _first("19,200.00", "-1,000.00"),
        "provisions: opening + provisions added - provisions released = 8,000.00 but the closing balance sheet has "
        f"7,000.00 (-1,000.00 unexplained: {TO_DO})",
    )


# --------------------------------------------------------------------------------------------
# Errors, word for word
# --------------------------------------------------------------------------------------------


def test_an_unbalanced_sheet_says_which_and_what_to_do():
    hint = "(check the amounts, or put the difference in the right item)"
    with pytest.raises(BalanceSheetError) as info:
        BalanceSheet(cash=1).check()
    assert str(info.value) == (
        f"balance sheet: does not balance: total assets 1.00 but liabilities and equity 0.00 (difference 1.00) {hint}"
    )
    with pytest.raises(BalanceSheetError) as info:
        cashflow_indirect(BalanceSheet(**dict(OPENING, equity=79_000)), IncomeStatement(**INCOME),
                          BalanceSheet(**CLOSING))
    assert str(info.value) == (
        "opening balance sheet: does not balance: total assets 190,000.00 but liabilities and equity 189,000.00 "
        f"(difference 1,000.00) {hint}"
    )
    with pytest.raises(BalanceSheetError) as info:
        cashflow_indirect(BalanceSheet(**OPENING), IncomeStatement(**INCOME), BalanceSheet(**dict(CLOSING, cash=0)))
    assert str(info.value) == (
        "closing balance sheet: does not balance: total assets 183,000.00 but liabilities and equity 207,200.00 "
        f"(difference -24,200.00) {hint}"
    )


def test_label_errors_word_for_word():
    def text(call):
        with pytest.raises(InputError) as info:
            call()
        return str(info.value)

    assert text(lambda: balance_sheet_from_mapping({"debitueren": 1})) == (
        f"balance.debitueren: unknown item 'debitueren' (known: {BALANCE_FIELDS})"
    )
    assert text(lambda: balance_sheet_from_mapping({"cash": 1, "Liquide middelen": 2})) == (
        "balance.Liquide middelen: 'Liquide middelen' and 'cash' are the same item (cash)"
    )
    assert text(lambda: balance_sheet_from_mapping([("cash",)])) == "balance: expected (label, amount) pairs, got ('cash',)"
    assert text(lambda: cashflow_facts_from_mapping([("", 5)])) == "cashflow: an amount without a label: 5"
    assert text(lambda: income_statement_from_mapping({"omzet": "veel"})) == "income.omzet: not an amount: 'veel'"
    assert text(lambda: cashflow_facts_from_mapping({"dividend": "x"})) == "cashflow.dividend: not an amount: 'x'"
    assert text(lambda: cashflow_indirect_from_mappings({"kas": 1, "x": 1}, {}, {})) == (
        f"balance_opening.x: unknown item 'x' (known: {BALANCE_FIELDS})"
    )
    assert text(lambda: cashflow_indirect_from_mappings({}, {}, {"y": 1})) == (
        f"balance_closing.y: unknown item 'y' (known: {BALANCE_FIELDS})"
    )


def test_an_empty_row_does_not_end_the_range():
    income = income_statement_from_mapping([("", None), (None, ""), ("Omzet:", 5), ("rente", 1)])
    assert (income.revenue, income.interest) == (D(5), D(1))


def test_normalize_label_drops_a_trailing_colon_only():
    assert normalize_label("Omzet:") == "omzet"
    assert normalize_label(" Te_betalen-rente : ") == "te betalen rente"
    assert normalize_label(":x") == ":x"
