"""Cost drivers: the costs that move with revenue (docs/forecast-model.md section 3, "Cost drivers").

- **Purchases follow the sales.** With ``[sales] gross_margin`` given, every sale (a sales-plan
  occurrence or a row of sales.csv) brings a purchase of ``sale x (1 - gross_margin)``, bought
  ``stock_days`` before the sale's invoice date and paid ``supplier_days`` after that:
  ``purchase date = invoice date - stock_days``, ``cash date = purchase date + supplier_days``.
  A purchase dated before the first day counted was made already: it is in payables.csv (or
  paid), so it is not derived again. The sale's amount is the scenario's (revenue change
  included), so every scenario and stress test moves the purchases with the sales.
- **Variable costs** are recurring items marked ``revenue_linked``: the scenario's revenue change
  scales them (a share of revenue that stays the same share). Fixed costs stay fixed.

>>> from datetime import date
>>> from decimal import Decimal
>>> from xlcapital.forecast.types import SalesPlan
>>> plan = SalesPlan(gross_margin=Decimal("0.35"), stock_days=45, supplier_days=30)
>>> purchase(plan, date(2025, 3, 14), Decimal(47800), first=date(2025, 1, 1))   # 47,800 x 0.65 on 27 Feb
(datetime.date(2025, 2, 27), Decimal('-31070.00'))
>>> purchase(plan, date(2025, 2, 7), Decimal(47800), first=date(2025, 1, 1)) is None   # bought 24 Dec: in payables
True
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from xlcapital.forecast.types import Recurring, SalesPlan


def purchase(plan: SalesPlan, invoice_date: date, sale: Decimal, *, first: date) -> tuple[date, Decimal] | None:
    """(cash date before the scenario's payment delay, signed amount) of the purchase behind a sale
    of ``sale`` invoiced on ``invoice_date``; None when purchases are not derived (no gross margin)
    or the goods were bought before ``first`` (the first day counted)."""
    if plan.gross_margin is None:
        return None
    bought = invoice_date - timedelta(days=plan.stock_days)
    if bought < first:
        return None
    return bought + timedelta(days=plan.supplier_days), -sale * (1 - plan.gross_margin)


def recurring_amount(item: Recurring, revenue_factor: Decimal) -> Decimal:
    """The amount of one occurrence in a scenario: ``amount x (1 + revenue change)`` for a
    revenue-linked (variable) item, the amount itself for a fixed one."""
    return item.amount * revenue_factor if item.revenue_linked else item.amount


__all__ = ["purchase", "recurring_amount"]
