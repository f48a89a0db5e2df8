"""What the bank shows: the opening cash rolled from a known balance, and the actual flow per week.

docs/forecast-model.md section 12. The forecast itself is never rewritten by actuals: its
receipts, payments and closing cash stay as forecast from the opening cash; the actuals stand
beside them, so the user sees week by week how far reality is from the plan.

``counted`` transactions are the bank transactions of the forecast's own accounts
(``settings.accounts``; empty: every account). Compared as the workbook does: spaces left out,
upper case, the account list joined with commas::

    counted(t) = accounts = ()  OR  "," & key(t.account) & ","  is inside  "," & key(accounts joined by ",") & ","

Opening cash (the balance at the start of Monday S_1), from the balance B known at the end of
day D (``settings.opening_balance`` and ``settings.balance_date``, D = S_1 - 1 when not given)::

    opening = B + SUM(counted t: D < t.date < S_1) - SUM(counted t: S_1 <= t.date <= D)

(one of the sums is always empty: the balance is rolled forward to the start, or back). Per
period p (a week, or a month of the 12-month view) running from ``first`` to ``last``::

    has_actuals_p    = some counted t has t.date >= first       (the bank data reaches the period)
    actual_flow_p    = SUM(counted t: first <= t.date <= last)                 when has_actuals_p
    actual_closing_p = opening + SUM(counted t: S_1 <= t.date <= last)        when has_actuals_p
    variance_p       = actual_flow_p - net_flow_p                             when has_actuals_p

>>> from datetime import date
>>> from decimal import Decimal
>>> from xlcapital.bank.model import Statement, Transaction
>>> from xlcapital.forecast.inputs import Inputs, Settings
>>> bank = [Statement("NL01", transactions=[Transaction(date(2026, 4, 3), Decimal("-30")),
...                                         Transaction(date(2026, 4, 7), Decimal("25"))])]
>>> inputs = Inputs(Settings(start=date(2026, 4, 6), opening_balance=Decimal(100),
...                          balance_date=date(2026, 4, 1)), bank=bank)
>>> opening_cash(inputs)      # 100 at the end of 1 April, -30 on 3 April
Decimal('70')
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Iterable, Sequence

from xlcapital.forecast.inputs import Inputs, account_key

ZERO = Decimal(0)


def counted(account: str, accounts: Sequence[str]) -> bool:
    """Whether a transaction of ``account`` is one of the forecast's (``accounts`` empty: all).

    >>> counted("NL01 INGB", ("NL01INGB", "NL02")), counted("NL03", ("NL01INGB",)), counted("X", ())
    (True, False, True)
    """
    listed = account_key(",".join(accounts))
    return not listed or f",{account_key(account)}," in f",{listed},"


@dataclass(frozen=True)
class Ledger:
    """The counted transactions as (date, amount), sorted by date, with running sums for ranges."""

    dates: list[date]
    cumulative: list[Decimal]  # cumulative[i] = sum of the first i amounts

    @classmethod
    def of(cls, inputs: Inputs) -> "Ledger":
        accounts = inputs.settings.accounts
        rows = sorted(
            (t.booking_date, t.amount)
            for s in inputs.bank
            if counted(s.account, accounts)
            for t in s.transactions
        )
        cumulative = [ZERO]
        for _, amount in rows:
            cumulative.append(cumulative[-1] + amount)
        return cls([d for d, _ in rows], cumulative)

    def total(self, first: date, last: date) -> Decimal:
        """SUM(amount: first <= date <= last)."""
        lo, hi = bisect_left(self.dates, first), bisect_right(self.dates, last)
        return self.cumulative[hi] - self.cumulative[lo] if hi > lo else ZERO

    def reaches(self, day: date) -> bool:
        """Some transaction is booked on or after ``day``."""
        return bool(self.dates) and self.dates[-1] >= day


def balance_day(inputs: Inputs) -> date:
    """D: the day at whose end ``opening_balance`` was the balance (default: the day before the start)."""
    s = inputs.settings
    return s.balance_date if s.balance_date is not None else s.start - timedelta(days=1)


def opening_cash(inputs: Inputs, ledger: Ledger | None = None) -> Decimal:
    """The cash at the start of week 1: the known balance rolled to the start (module docstring)."""
    ledger = ledger or Ledger.of(inputs)
    s = inputs.settings
    d = balance_day(inputs)
    day = timedelta(days=1)
    return s.opening_balance + ledger.total(d + day, s.start - day) - ledger.total(s.start, d)


#: the longest gap week 1 takes in between the last known cash and the start: a balance older than
#: this, with no bank data after it, is stale (docs/forecast-model.md section 2, "No lost days")
MAX_GAP_DAYS = 31


def first_day(inputs: Inputs, ledger: Ledger | None = None) -> date:
    """F: the first day whose items the forecast counts, in week 1 (docs section 2, "No lost days").

    The day after the last known cash: the later of the balance day and the last counted bank
    booking before the start, plus one; never after the start, never more than
    :data:`MAX_GAP_DAYS` before it. A bank export that ends on Tuesday 31 December before a start
    on Monday 6 January gives F = 1 January: what is dated 1 to 5 January counts in week 1.

    ``MIN(S, MAX(MAX(D, last bank date < S) + 1, S - 31))``
    """
    ledger = ledger or Ledger.of(inputs)
    start = inputs.settings.start
    known = balance_day(inputs)
    before = bisect_left(ledger.dates, start)
    if before:
        known = max(known, ledger.dates[before - 1])
    return min(start, max(known + timedelta(days=1), start - timedelta(days=MAX_GAP_DAYS)))


@dataclass(frozen=True)
class Actual:
    """The bank's view of one period: None everywhere when the bank data does not reach it."""

    has_actuals: bool
    flow: Decimal | None
    closing: Decimal | None


def period_actuals(ledger: Ledger, start: date, opening: Decimal, ranges: Iterable[tuple[date, date]]) -> list[Actual]:
    """Per (first, last) period: has_actuals, actual flow and actual closing (module docstring)."""
    result = []
    for first, last in ranges:
        if ledger.reaches(first):
            result.append(Actual(True, ledger.total(first, last), opening + ledger.total(start, last)))
        else:
            result.append(Actual(False, None, None))
    return result


__all__ = ["counted", "Ledger", "balance_day", "first_day", "MAX_GAP_DAYS", "opening_cash", "Actual", "period_actuals"]
