"""``xlcapital addin``: the workbook that sets up and demonstrates the Excel functions."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import olefile
import openpyxl
import pytest
from oletools.olevba import decompress_stream

from xlcapital.excel import udfs
from xlcapital.cli import main
from xlcapital.excel.addin import write_functions_workbook

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "workbooks" / "xlcapital-functions.xlsm"
_CALL = re.compile(r"^=([A-Z_]+)\((.*)\)$")


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("addin") / "functions.xlsm"
    assert main(["addin", "-o", str(path)]) == 0
    return path


def test_the_cli_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "f.xlsm"
    path.write_bytes(b"mine")
    assert main(["addin", "-o", str(path)]) == 2
    assert "exists" in capsys.readouterr().err and path.read_bytes() == b"mine"
    assert main(["addin", "-o", str(path), "--force"]) == 0
    assert zipfile.is_zipfile(path)
    assert main(["addin", "-o", str(tmp_path / "no-such-folder" / "f.xlsm")]) == 2


def test_xlwings_conf_sheet_names_the_udf_module(workbook):
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == ["Functions", "xlwings.conf"]
    assert [tuple(r) for r in wb["xlwings.conf"].iter_rows(values_only=True)] == [("UDF Modules", "xlcapital.excel.udfs")]


def _formulas(path: Path) -> list[tuple[str, str]]:
    """(cell, formula) for every formula on the Functions sheet (array formulas included)."""
    ws = openpyxl.load_workbook(path)["Functions"]
    out = []
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            text = getattr(v, "text", v)
            if isinstance(text, str) and _CALL.match(text) and c.data_type in ("f",):
                out.append((c.coordinate, text))
    return out


def test_every_function_is_called_on_the_example_sheet(workbook):
    called = {_CALL.match(f).group(1) for _, f in _formulas(workbook)}
    assert called == set(udfs.UDFS)


def _split_args(args: str) -> list[str]:
    """A formula's arguments, split on the commas outside quoted text."""
    out, current, quoted = [], "", False
    for ch in args:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            out.append(current.strip())
            current = ""
        else:
            current += ch
    return out + [current.strip()]


def _resolve(ws, arg: str):
    """An argument of a formula as xlwings would pass it: a cell or range as rows, or a literal."""
    arg = arg.strip()
    if arg == "":
        return None
    if arg.startswith('"'):
        return [[arg.strip('"')]]
    if re.fullmatch(r"-?\d+(\.\d+)?", arg):
        return [[float(arg)]]
    cells = ws[arg]
    if not isinstance(cells, tuple):
        return [[cells.value]]
    return [[c.value for c in row] for row in cells]


def test_cached_values_are_what_the_functions_give_on_the_cells_referenced(workbook):
    """Each formula's arguments, read back from the sheet, give the value stored as its result."""
    values = openpyxl.load_workbook(workbook, data_only=True)["Functions"]
    formulas = _formulas(workbook)
    assert len(formulas) > 30
    for coordinate, formula in formulas:
        name, args = _CALL.match(formula).groups()
        result = getattr(udfs, name)(*(_resolve(values, a) for a in _split_args(args)))
        first = result[0][0] if isinstance(result, list) else result
        stored = values[coordinate].value
        if isinstance(first, float):
            assert stored == pytest.approx(first), formula
        else:
            assert stored == str(first), formula


def test_the_example_results_are_the_hand_calculated_ones(workbook):
    ws = openpyxl.load_workbook(workbook, data_only=True)["Functions"]
    results = {}
    for row in ws.iter_rows(min_col=1, max_col=5):
        formula_text = row[3].value
        text = formula_text.split("  ")[0] if isinstance(formula_text, str) else ""
        if _CALL.match(text):
            # the examples have the function's name in A and the formula in B; the statement's in E
            results[text] = row[1].value if row[0].value == _CALL.match(text).group(1) else row[4].value
    by_function = {}
    for text, value in results.items():
        by_function.setdefault(_CALL.match(text).group(1), []).append(value)
    assert by_function["GROSS_WC"] == [150_000]  # seed 003: 90,000 + 40,000 + 20,000
    assert by_function["NWC"] == [40_000]  # seed 003: 150,000 - 110,000
    assert by_function["DSO"][:2] == [45, 42.5]  # 90,000 / 2,000; (80,000 + 90,000) / 2 / 2,000
    assert by_function["CCC"] == [9, -24.5]  # 42.5 + 19 - 52.5; 42.5 + 38 - 105
    assert by_function["WC_RATIO"] == [0.16]  # 40,000 / 250,000
    assert by_function["CURRENT_RATIO"] == [pytest.approx(150 / 110), "#DIV/0!"]
    assert by_function["CASHFLOW_LINE"] == [5_000, 52_000, 60_000]  # net, operating, EBIT of the statement
    assert by_function["DSO"][2] == "#N/A"  # the empty opening receivables
    assert by_function["DSO"][3].startswith('#VALUE! receivables: "1.234,56" is text')


def test_the_companies_column_and_the_statement_spill(workbook):
    ws = openpyxl.load_workbook(workbook, data_only=True)["Functions"]
    names = ("Bakkerij De Korf", "Installatiebedrijf Smit", "Start-up without revenue", "Opening balance unknown")
    column = [r for r in ws.iter_rows(values_only=True) if r[0] in names]
    # (80,000 + 100,000) / 2 / 2,000 = 45; (40,000 + 50,000) / 2 / 1,000 = 45; revenue 0; opening empty
    assert [r[4] for r in column] == [45, 45, "#DIV/0!", "#N/A"]
    rows = ws.iter_rows(values_only=True)
    statement = {r[3]: r[4] for r in rows if isinstance(r[3], str) and isinstance(r[4], (int, float))}
    assert statement["Netto kasstroom"] == 5_000 and statement["Verschil"] == 0
    assert statement["Kasstroom uit operationele activiteiten"] == 52_000


def test_the_vba_project_references_the_xlwings_addin(workbook):
    """The wrappers Import Functions writes call XLPy.CallUDF: the project must reference xlwings.xlam."""
    with zipfile.ZipFile(workbook) as zf:
        bin_ = zf.read("xl/vbaProject.bin")
        workbook_xml = zf.read("xl/workbook.xml").decode()
        sheets = [zf.read(f"xl/worksheets/sheet{i}.xml").decode() for i in (1, 2)]
    sheet_codenames = [re.search(r'codeName="([^"]+)"', xml).group(1) for xml in sheets]
    ole = olefile.OleFileIO(bin_)
    dir_stream = bytes(decompress_stream(bytearray(ole.openstream("VBA/dir").read())))
    assert b"xlwings.xlam" in dir_stream
    modules = {e[1] for e in ole.listdir() if len(e) == 2 and e[0] == "VBA"} - {"dir", "_VBA_PROJECT"}
    assert 'codeName="ThisWorkbook"' in workbook_xml
    assert {"ThisWorkbook", *sheet_codenames} <= modules  # every document module has its sheet


def test_the_output_is_reproducible_and_the_committed_workbook_is_current(workbook, tmp_path):
    again = write_functions_workbook(tmp_path / "again.xlsm")
    assert again.read_bytes() == workbook.read_bytes()
    assert COMMITTED.exists(), "run: xlcapital addin -o workbooks/xlcapital-functions.xlsm"
    with zipfile.ZipFile(COMMITTED) as old, zipfile.ZipFile(workbook) as new:
        for name in new.namelist():
            if name != "xl/vbaProject.bin":  # xlwings' own file: it may differ between xlwings versions
                assert old.read(name) == new.read(name), (
                    f"{name} of {COMMITTED.name} is stale: xlcapital addin -o workbooks/xlcapital-functions.xlsm --force"
                )


def test_libreoffice_opens_it(workbook, libreoffice, tmp_path):
    """A structural check: another spreadsheet reads the file (the UDFs themselves need Excel)."""
    (out,) = libreoffice.recalculate([workbook], tmp_path / "lo")
    wb = openpyxl.load_workbook(out, data_only=True)
    assert wb["xlwings.conf"]["B1"].value == "xlcapital.excel.udfs"
    ws = wb["Functions"]
    receivables = next(row for row in ws.iter_rows(min_col=1, max_col=3, values_only=True)
                       if row[0] == "Receivables (debiteuren)")
    assert receivables[2] == 90_000  # seed 003's closing receivables, read back through LibreOffice
