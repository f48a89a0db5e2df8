"""The forecast model of docs/forecast-model.md as workbook parts: settings, input tables, flow formulas.

This module says *what* the workbook computes, in Excel 2010 formulas; the sheet writers
(:mod:`~xlcapital.workbook.tables`, :mod:`~xlcapital.workbook.forecast`, ...) say *where*.
Section numbers below refer to docs/forecast-model.md.

How each cash item of section 3 becomes a formula:

- a dated item with a scenario shift (receivables, sales, payables) has a *base date* helper column;
  its cash date is ``base + shift``, so "cash date in week w" is "base date in [S_w - shift, E_w -
  shift]": one SUMIFS per week with shifted criteria, for any scenario, without a helper column per
  scenario. Week 1 has no lower bound (overdue items land in week 1);
- recurring items (section 5) have one calculated column per week in the Recurring table (the
  amount falling in that week), so a row the user adds is picked up by the table's own formulas;
- the sales plan (``[sales]``) is expanded on the SalesPlan sheet: one pre-allocated row per
  possible occurrence, each a formula of the plan's settings;
- projected bank categories (section 4, the Projections table) add their weekly amount to every week;
- one-off items of a scenario are summed by scenario name, date and category.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Iterable, Mapping, Sequence

from xlcapital.errors import InputError
from xlcapital.forecast import messages as fc_say
from xlcapital.workbook import messages as say

from xlcapital.forecast import schema as sc
from xlcapital.forecast import types as fc_types
from xlcapital.forecast.types import AGING_BUCKETS
from xlcapital.forecast.actuals import MAX_GAP_DAYS
from xlcapital.forecast.engine import MONTHS_IN_VIEW
from xlcapital.forecast.schedule import LOOKAHEAD_WEEKS
from xlcapital.workbook.formulas import (
    BALANCE_DAY,
    COUNTED,
    LAST_BANK_DAY,
    bank_sum,
    exact,
    exact_expr,
    literal_expr,
    text,
)
from xlcapital.workbook import drivers
from xlcapital.workbook.forecast import Line, Params, Week
from xlcapital.workbook.settings import Setting, defined
from xlcapital.workbook.tables import Column, from_excel_date

YES_NO = ("yes", "no")
#: the choices and fixed categories are the engine's (one source)
FREQUENCIES, RISK_PROFILES, MATCH_FIELDS = fc_types.FREQUENCIES, fc_types.RISK_PROFILES, fc_types.MATCH_FIELDS
SALES_FREQUENCIES, MONTHS = sc.SALES_FREQUENCIES, sc.MONTHS
RECEIVABLES, SALES, PAYABLES = fc_types.RECEIVABLES, fc_types.SALES, fc_types.PAYABLES
PURCHASES = fc_types.PURCHASES
#: the catch-all rows: categories the user adds in the workbook that the generator did not list
OTHER = "__other__"


# --------------------------------------------------------------------------------------------
# Settings (section 1, forecast.toml)
# --------------------------------------------------------------------------------------------

def _list(choices: Sequence[str]) -> dict:
    return {"validate": "list", "source": list(choices)}


#: how the workbook shows each kind of field of the schema (:data:`xlcapital.workbook.tables.KINDS`)
EXCEL_KINDS = {"text": "text", "money": "money", "number": "number", "fraction": "percent", "integer": "integer",
               "date": "date", "choice": "text", "yes_no": "text", "accounts": "text"}


def validation(f: sc.Field) -> dict | None:
    """The data validation of a schema field's input cells: its choices or its bounds."""
    if f.kind == "choice":
        return _list(f.choices)
    if f.kind == "yes_no":
        return _list(YES_NO)
    if not f.numeric or (f.low is None and f.high is None):
        return None
    kind = "integer" if f.kind == "integer" else "decimal"
    if f.low is not None and f.high is not None:
        return {"validate": kind, "criteria": "between", "minimum": f.low, "maximum": f.high}
    return {"validate": kind, "criteria": ">=" if f.high is None else "<=", "value": f.low if f.high is None else f.high}


def setting(header: str | sc.Field, **changes) -> Setting:
    """The Settings row of the forecast.toml field whose workbook name is ``header`` (schema.SETTINGS), or of
    the field itself."""
    f = header if isinstance(header, sc.Field) else sc.SETTINGS[header]
    return Setting(**{"key": f.header, "label": f.label, "nl": f.nl, "kind": EXCEL_KINDS[f.kind], "comment": f.help,
                      "comment_nl": f.help_nl, "validation": validation(f), **changes})


def setting_value(f: sc.Field, value: Any) -> Any:
    """The Settings cell's value of field ``f`` holding ``value`` (accounts as one comma-separated text, a
    yes/no field as the word its drop-down offers).

    >>> setting_value(sc.FORECAST["accounts"], ("NL91INGB0001234567", "NL02RABO0123456789"))
    'NL91INGB0001234567, NL02RABO0123456789'
    >>> setting_value(sc.VAT["carry_forward"], True)
    'yes'
    """
    if f.kind == "accounts":
        return ", ".join(value)
    if f.kind == "yes_no":
        return "yes" if value else "no"
    return value


def column(f: sc.Field, **changes) -> Column:
    """The input column of a schema field: header (and its Dutch), kind, help as the header's comment, drop-down of
    choices."""
    choices = f.choices if f.kind == "choice" else YES_NO if f.kind == "yes_no" else None
    return Column(**{"name": f.header, "kind": EXCEL_KINDS[f.kind], "comment": f.help, "comment_nl": f.help_nl,
                     "choices": choices, "name_nl": f.header_nl or None, **changes})


def collection_values(inputs) -> dict[str, Any]:
    """The Settings values of ``[collections]`` (the aging buckets' days and shares)."""
    c = inputs.collections
    days = [f.header for f in sc.COLLECTIONS if f.kind == "integer"]
    shares = [f.header for f in sc.COLLECTIONS if f.kind == "fraction"]
    return {**dict(zip(days, c.days)), **dict(zip(shares, c.share))}


def row(table: sc.Table, item: Any) -> tuple:
    """The input cells of one table row: ``item``'s attribute per shown field (yes/no as text).

    >>> from xlcapital.forecast.types import Payable
    >>> from decimal import Decimal
    >>> row(sc.PAYABLES, Payable("Wholesale", _dt.date(2026, 4, 14), Decimal(5), "P1"))
    ('Wholesale', 'P1', datetime.date(2026, 4, 14), Decimal('5'))
    """
    values = []
    for f in table:
        if f.header:
            v = getattr(item, f.key)
            values.append(("yes" if v else "no") if f.kind == "yes_no" and v is not None else v)
    return tuple(values)


def columns(table: sc.Table, widths: dict[str, float] | None = None) -> tuple[Column, ...]:
    """The input columns of ``table`` that the workbook shows (fields with a header), in schema order."""
    widths = widths or {}
    return tuple(column(f, width=widths.get(f.key)) for f in table if f.header)


SETTINGS: tuple[Setting, ...] = (
    setting("Company"),
    setting("Start", validation={"validate": "custom", "value": "=WEEKDAY({cell},2)=1"}),
    *(setting(key) for key in ("Weeks", "BankBalance", "BalanceDate", "Accounts")),
    Setting("OpeningBalance", "Opening balance (start of week 1)", "money",
            "The bank balance rolled to the Monday of week 1 by the Bank transactions of the accounts in between "
            "(after the balance date and before the start, or back from the balance date to the start).",
            formula=f"={defined('BankBalance')}+{bank_sum('>', BALANCE_DAY, '<', defined('Start'))}"
                    f"-{bank_sum('>=', defined('Start'), '<=', BALANCE_DAY)}",
            nl="Beginsaldo (begin van week 1)",
            comment_nl="Het banksaldo teruggerekend of doorgerekend naar de maandag van week 1 met de transacties in "
                       "de tabel Bank van de rekeningen daartussen (na de saldodatum en voor de start, of terug van "
                       "de saldodatum naar de start)."),
    Setting("FirstDay", "First day counted (week 1 runs from it)", "date",
            "The day after the last known cash: the later of the balance date and the last Bank transaction of "
            "the accounts before week 1, plus one (at most 31 days before week 1). What is dated from it on counts, "
            "in week 1: nothing between the bank balance and the start is lost.",
            formula=f"=MIN({defined('Start')},MAX(MAX({BALANCE_DAY},{LAST_BANK_DAY})+1,"
                    f"{defined('Start')}-{MAX_GAP_DAYS}))",
            nl="Eerste getelde dag (week 1 begint ermee)",
            comment_nl="De dag na het laatst bekende saldo: de latere van de saldodatum en de laatste transactie in "
                       "de tabel Bank van de rekeningen voor week 1, plus een (hoogstens 31 dagen voor week 1). Wat "
                       "vanaf die dag gedateerd is telt mee, in week 1: niets tussen het banksaldo en de start gaat "
                       "verloren."),
    *(setting(key) for key in ("CreditLimit", "OverdraftRate", "CommitmentFee", "CommitmentFeeBasis",
                               "AdvanceRateReceivables", "AdvanceRateStock", "MinimumBuffer", "RiskProfile")),
    Setting("Scenario", "Scenario shown on Forecast", "text",
            "The scenario of the ScenarioInputs table the Forecast sheet shows. A name that is not in the "
            "table shows the plain forecast (no adjustments).",
            {"validate": "list", "source": "=ScenarioNames", "ignore_blank": True, "show_error": False},
            nl="Scenario getoond op Forecast",
            comment_nl="Het scenario uit de tabel ScenarioInputs dat het blad Forecast toont. Een naam die niet in de "
                       "tabel staat toont de gewone prognose (zonder aanpassingen)."),
    *(setting(key) for key in ("DefaultPaymentDelayDays", "SalesCollectionDays", "SalesAmount", "SalesFrequency",
                               "SalesDay", "SalesMonth")),
    *(setting(f.header) for f in sc.SEASONALITY),
    *(setting(key) for key in drivers.SETTING_KEYS),
    *(setting(f.header) for f in sc.COLLECTIONS),
    *(setting(f.header) for f in sc.PAYROLL_SETTINGS),
    setting("Currency"),
    *(setting(f.header) for f in sc.FINANCIALS),
    Setting("HorizonEnd", "Last day of the forecast (Sunday)", "date", "Start + 7 x Weeks - 1.",
            formula=f"={defined('Start')}+7*{defined('Weeks')}-1", nl="Laatste dag van de prognose (zondag)",
            comment_nl="Start + 7 x Weken - 1."),
    Setting("WindowEnd", "Last day occurrences are generated", "date",
            "The later of the look-ahead's last day (8 weeks after the forecast) and the end of the 12th month "
            "(section 2 of the model).",
            formula=f"=MAX({defined('HorizonEnd')}+{7 * LOOKAHEAD_WEEKS},EOMONTH({defined('Start')},11))",
            nl="Laatste dag waarvoor momenten worden gemaakt",
            comment_nl="De latere van de laatste dag van de vooruitblik (8 weken na de prognose) en het eind van de "
                       "12e maand (paragraaf 2 van het model)."),
    drivers.LARGEST_CUSTOMER,
)
SEASON_KEYS = tuple(f.header for f in sc.SEASONALITY)


# --------------------------------------------------------------------------------------------
# Input tables (section 1) with their helper columns
# --------------------------------------------------------------------------------------------

START, WINDOW_END, FIRST_DAY = defined("Start"), defined("WindowEnd"), defined("FirstDay")

CUSTOMERS = (
    *columns(sc.CUSTOMERS),
    Column("Source", comment="Where the delay came from: given, history, dso or default.", name_nl="Bron"),
)

RECEIVABLES_COLUMNS = (
    *columns(sc.RECEIVABLES, {"customer": 30}),
    Column("DelayDays", "integer",
           formula="=IFERROR(INDEX(Customers[PaymentDelayDays],MATCH(" + literal_expr("[@Customer]")
                   + ",Customers[Customer],0))," + defined("DefaultPaymentDelayDays") + ")",
           comment="The customer's payment delay (Customers table, else the default on Settings).",
           name_nl="Vertraging"),
    Column("BaseDate", "date", formula='=IF(OR([@PaidDate]<>"",[@DueDate]=""),"",[@DueDate]+[@DelayDays])',
           comment="Due date + payment delay (empty when paid).", name_nl="Basisdatum"),
    Column("Overdue", "integer", formula=f'=IF([@BaseDate]="","",MAX(0,{FIRST_DAY}-[@BaseDate]))',
           comment="Days past the base date at the first day counted (Settings): 0 when not overdue.",
           name_nl="DagenTeLaat"),
    Column("Bucket", "integer", formula='=IF([@Overdue]="","",' + "".join(
        f"IF([@Overdue]<={most},{i},"for i, most in enumerate(AGING_BUCKETS[:-1], start=1))
        + str(len(AGING_BUCKETS)) + ")" * (len(AGING_BUCKETS) - 1) + ")",
           comment="Aging bucket: 1 (1-30 days overdue), 2 (31-60), 3 (61-90), 4 (over 90).", name_nl="Klasse"),
    Column("ExpectedDate", "date",
           formula=f'=IF([@BaseDate]="","",IF(N([@ExpectedOn])>0,[@ExpectedOn],IF([@BaseDate]<{FIRST_DAY},'
                   f'{FIRST_DAY}+CHOOSE([@Bucket],'
                   + ",".join(defined(f.header) for f in sc.COLLECTIONS if f.kind == "integer") + '),[@BaseDate])))',
           comment="Expected cash date before the scenario: ExpectedOn when filled in; else the base date, or for an "
                   "overdue invoice the first day counted + its bucket's days (Settings).", name_nl="VerwachteDatum"),
    Column("Expected", "money",
           formula=f'=IF([@BaseDate]="","",[@Amount]*IF(N([@ExpectedOn])>0,1,IF([@BaseDate]<{FIRST_DAY},'
                   f'CHOOSE([@Bucket],'
                   + ",".join(defined(f.header) for f in sc.COLLECTIONS if f.kind == "fraction") + '),1)))',
           comment="The amount expected to come in: all of it when ExpectedOn is filled in; an overdue invoice "
                   "times its bucket's share (Settings).", name_nl="Verwacht"),
    Column("CashDate", "date", formula='=IF([@ExpectedDate]="","",[@ExpectedDate]+Forecast_CollectionDelay)',
           comment="Expected cash date in the scenario shown on Forecast.", name_nl="Kasdatum"),
    Column("Week", "integer",
           formula=f'=IF([@CashDate]="","",IF([@CashDate]<{START},1,INT(([@CashDate]-{START})/7)+1))',
           comment="Forecast week of the cash date (1 also for overdue invoices)."),
    *drivers.RECEIVABLE_COLUMNS,
)

PAYABLES_COLUMNS = (
    *columns(sc.PAYABLES, {"supplier": 30}),
    Column("CashDate", "date", formula='=IF([@DueDate]="","",[@DueDate]+Forecast_PaymentDelay)',
           comment="Payment date in the scenario shown on Forecast: due date + the scenario's payment delay.",
           name_nl="Kasdatum"),
    Column("Week", "integer",
           formula=f'=IF([@CashDate]="","",IF([@CashDate]<{START},1,INT(([@CashDate]-{START})/7)+1))'),
)

SALES_COLUMNS = (
    *columns(sc.EXPECTED_SALES, {"description": 30}),
    Column("BaseDate", "date", formula=f'=IF([@Date]="","",[@Date]+{defined("SalesCollectionDays")})',
           comment="Expected cash date: invoice date + sales collection days (Settings).", name_nl="Basisdatum"),
    *drivers.SALE_COLUMNS,
)

CATEGORIES_COLUMNS = columns(sc.CATEGORIES, {"category": 20, "pattern": 28})

PROJECTION_COLUMNS = (
    Column("Category", width=20, comment="A bank category whose typical weekly flow is added to every week.",
           name_nl="Categorie"),
    Column("WeeklyAmount", "money", comment="Signed amount per week (learned from the bank history: change it "
                                            "when you know better).", name_nl="Weekbedrag"),
    Column("RevenueLinked", choices=YES_NO, comment="yes: scaled by the scenario's revenue change.",
           name_nl="Omzetgebonden"),
    Column("Source", comment="given (categories.csv) or history (learned from the bank).", name_nl="Bron"),
)


def recurring_columns(weeks: int) -> tuple[Column, ...]:
    """The Recurring table: the inputs of section 5, its window helpers and one column per week.

    ``W<k>`` is the amount of the row's occurrences in week k (section 5): for weekly items the one
    day of the week with the row's weekday; for monthly/quarterly/yearly items the occurrence in the
    month of the week's Monday and in the month of its Sunday (a week touches at most two months);
    for once, the start date. Each counted only inside the row's window [Lo, Hi].
    """
    cols = [
        *columns(sc.RECURRING, {"name": 34, "category": 18}),
        Column("Lo", "date", formula=f'=MAX({FIRST_DAY},N([@Start]))',
               comment="First date of the window: the later of the first day counted (Settings) and Start.",
               name_nl="Van"),
        Column("Hi", "date", formula=f'=IF([@End]="",{WINDOW_END},MIN({WINDOW_END},[@End]))',
               comment="Last date of the window.", name_nl="Tot"),
        Column("Interval", "integer",
               formula='=IF([@Frequency]="monthly",1,IF([@Frequency]="quarterly",3,IF([@Frequency]="yearly",12,0)))'),
        Column("DayN", "integer", formula='=IF([@Day]="",1,[@Day])', name_nl="DagNr"),
        Column("Anchor", "integer", formula='=IF([@Frequency]="monthly",1,IF([@Month]="",1,[@Month]))',
               name_nl="Anker"),
        Column("PerPoint", "number", formula='=IF(N([@VariableRate])>0,1/[@VariableRate],0)',
               comment="1 / the variable rate (0 for a fixed amount): the scenarios' interest change scales the row.",
               name_nl="PerPunt"),
        Column("MonthlyFixed", "money",
               formula=f'=IF(AND([@Fixed]="yes",OR([@Start]="",[@Start]<={defined("HorizonEnd")}),'
                       f'OR([@End]="",[@End]>={START})),-N([@Amount])*IF([@Frequency]="weekly",365/84,'
                       'IF([@Interval]>0,1/[@Interval],0)),0)',
               comment="Monthly fixed cost of this row (section 8: weekly 365/84, monthly 1, quarterly 1/3, "
                       "yearly 1/12, once 0).", name_nl="VastPerMaand"),
    ]
    # W1..WN: the forecast's weeks; W(N+1)..W(N+8): the look-ahead's
    for k in range(1, weeks + LOOKAHEAD_WEEKS + 1):
        cols.append(Column(f"W{k}", "money", formula="=" + _recurring_week(k), width=11))
    # M1..M12: the 12-month view's months
    for m in range(1, MONTHS_IN_VIEW + 1):
        cols.append(Column(f"M{m}", "money", formula="=" + _recurring_month(m), width=11))
    cols.append(Column("Horizon", "money", formula="=" + "+".join(f"[@W{k}]" for k in range(1, weeks + 1)),
                       comment="The row's amounts in weeks 1..N together (the burn rate leaves investing and "
                               "financing rows out)."))
    return tuple(cols)


def _recurring_week(k: int) -> str:
    """The amount of a Recurring row's occurrences in week ``k`` (a calculated column).

    Week 1 runs from the first day counted (Settings_FirstDay, up to 31 days before the start) to
    its Sunday: it may touch three months and hold several weekly occurrences, so its weekly and
    monthly terms count instead of testing one date.
    """
    s = f"({START}+{7 * (k - 1)})" if k > 1 else FIRST_DAY
    return _recurring_amount(s, f"({START}+{7 * (k - 1) + 6})", general=k == 1)


def _recurring_month(m: int) -> str:
    """The amount of a Recurring row's occurrences in month ``m`` of the 12-month view (``M<m>``):
    month 1 from the first day counted to the end of the start's month, then calendar months."""
    s = FIRST_DAY if m == 1 else f"(EOMONTH({START},{m - 2})+1)"
    return _recurring_amount(s, f"EOMONTH({START},{m - 1})", general=True)


def _recurring_amount(s: str, e: str, general: bool, *, lo: str = "[@Lo]", hi: str = "[@Hi]", months: int = 3) -> str:
    """The amount of a Recurring row's occurrences in [s, e]: an ordinary week (Monday to Sunday,
    at most two months, one weekly occurrence), or ``general``: any period of up to ``months`` months.
    ``lo`` and ``hi`` bound the row's window (the VAT returns count days before the first day counted)."""

    def inside(date: str) -> str:
        return f"({date}>=MAX({s},{lo}))*({date}<=MIN({e},{hi}))"

    def in_month(anchor_day: str) -> str:
        # the occurrence in the month of ``anchor_day`` (section 5), when that month is in the cycle
        date = f"DATE(YEAR({anchor_day}),MONTH({anchor_day}),MIN([@DayN],DAY(EOMONTH({anchor_day},0))))"
        cycle = f"(MOD(MONTH({anchor_day})-[@Anchor],MAX(1,[@Interval]))=0)"
        return f"{cycle}*{inside(date)}"

    if general:
        first, last = f"MAX({s},{lo})", f"MIN({e},{hi})"
        # the number of days with weekday DayN in [first, last] (0 when the window is empty)
        weekly = (f'([@Frequency]="weekly")*MAX(0,INT(({last}-{first}-MOD([@DayN]-WEEKDAY({first},2),7))/7)+1)')
        later = "+".join(f"(EOMONTH({s},{j - 1})<{e})*{in_month(f'DATE(YEAR({s}),MONTH({s})+{j},1)')}"
                         for j in range(1, months))
        monthly = f"([@Interval]>0)*({in_month(s)}+{later})"
    else:
        weekly = f'([@Frequency]="weekly")*{inside(f"{s}+[@DayN]-1")}'
        monthly = f"([@Interval]>0)*({in_month(s)}+(MONTH({e})<>MONTH({s}))*{in_month(e)})"
    once = f'([@Frequency]="once")*{inside("N([@Start])")}'
    return f"N([@Amount])*({weekly}+{monthly}+{once})"


#: SalesPlan: row j (0-based) holds the j-th possible occurrence of the sales plan (section 5)
def sales_plan_columns() -> tuple[Column, ...]:
    freq, day, month = defined("SalesFrequency"), defined("SalesDay"), defined("SalesMonth")
    interval = f'IF({freq}="monthly",1,IF({freq}="quarterly",3,IF({freq}="yearly",12,0)))'
    anchor = f'IF({freq}="monthly",1,IF({month}="",1,{month}))'
    dayn = f'IF({day}="",1,{day})'
    first_week_day = f"{FIRST_DAY}+MOD({dayn}-WEEKDAY({FIRST_DAY},2),7)"
    month_start = f"DATE(YEAR({FIRST_DAY}),MONTH({FIRST_DAY})+[@N],1)"
    month_date = f"DATE(YEAR([@MonthStart]),MONTH([@MonthStart]),MIN({dayn},DAY(EOMONTH([@MonthStart],0))))"
    return (
        Column("N", "integer", comment="Occurrence number (weekly) or month number from week 1's month."),
        Column("MonthStart", "date", formula=f"={month_start}", name_nl="Maandbegin"),
        Column("Date", "date",
               formula=f'=IF({freq}="weekly",IF({first_week_day}+7*[@N]<={WINDOW_END},{first_week_day}+7*[@N],""),'
                       f'IF(AND({interval}>0,MOD(MONTH([@MonthStart])-{anchor},MAX(1,{interval}))=0,'
                       f'{month_date}>={FIRST_DAY},{month_date}<={WINDOW_END}),{month_date},""))',
               comment="The occurrence date, empty when there is none in this row.", name_nl="Datum"),
        Column("Amount", "money",
               formula=f'=IF([@Date]="","",N({defined("SalesAmount")})*INDEX(Settings_Seasonality,MONTH([@Date])))',
               comment="Plan amount x the seasonality of the invoice month.", name_nl="Bedrag"),
        Column("BaseDate", "date", formula=f'=IF([@Date]="","",[@Date]+{defined("SalesCollectionDays")})',
               name_nl="Basisdatum"),
        *drivers.SALE_COLUMNS,
    )


def sales_plan_rows(weeks: int) -> int:
    """How many occurrence rows the SalesPlan needs: the most weeks or months the window can hold.

    The window runs from the first day counted (up to 31 days before week 1's Monday) to the later
    of the look-ahead's last day (8 weeks after the horizon) and the end of the 12th month: at most
    ``max(7 * (weeks + 8), 366) + 31`` days, so ``max(weeks + 8, 53) + 6`` weekly occurrences and
    ``max((weeks + 8) * 7 // 28 + 2, 13) + 1`` months.

    >>> sales_plan_rows(13)
    59
    """
    span = weeks + LOOKAHEAD_WEEKS
    return max(max(span, 53) + 6, span * 7 // 28 + 3, 14)


SCENARIO_COLUMNS = columns(sc.SCENARIOS, {"name": 16})
ONE_OFF_COLUMNS = columns(sc.ONE_OFFS, {"scenario": 16, "category": 16, "description": 30})

HISTORY_COLUMNS = (
    Column("Month", comment="YYYY-MM, oldest first.", name_nl="Maand"),
    Column("Revenue", "money", name_nl="Omzet"),
    Column("DSO", "number", comment="Days sales outstanding at the end of the month."),
)


# --------------------------------------------------------------------------------------------
# Flow lines (sections 3, 4 and 6)
# --------------------------------------------------------------------------------------------

def shifted(column: str, week: Week, shift: str | None) -> str:
    """SUMIFS criteria pairs: ``column + shift`` is a cash date of ``week`` (week 1: also before it).

    >>> shifted("T[D]", Week(1, "S1", "E1"), "d")
    'T[D],"<="&(E1-d)'
    >>> shifted("T[D]", Week(2, "S2", "E2"), None)
    'T[D],">="&S2,T[D],"<="&E2'
    """
    def bound(cell: str) -> str:
        return f"({cell}-{shift})" if shift else cell

    upper = f'{column},"<="&{bound(week.end)}'
    if week.index == 1:
        return upper
    return f'{column},">="&{bound(week.start)},{upper}'


def _sign(side: str) -> str:
    return '">0"' if side == "receipts" else '"<0"'


def _source_terms(side: str, p: Params, w: Week, category: str | None, one_off_name: str) -> list[str]:
    """The per-source SUMIFS of one side (receipts/payments), for ``category`` (None: every category)."""
    sign = _sign(side)
    opposite = _sign("payments" if side == "receipts" else "receipts")
    growth = f"(1+{p.revenue_pct})"
    terms = []
    def dated(column: str, shift: str) -> str:
        return shifted(column, w, shift)

    if category in (None, RECEIVABLES):  # aged, or on ExpectedOn; the largest customer's stress tests
        terms.append(drivers.receivables_term(p, sign, dated))
    if category in (None, SALES):  # along the collection curve
        terms.append(drivers.sales_term(p, growth, sign, dated))
    if category in (None, PAYABLES):
        terms.append(f"-SUMIFS(Payables[Amount],{shifted('Payables[DueDate]', w, p.payment_delay)},"
                     f"Payables[Amount],{opposite})")
    if category in (None, PURCHASES):  # purchases follow the sales (section 3)
        terms.append(drivers.purchases_term(p, growth, opposite, dated))
    from xlcapital.workbook.payroll import flow_term  # payroll (section 14): it imports nothing of this module

    paid = flow_term(side, w.start, w.end, category)
    if paid:
        terms.append(paid)
    by_cat = "" if category is None else f"Recurring[Category],{exact(category)},"
    column = f"Recurring[{'W' if w.period == 'week' else 'M'}{w.index}]"
    # fixed amounts (a revenue-linked row times (1 + r)); then the variable-rate interest rows, scaled by
    # MAX(0, rate + change) / rate ((x + ABS(x)) / 2 is MAX(0, x) element by element, which SUMPRODUCT needs)
    terms.append(drivers.recurring_term(column, f"{by_cat}Recurring[PerPoint],0,", sign, growth))
    scaled = f"(Recurring[VariableRate]+{p.interest_change})"
    linked = f'(1+{p.revenue_pct}*(Recurring[RevenueLinked]="yes"))'
    in_cat = "" if category is None else f",--(Recurring[Category]={text(category)})"
    terms.append(f"SUMPRODUCT({column},Recurring[PerPoint],({scaled}+ABS({scaled}))/2,{linked}{in_cat},"
                 f"--({column}{sign[1:-1]}))")
    by_cat = "" if category is None else f"Projections[Category],{exact(category)},"
    projected = f"SUMIFS(Projections[WeeklyAmount],{by_cat}Projections[WeeklyAmount],{sign}"
    # a week adds the weekly amount; week 1 (from the first day counted) its days / 7 of it
    days = "" if w.index > 1 and w.period == "week" else f"({w.end}-{w.start}+1)/7*"
    terms.append(f'{days}({growth}*{projected},Projections[RevenueLinked],"yes")+{projected},'
                 'Projections[RevenueLinked],"<>yes"))')
    by_cat = "" if category is None else f"OneOffs[Category],{exact(category)},"
    terms.append(f"SUMIFS(OneOffs[Amount],OneOffs[Scenario],{exact_expr(one_off_name)},{by_cat}"
                 f"{shifted('OneOffs[Date]', w, None)},OneOffs[Amount],{sign})")
    return terms


def flow_lines(receipt_categories: Sequence[str], payment_categories: Sequence[str],
               labels: Callable[[str], str] = lambda c: c, extra: Callable[..., list[str]] | None = None) -> list[Line]:
    """The receipt rows then the payment rows of a forecast block, each with its catch-all row.

    The catch-all (``OTHER``) is the side's total over every source minus the listed rows: it is 0
    for a workbook as generated, and holds the flows of categories the user adds later.
    ``extra(side, params, week, block, category)`` adds the terms of further sources (the VAT returns,
    :mod:`~xlcapital.workbook.vat`; category None: every category).
    """
    lines: list[Line] = []

    def terms(side: str, p: Params, w: Week, blk, category: str | None) -> list[str]:
        return _source_terms(side, p, w, category, p.name) + (extra(side, p, w, blk, category) if extra else [])

    for side, cats in (("receipts", receipt_categories), ("payments", payment_categories)):
        prefix = "r" if side == "receipts" else "p"
        for c in cats:
            lines.append(Line(f"{prefix}.{c}", labels(c), side,
                              lambda p, w, blk, side=side, c=c: "+".join(terms(side, p, w, blk, c))))
        listed = [f"line.{prefix}.{c}" for c in cats]

        def other(p: Params, w: Week, blk, side=side, listed=listed) -> str:
            total = "+".join(terms(side, p, w, blk, None))
            if not listed:
                return total
            first, last = blk.rows[listed[0]].cell(w.position - 1), blk.rows[listed[-1]].cell(w.position - 1)
            return f"{total}-SUM({first}:{last})"

        lines.append(Line(f"{prefix}.{OTHER}", labels(OTHER), side, other))
    return lines


# --------------------------------------------------------------------------------------------
# Reading the inputs back from a workbook (last month's, xlcapital generate --previous)
# --------------------------------------------------------------------------------------------

def cell_value(f: sc.Field, value: Any) -> Any:
    """A cell's value (as openpyxl reads it) as the value of field ``f``; an empty cell: the field's default.

    >>> cell_value(sc.RECURRING["day"], 5.0), cell_value(sc.FORECAST["accounts"], "NL91 INGB 0001 2345 67, NL02RABO")
    (5, ('NL91INGB0001234567', 'NL02RABO'))
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return f.default
    if f.kind == "date":
        if isinstance(value, _dt.datetime):
            value = value.date()
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            value = from_excel_date(value)
    elif f.kind == "accounts":
        value = [a for a in str(value).split(",") if a.strip()]
    elif f.kind in ("text", "choice"):
        value = str(value)
    return f.parse(value)


def settings_from_workbook(get: Callable[[str], Any]) -> dict[str, dict[str, Any]]:
    """The schema's fields the Settings sheet holds, by table name (``company``, ``forecast``,
    ``sales``, ``financials``, ``payroll``: :data:`schema.SETTING_TABLES`), each parsed as in forecast.toml;
    ``get(header)`` is the value of ``Settings_<header>`` (None when the workbook has no such name:
    the field's default). ``seasonality`` is the twelve ``Season<m>`` cells. Errors name the defined
    name."""
    out: dict[str, dict[str, Any]] = {}
    for table in (sc.COMPANY, *(t for t, _ in sc.SETTING_TABLES)):
        section = out.setdefault(table.name, {})
        for f in table:
            if f.header:
                section[f.key] = _from_cell(f, get(f.header), f"Settings_{f.header}")
    out["sales"]["seasonality"] = tuple(_from_cell(f, get(f.header), f"Settings_{f.header}") for f in sc.SEASONALITY)
    return out


def collections_from_workbook(get: Callable[[str], Any]) -> fc_types.Collections:
    """The aging buckets held on the Settings sheet (``get(header)``: the value of ``Settings_<header>``;
    an empty cell or a missing name keeps the default)."""
    return sc.collections_of({f.key: _from_cell(f, get(f.header), f"Settings_{f.header}") for f in sc.COLLECTIONS})


def rows_from_workbook(table: sc.Table, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows of an input table (header -> cell value) as the schema's values by key (fields
    the workbook does not show: their default). A row without a value for a required field is an
    error naming the table, the row and the column."""
    out = []
    for n, row in enumerate(rows, start=1):
        values = {}
        for f in table:
            where = f"{table.name}[{f.header}] row {n}"
            values[f.key] = _from_cell(f, row.get(f.header) if f.header else None, where)
            if f.required and values[f.key] in (None, ""):
                raise InputError(fc_say.VALUE_REQUIRED(), cell=where, hint=say.FILL_IN_OR_DELETE())
        out.append(values)
    return out


def _from_cell(f: sc.Field, value: Any, where: str) -> Any:
    try:
        return cell_value(f, value)
    except InputError as exc:
        exc.field = None
        raise exc.with_location(cell=where) from None
