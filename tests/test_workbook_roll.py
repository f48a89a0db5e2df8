"""The monthly roll (issue 11 item 1): ``generate --previous`` = a fresh generation + the user's edits.

The issue's scenario: last month's workbook was generated from the sample company with its bank
export cut at 30 November 2024; now the full export (to 31 December) is in the folder and a new
invoice was added to receivables.csv. Rolling last month's workbook must give exactly the workbook a
fresh generation gives (every value of the Forecast, Scenarios and Dashboard sheets, and every input
table), when the user edited nothing; and the user's edits win when there are some.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from tests.test_workbook_edits import append_row
from tests.test_workbook_engine import company
from tests.test_workbook_previous import same_forecast
from xlcapital import forecast as fc
from xlcapital.cli import main
from xlcapital.company import sample_dir
from xlcapital.errors import InputError
from xlcapital.forecast.learn import match_payments
from xlcapital.workbook.api import generate_folder
from xlcapital.workbook.generator import Generator
from xlcapital.workbook.previous import carry_over

NEW_INVOICE = '"Bakkerij Jansen",VF24-0999,2024-12-20,2025-01-19,3025.00,\n'
MODEL_SHEETS = ("Forecast", "Scenarios", "Dashboard", "Settings", "Receivables", "Payables", "Customers",
                "Recurring", "Sales", "Categories", "Projections", "Bank")


def folder(tmp: Path, cut: str | None = None, new_invoice: bool = False) -> Path:
    """A copy of the sample company; its bank export cut after ``cut`` (YYYYMMDD); a new invoice."""
    root = tmp / "vanderberg"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(sample_dir(), root)
    export = next((root / "bank").iterdir())
    if cut:
        head, *rows = export.read_bytes().split(b"\r\n")
        kept = [r for r in rows if r and r[1:9].decode() <= cut]
        assert 0 < len(kept) < len([r for r in rows if r])  # really cut
        export.write_bytes(b"\r\n".join([head, *kept, b""]))
    if new_invoice:
        with (root / "receivables.csv").open("a", encoding="utf-8") as f:
            f.write(NEW_INVOICE)
    return root


def values(path: Path, sheets=MODEL_SHEETS) -> dict:
    """Every non-empty cell (cached values) of ``sheets``, by sheet and coordinate."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return {(s, c.coordinate): c.value for s in sheets for row in wb[s].iter_rows() for c in row
            if c.value not in (None, "")}


@pytest.fixture(scope="module")
def last_month(tmp_path_factory) -> Path:
    """Last month's workbook: the sample with its export cut at 30 November 2024."""
    tmp = tmp_path_factory.mktemp("last")
    path = tmp / "2024-12.xlsx"
    generate_folder(folder(tmp, cut="20241130"), path, macros=False)
    return path


def test_roll_without_edits_equals_a_fresh_generation(last_month, tmp_path):
    root = folder(tmp_path, new_invoice=True)
    fresh, rolled = tmp_path / "fresh.xlsx", tmp_path / "rolled.xlsx"
    generate_folder(root, fresh, macros=False)
    result = generate_folder(root, rolled, macros=False, previous=last_month)
    a, b = values(fresh), values(rolled)
    different = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    assert not different, f"{len(different)} cells differ, e.g. " + ", ".join(
        f"{s}!{c}: fresh {a.get((s, c))!r}, rolled {b.get((s, c))!r}" for s, c in different[:10])
    # a real comparison: the Forecast sheet has its numbers, the new invoice and December's payments are in
    assert sum(1 for (s, _), v in a.items() if s == "Forecast" and isinstance(v, float)) > 300
    assert any(v == "VF24-0999" for (s, _), v in b.items() if s == "Receivables")
    report = "\n".join(result.roll)
    assert "added (new in the folder since last month): Receivables Bakkerij Jansen / VF24-0999" in report
    assert "your edits" not in report and "carried (typed" not in report
    # the bank balance is the full export's (its last row: "Saldo na mutatie" 87725,84 on 31 December 2024), not
    # the 30 November balance last month's workbook held
    settings = openpyxl.load_workbook(rolled, data_only=True)["Settings"]
    balance, day = (result.cells[f"settings.{k}"] for k in ("BankBalance", "BalanceDate"))
    assert settings.cell(balance.first_row + 1, balance.first_col + 1).value == pytest.approx(87725.84)
    assert settings.cell(day.first_row + 1, day.first_col + 1).value.date() == dt.date(2024, 12, 31)


def test_invoices_paid_in_december_are_paid_in_the_roll(last_month, tmp_path):
    """An invoice open in last month's workbook and paid by a December bank credit is paid in the roll."""
    wb = openpyxl.load_workbook(last_month)
    ws = wb["Receivables"]
    header = [c.value for c in ws[4]]
    col = {h: i for i, h in enumerate(header)}
    open_last = {r[col["Invoice"]].value for r in ws.iter_rows(min_row=5) if r[col["Invoice"]].value
                 and r[col["PaidDate"]].value is None}
    fresh = fc.load(folder(tmp_path))
    inputs, _, _ = carry_over(last_month, fresh, fresh.bank)
    paid_now = {r.invoice: r.paid_date for r in inputs.receivables if r.invoice in open_last and r.paid_date}
    # independently: the credits of December 2024 in the export whose text names an open invoice
    export = next((sample_dir() / "bank").iterdir()).read_text(encoding="utf-8").splitlines()[1:]
    december = [line for line in export if line[1:7] == "202412" and '"Bij"' in line]
    named = {inv for inv in open_last if any(inv in line for line in december)}
    assert named and set(paid_now) == named
    assert all(d >= dt.date(2024, 12, 1) for d in paid_now.values())


def test_the_users_edits_win_and_are_reported(last_month, tmp_path):
    edited = tmp_path / "edited.xlsx"
    wb = openpyxl.load_workbook(last_month)
    rec = wb["Receivables"]
    header = {c.value: c.column for c in rec[4]}
    # an open invoice the user gave a later due date (the customer asked for time)
    row = next(r for r in range(5, rec.max_row + 1) if rec.cell(r, header["PaidDate"]).value is None
               and rec.cell(r, header["DueDate"]).value is not None
               and rec.cell(r, header["DueDate"]).value >= dt.datetime(2025, 1, 1))
    invoice = rec.cell(r := row, header["Invoice"]).value
    rec.cell(r, header["DueDate"]).value = dt.datetime(2025, 3, 31)
    # a payable the user deleted (paid by hand): emptied cells, as Excel's "delete table row" leaves none
    pay = wb["Payables"]
    deleted = pay.cell(5, 2).value
    for c in range(1, 5):
        pay.cell(5, c).value = None
    # a recurring cost typed under the table, and a higher credit limit on Settings
    append_row(wb["Recurring"], "Recurring", {"Name": "Lease bestelbus", "Category": "Lease", "Amount": 650,
                                              "Frequency": "monthly", "Day": 1, "Fixed": "yes"})
    dest = wb.defined_names["Settings_CreditLimit"].destinations
    (sheet, coord), = dest
    wb[sheet][coord.replace("$", "")].value = 150000
    wb.save(edited)

    root = folder(tmp_path, new_invoice=True)
    fresh = fc.load(root)
    nxt, _, carried = carry_over(edited, fresh, fresh.bank)
    report = "\n".join(carried.report.lines(edited.name))
    due = {r.invoice: r.due_date for r in nxt.receivables}
    assert due[invoice] == dt.date(2025, 3, 31) and f"Receivables" in report and invoice in report
    assert deleted not in {p.invoice for p in nxt.payables} and f"left out (deleted in the workbook): Payables" in report
    assert deleted in {p.invoice for p in fresh.payables}
    lease = [r for r in nxt.recurring if r.name == "Lease bestelbus"]
    assert len(lease) == 1 and lease[0].amount == Decimal(650) and "carried (typed in the workbook): Recurring Lease bestelbus" in report
    assert nxt.settings.credit_limit == Decimal(150000) and "CreditLimit" in report
    assert "VF24-0999" in {r.invoice for r in nxt.receivables}
    # everything else is the folder's
    assert nxt.settings.minimum_buffer == fresh.settings.minimum_buffer
    assert len(nxt.receivables) == len(fresh.receivables)


def test_vat_edits_are_carried(last_month, tmp_path):
    """The sample files quarterly with insurance exempt; the user switches to monthly returns, carries
    credits forward and rates insurance 21 % in the workbook: the roll keeps all three, the rest is the folder's."""
    edited = tmp_path / "vat.xlsx"
    wb = openpyxl.load_workbook(last_month)
    for key, value in (("VatFiling", "monthly"), ("VatCarryForward", "yes")):
        (sheet, coord), = wb.defined_names[f"Settings_{key}"].destinations
        wb[sheet][coord.replace("$", "")].value = value
    rates = wb["VatRates"]
    header = {c.value: c.column for c in rates[4]}
    row = next(r for r in range(5, rates.max_row + 1) if rates.cell(r, header["Category"]).value == "Insurance")
    rates.cell(row, header["Rate"]).value = "21"
    wb.save(edited)
    fresh = fc.load(folder(tmp_path))
    assert (fresh.vat.filing, fresh.vat.carry_forward, fresh.vat.rates["Insurance"]) == ("quarterly", False, "exempt")
    nxt, _, carried = carry_over(edited, fresh, fresh.bank)
    assert (nxt.vat.filing, nxt.vat.carry_forward, nxt.vat.rates["Insurance"]) == ("monthly", True, "21")
    assert nxt.vat.rates["Rent"] == fresh.vat.rates["Rent"] and nxt.vat.sales_rate == fresh.vat.sales_rate
    report = "\n".join(carried.report.lines(edited.name))
    assert "VatFiling" in report and "VatRates" in report


def test_previous_of_another_company_is_refused_unless_forced(last_month, tmp_path, capsys):
    other = folder(tmp_path)
    toml = other / "company.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("Van der Berg Installatietechniek B.V.",
                                                             "Bakkerij De Korenschoof"), encoding="utf-8")
    out = tmp_path / "next.xlsx"
    assert main(["generate", str(other), "-o", str(out), "--previous", str(last_month)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "another company" in err and "--force" in err
    assert "Van der Berg" in err and not out.exists()
    assert main(["generate", str(other), "-o", str(out), "--previous", str(last_month), "--force"]) == 0
    assert out.exists()


def _damaged(path: Path, tmp: Path) -> Path:
    """``path`` with its workbook.xml replaced by broken XML."""
    bad = tmp / "damaged.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<workbook><sheets><sheet" if item.filename == "xl/workbook.xml" else data)
    return bad


@pytest.mark.parametrize("case", ["pdf", "empty", "truncated", "damaged", "folder", "missing", "bomb"])
def test_a_previous_that_is_not_a_workbook_is_one_line_and_exit_2(case, last_month, tmp_path, capsys):
    target = {
        "pdf": lambda: _write(tmp_path / "last.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "empty": lambda: _write(tmp_path / "empty.xlsm", b""),
        "truncated": lambda: _write(tmp_path / "cut.xlsm", last_month.read_bytes()[: last_month.stat().st_size // 2]),
        "damaged": lambda: _damaged(last_month, tmp_path),
        "folder": lambda: tmp_path,
        "missing": lambda: tmp_path / "nothing.xlsm",
        "bomb": lambda: _entity_bomb(last_month, tmp_path),
    }[case]()
    out = tmp_path / "next.xlsx"
    # the sample folder named, so that the one line on stderr is the error (without FOLDER the CLI first says
    # that it uses the sample)
    assert main(["generate", str(sample_dir()), "-o", str(out), "--previous", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert str(target) in err or target.name in err
    assert not out.exists()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _entity_bomb(path: Path, tmp: Path) -> Path:
    """A workbook whose shared strings declare nested entities (billion laughs): refused by defusedxml."""
    bomb = tmp / "bomb.xlsx"
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 10))
              + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>')
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, laughs if item.filename == "xl/sharedStrings.xml" else src.read(item))
    return bomb


def test_reader_errors_are_input_errors(tmp_path):
    with pytest.raises(InputError):
        carry_over(_write(tmp_path / "x.xlsm", b"PK\x03\x04garbage"), fc.load(sample_dir()), [])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=company())
def test_any_workbook_rolled_unedited_is_the_fresh_forecast(tmp_path_factory, case):
    """Random companies: the fingerprint tells every generated value from an edit (each kind of value of every
    table read back from the file), so an unedited roll reports no edit and forecasts what the inputs do."""
    inputs, statements = case
    # as a folder's load does: open invoices the bank history pays are paid (the roll matches again)
    history = [t for s in statements for t in s.transactions if t.booking_date < inputs.settings.start]
    inputs = dataclasses.replace(inputs, receivables=match_payments(inputs.receivables, history))
    path = tmp_path_factory.mktemp("roll") / "last.xlsx"
    Generator(company="Random B.V.").write(inputs, path, statements)
    nxt, _, carried = carry_over(path, inputs, statements, company="Random B.V.")
    r = carried.report
    assert (r.carried, r.overruled, r.settings, r.removed, r.added) == ([], [], [], [], []), r
    same_forecast(inputs, nxt)
