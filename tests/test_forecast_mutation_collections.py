"""Collections at their boundaries (forecast/collections.py).

Default aging (types.Collections): 1-30 days overdue -> 14 days after the first day counted, all of it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlcapital.forecast.collections import expected_receipt, largest_customer, largest_exposure
from xlcapital.forecast.types import Collections, Receivable

FIRST = date(2026, 4, 6)


def invoice(customer: str, amount: str, due: date = date(2026, 4, 20), paid: date | None = None) -> Receivable:
    return Receivable(customer, "F1", date(2026, 3, 1), due, D(amount), paid_date=paid)


def test_an_invoice_expected_on_the_first_day_counted_is_not_overdue():
    # due 1 April + 5 days' delay = 6 April = F: on F itself, in full (not aged into F + 14)
    r = invoice("A", "1000", due=date(2026, 4, 1))
    assert expected_receipt(r, 5, Collections(), first=FIRST) == (FIRST, D("1000"))
    # one day earlier is 1 day overdue: bucket 1-30, expected F + 14 = 20 April, all of it
    assert expected_receipt(r, 4, Collections(), first=FIRST) == (date(2026, 4, 20), D("1000"))


def test_no_largest_customer_when_nothing_positive_is_open():
    # an invoice and its credit note: 0 open
    assert largest_customer([invoice("A", "100"), invoice("A", "-100")]) is None
    assert largest_exposure([invoice("A", "100"), invoice("A", "-100")]) is None
    # only a credit note
    assert largest_customer([invoice("A", "-0.50")]) is None
    # paid invoices do not count
    assert largest_customer([invoice("A", "500", paid=date(2026, 4, 1))]) is None


def test_a_small_open_amount_still_makes_a_largest_customer():
    assert largest_customer([invoice("Klein BV", "0.50")]) == "klein bv"
    assert largest_exposure([invoice("Klein BV", "0.50")]) == ("Klein BV", D("0.50"))


def test_largest_exposure_sums_the_customers_open_invoices():
    rows = [invoice("Acme", "300"), invoice("ACME ", "200"), invoice("Bouw", "450"), invoice("Acme", "-100")]
    # Acme: 300 + 200 - 100 = 400 < Bouw 450
    assert largest_exposure(rows) == ("Bouw", D("450"))
    rows.append(invoice("acme", "60"))  # Acme 460: spelled as its first open invoice
    assert largest_exposure(rows) == ("Acme", D("460"))
