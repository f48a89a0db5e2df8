"""The bank-import macros, run by LibreOffice in the generated workbook on real bank exports.

The oracle is xlcapital.bank.read: after ``BankImport.ImportBankFeedFromPath`` the Bank table must
hold exactly the transactions Python reads from the same file (dates, amounts to the cent, texts,
dedupe keys); a second import adds nothing; a file the macro cannot read leaves the table as it
was. One soffice serves every test of this module (tests.libreoffice.MacroRunner).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tests.libreoffice import MacroRunner
from xlcapital import bank
from xlcapital.bank.presets import PRESETS
from xlcapital.errors import BankFileError, InputError
from xlcapital.workbook.vba.macros import (
    FIELDS,
    UNUSED_BY_MACRO,
    bank_import_source,
    host_source,
    render_preset,
)

pytestmark = pytest.mark.libreoffice

#: the real exports the macro must read as Python does (ING in both layouts, Rabobank, ABN AMRO,
#: bunq, Knab, ASN), and exports with a header only
READABLE = [
    "ing_comma_old_ok.csv",
    "ing_comma_old_fail.csv",
    "ing_semicolon_extra.csv",
    "ing_semicolon_unquoted.csv",
    "rabobank_CSV_A_20180414_112204.csv",
    "abnamro_TXT_SAMPLE.TAB",
    "bunq_en_header_statement.csv",
    "bunq_nl_header_transactieoverzicht.csv",
    "knab_ok.csv",
    "asn_transactie-historie.csv",
    "asn_demo_transactions.csv",
    "knab_no_lines.csv",
    "asn_header_only.csv",
    "triodos_header_only.csv",
]
#: real CSV files that are no bank export xlcapital knows (Python refuses them too)
UNKNOWN = ["degiro_account.csv", "ing_balance_history_savings.csv", "oca_sheet_debit_credit.csv",
           "oca_sheet_original_currency.csv", "oca_sheet_sample_statement_en.csv"]


@pytest.mark.bankfeeds
def test_every_real_csv_export_is_either_read_or_refused_here(bankfeeds):
    # the real CSV exports beside the checkout: each is proven in one of the two lists
    assert {p.name for p in (bankfeeds / "csv").iterdir()} == set(READABLE) | set(UNKNOWN)

IMPORT = "BankImport.ImportBankFeedFromPath"

DATA = Path(__file__).parent / "data" / "bank"
#: the hand-written fixture of every CSV layout (tests/data/bank/README.md), with the preset each
#: documents there: the macro must recognise that layout and read what Python reads
FIXTURES = {
    "ing_comma.csv": "ing", "ing_comma_dmy.csv": "ing_dmy", "ing_semicolon.csv": "ing_semicolon",
    "ing_semicolon_unquoted.csv": "ing_semicolon", "ing_en.csv": "ing_en", "ing_en_comma.csv": "ing_en_comma",
    "rabobank.csv": "rabobank", "rabobank_old.csv": "rabobank_old", "abnamro.TAB": "abnamro",
    "bunq_nl.csv": "bunq", "bunq_en.csv": "bunq_en", "bunq_semicolon.csv": "bunq_semicolon", "knab.csv": "knab",
    "asn.csv": "asn", "sns.csv": "asn", "triodos.csv": "triodos", "triodos_8.csv": "triodos_8",
    "regiobank.csv": "regiobank", "rabobank_en.csv": "rabobank_en", "rabobank_business.csv": "rabobank_business",
    "rabobank_cc.csv": "rabobank_cc",
}


# --- the workbook and LibreOffice ---------------------------------------------------------------


@pytest.fixture(scope="module")
def lo(soffice, tmp_path_factory):
    with MacroRunner(soffice, tmp_path_factory.mktemp("lo-macros")) as runner:
        yield runner


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    """The generated forecast workbook with the macros, and no bank transactions yet."""
    from xlcapital.forecast import Inputs, Settings
    from xlcapital.workbook.generator import generate
    from xlcapital.workbook.vba import workbook_hook

    path = tmp_path_factory.mktemp("book") / "forecast.xlsm"
    generate(Inputs(Settings(start=date(2026, 4, 6), opening_balance=Decimal(1000))), path, vba=workbook_hook())
    return path


def bank_rows(path: Path) -> list[dict]:
    """The rows of the Excel Table Bank in a workbook LibreOffice saved (values as last calculated)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb["Bank"]
    ref = ws.tables["Bank"].ref
    cells = ws[ref]
    header = [c.value for c in cells[0]]
    out = []
    for row in cells[1:]:
        values = dict(zip(header, (c.value for c in row)))
        values["_types"] = {h: c.data_type for h, c in zip(header, row)}
        if any(values[h] is not None for h in ("Date", "Amount", "Key")):
            out.append(values)
    return out


def as_date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return date(1899, 12, 30) + timedelta(days=int(value))


def python_transactions(path: Path) -> list[dict]:
    """What xlcapital.bank.read reads, as the Bank table's columns."""
    out = []
    for s in bank.read(path):
        for t in s.transactions:
            out.append({
                "Date": t.booking_date, "ValueDate": t.value_date, "Account": s.account, "Amount": t.amount,
                "Currency": t.currency or s.currency or "", "Counterparty": t.counterparty,
                "CounterpartyIBAN": t.counterparty_iban, "Description": t.description,
                "Reference": t.reference, "Key": t.key,
            })
    return out


def assert_table_holds(rows: list[dict], expected: list[dict]) -> None:
    assert [r["Key"] for r in rows] == [e["Key"] for e in expected]
    for got, want in zip(rows, expected):
        assert as_date(got["Date"]) == want["Date"], want["Key"]
        assert as_date(got["ValueDate"]) == want["ValueDate"], want["Key"]
        # amounts to the cent: the cell holds the double nearest to the exact amount
        assert got["Amount"] == float(want["Amount"]), want["Key"]
        assert Decimal(repr(got["Amount"])).quantize(Decimal("0.01")) == want["Amount"]
        for column in ("Account", "Currency", "Counterparty", "CounterpartyIBAN", "Description", "Reference"):
            assert (got[column] or "") == want[column], (want["Key"], column)
            if want[column]:
                assert got["_types"][column] == "s", (want["Key"], column)  # text, never a formula or number
        assert got["Category"] is not None  # the calculated column reached the new row and computed


def run_import(lo: MacroRunner, workbook: Path, feeds: list[Path], out: Path) -> list[dict]:
    calls = []
    for feed in feeds:
        calls += [(IMPORT, [str(feed)]), ("BankImport.LastImportSkipped", []), ("BankImport.LastImportMessage", [])]
    return lo.run(workbook, calls, store=out)


# --- real exports -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def imported(lo, workbook, bankfeeds, tmp_path_factory):
    """Every readable export imported twice in a row into one workbook (one LibreOffice load):
    the results of each call, and the Bank table afterwards."""
    feeds = [bankfeeds / "csv" / name for name in READABLE]
    out = tmp_path_factory.mktemp("imported") / "after.xlsx"
    calls = []
    for feed in feeds:
        calls += [(IMPORT, [str(feed)]), ("BankImport.LastImportSkipped", []), ("BankImport.LastImportMessage", [])] * 2
    results = [r.get("value") for r in lo.run(workbook, calls, store=out)]
    return {name: results[6 * i : 6 * i + 6] for i, name in enumerate(READABLE)}, bank_rows(out)


@pytest.mark.bankfeeds
@pytest.mark.parametrize("name", READABLE)
def test_import_gives_what_python_reads_and_a_second_run_adds_nothing(imported, bankfeeds, name):
    results, table = imported
    first, first_skipped, message, second, second_skipped, _ = results[name]
    expected = python_transactions(bankfeeds / "csv" / name)
    # the files are imported one after another: what an earlier file added is skipped now (the three
    # ING files hold the same six transactions in three layouts, with the same keys)
    earlier = set()
    for other in READABLE[: READABLE.index(name)]:
        earlier |= {t["Key"] for t in python_transactions(bankfeeds / "csv" / other)}
    new = [t for t in expected if t["Key"] not in earlier]
    assert (first, first_skipped) == (len(new), len(expected) - len(new)), message
    assert (second, second_skipped) == (0, len(expected))
    rows = {r["Key"]: r for r in table}
    assert len(rows) == len(table)  # no key twice in the table
    assert_table_holds([rows[t["Key"]] for t in expected], expected)


@pytest.mark.bankfeeds
def test_the_table_holds_every_file_in_import_order(imported, bankfeeds):
    _, table = imported
    seen, expected = set(), []
    for name in READABLE:
        for t in python_transactions(bankfeeds / "csv" / name):
            if t["Key"] not in seen:
                seen.add(t["Key"])
                expected.append(t)
    # ING 6 (the ING semicolon files repeat them; ing_comma_old_fail adds only the row of its other
    # account ...9998) + 1, Rabobank 3, ABN AMRO 23 + 3, bunq 7 + 3, Knab 28, ASN 11 + 4
    assert len(expected) == 6 + 1 + 3 + 26 + 10 + 28 + 15 == 89
    assert_table_holds(table, expected)


@pytest.mark.bankfeeds
def test_two_exports_of_one_account_merge_without_duplicates(lo, workbook, bankfeeds, tmp_path):
    # ing_semicolon_extra holds the same six transactions as ing_comma_old_ok, with an extra column
    a, b = bankfeeds / "csv" / "ing_comma_old_ok.csv", bankfeeds / "csv" / "rabobank_CSV_A_20180414_112204.csv"
    c = bankfeeds / "csv" / "ing_semicolon_extra.csv"
    results = run_import(lo, workbook, [a, b, c], tmp_path / "merged.xlsx")
    added = [results[i]["value"] for i in (0, 3, 6)]
    assert added == [6, 3, 0]
    assert_table_holds(bank_rows(tmp_path / "merged.xlsx"), python_transactions(a) + python_transactions(b))


@pytest.mark.bankfeeds
def test_exports_of_no_known_bank_are_refused_and_the_table_is_untouched(lo, workbook, bankfeeds, tmp_path):
    unknown = [bankfeeds / "csv" / name for name in UNKNOWN]
    for feed in unknown:
        with pytest.raises(BankFileError):
            bank.read(feed)
    good = bankfeeds / "csv" / "bunq_nl_header_transactieoverzicht.csv"
    results = run_import(lo, workbook, [good, *unknown], tmp_path / "after.xlsx")
    assert results[0]["value"] == 3
    for i in range(len(unknown)):
        assert results[3 + 3 * i]["value"] == -1
        assert "no bank preset fits" in results[5 + 3 * i]["value"]
    assert_table_holds(bank_rows(tmp_path / "after.xlsx"), python_transactions(good))


# --- the fixture of every layout ------------------------------------------------------------------


def test_every_preset_has_a_fixture_here():
    # a preset added to presets.py without a fixture would go unproven in the macro
    assert set(FIXTURES.values()) == set(PRESETS)


@pytest.fixture(scope="module")
def fixtures_imported(lo, workbook, tmp_path_factory):
    """Every layout's fixture imported into one workbook: (added, skipped, message, bank) per file, and the table."""
    out = tmp_path_factory.mktemp("fixtures") / "after.xlsx"
    calls = []
    for name in FIXTURES:
        calls += [(IMPORT, [str(DATA / name)]), ("BankImport.LastImportSkipped", []),
                  ("BankImport.LastImportMessage", []), ("BankImport.LastImportBank", [])]
    results = [r.get("value") for r in lo.run(workbook, calls, store=out)]
    return {name: results[4 * i: 4 * i + 4] for i, name in enumerate(FIXTURES)}, bank_rows(out)


@pytest.mark.parametrize("name", list(FIXTURES))
def test_every_layouts_fixture_imports_as_python_reads_it(fixtures_imported, name):
    results, table = fixtures_imported
    added, skipped, message, preset = results[name]
    expected = python_transactions(DATA / name)
    assert expected, name  # each fixture holds transactions (their sums: tests/data/bank/README.md)
    # the layout the README names, which Python picks too (ing_comma_dmy: the header is ING's comma one,
    # and only ing_dmy reads its DD-MM-YYYY dates)
    assert preset == FIXTURES[name], message
    earlier = set()
    for other in list(FIXTURES)[: list(FIXTURES).index(name)]:
        earlier |= {t["Key"] for t in python_transactions(DATA / other)}
    new = [t for t in expected if t["Key"] not in earlier]
    assert (added, skipped) == (len(new), len(expected) - len(new)), message
    rows = {r["Key"]: r for r in table}
    # a key an earlier fixture brought is skipped, whatever this file says past the key's 32 letters
    # (triodos_8.csv repeats triodos.csv's printing bill with another description): the rows added
    assert_table_holds([rows[t["Key"]] for t in new], new)


def test_ing_dmy_dates_are_read_as_day_month_year(fixtures_imported):
    # ing_comma_dmy.csv, by hand: 3 rows from 1 to 5 March 2019 summing to 1375.65 (tests/data/bank/README.md)
    _, table = fixtures_imported
    rows = [r for r in table if "|2019-03-0" in r["Key"]]
    assert sorted(as_date(r["Date"]) for r in rows)[0] == date(2019, 3, 1)
    assert max(as_date(r["Date"]) for r in rows) == date(2019, 3, 5)
    assert round(sum(Decimal(repr(r["Amount"])) for r in rows), 2) == Decimal("1375.65")


# --- a damaged running balance ----------------------------------------------------------------------


def _damage(line: str, old: str, new: str) -> str:
    assert line.count(old) == 1, (line, old)
    return line.replace(old, new)


def test_a_damaged_balance_cell_costs_a_warning_naming_the_line_not_the_rows(lo, workbook, tmp_path):
    # ing_semicolon.csv with the "Saldo na mutatie" of its line 3 damaged, and asn.csv (no header: the
    # layout is recognised from the first data row) with the "Saldo voor mutatie" of its line 1 damaged
    ing = (DATA / "ing_semicolon.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    ing[2] = _damage(ing[2], '"2185,00"', '"21#5,00"')
    asn = (DATA / "asn.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    asn[0] = _damage(asn[0], ",250.00,", ",25O.00,")
    feeds = [tmp_path / "ing-damaged.csv", tmp_path / "asn-damaged.csv"]
    feeds[0].write_text("".join(ing), encoding="utf-8")
    feeds[1].write_text("".join(asn), encoding="utf-8")
    # Python reads every row and warns about the line
    for feed, line in zip(feeds, (3, 1)):
        (statement,) = bank.read(feed)
        assert len(statement.transactions) == 3
        assert [w.split(": ")[0] for w in statement.warnings] == [f"{feed}:{line}"]
    out = tmp_path / "after.xlsx"
    calls = []
    for feed in feeds:
        calls += [(IMPORT, [str(feed)]), ("BankImport.LastImportMessage", []), ("BankImport.LastImportWarnings", []),
                  ("BankImport.LastImportBank", [])]
    results = [r.get("value") for r in lo.run(workbook, calls, store=out)]
    (ing_added, ing_message, ing_warnings, ing_bank), (asn_added, asn_message, asn_warnings, asn_bank) = (
        results[:4], results[4:])
    assert (ing_added, ing_warnings, ing_bank) == (3, 1, "ing_semicolon"), ing_message
    assert "line 3: balance_after left out" in ing_message and "21#5,00" in ing_message, ing_message
    assert (asn_added, asn_warnings, asn_bank) == (3, 1, "asn"), asn_message
    assert "line 1: balance_before left out" in asn_message and "25O.00" in asn_message, asn_message
    # the rows as Python reads them, in the same (chronological) order, with the same keys
    assert_table_holds(bank_rows(out), python_transactions(feeds[0]) + python_transactions(feeds[1]))


def test_a_row_without_its_opening_quote_is_repaired_with_a_warning_as_in_python(lo, workbook, tmp_path):
    # Rabobank quotes every field; a row whose opening quote is missing is read as if it had one, with a warning
    data = (DATA / "rabobank.csv").read_bytes().split(b"\r\n")
    assert data[2].startswith(b'"')
    data[2] = data[2][1:]
    feed = tmp_path / "rabobank-repaired.csv"
    feed.write_bytes(b"\r\n".join(data))
    warnings = [w for s in bank.read(feed) for w in s.warnings]
    assert warnings == [f"{feed}:3: the row lacks its opening quote; read as if it had one"]
    out = tmp_path / "after.xlsx"
    results = [r.get("value") for r in lo.run(workbook, [(IMPORT, [str(feed)]), ("BankImport.LastImportMessage", []),
                                                         ("BankImport.LastImportWarnings", [])], store=out)]
    assert (results[0], results[2]) == (4, 1), results
    assert "line 3: the row lacks its opening quote; read as if it had one" in results[1]
    assert_table_holds(bank_rows(out), python_transactions(feed))


def test_amounts_the_macro_cannot_hold_to_the_cent_are_refused_not_rounded(lo, workbook, tmp_path):
    from xlcapital.workbook.vba.macros import MACRO_AMOUNT_DIGITS

    # whole cents in a Double are exact below 2**53 (9,007,199,254,740,992): 15 digits always are
    assert MACRO_AMOUNT_DIGITS == 15 and 10**15 < 2**53 < 10**16
    largest = tmp_path / "largest.csv"  # 9,999,999,999,999.99 euro: 15 digits of cents
    largest.write_text(ING_HEADER + ing_row("20260302", "Staat", "Bij", "9999999999999,99", "x"), encoding="utf-8")
    too_large = tmp_path / "too-large.csv"  # 16 digits of cents: Python reads it, the macro cannot
    too_large.write_text(ING_HEADER + ing_row("20260302", "Staat", "Af", "0,01", "a")
                         + ing_row("20260303", "Staat", "Bij", "12345678901234,57", "b"), encoding="utf-8")
    assert [t.amount for s in bank.read(too_large) for t in s.transactions][1] == Decimal("12345678901234.57")
    out = tmp_path / "after.xlsx"
    results = run_import(lo, workbook, [largest, too_large], out)
    assert results[0]["value"] == 1 and results[3]["value"] == -1
    assert "line 3" in results[5]["value"] and "12345678901234,57" in results[5]["value"], results[5]
    assert "more than 15 digits" in results[5]["value"]
    assert_table_holds(bank_rows(out), python_transactions(largest))
    assert bank_rows(out)[0]["Amount"] == 9999999999999.99


# --- files made for the test ----------------------------------------------------------------------

ING_HEADER = '"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"\n'


def ing_row(day: str, name: str, sign: str, amount: str, text: str) -> str:
    q = lambda s: '"' + s.replace('"', '""') + '"'  # noqa: E731
    return ",".join(map(q, [day, name, "NL91INGB0001234567", "", "GT", sign, amount, "Online bankieren", text])) + "\n"


def test_formula_like_texts_stay_text(lo, workbook, tmp_path):
    feed = tmp_path / "formulas.csv"
    feed.write_text(
        ING_HEADER
        + ing_row("20260302", "=HYPERLINK(\"http://x\",\"klik\")", "Af", "12,50", "=1+1")
        + ing_row("20260302", "+31 6 1234 5678", "Bij", "1.250,00", "-5 korting op factuur")
        + ing_row("20260303", "@SUM(A1:A9)", "Af", "0,01", "'quoted' en \"dubbel\"")
        + ing_row("20260303", "Café Straße", "Af", "3,10", "€ 3,10 Valutadatum: 04-03-2026"),
        encoding="utf-8",
    )
    expected = python_transactions(feed)
    out = tmp_path / "after.xlsx"
    results = run_import(lo, workbook, [feed], out)
    assert results[0]["value"] == 4, results
    rows = bank_rows(out)
    assert_table_holds(rows, expected)
    assert rows[0]["Counterparty"] == '=HYPERLINK("http://x","klik")' and rows[0]["Description"] == "=1+1"
    assert rows[2]["Description"] == "'quoted' en \"dubbel\""
    # 1.250,00: a thousands point, read as 1250.00; the key keeps ASCII letters only: é and ß go
    assert rows[1]["Amount"] == 1250.0
    assert "|CAFSTRAE310VALUTADATUM04032026|" in rows[3]["Key"]
    formulas = openpyxl.load_workbook(out)["Bank"]
    assert not any(isinstance(c.value, str) and c.value.startswith("=") and c.data_type == "f"
                   for row in formulas.iter_rows(min_row=5, max_col=9) for c in row)


def test_a_broken_row_refuses_the_whole_file_and_says_where(lo, workbook, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(ING_HEADER + ing_row("20260302", "Bakker", "Af", "2,50", "brood"), encoding="utf-8")
    broken = tmp_path / "broken.csv"
    broken.write_text(
        ING_HEADER + ing_row("20260303", "Slager", "Af", "7,50", "vlees") + ing_row("20260304", "Kapper", "Af", "1,2,3", "knippen"),
        encoding="utf-8",
    )
    with pytest.raises(BankFileError) as python_error:
        bank.read(broken)
    assert python_error.value.line == 3
    out = tmp_path / "after.xlsx"
    results = run_import(lo, workbook, [good, broken], out)
    assert results[0]["value"] == 1
    assert results[3]["value"] == -1
    assert "line 3" in results[5]["value"] and "1,2,3" in results[5]["value"]
    assert_table_holds(bank_rows(out), python_transactions(good))  # the slager of line 2 is not there either


def test_a_quote_left_open_is_refused(lo, workbook, tmp_path):
    feed = tmp_path / "open-quote.csv"
    feed.write_text(ING_HEADER + ing_row("20260302", "A", "Af", "1,00", "x")[:-2] + "\n"
                    + ing_row("20260303", "B", "Af", "2,00", "y"), encoding="utf-8")
    with pytest.raises(BankFileError):
        bank.read(feed)
    results = run_import(lo, workbook, [feed], tmp_path / "after.xlsx")
    assert results[0]["value"] == -1 and "not closed" in results[2]["value"]
    assert bank_rows(tmp_path / "after.xlsx") == []


def test_cp1252_and_crlf_exports_read_as_in_python(lo, workbook, tmp_path):
    feed = tmp_path / "cp1252.csv"
    text = ING_HEADER + ing_row("20260305", "Crème brûlée €", "Bij", "99,99", "Ærø – “quotes”")
    feed.write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    results = run_import(lo, workbook, [feed], tmp_path / "after.xlsx")
    assert results[0]["value"] == 1, results
    rows = bank_rows(tmp_path / "after.xlsx")
    assert_table_holds(rows, python_transactions(feed))
    assert rows[0]["Counterparty"] == "Crème brûlée €"


def test_line_numbers_are_the_editors_for_cr_cr_lf_and_cr_only_files(lo, workbook, tmp_path):
    """Line ends as an editor (and the Python reader) counts them: CR LF, LF and CR one each, so Rabobank's
    CR CR LF is two, with a blank line between. Counted by hand below; Python must say the same."""
    rows = (DATA / "rabobank.csv").read_bytes().split(b"\r\n")  # header, 4 rows, the empty rest
    assert len(rows) == 6 and rows[-1] == b""
    # CR CR LF after every line: the header is line 1, row k (1-based) line 2k + 1; the third row's amount
    # made unreadable puts the refusal on line 7
    damaged = rows[:3] + [rows[3].replace(b'"-87,66"', b'"-87;66"', 1)] + rows[4:5]
    crcrlf = tmp_path / "crcrlf.csv"
    crcrlf.write_bytes(b"\r\r\n".join(damaged) + b"\r\r\n")
    # CR only; a byte no encoding reads: UTF-8 stops at the "é" (E9) of line 2, cp1252 reads it and stops at
    # 81 on line 3: 81 is named (the byte read furthest), on line 3
    cr_only = tmp_path / "cr-only.csv"
    cr_only.write_bytes((ING_HEADER + ing_row("20260302", "Caf\xe9", "Af", "2,50", "a")).replace("\n", "\r")
                        .encode("cp1252") + ing_row("20260303", "B", "Af", "1,00", "\x81").encode("latin-1"))
    for feed, line, byte in ((crcrlf, 7, None), (cr_only, 3, 0x81)):
        with pytest.raises(BankFileError) as python_error:
            bank.read(feed)
        assert python_error.value.line == line
        if byte is not None:
            assert f"byte 0x{byte:02x}" in python_error.value.message
    results = run_import(lo, workbook, [crcrlf, cr_only], tmp_path / "after.xlsx")
    assert results[0]["value"] == -1 and "line 7: amount" in results[2]["value"], results[2]
    assert results[3]["value"] == -1 and "line 3: byte &H81 " in results[5]["value"], results[5]
    assert bank_rows(tmp_path / "after.xlsx") == []


def test_a_cr_cr_lf_file_imports_as_python_reads_it(lo, workbook, tmp_path):
    feed = tmp_path / "rabobank-crcrlf.csv"
    feed.write_bytes((DATA / "rabobank.csv").read_bytes().replace(b"\r\n", b"\r\r\n"))
    expected = python_transactions(feed)
    assert len(expected) == 4  # the fixture's rows (tests/data/bank/README.md)
    results = run_import(lo, workbook, [feed], tmp_path / "after.xlsx")
    assert results[0]["value"] == 4, results
    assert_table_holds(bank_rows(tmp_path / "after.xlsx"), expected)


# --- the forecast follows the imported rows --------------------------------------------------------


@pytest.mark.bankfeeds
def test_an_import_recalculates_the_forecasts_actuals_and_opening_balance(lo, bankfeeds, tmp_path):
    """A company whose forecast starts inside the real ASN export: after the import, the Forecast's
    actual rows are the export's own sums, the opening balance has moved by the bookings between the
    balance's day and the start, and another account's rows count nowhere."""
    from xlcapital import forecast as fc
    from xlcapital.workbook.api import generate_folder
    from tests.workbook_check import read

    feed = bankfeeds / "csv" / "asn_transactie-historie.csv"
    (asn,) = bank.read(feed)
    # the export runs from Friday 17 June to Monday 11 July 2022 and states its balances: 130.44 before
    # its first booking (so at the end of 16 June) and 84.24 after its last
    assert (asn.opening_balance.amount, asn.closing_balance.amount) == (Decimal("130.44"), Decimal("84.24"))
    balance_day = asn.opening_balance.date - timedelta(days=1)
    start = date(2022, 6, 20)  # the Monday after the first booking: the 17 June bookings come before week 1
    company = tmp_path / "company"
    company.mkdir()
    (company / "forecast.toml").write_text(
        f'[forecast]\nstart = {start}\nweeks = 13\nopening_balance = {asn.opening_balance.amount}\n'
        f'balance_date = {balance_day}\naccounts = ["{asn.account}"]\ncredit_limit = 500\n', encoding="utf-8")
    # the forecast's only flow: 150 of rent every Monday, so its net flow is -150 a week
    (company / "recurring.csv").write_text("name,category,amount,frequency,day\nRent,Rent,-150.00,weekly,1\n",
                                           encoding="utf-8")
    book = tmp_path / "forecast.xlsm"
    cells = generate_folder(company, book).cells
    # an export of another account (not in Accounts), booked inside weeks 1 and 2
    other = tmp_path / "other-account.csv"
    other.write_text(ING_HEADER + ing_row("20220621", "Privé", "Bij", "1000,00", "eigen geld")
                     + ing_row("20220628", "Privé", "Af", "300,00", "terug"), encoding="utf-8")

    before, after = tmp_path / "before.xlsx", tmp_path / "after.xlsx"
    lo.run(book, [], store=before)
    results = run_import(lo, book, [feed, other], after)
    assert (results[0]["value"], results[3]["value"]) == (11, 2), results

    names = ["settings.OpeningBalance", "forecast.opening", "forecast.closing", "forecast.net_flow",
             "forecast.actual.has", "forecast.actual.flow", "forecast.actual.closing", "forecast.actual.variance"]
    was, got = read(before, cells, names), read(after, cells, names)
    assert was["settings.OpeningBalance"] == [130.44] and was["forecast.actual.flow"] == [None] * 13

    # independently, from what xlcapital.bank.read reads of the file
    mondays = [start + timedelta(days=7 * k) for k in range(13)]
    last = max(t.booking_date for t in asn.transactions)  # 11 July: the data reaches weeks 1-4
    flows = [sum((t.amount for t in asn.transactions if m <= t.booking_date <= m + timedelta(days=6)), Decimal(0))
             for m in mondays]
    opening = asn.opening_balance.amount + sum(t.amount for t in asn.transactions if t.booking_date < start)
    assert opening == Decimal("130.44") + Decimal("223.77") - Decimal("200.00")  # the two bookings of 17 June
    assert got["settings.OpeningBalance"][0] == pytest.approx(float(opening), abs=0.005)
    assert got["forecast.opening"][0] == pytest.approx(float(opening), abs=0.005)
    reached = [m <= last for m in mondays]
    assert reached == [True] * 4 + [False] * 9
    assert [bool(x) for x in got["forecast.actual.has"]] == reached
    for w in range(13):
        if not reached[w]:
            assert got["forecast.actual.flow"][w] in (None, "") and got["forecast.actual.closing"][w] in (None, "")
            continue
        closing = opening + sum(flows[: w + 1], Decimal(0))
        assert got["forecast.actual.flow"][w] == pytest.approx(float(flows[w]), abs=0.005), w
        assert got["forecast.actual.closing"][w] == pytest.approx(float(closing), abs=0.005), w
        assert got["forecast.actual.variance"][w] == pytest.approx(float(flows[w]) + 150, abs=0.005), w
    # after week 4 the bank shows the export's own closing balance
    assert got["forecast.actual.closing"][3] == pytest.approx(84.24, abs=0.005)
    # the forecast itself is not rewritten: the rolled opening minus 150 a week
    assert got["forecast.closing"] == pytest.approx([float(opening) - 150 * (k + 1) for k in range(13)], abs=0.005)

    # the engine given the same bank rows says the same
    inputs = fc.load(company)
    inputs.bank = [asn, *bank.read(other)]
    weeks = fc.forecast(inputs).weeks
    assert [float(w.closing_cash) for w in weeks] == pytest.approx(got["forecast.closing"], abs=0.005)
    assert [w.actual_flow for w in weeks[:4]] == flows[:4] and not any(w.has_actuals for w in weeks[4:])
    assert [float(w.actual_closing) for w in weeks[:4]] == pytest.approx(got["forecast.actual.closing"][:4], abs=0.005)

    rows = bank_rows(after)
    assert [r["InForecast"] for r in rows] == ["yes"] * 11 + ["no"] * 2


# --- the module source ----------------------------------------------------------------------------

_LITERAL = re.compile(r'"(?:[^"]|"")*"|ChrW\(\d+\)|-?\d+|True|False|Empty|Array\(|\)|,|&')


def parse_vba_literal(text: str):
    """A VBA literal as this test reads it (independent of the renderer): text, numbers, Array(...)."""
    tokens = _LITERAL.findall(text)
    assert "".join(tokens) == re.sub(r"\s+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", "", text), text

    def value(i):
        t = tokens[i]
        if t == "Array(":
            items, i = [], i + 1
            while tokens[i] != ")":
                item, i = value(i)
                items.append(item)
                if tokens[i] == ",":
                    i += 1
            return tuple(items), i + 1
        if t.startswith('"') or t.startswith("ChrW"):
            parts = []
            while True:
                t = tokens[i]
                parts.append(t[1:-1].replace('""', '"') if t.startswith('"') else chr(int(t[5:-1])))
                if i + 1 < len(tokens) and tokens[i + 1] == "&":
                    i += 2
                    continue
                return "".join(parts), i + 1
        return {"True": True, "False": False, "Empty": None}.get(t, int(t) if t.lstrip("-").isdigit() else t), i + 1

    result, end = value(0)
    assert end == len(tokens)
    return result


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_rendered_preset_is_the_preset(name):
    preset = PRESETS[name]
    lines = render_preset(preset).splitlines()
    rendered = {}
    for line in lines:
        m = re.fullmatch(r"\s*p\(F_([A-Z_]+)\) = (.*)", line)
        if m:
            rendered[m.group(1).lower()] = parse_vba_literal(m.group(2))
    assert set(rendered) == {f.name for f in dataclasses.fields(preset)}
    for field, value in rendered.items():
        assert value == getattr(preset, field), field


def test_every_preset_field_is_known_to_the_macro():
    # a field added to Preset must be interpreted by the macro templates (templates/vba/*.bas.j2: F_<FIELD>) or
    # be declared unused; otherwise the macro would silently read files differently from Python
    source = bank_import_source()
    used = {f for f in FIELDS if re.search(rf"\(F_{f.upper()}\)", source.split("Private Function NewPreset")[0])}
    assert set(FIELDS) - used == UNUSED_BY_MACRO
    assert len(re.findall(r"^    ' --- preset ", source, flags=re.M)) == len(PRESETS)


def test_no_view_dependent_or_outside_code():
    code = bank_import_source() + host_source()
    for banned in (".Select", "ActiveCell", "Selection", "End(xlUp)", "ActiveSheet", "Shell", "Kill ",
                   "SendKeys", "CreateObject", "Open path For Output", "For Append"):
        assert banned not in code, banned
    path_function = code.split("Public Function ImportBankFeedFromPath")[1].split("End Function")[0]
    assert "GetOpenFilename" not in path_function and "MsgBox" not in path_function


def test_olevba_reads_the_workbook_project_back_exactly():
    from oletools.olevba import VBA_Parser

    from xlcapital.workbook.vba import module_source
    from xlcapital.workbook.vba.macros import macro_modules, project_for_workbook

    parser = VBA_Parser("vbaProject.bin", data=project_for_workbook(["Start", "Bank"]), relaxed=False)
    found = {stream: code for _, stream, _, code in parser.extract_macros()}
    assert sorted(found) == ["VBA/Bank", "VBA/BankDecode", "VBA/BankImport", "VBA/BankImportHost", "VBA/BankLayouts",
                             "VBA/BankPresets",
                             "VBA/Start", "VBA/ThisWorkbook"]
    for module in macro_modules():
        assert found[f"VBA/{module.name}"] == module_source(module).decode("cp1252")
        assert "Public Function ImportBankFeedFromPath(ByVal path As String) As Long" in found["VBA/BankImport"]


def test_every_module_is_well_under_64_kb():
    """The VBA editor refuses a module over 64 KB of source; the import is split by concern to stay under it,
    with room for more presets (counted on the bytes stored in the project, Attribute lines included)."""
    from xlcapital.workbook.vba import module_source
    from xlcapital.workbook.vba.macros import macro_modules

    sizes = {m.name: len(module_source(m)) for m in macro_modules()}
    assert set(sizes) == {"BankImport", "BankDecode", "BankLayouts", "BankPresets", "BankImportHost"}
    assert max(sizes.values()) < 56 * 1024, sizes
    assert sum(sizes.values()) > 64 * 1024  # one module would not have fit


def test_helper_modules_are_private_to_the_project():
    """Public procedures of BankDecode, BankLayouts and BankPresets serve the other modules only: Option Private Module keeps
    them out of the Macros dialog and the worksheet functions; the entry points stay in BankImport."""
    from xlcapital.workbook.vba.macros import import_modules

    modules = {m.name: m.code for m in import_modules()}
    for name in ("BankDecode", "BankLayouts", "BankPresets"):
        assert modules[name].splitlines()[:2] == ["Option Explicit", "Option Private Module"], name
    assert "Option Private Module" not in modules["BankImport"]
    entry_points = re.findall(r"^Public (?:Function|Sub) (\w+)", modules["BankImport"], flags=re.M)
    assert entry_points == ["ImportBankFeedFromPath", "LastImportMessage", "LastImportWarnings", "LastImportSkipped",
                            "LastImportBank", "ImportBankFeed"]


def test_the_file_dialog_has_a_mac_form():
    """Excel for Mac fails on GetOpenFilename with a Windows filter string: the Mac form stands under #If Mac."""
    code = bank_import_source()
    button = code.split("Public Sub ImportBankFeed()")[1].split("End Sub")[0]
    mac, windows = button.split("#If Mac Then")[1].split("#Else")
    assert "Application.GetOpenFilename()" in mac and "*.csv" not in mac
    assert 'Application.GetOpenFilename("Bank export (*.csv;' in windows.split("#End If")[0]


_PROCEDURE = re.compile(r"^(?:Public |Private )?(?:Function|Sub) (\w+)", re.M)


def _declared_locals(code: str) -> set[str]:
    """Parameters and Dim'd names of every procedure (module-level declarations are not locals)."""
    names, inside = set(), False
    for line in code.splitlines():
        text = line.strip()
        header = _PROCEDURE.match(text)
        if header:
            inside = True
            text = text[text.index("(") + 1:] if "(" in text else ""
        elif text.startswith(("End Function", "End Sub")):
            inside = False
            continue
        if inside and (header or text.startswith(("Dim ", "ByVal ", "ByRef ", "Optional "))):
            names |= set(re.findall(r"(?:^|ByVal |ByRef |Optional |Dim |,\s*)(\w+)(?=\(?\)? As |\s*$|,)", text))
    return names - {"ByVal", "ByRef", "Optional", "Dim"}


def test_no_local_is_named_like_a_procedure_module_or_sheet(workbook):
    """VBA ignores case: a local `start` hides the Start sheet's module, `cell` the function Cell (and Excel's own
    names in the debugger); every local differs from each procedure, module and sheet code name."""
    from xlcapital.workbook.vba.macros import macro_modules

    modules = {m.name: m.code for m in macro_modules()}
    book = openpyxl.load_workbook(workbook, keep_vba=True)
    code_names = {ws.sheet_properties.codeName for ws in book.worksheets} | {"ThisWorkbook"}
    assert {"Start", "Bank"} <= code_names
    taken = {n.lower() for code in modules.values() for n in _PROCEDURE.findall(code)}
    taken |= {n.lower() for n in [*modules, *code_names]}
    for name, code in modules.items():
        declared = _declared_locals(code)
        assert {"data", "p", "fields"} & declared or name == "BankImportHost", name  # the parser sees locals
        assert sorted(n for n in declared if n.lower() in taken) == [], name


def test_the_macro_finds_the_bank_columns_by_name(monkeypatch):
    """The Bank sheet may reorder its columns (the macro looks each up by its header) but not rename or add a
    value column without the macro knowing: that is refused when the macro is rendered, not discovered later."""
    import dataclasses as dc

    from xlcapital.workbook import bank as bank_sheet
    from xlcapital.workbook.vba import macros

    before = bank_import_source()
    for column in ("Date", "Amount", "Key", "ValueDate", "CounterpartyIBAN"):
        assert f'ColumnOf(cols, "{column}")' in before, column
    dutch = bank_import_source(lang="nl")  # the Dutch workbook's macro looks up the Dutch headers
    for column in ("Boekdatum", "Bedrag", "Sleutel", "Valutadatum", "Tegenrekening"):
        assert f'ColumnOf(cols, "{column}")' in dutch and f'ColumnOf(cols, "{column}")' not in before, column
    assert 'ColumnOf(cols, "Date")' not in dutch
    monkeypatch.setattr(bank_sheet, "COLUMNS", tuple(reversed(bank_sheet.COLUMNS)))
    assert bank_import_source() == before
    renamed = tuple(dc.replace(c, name="IBAN") if c.name == "CounterpartyIBAN" else c for c in bank_sheet.COLUMNS)
    monkeypatch.setattr(bank_sheet, "COLUMNS", renamed)
    with pytest.raises(InputError, match=r"columns \['CounterpartyIBAN'\] are not in the table, columns \['IBAN'\]"):
        macros.bank_columns()


def test_detection_tries_the_encodings_and_limits_of_the_python_reader():
    from xlcapital.bank import csvbank

    code = bank_import_source()
    tried = re.search(r"Call Decode\(data, size, DETECT_BYTES, (Array\(.*?\)), text\)", code).group(1)
    assert parse_vba_literal(tried) == tuple(csvbank._DETECT_ENCODINGS) == ("utf-8", "cp1252", "latin-1")
    assert f"Public Const DETECT_LINES As Long = {csvbank._DETECT_LINES}" in code
    assert f"Public Const DETECT_CHARS As Long = {csvbank._DETECT_CHARS}" in code


@pytest.mark.bankfeeds
def test_the_dutch_workbook_imports_what_the_english_one_imports(lo, bankfeeds, tmp_path):
    """The Dutch workbook's Bank table has Dutch column names; its macro fills them (rendered with them) and
    its calculated columns (category rules, InPrognose, written with the Dutch names and, on the Dutch tabs, the
    Dutch sheet names) compute on the new rows:
    the same exports imported into the English and the Dutch workbook give the same rows, cell by cell."""
    from xlcapital.forecast import Category, Inputs, Settings
    from xlcapital.workbook.generator import generate
    from xlcapital.workbook.vba import workbook_hook

    inputs = Inputs(Settings(start=date(2026, 4, 6), opening_balance=Decimal(1000), accounts=("NL99INGB9999999999",)),
                    categories=[Category("Bank costs", "counterparty", "kosten"),
                                Category("Own transfer", "iban", "NL77 RABO 0311 4674 15"),
                                Category("Loan", "description", "lening")])
    feeds = [bankfeeds / "csv" / name for name in ("ing_comma_old_ok.csv", "rabobank_CSV_A_20180414_112204.csv",
                                                    "bunq_nl_header_transactieoverzicht.csv")]
    tables = {}
    for lang in ("en", "nl"):
        book = tmp_path / f"{lang}.xlsm"
        generate(inputs, book, lang=lang, vba=workbook_hook())
        out = tmp_path / f"{lang}-after.xlsx"
        results = run_import(lo, book, feeds, out)
        assert [results[i]["value"] for i in (0, 3, 6)] == [6, 3, 3], results
        after = openpyxl.load_workbook(out, data_only=True)
        # the Dutch workbook's tabs are Dutch (InPrognose reads the accounts from Instellingen); Bank is Bank in both
        assert ("Instellingen" in after.sheetnames) == (lang == "nl") and "Bank" in after.sheetnames
        ws = after["Bank"]
        cells = ws[ws.tables["Bank"].ref]
        tables[lang] = ([c.value for c in cells[0]], [[c.value for c in row] for row in cells[1:] if row[0].value])
    assert tables["nl"][0] == ["Boekdatum", "Valutadatum", "Rekening", "Bedrag", "Valuta", "Tegenpartij",
                               "Tegenrekening", "Omschrijving", "Kenmerk", "Categorie", "InPrognose", "Sleutel"]
    assert tables["en"][0][:4] == ["Date", "ValueDate", "Account", "Amount"]
    assert len(tables["nl"][1]) == 12 and tables["nl"][1] == tables["en"][1]
    english = dict(zip(tables["en"][0], zip(*tables["en"][1])))
    # the rules matched (counterparty, IBAN and description rules) and only the listed account counts
    assert {"Bank costs", "Own transfer", "Loan", "Uncategorised"} <= set(english["Category"])
    assert set(english["InForecast"]) == {"yes", "no"}
    assert english["InForecast"].count("yes") == 6
