"""The VAT returns of a forecast: each filing period's output minus input VAT, dated on its due day.

The rules, rates and settings are in :mod:`xlcapital.forecast.vat` (which the input types use); this
module computes the returns from the inputs, the engine's dated items and, for the days before the
first day counted, the bank's payments (docs/forecast-model.md, section "VAT").
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Iterable

from xlcapital.forecast.actuals import counted
from xlcapital.forecast.learn import classify
from xlcapital.forecast.schedule import occurrences
from xlcapital.forecast.vat import ZERO, VatReturn, VatSettings, due_date, period_of, vat_part


def returns(inputs, items: Iterable, first: date, end: date) -> list[VatReturn]:
    """The returns whose due date is in ``[first, end]``, oldest first (docs "VAT").

    ``items`` are the scenario's expanded cash items (sales move with the revenue change, so their
    VAT does); open and paid receivables count by invoice date, bills by due date, recurring items
    and one-offs whose category has a rate by their date, the purchases behind the sales (cost of sales, at
    the rate on bills) by their delivery date; before ``first``, the bank's payments
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
        elif i.source == "purchase":  # cost of sales: the supplier's bill, dated on delivery (paid supplier_days later)
            yield i.base_date - timedelta(days=inputs.sales.supplier_days), vat_part(i.amount, vat.payables_rate), False
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
    rows = [t for st in inputs.bank if counted(st.account, inputs.settings.accounts) for t in st.transactions
            if lo <= t.booking_date <= hi]
    paid = [t for t in rows if t.amount < 0]
    return bool(rows), [(t.booking_date, t.amount, c) for t, c in zip(paid, classify(paid, inputs.categories))]


__all__ = ["returns"]
