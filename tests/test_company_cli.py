"""The company file, the bundled sample, and the commands ratios, cashflow and demo."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from xlcapital.cli import main
from xlcapital.company import company_ratios, load_company, sample_dir
from xlcapital.errors import InputError
from xlcapital.ratios import RATIO_FUNCTIONS

SAMPLE = sample_dir() / "company.toml"
D = Decimal

# A file a user writes from docs/company-file.md: only the keys they have; the rest is 0.
# Opening: 20,000 + 90,000 + 40,000 + 50,000 = 200,000 = 110,000 payables + 90,000 equity.
# Year: EBIT 500,000 - 300,000 - 150,000 - 10,000 = 40,000; tax 8,000; EaT 32,000.
# Closing: fixed assets 50,000 - 10,000 = 40,000; equity 90,000 + 32,000 = 122,000;
# 122,000 + 100,000 payables = 222,000 = cash 42,000 + receivables 95,000 + inventory 45,000 + 40,000.
USER_TOML = """
[company]
name = "Bakkerij Jansen"

[period]
start = 2023-01-01
end = 2023-12-31

[balance_opening]
cash = 20000
receivables = 90000
inventory = 40000
fixed_assets = 50000
payables = 110000
equity = 90000

[balance_closing]
cash = 42000
receivables = 95000
inventory = 45000
fixed_assets = 40000
payables = 100000
equity = 122000

[income]
revenue = 500000
cogs = 300000
operating_expenses = 150000
depreciation = 10000
tax = 8000
"""


@pytest.fixture
def user_file(tmp_path) -> Path:
    path = tmp_path / "jansen.toml"
    path.write_text(USER_TOML, encoding="utf-8")
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------------------------
# The bundled sample
# --------------------------------------------------------------------------------------------


def test_sample_balances_and_reconciles_to_the_cent():
    c = load_company(SAMPLE)
    assert c.opening.balances and c.closing.balances
    # the roll-forwards written in the sample's comments, by hand:
    assert c.closing.fixed_assets == D("410250.00") + D("95300.00") - D("8500.00") - D("72400.00")
    assert c.closing.provisions == D("28500.00") + D("9600.00") - D("6250.00")
    assert c.closing.equity == D("504838.90") + D("71736.64") - D("25000.00")
    # EBIT 2,486,350.00 - 1,612,480.40 - 698,215.35 - 72,400.00 = 103,254.25;
    # EaT 103,254.25 - 16,840.50 + 2,150.00 - 16,827.11 = 71,736.64 (tax is 19 % of 88,563.75)
    assert c.income.ebit == D("103254.25") and c.income.earnings_after_tax == D("71736.64")
    s = c.statement()
    assert s.difference == 0 and s.warnings == ()
    # cash net of overdraft: 84,312.45 - 25,000.00 = 59,312.45 -> 87,725.84
    assert s.net_cash_flow == D("87725.84") - D("59312.45")


def test_ratios_json_sample(capsys):
    code, out, err = run(capsys, "ratios", SAMPLE, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert list(data) == list(RATIO_FUNCTIONS)  # every ratio function, by its name
    # DSO by hand: average receivables (312,840.20 + 338,415.60) / 2 = 325,627.90;
    # 2024 has 366 days: 325,627.90 / (2,486,350.00 / 366)
    assert data["dso"] == pytest.approx(325_627.90 / (2_486_350.00 / 366))
    # current ratio on the closing sheet: current assets 87,725.84 + 338,415.60 + 262,880.15 + 16,905.00
    # over current liabilities 205,960.30 + 45,120.75 + 12,650.00 + 3,420.00 + 40,000.00
    assert data["current_ratio"] == pytest.approx(705_926.59 / 307_151.05)
    # the sample's cash grows: not burning, so no runway (null)
    assert data["cash_runway"] is None
    # working capital is defined once: gross = every current asset above, net = current assets - liabilities;
    # an amount is a string with two decimals
    assert data["gross_working_capital"] == "705926.59"
    assert Decimal(data["net_working_capital"]) == Decimal("705926.59") - Decimal("307151.05")
    # seed 003's short form: receivables + inventory + cash - payables
    assert Decimal(data["net_working_capital_narrow"]) == (Decimal("338415.60") + Decimal("262880.15")
                                                          + Decimal("87725.84") - Decimal("205960.30"))


def test_cashflow_json_sample(capsys):
    code, out, _ = run(capsys, "cashflow", SAMPLE, "--json")
    assert code == 0
    data = json.loads(out)
    for key in ("lines", "cash_from_business_operations", "cash_flow_operating", "cash_flow_investing",
                "cash_flow_financing", "net_cash_flow", "opening_cash", "closing_cash", "difference"):
        assert key in data
    assert all({"label", "amount"} <= set(line) for line in data["lines"])
    assert data["difference"] == "0.00"
    assert data["opening_cash"] == "59312.45" and data["closing_cash"] == "87725.84"
    # investing by hand: -95,300.00 investments + 8,500.00 disposals = -86,800.00
    assert data["cash_flow_investing"] == "-86800.00"
    # financing: 60,000 new loan - 40,000 repaid - 25,000 dividend = -5,000
    assert data["cash_flow_financing"] == "-5000.00"


def test_text_outputs_and_dutch_labels(capsys):
    code, out, _ = run(capsys, "ratios", SAMPLE)
    assert code == 0 and "Van der Berg" in out and "Days sales outstanding (DSO)" in out and "days" in out
    code, out, _ = run(capsys, "cashflow", SAMPLE, "--lang", "nl")
    assert code == 0 and "Kasstroom uit operationele activiteiten" in out and "sluit aan" in out


def test_demo_runs_every_step_and_says_where_next(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the demo writes workbooks/demo.xlsm below the current folder, not the checkout's
    code, out, err = run(capsys, "demo")
    assert code == 0 and err == ""
    assert "ratios" in out and "Cash flow from operating activities" in out
    assert "Where to go next" in out and "xlcapital ratios" in out


@pytest.mark.parametrize("command", ["ratios", "cashflow", "demo"])
def test_help_on_every_command(capsys, command):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert "usage: xlcapital " + command in capsys.readouterr().out


# --------------------------------------------------------------------------------------------
# A user's own file (TOML and JSON)
# --------------------------------------------------------------------------------------------


def test_user_file_from_the_docs(capsys, user_file):
    code, out, _ = run(capsys, "cashflow", user_file, "--json")
    data = json.loads(out)
    # by hand: EBIT 40,000 + depreciation 10,000 - 5,000 receivables - 5,000 inventory - 10,000 payables
    # = 30,000; tax paid 8,000 -> 22,000 = cash 20,000 -> 42,000
    assert data["cash_from_business_operations"] == "30000.00"
    assert data["net_cash_flow"] == "22000.00" and data["difference"] == "0.00"
    code, out, _ = run(capsys, "ratios", user_file, "--json", "--cost-base", "revenue")
    ratios = json.loads(out)
    # seeds' days working capital, 365 days: DSO 92,500/(500,000/365) + DSI 42,500/(500,000/365)
    # - DPO 105,000/(500,000/365)
    assert ratios["ccc"] == pytest.approx((92_500 + 42_500 - 105_000) / (500_000 / 365))


def test_json_company_file_gives_the_same_ratios(capsys, tmp_path, user_file):
    from xlcapital.fileio import tomllib  # tomli on Python 3.10

    with open(user_file, "rb") as fh:
        data = tomllib.load(fh)
    data["period"] = {k: v.isoformat() for k, v in data["period"].items()}
    json_file = tmp_path / "jansen.json"
    json_file.write_text(json.dumps(data), encoding="utf-8")
    assert run(capsys, "ratios", json_file, "--json")[1] == run(capsys, "ratios", user_file, "--json")[1]


def test_company_ratios_cover_every_function():
    names = [row.name for row in company_ratios(load_company(SAMPLE))]
    assert names == list(RATIO_FUNCTIONS)


# --------------------------------------------------------------------------------------------
# Bad input: one line naming the file, the key and the problem; exit 2; no traceback
# --------------------------------------------------------------------------------------------


def _broken(tmp_path, text, name="broken.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "edit, expected",
    [
        (lambda t: t.replace("cash = 20000", "cahs = 20000"), ["balance_opening.cahs", "unknown item"]),
        (lambda t: t.replace("cash = 42000", 'cash = "veel"'), ["balance_closing.cash", "'veel'"]),
        (lambda t: t.replace("cash = 42000", "cash = 42100"), ["balance_closing", "does not balance", "222,100.00", "222,000.00"]),
        (lambda t: t.replace('name = "Bakkerij Jansen"', 'name = "Bakkerij Jansen"\ncity = "Gouda"'), ["company.city", "unknown key"]),
        (lambda t: t + "\n[balans]\ncash = 1\n", ["[balans]", "unknown section"]),
        (lambda t: t.replace("start = 2023-01-01\n", ""), ["period.start", "missing"]),
        (lambda t: t.replace("end = 2023-12-31", "end = 2022-12-31"), ["period.end", "before"]),
        (lambda t: t.replace("revenue = 500000", "revenue = 500.000,00"), ["not valid TOML"]),
        (lambda t: t.replace("tax = 8000", "tax = true"), ["income.tax", "True"]),
    ],
)
@pytest.mark.parametrize("command", ["ratios", "cashflow"])
def test_bad_input_is_one_line_exit_2(capsys, tmp_path, edit, expected, command):
    path = _broken(tmp_path, edit(USER_TOML))
    code, out, err = run(capsys, command, path)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("xlcapital: error: ") and str(path) in err
    for part in expected:
        assert part in err


def test_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, "ratios", tmp_path / "nope.toml")
    assert code == 2 and "nope.toml: file not found" in err and "Traceback" not in err


def test_bad_json_names_the_line(capsys, tmp_path):
    path = _broken(tmp_path, '{\n "company": {"name": "x"},\n "period": oops\n}', name="bad.json")
    code, _, err = run(capsys, "cashflow", path)
    assert code == 2 and "bad.json:3" in err and "not valid JSON" in err


def test_not_reconciling_is_a_warning_and_strict_exits_1(capsys, tmp_path):
    # the dividend of 5,000 is in the balance sheets (equity 117,000, cash 37,000) but not in [cashflow]
    text = USER_TOML.replace("equity = 122000", "equity = 117000").replace("cash = 42000", "cash = 37000")
    path = _broken(tmp_path, text)
    code, out, err = run(capsys, "cashflow", path)
    assert code == 0 and "does not reconcile" in out and "-5,000.00" in out
    assert "xlcapital: warning:" in err and "equity" in err
    code, out, err = run(capsys, "cashflow", path, "--strict")
    assert code == 1
    fixed = _broken(tmp_path, text + "\n[cashflow]\ndividends = 5000\n", name="fixed.toml")
    assert run(capsys, "cashflow", fixed, "--strict")[0] == 0


def test_load_company_error_carries_file_and_field(tmp_path):
    path = _broken(tmp_path, USER_TOML.replace("cogs = 300000", "kostprijs = 300000"))
    with pytest.raises(InputError) as info:
        load_company(path)
    assert info.value.file == str(path) and info.value.field == "income.kostprijs"
