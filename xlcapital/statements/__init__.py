"""Balance sheet, income statement and the indirect-method cash-flow statement (seed 004).

The inputs are three small typed objects plus the facts a balance sheet cannot show
(:mod:`~xlcapital.statements.inputs`):

* :class:`BalanceSheet` (opening and closing), :class:`IncomeStatement` (the period between),
  :class:`CashflowFacts` (investments, disposals, new loans, repayments, share issues, dividends).
* Every amount is an exact :class:`~decimal.Decimal`; the constructors accept ints, Decimals,
  floats (through their shortest repr) and text with a decimal point, and refuse anything else
  naming the field. Absent amounts are 0.

:func:`cashflow_indirect` (:mod:`~xlcapital.statements.cashflow`) turns them into a
:class:`CashflowStatement` of labelled lines, each amount its **effect on cash**.
:mod:`~xlcapital.statements.labels` reads the inputs from Dutch or English labels (Excel ranges).

>>> opening = BalanceSheet(cash=10_000, receivables=50_000, inventory=30_000, fixed_assets=60_000,
...                        payables=40_000, equity=110_000)
>>> closing = BalanceSheet(cash=24_000, receivables=55_000, inventory=28_000, fixed_assets=55_000,
...                        payables=37_000, equity=125_000)
>>> income = IncomeStatement(revenue=400_000, cogs=250_000, operating_expenses=120_000,
...                          depreciation=5_000, tax=10_000)
>>> s = cashflow_indirect(opening, income, closing)
>>> s.ebit, s.cash_from_business_operations, s.net_cash_flow, s.difference
(Decimal('25000'), Decimal('24000'), Decimal('14000'), Decimal('0'))
"""

from xlcapital.statements.cashflow import (
    LINES,
    TOTALS,
    CashflowStatement,
    StatementLine,
    bhk_cashflow_extended,
    bhk_cashflow_simple,
    cashflow_indirect,
)
from xlcapital.statements.inputs import BalanceSheet, CashflowFacts, IncomeStatement
from xlcapital.statements.labels import (
    LABELS,
    balance_sheet_from_mapping,
    cashflow_facts_from_mapping,
    cashflow_indirect_from_mappings,
    income_statement_from_mapping,
    normalize_label,
)

__all__ = [
    "BalanceSheet",
    "IncomeStatement",
    "CashflowFacts",
    "StatementLine",
    "CashflowStatement",
    "cashflow_indirect",
    "cashflow_indirect_from_mappings",
    "balance_sheet_from_mapping",
    "income_statement_from_mapping",
    "cashflow_facts_from_mapping",
    "bhk_cashflow_simple",
    "bhk_cashflow_extended",
    "normalize_label",
    "LABELS",
    "LINES",
    "TOTALS",
]
