"""Streamed transactions kept on disk, to be merged or listed per statement in bounded memory.

:func:`xlcapital.bank.stream` hands on each transaction once; merging exports
(:func:`~xlcapital.bank.merge`) needs all transactions of an account's day together, and a
statement's JSON needs its balances, known only at the stream's end, before its transactions.
:class:`TransactionSpill` keeps the transactions in a SQLite file in a temporary folder (removed
on :meth:`~TransactionSpill.close`), indexed by account, day, source and file order, and gives them
back a day or a statement at a time. The merge is :mod:`xlcapital.bank.merge`'s rule, day by day,
with the same functions: what is in memory at once is one account's day.

>>> from datetime import date
>>> from decimal import Decimal
>>> from xlcapital.bank.model import Statement, Transaction, assign_keys
>>> def export(source, *days):
...     t = [Transaction(date(2026, 3, d), Decimal("-2.50"), description="Koffie") for d in days]
...     assign_keys(t, "NL91ABNA0417164300")
...     return Statement("NL91ABNA0417164300", "EUR", t, source=source)
>>> statements = [export("jan.csv", 1, 2, 2), export("feb.csv", 2, 2, 3)]
>>> with TransactionSpill() as spill:
...     for s in statements:
...         for t in s.transactions:
...             spill.add(s, t)
...     merged = spill.merge(statements)
...     [t.booking_date.day for _, t in merged], [len(list(spill.of_statement(s))) for s in statements]
([1, 2, 2, 3], [3, 3])
>>> merged.statements[0].transaction_count
4
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from itertools import groupby
from operator import itemgetter
from typing import Iterator

from xlcapital.bank.merge import _groups, _merged_header, _once, _unmatched, _warn_gap
from xlcapital.bank.model import Statement, Tally, Transaction

__all__ = ["TransactionSpill"]

#: rows written to SQLite at a time
_BATCH = 10_000


class TransactionSpill:
    """Transactions on disk, with their statement (see the module docstring)."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="xlcapital-")
        self.db = sqlite3.connect(os.path.join(self._folder.name, "transactions.sqlite"))
        # "pragma: no mutate" on the SQL: its keywords and names are case-blind, so the case mutants
        # of every statement are equivalent (docs/development.md, "Mutation testing")
        self.db.execute("PRAGMA journal_mode = OFF")  # pragma: no mutate
        self.db.execute("PRAGMA synchronous = OFF")  # pragma: no mutate
        # seq: SQLite numbers the rows as they are inserted, so it is the order they came in
        sql = "CREATE TABLE tx (seq INTEGER PRIMARY KEY, grp INTEGER, day INTEGER, src INTEGER, stmt INTEGER, t BLOB)"  # pragma: no mutate
        self.db.execute(sql)
        self._groups: dict[tuple[str, str | None], int] = {}
        self._sources: dict[str | None, int] = {}
        #: statement (by id) -> its number; the statements are kept so that no id is reused
        self._statements: dict[int, int] = {}
        self._kept: list[Statement] = []
        self._rows: list[tuple] = []

    def __enter__(self) -> "TransactionSpill":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()
        self._folder.cleanup()

    def add(self, statement: Statement, t: Transaction) -> None:
        """Keep ``t`` of ``statement`` (whose account, currency and source are final)."""
        grp = self._groups.setdefault((statement.account, statement.currency), len(self._groups))
        src = self._sources.setdefault(statement.source, len(self._sources))
        stmt = self._statements.get(id(statement))
        if stmt is None:
            stmt = self._statements[id(statement)] = len(self._kept)
            self._kept.append(statement)
        self._rows.append((grp, t.booking_date.toordinal(), src, stmt, pickle.dumps(t)))
        if len(self._rows) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self.db.executemany("INSERT INTO tx (grp, day, src, stmt, t) VALUES (?, ?, ?, ?, ?)", self._rows)  # pragma: no mutate
            self._rows = []

    def _ready(self) -> None:
        self._flush()
        self.db.execute("CREATE INDEX IF NOT EXISTS by_day ON tx (grp, day, src, seq)")  # pragma: no mutate
        self.db.execute("CREATE INDEX IF NOT EXISTS by_statement ON tx (stmt, seq)")  # pragma: no mutate

    def of_statement(self, statement: Statement, reverse: bool = False) -> Iterator[Transaction]:
        """The transactions kept of ``statement``, in the order they came (``reverse``: last first)."""
        self._ready()
        stmt = self._statements.get(id(statement))
        if stmt is None:
            return
        order = "DESC" if reverse else "ASC"  # pragma: no mutate
        for (blob,) in self.db.execute(f"SELECT t FROM tx WHERE stmt = ? ORDER BY seq {order}", (stmt,)):
            yield pickle.loads(blob)

    def merge(self, statements: list[Statement]) -> "MergedStream":
        """:func:`~xlcapital.bank.merge` of ``statements``, whose transactions were all added: the
        merged transactions with their merged statement, account by account, day by day."""
        self._ready()
        return MergedStream(self, statements)

    def _days(self, grp: int | None) -> Iterator[list[Transaction]]:
        """The merged transactions of a group, a day at a time (the merge rule of
        :mod:`xlcapital.bank.merge`: sources in order, the first gives the day, the others add what
        matches nothing held). ``None``, a group none of whose transactions was added: no row."""
        rows = self.db.execute("SELECT day, src, t FROM tx WHERE grp = ? ORDER BY day, src, seq", (grp,))  # pragma: no mutate
        for _, of_day in groupby(rows, key=itemgetter(0)):
            held: list[Transaction] | None = None
            for _, of_source in groupby(of_day, key=itemgetter(1)):
                held = _add_source(held, [pickle.loads(blob) for _, _, blob in of_source])
            yield held


def _add_source(held: list[Transaction] | None, incoming: list[Transaction]) -> list[Transaction]:
    """What a day holds once one more source's transactions of the day are merged into it (a key
    the source has twice, the file given twice, once: a key names its day, so a day's keys suffice)."""
    incoming = list(_once(incoming, set()))
    return incoming if held is None else held + _unmatched(held, incoming)


class MergedStream:
    """The merged transactions, ``(merged statement, transaction)``; after the last one
    ``statements`` are the merged statements (with tallies, and the warning of a gap)."""

    def __init__(self, spill: TransactionSpill, statements: list[Statement]) -> None:
        self.spill, self.given = spill, statements
        self.statements: list[Statement] | None = None

    def __iter__(self) -> Iterator[tuple[Statement, Transaction]]:
        merged_all = []
        for key, group in _groups(self.given).items():
            merged = _merged_header(group)
            merged.tally = Tally()
            for day in self.spill._days(self.spill._groups.get(key)):
                for t in day:
                    merged.tally.add(t.booking_date, t.amount)
                    yield merged, t
            _warn_gap(merged, len(group))
            merged_all.append(merged)
        self.statements = merged_all
