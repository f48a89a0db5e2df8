"""Open invoices from a ledger: the receivables and payables the forecast collects and pays.

The lines on the control accounts (those mapped to ``receivables`` and ``payables``) are grouped
by relation (``custSupID``) and invoice (``invRef``, else ``recRef``); a group that does not add
up to 0 is an open item. ``matchKeyID`` only links ledger lines to their subledger lines (the
reader does that). Opening items come from ``obSbLine``; a control account's balance that no line
explains (an opening balance without subledger, lines without a relation) is one *unallocated*
item, so the open items always add up to the control accounts to the cent.

Dates: the invoice date is the subledger's ``invDt``, else the day of the group's first invoice
line (debit for a sale, credit for a purchase); the due date is the subledger's ``invDueDt``, else
the invoice date plus ``payment_term`` days. A sales invoice whose group adds up to 0 was paid: it
is written with its amount and the day of its last line as paid date (the forecast learns each
customer's payment habit from those).

>>> from datetime import date
>>> lines = [ItemLine("1300", "C1", "F1", date(2024, 3, 1), Decimal("121.00")),
...          ItemLine("1300", "C1", "F1", date(2024, 3, 20), Decimal("-21.00")),
...          ItemLine("1300", "C1", "F2", date(2024, 3, 5), Decimal("50.00")),
...          ItemLine("1300", "C1", "F2", date(2024, 4, 2), Decimal("-50.00"))]
>>> rows = group(lines, 1, 30)
>>> [(r.invoice, r.amount, r.due_date.isoformat(), r.paid_date) for r in rows]
[('F1', Decimal('100.00'), '2024-03-31', None), ('F2', Decimal('50.00'), '2024-04-04', datetime.date(2024, 4, 2))]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from xlcapital.imports.model import ZERO, ItemLine, Ledger
from xlcapital.money import format_money

#: The relation and invoice of the item that holds what no line explains.
UNALLOCATED = "(unallocated)"
SIDES = {"receivables": ("CU", 1), "payables": ("SU", -1)}  # item -> (opening subledger type, sign of an invoice)


@dataclass(frozen=True)
class OpenItem:
    """An invoice on one side: ``amount`` positive = owed to us (receivables) / by us (payables)."""

    relation: str
    invoice: str
    invoice_date: date
    due_date: date
    amount: Decimal
    paid_date: date | None = None
    due_given: bool = True


@dataclass
class Items:
    receivables: list[OpenItem] = field(default_factory=list)
    payables: list[OpenItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def group(lines: list[ItemLine], invoice_sign: int, payment_term: int) -> list[OpenItem]:
    """Items from the lines of one side; ``invoice_sign`` 1 for sales (debit), -1 for purchases."""
    groups: dict[tuple[str, str], list[ItemLine]] = {}
    for line in lines:
        groups.setdefault((line.relation, line.invoice), []).append(line)
    items = []
    for (relation, invoice), members in groups.items():
        members.sort(key=lambda m: (m.day, not m.opening))
        total = sum((m.amount for m in members), ZERO) * invoice_sign
        invoicing = [m for m in members if m.amount * invoice_sign > 0] or members
        invoice_date = min((m.invoice_date for m in members if m.invoice_date), default=invoicing[0].day)
        due = next((m.due_date for m in members if m.due_date and m.mutation == "I"), None)
        due = due or next((m.due_date for m in members if m.due_date), None)
        due_given = due is not None
        due = max(due or invoice_date + timedelta(days=payment_term), invoice_date)
        if total:
            items.append(OpenItem(relation, invoice, invoice_date, due, total, due_given=due_given))
        elif len(members) > 1:
            invoiced = sum((m.amount * invoice_sign for m in members if m.amount * invoice_sign > 0), ZERO)
            items.append(OpenItem(relation, invoice, invoice_date, due, invoiced, members[-1].day, due_given))
    return items


def open_items(ledger: Ledger, control: dict[str, str], payment_term: int = 30) -> Items:
    """The receivables and payables of a ledger; ``control`` maps account id -> "receivables"/"payables"."""
    result = Items()
    for side, (subledger, invoice_sign) in SIDES.items():
        accounts = {a for a, s in control.items() if s == side}
        lines = [l for l in ledger.item_lines if (l.account in accounts if l.account else l.subledger == subledger)]
        items = group([l for l in lines if l.relation or l.invoice], invoice_sign, payment_term)
        balance = sum((ledger.closing(a) for a in accounts), ZERO) * invoice_sign
        unallocated = balance - sum((i.amount for i in items if i.paid_date is None), ZERO)
        if unallocated:
            items.append(OpenItem(UNALLOCATED, UNALLOCATED, ledger.end, ledger.end, unallocated, due_given=False))
            result.warnings.append(
                f"{ledger.source}: {format_money(unallocated)} of the {side} accounts ({', '.join(sorted(accounts))}) is "
                f"on no invoice (an opening balance without subledger, or lines without a relation): one item "
                f"{UNALLOCATED!r} due {ledger.end}"
            )
        defaulted = sum(1 for i in items if not i.due_given and i.relation != UNALLOCATED and i.paid_date is None)
        if defaulted:
            result.warnings.append(
                f"{ledger.source}: {defaulted} open {side} without a due date in the file: invoice date + {payment_term} "
                "days (--payment-term)"
            )
        setattr(result, side, items)
    return result


__all__ = ["open_items", "group", "OpenItem", "Items", "UNALLOCATED"]
