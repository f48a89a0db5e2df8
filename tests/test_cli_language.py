"""--lang nl throughout the CLI, readable names for every ratio / KPI / trigger, and one JSON
convention for amounts in every command (strings with two decimals; ratios as numbers)."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from tests.conftest import DATA
from tests.test_company_cli import USER_TOML
from xlcapital.cli import main
from xlcapital.company import company_ratios, load_company, sample_dir
from xlcapital.forecast import analyse, load
from xlcapital.forecast.triggers import RULES
from xlcapital.names import NAMES, display_name
from xlcapital.ratios import RATIO_FUNCTIONS

SAMPLE = sample_dir()
AMOUNT = re.compile(r"-?\d+\.\d{2,}")  # the JSON convention: a string, two decimals (or more, exact)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.fixture
def user_file(tmp_path):
    path = tmp_path / "jansen.toml"
    path.write_text(USER_TOML, encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# Readable names, declared once
# --------------------------------------------------------------------------------------------


def every_code() -> set[str]:
    analysis = analyse(load(SAMPLE))
    company = load_company(SAMPLE / "company.toml")
    return (set(RATIO_FUNCTIONS) | {r.name for r in company_ratios(company)} | set(analysis.kpis) | set(RULES)
            | {"bhk_cashflow_simple", "bhk_cashflow_extended"})


def test_every_ratio_kpi_and_trigger_has_a_name_in_both_languages():
    missing = sorted(code for code in every_code() if code not in NAMES)
    assert missing == []
    for code in every_code():
        en, nl = display_name(code, "en"), display_name(code, "nl")
        assert en and nl and "_" not in en + nl, code


def test_no_code_name_in_the_tables(capsys):
    codes = {c for c in every_code() if "_" in c}
    for lang in ("en", "nl"):
        text = run(capsys, "ratios", SAMPLE / "company.toml", "--lang", lang) + run(capsys, "forecast", "--lang", lang)
        shown = set(re.findall(r"[a-z]+(?:_[a-z]+)+", text))
        assert shown & codes == set(), lang


# --------------------------------------------------------------------------------------------
# Dutch
# --------------------------------------------------------------------------------------------


def test_cashflow_in_dutch(capsys, user_file):
    out = run(capsys, "cashflow", user_file, "--lang", "nl")
    lines = out.splitlines()
    assert lines[0] == "Bakkerij Jansen: kasstroomoverzicht (indirecte methode), 01-01-2023 t/m 31-12-2023 (365 dagen), EUR"
    # by hand (USER_TOML): EBIT 500,000 - 300,000 - 150,000 - 10,000 = 40,000; net cash flow 42,000 - 20,000 = 22,000
    assert re.search(r"^  Bedrijfsresultaat\s+40\.000,00$", out, re.M)
    assert re.search(r"^  Netto kasstroom\s+22\.000,00$", out, re.M)
    assert "Het overzicht sluit aan" in out
    assert "reconciles" not in out and "The statement" not in out and "days" not in out


def test_ratios_in_dutch(capsys, user_file):
    out = run(capsys, "ratios", user_file, "--lang", "nl")
    # DSO: average receivables (90,000 + 95,000) / 2 = 92,500 over revenue 500,000 / 365 days = 67.525 days
    assert re.search(r"^  Debiteurendagen \(DSO\)\s+67,5 dagen  omzet, gemiddelde van begin en eind, 365 dagen$", out, re.M)
    # gross working capital at the close: 95,000 + 45,000 + 42,000 = 182,000
    assert re.search(r"^  Bruto werkkapitaal\s+182\.000,00  eind: ", out, re.M)
    assert "closing" not in out and "average" not in out


def test_ratios_in_english_keep_their_format(capsys, user_file):
    out = run(capsys, "ratios", user_file)
    assert re.search(r"^  Days sales outstanding \(DSO\)\s+67\.5 days  revenue, \(opening, closing\) average, 365 days$",
                     out, re.M)
    assert re.search(r"^  Gross working capital\s+182,000\.00  closing: ", out, re.M)


def test_forecast_in_dutch(capsys):
    out = run(capsys, "forecast", "--lang", "nl")
    lines = out.splitlines()
    assert lines[0] == "Liquiditeitsprognose van Van der Berg Installatietechniek B.V."
    # the sample's export ends on Tuesday 31 December 2024 with 87,725.84: start on the Monday after (6 January);
    # week 1 runs from the first day not in the export, 1 January (no lost days, docs/forecast-model.md)
    assert lines[1].startswith("start 06-01-2025 (uit de bank), beginsaldo 87.726 (uit de bank), kredietlimiet 125.000 "
                               "tegen 7,25 %")
    assert lines[3].split() == ["week", "vanaf", "begin", "ontvangsten", "betalingen", "netto", "rekening-courant",
                                "rente+provisie", "eind", "ruimte", "signalen"]
    assert lines[5].split()[:5] == ["1", "01", "jan", "2025", "87.726"]
    # the sample pays a kredietprovisie: the interest column holds interest and the fee
    for english in ("receipts", "Scenarios", "Triggers", "KPIs", "none", "Cash-flow", "closing", "moderate", "interest",
                    "revenue -", "customers +", "largest customer", "look-ahead", "allowance"):
        assert english not in out, english


def test_forecast_in_dutch_shows_the_rules_default_owners_and_actions_in_dutch(capsys):
    out = run(capsys, "forecast", "--lang", "nl")
    # the sample's forecast.toml names its own owners for free_cash and credit_limit: the user's text stays;
    # cash_buffer (alarm) and dso_trend (warning) keep the rules' defaults, which print in Dutch
    assert "Controller (S. Yilmaz)" in out and "Directie (P. van der Berg)" in out
    assert "Debiteurenbeheer belt elke klant boven 30 dagen" in out
    assert "De directeur beoordeelt de vaste lasten" in out
    for rule in RULES.values():
        assert rule.owner not in out and rule.action not in out, rule.name
        assert rule.owner_nl and rule.action_nl, rule.name  # every default has its Dutch
    english = run(capsys, "forecast")
    assert "Credit control calls every customer over 30 days" in english and "Debiteurenbeheer" not in english


def test_generate_summary_in_dutch(capsys, tmp_path):
    out = run(capsys, "generate", "-o", tmp_path / "nl.xlsx", "--lang", "nl").splitlines()
    # the sample: 13 weeks from Monday 6 January 2025 (see test_forecast_in_dutch)
    assert out[0].startswith(f"{tmp_path / 'nl.xlsx'} geschreven voor Van der Berg Installatietechniek B.V.: "
                             "13 weken vanaf maandag 06-01-2025, ")  # a Dutch date, as the listing writes it
    assert out[0].endswith(" banktransacties") and out[1].startswith("open het in Excel (of LibreOffice Calc);")
    english = run(capsys, "generate", "-o", tmp_path / "en.xlsx").splitlines()
    count = english[0].split(", ")[-1].split()[0]  # the same bank transactions in both languages
    assert english[0].endswith(f"13 weeks from Monday 2025-01-06, {count} bank transactions")
    assert out[0].endswith(f", {count} banktransacties")


def test_bank_listing_in_dutch(capsys):
    out = run(capsys, "bank", DATA / "bank" / "ing_semicolon.csv", "--lang", "nl")
    assert out.splitlines()[0] == ("NL20INGB0001234567  ing  csv  01-03-2026..03-03-2026  3 transacties  begin 1000,00  "
                                   "eind 2124,50  EUR  sluit aan")


# --------------------------------------------------------------------------------------------
# One JSON convention for amounts
# --------------------------------------------------------------------------------------------


def test_ratios_json_amounts_are_strings_and_ratios_numbers(capsys):
    data = json.loads(run(capsys, "ratios", SAMPLE / "company.toml", "--json"))
    units = {r.name: r.unit for r in company_ratios(load_company(SAMPLE / "company.toml"))}
    for key, value in data.items():
        if units[key] == "amount":
            assert isinstance(value, str) and AMOUNT.fullmatch(value), key
        else:
            assert value is None or isinstance(value, (int, float)), key


def test_cashflow_json_amounts_are_strings(capsys):
    data = json.loads(run(capsys, "cashflow", SAMPLE / "company.toml", "--json"))
    for key in ("cash_from_business_operations", "cash_flow_operating", "cash_flow_investing", "cash_flow_financing",
                "net_cash_flow", "opening_cash", "closing_cash", "difference", "bhk_cashflow_simple",
                "bhk_cashflow_extended"):
        assert AMOUNT.fullmatch(data[key]), key
    assert all(AMOUNT.fullmatch(line["amount"]) for line in data["lines"])
    assert isinstance(data["ocf_ratio"], float)
    # the lines add up to the net cash flow to the cent: strings lose nothing
    ops = [Decimal(line["amount"]) for line in data["lines"] if not line["total"] and line["section"] not in ("net", "cash")]
    assert sum(ops) == Decimal(data["net_cash_flow"])


def test_forecast_json_amounts_are_strings(capsys):
    data = json.loads(run(capsys, "forecast", "--json"))
    for key in ("opening_balance", "bank_balance", "credit_limit", "minimum_buffer"):
        assert AMOUNT.fullmatch(data[key]), key
    week = data["weeks"][0]
    for key in ("opening_cash", "net_flow", "closing_cash", "headroom", "interest"):
        assert AMOUNT.fullmatch(week[key]), key
    assert data["opening_balance"] == "87725.84"  # the export's closing balance (README)
    assert isinstance(data["kpis"]["runway_months"], (float, type(None)))


def test_bank_json_amounts_are_strings(capsys):
    data = json.loads(run(capsys, "bank", DATA / "bank" / "ing_semicolon.csv", "--json"))
    [s] = data["statements"]
    assert (s["opening_balance"], s["closing_balance"]) == ("1000.00", "2124.50")
    assert all(AMOUNT.fullmatch(t["amount"]) for t in s["transactions"])
    # the export's own balances: 1,000.00 + the transactions = 2,124.50
    assert Decimal(s["opening_balance"]) + sum(Decimal(t["amount"]) for t in s["transactions"]) == Decimal("2124.50")


def test_demo_in_dutch(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "demo", "--lang", "nl")
    assert "== 2. Kasstroomoverzicht, indirecte methode ==" in out and "Hoe verder:" in out
    assert "Het overzicht sluit aan" in out and "Liquiditeitsprognose van" in out


def test_the_progress_bar_stays_out_of_pipes_and_files(capsys):
    from xlcapital.cli.present import progress

    assert list(progress([1, 2, 3], "work")) == [1, 2, 3]
    assert capsys.readouterr().err == ""  # stderr is not a terminal here: no bar
