"""The Dashboard: KPIs, triggers with red / amber / green, and the closing-cash chart.

Everything is a native formula over the Forecast sheet (the scenario chosen on Settings), the
Scenarios sheet and the input tables, following sections 8 and 9 of docs/forecast-model.md:

- KPIs: ``months_h = (E_N - F + 1) * 12 / 365`` (84 N / 365 without a gap before week 1); monthly costs ``payments_h / months_h``; burn rate
  ``(payments_h - receipts_h) / months_h``; runway ``MAX(0, cash / burn)`` while burning, else
  empty; buffer months ``cash / monthly fixed costs``; DSO / DPO / CCC from the open items and the
  period figures on Settings (empty without them);
- triggers: a helper row per rule with its value per week and its status per week (0 ok, 1
  warning, 2 alert), then one summary row per rule: value (week 1), worst value, status, first week
  not ok, first alert week, thresholds (from the TriggerRules table and the risk profile) and owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from xlsxwriter.utility import xl_rowcol_to_cell

from xlcapital.forecast import RULES
from xlcapital.forecast.kpis import DEFINITIONS as KPI_DEFINITIONS
from xlcapital.forecast.types import FINANCING, INVESTING
from xlcapital.workbook.book import Book
from xlcapital.workbook.cellmap import Ref
from xlcapital.workbook.forecast import FIRST_WEEK_COL, week_row
from xlcapital.workbook.labels import formula_word
from xlcapital.workbook.settings import defined
from xlcapital.workbook.tables import Column

SHEET = "Dashboard"
NONE = "none"
BIG = 9999
#: the chart's height in rows (of 20 pixels)
CHART_ROWS = 20
STATUS = ("ok", "warning", "alert")
#: what a trigger measures, as the Dashboard names it (the rule's key stays in the last column)
TRIGGER_LABELS = {name: rule.label for name, rule in RULES.items()}
#: a rule's unit (xlcapital.forecast.triggers.Rule.unit) -> the format of its value and thresholds
UNIT_STYLE = {"fraction": "percent", "months": "days", "days": "days", "amount": "money", "times": "days"}


def trigger_style(rule: str) -> str:
    """The cell format of a trigger's values and thresholds: 0.29 of a fraction shows as 29.0%.

    >>> trigger_style("free_cash"), trigger_style("credit_limit"), trigger_style("unknown")
    ('percent', 'money', 'number')
    """
    r = RULES.get(rule)
    return UNIT_STYLE.get(r.unit, "number") if r else "number"
#: the line above the chart (scripts/render_sheets.py finds the chart by it)
CHART_TITLE = "Closing cash against the credit limit and the buffer"
#: columns of the trigger table: who acts (a name runs over the empty column after it, so every
#: week column keeps one width), and the rule's key in TriggerRules
OWNER_COL, RULE_COL, ACTION_COL = 8, 10, 11
#: the lines of a trigger's row: room for an action of about twice the merged width (page 1 of the
#: printed Dashboard holds the key figures, the triggers and the chart)
ACTION_LINES = 2

MONTHS_H = f"(({defined('HorizonEnd')}-{defined('FirstDay')}+1)*12/365)"
RECEIPTS_H = "SUM(Forecast_Receipts)"
PAYMENTS_H = "(-SUM(Forecast_Payments))"
OPEN_RECEIVABLES = 'SUMIFS(Receivables[Amount],Receivables[PaidDate],"=")'
OPEN_PAYABLES = "SUM(Payables[Amount])"


def _days_of(balance: str, flow: str) -> str:
    """``balance / (flow / days)``, the days-of ratio of xlcapital.ratios."""
    return f"{balance}/({flow}/{defined('PeriodDays')})"


#: the investing and financing flows of the horizon (Recurring rows whose Activity says so), by sign
def _non_operating(sign: str) -> str:
    return "+".join(f'SUMIFS(Recurring[Horizon],Recurring[Activity],"{a}",Recurring[Horizon],"{sign}0")'
                    for a in (INVESTING, FINANCING))


#: (key, formula without '=', style); the label and the explanation are the engine's
#: (forecast.kpis.DEFINITIONS: one definition per KPI name)
_KPI_FORMULAS: tuple[tuple[str, str, str], ...] = (
    ("cash_position", defined("OpeningBalance"), "money"),
    ("free_cash", f"INDEX(Forecast_ClosingCash,1)-{defined('MinimumBuffer')}", "money"),
    ("credit_limit", defined("CreditLimit"), "money"),
    ("headroom", f"{defined('OpeningBalance')}+{defined('CreditLimit')}", "money"),
    ("monthly_costs", f"{PAYMENTS_H}/{MONTHS_H}", "money"),
    ("monthly_fixed_costs", "SUM(Recurring[MonthlyFixed])+SUM(Payroll[MonthlyCost])", "money"),
    ("burn_rate", f"(({PAYMENTS_H}+({_non_operating('<')}))-({RECEIPTS_H}-({_non_operating('>')})))/{MONTHS_H}",
     "money"),
    ("runway_months", "IF({burn_rate}>0,MAX(0,{headroom}/{burn_rate}),\"\")", "days"),
    ("buffer_months", 'IF({monthly_fixed_costs}=0,"",{cash_position}/{monthly_fixed_costs})', "days"),
    ("lowest_cash", "MIN(Forecast_ClosingCash)", "money"),
    ("lowest_week", "MATCH({lowest_cash},Forecast_ClosingCash,0)", "integer"),
    ("open_receivables", OPEN_RECEIVABLES, "money"),
    ("open_payables", OPEN_PAYABLES, "money"),
    ("bad_debt_allowance", f"{OPEN_RECEIVABLES}-SUM(Receivables[Expected])", "money"),
    ("dso_open", f'IFERROR({_days_of(OPEN_RECEIVABLES, defined("Revenue"))},"")', "days"),
    ("dpo_open", f'IFERROR({_days_of(OPEN_PAYABLES, defined("CostOfSales"))},"")', "days"),
    ("ccc_open",
     f'IFERROR({_days_of(OPEN_RECEIVABLES, defined("Revenue"))}+{_days_of(defined("Inventory"), defined("CostOfSales"))}'
     f'-{_days_of(OPEN_PAYABLES, defined("CostOfSales"))},"")', "days"),
)
#: (key, label, formula without '=', style, explanation); keys are those of forecast.kpis.compute
KPIS: tuple[tuple[str, str, str, str, str], ...] = tuple(
    (key, KPI_DEFINITIONS[key][0], formula, style, KPI_DEFINITIONS[key][1]) for key, formula, style in _KPI_FORMULAS)

TRIGGER_COLUMNS = (
    Column("Rule", width=14, name_nl="Regel"),
    Column("Direction", comment="below: fires when the value is under the threshold; above: over it.",
           name_nl="Richting"),
    Column("WarningConservative", "number",
           name_nl="WaarschuwingVoorzichtig"), Column("AlertConservative", "number", name_nl="AlarmVoorzichtig"),
    Column("WarningModerate", "number",
           name_nl="WaarschuwingGemiddeld"), Column("AlertModerate", "number", name_nl="AlarmGemiddeld"),
    Column("WarningOffensive", "number",
           name_nl="WaarschuwingOffensief"), Column("AlertOffensive", "number", name_nl="AlarmOffensief"),
    Column("Owner", width=26, comment="Who must act when the trigger fires.", name_nl="Eigenaar"),
    Column("Enabled", choices=("yes", "no"), name_nl="Actief"),
    Column("Description", width=72, name_nl="Omschrijving"),
    Column("Action", width=72, comment="What is done when the trigger fires, agreed in advance (seed 000, step 3).",
           name_nl="Actie"),
)


@dataclass
class DashboardSheet:
    """``runs``: the map keys of the scenario runs (``scenario.<key>``) and of the stress runs."""

    weeks: int
    scenario_runs: Sequence[str]
    stress_runs: Sequence[str]
    rules: Sequence[str]
    title: str = "Dashboard"

    def write(self, book: Book) -> None:
        ws = book.titled_sheet(SHEET, self.title, {(0, 0): 40, (1, 1): 16, (2, 2 + max(self.weeks, RULE_COL)): 13})
        book.print_wide(ws)
        st = book.styles
        ws.write_string(1, 0, "Scenario shown", st["label"])
        ws.write_formula(1, 1, "=Forecast_Scenario", st["label_bold"])
        book.place("dashboard.scenario", Ref(SHEET, 1, 1))
        self._kpis(book, ws, 3)
        top = 3 + len(KPIS) + 3
        self._triggers(book, ws, top)
        self._chart(book, ws, top + len(self.rules) + 4)

    def _kpis(self, book: Book, ws, row: int) -> None:
        st = book.styles
        book.header(ws, row, ("Key figures", "Value", "Explanation"), right=(1,))
        cells = {}
        for i, (key, label, formula, style, note) in enumerate(KPIS, start=row + 1):
            cells[key] = xl_rowcol_to_cell(i, 1)
            ws.write_string(i, 0, label)
            ws.write_formula(i, 1, "=" + formula.format(**cells), st[style])
            if note:
                ws.write_string(i, 2, note, st["note_line"])
            book.place(f"kpi.{key}", Ref(SHEET, i, 1))

    def _values(self, book: Book) -> dict[str, callable]:
        """Per rule: the formula of its value in week w (section 9)."""
        closing = book.ref("forecast.closing")
        costs, fixed = book.ref("kpi.monthly_costs").a1(), book.ref("kpi.monthly_fixed_costs").a1()
        main = book.ref("forecast.headroom")
        named = [book.ref(f"scenario.{k}.headroom") for k in self.scenario_runs]
        stress = [book.ref(f"scenario.{k}.headroom") for k in self.stress_runs]
        n = "COUNT(History[DSO])"
        m = "COUNT(History[Revenue])"

        def at(col: str, back: int, count: str) -> str:
            return f"INDEX(History[{col}],{count}-{back})"

        dso_trend = (f'IF({n}>=3,{at("DSO", 0, n)}-({at("DSO", 0, n)}+{at("DSO", 1, n)}+{at("DSO", 2, n)})/3,"")')
        last3 = "+".join(at("Revenue", k, m) for k in range(3))
        before3 = "+".join(at("Revenue", k, m) for k in range(3, 6))
        revenue_drop = f'IF({m}>=6,IF(({before3})=0,"",({last3})/({before3})-1),"")'

        def credit(w: int) -> str:
            i = w - 1
            mine = main.at(i).a1()
            scen = ",".join([mine] + [r.at(i).a1() for r in named])
            every = ",".join([mine] + [r.at(i).a1() for r in named + stress])
            return f'IF({defined("RiskProfile")}="conservative",MIN({every}),' \
                   f'IF({defined("RiskProfile")}="moderate",MIN({scen}),{mine}))'

        return {
            "free_cash": lambda w: f'IF({costs}=0,"",({closing.at(w - 1).a1()}-{defined("MinimumBuffer")})/{costs})',
            "cash_buffer": lambda w: f'IF({fixed}=0,"",{closing.at(w - 1).a1()}/{fixed})',
            "credit_limit": credit,
            "dso_trend": lambda w: dso_trend,
            "revenue_drop": lambda w: revenue_drop,
            "solvency": lambda w: f'IFERROR({defined("Equity")}/{defined("TotalAssets")},"")',
            "dscr": lambda w: f'IFERROR({defined("BhkCashflow")}/({defined("Interest")}+{defined("Repayments")}),"")',
        }

    def _threshold(self, kind: str, k: int, rule: str) -> str:
        """The warning or alert threshold of rule ``k`` (1-based row of TriggerRules) for the profile."""
        pick = lambda p: f"INDEX(TriggerRules[{kind}{p}],{k})"  # noqa: E731
        profile = defined("RiskProfile")
        value = (f'IF({profile}="conservative",{pick("Conservative")},'
                 f'IF({profile}="offensive",{pick("Offensive")},{pick("Moderate")}))')
        return f"{value}*{defined('CreditLimit')}" if rule == "credit_limit" else value

    def _triggers(self, book: Book, ws, top: int) -> None:
        st = book.styles

        def word(code: str) -> str:  # the word a formula computes, in the workbook's language
            return formula_word(code, book.lang)

        words, none = ",".join(f'"{word(code)}"' for code in STATUS), word(NONE)
        heads = ("Trigger", "Value now", "Worst", "Status", "First week", "First alert week", "Warning at",
                 "Alert at", "Owner", "", "Rule", "Action when it fires")
        book.header(ws, top, heads, right=(1, 2, 4, 5, 6, 7))
        ws.set_row(top, 30)
        values = self._values(book)
        # the last printed column: the last week of the per-week rows, at least three past the action's
        action_last = max(ACTION_COL + 3, FIRST_WEEK_COL + self.weeks - 1)
        # the helper rows (value and status per week) go below the chart
        helper = top + len(self.rules) + 4 + 4 + CHART_ROWS + 2
        ws.write_string(helper - 1, 0, "Trigger values and status per week (0 ok, 1 warning, 2 alert)", st["subtitle"])
        # printed: key figures, triggers and chart on page 1, the per-week trigger rows on page 2
        ws.set_h_pagebreaks([helper - 1])
        for i, rule in enumerate(self.rules):
            r = top + 1 + i
            k = i + 1
            warning, alert = self._threshold("Warning", k, rule), self._threshold("Alert", k, rule)
            unit = trigger_style(rule)
            label = TRIGGER_LABELS.get(rule, rule)
            ws.write_formula(r, 6, "=" + warning, st[unit])
            ws.write_formula(r, 7, "=" + alert, st[unit])
            w_cell, a_cell = xl_rowcol_to_cell(r, 6, True, True), xl_rowcol_to_cell(r, 7, True, True)
            direction = f"INDEX(TriggerRules[Direction],{k})"
            vrow = week_row(book, ws, SHEET, helper + 2 * i, self.weeks, f"{label}: value", values[rule], unit,
                            name=f"trigger.{rule}.values")

            def status(w: int, vrow=vrow) -> str:
                v = vrow.cell(w - 1)
                return (f'IF(NOT(ISNUMBER({v})),0,IF({direction}="above",IF({v}>{a_cell},2,IF({v}>{w_cell},1,0)),'
                        f'IF({v}<{a_cell},2,IF({v}<{w_cell},1,0))))')

            srow = week_row(book, ws, SHEET, helper + 2 * i + 1, self.weeks, f"{label}: status", status, "integer",
                            name=f"trigger.{rule}.statuses")
            v, s = vrow.a1(sheet=False), srow.a1(sheet=False)
            enabled = f'INDEX(TriggerRules[Enabled],{k})<>"no"'
            ws.write_string(r, 0, label, st["label_bold"])
            ws.write_formula(r, RULE_COL, f"=INDEX(TriggerRules[Rule],{k})", st["muted"])
            formulas = {
                1: f"={vrow.cell(0)}",
                2: f'=IF(COUNT({v})=0,"",IF({direction}="above",MAX({v}),MIN({v})))',
                3: f'=IF({enabled},CHOOSE(MAX({s})+1,{words}),"{word("disabled")}")',
                # the first week with status 1 or 2, without an array formula
                4: f'=IF(MIN(IFERROR(MATCH(1,{s},0),{BIG}),IFERROR(MATCH(2,{s},0),{BIG}))={BIG},"{none}",'
                   f'MIN(IFERROR(MATCH(1,{s},0),{BIG}),IFERROR(MATCH(2,{s},0),{BIG})))',
                5: f'=IFERROR(MATCH(2,{s},0),"{none}")',
                8: f"=INDEX(TriggerRules[Owner],{k})",
                ACTION_COL: f'=INDEX(TriggerRules[Action],{k})&""',
            }
            # the action wraps over the columns to the right edge of the page (a long one would run on past
            # it): the row holds ACTION_LINES lines, as merged cells do not grow with their text
            ws.merge_range(r, ACTION_COL, r, action_last, "", st["wrap"])
            ws.set_row(r, 15 * ACTION_LINES)
            for col, f in formulas.items():
                style = "wrap" if col == ACTION_COL else unit if col in (1, 2) else "text_right" if col in (4, 5) else "text"
                ws.write_formula(r, col, f, st[style])
            for col, key in ((RULE_COL, "rule"), (1, "value"), (2, "worst"), (3, "status"), (4, "first_week"), (5, "first_alert_week"),
                             (6, "warning"), (7, "alert"), (8, "owner"), (ACTION_COL, "action")):
                book.place(f"trigger.{rule}.{key}", Ref(SHEET, r, col))
        status_range = Ref(SHEET, top + 1, 3, top + len(self.rules), 3).a1(sheet=False)
        for code, colour in (("alert", "red"), ("warning", "amber"), ("ok", "green")):
            ws.conditional_format(status_range, {"type": "cell", "criteria": "==", "value": f'"{word(code)}"',
                                                 "format": st[colour]})

    def _chart(self, book: Book, ws, row: int) -> None:
        st = book.styles
        n = self.weeks
        ws.write_string(row, 0, CHART_TITLE, st["subtitle"])
        limit = week_row(book, ws, SHEET, row + 1, n, "Credit limit (lowest allowed balance)",
                         lambda w: f"-{defined('CreditLimit')}", "money", name="chart.limit")
        buffer = week_row(book, ws, SHEET, row + 2, n, "Minimum buffer", lambda w: defined("MinimumBuffer"), "money",
                          name="chart.buffer")
        weeks, closing = book.ref("forecast.week_start"), book.ref("forecast.closing")
        chart = book.workbook.add_chart({"type": "line"})
        for name, ref, colour, dash in (("Closing cash", closing, "#1F4E79", "solid"),
                                        ("Credit limit", limit, "#C00000", "dash"),
                                        ("Minimum buffer", buffer, "#ED7D31", "dash")):
            chart.add_series({"name": name, "categories": book.formula("=" + weeks.a1()),
                              "values": book.formula("=" + ref.a1()),
                              "line": {"color": colour, "width": 2.25, "dash_type": dash}, "marker": {"type": "none"}})
        chart.set_title({"name": "Closing cash per week"})
        chart.set_x_axis({"name": "Week starting (Monday)", "num_format": "dd-mm", "label_position": "low",
                          "text_axis": True, "num_font": {"rotation": -45}})
        chart.set_y_axis({"name": "Bank balance", "num_format": "#,##0", "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 900, "height": CHART_ROWS * 20})
        ws.insert_chart(row + 4, 0, chart)
