"""Reading a company folder: the documented files, learned values with their source, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital.cli import main
from xlcapital.company import load_company, sample_dir
from xlcapital.errors import InputError
from xlcapital.forecast import analyse, forecast, load

ROOT = Path(__file__).resolve().parents[1]

FORECAST_TOML = """
[forecast]
start = 2026-04-06
weeks = 4
opening_balance = 1000.00
credit_limit = 500
overdraft_rate = "3.65%"
minimum_buffer = 200
risk_profile = "conservative"

[sales]
amount = 1000
frequency = "weekly"
day = 5
collection_days = 10

[[scenarios]]
name = "base"

[[scenarios]]
name = "worst"
revenue_change = -0.2
collection_delay_days = 7
[[scenarios.one_off]]
date = 2026-04-29
amount = -5
category = "Machine"

[triggers.free_cash]
owner = "Kees"
"""


def company(tmp_path: Path, **files: str) -> Path:
    """A company folder with forecast.toml (the one above unless given) and the given CSV files."""
    files.setdefault("forecast.toml", FORECAST_TOML)
    for name, text in files.items():
        (tmp_path / name.replace("_csv", ".csv")).write_text(text.lstrip("\n"), encoding="utf-8")
    return tmp_path


def test_a_folder_a_user_fills_in(tmp_path):
    folder = company(
        tmp_path,
        receivables_csv="""
customer,invoice,invoice_date,due_date,amount
Acme,F1,2026-03-09,2026-04-08,300.00
""",
        customers_csv="customer,payment_delay_days\nAcme,14\n",
        payables_csv="supplier,invoice,due_date,amount\nWholesale,A7,2026-04-14,1500\n",
        recurring_csv="name,category,amount,frequency,day\nRent,Rent,-100,monthly,1\n",
        sales_csv="date,amount,description\n2026-04-01,50,big order\n",
        categories_csv="category,match,pattern,project,weekly_amount\nFuel,counterparty,Shell,yes,-7\n",
    )
    inputs = load(folder)
    s = inputs.settings
    assert (s.start, s.weeks, s.opening_balance, s.overdraft_rate, s.risk_profile) == (
        date(2026, 4, 6), 4, D("1000.00"), D("0.0365"), "conservative")  # fmt: skip
    assert s.sources["start"] == "given" and s.sources["default_payment_delay_days"] == "default"
    assert inputs.sales.collection_days == 10 and inputs.sales.sources["collection_days"] == "given"
    assert [(p.category, p.weekly_amount, p.revenue_linked) for p in inputs.projections] == [("Fuel", D(-7), False)]
    weeks = forecast(inputs).weeks
    # the hand case of test_forecast_engine plus sales (Fri 10 Apr + 10 days = week 3, 17 Apr -> week 4),
    # the order of 1 Apr (+10 = 11 Apr, week 1) and fuel -7 a week
    assert weeks[0].net_flow == D(50 - 7)
    assert weeks[1].net_flow == D(-1500 - 7)
    assert weeks[2].receipts == {"Receivables": D(300), "Sales": D(1000)}
    assert [t.owner for t in analyse(inputs).triggers if t.rule == "free_cash"] == ["Kees"]
    assert analyse(inputs).default.name == "base"


def test_the_bundled_sample_agrees_with_its_company_file():
    folder = sample_dir()
    inputs = load(folder)
    books = load_company(folder / "company.toml")
    # the bank export ends on the closing cash of the balance sheet, and the open items add up to it
    assert inputs.settings.opening_balance == books.closing.cash == D("87725.84")
    assert inputs.settings.sources["opening_balance"] == "bank"
    assert sum(r.amount for r in inputs.receivables if r.open) == books.closing.receivables
    assert sum(p.amount for p in inputs.payables) == books.closing.payables
    # the last row of the ING export (newest first: the first data row) states that balance itself
    first_row = next(p for p in (folder / "bank").iterdir()).read_text(encoding="utf-8").splitlines()[1]
    assert first_row.split(";")[9] == '"87725,84"'
    # the export ends on Tuesday 31 December 2024: the forecast starts Monday 6 January 2025
    assert inputs.settings.start == date(2025, 1, 6) and inputs.settings.sources["start"] == "bank"
    # payments of paid invoices were found in the bank; customers.csv's given delay is kept
    assert sum(1 for r in inputs.receivables if r.paid_source == "history") > 50
    delays = {c.name: c for c in inputs.customers}
    assert (delays["Woonstichting Eemland"].payment_delay_days, delays["Woonstichting Eemland"].source) == (30, "given")
    assert delays["Bouwbedrijf Hendriks & Zn."].source == "history"
    assert {p.source for p in inputs.projections} == {"history"}
    a = analyse(inputs)
    assert set(a.scenarios) == {"base", "best", "worst"}
    # the worst case dips towards the credit limit without breaching it; a stress test (customers 30 days later)
    # takes it to within a tenth of the limit: the quarterly VAT returns (section 13) are what the
    # company owes, no longer a flat 41,500, so the stress tests stop short of a breach
    assert -inputs.settings.credit_limit < a.scenarios["worst"].lowest_cash < 0
    assert min(r.lowest_cash for r in a.stress) < -D("0.9") * inputs.settings.credit_limit
    assert not any(r.first_breach_week for r in a.stress)


def error(folder: Path) -> str:
    with pytest.raises(InputError) as exc:
        load(folder)
    return str(exc.value)


@pytest.mark.parametrize(
    "name,text,expected",
    [
        ("receivables.csv", "customer,invoice,invoice_date,due_date,amount\nA,1,2026-01-01,2026-01-31,10\nB,2,2026-01-01,31-01-2026,5\n",
         "receivables.csv:3: due_date: not a date: '31-01-2026' (write dates as YYYY-MM-DD)"),
        ("receivables.csv", "customer,invoice,invoice_date,due_date,amount\nA,1,2026-01-01,2026-01-31,1.000,00\n",
         "receivables.csv:2: 6 cells but the header names 5 columns"),
        ("receivables.csv", "customer,invoice,invoice_date,due_date,amount\nA,1,2026-01-01,2026-01-31,abc\n",
         "receivables.csv:2: amount: not an amount: 'abc'"),
        ("receivables.csv", "customer,invoice,invoice_date,due_date,amount\nA,1,2026-02-01,2026-01-31,1\n",
         "receivables.csv:2: due_date: due_date is before invoice_date"),
        ("receivables.csv", "customer,invoice,invoice_date,due_date,amount\nA,1,2026-01-01,2026-01-31,1\nB,1,2026-01-01,2026-01-31,1\n",
         "receivables.csv:3: invoice: invoice '1' also on line 2"),
        ("receivables.csv", "customer,invoice,date,due_date,amount\n", "receivables.csv:1: unknown column 'date'"),
        ("payables.csv", "supplier,amount\nX,1\n", "payables.csv:1: missing column due_date"),
        ("payables.csv", "supplier,due_date,amount\n,2026-01-01,1\n", "payables.csv:2: supplier: a value is required"),
        ("recurring.csv", "name,category,amount,frequency,day\nRent,Rent,-1,fortnightly,1\n",
         "recurring.csv:2: frequency: 'fortnightly' is not one of weekly, monthly, quarterly, yearly, once"),
        ("recurring.csv", "name,category,amount,frequency,day\nRent,Rent,-1,weekly,9\n",
         "recurring.csv:2: day: 9 is out of range (use 1 to 7)"),
        ("recurring.csv", "name,category,amount,frequency\nTax,Tax,-1,once\n",
         "recurring.csv:2: start: a 'once' item needs its date in start"),
        ("customers.csv", "customer,payment_delay_days\nA,3.5\n", "customers.csv:2: payment_delay_days: not a whole number: '3.5'"),
        ("categories.csv", "category,match,pattern,project\nFuel,name,Shell,yes\n",
         "categories.csv:2: match: 'name' is not one of counterparty, iban, description"),
        ("categories.csv", "category,match,pattern,weekly_amount\nFuel,counterparty,Shell,-5\nFuel,counterparty,BP,-6\n",
         "categories.csv:3: weekly_amount: 'Fuel' has weekly_amount -5 on line 2"),
        ("forecast.toml", FORECAST_TOML.replace("weeks = 4", "weeks = 4\nweks = 5"),
         "forecast.toml: forecast.weks: unknown key 'weks'"),
        ("forecast.toml", FORECAST_TOML.replace("2026-04-06", "2026-04-07"),
         "forecast.toml: forecast.start: start 2026-04-07 is a Tuesday (weeks run Monday to Sunday: give a Monday)"),
        ("forecast.toml", FORECAST_TOML.replace('"conservative"', '"reckless"'),
         "forecast.toml: forecast.risk_profile: 'reckless' is not one of conservative, moderate, offensive"),
        ("forecast.toml", FORECAST_TOML.replace("collection_delay_days = 7", "collection_delay_days = 'x'"),
         "forecast.toml: scenarios.worst.collection_delay_days: not a whole number: 'x'"),
        ("forecast.toml", FORECAST_TOML + "\n[triggers.cash]\nalert = 1\n", "forecast.toml: triggers.cash: unknown key 'cash'"),
        ("forecast.toml", "[forecast\n", "forecast.toml: not valid TOML"),
    ],
)  # fmt: skip
def test_bad_files_name_file_line_and_column(tmp_path, name, text, expected):
    company(tmp_path, **{name.replace(".csv", "_csv"): text})
    message = error(tmp_path)
    assert expected in message, message


def test_missing_forecast_toml_and_missing_start(tmp_path):
    assert "forecast.toml is missing" in error(tmp_path)
    company(tmp_path, **{"forecast.toml": "[forecast]\nopening_balance = 1\n"})
    assert "forecast.start: no start date" in error(tmp_path)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xlcapital", *args], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})  # fmt: skip


def test_cli_bad_input_exits_2_with_one_line(tmp_path):
    company(tmp_path, receivables_csv="customer,invoice,invoice_date,due_date,amount\nA,1,2026-01-01,tomorrow,1\n")
    done = run_cli("forecast", str(tmp_path))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"xlcapital: error: {tmp_path / 'receivables.csv'}:2: due_date: not a date: 'tomorrow' (write dates as YYYY-MM-DD)"
    ]
    assert run_cli("forecast", str(tmp_path / "nowhere")).returncode == 2
    assert run_cli("forecast", "--weeks", "0").returncode == 2
    done = run_cli("forecast", "--scenario", "panic")
    assert done.returncode == 2 and "unknown scenario 'panic' (known: base, best, worst; stress tests: revenue -10%, " \
        "revenue -20%, revenue -30%, customers +15 days, customers +30 days, interest +2 points, largest customer +30 " \
        "days, largest customer defaults)" in done.stderr


def test_cli_json_on_a_user_folder(tmp_path, capsys):
    company(tmp_path, payables_csv="supplier,due_date,amount\nWholesale,2026-04-14,1500\n")
    assert main(["forecast", str(tmp_path), "--json", "--scenario", "worst", "--weeks", "3", "--monthly"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"weeks", "scenarios", "stress", "triggers", "kpis", "months"}
    assert data["scenario"] == "worst" and len(data["weeks"]) == 3 and len(data["months"]) == 12
    w2 = data["weeks"][1]
    assert set(w2) >= {"week_start", "opening_cash", "receipts", "payments", "net_flow", "overdraft_drawn",
                       "closing_cash", "headroom", "flags"}  # fmt: skip
    # week 2: no sales yet (worst: Fri 10 Apr + 10 + 7 days = week 4); 1,000 - 1,500 = -500 drawn;
    # interest 500 * 0.0365 * 7 / 365 = 0.35 (worst has no extra interest); amounts as strings, to the cent
    assert (w2["week_start"], w2["payments"]["Payables"], w2["overdraft_drawn"], w2["interest"], w2["closing_cash"]) == (
        "2026-04-13", "-1500.00", "500.00", "0.35", "-500.35")  # fmt: skip
    assert w2["flags"] == ["below_buffer", "limit_breached"]
    assert data["scenarios"]["worst"]["revenue_change"] == "-0.2"
    assert [s["name"] for s in data["stress"]][0] == "revenue -10%"
    assert data["stress"][0]["revenue_change"] == "-0.28"  # (1 - 0.2) * (1 - 0.1) - 1
    assert {t["rule"] for t in data["triggers"]} == {"free_cash", "cash_buffer", "credit_limit", "dso_trend", "revenue_drop",
                                                     "solvency", "dscr"}
    assert data["kpis"]["cash_position"] == "1000.00"


def test_cli_table_on_the_sample(capsys):
    assert main(["forecast"]) == 0
    out = capsys.readouterr().out
    for text in ("week", "Scenarios", "Stress tests on top of base", "customers +30 days", "Triggers (risk profile moderate)",
                 "KPIs", "DSO / DPO / CCC"):  # fmt: skip
        assert text in out
    assert main(["forecast", "--monthly"]) == 0
    assert "month" in capsys.readouterr().out
