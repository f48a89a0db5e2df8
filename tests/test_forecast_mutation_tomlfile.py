"""forecast.toml read alone (xlcapital/forecast/tomlfile.py), raised by mutation testing.

Each section of docs/forecast.md's example, one at a time: the values as typed and the defaults read off
the docs and the schema's declarations (13 weeks, the aging buckets 14/28/42/56 days and 100/90/75/50 %,
[vat] filing "none", pay day 25), the boundaries of every check (a collection curve's shares adding up to
exactly 1, a weekly plan's day 7, a seasonality of 11, 12 or 13 factors, history lists one short), and
every refusal by its file, its field (``forecast.start``, ``scenarios[2].name``, ``history.revenue[2]``)
and its key words (the value, the weekday, the counts): not by its English wording, which other work
turns into Dutch.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital.errors import InputError
from xlcapital.forecast.tomlfile import TRIGGER_RULES, ForecastFile, read_forecast_toml
from xlcapital.forecast.types import Collections, History, OneOff, Scenario, TriggerConfig
from xlcapital.forecast.payroll import PayrollSettings
from xlcapital.forecast.vat import VatSettings


def read(tmp_path: Path, text: str) -> ForecastFile:
    path = tmp_path / "forecast.toml"
    path.write_text(text, encoding="utf-8")
    return read_forecast_toml(path)


def refused(tmp_path: Path, text: str) -> InputError:
    """The error of forecast.toml ``text``, checked to name the file."""
    path = tmp_path / "forecast.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_forecast_toml(path)
    assert exc.value.file == str(path)
    assert exc.value.line is None          # TOML values carry no line: the field says where
    return exc.value


# --- the file as a whole ------------------------------------------------------------------------------


def test_an_empty_file_gives_no_values_and_the_documented_defaults(tmp_path):
    f = read(tmp_path, "")
    assert f.forecast == {} and f.sales == {}            # nothing given: learned or defaulted later
    assert f.scenarios == [] and f.triggers == {}
    assert f.history == History() and f.history.sources == {}
    assert f.company_name is None
    # docs/forecast.md: the defaults 14/100 %, 28/90 %, 42/75 %, 56/50 %
    assert f.collections.days == (14, 28, 42, 56)
    assert f.collections.share == (D(1), D("0.9"), D("0.75"), D("0.5"))
    assert f.collections.sources == {}
    assert f.vat == VatSettings() and f.vat.filing == "none" and f.vat.rates == {}
    assert f.payroll == PayrollSettings(pay_day=25, holiday_month=5, thirteenth_month=12, pension_lag=0)


def test_an_unknown_section_is_named_alone_with_every_known_section_in_order(tmp_path):
    exc = refused(tmp_path, "[forcast]\nweeks = 4\n")
    assert exc.field == "forcast"                         # a top-level key: no leading dot
    assert "'forcast'" in str(exc)
    known = "collections, company, forecast, history, payroll, sales, scenarios, triggers, vat"
    assert known in str(exc.hint)


def test_a_section_that_is_not_a_table(tmp_path):
    for section in ("company", "forecast", "sales", "collections", "vat", "payroll", "history"):
        exc = refused(tmp_path, f"{section} = 5\n")
        assert exc.field == section, section
        assert f"[{section}]" in str(exc)


# --- [company] and [forecast] -------------------------------------------------------------------------


def test_company_name_is_stripped_and_an_empty_one_is_absent(tmp_path):
    assert read(tmp_path, '[company]\nname = "  Jansen Installatie B.V. "\n').company_name == "Jansen Installatie B.V."
    assert read(tmp_path, '[company]\nname = ""\n').company_name is None
    exc = refused(tmp_path, '[company]\nnaam = "Jansen"\n')
    assert exc.field == "company.naam" and "name" in str(exc.hint)


def test_forecast_values_as_typed(tmp_path):
    f = read(tmp_path, "[forecast]\nstart = 2025-01-06\nweeks = 13\nopening_balance = 87725.84\n"
                       'balance_date = 2024-12-31\ncredit_limit = 125000\noverdraft_rate = "7.25%"\n'
                       'accounts = ["nl67 ingb 0006 5432 10"]\n')
    assert f.forecast == {"start": date(2025, 1, 6), "weeks": 13, "opening_balance": D("87725.84"),
                          "balance_date": date(2024, 12, 31), "credit_limit": D(125000),
                          "overdraft_rate": D("0.0725"), "accounts": ("NL67INGB0006543210",)}
    # absent keys stay absent (not their defaults): they are learned from bank/ later
    assert "risk_profile" not in f.forecast and "currency" not in f.forecast


def test_an_unknown_forecast_key_lists_the_known_ones(tmp_path):
    exc = refused(tmp_path, "[forecast]\nweks = 4\n")
    assert exc.field == "forecast.weks" and "'weks'" in str(exc)
    for key in ("start", "weeks", "opening_balance", "credit_limit", "risk_profile", "currency"):
        assert key in str(exc.hint)
    # sorted: accounts .. weeks
    hint = str(exc.hint)
    assert hint.index("accounts") < hint.index("balance_date") < hint.index("weeks")


def test_a_bad_forecast_value_is_located_in_its_file_and_field(tmp_path):
    exc = refused(tmp_path, "[forecast]\nweeks = 105\n")          # 1..104
    assert exc.field == "forecast.weeks" and "105" in str(exc)
    assert read(tmp_path, "[forecast]\nweeks = 104\n").forecast["weeks"] == 104
    exc = refused(tmp_path, "[forecast]\ncredit_limit = -5\n")
    assert exc.field == "forecast.credit_limit" and "-5" in str(exc)


def test_balance_date_needs_the_opening_balance(tmp_path):
    exc = refused(tmp_path, "[forecast]\nbalance_date = 2024-12-31\n")
    assert exc.field == "forecast.balance_date"
    assert "balance_date" in str(exc.message) and "opening_balance" in str(exc.message)
    assert exc.hint and "opening_balance" in exc.hint
    # the balance alone is fine (its date: the day before the start)
    assert read(tmp_path, "[forecast]\nopening_balance = 100\n").forecast == {"opening_balance": D(100)}


@pytest.mark.parametrize("day, weekday", [(date(2026, 4, 7), "Tuesday"), (date(2026, 4, 8), "Wednesday"),
                                          (date(2026, 4, 9), "Thursday"), (date(2026, 4, 10), "Friday"),
                                          (date(2026, 4, 11), "Saturday"), (date(2026, 4, 12), "Sunday")])
def test_a_start_that_is_not_a_monday_names_its_weekday(tmp_path, day, weekday):
    exc = refused(tmp_path, f"[forecast]\nstart = {day.isoformat()}\n")
    assert exc.field == "forecast.start"
    assert day.isoformat() in str(exc.message) and weekday in str(exc.message)   # not the hint's "Sunday"
    assert exc.hint and "Monday" in exc.hint


def test_a_monday_start_is_taken(tmp_path):
    # 6 April 2026 and 5 January 2026 are Mondays (a calendar)
    assert read(tmp_path, "[forecast]\nstart = 2026-04-06\n").forecast["start"] == date(2026, 4, 6)
    assert read(tmp_path, "[forecast]\nstart = 2026-01-05\n").forecast["start"] == date(2026, 1, 5)


# --- [collections], [vat], [payroll] ------------------------------------------------------------------


def test_collections_given_override_their_bucket_only_and_are_marked_given(tmp_path):
    f = read(tmp_path, "[collections]\ndays_1_30 = 7\nshare_over_90 = 0.25\n")
    assert f.collections.days == (7, 28, 42, 56)
    assert f.collections.share == (D(1), D("0.9"), D("0.75"), D("0.25"))
    assert f.collections.sources == {"days_1_30": "given", "share_over_90": "given"}
    exc = refused(tmp_path, "[collections]\nshare_61_90 = 1.5\n")
    assert exc.field == "collections.share_61_90" and "1.5" in str(exc)
    exc = refused(tmp_path, "[collections]\ndays_91 = 5\n")
    assert exc.field == "collections.days_91"


def test_payroll_settings_given_and_defaulted(tmp_path):
    assert read(tmp_path, "[payroll]\npay_day = 28\nholiday_month = 6\n").payroll == \
        PayrollSettings(pay_day=28, holiday_month=6, thirteenth_month=12, pension_lag=0)
    exc = refused(tmp_path, "[payroll]\npension_lag = 2\n")       # 0..1
    assert exc.field == "payroll.pension_lag" and "2" in str(exc)
    exc = refused(tmp_path, "[payroll]\npayday = 25\n")
    assert exc.field == "payroll.payday"


def test_vat_as_typed_with_its_rates(tmp_path):
    f = read(tmp_path, '[vat]\nfiling = "quarterly"\namounts = "excl"\ncarry_forward = "ja"\nlast_return = -1250.40\n'
                       '[vat.rates]\nRent = "21"\nInsurance = "exempt"\n')
    assert f.vat == VatSettings(filing="quarterly", amounts="excl", sales_rate="21", payables_rate="21",
                                carry_forward=True, last_return=D("-1250.40"),
                                rates={"Rent": "21", "Insurance": "exempt"})


def test_a_bad_vat_rate_is_located_at_its_category(tmp_path):
    exc = refused(tmp_path, '[vat]\nfiling = "monthly"\n[vat.rates]\nRent = "19"\n')
    assert exc.field == "vat.rates.Rent" and "'19'" in str(exc)
    exc = refused(tmp_path, '[vat]\nfiling = "monthly"\nrates = 21\n')
    assert exc.field == "vat.rates" and "[vat.rates]" in str(exc)


def test_vat_keys_without_a_filing_period_are_refused_and_named(tmp_path):
    # the default filing is "none": keys given without it would silently do nothing
    exc = refused(tmp_path, '[vat]\namounts = "excl"\n[vat.rates]\nRent = "21"\n')
    assert exc.field == "vat.filing"
    assert "amounts, rates" in str(exc.message)                              # both named, in the file's order
    assert exc.hint and "monthly" in exc.hint and "quarterly" in exc.hint
    exc = refused(tmp_path, '[vat]\nfiling = "none"\ncarry_forward = true\n')
    assert exc.field == "vat.filing" and "carry_forward" in str(exc.message) and "rates" not in str(exc.message)
    exc = refused(tmp_path, '[vat]\n[vat.rates]\nRent = "9"\n')
    assert exc.field == "vat.filing" and re.match(r"rates\b", str(exc.message))
    # filing "none" alone, or an empty [vat.rates], is no contradiction
    assert read(tmp_path, '[vat]\nfiling = "none"\n').vat == VatSettings()
    assert read(tmp_path, '[vat]\nfiling = "none"\n[vat.rates]\n').vat == VatSettings()
    exc = refused(tmp_path, '[vat]\nfiling = "monthly"\nrate = "21"\n')
    assert exc.field == "vat.rate"


# --- [sales] --------------------------------------------------------------------------------------------


SEASONALITY = "[0.80, 0.90, 1.05, 1.05, 1.05, 1.00, 0.85, 0.80, 1.10, 1.15, 1.10, 0.95]"


def test_the_sales_plan_with_its_seasonality(tmp_path):
    f = read(tmp_path, f'[sales]\namount = 47800\nfrequency = "weekly"\nday = 5\nseasonality = {SEASONALITY}\n')
    assert f.sales == {"amount": D(47800), "frequency": "weekly", "day": 5,
                       "seasonality": (D("0.80"), D("0.90"), D("1.05"), D("1.05"), D("1.05"), D("1.00"), D("0.85"),
                                       D("0.80"), D("1.10"), D("1.15"), D("1.10"), D("0.95"))}
    assert "seasonality" not in read(tmp_path, "[sales]\namount = 1\n").sales


@pytest.mark.parametrize("value", ["[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]", "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
                                   '"111111111111"', "{a = 1, b = 1, c = 1, d = 1, e = 1, f = 1, g = 1, h = 1, "
                                   "i = 1, j = 1, k = 1, l = 1}", "[]"])
def test_a_seasonality_of_other_than_twelve_factors_is_refused(tmp_path, value):
    exc = refused(tmp_path, f"[sales]\nseasonality = {value}\n")
    assert exc.field == "sales.seasonality" and "12" in str(exc)


def test_a_bad_seasonality_factor_is_located_at_its_month(tmp_path):
    exc = refused(tmp_path, '[sales]\nseasonality = [1, 1, "x", 1, 1, 1, 1, 1, 1, 1, 1, 1]\n')
    assert exc.field == "sales.seasonality[3]" and "'x'" in str(exc)
    exc = refused(tmp_path, "[sales]\nseasonality = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -0.5]\n")   # low=0
    assert exc.field == "sales.seasonality[12]" and "-0.5" in str(exc)


def test_an_unknown_sales_key_is_refused_besides_seasonality(tmp_path):
    exc = refused(tmp_path, f"[sales]\nseasonality = {SEASONALITY}\nseason = 1\n")
    assert exc.field == "sales.season" and "seasonality" in str(exc.hint) and "amount" in str(exc.hint)


@pytest.mark.parametrize("shares", ["collection_share_2 = 0.5\ncollection_share_3 = 0.5",   # exactly 1
                                    "collection_share_2 = 1", "collection_share_3 = 1",
                                    "collection_share_3 = 0.6", "collection_share_2 = 0.6"])
def test_collection_shares_adding_up_to_one_at_most_are_taken(tmp_path, shares):
    f = read(tmp_path, f"[sales]\n{shares}\n")
    assert sum(f.sales.values()) <= 1


def test_collection_shares_above_one_together_are_refused(tmp_path):
    exc = refused(tmp_path, "[sales]\ncollection_share_2 = 0.5\ncollection_share_3 = 0.51\n")
    assert exc.field == "sales"
    assert "collection_share_2" in str(exc.message) and "collection_share_3" in str(exc.message)
    assert "1" in str(exc.message) and exc.hint and "1" in exc.hint           # what to do: at most 1


def test_a_weekly_plan_day_is_a_weekday_1_to_7(tmp_path):
    assert read(tmp_path, '[sales]\nfrequency = "weekly"\nday = 7\n').sales["day"] == 7      # Sunday
    exc = refused(tmp_path, '[sales]\nfrequency = "weekly"\nday = 8\n')
    assert exc.field == "sales.day" and "7" in str(exc)
    # a monthly plan (given or the default) runs to day 31
    assert read(tmp_path, '[sales]\nfrequency = "monthly"\nday = 8\n').sales["day"] == 8
    assert read(tmp_path, "[sales]\nday = 31\n").sales == {"day": 31}
    assert read(tmp_path, '[sales]\nfrequency = "weekly"\n').sales == {"frequency": "weekly"}


# --- [[scenarios]] -------------------------------------------------------------------------------------


SCENARIOS = """
[[scenarios]]
name = "base"

[[scenarios]]
name = " worst "
revenue_change = "-15%"
collection_delay_days = 14
payment_delay_days = -5
interest_rate_change = 0.01
[[scenarios.one_off]]
date = 2025-03-14
amount = -18500
category = "Machines"
description = " Replace the forklift "
[[scenarios.one_off]]
date = 2025-04-01
amount = 2500.50
"""


def test_scenarios_as_typed_with_their_one_offs(tmp_path):
    f = read(tmp_path, SCENARIOS)
    assert f.scenarios == [
        Scenario(name="base", revenue_change=D(0), collection_delay_days=0, payment_delay_days=0,
                 interest_rate_change=D(0), one_offs=()),
        Scenario(name="worst", revenue_change=D("-0.15"), collection_delay_days=14, payment_delay_days=-5,
                 interest_rate_change=D("0.01"),
                 one_offs=(OneOff(date(2025, 3, 14), D(-18500), "Machines", "Replace the forklift"),
                           OneOff(date(2025, 4, 1), D("2500.50"), "One-off", ""))),
    ]


def test_a_one_off_with_an_empty_category_is_on_the_one_off_row(tmp_path):
    f = read(tmp_path, '[[scenarios]]\nname = "x"\n[[scenarios.one_off]]\ndate = 2025-03-14\namount = 1\n'
                       'category = ""\n')
    assert f.scenarios[0].one_offs == (OneOff(date(2025, 3, 14), D(1), "One-off", ""),)


def test_scenarios_written_as_one_table_are_refused(tmp_path):
    exc = refused(tmp_path, '[scenarios]\nname = "worst"\n')
    assert exc.field == "scenarios" and "[[scenarios]]" in str(exc)


def test_a_scenario_that_is_not_a_table_is_located_by_its_number(tmp_path):
    exc = refused(tmp_path, 'scenarios = [{name = "a"}, 5]\n')
    assert exc.field == "scenarios[2]" and "table" in str(exc.message)


def test_a_scenario_without_a_name_is_located_by_its_number(tmp_path):
    exc = refused(tmp_path, '[[scenarios]]\nname = "a"\n[[scenarios]]\nrevenue_change = 0.1\n')
    assert exc.field == "scenarios[2].name" and "name" in str(exc.message)
    exc = refused(tmp_path, '[[scenarios]]\nname = "  "\n')
    assert exc.field == "scenarios[1].name"


def test_an_unknown_scenario_key_is_located_by_its_number(tmp_path):
    exc = refused(tmp_path, '[[scenarios]]\nname = "a"\n[[scenarios]]\nname = "b"\nrevenue = 0.1\n')
    assert exc.field == "scenarios[2].revenue" and "'revenue'" in str(exc)
    for key in ("collection_delay_days", "interest_rate_change", "name", "one_off", "payment_delay_days",
                "revenue_change"):
        assert key in str(exc.hint)


def test_a_bad_scenario_value_is_located_by_the_scenario_name(tmp_path):
    exc = refused(tmp_path, '[[scenarios]]\nname = " worst "\ncollection_delay_days = 366\n')   # -365..365
    assert exc.field == "scenarios.worst.collection_delay_days" and "366" in str(exc)
    assert read(tmp_path, '[[scenarios]]\nname = "w"\ncollection_delay_days = 365\n').scenarios[0] \
        .collection_delay_days == 365


def test_two_scenarios_of_one_name_in_any_case_are_refused(tmp_path):
    exc = refused(tmp_path, '[[scenarios]]\nname = "Worst"\n[[scenarios]]\nname = "base"\n[[scenarios]]\n'
                            'name = "worst "\n')
    assert exc.field == "scenarios" and "'worst'" in str(exc)
    assert [s.name for s in read(tmp_path, '[[scenarios]]\nname = "worst"\n[[scenarios]]\nname = "best"\n').scenarios] \
        == ["worst", "best"]


def test_one_off_items_refused_where_they_are(tmp_path):
    head = '[[scenarios]]\nname = "base"\n[[scenarios]]\nname = "worst"\n'
    exc = refused(tmp_path, head + 'one_off = [{date = 2025-03-14, amount = 1}, 5]\n')
    assert exc.field == "scenarios.worst.one_off" and "[[scenarios.one_off]]" in str(exc)
    exc = refused(tmp_path, head + '[[scenarios.one_off]]\ndate = 2025-03-14\namount = 1\n'
                                   '[[scenarios.one_off]]\ndate = 2025-03-15\namount = 1\nscenario = "worst"\n')
    assert exc.field == "scenarios.worst.one_off[2].scenario"   # the table it is in says the scenario
    assert "amount" in str(exc.hint) and "description" in str(exc.hint) and "scenario" not in str(exc.hint)
    exc = refused(tmp_path, head + '[[scenarios.one_off]]\ndate = 2025-03-14\n')
    assert exc.field == "scenarios.worst.one_off[1]" and "amount" in str(exc)
    exc = refused(tmp_path, head + '[[scenarios.one_off]]\namount = 5\n')
    assert exc.field == "scenarios.worst.one_off[1]" and "date" in str(exc)
    exc = refused(tmp_path, head + '[[scenarios.one_off]]\ndate = 2025-03-14\namount = "1,5"\n')
    assert exc.field == "scenarios.worst.one_off[1].amount"


# --- [triggers] ----------------------------------------------------------------------------------------


def test_the_rules_forecast_toml_may_override_are_the_engines_seven(tmp_path):
    # docs/forecast.md's trigger table, in its order
    assert TRIGGER_RULES == ("free_cash", "cash_buffer", "credit_limit", "dso_trend", "revenue_drop", "solvency",
                             "dscr")


def test_trigger_overrides_as_typed(tmp_path):
    f = read(tmp_path, '[triggers.free_cash]\nwarning = "30%"\nalert = 0.15\nowner = " Controller (S. Yilmaz) "\n'
                       '[triggers.credit_limit]\nenabled = "nee"\naction = " Bel de accountmanager "\n'
                       '[triggers.dscr]\naction = "  "\n')
    assert f.triggers == {
        "free_cash": TriggerConfig(warning=D("0.30"), alert=D("0.15"), owner="Controller (S. Yilmaz)", enabled=True,
                                   action=None),
        "credit_limit": TriggerConfig(warning=None, alert=None, owner=None, enabled=False,
                                      action="Bel de accountmanager"),
        "dscr": TriggerConfig(enabled=True, action=None),
    }


def test_trigger_refusals_by_field(tmp_path):
    exc = refused(tmp_path, "triggers = 5\n")
    assert exc.field == "triggers" and "[triggers." in str(exc)
    exc = refused(tmp_path, "[triggers.cash]\nalert = 1\n")
    assert exc.field == "triggers.cash" and "'cash'" in str(exc)
    assert "cash_buffer, credit_limit, dscr, dso_trend, free_cash, revenue_drop, solvency" in str(exc.hint)
    exc = refused(tmp_path, "[triggers]\nsolvency = 0.3\n")
    assert exc.field == "triggers.solvency" and "[triggers.solvency]" in str(exc)
    exc = refused(tmp_path, "[triggers.solvency]\nthreshold = 0.3\n")
    assert exc.field == "triggers.solvency.threshold"
    assert "action, alert, enabled, owner, warning" in str(exc.hint)
    for key in ("warning", "alert"):
        exc = refused(tmp_path, f'[triggers.dso_trend]\n{key} = "x"\n')
        assert exc.field == f"triggers.dso_trend.{key}" and "'x'" in str(exc)
    exc = refused(tmp_path, '[triggers.dso_trend]\nenabled = "perhaps"\n')
    assert exc.field == "triggers.dso_trend.enabled" and "'perhaps'" in str(exc)


# --- [history] -----------------------------------------------------------------------------------------


def test_history_as_typed_and_marked_given(tmp_path):
    f = read(tmp_path, '[history]\nmonths = ["2024-11", "2024-12"]\nrevenue = [258603.08, "168113.96"]\n'
                       "dso = [48.9, 51.6]\n")
    assert f.history == History(months=("2024-11", "2024-12"), revenue=(D("258603.08"), D("168113.96")),
                                dso=(D("48.9"), D("51.6")))
    assert f.history.sources == {"months": "given", "revenue": "given", "dso": "given"}
    # only what is given (and not empty) is marked: the rest is learned from receivables.csv
    f = read(tmp_path, '[history]\nmonths = []\nrevenue = [1, 2, 3]\n')
    assert f.history == History(months=(), revenue=(D(1), D(2), D(3)), dso=())
    assert f.history.sources == {"revenue": "given"}


def test_history_values_must_match_the_months(tmp_path):
    three = '[history]\nmonths = ["2024-10", "2024-11", "2024-12"]\n'
    exc = refused(tmp_path, three + "revenue = [1, 2]\n")
    assert exc.field == "history.revenue" and "2" in str(exc) and "3" in str(exc)
    exc = refused(tmp_path, three + "revenue = [1, 2, 3]\ndso = [40, 41, 42, 43]\n")
    assert exc.field == "history.dso" and "4" in str(exc) and "3" in str(exc)
    assert read(tmp_path, three + "dso = [40, 41, 42]\n").history.dso == (D(40), D(41), D(42))


def test_a_bad_history_value_is_located_by_its_position_from_one(tmp_path):
    exc = refused(tmp_path, '[history]\nrevenue = [1, "x"]\n')
    assert exc.field == "history.revenue[2]" and "'x'" in str(exc)
    exc = refused(tmp_path, '[history]\ndso = ["y", 1]\n')
    assert exc.field == "history.dso[1]"
    exc = refused(tmp_path, "[history]\nmonth = []\n")
    assert exc.field == "history.month" and "dso, months, revenue" in str(exc.hint)
