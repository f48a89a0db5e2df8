"""The shared state of one workbook being written: the XlsxWriter workbook, its formats, the cell map.

Every sheet writer gets a :class:`Book` and adds its sheet, formats and names through it, so that
code names (for the VBA project), defined names and the cell map are kept in one place.
"""

from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell_fast
from xlsxwriter.worksheet import CellFormulaTuple, Worksheet

from xlcapital.workbook.cellmap import CellMap, Ref
from xlcapital.workbook import sheetnames
from xlcapital.workbook.headers import Names, names_of, rename
from xlcapital.workbook.styles import Styles, wrapped_height

#: the footer's page number, per workbook language (Excel's header codes: &P page, &N pages)
PAGE_OF = {"en": "Page &P of &N", "nl": "Pagina &P van &N"}

_CODENAME_BAD = re.compile(r"[^A-Za-z0-9_]")


def code_name(sheet: str) -> str:
    """The VBA code name of a sheet: its name reduced to letters, digits and underscores.

    >>> code_name("xlwings.conf"), code_name("Bank")
    ('xlwings_conf', 'Bank')
    """
    name = _CODENAME_BAD.sub("_", sheet)
    return name if name[:1].isalpha() else "S" + name


def in_language(formula: str, columns: Names, sheets: dict[str, str]) -> str:
    """``formula`` with its structured references in the column names ``columns`` (headers.rename) and
    its sheet references in the tab names ``sheets`` (sheetnames.rename); empty maps rename nothing."""
    if columns:
        formula = rename(formula, columns)
    return sheetnames.rename(formula, sheets) if sheets else formula


#: the error values a formula's cached result can be (XlsxWriter's list)
_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!")


class Excel2010Worksheet(Worksheet):
    """A worksheet whose formulas are written as given (never empty, never array formulas here).

    XlsxWriter runs 30 (in tables over 100) regular expressions over every formula to prefix
    functions newer than Excel 2010 with ``_xlfn.``; the generator uses only Excel 2010 functions
    (tests/test_workbook_formulas.py checks every formula), so that work is skipped: it was most of
    the generation time.
    """

    def __init__(self) -> None:
        super().__init__()
        self._prepared: dict[str, str] = {}  # formula as written -> as stored
        self._escaped: dict[str, str] = {}  # formula as stored -> XML-escaped
        self._written = 0  # while declaring on a streamed sheet: formulas above this row are dropped
        #: table -> English column -> header of the workbook's language (empty: English, nothing renamed)
        self.column_names: Names = {}
        #: English sheet name -> tab name of the workbook's language (empty: English, nothing renamed)
        self.sheet_names: dict[str, str] = {}

    def renamed(self, formula):
        """``formula`` with its structured references in the workbook's column names (headers.rename)
        and its sheet references in the workbook's tab names (sheetnames.rename)."""
        return in_language(formula, self.column_names, self.sheet_names) if isinstance(formula, str) else formula

    def _renamed_options(self, options: dict) -> dict:
        """Conditional-format and data-validation options with their formulas renamed."""
        if not self.column_names and not self.sheet_names:
            return options
        return {k: self.renamed(v) if k in ("criteria", "value", "minimum", "maximum", "source") else v
                for k, v in options.items()}

    def add_table(self, *args):
        # the calculated columns' formulas, as the table declares them (the cells get them renamed again:
        # renaming is idempotent, headers.names_of)
        *where, options = args
        if self.column_names and options.get("columns"):
            options = {**options, "columns": [{**c, "formula": self.renamed(c["formula"])} if c.get("formula") else c
                                              for c in options["columns"]]}
        return super().add_table(*where, options)

    def conditional_format(self, *args):
        *where, options = args
        return super().conditional_format(*where, self._renamed_options(options))

    def data_validation(self, *args):
        *where, options = args
        return super().data_validation(*where, self._renamed_options(options))

    def stream(self) -> None:
        """Write this sheet's rows to a temporary file as they are written, keeping one row in
        memory (XlsxWriter's constant_memory, for this sheet only): its rows must be written top
        to bottom, and what is written to a row above the current one is dropped. Call before
        the first write."""
        fd, self.row_data_filename = tempfile.mkstemp(dir=self.tmpdir)
        os.close(fd)
        self.row_data_fh = open(self.row_data_filename, mode="w+", encoding="utf-8")  # noqa: SIM115
        self.fh = self.row_data_fh
        self.constant_memory = True

    @contextmanager
    def declaring(self):
        """On a streamed sheet whose rows are written: declare what XlsxWriter only does outside
        constant_memory (an Excel Table, comments, validation); the cells those calls would write
        again are dropped, and the current row stays as it was."""
        current = self.previous_row
        kept = dict(self.table.get(current, {}))
        self.constant_memory, self._written = False, current + 1
        try:
            yield self
        finally:
            self.constant_memory, self._written = True, 0
            self.table.clear()
            if kept:
                self.table[current].update(kept)

    def put_string(self, row: int, col: int, text: str, cell_format=None) -> None:
        """``write_string`` with 0-based row and column (no A1 parsing: the bank table's inner loop)."""
        self._write_string(row, col, text, cell_format)

    def put_number(self, row: int, col: int, number: float, cell_format=None) -> None:
        """``write_number`` with 0-based row and column."""
        self._write_number(row, col, number, cell_format)

    def _write_formula(self, row, col, formula, cell_format=None, value=0):
        # XlsxWriter's own version first searches every formula for dynamic-array functions
        # (none here), which costs a regular expression over each of 100,000 Bank formulas; a
        # table's calculated column repeats one formula text in every row: prepared once
        if row < self._written:  # a streamed sheet's row written already (see declaring)
            return 0
        prepared = self._prepared.get(formula)
        if prepared is None:
            prepared = self._prepared[formula] = self.renamed(self._prepare_formula(formula))
        if self._check_dimensions(row, col):
            return -1
        if self.constant_memory and row > self.previous_row:
            self._write_single_row(row)
        self.table[row][col] = CellFormulaTuple(prepared, cell_format, value)
        return 0

    def _write_cell(self, row, col, cell):
        # The inner loop of saving, a million times for 100,000 bank rows: numbers, strings (shared,
        # or inline on a streamed sheet) and formulas with a format (every cell of the tables here) are
        # written directly,
        # exactly as XlsxWriter writes them (a formula's text, the same in every row of a
        # calculated column, is escaped once); everything else goes through XlsxWriter.
        kind = cell.__class__.__name__
        if cell.format is None or kind not in ("Number", "String", "Formula"):
            return super()._write_cell(row, col, cell)
        ref = xl_rowcol_to_cell_fast(row, col)
        xf = cell.format._get_xf_index()
        if kind == "Number":
            self.fh.write(f'<c r="{ref}" s="{xf}"><v>{cell.number:.16G}</v></c>')
        elif kind == "String" and not self.constant_memory:
            self.fh.write(f'<c r="{ref}" s="{xf}" t="s"><v>{cell.string}</v></c>')
        elif kind == "String":  # a streamed sheet's text, written inline
            text = cell.string
            if not text.isprintable() or "_x" in text:  # control characters and their escapes: XlsxWriter's way
                return super()._write_cell(row, col, cell)
            if "&" in text or "<" in text or ">" in text:
                text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
            self.fh.write(f'<c r="{ref}" s="{xf}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
        else:
            formula = self._escaped.get(cell.formula)
            if formula is None:
                formula = self._escaped[cell.formula] = self._escape_data(cell.formula)
            value, kind = cell.value, ""
            if isinstance(value, bool):
                value, kind = int(value), ' t="b"'
            elif isinstance(value, str) and value:
                value, kind = self._escape_data(value), (' t="e"' if value in _ERRORS else ' t="str"')
            self.fh.write(f'<c r="{ref}" s="{xf}"{kind}><f>{formula}</f><v>{value}</v></c>')
        return None

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

    def __init__(self, workbook: xlsxwriter.Workbook, *, vba: bool = False, company: str = "",
                 lang: str = "en", indent_headers: bool = False) -> None:
        self.workbook = workbook
        #: the company's name, in every printed page's header
        self.company = company
        self.lang = lang
        self.styles = Styles(workbook, indent_headers=indent_headers)
        self.cells = CellMap()
        self.vba = vba
        self.sheets: dict[str, object] = {}
        #: table -> English column -> Dutch header (:meth:`name_columns`; empty: English names)
        self.column_names: Names = {}
        #: English sheet name -> tab name (the Dutch workbook's, :data:`sheetnames.DUTCH`)
        self.sheet_names: dict[str, str] = sheetnames.DUTCH if lang == "nl" else {}
        self.cells.tabs = dict(self.sheet_names)
        if vba:
            workbook.set_vba_name("ThisWorkbook")

    def name_columns(self, tables) -> None:
        """In a Dutch workbook, the Dutch headers of ``tables`` (every TableSheet the workbook will
        hold; :func:`~xlcapital.workbook.headers.names_of`): every formula written from now on, in any
        sheet, refers to the columns by them. Call before the first formula."""
        if self.lang == "nl":
            self.column_names = names_of(tables)
            for sheet in self.sheets.values():
                sheet.column_names = self.column_names

    def formula(self, formula: str) -> str:
        """``formula`` in the workbook's column and sheet names (a name's, a chart series')."""
        return in_language(formula, self.column_names, self.sheet_names)

    def tab(self, sheet: str) -> str:
        """The tab name of the sheet ``sheet`` (its English name) in the workbook's language."""
        return self.sheet_names.get(sheet, sheet)

    def define_name(self, name: str, formula: str) -> None:
        """A workbook name; its formula in the workbook's column and sheet names."""
        self.workbook.define_name(name, self.formula(formula))

    def reserve(self, names) -> None:
        """Create the sheets in this tab order now; their writers fill them later in any order."""
        for name in names:
            self.add_sheet(name)

    def add_sheet(self, name: str):
        """The sheet called ``name``: a reserved one, else a new one at the end."""
        if name in self.sheets:
            return self.sheets[name]
        sheet = self.workbook.add_worksheet(self.tab(name), worksheet_class=Excel2010Worksheet)
        sheet.column_names, sheet.sheet_names = self.column_names, self.sheet_names
        if self.vba:  # the code name follows the English name in both languages (the VBA finds sheets by it)
            sheet.set_vba_name(code_name(name))
        self.sheets[name] = sheet
        return sheet

    def titled_sheet(self, name: str, title: str, widths: dict[tuple[int, int], float]):
        """The sheet ``name`` with its column widths ((first, last) -> width) and its title in A1 (a title
        that is the sheet's name is its tab name: Instellingen in the Dutch workbook)."""
        ws = self.add_sheet(name)
        if title == name:
            title = self.tab(name)
        for (first, last), width in widths.items():
            ws.set_column(first, last, width)
        ws.write_string(0, 0, title, self.styles["title"])
        return ws

    def header(self, ws, row: int, labels, col: int = 0, right: tuple[int, ...] = ()) -> None:
        """A row of column headers; the columns ``right`` (0-based, counted from ``col``) hold numbers
        and get right-aligned headers."""
        for j, label in enumerate(labels):
            ws.write_string(row, col + j, label, self.styles["header_right" if j in right else "header"])

    def paragraph(self, ws, row: int, text: str, width: float, style: str = "wrap", last_col: int = 0) -> None:
        """``text`` wrapped in column A (merged over A..``last_col``, together ``width`` wide), its row
        as high as the wrapped lines."""
        if last_col:  # merged empty, then the text written as text over the first cell
            ws.merge_range(row, 0, row, last_col, "", self.styles[style])
        ws.write_string(row, 0, text, self.styles[style])
        height = wrapped_height(text, width)
        if height > 15:
            ws.set_row(row, height)

    def print_wide(self, ws, repeat_rows: tuple[int, int] | None = None, repeat_cols: str | None = None,
                   landscape: bool = True) -> None:
        """Print setup: A4, landscape, as wide as one page (as many pages down as needed), the
        company in the header, the sheet name and page number in the footer (in the workbook's
        language); ``repeat_rows`` / ``repeat_cols`` on every page."""
        ws.set_paper(9)
        if landscape:
            ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        if self.company:  # '&' starts a header code: a literal one is doubled
            ws.set_header("&L" + self.company.replace("&", "&&")[:200])
        ws.set_footer("&L&A&R" + PAGE_OF[self.lang if self.lang in PAGE_OF else "en"])
        if repeat_rows is not None:
            ws.repeat_rows(*repeat_rows)
        if repeat_cols is not None:
            ws.repeat_columns(repeat_cols)

    def place(self, name: str, ref: Ref, *, defined_name: str | None = None) -> Ref:
        """Record ``ref`` in the cell map under ``name``; with ``defined_name`` also as a workbook name."""
        self.cells.add(name, ref, defined_name=defined_name)
        if defined_name:
            self.define_name(defined_name, "=" + ref.a1())
        return ref

    def ref(self, name: str) -> Ref:
        return self.cells[name]
