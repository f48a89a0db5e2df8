"""A bank export read a transaction at a time, in bounded memory: :func:`stream`.

:func:`xlcapital.bank.read` returns every transaction as an object (about 1 KB each with its texts
and dedupe key) after reading the whole file into memory; a 200 MB export of 1.4 million
transactions does not fit in 300 MB that way. :func:`stream` reads the file in slices and hands on
each transaction with its statement as it is read, keeping only what the checks need::

    from xlcapital import bank

    transactions = bank.stream("big.sta")
    for statement, t in transactions:          # in file order
        print(statement.account, t.booking_date, t.amount, t.key)
    for s in transactions.statements:         # after the last one: every statement, checked
        print(s.account, s.opening_balance, s.closing_balance, s.transaction_count, s.warnings)

Every check of :func:`~xlcapital.bank.read` is made, on the whole file, and fails the same way:
the encoding is decided before the first transaction (a byte that is text in no encoding is the
same error naming its line), a damaged record stops the stream at its line, and at the end the
independent record count is compared (the same error), the balances are reconciled and the IBAN's
check digits looked at (the same warnings, in ``statement.warnings``). An error at the end comes
after transactions were handed on: whoever writes them must write all or nothing (the command
writes to a temporary file that is put in place only when the stream ends well).

What is kept: the statements without their transactions (each with a :class:`~xlcapital.bank.model.Tally`
of them: count, total, first and last day, which ``period``, ``total`` and ``reconciles`` use), and
per account the dedupe keys' counts as 64-bit digests (:class:`~xlcapital.bank.model.KeyNumbers`).
A statement's balances, account and warnings are final once the stream has ended.

Streamed in slices: every format (each module has ``stream`` and ``stream_count``); a zip's members
one at a time, each checked against the cap shared by all members before any is read. A UTF-16
file (with a byte-order mark) is re-encoded in slices as UTF-8 into a private temporary file,
removed at the end however the stream ends (:func:`~xlcapital.bank.streamio.utf8_copy`), and that
copy is streamed under the user's file name (the line numbers are the same). Read whole by
:func:`~xlcapital.bank.read_bytes` and handed on from there (same results, memory as
:func:`~xlcapital.bank.read`): a file holding a NUL byte (which is refused or, UTF-16 without a
byte-order mark, named) and one whose first 8 KB are blank.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

from xlcapital import bank as _bank
from xlcapital.bank.model import KeyNumbers, Statement, Tally, Transaction
from xlcapital.bank.presets import Preset
from xlcapital.bank.streamio import UTF16_BOMS, ByteSource, open_regular, utf8_copy
from xlcapital.errors import BankFileError

__all__ = ["stream", "BankStream"]


def stream(
    path: str | os.PathLike,
    format: str | None = None,
    bank: str | None = None,
    mapping: str | os.PathLike | Preset | None = None,
) -> "BankStream":
    """The transactions of a bank export as ``(statement, transaction)`` pairs, in file order, read
    in bounded memory; the arguments are :func:`~xlcapital.bank.read`'s. Iterate it once; then its
    ``statements`` are those :func:`~xlcapital.bank.read` returns, checked and with their warnings,
    but each with a ``tally`` instead of its ``transactions``."""
    return BankStream(path, format, bank, mapping)


class BankStream:
    """One pass over a bank export (see :func:`stream`)."""

    def __init__(self, path: str | os.PathLike, format: str | None = None, bank: str | None = None,
                 mapping: str | os.PathLike | Preset | None = None) -> None:
        self.path, self.format, self.bank, self.mapping = Path(path), format, bank, mapping
        #: every statement of the file, once the stream has ended (None before)
        self.statements: list[Statement] | None = None
        self._started = False

    @property
    def warnings(self) -> list[str]:
        """The statements' warnings (once the stream has ended)."""
        return [w for s in self.statements or () for w in s.warnings]

    def __iter__(self) -> Iterator[tuple[Statement, Transaction]]:
        if self._started:
            raise RuntimeError("a bank stream is read once: call bank.stream() again")
        self._started = True
        return self._run()

    def _run(self) -> Iterator[tuple[Statement, Transaction]]:
        source = str(self.path)
        format, bank = _bank._with_mapping(self.format, self.bank, self.mapping, source)
        file = ByteSource.of_path(self.path, _bank.MAX_FILE_BYTES)
        if file.head(4) != _ZIP:
            whole = lambda: _bank.read_file_bytes(self.path)  # noqa: E731
            self.statements = yield from _file(file, source, format, bank, whole)
            return
        statements: list[Statement] = []
        with open_regular(self.path) as f:
            if os.fstat(f.fileno()).st_size > _bank.MAX_FILE_BYTES:
                _bank.read_file_bytes(self.path)  # its error, as bank.read says it
            archive, members = _bank._zip_members(f, source, keep=False)
            for name, member, size in members:
                unzipped = ByteSource(name, lambda member=member: archive.open(member), size)
                statements += yield from _file(unzipped, name, format, bank, lambda: b"".join(unzipped.chunks()))
        self.statements = statements


#: how a zip starts
_ZIP = b"PK\x03\x04"


def _file(file: ByteSource, source: str, format: str | None, bank, whole: Callable[[], bytes]):
    """The transactions of one bank file (or zip member) as ``(statement, transaction)``, checked
    as :func:`~xlcapital.bank.read_bytes` checks them; returns its statements. ``whole()``: its
    bytes, for a file that is read whole."""
    head = file.head(8192)
    if head[:2] in UTF16_BOMS:  # as read_bytes: CAMT's declaration says UTF-8 from then on, as camt.read does it
        with utf8_copy(file, xml_declaration=_bank.format_module("camt").sniff(head)) as copy:
            return (yield from _file(copy, source, format, bank, whole))
    name = None if _read_whole(head) or file.find(b"\x00") >= 0 else format or _bank.detect_format(head, source)
    module = _bank.format_module(name) if name else None
    if module is None:
        statements = _bank.read_bytes(whole(), source, format, bank)
        yield from _handed_on(statements)
        return statements
    keys = KeyNumbers()
    with _bank._net(name, source):
        reader = module.stream(file, source=source, bank=bank)
    while True:
        try:
            statement, t = next(reader)
        except StopIteration as done:
            statements = done.value
            break
        except (BankFileError, *_bank._READER_FAULTS) as exc:
            raise _bank._caught(exc, name, source) from (None if isinstance(exc, BankFileError) else exc)
        if statement.tally is None:  # the first of its transactions: what the statement is, early
            statement.tally = Tally()
            statement.format, statement.source = statement.format or name, statement.source or source
        statement.tally.add(t.booking_date, t.amount)
        keys.assign(t, statement.account)
        yield statement, t
    with _bank._net(name, source):
        expected = _bank._count_records(module.stream_count, file, bank)
    for statement in statements:
        if statement.tally is None:
            statement.tally = Tally()
    _bank._check_count(statements, expected, source)
    for statement in statements:
        _bank._finish(statement, name, source)
    return statements


def _read_whole(head: bytes) -> bool:
    """Files read whole: one whose first 8 KB are blank (read_bytes then says "empty", or reads on).
    (A zip never comes here: a zip inside a zip is refused before any member is read.)"""
    return not head.strip()


def _handed_on(statements: list[Statement]) -> Iterator[tuple[Statement, Transaction]]:
    """The transactions of statements read whole, handed on as a stream hands them on (each
    statement left with its tally)."""
    for statement in statements:
        transactions, statement.transactions = statement.transactions, []
        statement.tally = Tally()
        for t in transactions:
            statement.tally.add(t.booking_date, t.amount)
            yield statement, t
