"""The statements of a bank CSV: rows grouped per account and currency, put oldest first, balanced.

A CSV export holds one or more accounts' rows (ABN AMRO: several accounts in one file), oldest
or newest first (ING and Knab write newest first). :class:`Accounts` takes the rows one at a time
and keeps per account and currency only what deciding the order and the balances needs (the
first, previous and last row and the running-balance chain counts); the transactions themselves
go to a store (a list in memory for :func:`xlcapital.bank.csvbank.read`, a
:class:`~xlcapital.bank.spill.TransactionSpill` on disk for :func:`xlcapital.bank.csvbank.stream`),
from which :meth:`Accounts.transactions` hands them on oldest first once every row is read.

The order (``row_order`` ``auto``): the direction in which more running balances chain up
(balance after = previous balance after + amount, or balance before = previous balance before +
previous amount), else the dates (first later than last: newest first), else the file's order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator, Protocol

from xlcapital.bank.detect import BANK_CODES, iban_bank_code
from xlcapital.bank.model import Balance, Statement, Transaction
from xlcapital.bank.presets import Preset
from xlcapital.bank import messages as say

__all__ = ["Accounts", "MemoryStore"]


class Row(Protocol):
    """What a CSV row gives: its transaction, account and the balance before it."""

    tx: Transaction
    account: str
    balance_before: Decimal | None


class Store(Protocol):
    def add(self, statement: Statement, t: Transaction) -> None: ...

    def of_statement(self, statement: Statement, reverse: bool = False) -> Iterator[Transaction]: ...


class MemoryStore:
    """Transactions kept in lists, per statement."""

    def __init__(self) -> None:
        self.lists: dict[int, list[Transaction]] = {}

    def add(self, statement: Statement, t: Transaction) -> None:
        self.lists.setdefault(id(statement), []).append(t)

    def of_statement(self, statement: Statement, reverse: bool = False) -> Iterator[Transaction]:
        kept = self.lists.get(id(statement), [])
        return reversed(kept) if reverse else iter(kept)


@dataclass
class _Account:
    """One account and currency's rows so far: the first, the previous (the last) and how many
    running balances chain up forward and backward."""

    statement: Statement
    first: Row
    last: Row
    count: int = 1
    forward: int = 0
    backward: int = 0
    warnings: list[str] = field(default_factory=list)

    def add(self, row: Row) -> None:
        a, b = self.last.tx, row.tx
        if a.balance_after is not None and b.balance_after is not None:
            self.forward += b.balance_after == a.balance_after + b.amount
            self.backward += a.balance_after == b.balance_after + a.amount
        if self.last.balance_before is not None and row.balance_before is not None:
            self.forward += row.balance_before == self.last.balance_before + a.amount
            self.backward += self.last.balance_before == row.balance_before + b.amount
        self.last = row
        self.count += 1

    def newest_first(self, order: str) -> bool:
        if order == "oldest_first" or self.count < 2:
            return False
        if order == "newest_first":
            return True
        if self.forward != self.backward:
            return self.backward > self.forward
        return self.first.tx.booking_date > self.last.tx.booking_date


class Accounts:
    """The statements of one CSV file, built from its rows in file order (see the module docstring)."""

    def __init__(self, preset: Preset, source: str, store: Store) -> None:
        self.preset, self.source, self.store = preset, source, store
        self.accounts: dict[tuple[str, str], _Account] = {}

    def add(self, row: Row, line: int, repaired: bool, problem: str) -> None:
        """A row read at ``line`` (``repaired``: its opening quote was missing; ``problem``: what
        was wrong with its running balance, "" for nothing)."""
        key = (row.tx.currency or "", row.account)
        account = self.accounts.get(key)
        if account is None:
            account = self.accounts[key] = _Account(self._statement(row.account, key[0] or None), row, row)
        else:
            account.add(row)
        self.store.add(account.statement, row.tx)
        if repaired:
            account.warnings.append(say.CSV_QUOTE_REPAIRED(where=f"{self.source}:{line}"))
        if problem:
            account.warnings.append(say.CSV_ROW_PROBLEM(where=f"{self.source}:{line}", problem=problem))

    def _statement(self, account: str, currency: str | None) -> Statement:
        code = iban_bank_code(account)
        bank = BANK_CODES.get(code, self.preset.bank) if code in self.preset.bank_codes else self.preset.bank
        return Statement(account=account, currency=currency, bank=bank, format="csv", source=self.source)

    def transactions(self) -> Iterator[tuple[Statement, Transaction]]:
        """Every account's transactions oldest first, account by account (in the order they first
        appear), with the statement's balances and warnings set before its first is handed on."""
        for account in self.accounts.values():
            reverse = account.newest_first(self.preset.row_order)
            oldest, newest = (account.last, account.first) if reverse else (account.first, account.last)
            statement = account.statement
            statement.opening_balance = _balance(self.preset.opening_balance, oldest, statement.currency)
            statement.closing_balance = _balance(self.preset.closing_balance, newest, statement.currency)
            statement.warnings = list(account.warnings)
            for t in self.store.of_statement(statement, reverse):
                yield statement, t

    @property
    def statements(self) -> list[Statement]:
        return [account.statement for account in self.accounts.values()]


def _balance(rule: str, row: Row, currency: str | None) -> Balance | None:
    """The opening or closing balance by the preset's rule, from the first or last row."""
    t = row.tx
    value = {
        "first_before": row.balance_before,
        "first_after_minus_amount": None if t.balance_after is None else t.balance_after - t.amount,
        "last_after": t.balance_after,
        "last_before_plus_amount": None if row.balance_before is None else row.balance_before + t.amount,
        "": None,
    }[rule]
    return None if value is None else Balance(value, t.booking_date, currency)
