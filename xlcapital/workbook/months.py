"""The Months sheet: the 12-month view of the scenario shown on Forecast (docs/forecast-model.md section 2).

The same rows and arithmetic as the weekly block (:class:`~xlcapital.workbook.forecast.ForecastBlock`)
over 12 months: month 1 runs from the first day counted (Settings_FirstDay) to the end of the start's
month, then calendar months. Per month the items are summed by cash date in the month, the Recurring
table's ``M<m>`` column gives its recurring items, projected categories add ``days / 7`` of their
weekly amount and the overdraft interest counts the month's days: what ``Run.months`` computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from xlcapital.forecast.engine import MONTHS_IN_VIEW
from xlcapital.workbook.book import Book
from xlcapital.workbook.cellmap import Ref
from xlcapital.workbook.forecast import FIRST_WEEK_COL, PARAM_NAMES, ForecastBlock, Line, Params, Week, week_row
from xlcapital.workbook.settings import defined

SHEET = "Months"


@dataclass
class MonthsSheet:
    """Writes the Months sheet for the flow ``lines`` of the Forecast sheet."""

    lines: Sequence[Line]
    title: str = "Cash-flow forecast by month (12 months)"

    def write(self, book: Book) -> None:
        n = MONTHS_IN_VIEW
        # column B holds only the scenario's name; the row labels run on over it, so it stays narrow and
        # the 12 months print one page wide at a legible size (tests/test_workbook_print.py)
        ws = book.titled_sheet(SHEET, self.title, {(0, 0): 36, (1, 1): 8, (FIRST_WEEK_COL, FIRST_WEEK_COL + n - 1): 12.5})
        st = book.styles
        ws.write_string(2, 0, "Scenario (as on Forecast)", st["label_bold"])
        ws.write_formula(2, 1, "=Forecast_Scenario", st["label_bold"])
        book.place("months.param.name", Ref(SHEET, 2, 1))
        params = Params(name=defined("Scenario"), **PARAM_NAMES)
        header = 4
        ws.write_string(header, 0, "Month", st["label_bold"])
        for m in range(1, n + 1):
            ws.write_number(header, FIRST_WEEK_COL + m - 1, m, st["header"])
        start, first = defined("Start"), defined("FirstDay")
        starts = week_row(book, ws, SHEET, header + 1, n, "Month starts (month 1: first day counted)",
                          lambda m: first if m == 1 else f"EOMONTH({start},{m - 2})+1", "date_header",
                          name="months.month_start")
        ends = week_row(book, ws, SHEET, header + 2, n, "Month ends", lambda m: f"EOMONTH({start},{m - 1})", "date",
                        name="months.month_end")
        months = [Week(m, starts.at(m - 1).a1(), ends.at(m - 1).a1(), period="month") for m in range(1, n + 1)]
        ForecastBlock(SHEET, "months", params, months, self.lines, header + 4).write(book, ws)
        ws.freeze_panes(header + 3, FIRST_WEEK_COL)
        book.print_wide(ws, repeat_rows=(header, header + 2), repeat_cols="A:B")
