"""VAT (btw): the returns a Dutch business files and when their balance is paid or refunded.

Each filing period (a calendar month, quarter or year) has one return: the VAT charged on the
invoices dated in it (output VAT, *verschuldigde btw*) minus the VAT on the costs dated in it
(input VAT, *voorbelasting*). Its balance is paid, or refunded, on the last day of the month after
the period (``EOMONTH(period end, 1)``: Q1 on 30 April). docs/forecast-model.md, section "VAT".

The VAT of a line is ``amount x r / (1 + r)`` when the amount includes VAT (invoices, bills, bank
amounts: always) and ``amount x r`` for a sales plan declared excluding VAT. Rate codes: ``21``,
``9``, ``0`` (zero-rated: no VAT charged, costs still deductible), ``exempt`` (vrijgesteld) and
``reverse`` (verlegd: the buyer accounts for it; on a purchase charged and deducted in the same
return): the last three add nothing to a return.

>>> vat_part(Decimal("121"), "21")
Decimal('21')
>>> vat_part(Decimal("100"), "21", included=False)
Decimal('21.00')
>>> period_of(date(2025, 2, 14), "quarterly"), due_date(date(2025, 3, 31))
((datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)), datetime.date(2025, 4, 30))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Iterable, Mapping

from xlcapital.forecast.schedule import eomonth, occurrences

ZERO = Decimal(0)
#: the row VAT payments and refunds are shown on
VAT = "VAT"
#: how often returns are filed ("none": no VAT engine, the folder's own VAT items stand)
FILINGS = ("none", "monthly", "quarterly", "yearly")
#: sales amounts of the plan and the Sales table: including or excluding VAT
AMOUNTS = ("incl", "excl")
#: the rate codes and their rates (0, exempt and reverse charge add nothing to a return)
RATES = {"21": Decimal("0.21"), "9": Decimal("0.09"), "0": ZERO, "exempt": ZERO, "reverse": ZERO}
RATE_CODES = tuple(RATES)
_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}


@dataclass(frozen=True)
class VatSettings:
    """``[vat]`` of forecast.toml (schema.VAT declares each key)."""

    filing: str = "none"
    amounts: str = "incl"
    sales_rate: str = "21"
    payables_rate: str = "21"
    carry_forward: bool = False
    #: the balance of the return of the last period that ended before the start (to pay: positive);
    #: None: derived from the data (receivables.csv, recurring.csv, payables.csv)
    last_return: Decimal | None = None
    #: ``[vat.rates]``: category -> rate code of recurring items and one-offs (not listed: no VAT)
    rates: Mapping[str, str] = field(default_factory=dict)

    @property
    def on(self) -> bool:
        return self.filing != "none"

    def gross(self, amount: Decimal) -> Decimal:
        """A sales plan amount as the customer pays it: ``amount x (1 + r)`` when declared excluding VAT."""
        if self.on and self.amounts == "excl":
            return amount + vat_part(amount, self.sales_rate, included=False)
        return amount

    def rate_of(self, category: str) -> str | None:
        folded = category.strip().casefold()
        return next((code for name, code in self.rates.items() if name.strip().casefold() == folded), None)


@dataclass(frozen=True)
class VatReturn:
    """One return: output minus input VAT of ``[first, last]``; ``balance`` (after a carried credit) is
    paid (positive) or refunded (negative) on ``due``; ``given``: the balance was given, not derived."""

    first: date
    last: date
    due: date
    output_vat: Decimal
    input_vat: Decimal
    balance: Decimal
    carried: Decimal = ZERO
    given: bool = False

    @property
    def net(self) -> Decimal:
        return self.output_vat - self.input_vat

    @property
    def label(self) -> str:
        months = (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1
        if months == 12:
            return f"{self.first.year}"
        if months == 3:
            return f"{self.first.year}-Q{(self.first.month + 2) // 3}"
        return f"{self.first:%Y-%m}"


def vat_part(amount: Decimal, code: str, included: bool = True) -> Decimal:
    """The VAT in (``included``) or on an amount: ``a x r / (1 + r)`` or ``a x r``; signed as ``amount``."""
    rate = RATES[code]
    if not rate:
        return ZERO
    return amount * rate / (1 + rate) if included else amount * rate


def period_of(day: date, filing: str) -> tuple[date, date]:
    """The filing period holding ``day``: its calendar month, quarter or year."""
    size = _MONTHS[filing]
    month = (day.month - 1) // size * size + 1
    first = date(day.year, month, 1)
    return first, eomonth(first, size - 1)


def due_date(last: date) -> date:
    """``EOMONTH(last, 1)``: the last day of the month after the period."""
    return eomonth(last, 1)


def returns(inputs, items: Iterable, first: date, end: date) -> list[VatReturn]:
    """The returns whose due date is in ``[first, end]``, oldest first (docs "VAT").

    ``items`` are the scenario's expanded cash items (sales move with the revenue change, so their
    VAT does); open and paid receivables count by invoice date, bills by due date, recurring items
    and one-offs whose category has a rate by their date; before ``first``, the bank's payments
    (:func:`_lines`). ``[vat] last_return`` replaces the return of the period that ended before the start.
    """
    vat: VatSettings = inputs.vat
    if not vat.on:
        return []
    lo, hi = period_of(first, vat.filing)
    while due_date(lo - timedelta(days=1)) >= first:  # a period ended before F whose return is still due
        lo, hi = period_of(lo - timedelta(days=1), vat.filing)
    lines = list(_lines(inputs, items, lo, first))
    out: list[VatReturn] = []
    credit = ZERO
    while due_date(hi) <= end:
        output = sum((v for d, v, is_output in lines if lo <= d <= hi and is_output), ZERO)
        deductible = -sum((v for d, v, is_output in lines if lo <= d <= hi and not is_output), ZERO)
        given = vat.last_return is not None and hi < inputs.settings.start and due_date(hi) >= first
        balance = vat.last_return if given else output - deductible - credit
        carried = credit
        credit = ZERO
        if balance < 0 and vat.carry_forward:
            credit, balance = -balance, ZERO
        out.append(VatReturn(lo, hi, due_date(hi), output, deductible, balance, carried, given))
        lo, hi = period_of(hi + timedelta(days=1), vat.filing)
    return out


def _lines(inputs, items: Iterable, lo: date, first: date) -> Iterable[tuple[date, Decimal, bool]]:
    """(tax date, signed VAT, output?): sales and receipts are output VAT (a credit note lowers it), bills
    and payments input VAT (negative). Before F the input VAT is what the bank paid in a rated category,
    or, when the bank shows nothing there, the recurring items generated again."""
    vat: VatSettings = inputs.vat
    for r in inputs.receivables:
        yield r.invoice_date, vat_part(r.amount, vat.sales_rate), True
    for i in items:
        if i.source == "sale":
            yield i.invoice_date, vat_part(i.face, vat.sales_rate), True
        elif i.source == "payable":
            yield i.base_date, vat_part(i.amount, vat.payables_rate), False
        elif i.source in ("recurring", "one-off") and (code := vat.rate_of(i.category)):
            yield i.base_date, vat_part(i.amount, code), i.amount > 0
    if lo >= first:
        return
    # before F: what the bank paid in a rated category (the bank shows it); without bank data there, the
    # recurring items generated again (never both: a schedule's date and a booking date differ by days)
    shown, payments = _bank_payments(inputs, lo, first - timedelta(days=1))
    for day, amount, category in payments:
        if code := vat.rate_of(category):
            yield day, vat_part(amount, code), False
    for r in inputs.recurring if not shown else ():
        code = vat.rate_of(r.category)
        if code:
            start = max(lo, r.start) if r.start and r.frequency != "once" else lo
            stop = first - timedelta(days=1)
            for d in occurrences(r.frequency, r.day, r.month, start, min(stop, r.end) if r.end else stop, once=r.start):
                yield d, vat_part(r.amount, code), r.amount > 0


def _bank_payments(inputs, lo: date, hi: date) -> tuple[bool, list[tuple[date, Decimal, str]]]:
    """Whether the counted bank transactions show any day of ``[lo, hi]``, and the (date, amount,
    category) of their payments there (categories.csv's rules)."""
    from xlcapital.forecast.actuals import counted
    from xlcapital.forecast.learn import classify

    rows = [t for st in inputs.bank if counted(st.account, inputs.settings.accounts) for t in st.transactions
            if lo <= t.booking_date <= hi]
    paid = [t for t in rows if t.amount < 0]
    return bool(rows), [(t.booking_date, t.amount, c) for t, c in zip(paid, classify(paid, inputs.categories))]


def double_counted(vat: VatSettings, recurring: Iterable) -> list[str]:
    """A warning when the VAT engine is on and recurring.csv still pays VAT on the VAT row itself."""
    own = [r.name for r in recurring if vat.on and r.category.strip().casefold() == VAT.casefold()]
    return [f"recurring.csv: {', '.join(own)} is on the VAT row while [vat] computes the returns: remove it, or "
            "the VAT is paid twice"] if own else []


__all__ = ["VAT", "FILINGS", "AMOUNTS", "RATES", "RATE_CODES", "VatSettings", "VatReturn", "vat_part", "period_of",
           "due_date", "returns", "double_counted"]
