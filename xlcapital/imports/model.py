"""What every reader of :mod:`xlcapital.imports` gives: one :class:`Ledger`.

Amounts are signed Decimals, **debit positive** (credit negative), as a trial balance is kept:
the signed balances of all accounts add up to 0 when the ledger balances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

ZERO = Decimal(0)


@dataclass
class Account:
    """A ledger account: its id, name, kind (``B`` balance sheet, ``P`` profit and loss, ``M`` mixed,
    ``""`` unknown) and RGS code (None when the bookkeeping gave none)."""

    id: str
    name: str = ""
    kind: str = ""
    rgs: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Relation:
    """A customer or supplier (``custSupID``, its name, ``custSupTp``: C, S, B (both), O (other) or "")."""

    id: str
    name: str = ""
    kind: str = ""


@dataclass(frozen=True, slots=True)  # slots: a large auditfile holds hundreds of thousands
class ItemLine:
    """A posting on a relation: a ledger line (trLine) or an opening item (obSbLine).

    ``amount`` is signed, debit positive. ``invoice`` is invRef (else recRef); ``due_date`` and
    ``invoice_date`` come from the subledger where the file has one.
    """

    account: str | None
    relation: str
    invoice: str
    day: date
    amount: Decimal
    invoice_date: date | None = None
    due_date: date | None = None
    mutation: str = ""  # mutTp: I invoice, P payment, "" unknown
    opening: bool = False  # an open item of the opening balance
    line: int | None = None
    subledger: str = ""  # sbType of an opening item: CU customers, SU suppliers
    document: str = ""  # docRef: names an invoice that has no invoice number


@dataclass
class Ledger:
    """A bookkeeping's figures for one period, as read from an auditfile or a trial balance.

    ``opening`` holds each account's balance at the start, ``movements`` what the period's
    postings added (an income-statement account: its result of the period). ``item_lines`` are
    the postings that carry a relation (the material of the open items); ``has_items`` says
    whether the source can have them at all (a trial balance cannot).
    """

    source: str
    company_name: str
    start: date
    end: date
    currency: str = "EUR"
    version: str = ""
    accounts: dict[str, Account] = field(default_factory=dict)
    opening: dict[str, Decimal] = field(default_factory=dict)
    movements: dict[str, Decimal] = field(default_factory=dict)
    postings: dict[str, int] = field(default_factory=dict)  # lines per account in the period (0 for a trial balance)
    relations: dict[str, Relation] = field(default_factory=dict)
    relation_closing: dict[str, Decimal] = field(default_factory=dict)  # XAF 4.0 clBalDesc: a check of the items
    item_lines: list[ItemLine] = field(default_factory=list)
    has_items: bool = False
    warnings: list[str] = field(default_factory=list)

    def closing(self, account: str) -> Decimal:
        return self.opening.get(account, ZERO) + self.movements.get(account, ZERO)

    def account(self, account_id: str, line: int | None = None) -> Account:
        """The account, created (without name or kind) when a line names one the ledger did not list."""
        acc = self.accounts.get(account_id)
        if acc is None:
            acc = self.accounts[account_id] = Account(account_id, line=line)
        return acc

    def add(self, book: dict[str, Decimal], account_id: str, amount: Decimal) -> None:
        book[account_id] = book.get(account_id, ZERO) + amount

    def imbalance(self) -> tuple[Decimal, Decimal]:
        """(opening, closing) sum of all signed balances: both 0 for a ledger that balances."""
        opening = sum(self.opening.values(), ZERO)
        return opening, opening + sum(self.movements.values(), ZERO)
