"""The Scenarios sheet: the forecast under every scenario and stress test, with their summaries.

At the top one summary row per run (section 7 of docs/forecast-model.md): the run's adjustments,
lowest cash, the week it occurs, the first week the credit limit is breached, and the extra
financing needed to stay within the limit and above the buffer. Below, each run's full weekly
block. A scenario run reads its adjustments from the ScenarioInputs table by position, so editing
the table changes the run; a stress test is the default run with one adjustment changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from xlcapital.forecast import StressTest
from xlcapital.workbook.book import Book
from xlcapital.workbook.cellmap import Ref
from xlcapital.workbook.forecast import (FIRST_WEEK_COL, PARAMS, ForecastBlock, Line, Params, scenario_lookup,
                                        week_header)
from xlcapital.workbook.labels import formula_word
from xlcapital.workbook.settings import defined

SHEET = "Scenarios"

#: name of the default run when no scenario is called "base" (matches no one-off item)
PLAIN = "(plain forecast)"
#: what "first week over the credit limit" shows when there is none (in the Dutch workbook: its Dutch word)
NONE = "none"


@dataclass(frozen=True)
class Run:
    """One run on the sheet: its key in the cell map, its label, and where its adjustments come from.

    ``position`` is the 1-based row of a scenario in ScenarioInputs; ``stress`` a stress test on the
    default run; neither: the plain forecast.
    """

    key: str
    label: str
    position: int | None = None
    stress: StressTest | None = None


#: the summary columns after the run name and its four adjustments (a week number or "none":
#: right-aligned either way)
SUMMARY = (
    ("lowest_cash", "Lowest cash", "money"),
    ("lowest_week", "Week of lowest cash", "text_right"),
    ("first_breach_week", "First week over the credit limit", "text_right"),
    ("extra_financing_limit", "Extra financing to stay within the limit", "money"),
    ("extra_financing_buffer", "Extra cash to stay above the buffer", "money"),
)


def _decimal(value: Decimal) -> str:
    """A Decimal as an Excel number literal."""
    return format(value.normalize(), "f")


@dataclass
class ScenariosSheet:
    runs: Sequence[Run]
    weeks: int
    lines: Sequence[Line]
    title: str = "Scenarios and stress tests"

    def write(self, book: Book) -> None:
        ws = book.titled_sheet(SHEET, self.title, {(0, 0): 36, (1, 1): 14,
                                                   (FIRST_WEEK_COL, FIRST_WEEK_COL + max(self.weeks, 10)): 12.5})
        st = book.styles
        # the stress tests start from the scenario shown on Forecast (chosen on Settings), as
        # xlcapital.forecast.analyse(inputs, scenario) stresses the selected scenario
        ws.write_string(1, 0, "Stress tests start from", st["label"])
        ws.write_formula(1, 1, "=" + defined("Scenario"), st["label_bold"])
        default = book.place("scenarios.stressed_run", Ref(SHEET, 1, 1)).a1()
        head = 3
        labels = ["Run", *(p[1] for p in PARAMS), *(s[1] for s in SUMMARY)]
        book.header(ws, head, labels, right=tuple(range(1, len(labels))))
        ws.set_row(head, 62)
        # the run labels stay in view while the weeks scroll; printed: a page wide, labels on each page
        ws.freeze_panes(0, FIRST_WEEK_COL)
        book.print_wide(ws, repeat_cols="A:B")
        r = head + len(self.runs) + 3
        for i, run in enumerate(self.runs):
            row = head + 1 + i
            params = self._params(book, ws, run, row, default)
            ws.write_string(r, 0, run.label, st["subtitle"])
            weeks = week_header(book, ws, SHEET, r + 1, self.weeks, f"scenario.{run.key}")
            block = ForecastBlock(SHEET, f"scenario.{run.key}", params, weeks, self.lines, r + 4)
            r = block.write(book, ws) + 2
            self._summary(book, ws, run, row, block)

    def _params(self, book: Book, ws, run: Run, row: int, default: str) -> Params:
        st = book.styles
        if run.position is not None:
            name = f"INDEX(ScenarioInputs[Scenario],{run.position})"
            ws.write_formula(row, 0, "=" + name, st["label_bold"])
            values = {key: f"N(INDEX(ScenarioInputs[{col}],{run.position}))" for key, _, col, _ in PARAMS}
        else:
            ws.write_string(row, 0, run.label, st["label_bold"])
            base = {key: scenario_lookup(col, default) for key, _, col, _ in PARAMS}
            values = dict(base)
            if run.stress is not None:
                s = run.stress
                # xlcapital.forecast.stressed: (1 + r_b)(1 + r_s) - 1, delays and interest added
                values["revenue_pct"] = f"(1+{base['revenue_pct']})*(1+{_decimal(s.revenue_change)})-1"
                values["collection_delay"] = f"{base['collection_delay']}+{s.collection_delay_days}"
                values["interest_change"] = f"{base['interest_change']}+{_decimal(s.interest_rate_change)}"
        book.place(f"scenario.{run.key}.param.name", Ref(SHEET, row, 0))
        # one-off items are summed by scenario name: a stress test has those of the run it stresses
        operands = {"name": Ref(SHEET, row, 0).a1() if run.position is not None else default}
        for j, (key, _, _, style) in enumerate(PARAMS):
            ws.write_formula(row, 1 + j, "=" + values[key], st[style])
            operands[key] = book.place(f"scenario.{run.key}.param.{key}", Ref(SHEET, row, 1 + j)).a1()
        if run.stress is not None and (run.stress.largest_customer_delay_days or run.stress.largest_customer_share != 1):
            # xlcapital.forecast.stressed: the largest customer's extra days and share (constants of the test)
            operands["largest_delay"] = str(run.stress.largest_customer_delay_days)
            operands["largest_share"] = _decimal(run.stress.largest_customer_share)
        return Params(**operands)

    def _summary(self, book: Book, ws, run: Run, row: int, block: ForecastBlock) -> None:
        st = book.styles
        closing = block.rows["closing"].a1()
        breach = block.rows["limit_breached"].a1()
        col = 1 + len(PARAMS)
        lowest = Ref(SHEET, row, col).a1()
        formulas = {
            "lowest_cash": f"MIN({closing})",
            "lowest_week": f"MATCH({lowest},{closing},0)",
            "first_breach_week": f'IFERROR(MATCH(TRUE,{breach},0),"{formula_word(NONE, book.lang)}")',
            # -MIN(headroom): the lowest closing against the facility available that week (the limit, or
            # the borrowing base when lower)
            "extra_financing_limit": f"MAX(0,-MIN({block.rows['headroom'].a1()}))",
            "extra_financing_buffer": f"MAX(0,{defined('MinimumBuffer')}-{lowest})",
        }
        for j, (key, _, style) in enumerate(SUMMARY):
            ws.write_formula(row, col + j, "=" + formulas[key], st[style])
            book.place(f"scenario.{run.key}.{key}", Ref(SHEET, row, col + j))
