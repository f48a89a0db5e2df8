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
from datetime import date
from decimal import Decimal
from typing import Iterable, Mapping

from xlcapital.forecast.schedule import eomonth
from xlcapital.forecast import messages as say

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


def double_counted(vat: VatSettings, recurring: Iterable) -> list[str]:
    """A warning when the VAT engine is on and recurring.csv still pays VAT on the VAT row itself."""
    own = [r.name for r in recurring if vat.on and r.category.strip().casefold() == VAT.casefold()]
    return [say.VAT_TWICE(names=", ".join(own))] if own else []


__all__ = ["VAT", "FILINGS", "AMOUNTS", "RATES", "RATE_CODES", "VatSettings", "VatReturn", "vat_part", "period_of",
           "due_date", "double_counted"]
