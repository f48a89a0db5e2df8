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

from typing import Callable, Sequence

from xlcapital.workbook.forecast import Line, Params, Week
from xlcapital.workbook.settings import Setting, defined
from xlcapital.workbook.tables import Column

FREQUENCIES = ("weekly", "monthly", "quarterly", "yearly", "once")
SALES_FREQUENCIES = ("weekly", "monthly", "quarterly", "yearly")
RISK_PROFILES = ("conservative", "moderate", "offensive")
YES_NO = ("yes", "no")
MATCH_FIELDS = ("counterparty", "iban", "description")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

#: the fixed categories of section 3 and the source tables that feed them
RECEIVABLES, SALES, PAYABLES = "Receivables", "Sales", "Payables"
#: the catch-all rows: categories the user adds in the workbook that the generator did not list
OTHER = "__other__"


def text(value: str) -> str:
    """An Excel string literal.

    >>> print(text('a"b'))
    "a""b"
    """
    return '"' + value.replace('"', '""') + '"'


def exact(value: str) -> str:
    """A SUMIFS/MATCH criterion that matches ``value`` literally (no wildcards, no operators).

    >>> exact("A*B")
    '"=A~*B"'
    """
    escaped = value.replace("~", "~~").replace("*", "~*").replace("?", "~?")
    return text("=" + escaped)


def literal_expr(expr: str) -> str:
    """A MATCH lookup value that matches the text of ``expr`` literally (wildcards escaped).

    >>> literal_expr("A1")
    'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(A1,"~","~~"),"*","~*"),"?","~?")'
    """
    return f'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({expr},"~","~~"),"*","~*"),"?","~?")'


def exact_expr(expr: str) -> str:
    """:func:`exact` for a formula expression (escaped by the formula itself)."""
    return '"="&' + literal_expr(expr)


# --------------------------------------------------------------------------------------------
# Settings (section 1, forecast.toml)
# --------------------------------------------------------------------------------------------

#: the day at whose end Settings_BankBalance was the balance (docs/forecast-model.md section 12)
BALANCE_DAY = f'IF({defined("BalanceDate")}="",{defined("Start")}-1,{defined("BalanceDate")})'
#: the Bank transactions of the forecast's accounts (the calculated column Bank[InForecast])
COUNTED = 'Bank[InForecast],"yes"'


def bank_sum(op1: str, first: str, op2: str | None = None, last: str | None = None) -> str:
    """SUMIFS of the counted Bank amounts with ``first op1 Date`` (and ``op2 last``) (section 12).

    >>> print(bank_sum(">=", "S", "<=", "E"))
    SUMIFS(Bank[Amount],Bank[InForecast],"yes",Bank[Date],">="&S,Bank[Date],"<="&E)
    """
    upper = f',Bank[Date],"{op2}"&{last}' if op2 else ""
    return f'SUMIFS(Bank[Amount],{COUNTED},Bank[Date],"{op1}"&{first}{upper})'


def _list(choices: Sequence[str]) -> dict:
    return {"validate": "list", "source": list(choices)}


_INT = {"validate": "integer", "criteria": "between", "minimum": -3650, "maximum": 3650}
_NONNEG = {"validate": "decimal", "criteria": ">=", "value": 0}

SETTINGS: tuple[Setting, ...] = (
    Setting("Company", "Company", "text", "The company this forecast is for."),
    Setting("Start", "First week starts (Monday)", "date",
            "Monday of week 1. Week w runs from Start + 7(w-1), Monday, to Sunday six days later. "
            "Items due before it (overdue) are counted in week 1.",
            {"validate": "custom", "value": "=WEEKDAY({cell},2)=1"}),
    Setting("Weeks", "Weeks", "integer", "The number of weekly columns (generate a new workbook to change it)."),
    Setting("BankBalance", "Bank balance", "money",
            "The balance of the company's accounts together at the end of the balance date (negative when the "
            "overdraft is in use). Type today's balance and today's date: the opening balance follows."),
    Setting("BalanceDate", "Balance date", "date",
            "The day whose end-of-day balance the bank balance is. Empty: the day before week 1, so the bank "
            "balance is the opening balance itself."),
    Setting("Accounts", "Accounts of the forecast", "text",
            "The company's own accounts (IBANs, separated by commas) whose bank transactions count: for the "
            "opening balance and the actuals on Forecast. Empty: every account in the Bank table."),
    Setting("OpeningBalance", "Opening balance (start of week 1)", "money",
            "The bank balance rolled to the Monday of week 1 by the Bank transactions of the accounts in between "
            "(after the balance date and before the start, or back from the balance date to the start).",
            formula=f"={defined('BankBalance')}+{bank_sum('>', BALANCE_DAY, '<', defined('Start'))}"
                    f"-{bank_sum('>=', defined('Start'), '<=', BALANCE_DAY)}"),
    Setting("CreditLimit", "Credit limit (overdraft facility)", "money",
            "The overdraft facility (kredietplafond): how far the balance may go below zero.", _NONNEG),
    Setting("OverdraftRate", "Overdraft interest rate (per year)", "percent",
            "Yearly interest on the drawn overdraft; a week costs drawn x rate x 7 / 365.",
            {"validate": "decimal", "criteria": "between", "minimum": -1, "maximum": 1}),
    Setting("MinimumBuffer", "Minimum cash buffer", "money",
            "The cash the company wants to keep at all times; weeks below it are flagged.", _NONNEG),
    Setting("RiskProfile", "Risk profile", "text",
            "conservative, moderate or offensive: sets the thresholds of the triggers on the Dashboard.",
            _list(RISK_PROFILES)),
    Setting("Scenario", "Scenario shown on Forecast", "text",
            "The scenario of the ScenarioInputs table the Forecast sheet shows. A name that is not in the "
            "table shows the plain forecast (no adjustments).",
            {"validate": "list", "source": "=ScenarioNames", "ignore_blank": True, "show_error": False}),
    Setting("DefaultPaymentDelayDays", "Default customer payment delay (days)", "integer",
            "Days after the due date that a customer who is not in the Customers table pays.", _INT),
    Setting("SalesCollectionDays", "Sales collection days", "integer",
            "Days from a sales invoice to its payment (sales plan and Sales table).", _INT),
    Setting("SalesAmount", "Sales plan: amount per invoice", "money",
            "The regular sales invoiced per occurrence, before seasonality (0 or empty: no sales plan)."),
    Setting("SalesFrequency", "Sales plan: frequency", "text", "weekly, monthly, quarterly or yearly.",
            _list(SALES_FREQUENCIES)),
    Setting("SalesDay", "Sales plan: day", "integer",
            "weekly: 1 (Monday) .. 7 (Sunday); otherwise the day of the month 1..31 (a short month uses its last "
            "day).", {"validate": "integer", "criteria": "between", "minimum": 1, "maximum": 31}),
    Setting("SalesMonth", "Sales plan: anchor month", "integer",
            "quarterly: a month of the cycle (1..12); yearly: the month. Ignored for weekly and monthly.",
            {"validate": "integer", "criteria": "between", "minimum": 1, "maximum": 12}),
    *(Setting(f"Season{m}", f"Seasonality {MONTHS[m - 1]}", "number",
              f"Sales plan amounts invoiced in {MONTHS[m - 1]} are multiplied by this factor (1 = normal).",
              {"validate": "decimal", "criteria": ">=", "value": 0}) for m in range(1, 13)),
    Setting("Currency", "Currency", "text", "The currency of all amounts."),
    Setting("Revenue", "Revenue of the last period (company.toml)", "money",
            "For DSO and CCC on the Dashboard; empty when unknown."),
    Setting("CostOfSales", "Cost of sales of the last period", "money",
            "For DPO and CCC on the Dashboard; empty: revenue is used."),
    Setting("Inventory", "Inventory at the end of the last period", "money", "For CCC on the Dashboard."),
    Setting("PeriodDays", "Days in that period", "integer", "365 for a year.", _NONNEG),
    Setting("HorizonEnd", "Last day of the forecast (Sunday)", "date", "Start + 7 x Weeks - 1.",
            formula=f"={defined('Start')}+7*{defined('Weeks')}-1"),
    Setting("WindowEnd", "Last day occurrences are generated", "date",
            "The later of the last forecast day and the end of the 12th month (section 2 of the model).",
            formula=f"=MAX({defined('HorizonEnd')},EOMONTH({defined('Start')},11))"),
)
SEASON_KEYS = tuple(f"Season{m}" for m in range(1, 13))


# --------------------------------------------------------------------------------------------
# Input tables (section 1) with their helper columns
# --------------------------------------------------------------------------------------------

START, WINDOW_END = defined("Start"), defined("WindowEnd")

CUSTOMERS = (
    Column("Customer", comment="The customer's name exactly as in Receivables (case is ignored)."),
    Column("PaymentDelayDays", "integer",
           comment="Days after the due date this customer pays (negative: early). Learned from paid invoices "
                   "where possible; change it when you know better."),
    Column("Source", comment="Where the delay came from: given, history, dso or default."),
)

RECEIVABLES_COLUMNS = (
    Column("Customer", width=30),
    Column("Invoice"),
    Column("InvoiceDate", "date"),
    Column("DueDate", "date"),
    Column("Amount", "money", comment="Amount outstanding; a credit note is negative."),
    Column("PaidDate", "date", comment="Fill in when the invoice is paid: it is then no longer forecast."),
    Column("DelayDays", "integer",
           formula="=IFERROR(INDEX(Customers[PaymentDelayDays],MATCH(" + literal_expr("[@Customer]")
                   + ",Customers[Customer],0))," + defined("DefaultPaymentDelayDays") + ")",
           comment="The customer's payment delay (Customers table, else the default on Settings)."),
    Column("BaseDate", "date", formula='=IF(OR([@PaidDate]<>"",[@DueDate]=""),"",[@DueDate]+[@DelayDays])',
           comment="Expected cash date before the scenario: due date + payment delay (empty when paid)."),
    Column("CashDate", "date", formula='=IF([@BaseDate]="","",[@BaseDate]+Forecast_CollectionDelay)',
           comment="Expected cash date in the scenario shown on Forecast."),
    Column("Week", "integer",
           formula=f'=IF([@CashDate]="","",IF([@CashDate]<{START},1,INT(([@CashDate]-{START})/7)+1))',
           comment="Forecast week of the cash date (1 also for overdue invoices)."),
)

PAYABLES_COLUMNS = (
    Column("Supplier", width=30),
    Column("Invoice"),
    Column("DueDate", "date"),
    Column("Amount", "money", comment="Amount we owe, positive (a credit note is negative)."),
    Column("CashDate", "date", formula='=IF([@DueDate]="","",[@DueDate]+Forecast_PaymentDelay)',
           comment="Payment date in the scenario shown on Forecast: due date + the scenario's payment delay."),
    Column("Week", "integer",
           formula=f'=IF([@CashDate]="","",IF([@CashDate]<{START},1,INT(([@CashDate]-{START})/7)+1))'),
)

SALES_COLUMNS = (
    Column("Date", "date", comment="Expected invoice date."),
    Column("Amount", "money", comment="Invoice amount before the scenario's revenue change."),
    Column("Description", width=30),
    Column("BaseDate", "date", formula=f'=IF([@Date]="","",[@Date]+{defined("SalesCollectionDays")})',
           comment="Expected cash date: invoice date + sales collection days (Settings)."),
)

CATEGORIES_COLUMNS = (
    Column("Category", width=20),
    Column("Match", choices=MATCH_FIELDS,
           comment="Which field of a bank transaction the pattern tests: counterparty, iban or description."),
    Column("Pattern", width=28,
           comment="counterparty/description: text it contains (case ignored); iban: the IBAN (spaces ignored)."),
)

PROJECTION_COLUMNS = (
    Column("Category", width=20, comment="A bank category whose typical weekly flow is added to every week."),
    Column("WeeklyAmount", "money", comment="Signed amount per week (learned from the bank history: change it "
                                            "when you know better)."),
    Column("RevenueLinked", choices=YES_NO, comment="yes: scaled by the scenario's revenue change."),
    Column("Source", comment="given (categories.csv) or history (learned from the bank)."),
)


def recurring_columns(weeks: int) -> tuple[Column, ...]:
    """The Recurring table: the inputs of section 5, its window helpers and one column per week.

    ``W<k>`` is the amount of the row's occurrences in week k (section 5): for weekly items the one
    day of the week with the row's weekday; for monthly/quarterly/yearly items the occurrence in the
    month of the week's Monday and in the month of its Sunday (a week touches at most two months);
    for once, the start date. Each counted only inside the row's window [Lo, Hi].
    """
    cols = [
        Column("Name", width=34),
        Column("Category", width=18),
        Column("Amount", "money", comment="Per occurrence, signed: costs negative, income positive."),
        Column("Frequency", choices=FREQUENCIES, comment="weekly, monthly, quarterly, yearly or once."),
        Column("Day", "integer", comment="weekly: 1 (Monday) .. 7 (Sunday); otherwise day of the month 1..31 "
                                         "(a short month uses its last day). Empty: 1."),
        Column("Month", "integer", comment="quarterly: a month of the cycle (1..12); yearly: the month. Empty: 1."),
        Column("Start", "date", comment="First date an occurrence may fall on (once: the date itself)."),
        Column("End", "date", comment="Last date an occurrence may fall on; empty: no end."),
        Column("Fixed", choices=YES_NO, comment="yes: a fixed cost (the cash-buffer trigger counts it)."),
        Column("Lo", "date", formula=f'=MAX({START},N([@Start]))',
               comment="First date of the window: the later of week 1's Monday and Start."),
        Column("Hi", "date", formula=f'=IF([@End]="",{WINDOW_END},MIN({WINDOW_END},[@End]))',
               comment="Last date of the window."),
        Column("Interval", "integer",
               formula='=IF([@Frequency]="monthly",1,IF([@Frequency]="quarterly",3,IF([@Frequency]="yearly",12,0)))'),
        Column("DayN", "integer", formula='=IF([@Day]="",1,[@Day])'),
        Column("Anchor", "integer", formula='=IF([@Frequency]="monthly",1,IF([@Month]="",1,[@Month]))'),
        Column("MonthlyFixed", "money",
               formula=f'=IF(AND([@Fixed]="yes",OR([@Start]="",[@Start]<={defined("HorizonEnd")}),'
                       f'OR([@End]="",[@End]>={START})),-N([@Amount])*IF([@Frequency]="weekly",365/84,'
                       'IF([@Interval]>0,1/[@Interval],0)),0)',
               comment="Monthly fixed cost of this row (section 8: weekly 365/84, monthly 1, quarterly 1/3, "
                       "yearly 1/12, once 0)."),
    ]
    for k in range(1, weeks + 1):
        cols.append(Column(f"W{k}", "money", formula="=" + _recurring_week(k), width=11))
    return tuple(cols)


def _recurring_week(k: int) -> str:
    """The amount of a Recurring row's occurrences in week ``k`` (a calculated column)."""
    s = f"({START}+{7 * (k - 1)})" if k > 1 else START
    e = f"({START}+{7 * (k - 1) + 6})"

    def inside(date: str) -> str:
        return f"({date}>=MAX({s},[@Lo]))*({date}<=MIN({e},[@Hi]))"

    def in_month(anchor_day: str) -> str:
        # the occurrence in the month of ``anchor_day`` (section 5), when that month is in the cycle
        date = f"DATE(YEAR({anchor_day}),MONTH({anchor_day}),MIN([@DayN],DAY(EOMONTH({anchor_day},0))))"
        cycle = f"(MOD(MONTH({anchor_day})-[@Anchor],MAX(1,[@Interval]))=0)"
        return f"{cycle}*{inside(date)}"

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
    first_week_day = f"{START}+MOD({dayn}-WEEKDAY({START},2),7)"
    month_start = f"DATE(YEAR({START}),MONTH({START})+[@N],1)"
    month_date = f"DATE(YEAR([@MonthStart]),MONTH([@MonthStart]),MIN({dayn},DAY(EOMONTH([@MonthStart],0))))"
    return (
        Column("N", "integer", comment="Occurrence number (weekly) or month number from week 1's month."),
        Column("MonthStart", "date", formula=f"={month_start}"),
        Column("Date", "date",
               formula=f'=IF({freq}="weekly",IF({first_week_day}+7*[@N]<={WINDOW_END},{first_week_day}+7*[@N],""),'
                       f'IF(AND({interval}>0,MOD(MONTH([@MonthStart])-{anchor},MAX(1,{interval}))=0,'
                       f'{month_date}>={START},{month_date}<={WINDOW_END}),{month_date},""))',
               comment="The occurrence date, empty when there is none in this row."),
        Column("Amount", "money",
               formula=f'=IF([@Date]="","",N({defined("SalesAmount")})*INDEX(Settings_Seasonality,MONTH([@Date])))',
               comment="Plan amount x the seasonality of the invoice month."),
        Column("BaseDate", "date", formula=f'=IF([@Date]="","",[@Date]+{defined("SalesCollectionDays")})'),
    )


def sales_plan_rows(weeks: int) -> int:
    """How many occurrence rows the SalesPlan needs: the most weeks or months the window can hold.

    The window runs from week 1's Monday to the later of the horizon's last day and the end of the
    12th month: at most ``max(7 * weeks, 366)`` days, so ``max(weeks, 53) + 1`` weekly occurrences
    and ``max(weeks * 7 // 28 + 2, 13)`` months.

    >>> sales_plan_rows(13)
    54
    """
    return max(max(weeks, 53) + 1, weeks * 7 // 28 + 2, 13)


SCENARIO_COLUMNS = (
    Column("Scenario", width=16, comment="Name of the scenario; base is the default run."),
    Column("RevenueChange", "percent", comment="-0.15 = 15% less revenue (sales plan and Sales, revenue-linked "
                                               "bank categories)."),
    Column("CollectionDelayDays", "integer", comment="Customers pay this many days later (negative: earlier)."),
    Column("PaymentDelayDays", "integer", comment="We pay suppliers this many days later (negative: earlier)."),
    Column("InterestRateChange", "percent", comment="Added to the overdraft rate (0.01 = +1 point)."),
)

ONE_OFF_COLUMNS = (
    Column("Scenario", width=16, comment="The scenario this one-off item belongs to."),
    Column("Date", "date"),
    Column("Amount", "money", comment="Signed: receipts positive, payments negative."),
    Column("Category", width=16),
    Column("Description", width=30),
)

HISTORY_COLUMNS = (
    Column("Month", comment="YYYY-MM, oldest first."),
    Column("Revenue", "money"),
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
    if category in (None, RECEIVABLES):
        terms.append(f"SUMIFS(Receivables[Amount],{shifted('Receivables[BaseDate]', w, p.collection_delay)},"
                     f"Receivables[Amount],{sign})")
    if category in (None, SALES):
        terms.append(f"{growth}*(SUMIFS(Sales[Amount],{shifted('Sales[BaseDate]', w, p.collection_delay)},"
                     f"Sales[Amount],{sign})+SUMIFS(SalesPlan[Amount],"
                     f"{shifted('SalesPlan[BaseDate]', w, p.collection_delay)},SalesPlan[Amount],{sign}))")
    if category in (None, PAYABLES):
        terms.append(f"-SUMIFS(Payables[Amount],{shifted('Payables[DueDate]', w, p.payment_delay)},"
                     f"Payables[Amount],{opposite})")
    by_cat = "" if category is None else f"Recurring[Category],{exact(category)},"
    terms.append(f"SUMIFS(Recurring[W{w.index}],{by_cat}Recurring[W{w.index}],{sign})")
    by_cat = "" if category is None else f"Projections[Category],{exact(category)},"
    projected = f"SUMIFS(Projections[WeeklyAmount],{by_cat}Projections[WeeklyAmount],{sign}"
    terms.append(f'{growth}*{projected},Projections[RevenueLinked],"yes")+{projected},Projections[RevenueLinked],"<>yes")')
    by_cat = "" if category is None else f"OneOffs[Category],{exact(category)},"
    terms.append(f"SUMIFS(OneOffs[Amount],OneOffs[Scenario],{exact_expr(one_off_name)},{by_cat}"
                 f"{shifted('OneOffs[Date]', w, None)},OneOffs[Amount],{sign})")
    return terms


def flow_lines(receipt_categories: Sequence[str], payment_categories: Sequence[str],
               labels: Callable[[str], str] = lambda c: c) -> list[Line]:
    """The receipt rows then the payment rows of a forecast block, each with its catch-all row.

    The catch-all (``OTHER``) is the side's total over every source minus the listed rows: it is 0
    for a workbook as generated, and holds the flows of categories the user adds later.
    """
    lines: list[Line] = []
    for side, cats in (("receipts", receipt_categories), ("payments", payment_categories)):
        prefix = "r" if side == "receipts" else "p"
        for c in cats:
            lines.append(Line(f"{prefix}.{c}", labels(c), side,
                              lambda p, w, blk, side=side, c=c: "+".join(_source_terms(side, p, w, c, p.name))))
        listed = [f"line.{prefix}.{c}" for c in cats]

        def other(p: Params, w: Week, blk, side=side, listed=listed) -> str:
            total = "+".join(_source_terms(side, p, w, None, p.name))
            if not listed:
                return total
            first, last = blk.rows[listed[0]].cell(w.index - 1), blk.rows[listed[-1]].cell(w.index - 1)
            return f"{total}-SUM({first}:{last})"

        lines.append(Line(f"{prefix}.{OTHER}", labels(OTHER), side, other))
    return lines
