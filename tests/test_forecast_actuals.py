"""What the bank shows beside the forecast (docs/forecast-model.md section 12), by hand-made cases.

Every expected value is worked out in the comments from the transactions written in the test.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital import forecast as fc
from xlcapital.bank.model import Balance, Statement, Transaction
from xlcapital.errors import InputError
from xlcapital.forecast.actuals import Ledger, counted, opening_cash

START = date(2026, 4, 6)  # Monday; week 1 = 6-12 April, week 2 = 13-19 April, week 3 = 20-26 April


def tx(day: str, amount: str) -> Transaction:
    return Transaction(date.fromisoformat(day), D(amount))


def inputs(bank, **settings) -> fc.Inputs:
    # one weekly cost of 100 on Mondays: the forecast's net flow is -100 every week
    rent = fc.Recurring("Rent", "Rent", D("-100"), "weekly", day=1)
    return fc.Inputs(fc.Settings(start=START, weeks=3, **{"opening_balance": D(1000), **settings}),
                     recurring=[rent], bank=bank)


CURRENT = Statement("NL91INGB0001234567", transactions=[
    tx("2026-04-02", "-40"),   # before the start
    tx("2026-04-06", "250"),   # week 1
    tx("2026-04-12", "-30"),   # week 1 (Sunday)
    tx("2026-04-14", "-500"),  # week 2
])
SAVINGS = Statement("NL02RABO0123456789", transactions=[tx("2026-04-07", "5000"), tx("2026-04-21", "-1")])


def test_accounts_are_compared_without_spaces_and_case():
    assert counted("nl91 ingb 0001 2345 67", ("NL91INGB0001234567",))
    assert not counted("NL91INGB000123456", ("NL91INGB0001234567",))  # a prefix is not the account
    assert counted("anything", ())  # no accounts listed: every account counts
    assert fc.account_key(" nl02 Rabo 0123 4567 89 ") == "NL02RABO0123456789"


def test_weeks_show_the_bank_flow_closing_and_variance_of_the_forecast_accounts():
    run = fc.forecast(inputs([CURRENT, SAVINGS], accounts=("NL91INGB0001234567",)))
    w1, w2, w3 = run.weeks
    # the forecast is untouched by the actuals: 1000 - 100 a week
    assert [w.closing_cash for w in run.weeks] == [D(900), D(800), D(700)]
    # week 1: 250 - 30 = 220; the savings account's 5000 is not the forecast's
    assert (w1.has_actuals, w1.actual_flow, w1.actual_closing, w1.variance) == (True, D(220), D(1220), D(320))
    # week 2: -500; closing 1000 + 220 - 500 = 720; variance -500 - (-100) = -400
    assert (w2.has_actuals, w2.actual_flow, w2.actual_closing, w2.variance) == (True, D(-500), D(720), D(-400))
    # week 3: the current account's data ends on 14 April: nothing known (the savings' 21 April does not count)
    assert (w3.has_actuals, w3.actual_flow, w3.actual_closing, w3.variance) == (False, None, None, None)


def test_every_account_counts_when_none_are_listed():
    run = fc.forecast(inputs([CURRENT, SAVINGS]))
    # week 1: 220 + 5000; week 3: the savings' -1 of 21 April reaches it
    assert [w.actual_flow for w in run.weeks] == [D(5220), D(-500), D(-1)]
    assert [w.actual_closing for w in run.weeks] == [D(6220), D(5720), D(5719)]


def test_a_week_without_transactions_before_later_data_has_a_flow_of_zero():
    run = fc.forecast(inputs([Statement("A", transactions=[tx("2026-04-21", "7")])]))
    assert [(w.has_actuals, w.actual_flow) for w in run.weeks] == [(True, D(0)), (True, D(0)), (True, D(7))]
    assert run.weeks[1].actual_closing == D(1000) and run.weeks[2].variance == D(107)


def test_the_opening_balance_rolls_forward_from_its_day_to_the_start():
    # 1000 at the end of 31 March; 2 April -40 (the savings' bookings are not the forecast's)
    i = inputs([CURRENT, SAVINGS], balance_date=date(2026, 3, 31), accounts=("NL91INGB0001234567",))
    assert opening_cash(i) == D(960)
    run = fc.forecast(i)
    assert run.weeks[0].opening_cash == D(960) and run.weeks[0].closing_cash == D(860)
    assert run.weeks[1].actual_closing == D(960 + 220 - 500)
    assert fc.analyse(i).kpis["cash_position"] == D(960)


def test_the_opening_balance_rolls_back_from_a_day_after_the_start():
    # 1000 at the end of Tuesday 14 April: the bookings of 6-14 April (250 - 30 - 500) came before
    # it, so the start had 1000 - (-280) = 1280
    i = inputs([CURRENT], balance_date=date(2026, 4, 14))
    assert opening_cash(i) == D(1280)
    assert fc.forecast(i).weeks[1].actual_closing == D(1000)  # back to the balance it was given at


def test_without_a_balance_date_the_balance_is_the_opening_itself():
    assert opening_cash(inputs([CURRENT])) == D(1000)


def test_the_ledger_sums_inclusive_ranges():
    ledger = Ledger.of(inputs([CURRENT]))
    assert ledger.total(date(2026, 4, 6), date(2026, 4, 12)) == D(220)
    assert ledger.total(date(2026, 4, 13), date(2026, 4, 13)) == 0
    assert ledger.reaches(date(2026, 4, 14)) and not ledger.reaches(date(2026, 4, 15))


def test_months_get_actuals_too():
    run = fc.forecast(inputs([CURRENT]))
    # month 1 = 6-30 April: 250 - 30 - 500
    assert (run.months[0].actual_flow, run.months[0].actual_closing) == (D(-280), D(720))
    assert not run.months[1].has_actuals


# --- from a company folder ----------------------------------------------------------------------


ING = ('"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort",'
       '"Mededelingen"\n')


def ing(day, account, sign, amount):
    return f'"{day}","Shop","{account}","","GT","{sign}","{amount}","Online bankieren","x"\n'


def folder(tmp_path, toml: str, rows: str):
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "export.csv").write_text(ING + rows, encoding="utf-8")
    (tmp_path / "forecast.toml").write_text(toml, encoding="utf-8")
    return tmp_path


def test_load_keeps_only_the_given_accounts_and_warns(tmp_path):
    rows = ing("20260402", "NL91INGB0001234567", "Af", "10,00") + ing("20260407", "NL02INGB0007654321", "Bij", "99,00")
    root = folder(tmp_path, '[forecast]\nstart = 2026-04-06\nopening_balance = 500\nbalance_date = 2026-03-31\n'
                            'accounts = ["nl91 ingb 0001 2345 67"]\n', rows)
    i = fc.load(root)
    assert i.settings.accounts == ("NL91INGB0001234567",) and i.settings.balance_date == date(2026, 3, 31)
    assert [s.account for s in i.bank] == ["NL91INGB0001234567"]
    assert any("NL02INGB0007654321" in w for w in i.warnings)
    assert fc.forecast(i).weeks[0].opening_cash == D(490)  # 500 - 10 of 2 April


def test_load_learns_the_accounts_from_bank(tmp_path):
    rows = ing("20260402", "NL91INGB0001234567", "Af", "10,00") + ing("20260403", "NL02INGB0007654321", "Bij", "5,00")
    root = folder(tmp_path, "[forecast]\nopening_balance = 1\n", rows)
    i = fc.load(root)
    # both accounts of bank/ are the forecast's; the start is the Monday after Friday 3 April
    assert set(i.settings.accounts) == {"NL91INGB0001234567", "NL02INGB0007654321"}
    assert i.settings.sources["accounts"] == "bank" and i.settings.start == START
    (root / "forecast.toml").write_text("[forecast]\nbalance_date = 2026-04-01\n", encoding="utf-8")
    with pytest.raises(InputError, match="balance_date without opening_balance"):
        fc.load(root)


def test_learned_balance_date_is_the_latest_balance_day():
    a = Statement("A", transactions=[tx("2026-03-31", "5")], closing_balance=Balance(D("10"), date(2026, 4, 2)))
    b = Statement("B", transactions=[tx("2026-03-30", "1")])
    assert fc.learn.balance_date([a, b]) == date(2026, 4, 2)
    assert fc.learn.balance_date([b]) == date(2026, 3, 30)
    assert fc.learn.balance_date([]) is None


def test_json_has_the_actuals_of_every_week(tmp_path, capsys):
    from xlcapital.cli import main

    rows = ing("20260407", "NL91INGB0001234567", "Af", "12,34")
    root = folder(tmp_path, '[forecast]\nstart = 2026-04-06\nweeks = 2\nopening_balance = 100\n', rows)
    assert main(["forecast", str(root), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["accounts"] == ["NL91INGB0001234567"] and out["opening_balance"] == "100.00"
    first, second = out["weeks"]
    assert (first["has_actuals"], first["actual_flow"], first["actual_closing"], first["variance"]) == \
           (True, "-12.34", "87.66", "-12.34")
    assert (second["has_actuals"], second["actual_flow"]) == (False, None)
