"""The user edits the workbook and the forecast follows: no value is frozen at generation time.

The sample workbook is generated, then edited the way a user does in Excel (here with openpyxl):
a new opening balance on Settings, a new invoice typed under the Receivables table, a new
recurring item with a category the generator never saw typed under the Recurring table (Excel
extends a table and fills its calculated columns when a row is typed under it; the test does the
same). LibreOffice recalculates, and the workbook must equal the engine run on the edited inputs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from copy import copy
from decimal import Decimal

import openpyxl
import pytest

from tests import workbook_check as wc
from tests.workbook_check import lo_values  # noqa: F401  (fixture)
from xlcapital import forecast as fc
from xlcapital.workbook import generate
from xlcapital.workbook.api import load_inputs
from xlcapital.workbook.model import OTHER

pytestmark = pytest.mark.libreoffice


def append_row(ws, table_name: str, values: dict) -> None:
    """Type a row under an Excel Table: the table grows by one row and its formulas fill in."""
    table = ws.tables[table_name]
    first, last = table.ref.split(":")
    col0, row0 = openpyxl.utils.cell.coordinate_from_string(first)
    col1, row1 = openpyxl.utils.cell.coordinate_from_string(last)
    new = row1 + 1
    start = openpyxl.utils.column_index_from_string(col0)
    for i, column in enumerate(table.tableColumns):
        above = ws.cell(row1, start + i)
        cell = ws.cell(new, start + i)
        cell._style = copy(above._style)
        if column.calculatedColumnFormula is not None:
            cell.value = above.value  # [#This Row] references: the same text in every row
        elif column.name in values:
            cell.value = values[column.name]
    table.ref = f"{first}:{col1}{new}"
    table.autoFilter.ref = table.ref


def test_edited_workbook_follows_the_engine(lo_values, tmp_path):
    inputs, statements = load_inputs(None)
    path = tmp_path / "sample.xlsx"
    cells = generate(inputs, path)
    s = inputs.settings
    customer = inputs.receivables[0].customer
    new_invoice = fc.Receivable(customer, "NEW-1", s.start, s.start + dt.timedelta(days=10), Decimal("12345.67"))
    new_item = fc.Recurring("Office cleaning", "Cleaning", Decimal("-2222.22"), "monthly", day=15)

    wb = openpyxl.load_workbook(path)
    ref = cells["settings.BankBalance"]  # the opening balance follows it (no bank data after its day)
    wb["Settings"].cell(ref.first_row + 1, ref.first_col + 1).value = -15000.5
    append_row(wb["Receivables"], "Receivables", {
        "Customer": customer, "Invoice": "NEW-1", "InvoiceDate": new_invoice.invoice_date,
        "DueDate": new_invoice.due_date, "Amount": 12345.67})
    append_row(wb["Recurring"], "Recurring", {
        "Name": new_item.name, "Category": "Cleaning", "Amount": -2222.22, "Frequency": "monthly", "Day": 15,
        "Fixed": "no"})
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)

    changed = dataclasses.replace(inputs, settings=dataclasses.replace(s, opening_balance=Decimal("-15000.5")),
                                  receivables=[*inputs.receivables, new_invoice], recurring=[*inputs.recurring, new_item])
    want = wc.expected(changed, cells)
    # the workbook has no row for the category typed in later: it lands in the catch-all row
    for name in [n for n in want if ".line.p.Cleaning" in n]:
        want[name.replace(".line.p.Cleaning", f".line.p.{OTHER}")] = want.pop(name)
    want = {n: v for n, v in want.items() if n in cells and not n.startswith("table.")}
    assert len(want) > 300
    got = wc.read_uno(lo_values, edited, cells, want)
    assert got["forecast.opening"][0] == -15000.5
    assert any(v < -2000 for v in got[f"forecast.line.p.{OTHER}"])  # the new item is counted
    bad = wc.mismatches(want, got)
    assert not bad, "\n".join(bad[:40])
