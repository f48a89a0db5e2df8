"""The printed workbook: every sheet one A4 page wide and legible (issue 11 item 7).

Every sheet writer calls :meth:`xlcapital.workbook.book.Book.print_wide` (A4, landscape, one page
wide, the company in the header, the page number in the footer). Scaling to one page wide is only
legible when what is printed is not too wide, and a spreadsheet prints everything it holds,
including text that runs on past the last column and the technical columns. After every sheet is
written, :func:`fit` gives each sheet a print area: the cells it holds, without the columns a reader
of paper does not need (:data:`NOT_PRINTED`), so that the scale stays at or above
:data:`MIN_SCALE` (checked by tests/test_workbook_print.py on LibreOffice's PDF of the workbook).
"""

from __future__ import annotations

#: the smallest print scale we accept: 11-point text printed at 6 points or more
MIN_SCALE = 0.55

#: per sheet, the first column (by header) that is not printed: the columns from it to the right are
#: technical (the Bank's dedupe key; Recurring's helper columns and per-week amounts, which the
#: Forecast sheet prints summed per category; Receivables' cash date and week in the scenario shown and the
#: largest-customer helpers, after the expected date and amount that do print; Payroll's helper columns and
#: PayrollMonths' sums per month, after its payments and wages) or long (the trigger rules' descriptions, which the
#: Dashboard names in words)
NOT_PRINTED = {"Bank": "Key", "Recurring": "Lo", "TriggerRules": "Description", "Receivables": "CashDate",
               "Payroll": "Monthly", "PayrollMonths": "NetBase"}

#: sheets that are never printed (technical)
HIDDEN = ("xlcapital",)


def _header_col(book, sheet: str, header: str) -> int | None:
    ref = book.cells.get(f"table.{sheet}.{header}")
    return ref.first_col if ref is not None else None


#: page margins (inches): narrow at the sides, so the width goes to the columns
MARGINS = {"left": 0.3, "right": 0.3, "top": 0.6, "bottom": 0.6}


def fit(book) -> None:
    """Every sheet: narrow side margins and a print area of its used cells, less the columns of
    :data:`NOT_PRINTED`."""
    for name, ws in book.sheets.items():
        if name in HIDDEN or ws.dim_rowmax is None or ws.dim_colmax is None:
            continue
        if not ws.paper_size:  # a sheet without a print setup of its own (xlwings.conf): A4 portrait
            book.print_wide(ws, landscape=False)
        ws.set_margins(**MARGINS)
        last_col = ws.dim_colmax
        cut = NOT_PRINTED.get(name)
        if cut is not None:
            col = _header_col(book, name, cut)
            if col is not None and col > 0:
                last_col = col - 1
        ws.print_area(0, 0, ws.dim_rowmax, last_col)
