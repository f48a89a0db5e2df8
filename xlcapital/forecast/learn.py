"""What is learned from history becomes explicit input values (docs/forecast-model.md section 10).

Each function returns plain values with their source ("given", "history", "dso", "default",
"bank"); the workbook shows them as input cells, and the engine only ever reads them.

>>> sorted(words("Betaling factuur 2026-0012, dank!"))
['2026-0012', 'BETALING', 'DANK', 'FACTUUR']
>>> round_days(Decimal("2.5")), round_days(Decimal("-2.5")), round_days(Decimal("2.49"))
(3, -3, 2)
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Sequence

from xlcapital import ratios
from xlcapital.bank.model import Statement, Transaction
from xlcapital.forecast.inputs import Category, Customer, Financials, History, Projection, Receivable, customer_key

ZERO = Decimal(0)
CENT = Decimal("0.01")
DEFAULT_COLLECTION_DAYS = 30
#: months of history learned for the trend triggers (revenue_drop compares 3 months with the 3 before)
HISTORY_MONTHS = 6
TENTH = Decimal("0.1")
UNCATEGORISED = "Uncategorised"

_WORD = re.compile(r"[A-Za-z0-9_/-]+")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def round_days(x: Decimal) -> int:
    """To whole days, halves away from zero (Decimal ROUND_HALF_UP)."""
    return int(x.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def words(text: str) -> set[str]:
    """The words of a text for invoice matching: runs of letters, digits, '-', '/', '_' (upper case)."""
    return {w.upper() for w in _WORD.findall(text)}


def match_payments(receivables: Sequence[Receivable], transactions: Iterable[Transaction]) -> list[Receivable]:
    """Fill ``paid_date`` of open invoices that a bank credit pays (source "history").

    A credit pays an invoice when the invoice number is a word of its description or reference,
    the amounts are equal, and it is booked on or after the invoice date. A transaction pays at
    most one invoice: the first open one in file order.
    """
    open_by_number: dict[str, list[int]] = {}
    for i, r in enumerate(receivables):
        if r.open:
            open_by_number.setdefault(r.invoice.upper(), []).append(i)
    if not open_by_number:
        return list(receivables)
    result = list(receivables)
    amounts = {r.amount for r in receivables if r.open}
    for t in sorted(transactions, key=lambda t: t.booking_date):
        if t.amount <= 0 or t.amount not in amounts:  # cheap test first: most credits pay no open invoice
            continue
        candidates = [
            i
            for word in words(f"{t.description} {t.reference}") & open_by_number.keys()
            for i in open_by_number[word]
            if result[i].open and result[i].amount == t.amount and t.booking_date >= result[i].invoice_date
        ]
        if candidates:
            hit = min(candidates)  # the first in file order
            result[hit] = replace(result[hit], paid_date=t.booking_date, paid_source="history")
    return result


def customer_delays(
    receivables: Sequence[Receivable], given: Sequence[tuple[str, int | None]], default_delay: int, default_source: str
) -> list[Customer]:
    """Every customer of customers.csv and receivables.csv with an explicit delay.

    Given delays are kept; else the mean of ``paid_date - due_date`` over the customer's paid
    invoices, rounded to whole days; else the default delay.
    """
    paid: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for name, _ in given:
        names.setdefault(customer_key(name), name)
    for r in receivables:
        names.setdefault(customer_key(r.customer), r.customer)
        if r.paid_date is not None:
            paid.setdefault(customer_key(r.customer), []).append((r.paid_date - r.due_date).days)
    explicit = {customer_key(n): d for n, d in given if d is not None}
    result = []
    for key, name in names.items():
        history = paid.get(key, [])
        if key in explicit:
            result.append(Customer(name, explicit[key], "given", len(history)))
        elif history:
            result.append(Customer(name, round_days(Decimal(sum(history)) / len(history)), "history", len(history)))
        else:
            result.append(Customer(name, default_delay, default_source, 0))
    return result


def company_dso(financials: Financials | None) -> float | None:
    """DSO of the company file: average receivables over the period's revenue (xlcapital.ratios)."""
    if financials is None:
        return None
    return ratios.dso((financials.receivables_opening, financials.receivables_closing), financials.revenue, financials.days)


def default_delay(receivables: Sequence[Receivable], financials: Financials | None) -> tuple[int, str]:
    """``MAX(0, ROUND(dso - mean_terms))`` with the company's DSO; else 0 ("default")."""
    dso = company_dso(financials)
    if dso is None:
        return 0, "default"
    terms = [(r.due_date - r.invoice_date).days for r in receivables]
    mean_terms = Decimal(sum(terms)) / len(terms) if terms else ZERO
    return max(0, round_days(Decimal(repr(dso)) - mean_terms)), "dso"


def collection_days(receivables: Sequence[Receivable], financials: Financials | None) -> tuple[int, str]:
    """Days from invoice to cash for new sales: paid invoices' mean, else ROUND(DSO), else 30."""
    lags = [(r.paid_date - r.invoice_date).days for r in receivables if r.paid_date is not None]
    if lags:
        return max(0, round_days(Decimal(sum(lags)) / len(lags))), "history"
    dso = company_dso(financials)
    if dso is not None:
        return max(0, round_days(Decimal(repr(dso)))), "dso"
    return DEFAULT_COLLECTION_DAYS, "default"


def month_index(day: date) -> int:
    """A month as one number (year * 12 + month - 1), so months add and subtract.

    >>> month_index(date(2025, 1, 31)) - month_index(date(2024, 12, 1)), month_label(month_index(date(2024, 12, 1)))
    (1, '2024-12')
    """
    return day.year * 12 + day.month - 1


def month_label(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def _first_day(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)


def _parse_month(text: str) -> int | None:
    m = _MONTH.fullmatch(text.strip())
    return int(m[1]) * 12 + int(m[2]) - 1 if m and 1 <= int(m[2]) <= 12 else None


def month_revenue(receivables: Sequence[Receivable], month: int) -> Decimal:
    """The sum of the amounts of the invoices dated in ``month`` (paid or open)."""
    return sum((r.amount for r in receivables if month_index(r.invoice_date) == month), ZERO)


def month_end_dso(receivables: Sequence[Receivable], month: int, first: int) -> Decimal | None:
    """DSO at the end of ``month`` = open receivables then / (revenue of the 3 months up to it / their days).

    Open at the month end: invoiced on or before it and not paid by then (``paid_date`` empty or
    later). The 3 months start no earlier than ``first`` (the month of the earliest invoice: no
    revenue is known before it). Rounded to 0.1 day (halves away from zero); None without revenue.

    >>> r = [Receivable("A", "1", date(2025, 1, 10), date(2025, 2, 9), Decimal(3100), date(2025, 2, 1))]
    >>> month_end_dso(r, month_index(date(2025, 1, 1)), month_index(date(2025, 1, 1)))  # 3100 / (3100 / 31)
    Decimal('31.0')
    """
    end = _first_day(month + 1) - timedelta(days=1)
    open_at_end = sum(
        (r.amount for r in receivables if r.invoice_date <= end and (r.paid_date is None or r.paid_date > end)), ZERO
    )
    window = range(max(first, month - 2), month + 1)
    revenue = sum((month_revenue(receivables, m) for m in window), ZERO)
    days = (_first_day(month + 1) - _first_day(window[0])).days
    dso = ratios.dso(open_at_end, revenue, days)
    return None if dso is None else Decimal(repr(dso)).quantize(TENTH, rounding=ROUND_HALF_UP)


def month_history(receivables: Sequence[Receivable], start: date, given: History) -> History:
    """``[history]`` with what it leaves out learned from receivables.csv (source "receivables").

    Months: given; else the last :data:`HISTORY_MONTHS` full months before ``start``, none before
    the month of the earliest invoice. Revenue and DSO: given; else per month
    :func:`month_revenue` and :func:`month_end_dso`. Nothing is learned when the given months are
    not all ``YYYY-MM`` within the invoices' months, when revenue or dso is given without months
    (nothing to align with), or (dso only) when a month's DSO is undefined.
    """
    if not receivables or (not given.months and (given.revenue or given.dso)):
        return given
    first = min(month_index(r.invoice_date) for r in receivables)
    last = month_index(start) - 1  # the last full month before the start
    sources = dict(given.sources)
    if given.months:
        months = [_parse_month(m) for m in given.months]
        if not all(m is not None and first <= m <= last for m in months):
            return given
        labels = given.months
    else:
        months = list(range(max(first, last - HISTORY_MONTHS + 1), last + 1))
        if not months:
            return given
        labels = tuple(month_label(m) for m in months)
        sources["months"] = "receivables"
    revenue, dso = given.revenue, given.dso
    if not revenue:
        revenue = tuple(month_revenue(receivables, m) for m in months)
        sources["revenue"] = "receivables"
    if not dso:
        learned = tuple(month_end_dso(receivables, m, first) for m in months)
        if None not in learned:
            dso = learned
            sources["dso"] = "receivables"
    return History(labels, revenue, dso, sources)


def classify(transactions: Sequence[Transaction], rules: Sequence[Category]) -> list[str]:
    """The category of each transaction: the first rule (file order) that matches, else Uncategorised."""
    prepared = []
    for rule in rules:
        pattern = rule.pattern.replace(" ", "").upper() if rule.match == "iban" else rule.pattern.casefold()
        prepared.append((rule.name, rule.match, pattern))
    result = []
    for t in transactions:
        name = t.counterparty.casefold()
        desc = t.description.casefold()
        iban = t.counterparty_iban.replace(" ", "").upper()
        for category, field, pattern in prepared:
            if field == "counterparty":
                hit = pattern in name
            elif field == "description":
                hit = pattern in desc
            else:
                hit = pattern == iban
            if hit:
                result.append(category)
                break
        else:
            result.append(UNCATEGORISED)
    return result


def history_window(transactions: Sequence[Transaction], start: date, history_weeks: int) -> tuple[date, date]:
    """``[MAX(S_1 - 7H, first Monday on or after the earliest booking), S_1 - 1]`` (may be empty)."""
    first = min((t.booking_date for t in transactions), default=start)
    first_monday = first + timedelta(days=(7 - first.weekday()) % 7)
    return max(start - timedelta(days=7 * history_weeks), first_monday), start - timedelta(days=1)


def projections(
    rules: Sequence[Category], transactions: Sequence[Transaction], start: date, history_weeks: int
) -> list[Projection]:
    """One projection per category that has ``project = yes`` on one of its rows, in file order.

    The weekly amount is the given one, else the history's weekly average: (sum of the category's
    transactions in the window) / (window days / 7), rounded to cents (halves away from zero); 0
    when the window is empty. ``revenue_linked`` is the given one, else whether the amount is > 0.
    """
    merged: dict[str, dict[str, object]] = {}
    for rule in rules:
        m = merged.setdefault(rule.name, {"project": None, "weekly_amount": None, "revenue_linked": None})
        for key in m:
            if getattr(rule, key) is not None:
                m[key] = getattr(rule, key)
    wanted = [name for name, m in merged.items() if m["project"]]
    learn_these = {name for name in wanted if merged[name]["weekly_amount"] is None}
    totals: dict[str, Decimal] = {}
    weeks = ZERO
    if learn_these:
        lo, hi = history_window(transactions, start, history_weeks)
        weeks = Decimal(max(0, (hi - lo).days + 1)) / 7
        inside = [t for t in transactions if lo <= t.booking_date <= hi]
        for t, category in zip(inside, classify(inside, rules)):
            totals[category] = totals.get(category, ZERO) + t.amount
    result = []
    for name in wanted:
        m = merged[name]
        if name in learn_these:
            weekly = (totals.get(name, ZERO) / weeks).quantize(CENT, rounding=ROUND_HALF_UP) if weeks else ZERO
            source = "history"
        else:
            weekly, source = m["weekly_amount"], "given"
        linked = m["revenue_linked"] if m["revenue_linked"] is not None else weekly > 0
        result.append(Projection(name, weekly, bool(linked), source))
    return result


def opening_balance(statements: Sequence[Statement]) -> Decimal | None:
    """The sum over accounts of each account's closing balance (stated, else the last running balance)."""
    total, found = ZERO, False
    for s in statements:
        if s.closing_balance is not None:
            total += s.closing_balance.amount
            found = True
        elif s.transactions:
            last = max(s.transactions, key=lambda t: t.booking_date)
            if last.balance_after is None:
                return None
            total += last.balance_after
            found = True
    return total if found else None


def balance_date(statements: Sequence[Statement]) -> date | None:
    """The day at whose end :func:`opening_balance` is the balance: the latest over the accounts of
    the closing balance's date (stated; else the booking date of the last transaction).

    Exports downloaded together run to the same day, so an account whose last booking is earlier
    had the same balance on that day (docs/forecast-model.md section 10).
    """
    days = []
    for s in statements:
        if s.closing_balance is not None and s.closing_balance.date is not None:
            days.append(s.closing_balance.date)
        elif s.transactions:
            days.append(max(t.booking_date for t in s.transactions))
    return max(days, default=None)


def start_after(transactions: Iterable[Transaction]) -> date | None:
    """The first Monday after the latest booking date."""
    latest = max((t.booking_date for t in transactions), default=None)
    if latest is None:
        return None
    return latest + timedelta(days=7 - latest.weekday())
