"""VAT (btw) returns: a quarter computed by hand, paid at the end of the month after, moving with scenarios."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.errors import InputError
from xlcapital.forecast import forecast, load

# A quarterly filer; the forecast starts Monday 6 April 2026 (no bank data: the first day counted is 6 April).
TOML = """
[forecast]
start = 2026-04-06
weeks = 13
opening_balance = 0
[sales]
collection_days = 0
[vat]
filing = "quarterly"
amounts = "excl"          # the Sales table below is excluding VAT
{extra}
[vat.rates]
Rent = "21"
"""
FILES = {
    # Q1 invoices: one paid (12,100 incl.: 2,100 VAT), one open (6,050 incl.: 1,050 VAT)
    "receivables.csv": "customer,invoice,invoice_date,due_date,amount,paid_date\n"
                       "Acme,F1,2026-02-10,2026-03-12,12100,2026-03-10\n"
                       "Bouw BV,F2,2026-03-20,2026-04-19,6050,\n",
    # a bill of 605 incl. 21 % (105 VAT), due in Q2
    "payables.csv": "supplier,invoice,due_date,amount\nWavin,W1,2026-04-20,605\n",
    # rent 2,420 incl. 21 % (420 VAT) on the 1st of every month; salaries carry no VAT
    "recurring.csv": "name,category,amount,frequency,day\nRent,Rent,-2420,monthly,1\n"
                     "Salaries,Salaries,-9000,monthly,25\n",
    # Q2 sale of 10,000 excl. VAT: invoiced 12,100 (2,100 VAT)
    "sales.csv": "date,amount,description\n2026-05-15,10000,Project\n",
}


def folder(tmp_path, extra: str = ""):
    (tmp_path / "forecast.toml").write_text(TOML.format(extra=extra), encoding="utf-8")
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def vat_items(run):
    return {i.ref: (i.cash_date, i.amount) for i in run.items if i.category == "VAT"}


def test_quarters_by_hand(tmp_path):
    inputs = load(folder(tmp_path))
    run = forecast(inputs)
    # Q1 (ended before the start, derived): output 2,100 + 1,050 = 3,150; input 3 x 420 (Jan-Mar rent) = 1,260
    #   -> 1,890 to pay on 30 April 2026.
    # Q2: output 2,100 (the sale); input 3 x 420 (Apr-Jun rent, 1 April before the start too) + 105 = 1,365
    #   -> 735 to pay on 31 July 2026.
    # Q3 and Q4: rent only, 1,260 input each -> refunded on 31 October 2026 and 31 January 2027.
    # Q1 2027 is due 30 April 2027, after the 12-month view (ends 31 March 2027).
    assert vat_items(run) == {
        "VAT return 2026-Q1": (date(2026, 4, 30), D(-1890)),
        "VAT return 2026-Q2": (date(2026, 7, 31), D(-735)),
        "VAT return 2026-Q3": (date(2026, 10, 31), D(1260)),
        "VAT return 2026-Q4": (date(2027, 1, 31), D(1260)),
    }
    # the Q1 return is paid in week 4 (27 April - 3 May), on a row of its own
    assert run.weeks[3].payments["VAT"] == D(-1890)
    assert all(w.payments["VAT"] == 0 for w in run.weeks if w.week != 4)
    # the sale is received including VAT (collection_days 0): 12,100 in week 6 (11-17 May)
    assert run.weeks[5].receipts["Sales"] == D(12100)
    # the Q2 return (31 July) falls after the 13 weeks: the look-ahead lists it
    assert [(i.cash_date, i.amount) for i in run.lookahead_items if i.category == "VAT"] == [
        (date(2026, 7, 31), D(-735))]
    # the 12-month view: month 4 is July 2026, month 7 October (a refund is a receipt)
    assert run.months[3].payments["VAT"] == D(-735) and run.months[6].receipts["VAT"] == D(1260)


def test_revenue_change_lowers_output_vat(tmp_path):
    inputs = load(folder(tmp_path))
    # revenue -30 %: the sale is 7,000 excl. VAT, 1,470 VAT -> Q2 = 1,470 - 1,365 = 105; Q1 was invoiced already
    for name in ("revenue -30%",):
        run = forecast(inputs, name)
        assert vat_items(run)["VAT return 2026-Q2"] == (date(2026, 7, 31), D(-105))
        assert vat_items(run)["VAT return 2026-Q1"] == (date(2026, 4, 30), D(-1890))


def test_credit_carried_forward_and_last_return_given(tmp_path):
    inputs = load(folder(tmp_path, "carry_forward = true\nlast_return = 2000"))
    items = vat_items(forecast(inputs))
    # Q1 as filed: 2,000; Q3 credit 1,260 carried (nothing paid), Q4 credit 1,260 + 1,260 carried (nothing paid)
    assert items == {
        "VAT return 2026-Q1": (date(2026, 4, 30), D(-2000)),
        "VAT return 2026-Q2": (date(2026, 7, 31), D(-735)),
        "VAT return 2026-Q3": (date(2026, 10, 31), D(0)),
        "VAT return 2026-Q4": (date(2027, 1, 31), D(0)),
    }


def test_monthly_filer(tmp_path):
    folder(tmp_path)
    text = (tmp_path / "forecast.toml").read_text(encoding="utf-8").replace('"quarterly"', '"monthly"')
    (tmp_path / "forecast.toml").write_text(text, encoding="utf-8")
    items = vat_items(forecast(load(tmp_path)))
    # March: 1,050 (F2) - 420 (rent 1 March) = 630 on 30 April; April: -420 - 105 = refund 525 on 31 May;
    # May: 2,100 - 420 = 1,680 on 30 June; June: refund 420 on 31 July
    assert items["VAT return 2026-03"] == (date(2026, 4, 30), D(-630))
    assert items["VAT return 2026-04"] == (date(2026, 5, 31), D(525))
    assert items["VAT return 2026-05"] == (date(2026, 6, 30), D(-1680))
    assert items["VAT return 2026-06"] == (date(2026, 7, 31), D(420))


def test_off_by_default_keeps_todays_folders(tmp_path):
    folder(tmp_path)
    text = (tmp_path / "forecast.toml").read_text(encoding="utf-8")
    (tmp_path / "forecast.toml").write_text(text.split("[vat]")[0], encoding="utf-8")
    run = forecast(load(tmp_path))
    assert "VAT" not in run.payment_categories and not vat_items(run)
    # the Sales table is then the cash amount itself
    assert run.weeks[5].receipts["Sales"] == D(10000)


@pytest.mark.parametrize("extra, where", [
    ('filing = "weekly"', "vat.filing"),
    ('[vat.rates]\nRent = "19"', "vat.rates.Rent"),
    ("colour = 1", "vat.colour"),
    ('filing = "none"\ncarry_forward = true', "vat.filing"),
])
def test_bad_vat_input_names_file_and_key(tmp_path, extra, where):
    folder(tmp_path)
    text = (tmp_path / "forecast.toml").read_text(encoding="utf-8").replace('[vat.rates]\nRent = "21"\n', "")
    if extra.startswith("[vat.rates]"):
        text += extra + "\n"
    else:
        text = text.replace('filing = "quarterly"', extra if extra.startswith("filing") else 'filing = "quarterly"\n' + extra)
    (tmp_path / "forecast.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(tmp_path)
    assert "forecast.toml" in str(err.value) and where in str(err.value)


def test_cli_json_has_the_vat_line(tmp_path):
    folder(tmp_path)
    out = subprocess.run([sys.executable, "-m", "xlcapital", "forecast", str(tmp_path), "--json"],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    assert result["weeks"][3]["payments"]["VAT"] in ("-1890", "-1890.00")
    q1 = result["vat_returns"][0]
    assert (q1["period"], q1["due"], D(q1["output_vat"]), D(q1["input_vat"]), D(q1["balance"])) == (
        "2026-Q1", "2026-04-30", D(3150), D(1260), D(1890))


def test_workbook_is_generated_with_vat(tmp_path):
    """The workbook computes the returns (tests/test_workbook_vat.py proves them equal): generate writes it."""
    folder(tmp_path)
    out = tmp_path / "book.xlsm"
    done = subprocess.run([sys.executable, "-m", "xlcapital", "generate", str(tmp_path), "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert out.exists()


def purchases_folder(tmp_path):
    """The folder with the sale declared incl. VAT (12,100) and purchases following it (gross margin 50 %)."""
    folder(tmp_path)
    toml = (tmp_path / "forecast.toml").read_text(encoding="utf-8")
    toml = toml.replace('amounts = "excl"', 'amounts = "incl"').replace(
        "collection_days = 0", "collection_days = 0\ngross_margin = 0.5\nstock_days = 10\nsupplier_days = 30")
    (tmp_path / "forecast.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "sales.csv").write_text("date,amount,description\n2026-05-15,12100,Project\n", encoding="utf-8")
    return tmp_path


def test_purchases_of_the_sales_carry_input_vat(tmp_path):
    """Cost of sales (section 3) is a supplier's bill at the rate on bills, dated on delivery: the Q2 sale of
    12,100 incl. VAT (here declared incl.) with a gross margin of 50 % brings a purchase of 6,050 incl.
    (1,050 VAT), delivered 10 days before the sale (5 May) and paid 30 days later (4 June)."""
    run = forecast(load(purchases_folder(tmp_path)))
    q2 = run.vat_returns[1]
    # output 12,100 x 21/121 = 2,100; input: rent 3 x 420 + the bill 105 + the purchase 6,050 x 21/121 = 1,050
    assert (q2.label, q2.output_vat, q2.input_vat, q2.balance) == ("2026-Q2", D(2100), D(2415), D(-315))
    # revenue -30 %: the sale's VAT 1,470 and the purchase's 735: a refund of 1,470 - (1,365 + 735) = 630
    low = forecast(load(tmp_path), "revenue -30%").vat_returns[1]
    assert (low.output_vat, low.input_vat, low.balance) == (D(1470), D(2100), D(-630))


def test_credit_note_lowers_output_vat_and_an_own_vat_item_is_warned(tmp_path):
    folder(tmp_path)
    with open(tmp_path / "receivables.csv", "a", encoding="utf-8") as f:
        f.write("Acme,C1,2026-03-25,2026-04-24,-1210,\n")  # a credit note of 1,210 incl.: -210 VAT
    with open(tmp_path / "recurring.csv", "a", encoding="utf-8") as f:
        f.write("VAT return,VAT,-5000,quarterly,30\n")
    inputs = load(tmp_path)
    q1 = forecast(inputs).vat_returns[0]
    # output 3,150 - 210 = 2,940; input stays 1,260; balance 1,680
    assert (q1.label, q1.output_vat, q1.input_vat, q1.balance) == ("2026-Q1", D(2940), D(1260), D(1680))
    assert any("VAT return is on the VAT row" in w for w in inputs.warnings)


def test_the_past_quarter_from_the_bank():
    from xlcapital.bank.model import Statement, Transaction
    from xlcapital.forecast import Inputs, Receivable, Recurring, Settings
    from xlcapital.forecast.types import Category
    from xlcapital.forecast.vat import VatSettings

    pay = lambda day, amount, who: Transaction(day, D(amount), counterparty=who)  # noqa: E731
    bank = [Statement("NL01INGB0001234567", transactions=[
        pay(date(2026, 1, 2), -2420, "Vastgoed BV"), pay(date(2026, 2, 2), -2420, "Vastgoed BV"), pay(date(2026, 3, 2), -2420, "Vastgoed BV"),
        pay(date(2026, 3, 15), -1210, "Wavin"), pay(date(2026, 3, 25), -9000, "Salarissen"),
        pay(date(2026, 4, 1), -2420, "Vastgoed BV")])]
    inputs = Inputs(
        Settings(start=date(2026, 4, 6), weeks=13, opening_balance=D(0)), bank=bank,
        receivables=[Receivable("Acme", "F1", date(2026, 3, 20), date(2026, 4, 19), D(6050))],
        recurring=[Recurring("Rent", "Rent", D(-2420), "monthly", 1)],
        categories=[Category("Rent", "counterparty", "Vastgoed"), Category("Suppliers", "counterparty", "Wavin"),
                    Category("Salaries", "counterparty", "Salarissen")],
        vat=VatSettings(filing="quarterly", rates={"Rent": "21", "Suppliers": "21"}))
    q1, q2 = forecast(inputs).vat_returns[:2]
    # Q1 input, as the bank paid it (recurring.csv's rent is not generated again: the bank shows the period):
    # rent of 2 January, 2 February and 2 March 3 x 420, Wavin 1,210 incl.: 210 -> 1,470; salaries carry no VAT.
    # Output 6,050 incl.: 1,050. Balance -420: refunded on 30 April.
    assert (q1.output_vat, q1.input_vat, q1.balance, q1.due) == (D(1050), D(1470), D(-420), date(2026, 4, 30))
    # Q2: the bank's rent of 1 April, then 1 May and 1 June from recurring.csv: 3 x 420
    assert (q2.output_vat, q2.input_vat, q2.balance) == (D(0), D(1260), D(-1260))


def test_yearly_filer(tmp_path):
    folder(tmp_path)
    text = (tmp_path / "forecast.toml").read_text(encoding="utf-8").replace('"quarterly"', '"yearly"')
    (tmp_path / "forecast.toml").write_text(text, encoding="utf-8")
    # 2026: output 3,150 (Q1 invoices) + 2,100 (the sale) = 5,250; input 12 x 420 rent + 105 = 5,145 -> 105,
    # due 31 January 2027; the 2025 return was due 31 January 2026, before the first day counted
    assert vat_items(forecast(load(tmp_path))) == {"VAT return 2026": (date(2027, 1, 31), D(-105))}
