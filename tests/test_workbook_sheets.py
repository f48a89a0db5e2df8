"""The workbook's parts one by one: text stays text, names, Excel 2010 formulas, the VBA hook, the CLI.

These read the generated file itself (openpyxl, zip); the LibreOffice proof of the numbers is in
tests/test_workbook_engine.py, the proof that edits are followed in tests/test_workbook_edits.py.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from xlcapital.bank.model import Statement, Transaction, assign_keys
from xlcapital.cli import main
from xlcapital.errors import InputError
from xlcapital.forecast import Inputs, Settings
from xlcapital.workbook import generate
from xlcapital.workbook.api import load_inputs
from xlcapital.workbook.bank import COLUMNS as BANK_COLUMNS
from xlcapital.workbook.start import StartSheet
from xlcapital.workbook.vbahook import DocumentModulesOnly

#: Every function a generated formula may use: Excel 2010 and earlier, none volatile.
EXCEL_2010 = {
    "SUM", "SUMIFS", "COUNTIF", "COUNTIFS", "COUNT", "MIN", "MAX", "IF", "IFERROR", "INDEX", "MATCH", "N", "AND", "OR",
    "NOT", "ISNUMBER", "DATE", "YEAR", "MONTH", "DAY", "EOMONTH", "WEEKDAY", "INT", "MOD", "CHOOSE",
    "SUBSTITUTE", "UPPER", "LOWER", "FIND", "SUMPRODUCT", "ABS", "SMALL", "RIGHT",
}
VOLATILE = {"OFFSET", "INDIRECT", "TODAY", "NOW", "RAND", "RANDBETWEEN", "CELL", "INFO"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample company's workbook with a bank statement full of formula-like text."""
    inputs, statements = load_inputs(None)
    hostile = Statement("NL91ABNA0417164300", "EUR", [
        Transaction(dt.date(2024, 12, 30), Decimal("-12.50"), counterparty="=HYPERLINK(\"http://evil\",\"x\")",
                    description="+31 6 1234 5678", reference="@SUM(1)"),
        Transaction(dt.date(2024, 12, 31), Decimal("5"), counterparty="-minus", description="=1+1",
                    counterparty_iban="NL91 ABNA 0417 1643 00"),
    ])
    assign_keys(hostile.transactions, hostile.account)
    path = tmp_path_factory.mktemp("sheets") / "sample.xlsx"
    cells = generate(inputs, path, statements=[*statements, hostile])
    return path, cells, openpyxl.load_workbook(path)


def test_bank_text_is_written_as_text_never_as_a_formula(sample):
    path, cells, wb = sample
    ws = wb["Bank"]
    texts = {c.value for row in ws.iter_rows() for c in row if c.data_type == "s"}
    assert {"=HYPERLINK(\"http://evil\",\"x\")", "+31 6 1234 5678", "@SUM(1)", "-minus", "=1+1"} <= texts
    with zipfile.ZipFile(path) as z:
        sheet_xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    # text only: in the shared strings, or inline (<is><t>) on the streamed Bank sheet; never in a formula
    assert "HYPERLINK" in sheet_xml and not re.search(r"<f>[^<]*HYPERLINK", sheet_xml)
    assert re.search(r'<c r="[A-Z]+\d+"[^>]* t="inlineStr"><is><t>=HYPERLINK\(', sheet_xml.replace("&quot;", '"'))
    # the only formula columns of Bank are Category and InForecast
    calculated = {[c.name for c in BANK_COLUMNS].index(name) for name in ("Category", "InForecast")}
    ref = cells["table.Bank"]
    formula_columns = {c - ref.first_col for r, c in ref.positions() if ws.cell(r + 1, c + 1).data_type == "f"}
    assert formula_columns == calculated


def test_bank_table_has_the_contract_columns(sample):
    _, _, wb = sample
    table = wb["Bank"].tables["Bank"]
    assert [c.name for c in table.tableColumns] == [
        "Date", "ValueDate", "Account", "Amount", "Currency", "Counterparty", "CounterpartyIBAN", "Description",
        "Reference", "Category", "InForecast", "Key"]


def test_defined_names_point_at_the_cell_map(sample):
    _, cells, wb = sample
    required = {"Settings_OpeningBalance": "settings.OpeningBalance", "Settings_CreditLimit": "settings.CreditLimit",
                "Settings_MinimumBuffer": "settings.MinimumBuffer", "Forecast_WeekStart": "forecast.week_start",
                "Forecast_OpeningCash": "forecast.opening", "Forecast_ClosingCash": "forecast.closing",
                "Forecast_OverdraftDrawn": "forecast.overdraft_drawn"}
    for name, key in required.items():
        assert wb.defined_names[name].attr_text == cells[key].a1(), name
        assert cells.defined[name] == key
    assert len(cells["forecast.closing"]) == 13  # a row of the weekly columns


def _formulas(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    yield ws.title, c.coordinate, c.value
        for table in ws.tables.values():
            for col in table.tableColumns:
                if col.calculatedColumnFormula is not None:
                    yield ws.title, table.name, str(col.calculatedColumnFormula.attr_text)


def test_formulas_use_excel_2010_functions_only_and_nothing_volatile(sample):
    _, _, wb = sample
    used = set()
    count = 0
    for _, _, formula in _formulas(wb):
        code = re.sub(r'"[^"]*"', '""', formula)  # not inside string literals
        used |= set(re.findall(r"([A-Z][A-Z0-9.]*)\(", code))
        count += 1
    assert count > 1000
    assert used <= EXCEL_2010, used - EXCEL_2010
    assert not used & VOLATILE


def test_tables_are_excel_tables_with_the_documented_names(sample):
    _, _, wb = sample
    tables = {name for ws in wb.worksheets for name in ws.tables}
    assert {"Bank", "Categories", "Receivables", "Payables", "Recurring", "Customers", "Sales", "Projections",
            "ScenarioInputs", "OneOffs"} <= tables


def test_xlwings_conf_names_the_udf_module(sample):
    _, _, wb = sample
    ws = wb["xlwings.conf"]
    assert (ws["A1"].value, ws["B1"].value) == ("UDF Modules", "xlcapital.excel.udfs")


def test_settings_inputs_have_validation_and_comments(sample):
    _, cells, wb = sample
    ws = wb["Settings"]
    ref = cells["settings.CreditLimit"]
    cell = ws.cell(ref.first_row + 1, ref.first_col + 1)
    assert cell.comment is not None and "overdraft" in cell.comment.text
    validated = {str(r) for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges}
    assert cell.coordinate in validated
    assert cells["settings.Scenario"].a1(sheet=False, absolute=False) in validated


def test_start_sheet_in_both_languages():
    context = {"company": "Kas & Co", "first_week": "2026-01-05", "last_week": "2026-04-05", "weeks": 13,
               "version": "0", "has_macros": True, "has_variance": False}
    en, nl = StartSheet("en", context).text(), StartSheet("nl", context).text()
    assert en.startswith("# Kas & Co: 13-week cash-flow forecast")
    assert nl.startswith("# Kas & Co: liquiditeitsprognose voor 13 weken")
    assert "button Import bank export" in en and "knop Bankafschrift importeren" in nl
    with pytest.raises(InputError):
        StartSheet("de", context).text()


BANK_NAMES = {"ing": "ING", "rabobank": "Rabobank", "abnamro": "ABN AMRO", "bunq": "bunq", "knab": "Knab",
              "asn": "ASN", "regiobank": "RegioBank", "triodos": "Triodos"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_start_says_what_the_macro_imports_and_how(lang):
    from xlcapital.bank.presets import PRESETS

    context = {"company": "X", "first_week": "2026-01-05", "last_week": "2026-04-05", "weeks": 13, "version": "0",
               "has_macros": True, "has_variance": False}
    text = StartSheet(lang, context).text()
    plain = StartSheet(lang, {**context, "has_macros": False}).text()
    help_heading = {"en": "## Importing your bank export (macros)", "nl": "## Uw bankafschrift importeren (macro's)"}
    assert help_heading[lang] in text and help_heading[lang] not in plain
    assert {"en": "Enable Content", "nl": "Inhoud inschakelen"}[lang] in text
    # the macro reads the CSV exports of the presets' banks; the other formats go through xlcapital generate
    week = text.split("\n1. ")[1].split("\n")[0]
    assert "CSV" in week and "xlcapital generate" in week and "MT940" in week
    assert "MT940" not in week.split("xlcapital generate")[0].split(".")[0]  # not offered to the Import button
    for bank_name in {p.bank for p in PRESETS.values()}:
        assert BANK_NAMES[bank_name] in week and BANK_NAMES[bank_name] in text.split(help_heading[lang])[1]


def test_xlsm_carries_a_vba_project_with_the_sheets_code_names(tmp_path):
    from oletools.olevba import VBA_Parser

    path = tmp_path / "book.xlsm"

    class Hook(DocumentModulesOnly):
        decorated = False

        def decorate(self, book):
            Hook.decorated = True
            book.sheets["Bank"].insert_button("M2", {"macro": "BankImport.ImportBankFeed", "caption": "Import"})

    generate(Inputs(Settings(start=dt.date(2026, 4, 6))), path, vba=Hook())
    assert Hook.decorated
    with zipfile.ZipFile(path) as z:
        assert "xl/vbaProject.bin" in z.namelist()
        book_xml = z.read("xl/workbook.xml").decode()
    assert 'codeName="ThisWorkbook"' in book_xml
    modules = {name for _, _, name, _ in VBA_Parser(str(path)).extract_macros()}
    assert {"ThisWorkbook.cls", "Bank.cls", "Forecast.cls", "xlwings_conf.cls"} <= modules


def test_cli_writes_and_never_overwrites_without_force(tmp_path, capsys):
    out = tmp_path / "demo.xlsm"
    assert main(["generate", "-o", str(out), "--lang", "nl", "--month", "2025-02"]) == 0
    assert "03-02-2025" in capsys.readouterr().out  # the first Monday of February 2025, as Dutch write it
    stamp = out.stat().st_mtime_ns
    assert main(["generate", "-o", str(out)]) == 2
    assert "exists" in capsys.readouterr().err and out.stat().st_mtime_ns == stamp
    assert main(["generate", "-o", str(out), "--force"]) == 0
    wb = openpyxl.load_workbook(out)
    # the company named in the sample's company.toml ([company] name), not the folder
    assert wb["Start"]["A1"].value.startswith("Van der Berg Installatietechniek B.V.")
    assert main(["generate", "-o", str(tmp_path / "x.pdf")]) == 2


def test_bank_text_survives_the_streamed_sheet(tmp_path):
    """The Bank sheet writes its text inline: markup, spaces at the ends and control characters read
    back exactly as they were (a literal "_xHHHH_" goes XlsxWriter's way, which openpyxl does not undo)."""
    texts = ["A & B <c> \"d\"", " leading and trailing ", "tab\there", "Café ß €", "line\nbreak"]
    st = Statement("NL67INGB0006543210", "EUR", [
        Transaction(dt.date(2025, 1, 6), Decimal("1.00"), counterparty=t, description=t) for t in texts])
    assign_keys(st.transactions, st.account)
    inputs, _ = load_inputs(None)
    path = tmp_path / "texts.xlsx"
    cells = generate(inputs, path, statements=[st])
    ws = openpyxl.load_workbook(path)["Bank"]
    col = cells["table.Bank.Description"]
    got = [ws.cell(r + 1, c + 1).value for r, c in col.positions()]
    assert got == texts
