"""Payroll as Dutch employers pay it: net pay, loonheffingen, pension, holiday allowance, 13th month.

docs/forecast-model.md section 14. One row of payroll.csv is an employee or a group of
``employees`` with the same gross monthly salary, employed from ``start`` to ``end`` (empty: no
bound); a salary change or a new hire is a row that starts, a leaver a row that ends. A row counts
for a whole wage month (a calendar month) when it is employed on any day of it.

Per wage month M, with ``W_r(M) = employees x gross`` of each row r employed in M, its wage-tax
withholding rate ``t``, pension rates ``pe`` (employee) and ``pr`` (employer) and employer premiums
rate ``e`` (WW, WIA, Zvw: the premiums the employer pays on top of the wage)::

    net pay (Salaries)            SUM W_r (1 - t - pe)        on the pay day of M
    loonheffingen (Payroll taxes) SUM W_r (t + e)             on EOMONTH(M, 1): the aangifte loonheffingen
                                                              of a month is paid by the end of the next
    pension (Pension)             SUM W_r (pe + pr)           on EOMONTH(M, pension_lag)

Holiday allowance (vakantiegeld), paid in ``holiday_month`` (May or June) of year Y: ``h`` (default 8 %)
of the wages of the holiday year June Y-1 .. May Y, ``A_r = h x SUM W_r(June Y-1 .. May Y)``; the
employee gets ``A_r (1 - t)`` on that month's pay day, the loonheffingen ``A_r (t + e)`` are paid with
that month's (end of the next month). No pension is withheld on it. The 13th month (rows with
``thirteenth_month``), paid in ``thirteenth_month`` (default December) of its year: a twelfth of the
wages of the 12 months up to and including it, ``X_r = SUM W_r(M-11 .. M) / 12``, likewise.

>>> from datetime import date
>>> staff = [Employee("Warehouse", Decimal(3000), 2, wage_tax_rate=Decimal("0.2"), employee_pension_rate=Decimal("0.05"),
...                   employer_pension_rate=Decimal("0.1"), employer_premium_rate=Decimal("0.15"))]
>>> [(p.category, str(p.date), p.amount) for p in payments(staff, PayrollSettings(), date(2026, 4, 1), date(2026, 4, 30))]
[('Salaries', '2026-04-25', Decimal('-4500.00')), ('Payroll taxes', '2026-04-30', Decimal('-2100.00')), ('Pension', '2026-04-30', Decimal('-900.00'))]

(6,000 of wages: 6,000 x 0.75 net on 25 April; March's 6,000 x 0.35 loonheffingen on 30 April; April's
6,000 x 0.15 pension on 30 April.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xlcapital.forecast import messages as say
from xlcapital.forecast.schedule import day_in_month, eomonth

ZERO = Decimal(0)
#: the rows of the forecast payroll pays on (one source: the engine, the workbook and the CLI use these)
SALARIES, PAYROLL_TAXES, PENSION = "Salaries", "Payroll taxes", "Pension"
CATEGORIES = (SALARIES, PAYROLL_TAXES, PENSION)
#: the holiday year (vakantiejaar) ends in May: holiday allowance paid in year Y is of June Y-1 .. May Y
HOLIDAY_YEAR_END = 5
DEFAULT_HOLIDAY_RATE = Decimal("0.08")
#: each kind of payroll payment: its category (forecast row) and its name as a Dutch payslip and bank
#: statement give it, of the wage month (``{month}``: YYYY-MM; ``{year}``); the workbook's look-ahead
#: builds its formulas from these templates
KINDS = {
    "net pay": (SALARIES, "Nettoloon {month}"),
    "holiday allowance": (SALARIES, "Vakantiegeld {year}"),
    "13th month": (SALARIES, "Dertiende maand {year}"),
    "loonheffingen": (PAYROLL_TAXES, "Loonheffingen {month} (Belastingdienst)"),
    "pension": (PENSION, "Pensioenpremies {month}"),
}


def payment_name(kind: str, month: date) -> str:
    """The name of a payment of ``kind`` for wage month ``month``.

    >>> payment_name("loonheffingen", date(2026, 3, 1)), payment_name("holiday allowance", date(2026, 5, 1))
    ('Loonheffingen 2026-03 (Belastingdienst)', 'Vakantiegeld 2026')
    """
    return KINDS[kind][1].format(month=f"{month:%Y-%m}", year=month.year)


@dataclass(frozen=True)
class Employee:
    """One row of payroll.csv: ``employees`` people on a gross monthly salary of ``gross`` each."""

    name: str
    gross: Decimal
    employees: int = 1
    start: date | None = None
    end: date | None = None
    #: loonheffing withheld from the wage, as a share of it (one rate for the wage-tax tables)
    wage_tax_rate: Decimal = ZERO
    employee_pension_rate: Decimal = ZERO
    employer_pension_rate: Decimal = ZERO
    #: the employer's social premiums (WW, WIA/WAO, Zvw) on top of the wage
    employer_premium_rate: Decimal = ZERO
    holiday_rate: Decimal = DEFAULT_HOLIDAY_RATE
    thirteenth_month: bool = False
    line: int | None = None

    def wage(self, month: date) -> Decimal:
        """``W(M) = employees x gross`` when employed on any day of the month of ``month``, else 0."""
        employed = (self.start is None or self.start <= eomonth(month, 0)) and (
            self.end is None or self.end >= month.replace(day=1))
        return self.employees * self.gross if employed else ZERO

    def wages(self, first: date, months: int) -> Decimal:
        """The wages of ``months`` calendar months from the month of ``first`` on."""
        return sum((self.wage(month_start(first, k)) for k in range(months)), ZERO)

    def employed_between(self, first: date, last: date) -> bool:
        """Employed on a day of ``[first, last]``."""
        return (self.start is None or self.start <= last) and (self.end is None or self.end >= first)

    @property
    def net_share(self) -> Decimal:
        """What the employee is paid of the wage: ``1 - t - pe``."""
        return 1 - self.wage_tax_rate - self.employee_pension_rate

    @property
    def tax_share(self) -> Decimal:
        """The loonheffingen on a wage: withheld tax plus the employer's premiums, ``t + e``."""
        return self.wage_tax_rate + self.employer_premium_rate

    @property
    def pension_share(self) -> Decimal:
        return self.employee_pension_rate + self.employer_pension_rate

    @property
    def keep_share(self) -> Decimal:
        """What the employee is paid of holiday allowance and a 13th month: ``1 - t`` (no pension on them)."""
        return 1 - self.wage_tax_rate

    def monthly_cost(self) -> Decimal:
        """The employer's cost of a month: ``W ((1 + h + x/12)(1 + e) + pr)`` (x = 1 with a 13th month),
        the wage with its share of holiday allowance and 13th month, the premiums on them and the
        employer's pension premium."""
        extra = self.holiday_rate + (Decimal(1) / 12 if self.thirteenth_month else ZERO)
        return self.employees * self.gross * ((1 + extra) * (1 + self.employer_premium_rate) + self.employer_pension_rate)


@dataclass(frozen=True)
class PayrollSettings:
    """``[payroll]`` of forecast.toml: when the company pays."""

    pay_day: int = 25
    holiday_month: int = 5
    thirteenth_month: int = 12
    #: months after the wage month whose last day the pension fund collects (0: the wage month itself)
    pension_lag: int = 0


@dataclass(frozen=True)
class Payment:
    """One dated payroll payment (negative: money out)."""

    kind: str
    #: what the payment is, in the words of a Dutch payslip and bank statement (Nettoloon 2026-04,
    #: Vakantiegeld 2026, Dertiende maand 2026, Loonheffingen 2026-03 (Belastingdienst), Pensioenpremies 2026-04)
    ref: str
    party: str
    category: str
    date: date
    amount: Decimal


def month_start(d: date, k: int = 0) -> date:
    """The first day of the month ``k`` months after the month of ``d`` (Excel's ``DATE(Y, M + k, 1)``).

    >>> month_start(date(2026, 1, 31), -13), month_start(date(2026, 1, 31), 1)
    (datetime.date(2024, 12, 1), datetime.date(2026, 2, 1))
    """
    return eomonth(d, k).replace(day=1)


def holiday_allowance(row: Employee, year: int) -> Decimal:
    """``h x`` the wages of the holiday year June ``year - 1`` .. May ``year`` (gross).

    >>> holiday_allowance(Employee("A", Decimal(3000), start=date(2025, 3, 1)), 2026)   # 12 months
    Decimal('2880.00')
    >>> holiday_allowance(Employee("A", Decimal(3000), start=date(2025, 12, 15)), 2026)  # Dec .. May
    Decimal('1440.00')
    """
    return row.holiday_rate * row.wages(date(year - 1, HOLIDAY_YEAR_END + 1, 1), 12)


def thirteenth_month(row: Employee, month: date) -> Decimal:
    """A twelfth of the wages of the 12 months up to and including the month of ``month`` (0 without one)."""
    return row.wages(month_start(month, -11), 12) / 12 if row.thirteenth_month else ZERO


def payments(rows: list[Employee], settings: PayrollSettings, first: date, end: date) -> list[Payment]:
    """The payroll payments dated in ``[first, end]``, by wage month, then net pay, loonheffingen, pension.

    Wage months run from the month before ``first`` (its loonheffingen are paid in ``first``'s
    month) to the month of ``end``; amounts are summed over the rows, one payment per kind and month.
    """
    out: list[Payment] = []
    if not rows:
        return out
    month = month_start(first, -1)
    while month <= end:
        pay_day = day_in_month(month.year, month.month, settings.pay_day)
        net = sum((r.wage(month) * r.net_share for r in rows), ZERO)
        tax = sum((r.wage(month) * r.tax_share for r in rows), ZERO)
        pension = sum((r.wage(month) * r.pension_share for r in rows), ZERO)
        dated = [("net pay", pay_day, net)]
        if month.month == settings.holiday_month:
            allowance = [(r, holiday_allowance(r, month.year)) for r in rows]
            dated.append(("holiday allowance", pay_day, sum((a * r.keep_share for r, a in allowance), ZERO)))
            tax += sum((a * r.tax_share for r, a in allowance), ZERO)
        if month.month == settings.thirteenth_month:
            bonus = [(r, thirteenth_month(r, month)) for r in rows]
            dated.append(("13th month", pay_day, sum((x * r.keep_share for r, x in bonus), ZERO)))
            tax += sum((x * r.tax_share for r, x in bonus), ZERO)
        dated.append(("loonheffingen", eomonth(month, 1), tax))
        dated.append(("pension", eomonth(month, settings.pension_lag), pension))
        out += [Payment(kind, payment_name(kind, month), "", KINDS[kind][0], when, -amount)
                for kind, when, amount in dated if amount and first <= when <= end]
        month = month_start(month, 1)
    return sorted(out, key=lambda p: (p.date, CATEGORIES.index(p.category)))


def monthly_cost(rows: list[Employee], first: date, last: date) -> Decimal:
    """The employer's monthly cost (:meth:`Employee.monthly_cost`) of the rows employed on a day of
    ``[first, last]``: a fixed cost for the cash-buffer KPI and trigger."""
    return sum((r.monthly_cost() for r in rows if r.employed_between(first, last)), ZERO)


def check(row: Employee) -> tuple[str, str, str] | None:
    """What is wrong with a row beyond its single values, as (field, message, hint); None: nothing."""
    if row.start and row.end and row.end < row.start:
        return "end", say.END_BEFORE_START(), say.CORRECT_THE_ROW()
    if row.wage_tax_rate + row.employee_pension_rate > 1:
        return "wage_tax_rate", say.NOTHING_LEFT_TO_PAY(), say.RATES_ARE_SHARES()
    return None


__all__ = ["Employee", "PayrollSettings", "Payment", "payments", "KINDS", "payment_name", "holiday_allowance", "thirteenth_month",
           "monthly_cost", "month_start", "check", "SALARIES", "PAYROLL_TAXES", "PENSION", "CATEGORIES"]
