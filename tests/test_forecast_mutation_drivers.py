"""Cost drivers at their boundaries (forecast/drivers.py): purchases behind sales, revenue-linked costs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlcapital.forecast.drivers import purchase, recurring_amount
from xlcapital.forecast.types import Recurring, SalesPlan

FIRST = date(2026, 4, 6)


def test_goods_bought_on_the_first_day_counted_are_derived():
    plan = SalesPlan(gross_margin=D("0.40"), stock_days=10, supplier_days=30)
    # invoice 16 April - 10 days = bought 6 April = F: paid 6 May, 1,000 x (1 - 0.40) = 600
    assert purchase(plan, date(2026, 4, 16), D("1000"), first=FIRST) == (date(2026, 5, 6), D("-600.00"))
    # bought 5 April: before F, in payables already
    assert purchase(plan, date(2026, 4, 15), D("1000"), first=FIRST) is None
    assert purchase(SalesPlan(), date(2026, 5, 1), D("1000"), first=FIRST) is None  # no gross margin


def test_revenue_linked_costs_scale_fixed_costs_do_not():
    linked = Recurring("Fuel", "Car", D("-200"), "monthly", revenue_linked=True)
    fixed = Recurring("Rent", "Rent", D("-2000"), "monthly")
    assert recurring_amount(linked, D("0.9")) == D("-180.0")
    assert recurring_amount(fixed, D("0.9")) == D("-2000")
