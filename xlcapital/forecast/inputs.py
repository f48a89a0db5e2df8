"""The forecast's inputs: one import for the objects, the value parsers and the file readers.

The pieces live where their seams are: :mod:`~xlcapital.forecast.types` (the objects),
:mod:`~xlcapital.forecast.values` (one value), :mod:`~xlcapital.forecast.schema` (every field,
declared once), :mod:`~xlcapital.forecast.csvfiles` (the CSV tables, as people save them) and
:mod:`~xlcapital.forecast.tomlfile` (forecast.toml). Every problem in a file is an
:class:`~xlcapital.errors.InputError` naming the file, the line and the column.

>>> parse_fraction("-15%", field="revenue_change")
Decimal('-0.15')
"""

from __future__ import annotations

from xlcapital.forecast.csvfiles import (
    Dialect,
    Row,
    detect,
    read_categories,
    read_customers,
    read_expected_sales,
    read_payables,
    read_payroll,
    read_receivables,
    read_recurring,
    read_table,
)
from xlcapital.forecast.tomlfile import TRIGGER_RULES, ForecastFile, read_forecast_toml
from xlcapital.forecast.types import (
    FREQUENCIES,
    MATCH_FIELDS,
    ONE_OFF,
    PAYABLES,
    RECEIVABLES,
    RISK_PROFILES,
    SALES,
    ZERO,
    Category,
    Customer,
    ExpectedSale,
    Financials,
    History,
    Inputs,
    OneOff,
    Payable,
    Projection,
    Receivable,
    Recurring,
    SalesPlan,
    Scenario,
    Settings,
    TriggerConfig,
    customer_key,
)
from xlcapital.forecast.values import (
    account_key,
    parse_accounts,
    parse_choice,
    parse_date,
    parse_fraction,
    parse_int,
    parse_money,
    parse_yes_no,
)

__all__ = [
    "Dialect", "Row", "detect", "read_table", "read_categories", "read_customers", "read_expected_sales",
    "read_payables", "read_payroll", "read_receivables", "read_recurring", "TRIGGER_RULES", "ForecastFile", "read_forecast_toml",
    "FREQUENCIES", "MATCH_FIELDS", "ONE_OFF", "PAYABLES", "RECEIVABLES", "RISK_PROFILES", "SALES", "ZERO",
    "Category", "Customer", "ExpectedSale", "Financials", "History", "Inputs", "OneOff", "Payable", "Projection",
    "Receivable", "Recurring", "SalesPlan", "Scenario", "Settings", "TriggerConfig", "customer_key", "account_key",
    "parse_accounts", "parse_choice", "parse_date", "parse_fraction", "parse_int", "parse_money", "parse_yes_no",
]  # fmt: skip
