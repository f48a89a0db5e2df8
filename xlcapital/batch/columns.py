"""The portfolio's columns: declared once, and everything else (the job's row, the CSV, the JSON, the
workbook, the result cache) derives from this list.

Each :class:`Column` has a key (the CSV header and the JSON key), a header for people (the
workbook), a kind that says how its value is stored and shown, and where the value comes from.

>>> [c.key for c in COLUMNS][:4]
['client', 'name', 'period_start', 'period_end']
>>> column("dso").kind, column("trigger_free_cash").kind
('days', 'status')
>>> to_json_value(column("cash"), Decimal("1234.5")), from_json_value(column("cash"), "1234.5")
('1234.5', Decimal('1234.5'))
>>> display(column("cash"), Decimal("-0.005")), display(column("current_ratio"), 1.23456)
('-0.01', '1.23456')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from xlcapital.forecast.triggers import ORDER, RULES
from xlcapital.names import display_name

CENT = Decimal("0.01")

#: The KPI of :func:`xlcapital.forecast.analyse` (``analysis.kpis``) behind each portfolio column.
#: The one place that knows the forecast's KPI names: if the forecast renames one, change it here.
FORECAST_KPIS = {
    "cash": "cash_position",
    "lowest_cash": "lowest_cash",
    "lowest_week": "lowest_week",
    "runway_months": "runway_months",
}

#: The ratio of :func:`xlcapital.company.company_ratios` behind each portfolio column.
COMPANY_RATIOS = {
    "current_ratio": "current_ratio",
    "quick_ratio": "quick_ratio",
    "dso": "dso",
    "dpo": "dpo",
    "dsi": "dsi",
    "ccc": "ccc",
    "net_working_capital": "net_working_capital",
}

#: Per kind: how the workbook formats it (an Excel number format; None: text).
KINDS = {
    "text": None,
    "date": "yyyy-mm-dd",
    "int": "0",
    "week": "0",
    "amount": "#,##0.00",
    "ratio": "0.00",
    "days": "0.0",
    "months": "0.0",
    "status": None,
    "link": None,
}


@dataclass(frozen=True)
class Column:
    """One column of the portfolio."""

    key: str
    header: str
    kind: str
    source: str  # where the value comes from (docs/batch.md prints this list)


def _trigger_columns() -> list[Column]:
    return [
        Column(f"trigger_{name}", f"Trigger: {display_name(name)}", "status",
               f"forecast trigger {name}: ok / warning / alert (off when disabled in forecast.toml)")
        for name in RULES
    ]  # fmt: skip


COLUMNS: tuple[Column, ...] = (
    Column("client", "Client", "text", "the client's folder name in CLIENTS_DIR"),
    Column("name", "Name", "text", "company.toml [company] name, else forecast.toml's, else the folder name"),
    Column("period_start", "Period from", "date", "company.toml [period] start"),
    Column("period_end", "Period to", "date", "company.toml [period] end"),
    Column("forecast_start", "Forecast from", "date", "the forecast's first Monday"),
    Column("weeks", "Weeks", "int", "the forecast's horizon in weeks"),
    Column("current_ratio", "Current ratio", "ratio", "company.toml, closing balance sheet"),
    Column("quick_ratio", "Quick ratio", "ratio", "company.toml, closing balance sheet"),
    Column("dso", "DSO", "days", "company.toml, (opening, closing) average receivables / revenue x days"),
    Column("dpo", "DPO", "days", "company.toml, (opening, closing) average payables / COGS x days"),
    Column("dsi", "DSI", "days", "company.toml, (opening, closing) average inventory / COGS x days"),
    Column("ccc", "CCC", "days", "company.toml: DSO + DSI - DPO"),
    Column("net_working_capital", "NWC", "amount",
           "company.toml, closing: receivables + inventory + cash + securities - current liabilities"),
    Column("cash_flow_operating", "Operating cash flow", "amount", "company.toml: the indirect cash-flow statement"),
    Column("net_cash_flow", "Net cash flow", "amount", "company.toml: the indirect cash-flow statement"),
    Column("cash", "Cash", "amount", "forecast: the cash position at the start (bank balance rolled to the start)"),
    Column("lowest_cash", "Lowest cash", "amount", "forecast, selected scenario: the lowest weekly closing cash"),
    Column("lowest_week", "Lowest in week", "week", "forecast: the first week with the lowest closing cash"),
    Column("first_breach_week", "Limit breached in week", "week",
           "forecast, selected scenario: the first week below the credit limit (empty: none)"),
    Column("extra_financing", "Extra financing needed", "amount",
           "forecast, selected scenario: MAX(0, -credit limit - lowest cash)"),
    Column("runway_months", "Runway (months)", "months", "forecast: cash / burn rate (empty: not burning cash)"),
    *_trigger_columns(),
    Column("status", "Status", "status", "the worst trigger status (empty without a forecast)"),
    Column("workbook", "Workbook", "link", "the client's forecast workbook, relative to OUT_DIR"),
)  # fmt: skip

#: The columns of the failed clients (the Failed sheet, failures.csv and portfolio.json's "failed").
FAILURE_COLUMNS = ("client", "file", "line", "field", "message")

_BY_KEY = {c.key: c for c in COLUMNS}


def column(key: str) -> Column:
    return _BY_KEY[key]


def worst_status(statuses) -> str:
    """The worst of ok / warning / alert ("off" triggers count as ok); "" when there are none."""
    seen = [s for s in statuses if s in ORDER]
    return max(seen, key=ORDER.__getitem__) if seen else ""


def to_json_value(col: Column, value: Any) -> Any:
    """A row value for JSON, exact (amounts as strings with every digit: the cache keeps full precision)."""
    if value is None:
        return None
    if col.kind == "amount":
        return str(value)
    if col.kind == "date":
        return value.isoformat()
    return value


def from_json_value(col: Column, value: Any) -> Any:
    """The inverse of :func:`to_json_value`."""
    if value is None:
        return None
    if col.kind == "amount":
        return Decimal(value)
    if col.kind == "date":
        return date.fromisoformat(value)
    return value


def display(col: Column, value: Any) -> str:
    """A row value as text for the CSV (amounts rounded half up to cents: display only)."""
    if value is None:
        return ""
    if col.kind == "amount":
        return str(value.quantize(CENT, rounding=ROUND_HALF_UP))
    if col.kind == "date":
        return value.isoformat()
    return str(value)
