"""The 13-week cash-flow forecast: inputs, scenarios, stress tests, overdraft, triggers and KPIs.

The model is written down in docs/forecast-model.md, the contract the generated workbook
reproduces with Excel formulas. The public API::

    inputs = load("my-company")                    # a folder -> explicit Inputs (learned values filled in)
    run = forecast(inputs, scenario="base")        # weeks, months and the expanded cash items
    result = analyse(inputs)                       # scenarios, stress tests, triggers, KPIs
"""

from __future__ import annotations

from xlcapital.forecast.actuals import balance_day, counted, opening_cash
from xlcapital.forecast.analysis import Analysis, analyse, evaluate_triggers
from xlcapital.forecast.engine import CashItem, Period, Run, categories, expand, forecast
from xlcapital.forecast.folder import load
from xlcapital.forecast.inputs import (
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
    account_key,
)
from xlcapital.forecast.scenarios import STRESS_TESTS, StressTest, stressed
from xlcapital.forecast.triggers import RULES, Trigger

__all__ = [
    "load", "forecast", "expand", "categories", "analyse", "evaluate_triggers", "stressed", "opening_cash",
    "balance_day", "counted", "account_key",
    "Analysis", "CashItem", "Period", "Run", "Inputs", "Settings", "SalesPlan", "Receivable", "Payable",
    "Customer", "Recurring", "ExpectedSale", "Category", "Projection", "Scenario", "OneOff", "TriggerConfig", "History",
    "Financials", "STRESS_TESTS", "StressTest", "RULES", "Trigger",
]  # fmt: skip
