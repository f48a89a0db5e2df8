"""When open receivables come in, and how much of them (docs/forecast-model.md section 3, "Collections").

An open invoice is expected on its due date plus the customer's payment delay (the *base date*).
When that date lies before the first day counted F (overdue), it is aged: its bucket (1-30, 31-60,
61-90, over 90 days past the base date on F) says after how many days from F it is expected and which
share of it comes in; the rest is the bad-debt allowance. An ``expected_date`` on the invoice (what the
customer promised, or what the credit controller knows) overrides all of it: the whole amount on that
date. The scenario's collection delay moves every one of these dates.

>>> from datetime import date
>>> from decimal import Decimal
>>> from xlcapital.forecast.types import Collections, Receivable, customer_key
>>> late = Receivable("A", "1", date(2025, 11, 1), date(2026, 2, 20), Decimal(2000))   # 45 days overdue on 6 April
>>> expected_receipt(late, 0, Collections(), first=date(2026, 4, 6))
(datetime.date(2026, 5, 4), Decimal('1800.0'))
>>> promised = Receivable("A", "2", date(2025, 11, 1), date(2026, 2, 20), Decimal(2000), expected_date=date(2026, 4, 30))
>>> expected_receipt(promised, 0, Collections(), first=date(2026, 4, 6))
(datetime.date(2026, 4, 30), Decimal('2000'))
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from xlcapital.forecast.types import Collections, Receivable, customer_key


def expected_receipt(r: Receivable, delay: int, collections: Collections, *, first: date) -> tuple[date, Decimal]:
    """(date before the scenario's collection delay, amount expected) of open invoice ``r`` whose
    customer pays ``delay`` days after the due date; ``first`` is the first day counted."""
    if r.expected_date is not None:
        return r.expected_date, r.amount
    base = r.due_date + timedelta(days=delay)
    if base >= first:
        return base, r.amount
    b = collections.bucket((first - base).days)  # overdue: aged, not dumped in week 1
    return first + timedelta(days=collections.days[b]), r.amount * collections.share[b]


def largest_customer(receivables: list[Receivable]) -> str | None:
    """The key (:func:`~xlcapital.forecast.types.customer_key`) of the customer with the most open
    receivables (amounts summed, credit notes included); on a tie the one whose open invoice comes
    first. None when no customer has a positive open amount.

    >>> rs = [Receivable("A", "1", date(2026, 1, 1), date(2026, 2, 1), Decimal(500)),
    ...       Receivable("b", "2", date(2026, 1, 1), date(2026, 2, 1), Decimal(300)),
    ...       Receivable("B ", "3", date(2026, 1, 1), date(2026, 2, 1), Decimal(300))]
    >>> largest_customer(rs)
    'b'
    """
    totals: dict[str, Decimal] = {}
    open_rows = [r for r in receivables if r.open]
    for r in open_rows:
        totals[customer_key(r.customer)] = totals.get(customer_key(r.customer), Decimal(0)) + r.amount
    most = max(totals.values(), default=Decimal(0))
    if most <= 0:
        return None
    return next(customer_key(r.customer) for r in open_rows if totals[customer_key(r.customer)] == most)


def largest_exposure(receivables: list[Receivable]) -> tuple[str, Decimal] | None:
    """The largest customer as its first open invoice spells it, and its open receivables; None
    when there is none (what the CLI, the JSON and the workbook's Settings show)."""
    key = largest_customer(receivables)
    if key is None:
        return None
    open_rows = [r for r in receivables if r.open and customer_key(r.customer) == key]
    return open_rows[0].customer, sum((r.amount for r in open_rows), Decimal(0))


__all__ = ["expected_receipt", "largest_customer", "largest_exposure"]
