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

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from xlcapital.imports.model import ZERO, ItemLine, Ledger
from xlcapital.imports import messages as say
from xlcapital.messages import AS_LIST

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
    invoiced: bool = True  # False: only payments (of an invoice from before the period, not itemized)


@dataclass
class Items:
    receivables: list[OpenItem] = field(default_factory=list)
    payables: list[OpenItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def group(lines: list[ItemLine], invoice_sign: int, payment_term: int) -> list[OpenItem]:
    """Items from the lines of one side; ``invoice_sign`` 1 for sales (debit), -1 for purchases.

    Lines with an invoice number are grouped by (relation, number). A relation's lines without one
    (Banana writes none; some packages leave payments unnumbered) are settled first in, first
    out: each unnumbered invoice line is an invoice of its own (named by its docRef), and the
    unnumbered payments pay the relation's oldest open invoices first; what they pay beyond that
    is a credit "on account".
    """
    groups: dict[tuple[str, str], list[ItemLine]] = {}
    for line in lines:
        number = line.invoice if line.invoice.strip("0- ") else ""  # Exact's "0": a payment not matched to an invoice
        groups.setdefault((line.relation, number), []).append(line)
    items: list[OpenItem] = []
    unnumbered = {relation: members for (relation, invoice), members in groups.items() if not invoice}
    for (relation, invoice), members in groups.items():
        if not invoice:
            continue
        members.sort(key=lambda m: (m.day, not m.opening))
        item = _item(relation, invoice, members, invoice_sign, payment_term)
        if not item.invoiced and relation in unnumbered:
            # a payment of an invoice the file does not itemize pays the relation's oldest (e.g. its opening balance)
            unnumbered[relation] += members
        else:
            items.append(item)
    for relation, members in unnumbered.items():
        settled, new = _first_in_first_out(relation, members, [i for i in items if i.relation == relation], invoice_sign,
                                           payment_term)  # fmt: skip
        items = [settled.get(id(i), i) for i in items] + new
    return [i for i in items if i.amount or i.paid_date]


def _item(relation: str, invoice: str, members: list[ItemLine], invoice_sign: int, term: int) -> OpenItem:
    """One invoice from its lines: open (its total) or paid (its invoiced amount, the last line's day)."""
    total = sum((m.amount for m in members), ZERO) * invoice_sign
    invoicing = [m for m in members if m.amount * invoice_sign > 0] or members
    invoice_date = min((m.invoice_date for m in members if m.invoice_date), default=invoicing[0].day)
    due = next((m.due_date for m in members if m.due_date and m.mutation == "I"), None)
    due = due or next((m.due_date for m in members if m.due_date), None)
    due_given = due is not None
    due = max(due or invoice_date + timedelta(days=term), invoice_date)
    if not any(m.amount * invoice_sign > 0 or m.opening for m in members):
        return OpenItem(relation, invoice, invoice_date, due, total, due_given=due_given, invoiced=False)
    if total or len(members) == 1:
        return OpenItem(relation, invoice, invoice_date, due, total, due_given=due_given)
    invoiced = sum((m.amount * invoice_sign for m in invoicing), ZERO)
    return OpenItem(relation, invoice, invoice_date, due, invoiced, members[-1].day, due_given)


def _first_in_first_out(relation, members, numbered, invoice_sign, term) -> tuple[dict[int, OpenItem], list[OpenItem]]:
    """Settle a relation's unnumbered lines: new invoices, and payments on the oldest open ones.

    ``numbered`` are the relation's items from numbered lines: payments settle them too. Returns
    the settled versions of those (by ``id`` of the original) and the new items.
    """
    members = sorted(members, key=lambda m: (m.day, not m.opening))
    invoices = [_item(relation, m.document, [m], invoice_sign, term) for m in members if m.amount * invoice_sign > 0]
    payments = [(m.day, -m.amount * invoice_sign) for m in members if m.amount * invoice_sign < 0]
    open_numbered = [i for i in numbered if i.paid_date is None and i.amount > 0]
    queue = sorted(open_numbered + invoices, key=lambda i: (i.invoice_date, i.invoice))
    settled: dict[int, OpenItem] = {}
    credit, last = ZERO, None
    for day, amount in payments:
        while amount and queue:
            item = settled.get(id(queue[0]), queue[0])
            used = min(amount, item.amount)
            amount -= used
            rest = item.amount - used
            # a paid item keeps the amount that was open (what these payments paid), with the paid date
            done = replace(item, amount=rest) if rest else replace(item, amount=queue[0].amount, paid_date=day)
            settled[id(queue[0])] = done
            if not rest:
                queue.pop(0)
        credit, last = credit + amount, day
    new = [settled.get(id(i), i) for i in invoices]
    if credit:  # paid more than was open: one credit on account, dated by the last payment
        new.append(OpenItem(relation, f"on account {last.isoformat()}", last, last, -credit, due_given=False))
    return settled, new


def open_items(ledger: Ledger, control: dict[str, str], payment_term: int = 30) -> Items:
    """The receivables and payables of a ledger; ``control`` maps account id -> "receivables"/"payables"."""
    result = Items()
    for side, (subledger, invoice_sign) in SIDES.items():
        accounts = {a for a, s in control.items() if s == side}
        lines = [l for l in ledger.item_lines if (l.account in accounts if l.account else l.subledger == subledger)]
        items = group([l for l in lines if l.relation or l.invoice], invoice_sign, payment_term)
        # payments of invoices the file does not itemize (from before the period) settle the opening balance
        orphans = [i for i in items if not i.invoiced]
        items = [i for i in items if i.invoiced]
        balance = sum((ledger.closing(a) for a in accounts), ZERO) * invoice_sign
        unallocated = balance - sum((i.amount for i in items if i.paid_date is None), ZERO)
        if unallocated:
            items.append(OpenItem(UNALLOCATED, UNALLOCATED, ledger.end, ledger.end, unallocated, due_given=False))
            result.warnings.append(say.UNALLOCATED(
                source=ledger.source, amount=unallocated, side=say.SIDES[side](), accounts=", ".join(sorted(accounts)),
                orphans=say.ORPHANS(count=len(orphans)) if orphans else "", item=UNALLOCATED, due=ledger.end))
        defaulted = sum(1 for i in items if not i.due_given and i.relation != UNALLOCATED and i.paid_date is None)
        if defaulted:
            result.warnings.append(say.NO_DUE_DATE(source=ledger.source, count=defaulted, side=say.SIDES[side](),
                                                   term=payment_term))
        result.warnings += _check_relations(ledger, side, subledger, invoice_sign, items)
        setattr(result, side, items)
    return result


def _check_relations(ledger: Ledger, side: str, subledger: str, invoice_sign: int, items: list[OpenItem]) -> list[str]:
    """XAF 4.0 gives each relation's closing balance: its open items must add up to it."""
    kind = {"CU": "C", "SU": "S"}[subledger]
    wrong = []
    for rid, balance in ledger.relation_closing.items():
        relation = ledger.relations.get(rid)
        if relation is None or relation.kind != kind:
            continue
        total = sum((i.amount for i in items if i.relation == rid and i.paid_date is None), ZERO)
        if total != balance * invoice_sign:
            wrong.append(say.RELATION_OFF(relation=f"{rid} {relation.name}", total=total, balance=balance * invoice_sign))
    if not wrong:
        return []
    return [say.RELATIONS_OFF(source=ledger.source, side=say.SIDES[side](), count=len(wrong),
                              which=AS_LIST(items=wrong[:5], more="; ..." if len(wrong) > 5 else ""))]


__all__ = ["open_items", "group", "OpenItem", "Items", "UNALLOCATED"]
