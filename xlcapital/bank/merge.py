"""Merge statements of one account from several (overlapping) exports: no duplicates, no losses.

The rule, per account and currency, day by day
-----------------------------------------------
Exports are cut by date, so every export that holds a day holds either all of that day's
transactions or (an export made during the day) the first of them. The merge therefore works on
each booking date separately, taking the exports (sources: the files the statements came from)
in the order given:

1. the first source that has the day gives its transactions;
2. each later source's transactions of that day are matched one to one against what the day
   already holds: first by dedupe key (:mod:`xlcapital.bank.model`; the same export twice, or two
   overlapping exports in one format), then, for those left, by equal amount against a
   transaction no key matched (the same payment written differently: an MT940 and a CSV export of
   one account);
3. what is still unmatched is new and is added.

So the same file read twice changes nothing; two equal coffees of 2.50 on one day stay two (their
keys end in ``|1`` and ``|2``); a day that one export has in part and another in full ends up in
full. Within one source, a key seen twice means the file was given twice and counts once.

The merged statement's opening balance is that of the earliest statement, its closing balance
that of the latest (by the dates of their balances, else of their bookings: a statement may hold
back-dated bookings); if they do not reconcile with the merged transactions (a gap between the
exports), that is a warning.

>>> from datetime import date
>>> from decimal import Decimal
>>> from xlcapital.bank.model import Statement, Transaction, assign_keys
>>> def export(source, *days):
...     t = [Transaction(date(2026, 3, d), Decimal("-2.50"), description="Koffie") for d in days]
...     assign_keys(t, "NL91ABNA0417164300")
...     return Statement("NL91ABNA0417164300", "EUR", t, source=source)
>>> [m] = merge_statements([export("jan.csv", 1, 2, 2), export("feb.csv", 2, 2, 3)])
>>> [t.booking_date.day for t in m.transactions]
[1, 2, 2, 3]
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator

from xlcapital.bank.model import Balance, Statement, Transaction, assign_keys
from xlcapital.bank import messages as say

__all__ = ["merge_statements"]


def merge_statements(statements: list[Statement]) -> list[Statement]:
    """One statement per (account, currency), in the order the accounts first appear."""
    return [_merge_account(group) for group in _groups(statements).values()]


def _merge_account(statements: list[Statement]) -> Statement:
    for statement in statements:
        if any(not t.key for t in statement.transactions):  # built by hand, not by bank.read
            assign_keys(statement.transactions, statement.account)
    by_source: dict[str | None, list[Statement]] = {}
    for statement in statements:
        by_source.setdefault(statement.source, []).append(statement)
    days: dict[date, list[Transaction]] = {}
    for group in by_source.values():
        for day, incoming in _days_of(group).items():
            held = days.get(day)
            days[day] = incoming if held is None else held + _unmatched(held, incoming)
    merged = _merged_header(statements)
    merged.transactions = [t for day in sorted(days) for t in days[day]]
    _warn_gap(merged, len(statements))
    return merged


def _merged_header(statements: list[Statement]) -> Statement:
    """The merged statement of one account's statements, without its transactions: the opening
    balance of the earliest, the closing balance of the latest."""
    first = min(statements, key=_start)  # min/max keep the first of equals: the order given
    last = max(reversed(statements), key=_end)
    return Statement(
        account=statements[0].account,
        currency=statements[0].currency,
        opening_balance=first.opening_balance,
        closing_balance=last.closing_balance,
        bank=next((s.bank for s in statements if s.bank), None),
        format="+".join(dict.fromkeys(s.format for s in statements if s.format)) or None,
        source="; ".join(dict.fromkeys(s.source for s in statements if s.source)) or None,
        warnings=list(dict.fromkeys(w for s in statements for w in s.warnings)),
    )


def _warn_gap(merged: Statement, merged_from: int) -> None:
    """A warning when a statement merged from several does not reconcile."""
    if merged_from > 1 and merged.reconciles is False:
        o, c = merged.opening_balance.amount, merged.closing_balance.amount
        merged.warnings.append(say.MERGED_NOT_RECONCILED(account=merged.account, count=merged_from, opening=o,
                                                         total=merged.total, reached=o + merged.total, closing=c,
                                                         difference=c - o - merged.total))


def _groups(statements: list[Statement]) -> dict[tuple[str, str | None], list[Statement]]:
    """The statements by (account, currency), in the order the accounts first appear."""
    groups: dict[tuple[str, str | None], list[Statement]] = {}
    for statement in statements:
        groups.setdefault((statement.account, statement.currency), []).append(statement)
    return groups


def _days_of(statements: list[Statement]) -> dict[date, list[Transaction]]:
    """The transactions of one source by booking date; a key seen twice (the file given twice) once."""
    days: dict[date, list[Transaction]] = {}
    for t in _once((t for statement in statements for t in statement.transactions), set()):
        days.setdefault(t.booking_date, []).append(t)
    return days


def _once(transactions: Iterable[Transaction], seen: set[str]) -> Iterator[Transaction]:
    """The transactions whose key is not in ``seen`` (which learns each)."""
    for t in transactions:
        if t.key not in seen:
            seen.add(t.key)
            yield t


def _unmatched(held: list[Transaction], incoming: list[Transaction]) -> list[Transaction]:
    """The incoming transactions of a day that match none held: by key first, then by amount."""
    by_key = {t.key: i for i, t in enumerate(held)}
    claimed: set[int] = set()
    rest = []
    for t in incoming:
        i = by_key.get(t.key)
        if i is not None and i not in claimed:
            claimed.add(i)
        else:
            rest.append(t)
    new = []
    for t in rest:
        i = next((i for i, h in enumerate(held) if i not in claimed and _same_money(h, t)), None)
        if i is None:
            new.append(t)
        else:
            claimed.add(i)
    return new


def _same_money(a: Transaction, b: Transaction) -> bool:
    return a.amount == b.amount and (a.currency or b.currency or "") == (b.currency or a.currency or "")


def _start(statement: Statement) -> tuple:
    """Sort key: the date of the statement's opening balance, else its first booking day, else
    its closing balance's date; among equals, one that states an opening balance first.

    The balance's date comes first because a statement may hold back-dated bookings: a Rabobank
    MT940 statement opening on 3 April can book a charge on 1 April, and is still the later one."""
    period = statement.period
    day = _balance_date(statement.opening_balance) or (period[0] if period else _balance_date(statement.closing_balance))
    return (day or date.max, statement.opening_balance is None)


def _end(statement: Statement) -> tuple:
    """Sort key: the date of the statement's closing balance, else its last booking day, else its
    opening balance's date; among equals, one with a closing balance and with the most transactions
    on its last booking day (an export made later that day) last."""
    period = statement.period
    day = _balance_date(statement.closing_balance) or (period[1] if period else _balance_date(statement.opening_balance))
    return (day or date.min, statement.closing_balance is not None, statement.on_last_day)


def _balance_date(balance: Balance | None) -> date | None:
    return None if balance is None else balance.date
