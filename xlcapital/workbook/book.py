"""The shared state of one workbook being written: the XlsxWriter workbook, its formats, the cell map.

Every sheet writer gets a :class:`Book` and adds its sheet, formats and names through it, so that
code names (for the VBA project), defined names and the cell map are kept in one place.
"""

from __future__ import annotations

import re

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from xlcapital.workbook.cellmap import CellMap, Ref
from xlcapital.workbook.styles import Styles

_CODENAME_BAD = re.compile(r"[^A-Za-z0-9_]")


def code_name(sheet: str) -> str:
    """The VBA code name of a sheet: its name reduced to letters, digits and underscores.

    >>> code_name("xlwings.conf"), code_name("Bank")
    ('xlwings_conf', 'Bank')
    """
    name = _CODENAME_BAD.sub("_", sheet)
    return name if name[:1].isalpha() else "S" + name


class Excel2010Worksheet(Worksheet):
    """A worksheet whose formulas are written as given.

    XlsxWriter runs 30 (in tables over 100) regular expressions over every formula to prefix
    functions newer than Excel 2010 with ``_xlfn.``; the generator uses only Excel 2010 functions
    (tests/test_workbook_formulas.py checks every formula), so that work is skipped: it was most of
    the generation time.
    """

    def _prepare_formula(self, formula, expand_future_functions=False):
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula


class Book:
    """One workbook being written.

    ``vba`` says whether a VBA project will be attached: then the workbook and every sheet get
    code names (``ThisWorkbook`` and :func:`code_name` of the sheet), which Excel needs to bind the
    project's document modules.
    """

    def __init__(self, workbook: xlsxwriter.Workbook, *, vba: bool = False) -> None:
        self.workbook = workbook
        self.styles = Styles(workbook)
        self.cells = CellMap()
        self.vba = vba
        self.sheets: dict[str, object] = {}
        if vba:
            workbook.set_vba_name("ThisWorkbook")

    def reserve(self, names) -> None:
        """Create the sheets in this tab order now; their writers fill them later in any order."""
        for name in names:
            self.add_sheet(name)

    def add_sheet(self, name: str):
        """The sheet called ``name``: a reserved one, else a new one at the end."""
        if name in self.sheets:
            return self.sheets[name]
        sheet = self.workbook.add_worksheet(name, worksheet_class=Excel2010Worksheet)
        if self.vba:
            sheet.set_vba_name(code_name(name))
        self.sheets[name] = sheet
        return sheet

    def place(self, name: str, ref: Ref, *, defined_name: str | None = None) -> Ref:
        """Record ``ref`` in the cell map under ``name``; with ``defined_name`` also as a workbook name."""
        self.cells.add(name, ref, defined_name=defined_name)
        if defined_name:
            self.workbook.define_name(defined_name, "=" + ref.a1())
        return ref

    def ref(self, name: str) -> Ref:
        return self.cells[name]
