"""The oracle itself: LibreOffice recalculates a formula written by XlsxWriter (cached value 0)."""

import openpyxl
import xlsxwriter


def test_recalculates_xlsxwriter_formulas(libreoffice, tmp_path):
    path = tmp_path / "sum.xlsx"
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("S")
    ws.write_number("A1", 2.5)
    ws.write_number("A2", 40)
    ws.write_formula("A3", "=SUMIFS(A1:A2,A1:A2,\">1\")*2")  # XlsxWriter caches 0 here
    wb.close()
    (out,) = libreoffice.recalculate([path], tmp_path / "out")
    # 2.5 + 40 = 42.5, doubled: 85
    assert openpyxl.load_workbook(out, data_only=True)["S"]["A3"].value == 85
