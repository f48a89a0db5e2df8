"""The workbook's payroll (docs/forecast-model.md section 14): the Payroll table and its monthly payments.

The engine's twin is :mod:`xlcapital.forecast.payroll`. The workbook computes it in two steps:

- the **Payroll** table (one row per employee or group, typed by the user) gets helper columns per
  row: the month's wage ``Monthly = employees x gross``, the employment window (``From``, ``Until``:
  0 and 31-12-9999 when empty), the shares of the wage that go to the employee (``NetShare = 1 - t -
  pe``), to the Belastingdienst (``TaxShare = t + e``) and to the pension fund (``PensionShare = pe +
  pr``), the holiday-allowance rate and the 13th month (1/0), and the employer's ``MonthlyCost`` (a
  fixed cost on the Dashboard);
- the helper sheet **PayrollMonths** has one row per calendar month, from 13 months before the first
  day counted (the holiday year and the 13th month reach back 12 months, and the loonheffingen of the
  month before the first day counted are paid after it) to the end of the view. Per month the wages
  of the rows employed in it are summed with SUMPRODUCT; the holiday allowance is the SUMIFS of the
  months June .. May up to the holiday month, the 13th month a twelfth of the 12 months up to its
  month. Each month pays ``NetPay`` on ``PayDate``, ``Tax`` (loonheffingen) on ``TaxDate`` (the end
  of the next month) and ``Pension`` on ``PensionDate``.

A forecast line sums these by date in the period (:func:`flow_term`): the same for every scenario and
stress test (payroll moves with neither revenue nor payment delays).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from xlcapital.forecast import schema as sc
from xlcapital.forecast.payroll import (CATEGORIES, DEFAULT_HOLIDAY_RATE, HOLIDAY_YEAR_END, PAYROLL_TAXES, PENSION,
                                       SALARIES, month_start)
from xlcapital.forecast.schedule import day_in_month, eomonth
from xlcapital.workbook.settings import defined
from xlcapital.workbook.tables import Column, TableSheet

#: the months PayrollMonths starts before the month of the first day counted
MONTHS_BEFORE = 13
#: the empty End of a Payroll row: Excel's last date (31 December 9999)
NO_END = 2958465
_EMPLOYED = "(Payroll[From]<=[@MonthEnd])*(Payroll[Until]>=[@MonthStart])"


def _sum(*columns: str) -> str:
    """``SUMPRODUCT`` of the Payroll columns times "employed in this month"."""
    return "=SUMPRODUCT(" + "*".join(f"Payroll[{c}]" for c in columns) + f"*{_EMPLOYED})"


def _holiday(column: str) -> str:
    """In the holiday month, the holiday year's (June .. May) sum of ``column``; else 0."""
    m = "[@MonthStart]"
    return (f"IF(MONTH({m})={defined('HolidayMonth')},SUMIFS(PayrollMonths[{column}],"
            f'PayrollMonths[MonthStart],">="&DATE(YEAR({m})-1,{HOLIDAY_YEAR_END + 1},1),'
            f'PayrollMonths[MonthStart],"<="&DATE(YEAR({m}),{HOLIDAY_YEAR_END},1)),0)')


def _thirteenth(column: str) -> str:
    """In the 13th-month month, a twelfth of the last 12 months' sum of ``column``; else 0."""
    m = "[@MonthStart]"
    return (f"IF(MONTH({m})={defined('ThirteenthMonthPaid')},SUMIFS(PayrollMonths[{column}],"
            f'PayrollMonths[MonthStart],">="&DATE(YEAR({m}),MONTH({m})-11,1),PayrollMonths[MonthStart],"<="&{m})/12,0)')


def table_columns(columns) -> tuple[Column, ...]:
    """The Payroll table: the schema's input columns (``columns``: model.columns of the schema) and the helpers."""
    return (
        *columns,
        Column("Monthly", "money", formula='=IF([@Employees]="",1,[@Employees])*N([@Gross])',
               comment="The row's wage of a month: employees x gross.",
               comment_nl="Het loon van de regel per maand: aantal medewerkers x bruto.", name_nl="Maandloon"),
        Column("From", "date", formula="=N([@Start])", comment="Start (0 when empty).",
               comment_nl="In dienst vanaf (0 als leeg).", name_nl="Vanaf"),
        Column("Until", "date", formula=f'=IF([@End]="",{NO_END},[@End])', comment="End (31-12-9999 when empty).",
               comment_nl="In dienst tot (31-12-9999 als leeg).", name_nl="Tot"),
        Column("NetShare", "percent", formula="=1-N([@WageTaxRate])-N([@EmployeePension])",
               comment="What the employee is paid of the wage: 1 - wage tax - employee's pension.",
               comment_nl="Wat de werknemer van het loon uitbetaald krijgt: 1 - loonheffing - pensioen werknemersdeel.",
               name_nl="DeelNetto"),
        Column("TaxShare", "percent", formula="=N([@WageTaxRate])+N([@EmployerPremiums])",
               comment="Loonheffingen on the wage: the tax withheld + the employer's premiums.",
               comment_nl="Loonheffingen over het loon: de ingehouden loonheffing + de werkgeverspremies.",
               name_nl="DeelHeffingen"),
        Column("PensionShare", "percent", formula="=N([@EmployeePension])+N([@EmployerPension])",
               comment="Pension premiums on the wage: employee's + employer's part.",
               comment_nl="Pensioenpremie over het loon: werknemersdeel + werkgeversdeel.", name_nl="DeelPensioen"),
        Column("KeepShare", "percent", formula="=1-N([@WageTaxRate])",
               comment="What the employee is paid of holiday allowance and a 13th month (no pension on them).",
               comment_nl="Wat de werknemer van vakantiegeld en dertiende maand uitbetaald krijgt (geen pensioen daarover).",
               name_nl="DeelUitbetaald"),
        Column("Holiday", "percent", formula=f'=IF([@HolidayAllowance]="",{DEFAULT_HOLIDAY_RATE},[@HolidayAllowance])',
               comment="The holiday-allowance rate (8 % when empty).",
               comment_nl="Het percentage vakantiegeld (8 % als leeg).", name_nl="PctVakantiegeld"),
        Column("Thirteenth", "integer", formula='=IF([@ThirteenthMonth]="yes",1,0)', comment="1: a 13th month.",
               comment_nl="1: een dertiende maand.", name_nl="Dertiende"),
        Column("MonthlyCost", "money",
               formula=f"=IF(AND([@From]<={defined('HorizonEnd')},[@Until]>={defined('Start')}),[@Monthly]*"
                       "((1+[@Holiday]+[@Thirteenth]/12)*(1+N([@EmployerPremiums]))+N([@EmployerPension])),0)",
               comment="The employer's cost of a month when employed in the forecast's weeks: wage x ((1 + holiday "
                       "+ 13th/12) x (1 + premiums) + employer's pension). A fixed cost (Dashboard).",
               comment_nl="De kosten van de werkgever per maand bij een dienstverband in de prognoseweken: loon x "
                          "((1 + vakantiegeld + 13e/12) x (1 + premies) + pensioen werkgeversdeel). Vaste kosten (Dashboard).",
                          name_nl="Maandkosten"),
    )


MONTH_COLUMNS = (
    Column("N", "integer", comment=f"Month number, from {MONTHS_BEFORE} months before the first day counted.",
               comment_nl=f"Maandnummer, vanaf {MONTHS_BEFORE} maanden voor de eerste getelde dag."),
    Column("MonthStart", "date",
           formula=f"=DATE(YEAR({defined('FirstDay')}),MONTH({defined('FirstDay')})-{MONTHS_BEFORE}+[@N],1)",
           name_nl="Maandbegin"),
    Column("MonthEnd", "date", formula="=EOMONTH([@MonthStart],0)", name_nl="Maandeinde"),
    Column("PayDate", "date",
           formula=f"=DATE(YEAR([@MonthStart]),MONTH([@MonthStart]),MIN({defined('PayDay')},DAY([@MonthEnd])))",
           name_nl="Betaaldatum"),
    Column("NetPay", "money", formula="=[@NetBase]+[@HolidayPay]+[@ThirteenthPay]",
           comment="Net pay on the pay day, with the holiday allowance and the 13th month in their months.",
               comment_nl="Nettoloon op de betaaldag, met vakantiegeld en dertiende maand in hun maanden.",
               name_nl="Nettoloon"),
    Column("TaxDate", "date", formula="=EOMONTH([@MonthStart],1)", comment="Loonheffingen: the end of the next month.",
               comment_nl="Loonheffingen: het eind van de volgende maand.", name_nl="Heffingdatum"),
    Column("Tax", "money", formula=f"=[@TaxBase]+{_holiday('HolidayTax')}+{_thirteenth('ThirteenthTax')}",
           comment="The month's loonheffingen (tax withheld + employer's premiums), one payment to the Belastingdienst.",
               comment_nl="De loonheffingen van de maand (ingehouden loonheffing + werkgeverspremies), een betaling aan de Belastingdienst.",
               name_nl="Loonheffingen"),
    Column("PensionDate", "date", formula=f"=EOMONTH([@MonthStart],N({defined('PensionLag')}))",
           name_nl="Pensioendatum"),
    Column("Pension", "money", formula=_sum("Monthly", "PensionShare"), name_nl="Pensioen"),
    Column("Wages", "money", formula=_sum("Monthly"), comment="Gross wages of the rows employed in the month.",
               comment_nl="Brutoloon van de regels die in de maand in dienst zijn.", name_nl="Brutoloon"),
    Column("NetBase", "money", formula=_sum("Monthly", "NetShare"), name_nl="NettoBasis"),
    Column("TaxBase", "money", formula=_sum("Monthly", "TaxShare"), name_nl="HeffingBasis"),
    Column("HolidayNet", "money", formula=_sum("Monthly", "Holiday", "KeepShare"),
           comment="This month's wages' holiday allowance, net.",
               comment_nl="Het vakantiegeld over het loon van deze maand, netto.", name_nl="VakantiegeldNetto"),
    Column("HolidayTax", "money", formula=_sum("Monthly", "Holiday", "TaxShare"), name_nl="VakantiegeldHeffing"),
    Column("ThirteenthNet", "money", formula=_sum("Monthly", "Thirteenth", "KeepShare"), name_nl="DertiendeNetto"),
    Column("ThirteenthTax", "money", formula=_sum("Monthly", "Thirteenth", "TaxShare"), name_nl="DertiendeHeffing"),
    # the two extras of NetPay on their own: the look-ahead lists them as payments of their own
    Column("HolidayPay", "money", formula="=" + _holiday("HolidayNet"),
           comment="The holiday allowance paid (net) in this month: the holiday year's, in the holiday month.",
           comment_nl="Het vakantiegeld dat deze maand (netto) wordt betaald: dat van het vakantiejaar, in de "
                      "vakantiegeldmaand.", name_nl="VakantiegeldBetaald"),
    Column("ThirteenthPay", "money", formula="=" + _thirteenth("ThirteenthNet"),
           comment="The 13th month paid (net) in this month.",
           comment_nl="De dertiende maand die deze maand (netto) wordt betaald.", name_nl="DertiendeBetaald"),
)
#: per forecast row: (PayrollMonths amount column, its date column)
_PAID = {SALARIES: ("NetPay", "PayDate"), PAYROLL_TAXES: ("Tax", "TaxDate"), PENSION: ("Pension", "PensionDate")}


def month_rows(weeks: int) -> int:
    """PayrollMonths' rows: 13 months back, the first day counted's month (up to 31 days before the
    start) and every month to the end of the view (the later of 8 weeks after the horizon and the
    12th month), with one to spare.

    >>> month_rows(13)
    29
    """
    return MONTHS_BEFORE + max((weeks + 8) * 7 // 28 + 3, 14) + 2


def flow_term(side: str, start: str, end: str, category: str | None) -> str | None:
    """The payroll paid in ``[start, end]`` on a forecast row (``category`` None: every payroll row);
    None for a row payroll does not pay on. Amounts in PayrollMonths are costs (positive): a payment."""
    kinds = CATEGORIES if category is None else [c for c in CATEGORIES if c == category]
    if not kinds:
        return None
    sign = '">0"' if side == "payments" else '"<0"'
    return "-(" + "+".join(
        f'SUMIFS(PayrollMonths[{amount}],PayrollMonths[{day}],">="&{start},PayrollMonths[{day}],"<="&{end},'
        f"PayrollMonths[{amount}],{sign})" for amount, day in (_PAID[k] for k in kinds)) + ")"


def tables(inputs, columns, row) -> list[TableSheet]:
    """The Payroll table (``row(schema table, item)``: a row's input cells) and PayrollMonths."""
    return [
        TableSheet("Payroll", "Payroll", table_columns(columns), [row(sc.PAYROLL, e) for e in inputs.payroll],
                   title="Payroll (employees and groups)",
                   note="One row per employee or group; a raise or a new hire is a row that starts, a leaver a row "
                        "that ends. Pay day, holiday month and 13th month are on Settings."),
        TableSheet("PayrollMonths", "PayrollMonths", MONTH_COLUMNS,
                   [(j,) for j in range(month_rows(inputs.settings.weeks))], title="Payroll by month",
                   note="Calculated from the Payroll table and Settings: do not edit.", editable=False),
    ]


#: the sums per month of PayrollMonths: what each Payroll row adds of its wage (the column it multiplies by)
MONTH_SUMS = {"Wages": lambda r: 1, "NetBase": lambda r: r.net_share, "TaxBase": lambda r: r.tax_share,
              "HolidayNet": lambda r: r.holiday_rate * r.keep_share, "HolidayTax": lambda r: r.holiday_rate * r.tax_share,
              "ThirteenthNet": lambda r: r.thirteenth_month * r.keep_share,
              "ThirteenthTax": lambda r: r.thirteenth_month * r.tax_share, "Pension": lambda r: r.pension_share}


def cell_values(inputs, cells, first: date) -> dict[str, list]:
    """The value of every formula cell of Payroll and PayrollMonths, from the engine's rows
    (:class:`xlcapital.forecast.payroll.Employee`: wage by month, shares, monthly cost); the
    holiday allowance and 13th month of a month sum the table's months as the formula does."""
    s = inputs.settings
    rows = inputs.payroll
    blank = len(cells["table.Payroll.Monthly"]) - len(rows)  # the empty row a table keeps to type into
    last = s.start + timedelta(days=7 * s.weeks - 1)
    out: dict[str, list] = {
        "table.Payroll.Monthly": [r.employees * r.gross for r in rows] + [0] * blank,
        "table.Payroll.From": [r.start or 0 for r in rows] + [0] * blank,
        "table.Payroll.Until": [r.end or NO_END for r in rows] + [NO_END] * blank,
        "table.Payroll.NetShare": [r.net_share for r in rows] + [1] * blank,
        "table.Payroll.TaxShare": [r.tax_share for r in rows] + [0] * blank,
        "table.Payroll.PensionShare": [r.pension_share for r in rows] + [0] * blank,
        "table.Payroll.KeepShare": [r.keep_share for r in rows] + [1] * blank,
        "table.Payroll.Holiday": [r.holiday_rate for r in rows] + [DEFAULT_HOLIDAY_RATE] * blank,
        "table.Payroll.Thirteenth": [int(r.thirteenth_month) for r in rows] + [0] * blank,
        "table.Payroll.MonthlyCost": [r.monthly_cost() if r.employed_between(s.start, last) else 0 for r in rows]
                                     + [0] * blank,
    }
    p = inputs.payroll_settings
    # DATE(YEAR(FirstDay), MONTH(FirstDay) - 13 + N, 1)
    starts = [month_start(first, j - MONTHS_BEFORE) for j in range(len(cells["table.PayrollMonths.N"]))]
    cols: dict[str, list] = {name: [sum((r.wage(m) * share(r) for r in rows), Decimal(0)) for m in starts]
                             for name, share in MONTH_SUMS.items()}
    cols.update(MonthStart=starts, MonthEnd=[eomonth(m, 0) for m in starts],
                PayDate=[day_in_month(m.year, m.month, p.pay_day) for m in starts],
                TaxDate=[eomonth(m, 1) for m in starts], PensionDate=[eomonth(m, p.pension_lag) for m in starts])

    def in_months(column: str, lo: date, hi: date) -> Decimal:
        return sum((x for x, m in zip(cols[column], starts) if lo <= m <= hi), Decimal(0))

    def holiday(column: str) -> list:
        """The formula of :func:`_holiday`: the holiday year's sum in the holiday month."""
        return [in_months(column, date(m.year - 1, HOLIDAY_YEAR_END + 1, 1), date(m.year, HOLIDAY_YEAR_END, 1))
                if m.month == p.holiday_month else Decimal(0) for m in starts]

    def thirteenth(column: str) -> list:
        """The formula of :func:`_thirteenth`: a twelfth of the last 12 months in the 13th-month month."""
        return [in_months(column, month_start(m, -11), m) / 12 if m.month == p.thirteenth_month else Decimal(0)
                for m in starts]

    cols["HolidayPay"], cols["ThirteenthPay"] = holiday("HolidayNet"), thirteenth("ThirteenthNet")
    cols["NetPay"] = [b + h + t for b, h, t in zip(cols["NetBase"], cols["HolidayPay"], cols["ThirteenthPay"])]
    cols["Tax"] = [b + h + t for b, h, t in zip(cols["TaxBase"], holiday("HolidayTax"), thirteenth("ThirteenthTax"))]
    out.update({f"table.PayrollMonths.{name}": values for name, values in cols.items()})
    return out
